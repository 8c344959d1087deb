"""What is translated, outdated or missing in each language, and the commands translators use:
`curriculum status`, `curriculum translated` (stamp after a review) and `curriculum
new-translation` (a stamped file to translate)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .drift import (
    _element_model,
    _translatable,
    format_stamp,
    glossary_parts,
    pairs,
    source_parts,
    week_items,
)
from .fields import STAMP_KEY
from .kinds import BY_NAME
from .loaded import Curriculum
from .loading.files import split_locale
from .text import body_hash

STATES = ("translated", "outdated", "unstamped", "missing")


@dataclass(frozen=True)
class English:
    """A file that can be translated, with what a translation of it starts from."""

    kind: str
    path: str
    meta: Any
    body: str | None = None
    items: dict[str, str] | None = None

    def translation_path(self, lang: str) -> str:
        stem, ext = posixpath.splitext(self.path)
        return f"{stem}.{lang}{ext}"


@dataclass(frozen=True)
class Entry:
    source: str
    lang: str
    state: str
    path: str
    changed: tuple[str, ...] = ()


def english_files(cur: Curriculum) -> Iterator[English]:
    """Every English file of the site that has, or could have, translations, in the site's order."""
    for module in cur.modules.values():
        yield English("module", f"{module.path}/module.yml", module.meta)
        if module.glossary is not None:
            yield English("glossary", f"{module.path}/glossary.yml", module.terms())
        for stem, doc in module.extra_pages().items():
            yield English(stem, doc.path, doc.meta, doc.body)
        for week in module.weeks:
            items = week_items(week)
            for doc in (week.prep, week.exercises, week.coach):
                kind = doc.path.rsplit("/", 1)[-1].removesuffix(".md")
                yield English(kind, doc.path, doc.meta, doc.body, items if kind == "prep" else None)
    for prog in cur.programmes:
        yield English("programme", prog.path, prog.meta)
    for rel, doc in sorted(cur.pages.items()):
        if split_locale(Path(rel))[1] is None:
            yield English("page", rel, doc.meta, doc.body)


def entries(cur: Curriculum) -> list[Entry]:
    """The state of every English file in every other language of the site."""
    others = [lang for lang in cur.languages if lang != cur.default_language]
    out = []
    for english in english_files(cur):
        for lang in others:
            path = english.translation_path(lang)
            found = cur.drift.get(path)
            if found is None:
                out.append(Entry(english.path, lang, "missing", path))
            else:
                out.append(Entry(english.path, lang, found.state, path, found.changed))
    return out


def summary(cur: Curriculum, found: list[Entry]) -> dict[str, dict[str, int]]:
    """Per language: how many files are in each state, and the share up to date (in %)."""
    out: dict[str, dict[str, int]] = {}
    for entry in found:
        counts = out.setdefault(entry.lang, dict.fromkeys(STATES, 0))
        counts[entry.state] += 1
    for counts in out.values():
        total = sum(counts[s] for s in STATES)
        counts["total"] = total
        counts["percent"] = round(100 * counts["translated"] / total) if total else 100
    return out


def as_json(cur: Curriculum) -> dict[str, Any]:
    found = entries(cur)
    return {
        "source_language": cur.default_language,
        "languages": summary(cur, found),
        "files": [
            {
                "source": e.source,
                "language": e.lang,
                "state": e.state,
                "translation": e.path,
                "changed": list(e.changed),
            }
            for e in found
        ],
    }


_CELL = {"translated": "yes", "outdated": "outdated", "unstamped": "unstamped", "missing": "-"}


def as_text(cur: Curriculum) -> str:
    """A table of every English file by language, what changed in outdated translations, and the
    share of each language up to date."""
    found = entries(cur)
    others = [lang for lang in cur.languages if lang != cur.default_language]
    by_source: dict[str, dict[str, Entry]] = {}
    for entry in found:
        by_source.setdefault(entry.source, {})[entry.lang] = entry
    rows = [["file", *others]]
    for source, cells in by_source.items():
        rows.append([_short(source), *(_CELL[cells[lang].state] for lang in others)])
    lines = _table(rows)
    outdated = [e for e in found if e.state == "outdated"]
    if outdated:
        lines += ["", "outdated (what changed in the English since the translation was stamped):"]
        lines += [f"  {e.path}: {', '.join(e.changed)}" for e in outdated]
    unstamped = [e for e in found if e.state == "unstamped"]
    if unstamped:
        lines += ["", "not stamped (run `curriculum translated PATH` once checked):"]
        lines += [f"  {e.path}" for e in unstamped]
    lines.append("")
    counts = summary(cur, found)
    rows = [["language", *STATES, "up to date"]]
    for lang in others:
        c = counts.get(lang, dict.fromkeys((*STATES, "total", "percent"), 0))
        rows.append([lang, *(str(c[s]) for s in STATES), f"{c['percent']} %"])
    return "\n".join(lines + _table(rows))


def _short(path: str) -> str:
    return path.removeprefix("modules/").removeprefix("curriculum/")


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]
    return [
        "".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


# Stamping ------------------------------------------------------------------------------------


def stamp_text(text: str, stamp: str, *, markdown: bool) -> str:
    """`text` with its `translated_from:` line set to `stamp`: replaced where it is, or else first
    in the front matter (Markdown) or the file (YAML)."""
    line = f'{STAMP_KEY}: "{stamp}"'
    lines = text.split("\n")
    if markdown:
        if not lines or lines[0].strip() != "---":
            return "\n".join(["---", line, "---", *lines])
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise ValueError("the front matter has no closing `---` line")
        region = range(1, end)
        first = 1
    else:
        region = range(len(lines))
        first = 0
    for i in region:
        if lines[i].startswith(f"{STAMP_KEY}:"):
            lines[i] = line
            return "\n".join(lines)
    lines.insert(first, line)
    return "\n".join(lines)


class TranslationError(Exception):
    """A request the translation commands cannot carry out; the message says why."""


def stamp(cur: Curriculum, targets: list[Path], lang: str | None = None) -> list[str]:
    """Record in every translation at or under `targets` (files or folders on disk) that it is up
    to date with its English as it is now. Returns the paths stamped."""
    wanted = [t.resolve() for t in targets]
    done = []
    for pair in pairs(cur):
        if lang is not None and pair.lang != lang:
            continue
        disk = cur.source(pair.path).resolve()
        if not any(disk == t or t in disk.parents for t in wanted):
            continue
        text = disk.read_text(encoding="utf-8")
        stamped = stamp_text(text, format_stamp(pair.parts), markdown=disk.suffix == ".md")
        if stamped != text:
            disk.write_text(stamped, encoding="utf-8")
        done.append(pair.path)
    if not done:
        shown = ", ".join(str(t) for t in targets)
        raise TranslationError(
            f"no translation at {shown}"
            + (f" in '{lang}'" if lang else "")
            + ": name translation files (prep.fr.md) or folders that hold some"
        )
    return done


def new_translation(cur: Curriculum, source: Path, lang: str) -> Path:
    """Create the `lang` translation of the English file `source`: its translatable text, in
    English, under a TODO line that `curriculum check` refuses until it is translated, stamped
    with the English as it is now."""
    if lang == cur.default_language or lang not in cur.languages:
        others = ", ".join(x for x in cur.languages if x != cur.default_language)
        raise TranslationError(f"'{lang}' is not a language to translate into: use one of {others}")
    disk = source.resolve()
    english = next((e for e in english_files(cur) if cur.source(e.path).resolve() == disk), None)
    if english is None:
        raise TranslationError(
            f"{source} is not an English file of the curriculum: name a module.yml, glossary.yml, "
            "prep.md, exercises.md, coach.md, self-evaluation.md, workshop.md, a programme or a "
            "page, without a language code"
        )
    target = disk.with_name(Path(english.translation_path(lang)).name)
    if target.exists():
        raise TranslationError(f"{target.name} already exists: edit it instead")
    target.write_text(_draft(english), encoding="utf-8")
    return target


_TODO = "TODO: translate every text below into your language, then delete this line."


def _draft(english: English) -> str:
    if english.kind == "glossary":
        terms = {k: {"term": e.term, "definition": e.definition} for k, e in english.meta.items()}
        stamp = format_stamp(glossary_parts(english.meta))
        return stamp_text(_yaml(terms, comment=True), stamp, markdown=False)
    kind = BY_NAME.get(english.kind)
    cls: type[BaseModel] = (
        kind.translation_model if kind and kind.translation_model else type(english.meta)
    )
    stamp = format_stamp(source_parts(english.meta, body_hash(english.body), cls, english.items))
    data: dict[str, Any] = {}
    for name, info in cls.model_fields.items():
        if name == STAMP_KEY:
            continue
        value = (
            english.items
            if name == "prep"
            else _translatable(getattr(english.meta, name, None), _element_model(info.annotation))
        )
        if value is not None:
            data[info.alias or name] = value
    if english.body is None:
        return stamp_text(_yaml(data, comment=True), stamp, markdown=False)
    text = f"---\n{_yaml(data)}---\n\n{_TODO}\n\n{english.body.strip()}\n"
    return stamp_text(text, stamp, markdown=True)


def _yaml(data: dict[str, Any], *, comment: bool = False) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100) if data else ""
    return f"# {_TODO}\n{text}" if comment else text

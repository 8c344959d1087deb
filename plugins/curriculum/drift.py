"""Translations against the English they were made from: up to date, outdated, or not stamped.

A translation records in `translated_from:` a short hash of each part of its English source that a
translator translates (title, body, objectives, items, ...), as that part was when the translation
was last checked against it: `translated_from: "title 3f2a9c1b, body 77d01e3a"`.
The English now, hashed the same way, says which parts changed since. Only what a translator
translates counts: reordering items, adding `terms:`, fixing minutes or a link leave every
translation up to date. The hashes live in the file, not in git history, so that a shallow clone
(CI) sees the same state as a full one.

An English edit never blocks the build: where an outdated translation no longer fits its source (a
list whose length changed, an item or a term that is gone), the reader gets the English for that
part, and the page says that the English changed (pages/common.py's banner).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel

from . import model
from .fields import STAMP, STAMP_KEY
from .loaded import Curriculum, Doc, LoadedModule, Week
from .loading.files import split_locale
from .text import short_hash
from .yamlsafe import Located

PART_NAMES = {"prep": "items"}
"""A part's name where its field's name would not say what it is."""


@dataclass(frozen=True)
class Drift:
    """One translation's state."""

    kind: str
    """As `curriculum schema` names it: prep, coach, glossary, page, ..."""
    source: str
    """The English file, by its path in the tree (`modules/x/week-01/prep.md`)."""
    path: str
    """The translation (`modules/x/week-01/prep.fr.md`)."""
    lang: str
    changed: tuple[str, ...]
    """Parts of the English changed since the translation was stamped, in the file's order."""
    stamped: bool
    """False when the translation has no `translated_from:` (nothing can be said of it)."""

    @property
    def outdated(self) -> bool:
        return bool(self.changed)

    @property
    def state(self) -> str:
        return "outdated" if self.changed else "translated" if self.stamped else "unstamped"


@dataclass
class Pair:
    """A translation and its English source, as the checks and `curriculum translated` see them."""

    kind: str
    source: str
    path: str
    lang: str
    parts: dict[str, str]
    """The English now: part -> hash."""
    provided: set[str]
    """The parts the translation translates (a part it leaves out shows the English anyway)."""
    stamp: str | None
    located: Located
    meta: Any = None
    """The translation's validated front matter or metadata (None for a glossary)."""
    replace: Callable[[Any], None] | None = None
    """Puts a repaired `meta` in place of the translation's (see reconcile)."""
    lists: dict[str, int] = field(default_factory=dict)
    """The English's lists by field name -> length, for the repair of an outdated translation."""


def format_stamp(parts: dict[str, str]) -> str:
    return ", ".join(f"{name} {digest}" for name, digest in parts.items())


def parse_stamp(stamp: str | None) -> dict[str, str]:
    if not stamp or not STAMP.fullmatch(stamp):
        return {}
    return dict(entry.split(" ", 1) for entry in stamp.split(", "))


def changed_parts(pair: Pair) -> tuple[str, ...]:
    stamped = parse_stamp(pair.stamp)
    return tuple(
        name
        for name, digest in pair.parts.items()
        if name in pair.provided and stamped.get(name) != digest
    )


def drift_of(pair: Pair) -> Drift:
    changed = changed_parts(pair) if pair.stamp else ()
    return Drift(pair.kind, pair.source, pair.path, pair.lang, changed, pair.stamp is not None)


# What a translator translates, read from the English ------------------------------------------


def _element_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a list's entries in a translation's field (`list[CheckTranslation] | None`)."""
    for arg in get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        found = _element_model(arg)
        if found is not None:
            return found
    return None


def _translatable(value: Any, entry: type[BaseModel] | None) -> Any:
    """The text of a source field that its translation's field translates: a list of blocks is
    their titles, a list of checks their `can` and `try`, a string is itself."""
    if isinstance(value, list):
        return [_translatable(v, entry) for v in value]
    if isinstance(value, BaseModel):
        if entry is None:
            return getattr(value, "title", None)
        fields = [(n, f) for n, f in entry.model_fields.items() if n != STAMP_KEY]
        return {f.alias or n: getattr(value, n, None) for n, f in fields}
    return value


def source_parts(
    source_meta: Any,
    body: str,
    translation: type[BaseModel],
    items: dict[str, str] | None = None,
) -> dict[str, str]:
    """Part name -> hash of what a translation of `translation`'s kind translates in the English.

    `body`: the English body's `text.body_hash` ('' for none); `items`: a week's prep items by
    id -> title (their order does not matter)."""
    out: dict[str, str] = {}
    for name, info in translation.model_fields.items():
        if name == STAMP_KEY:
            continue
        if name == "prep":
            value: Any = items
        else:
            value = _translatable(getattr(source_meta, name, None), _element_model(info.annotation))
        if value is not None:
            out[PART_NAMES.get(name, name)] = short_hash(value)
    if body:
        out["body"] = body
    return out


def _provided(meta: Any, body: str) -> set[str]:
    """The parts a translation provides; `body`: its body's `text.body_hash` ('' for none)."""
    out = {
        PART_NAMES.get(name, name)
        for name in type(meta).model_fields
        if name != STAMP_KEY and getattr(meta, name) is not None
    }
    if body:
        out.add("body")
    return out


def _lists(source_meta: Any, translation: type[BaseModel]) -> dict[str, int]:
    out = {}
    for name in translation.model_fields:
        value = getattr(source_meta, name, None)
        if isinstance(value, list) and name != "prep":
            out[name] = len(value)
    return out


def week_items(week: Week) -> dict[str, str]:
    """A week's prep items as a translator sees them: id -> title."""
    return {i: str(it.title) for i, it in zip(week.item_ids, week.prep.meta.prep, strict=True)}


def glossary_parts(terms: dict[str, model.GlossaryEntry]) -> dict[str, str]:
    return {"terms": short_hash({k: [e.term, e.definition] for k, e in terms.items()})}


# Every translation of the curriculum ------------------------------------------------------------


def pairs(cur: Curriculum) -> Iterator[Pair]:
    """Every translation read, with its English source, in the order of the site."""
    memo: Memo = {}  # an English file's parts, once for all its translations
    for module in cur.modules.values():
        yield from module_pairs(module, memo)
    yield from other_pairs(cur, memo)


def module_pairs(module: LoadedModule, memo: Memo) -> Iterator[Pair]:
    """The translations of a module's files, with their English sources."""
    mid = module.path
    for lang, tr in module.translations.items():
        yield _meta_pair(
            "module",
            f"{mid}/module.yml",
            f"{mid}/module.{lang}.yml",
            lang,
            module.meta,
            "",
            tr,
            "",
            module.translations_located[lang],
            _setter(module.translations, lang),
            memo=memo,
        )
    if module.glossary is not None:
        parts = glossary_parts(module.terms())
        for lang, located in module.glossary_translations.items():
            yield Pair(
                "glossary",
                f"{mid}/glossary.yml",
                f"{mid}/glossary.{lang}.yml",
                lang,
                parts,
                {"terms"},
                module.glossary_stamps.get(lang),
                located,
            )
    extra = module.extra_pages()
    for lang, docs in module.page_translations.items():
        for stem, doc in docs.items():
            if stem in extra:
                yield _doc_pair(stem, extra[stem], doc, lang, memo=memo)
    for week in module.weeks:
        items = week_items(week)
        for lang, docs in week.translations.items():
            for stem, doc in docs.items():
                yield _doc_pair(stem, getattr(week, stem), doc, lang, items, memo=memo)


def other_pairs(cur: Curriculum, memo: Memo) -> Iterator[Pair]:
    """The translations of programmes and hand-written pages, with their English sources."""
    for prog in cur.programmes:
        stem = prog.path.removesuffix(".yml")
        for lang, ptr in prog.translations.items():
            yield _meta_pair(
                "programme",
                prog.path,
                f"{stem}.{lang}.yml",
                lang,
                prog.meta,
                "",
                ptr,
                "",
                prog.translations_located[lang],
                _setter(prog.translations, lang),
                memo=memo,
            )
    for rel, doc in cur.pages.items():
        name, page_lang = split_locale(Path(rel))
        source = cur.pages.get(posixpath.join(posixpath.dirname(rel), f"{name}.md"))
        if page_lang is not None and source is not None:
            yield _doc_pair("page", source, doc, page_lang, memo=memo)


Memo = dict[
    tuple[str, type, tuple[tuple[str, str], ...] | None], tuple[dict[str, str], dict[str, int]]
]
"""An English file's parts by (its path, the translation's model, its items)."""


def _setter(table: dict[str, Any], key: str) -> Callable[[Any], None]:
    def put(value: Any) -> None:
        table[key] = value

    return put


def _doc_pair(
    kind: str,
    source: Doc,
    doc: Doc,
    lang: str,
    items: dict[str, str] | None = None,
    *,
    memo: Memo,
) -> Pair:
    def put(value: Any) -> None:
        doc.meta = value

    return _meta_pair(
        kind, source.path, doc.path, lang, source.meta, source.body_hash(), doc.meta,
        doc.body_hash(),
        doc.located, put, items, memo=memo,
    )  # fmt: skip


def _meta_pair(
    kind: str,
    source_rel: str,
    rel: str,
    lang: str,
    source_meta: Any,
    source_body: str,
    meta: Any,
    body: str,
    located: Located,
    put: Callable[[Any], None],
    items: dict[str, str] | None = None,
    *,
    memo: Memo,
) -> Pair:
    cls = type(meta)
    key = (source_rel, cls, tuple(sorted(items.items())) if items is not None else None)
    if key not in memo:
        memo[key] = (source_parts(source_meta, source_body, cls, items), _lists(source_meta, cls))
    parts, lists = memo[key]
    return Pair(
        kind,
        source_rel,
        rel,
        lang,
        parts,
        _provided(meta, body),
        getattr(meta, STAMP_KEY, None),
        located,
        meta,
        put,
        lists,
    )

"""Read `modules/` and `curriculum/programmes/` into models, collecting every problem found."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from . import model, sources
from .problems import Problem
from .text import decode, markdown_nesting, yaml_tabs
from .yamlsafe import Located, parse, split_front_matter

M = TypeVar("M", bound=BaseModel)

REVIEWED_SOURCES = "curriculum/reviewed-sources.yml"
WEEK_DIR = re.compile(r"^week-(\d\d)$")
LOCALE = re.compile(r"^[a-z]{2}(_[A-Z]{2})?$")
WEEK_FILES = ("prep", "exercises", "coach")


@dataclass
class Doc:
    """A Markdown file's validated front matter, its body, and where it came from."""

    path: str
    meta: Any
    body: str
    body_line: int
    located: Located


@dataclass
class Week:
    """One week of a module: its three pages, in English and in each translation found."""

    module_id: str
    number: int
    folder: str
    prep: Doc
    exercises: Doc
    coach: Doc
    item_ids: list[str]
    translations: dict[str, dict[str, Doc]] = field(default_factory=dict)


@dataclass
class LoadedModule:
    """A module with its weeks, translations of its metadata, and other files it ships."""

    meta: model.Module
    path: str
    located: Located
    weeks: list[Week]
    translations: dict[str, model.ModuleTranslation]
    assets: list[str]
    week_folders: list[str] = field(default_factory=list)
    """Every week folder found, loaded or not (its numbering is checked on these)."""
    glossary: Located | None = None
    """glossary.yml: term id -> {term, definition}, validated."""
    glossary_translations: dict[str, Located] = field(default_factory=dict)
    self_evaluation: Doc | None = None
    workshop: Doc | None = None
    page_translations: dict[str, dict[str, Doc]] = field(default_factory=dict)
    """Translations of self-evaluation.md and workshop.md: lang -> stem -> Doc."""

    def terms(self) -> dict[str, model.GlossaryEntry]:
        return dict(self.glossary.data) if self.glossary else {}

    def translated_terms(self, lang: str) -> dict[str, model.GlossaryEntry]:
        found = self.glossary_translations.get(lang)
        return dict(found.data) if found else {}

    def extra_pages(self) -> dict[str, Doc]:
        """The module's pages beside its weeks that exist, by stem, in MODULE_PAGES order."""
        found = {"self-evaluation": self.self_evaluation, "workshop": self.workshop}
        return {stem: doc for stem, doc in found.items() if doc is not None}


@dataclass
class LoadedProgramme:
    meta: model.Programme
    path: str
    located: Located
    translations: dict[str, model.ProgrammeTranslation]
    translations_located: dict[str, Located] = field(default_factory=dict)


@dataclass
class Curriculum:
    """Everything the site is generated from, after validation."""

    root: Path
    languages: list[str]
    default_language: str
    modules: dict[str, LoadedModule]
    programmes: list[LoadedProgramme]
    broken: dict[str, list[Week]] = field(default_factory=dict)
    """Module folders whose metadata has problems, with their weeks (which are still checked)."""
    reviewed_hosts: dict[str, str] | None = None
    """curriculum/reviewed-sources.yml: hosts that pages may link to (any host if absent)."""
    pages: dict[str, Doc] = field(default_factory=dict)
    """Hand-written pages and weeks' own pages (and their translations), by source path."""
    page_files: list[str] = field(default_factory=list)
    """Every file under curriculum/pages/ that is published, Markdown or not, by source path."""


# --- pydantic errors to problems -----------------------------------------------------------------


def _hint(err: ErrorDetails, cls: type[BaseModel], fields: list[str]) -> str:
    kind, value = err["type"], err.get("input")
    name = str(err["loc"][-1]) if err["loc"] else ""
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
        known = ", ".join(fields)
        return f"did you mean '{close[0]}'?" if close else f"known keys are: {known}"
    if kind == "missing":
        info = cls.model_fields.get(name)
        return (
            f"add `{name}:` ({info.description})" if info and info.description else f"add `{name}:`"
        )
    if kind.startswith("int") and isinstance(value, str):
        if re.fullmatch(r"\d+:\d\d", value):
            h, m = value.split(":")
            return f"write a whole number of minutes, e.g. {int(h) * 60 + int(m)} for {value}"
        if re.fullmatch(r"[-+]?0\d+", value):
            return f"write {int(value)} without leading zeros"
        if re.fullmatch(r"[-+]?\d+", value):
            return "remove the quotes around the number"
        return "write a whole number"
    if kind == "bool_type":
        return "write true or false (not yes/no/on/off)"
    if kind == "string_type":
        return "put the value in quotes to make it text"
    if kind == "list_type":
        return "write a list, one item per line starting with '- '"
    if kind in ("dict_type", "model_type"):
        return "write `key: value` pairs indented under this key"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']+)'", err["msg"])
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        return f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(allowed)
    if kind == "string_pattern_mismatch":
        info = cls.model_fields.get(name)
        if name == "id" or info is None or not info.description:
            return "use lower-case letters, digits and single hyphens, e.g. intro-to-coding"
        return info.description
    if kind == "too_short":
        return "add at least one entry"
    if kind in ("string_too_short",):
        return "write some text; empty values are not allowed"
    if kind in ("greater_than", "less_than_equal"):
        return "use a positive whole number of minutes, at most a day" if "minutes" in name else ""
    return ""


_PLAIN = {
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "string_type": "expected text",
    "list_type": "expected a list",
    "dict_type": "expected `key: value` pairs",
    "model_type": "expected `key: value` pairs",
    "literal_error": "not an allowed value",
    "string_pattern_mismatch": "not in the expected form",
    "date_from_datetime_parsing": "expected a date as YYYY-MM-DD",
    "date_parsing": "expected a date as YYYY-MM-DD",
    "date_type": "expected a date as YYYY-MM-DD",
}


def _where(loc: tuple[int | str, ...]) -> str:
    """('prep', 3, 'optional') -> 'prep item 4, optional': positions counted from 1."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] += f" item {part + 1}"
        else:
            parts.append(str(part))
    return ", ".join(parts)


def _shown(value: Any) -> str:
    """A contributor's value quoted in a message, cut short if long."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _message(err: ErrorDetails) -> str:
    loc = _where(err["loc"])
    kind = err["type"]
    if err["loc"] and err["loc"][-1] == "[key]":
        return f"'{err['loc'][-2]}' is not a valid id"
    if kind == "extra_forbidden":
        return f"unknown key '{err['loc'][-1]}'"
    if kind == "missing":
        return f"missing required key '{err['loc'][-1]}'"
    if kind.startswith("date"):
        return f"{loc}: expected a date as YYYY-MM-DD, got {_shown(err.get('input'))}"
    if kind in _PLAIN:
        msg = f"{_PLAIN[kind]}, got {_shown(err.get('input'))}"
    else:
        msg = err["msg"].removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


def validate_model(
    cls: type[M], located: Located, problems: list[Problem], base: tuple[str | int, ...] = ()
) -> M | None:
    """Validate located data against a model; turn each error into a placed problem."""
    data = located.data
    for part in base:
        data = data[part]
    if data is None:
        data = {}
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err["loc"]
            on_key = err["type"] == "extra_forbidden" or (bool(loc) and loc[-1] == "[key]")
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]  # a mapping key that is not a valid id: point at the key
            sub = _submodel(cls, err["loc"])
            fields = [info.alias or name for name, info in sub.model_fields.items()] if sub else []
            problems.append(
                located.problem(
                    (*base, *loc), _message(err), _hint(err, sub or cls, fields), key=on_key
                )
            )
        return None


def _submodel(cls: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last element of `loc` (for hints about its fields)."""
    current: Any = cls
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = current.model_fields if hasattr(current, "model_fields") else {}
        info = fields.get(part)
        if info is None and "root" in fields:
            info = fields["root"]  # a RootModel of a mapping: `part` is one of its keys
        if info is None:
            return None
        ann = info.annotation
        args = getattr(ann, "__args__", ())
        candidates = [ann, *args]
        current = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


# --- files ---------------------------------------------------------------------------------------

_CODE_SPAN = re.compile(r"(`+).+?\1")
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|\blorem ipsum\b", re.IGNORECASE)


def find_placeholders(rel: str, text: str) -> list[Problem]:
    """Scaffolds and drafts mark unwritten parts; none of them may reach trainees."""
    found: list[Problem] = []
    if not _PLACEHOLDER.search(text):
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)  # `TODO` names the marker
        for match in _PLACEHOLDER.finditer(line):
            if match.group(1) and not match.group(1).isupper():
                continue  # "todo" in running text is a word, not a marker
            found.append(
                Problem(
                    rel,
                    number,
                    match.start() + 1,
                    f"placeholder text '{match.group()}'",
                    "write the real content here before it is published",
                )
            )
    return found


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _read_text(rel: str, path: Path, problems: list[Problem], root: Path) -> str | None:
    """A contributor's file as text, with its refused characters and placeholders reported.

    None if the file must not be read at all (`sources.scan` says why).
    """
    try:
        data = sources.read_bytes(root.resolve(), path)
    except sources.Refused:
        return None
    text, found = decode(rel, data)
    problems.extend(found)
    if text is None:
        return None
    problems.extend(find_placeholders(rel, text))
    return text


def read_yaml(root: Path, path: Path, problems: list[Problem]) -> Located | None:
    rel = _rel(root, path)
    text = _read_text(rel, path, problems, root)
    if text is None:
        return None
    tabs = yaml_tabs(rel, text)
    if tabs:
        problems.extend(tabs)
        return None
    located, found = parse(text, rel)
    problems.extend(found)
    if located.data is None and found:
        return None  # a syntax error: nothing to validate
    if not isinstance(located.data, dict):
        problems.append(
            Problem(
                rel,
                1,
                1,
                "expected `key: value` pairs at the top level",
                "start each line with a key such as `title:`",
            )
        )
        return None
    return located


def read_markdown(
    root: Path, path: Path, cls: type[M], problems: list[Problem], *, text: str | None = None
) -> Doc | None:
    rel = _rel(root, path)
    if text is None:
        text = _read_text(rel, path, problems, root)
    if text is None:
        return None
    front, body, body_line = split_front_matter(text)
    if front is None:
        problems.append(
            Problem(
                rel,
                1,
                1,
                "missing front matter",
                "start the file with a line '---', the metadata, then '---'",
            )
        )
        return None
    if body_line == 0:
        problems.append(
            Problem(rel, 1, 1, "front matter is not closed", "end the metadata with a line '---'")
        )
        return None
    problems.extend(markdown_nesting(rel, body, body_line))
    tabs = yaml_tabs(rel, front, line_offset=1)
    if tabs:
        problems.extend(tabs)
        return None
    located, found = parse(front, rel, line_offset=1)
    problems.extend(found)
    if located.data is None and found:
        return None  # a syntax error: nothing to validate
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        problems.append(Problem(rel, 2, 1, "front matter must be `key: value` pairs", ""))
        return None
    meta = validate_model(cls, located, problems)
    if meta is None:
        return None
    return Doc(rel, meta, body, body_line, located)


_HEADING = re.compile(r"^# +(.+?)(?: +#+)? *$", re.MULTILINE)


def read_page(root: Path, path: Path, problems: list[Problem]) -> Doc | None:
    """A hand-written page or a week's own page: front matter optional, a title required."""
    rel = _rel(root, path)
    text = _read_text(rel, path, problems, root)
    if text is None:
        return None
    if text.startswith("---\n"):
        return _with_title(read_markdown(root, path, model.PageMeta, problems, text=text), problems)
    problems.extend(markdown_nesting(rel, text, 1))
    doc = Doc(rel, model.PageMeta(), text, 1, Located({}, rel))
    return _with_title(doc, problems)


def _with_title(doc: Doc | None, problems: list[Problem]) -> Doc | None:
    """The page with its title in the front matter: given there, or its first `# heading`.

    MkDocs would otherwise take the heading's text with its HTML unescaped, or the file name.
    """
    if doc is None or doc.meta.title:
        return doc
    match = _HEADING.search(doc.body)
    if match is None:
        problems.append(
            Problem(
                doc.path,
                1,
                1,
                "page has no title",
                "start the page with a heading such as `# Notes on the console`, or give it "
                "`title:` in its front matter",
            )
        )
        return None
    title = match.group(1).replace("`", "").replace("**", "").strip()
    doc.meta = model.PageMeta(title=title[:1000] or "-")
    return doc


def split_locale(path: Path) -> tuple[str, str | None]:
    """`prep.fr.md` -> ('prep', 'fr'); `prep.md` -> ('prep', None)."""
    parts = path.name.split(".")
    if len(parts) >= 3 and LOCALE.match(parts[-2]):
        return ".".join(parts[:-2]), parts[-2]
    return ".".join(parts[:-1]), None


def check_locale(
    root: Path,
    path: Path,
    lang: str | None,
    languages: list[str],
    default: str,
    problems: list[Problem],
) -> bool:
    """True if `lang` is a translation language we build; otherwise report why not."""
    if lang is None:
        return False
    rel = _rel(root, path)
    if lang == default:
        problems.append(
            Problem(
                rel,
                1,
                1,
                f"'{lang}' is the source language",
                f"rename it without '.{lang}'; the source file has no suffix",
            )
        )
    elif lang not in languages:
        problems.append(
            Problem(
                rel,
                1,
                1,
                f"translation into '{lang}', which is not a configured language",
                f"configured languages are {', '.join(languages)}; rename the file or add the "
                "language to the i18n plugin in mkdocs.yml",
            )
        )
    else:
        return True
    return False


# --- item ids ------------------------------------------------------------------------------------


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def derive_item_id(item: model.PrepItem) -> str:
    """An id that does not change when items are reordered: from the link, not the position."""
    if item.id:
        return item.id
    if item.page:
        return slugify(Path(item.page).with_suffix("").as_posix()) or "page"
    parts = urlsplit(item.url or "")
    segments = [s for s in parts.path.split("/") if s]
    last = Path(segments[-1]).stem if segments else parts.hostname or "link"
    extra = [v for _, v in parse_qsl(parts.query)][:1] if last in ("watch", "index", "") else []
    if parts.fragment:
        extra.append(parts.fragment)
    return slugify("-".join([last, *extra])) or "link"


# --- the walk ------------------------------------------------------------------------------------

MODULE_PAGES: dict[str, tuple[type[BaseModel], type[BaseModel]]] = {
    "self-evaluation": (model.SelfEvaluation, model.SelfEvaluationTranslation),
    "workshop": (model.Workshop, model.WorkshopTranslation),
}
"""Pages a module may have beside its weeks: source model and translation model."""

_TRANSLATION_OF: dict[str, type[BaseModel]] = {
    "prep": model.PrepTranslation,
    "exercises": model.ExercisesTranslation,
    "coach": model.CoachTranslation,
}
_SOURCE_OF: dict[str, type[BaseModel]] = {
    "prep": model.Prep,
    "exercises": model.Exercises,
    "coach": model.Coach,
}


def _load_week(
    root: Path,
    module_id: str,
    folder: Path,
    languages: list[str],
    default: str,
    problems: list[Problem],
    refused: set[str],
) -> Week | None:
    docs: dict[str, Doc | None] = {}
    for name in WEEK_FILES:
        path = folder / f"{name}.md"
        if not path.is_file():
            problems.append(
                Problem(
                    _rel(root, path),
                    1,
                    1,
                    f"week has no {name}.md",
                    "every week needs prep.md, exercises.md and coach.md; `curriculum new-week` "
                    "creates them",
                )
            )
            docs[name] = None
            continue
        docs[name] = read_markdown(root, path, _SOURCE_OF[name], problems)
    translations: dict[str, dict[str, Doc]] = {}
    for path in sorted(folder.iterdir()):
        stem, lang = split_locale(path)
        if lang is None or not path.is_file() or path.suffix != ".md":
            continue
        if _rel(root, path) in refused:
            continue
        if not check_locale(root, path, lang, languages, default, problems):
            continue
        if stem not in WEEK_FILES:
            continue  # a translated local page: copied as it is
        doc = read_markdown(root, path, _TRANSLATION_OF[stem], problems)
        if doc is not None:
            translations.setdefault(lang, {})[stem] = doc
    prep, exercises, coach = docs["prep"], docs["exercises"], docs["coach"]
    if prep is None or exercises is None or coach is None:
        return None
    number = int(WEEK_DIR.match(folder.name).group(1))  # type: ignore[union-attr]
    ids = [derive_item_id(item) for item in prep.meta.prep]
    return Week(module_id, number, folder.name, prep, exercises, coach, ids, translations)


def _load_module(
    root: Path,
    folder: Path,
    languages: list[str],
    default: str,
    problems: list[Problem],
    refused: set[str],
) -> tuple[LoadedModule | None, list[Week]]:
    meta_path = folder / "module.yml"
    if not meta_path.is_file():
        problems.append(
            Problem(
                _rel(root, folder) + "/module.yml",
                1,
                1,
                "module folder has no module.yml",
                "add module.yml (`curriculum new-module` creates one) or remove the folder",
            )
        )
        return None, []
    located = read_yaml(root, meta_path, problems)
    meta = validate_model(model.Module, located, problems) if located else None
    given_id = located.data.get("id") if located else None
    if isinstance(given_id, str) and given_id != folder.name and located:
        problems.append(
            located.problem(
                ("id",),
                f"id '{given_id}' does not match the folder name '{folder.name}'",
                f"set `id: {folder.name}` or rename the folder"
                if re.fullmatch(model.SLUG, folder.name)
                else f"rename the folder to '{slugify(folder.name)}' and set "
                f"`id: {slugify(folder.name)}` (lower-case words joined by hyphens)",
            )
        )
    translations: dict[str, model.ModuleTranslation] = {}
    weeks: list[Week] = []
    week_folders: list[str] = []
    assets: list[str] = []
    glossary: Located | None = None
    glossary_translations: dict[str, Located] = {}
    pages: dict[str, Doc] = {}
    page_translations: dict[str, dict[str, Doc]] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or _rel(root, path) in refused:
            continue
        stem, lang = split_locale(path)
        if path.is_dir() and WEEK_DIR.match(path.name):
            week_folders.append(path.name)
            week = _load_week(root, folder.name, path, languages, default, problems, refused)
            if week is not None:
                weeks.append(week)
            assets.extend(_assets(root, path, problems, refused))
        elif path.is_dir():
            problems.append(
                Problem(
                    _rel(root, path),
                    1,
                    1,
                    f"unexpected folder '{path.name}' in a module",
                    "weeks are folders named week-01, week-02, ...; put other files inside a week",
                )
            )
        elif stem == "module" and path.suffix == ".yml" and lang is not None:
            if check_locale(root, path, lang, languages, default, problems):
                tl = read_yaml(root, path, problems)
                tr = validate_model(model.ModuleTranslation, tl, problems) if tl else None
                if tr is not None:
                    translations[lang] = tr
        elif stem == "glossary" and path.suffix == ".yml":
            if lang is None:
                glossary = _read_glossary(root, path, model.Glossary, problems)
            elif check_locale(root, path, lang, languages, default, problems):
                found = _read_glossary(root, path, model.GlossaryTranslation, problems)
                if found is not None:
                    glossary_translations[lang] = found
        elif stem in MODULE_PAGES and path.suffix == ".md":
            source_cls, translation_cls = MODULE_PAGES[stem]
            if lang is None:
                doc = read_markdown(root, path, source_cls, problems)
                if doc is not None:
                    pages[stem] = doc
            elif check_locale(root, path, lang, languages, default, problems):
                doc = read_markdown(root, path, translation_cls, problems)
                if doc is not None:
                    page_translations.setdefault(lang, {})[stem] = doc
        elif stem == "index" and path.suffix == ".md":
            problems.append(
                Problem(
                    _rel(root, path),
                    1,
                    1,
                    "index.md would replace the generated module overview",
                    "put pages inside a week folder, under another name",
                )
            )
        elif path.name != "module.yml":
            assets.append(_rel(root, path))
    if meta is None or located is None:
        return None, weeks
    loaded = LoadedModule(
        meta,
        _rel(root, folder),
        located,
        weeks,
        translations,
        assets,
        week_folders,
        glossary,
        glossary_translations,
        pages.get("self-evaluation"),
        pages.get("workshop"),
        page_translations,
    )
    return loaded, weeks


def _read_glossary(
    root: Path, path: Path, cls: type[BaseModel], problems: list[Problem]
) -> Located | None:
    """A glossary file, its data replaced by the validated entries (positions kept)."""
    located = read_yaml(root, path, problems)
    if located is None:
        return None
    valid = validate_model(cls, located, problems)
    if valid is None:
        return None
    located.data = valid.root  # type: ignore[attr-defined]
    return located


def _assets(root: Path, week: Path, problems: list[Problem], refused: set[str]) -> list[str]:
    """Files of a week folder other than its three pages and their translations."""
    found = []
    for path in sorted(week.rglob("*")):
        if path.is_dir() or any(p.startswith(".") for p in path.relative_to(week).parts):
            continue
        rel = _rel(root, path)
        if rel in refused or any(rel.startswith(r + "/") for r in refused):
            continue
        stem, _ = split_locale(path)
        if path.parent == week and stem in WEEK_FILES and path.suffix == ".md":
            continue
        if path.parent == week and stem == "index" and path.suffix == ".md":
            problems.append(
                Problem(
                    _rel(root, path),
                    1,
                    1,
                    "index.md would replace the generated prep page",
                    "give the page another name, e.g. notes.md",
                )
            )
            continue
        found.append(_rel(root, path))
    return found


def _load_programmes(
    root: Path, languages: list[str], default: str, problems: list[Problem], refused: set[str]
) -> list[LoadedProgramme]:
    folder = root / "curriculum" / "programmes"
    found: dict[str, LoadedProgramme] = {}
    pending: list[tuple[str, str, model.ProgrammeTranslation, Located]] = []
    if not folder.is_dir():
        return []
    for path in sorted(folder.glob("*.yml")):
        if _rel(root, path) in refused:
            continue
        if not path.is_file():
            problems.append(
                Problem(_rel(root, path), 1, 1, "a folder named like a programme", "rename it")
            )
            continue
        stem, lang = split_locale(path)
        located = read_yaml(root, path, problems)
        if located is None:
            continue
        if lang is not None:
            if check_locale(root, path, lang, languages, default, problems):
                tr = validate_model(model.ProgrammeTranslation, located, problems)
                if tr is not None:
                    pending.append((stem, lang, tr, located))
            continue
        meta = validate_model(model.Programme, located, problems)
        if meta is not None:
            found[stem] = LoadedProgramme(meta, _rel(root, path), located, {})
    for stem, lang, tr, located in pending:
        if stem in found:
            found[stem].translations[lang] = tr
            found[stem].translations_located[lang] = located
        else:
            problems.append(
                Problem(
                    f"curriculum/programmes/{stem}.{lang}.yml",
                    1,
                    1,
                    f"translation of a programme that does not exist ({stem}.yml)",
                    "rename it after an existing programme or remove it",
                )
            )
    return list(found.values())


def load_curriculum(root: Path, languages: list[str], default_language: str = "en") -> Curriculum:
    """Load and validate everything; raise CurriculumError with all problems if there are any."""
    from .problems import CurriculumError
    from .validate import cross_check

    problems: list[Problem] = []
    modules: dict[str, LoadedModule] = {}
    broken: dict[str, list[Week]] = {}
    modules_dir = root / "modules"
    if not modules_dir.is_dir():
        raise CurriculumError(
            [
                Problem(
                    "modules",
                    1,
                    1,
                    "there is no modules/ folder",
                    "run this from the repository's top folder",
                )
            ]
        )
    scanned = sources.scan(root, languages)
    problems.extend(scanned.problems)
    refused = scanned.refused
    for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
        if folder.name.startswith("."):
            continue
        if _rel(root, folder) in refused:
            broken[folder.name] = []  # reported by the scan; programmes may still name it
            continue
        loaded, weeks = _load_module(root, folder, languages, default_language, problems, refused)
        if loaded is not None:
            modules[folder.name] = loaded
        else:
            broken[folder.name] = weeks
    programmes = _load_programmes(root, languages, default_language, problems, refused)
    curriculum = Curriculum(root, languages, default_language, modules, programmes, broken)
    curriculum.page_files = [f for f in scanned.files if f.startswith(sources.PAGES_DIR + "/")]
    for rel in curriculum.page_files:
        if rel.endswith(".md"):
            path = root / rel
            check_locale(root, path, split_locale(path)[1], languages, default_language, problems)
    local = [a for m in modules.values() for a in m.assets if a.endswith(".md")]
    for rel in [*curriculum.page_files, *local]:
        if rel.endswith(".md"):
            doc = read_page(root, root / rel, problems)
            if doc is not None:
                curriculum.pages[rel] = doc
    reviewed = root / REVIEWED_SOURCES
    if reviewed.is_file():
        located = read_yaml(root, reviewed, problems)
        hosts = validate_model(model.ReviewedSources, located, problems) if located else None
        # a broken list is reported above; links are not checked against half of it
        curriculum.reviewed_hosts = dict(hosts.root) if hosts else None
    problems.extend(cross_check(curriculum))
    if problems:
        raise CurriculumError(problems)
    return curriculum

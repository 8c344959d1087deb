"""Reading a module folder: its metadata, glossary, end-of-module pages, weeks and other files."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from pydantic import BaseModel

from .. import model
from ..fields import STAMP, STAMP_KEY
from ..kinds import MODULE_PAGE_KINDS, WEEK_KINDS
from ..loaded import Doc, LoadedModule, Week
from ..problems import Problem
from ..yamlsafe import Located
from .errors import validate_model
from .files import check_locale, read_markdown, read_yaml, rel_path, split_locale

WEEK_DIR = re.compile(r"^week-(\d\d)$")
WEEK_FILES = tuple(kind.stem for kind in WEEK_KINDS)


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


MODULE_PAGES = {kind.stem: kind for kind in MODULE_PAGE_KINDS}
"""Pages a module may have beside its weeks, by stem."""
_WEEK_KINDS = {kind.stem: kind for kind in WEEK_KINDS}


def _load_week(
    root: Path,
    module_id: str,
    folder: Path,
    languages: list[str],
    default: str,
    problems: list[Problem],
    refused: set[str],
    loose: list[Doc],
    files: list[str],
) -> Week | None:
    """The week, or None when one of its pages is missing or has problems: its other pages then go
    to `loose`, still checked, so that one run reports every problem. `files`: those the scan
    found in the week's folder, by their path in the tree."""
    prefix = rel_path(root, folder) + "/"
    names = sorted(rel[len(prefix) :] for rel in files if rel.count("/") == prefix.count("/"))
    docs: dict[str, Doc | None] = {}
    for name in WEEK_FILES:
        path = folder / f"{name}.md"
        if f"{name}.md" not in names and not (f"{prefix}{name}.md" in refused and path.is_file()):
            problems.append(
                Problem(
                    f"{prefix}{name}.md",
                    1,
                    1,
                    f"week has no {name}.md",
                    "every week needs prep.md, exercises.md and coach.md; `curriculum new-week` "
                    "creates them",
                )
            )
            docs[name] = None
            continue
        docs[name] = read_markdown(
            root, path, _WEEK_KINDS[name].source_model, problems, bodies=loose
        )
    translations: dict[str, dict[str, Doc]] = {}
    for name in names:  # files the scan let through: none refused, set aside or hidden
        path = folder / name
        stem, lang = split_locale(path)
        if lang is None or path.suffix != ".md":
            continue
        if not check_locale(root, path, lang, languages, default, problems):
            continue
        if stem not in WEEK_FILES:
            continue  # a translated local page: copied as it is
        translation = _WEEK_KINDS[stem].translation_model
        assert translation is not None
        doc = read_markdown(root, path, translation, problems, bodies=loose)
        if doc is not None:
            translations.setdefault(lang, {})[stem] = doc
    prep, exercises, coach = docs["prep"], docs["exercises"], docs["coach"]
    if prep is None or exercises is None or coach is None:
        loose.extend(doc for doc in docs.values() if doc is not None)
        loose.extend(doc for found in translations.values() for doc in found.values())
        return None
    number = int(WEEK_DIR.match(folder.name).group(1))  # type: ignore[union-attr]
    ids = [derive_item_id(item) for item in prep.meta.prep]
    return Week(module_id, number, folder.name, prep, exercises, coach, ids, translations)


def read_module(
    root: Path,
    folder: Path,
    languages: list[str],
    default: str,
    problems: list[Problem],
    refused: set[str],
    loose: list[Doc],
    in_weeks: dict[str, list[str]],
) -> tuple[LoadedModule | None, list[Week]]:
    """The module in `folder` as its files give it (kept.py keeps it between checks); `in_weeks`:
    the files the scan found in each of its week folders."""
    meta_path = folder / "module.yml"
    if not meta_path.is_file():
        problems.append(
            Problem(
                rel_path(root, folder) + "/module.yml",
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
    translations_located: dict[str, Located] = {}
    weeks: list[Week] = []
    week_folders: list[str] = []
    assets: list[str] = []
    glossary: Located | None = None
    glossary_translations: dict[str, Located] = {}
    glossary_stamps: dict[str, str | None] = {}
    stamps: dict[None, str] = {}
    pages: dict[str, Doc] = {}
    page_translations: dict[str, dict[str, Doc]] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or rel_path(root, path) in refused:
            continue
        stem, lang = split_locale(path)
        if path.is_dir() and WEEK_DIR.match(path.name):
            week_folders.append(path.name)
            files = in_weeks.get(path.name, [])
            week = _load_week(
                root, folder.name, path, languages, default, problems, refused, loose, files
            )
            if week is not None:
                weeks.append(week)
            assets.extend(_assets(root, files, problems))
        elif path.is_dir():
            problems.append(
                Problem(
                    rel_path(root, path),
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
                if tr is not None and tl is not None:
                    translations[lang] = tr
                    translations_located[lang] = tl
        elif stem == "glossary" and path.suffix == ".yml":
            if lang is None:
                glossary = _read_glossary(root, path, model.Glossary, problems)
            elif check_locale(root, path, lang, languages, default, problems):
                found = _read_glossary(root, path, model.GlossaryTranslation, problems, stamps)
                if found is not None:
                    glossary_translations[lang] = found
                    glossary_stamps[lang] = stamps.pop(None, None)
        elif stem in MODULE_PAGES and path.suffix == ".md":
            source_cls = MODULE_PAGES[stem].source_model
            translation_cls = MODULE_PAGES[stem].translation_model
            assert translation_cls is not None
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
                    rel_path(root, path),
                    1,
                    1,
                    "index.md would replace the generated module overview",
                    "put pages inside a week folder, under another name",
                )
            )
        elif path.name != "module.yml":
            assets.append(rel_path(root, path))
    if meta is None or located is None:
        return None, weeks
    loaded = LoadedModule(
        meta,
        rel_path(root, folder),
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
    loaded.translations_located = translations_located
    loaded.glossary_stamps = glossary_stamps
    return loaded, weeks


def _read_glossary(
    root: Path,
    path: Path,
    cls: type[BaseModel],
    problems: list[Problem],
    stamps: dict[None, str] | None = None,
) -> Located | None:
    """A glossary file, its data replaced by the validated entries (positions kept).

    A translation's `translated_from:` is not a term: it is taken out into `stamps[None]`. The
    reading itself is left as it was read: a module put together again takes it as it is kept
    (see kept.py)."""
    read = read_yaml(root, path, problems)
    if read is None:
        return None
    data = dict(read.data) if isinstance(read.data, dict) else read.data
    located = Located(data, read.file, read.places, read.key_places)
    if stamps is not None and isinstance(located.data, dict) and STAMP_KEY in located.data:
        stamp = located.data.pop(STAMP_KEY)
        if not isinstance(stamp, str) or not STAMP.fullmatch(stamp):
            problems.append(
                located.problem(
                    (STAMP_KEY,),
                    f"`{STAMP_KEY}:` is not a stamp written by `curriculum translated`",
                    f"run `curriculum translated {rel_path(root, path)}` after checking the "
                    "translation against the English",
                )
            )
        else:
            stamps[None] = stamp
    valid = validate_model(cls, located, problems)
    if valid is None:
        return None
    located.data = valid.root  # type: ignore[attr-defined]
    return located


def _assets(root: Path, files: list[str], problems: list[Problem]) -> list[str]:
    """Files of a week folder other than its three pages and their translations: of `files`,
    those the scan found in it (`Layered.in_weeks`)."""
    found = []
    for rel in files:
        path = root / rel
        stem, _ = split_locale(path)
        top = rel.count("/") == 3  # modules/<id>/week-NN/<file>
        if top and stem in WEEK_FILES and path.suffix == ".md":
            continue
        if top and stem == "index" and path.suffix == ".md":
            problems.append(
                Problem(
                    rel,
                    1,
                    1,
                    "index.md would replace the generated prep page",
                    "give the page another name, e.g. notes.md",
                )
            )
            continue
        found.append(rel)
    return found

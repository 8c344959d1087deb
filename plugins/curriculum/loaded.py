"""What loading produces and everything else reads: documents, weeks, modules, programmes, and
the curriculum as a whole. Loading, checks and pages import these; this module imports none of them.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import filecache, model, safefile
from .problems import CurriculumError, Problem
from .sources import Roots
from .text import body_hash, decode
from .yamlsafe import Located

if TYPE_CHECKING:
    from .drift import Drift
    from .i18n import Catalog
    from .layers import Layered


@dataclass
class Doc:
    """A Markdown file's validated front matter, its body, and where it came from."""

    path: str
    meta: Any
    body: str
    body_line: int
    located: Located
    checksum: bytes = b""
    """A digest of the bytes of the file it was read from (see filecache): what is found in its
    body is kept by it."""
    body_start: int = -1
    """Where the body starts in its file's text (-1: it was not read from a file whole)."""
    file: tuple[Path, Path] | None = field(default=None, compare=False, repr=False)
    """The folder and the file it was read from this time: loading sets it on every reading, one
    kept from an earlier run too (an entry is shared by every copy of the same bytes)."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Kept in the check's store (filecache) without its body when its file holds it: a
        check needs only the body's `body_hash` (a 16x curriculum's bodies are more than half of
        its store); a build asks for the body, which is read again from the file."""
        from_file = self.body_start >= 0 and bool(self.checksum)
        body = None if from_file else self.body
        summed = self.body_hash() if from_file else self.__dict__.get("_body_hash")
        fields = (self.path, self.meta, body, self.body_line, self.located, self.checksum)
        return (_kept_doc, (*fields, self.body_start, summed))

    def __copy__(self) -> Doc:
        """A copy with its body and its file (`__reduce__` is for the store: it keeps neither)."""
        copied = Doc.__new__(Doc)
        copied.__dict__.update(self.__dict__)
        return copied

    def __deepcopy__(self, memo: dict[int, Any]) -> Doc:
        copied = Doc.__new__(Doc)
        memo[id(self)] = copied
        copied.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return copied

    def __getattr__(self, name: str) -> Any:
        """The body of one kept without it, read again from its file (see `__reduce__`)."""
        if name != "body" or self.__dict__.get("file") is None:
            raise AttributeError(name)
        self.body = _read_body(self)
        return self.body

    def body_hash(self) -> str:
        """`text.body_hash` of the body: what a translation's stamp says of it (see drift)."""
        found: str | None = self.__dict__.get("_body_hash")
        if found is None:
            found = self.__dict__["_body_hash"] = body_hash(self.body)
        return found


def _kept_doc(
    path: str,
    meta: Any,
    body: str | None,
    body_line: int,
    located: Located,
    checksum: bytes,
    body_start: int,
    summed: str | None,
) -> Doc:
    doc = Doc.__new__(Doc)
    doc.__dict__.update(
        path=path,
        meta=meta,
        body_line=body_line,
        located=located,
        checksum=checksum,
        body_start=body_start,
        file=None,
    )
    if body is not None:
        doc.__dict__["body"] = body
    if summed is not None:
        doc.__dict__["_body_hash"] = summed
    return doc


def _read_body(doc: Doc) -> str:
    """The body of `doc`, from its file, which must still hold the bytes it was read from."""
    assert doc.file is not None
    root, path = doc.file
    try:
        data: bytes | None = safefile.read_bytes(root, path)
    except safefile.Refused:
        data = None
    text = decode(doc.path, data)[0] if data and filecache.digest(data) == doc.checksum else None
    if text is None:
        raise CurriculumError(
            [
                Problem(
                    doc.path,
                    1,
                    1,
                    "the file changed while the curriculum was being read",
                    "run the check or the build again",
                )
            ]
        )
    return text[doc.body_start :]


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
    translations_located: dict[str, Located] = field(default_factory=dict)
    """module.<lang>.yml as read, for the places of problems in it."""
    glossary_stamps: dict[str, str | None] = field(default_factory=dict)
    """The `translated_from:` of each glossary translation (see drift.py)."""
    kept: bytes | None = field(default=None, compare=False, repr=False)
    """A digest of what the module was put together from, when the check's store keeps it whole
    (loading/kept.py): what is computed from the module alone may be kept by it."""

    def terms(self) -> dict[str, model.GlossaryEntry]:
        return dict(self.glossary.data) if self.glossary else {}

    def translated_terms(self, lang: str) -> dict[str, model.GlossaryEntry]:
        found = self.glossary_translations.get(lang)
        return dict(found.data) if found else {}

    def check_ids(self) -> list[str]:
        """The self-evaluation's checks by stable id: `id:`, or the first words of `can` after
        "I can" ("write-a-program-that-prints"), as a trainee's ticks are kept."""
        if self.self_evaluation is None:
            return []
        out = []
        for check in self.self_evaluation.meta.checks:
            if check.id:
                out.append(check.id)
                continue
            words = re.sub(r"^i can\b", "", check.can.lower()).split()
            out.append(re.sub(r"[^a-z0-9]+", "-", " ".join(words[:6])).strip("-")[:60] or "check")
        return out

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
    roots: Roots | None = None
    """The folders the sources were read from: upstream's first (if any), the site's own last."""
    page_files: list[str] = field(default_factory=list)
    """Every file under curriculum/pages/ that is published, Markdown or not, by source path."""
    layered: Layered | None = None
    """Where each path of the tree comes from."""
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    """The site's own interface strings (curriculum/catalog/<lang>.yml), by language and key."""
    site_url: str | None = None
    """The address the site is published at (mkdocs.yml's site_url), for links in files that
    leave the site, such as calendars."""
    site_names: dict[str, str] = field(default_factory=dict)
    """The site's (the school's) name by language, as its header shows it."""
    edit_bases: tuple[str | None, str | None] = (None, None)
    """Where files are edited: the site's own, and upstream's (see editing.py)."""
    warnings: list[Problem] = field(default_factory=list)
    """What deserves a look but does not stop the build (a session on a listed holiday)."""
    cache: dict[str, Any] = field(default_factory=dict)
    """What pages compute once from the whole curriculum (see schedule.taught)."""
    loose: list[Doc] = field(default_factory=list)
    """Pages of weeks that could not be loaded whole (a sibling page has problems), and the bodies
    of week pages whose front matter has problems (`meta` None): still checked on their own, so
    that one run reports every problem."""
    drift: dict[str, Drift] = field(default_factory=dict)
    """Every translation's state against its English source, by the translation's path."""
    library: dict[str, LoadedModule] = field(default_factory=dict)
    """Every module read, built or not: terms defined in a module the site does not build still
    resolve. `modules` holds the built ones, in the order the site lists them."""

    def all_weeks(self) -> list[tuple[str, Week]]:
        """(module folder path, week) of every week loaded whole, its module's metadata valid or
        not."""
        out = [(m.path, w) for m in self.modules.values() for w in m.weeks]
        out += [(f"modules/{folder}", w) for folder, weeks in self.broken.items() for w in weeks]
        return out

    def source(self, rel: str) -> Path:
        """The file on disk for a path of the tree (`modules/x/week-01/prep.md`)."""
        return self.layered.path(rel) if self.layered else self.root / rel

    def shown(self, problem: Problem) -> Problem:
        """A problem with its file named from the site's folder."""
        if self.layered is None:
            return problem
        path = self.layered.shown(problem.path)
        if path == problem.path:
            return problem
        return Problem(path, problem.line, problem.col, problem.message, problem.hint)

    def catalog(self, lang: str) -> Catalog:
        from .i18n import catalog

        return catalog(lang, self.overlay(lang))

    def overlay(self, lang: str) -> dict[str, str]:
        """The site's own strings for `lang`, over its strings in the source language (the name of
        a track of its own, say, is then never missing)."""
        return {**self.strings.get(self.default_language, {}), **self.strings.get(lang, {})}

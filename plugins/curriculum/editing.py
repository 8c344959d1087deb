"""Where "Edit this page" leads: the source file the reader sees, in the repository it lives in.

A page of the build folder comes from a contributor's file (a week's prep.fr.md, a hand-written
page, a module's module.yml for its overview) or from nothing but the code (the lists, the
glossary, the wall charts): those have no edit link. A translation that does not exist yet shows
the English, so its link leads to the English file. On a partner's site, upstream's files are
edited in upstream's repository.
"""

from __future__ import annotations

import re

from .loaded import Curriculum
from .sources import PAGES_DIR, PROGRAMMES_DIR

_WEEK = re.compile(
    r"(modules/[^/]+/week-\d\d)/(index|exercises|coach)(\.[a-z]{2}(?:_[A-Z]{2})?)?\.md"
)
_MODULE = re.compile(r"modules/([^/]+)/index(\.[a-z]{2}(?:_[A-Z]{2})?)?\.md")
_PROGRAMME = re.compile(r"programmes/([a-z0-9-]+)(\.[a-z]{2}(?:_[A-Z]{2})?)?\.md")
_GENERATED = ("glossary/", "offline/", "programmes/index", "modules/index")


def source_of(cur: Curriculum, build_path: str, lang: str) -> str | None:
    """The source file (a path of the tree) behind a page of the build folder, for `lang`."""
    suffix = "" if lang == cur.default_language else f".{lang}"
    if build_path.startswith(_GENERATED) or "/wall-chart" in build_path:
        return None
    if match := _WEEK.fullmatch(build_path):
        stem = "prep" if match[2] == "index" else match[2]
        return _existing(cur, f"{match[1]}/{stem}", suffix, ".md")
    if match := _MODULE.fullmatch(build_path):
        return _existing(cur, f"modules/{match[1]}/module", suffix, ".yml")
    if match := _PROGRAMME.fullmatch(build_path):
        return _existing(cur, f"{PROGRAMMES_DIR}/{match[1]}", suffix, ".yml")
    english = re.sub(r"\.[a-z]{2}(?:_[A-Z]{2})?\.md$", ".md", build_path)
    base = english.removesuffix(".md")
    if build_path.startswith("modules/"):
        return _existing(cur, base, suffix, ".md")
    return _existing(cur, f"{PAGES_DIR}/{base}", suffix, ".md")


def _existing(cur: Curriculum, base: str, suffix: str, ext: str) -> str | None:
    for candidate in (f"{base}{suffix}{ext}", f"{base}{ext}"):
        if cur.source(candidate).is_file():
            return candidate
    return None


def edit_url(cur: Curriculum, build_path: str, lang: str) -> str | None:
    """The address that edits the page's source, or None (a generated page, no edit base)."""
    source = source_of(cur, build_path, lang)
    return file_url(cur, source) if source else None


def file_url(cur: Curriculum, source: str) -> str | None:
    """The address that edits a file of the tree, or None (no edit base for it)."""
    if cur.layered is None:
        return None
    roots = cur.layered.roots
    own = cur.layered.root(source) == roots.own
    base = cur.edit_bases[0 if own else 1]
    return base.rstrip("/") + "/" + source if base else None

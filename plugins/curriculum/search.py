"""Search: Pagefind's index of the built site, one per language, in the site's `search/` folder.

Pagefind (https://pagefind.app) reads the built pages, keeps the text inside `data-pagefind-body`
(every page but the coaches' plans: see the theme's curriculum.html), and splits each language's
index into small files. A reader who searches downloads the loader, the WebAssembly that searches,
the index chunks of the words typed and the excerpts of the results shown; nothing before search
is opened. The language of a page is its `<html lang>`; Arabic, Dutch, English and French words
are matched by their stem, Ukrainian and Farsi words by their beginning (Pagefind has no stemmer
for them). The site's script (curriculum.js) normalises what a reader types (see there).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .i18n import Catalog

SEARCH_DIR = "search"
"""Where the index goes, below the site's root (a folder hand-written pages may not take)."""
ENTRY = f"{SEARCH_DIR}/pagefind-entry.json"
"""The list of the site's languages and their index files, which Pagefind's loader reads first."""

UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "pagefind-worker.js",  # search runs in the page: a worker would cost 12 KB more per visit
)
"""Pagefind's ready-made interfaces (up to 175 KB each), which the site does not use: its own is a
few lines of curriculum.js over Material's search box."""

IGNORED = (
    ".headerlink",  # the ¶ beside each heading
    "pre",  # code blocks: words of code, not of the language searched
    ".cur-terms",  # a week's glossary terms, repeated on its prep page (the glossary has them)
    ".cur-banner",  # "this translation is outdated" and the like
    ".cur-when",  # when each programme teaches the week
    ".cur-meta",  # where ticks are kept
)
"""Parts of a page that search neither indexes nor shows in excerpts: they would make every
index chunk and excerpt a reader downloads larger, and find pages for the wrong reason."""

NOT_SEARCHED = ("coaches/", "guide/", "translations/")
"""Pages for coaches, contributors and translators, below a language's root: trainees' search
leaves them out (like each week's coach plan, whose front matter says `search: exclude: true`).
The contributors' guides alone were a tenth of each language's index, and their excerpts are the
largest a search downloads."""


def more_label(catalog: Catalog) -> str:
    """The search box's button for the next results, in the reader's language (the box's other
    words are Material's own)."""
    return catalog.t("search_more")


def searched(url: str, meta: Mapping[str, object]) -> bool:
    """Whether the page at `url` (below its language's root) is in the trainees' search."""
    exclude = meta.get("search")
    if isinstance(exclude, dict) and exclude.get("exclude"):
        return False
    return not url.startswith(NOT_SEARCHED)


LOADER = ("pagefind.js", "pagefind-entry.json")
"""What every language's search loads first."""


class SearchError(Exception):
    """Pagefind could not index the site."""


def index_site(site_dir: Path) -> None:
    """Index every page of `site_dir` that has a search body, into `site_dir/search/`."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--output-subdir",
            SEARCH_DIR,
            "--silent",
            *(arg for selector in IGNORED for arg in ("--exclude-selectors", selector)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SearchError(
            "Pagefind could not index the site for search:\n"
            + (result.stderr or result.stdout).strip()
        )
    for name in UNUSED:
        (site_dir / SEARCH_DIR / name).unlink(missing_ok=True)
    entry = site_dir / ENTRY
    _write_entry(entry, json.loads(entry.read_text(encoding="utf-8")))


def _write_entry(entry: Path, data: dict[str, Any]) -> None:
    # Pagefind lists the languages in no fixed order: sorted, two builds of the same sources
    # are byte for byte the same.
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def merge_index(site_dir: Path, other: Path) -> None:
    """Add to the index in `site_dir` the languages indexed in the site folder `other`, whose
    pages are in other languages: Pagefind indexes each language on its own, so the indexes of
    two halves of a site, put together, are the index of the whole. Its files are the caller's to
    move; this joins the two lists of languages."""
    theirs_path = other / ENTRY
    if not theirs_path.is_file():
        return
    theirs = json.loads(theirs_path.read_text(encoding="utf-8"))
    ours_path = site_dir / ENTRY
    if not ours_path.is_file():
        ours_path.parent.mkdir(parents=True, exist_ok=True)
        _write_entry(ours_path, theirs)
        return
    ours = json.loads(ours_path.read_text(encoding="utf-8"))
    if {k: v for k, v in ours.items() if k != "languages"} != {
        k: v for k, v in theirs.items() if k != "languages"
    }:
        raise SearchError(f"Two search indexes of different kinds: {ours_path} and {theirs_path}.")
    ours["languages"].update(theirs["languages"])
    _write_entry(ours_path, ours)


def language_files(site_dir: Path, lang: str) -> list[str]:
    """The files search needs in `lang`, relative to the site's root: what the "Reading offline"
    page saves so that search works without a connection. Empty if the site has no index."""
    folder = site_dir / SEARCH_DIR
    entry = site_dir / ENTRY
    if not entry.is_file():
        return []
    language = json.loads(entry.read_text(encoding="utf-8"))["languages"].get(lang)
    if language is None:
        return []
    names = [*LOADER, f"pagefind.{language['hash']}.pf_meta"]
    names.append(f"wasm.{language['wasm'] or 'unknown'}.pagefind")
    for kind, suffix in (("index", "pf_index"), ("fragment", "pf_fragment")):
        names += sorted(
            f"{kind}/{path.name}" for path in (folder / kind).glob(f"{lang}_*.{suffix}")
        )
    return [f"{SEARCH_DIR}/{name}" for name in names if (folder / name).is_file()]

"""Search: an index of the trainees' pages, one per language, in small files below `search/`.

After the build, `index_site` reads every built page that has a search body (see searchtext.py)
and writes, for each language, into `search/<lang>/`:

- `meta.json`: the pages (address, title, first section), each section's length, and where the
  index's and the text's files start. The only file fetched when a first word is looked up,
  besides what that word needs; it names the folder that holds the rest.
- `<hash>/w<N>.json`, the index in shards: entries sorted by key, cut every few kilobytes. A stem
  entry `[stem, postings, forms]` lists the sections that hold one of its word forms, as pairs
  (gap from the previous section, weight); the weight is twice the occurrences (one in a heading
  counts HEADING_WEIGHT times, in a page's title TITLE_WEIGHT times), plus one when the word is in
  the section's heading. A form entry `[form, stem]` leads from a form to its stem; the entries of
  one key are in one shard. A word typed needs the shards of its beginning, its stem, its forms.
- `<hash>/t<N>.json`, the text in blocks of consecutive sections (`[anchor, heading, text]`):
  the excerpts of the pages found, fetched for the results shown.

`<hash>` is a digest of what the folder holds: a rebuilt index has new addresses, so a browser
never mixes files of two builds. The script that searches is the theme's curriculum-search.js.
Pagefind (which this replaced) cost a reader 85 KB before any index and 28 to 38 KB per index
chunk: this index costs a few kilobytes per word looked up.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from . import searchtext
from .i18n import Catalog
from .searchtext import Page

SEARCH_DIR = "search"
"""Where the index goes, below the site's root (a folder hand-written pages may not take)."""
FORMAT = 1
"""The version of the files below, which the script checks."""
SHARD_BYTES = 3000
BLOCK_BYTES = 3000
"""About how large (uncompressed) a shard of the index and a block of text grow before the next
starts: a word looked up costs one or two shards, each result shown one or two blocks."""
K = TypeVar("K")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")

HEADING_WEIGHT = 3
TITLE_WEIGHT = 5
"""What a word in a heading, and in a page's title, counts for, against 1 in its text."""

NOT_SEARCHED = ("coaches/", "guide/", "translations/")
"""Pages for coaches, contributors and translators, below a language's root: trainees' search
leaves them out (like each week's coach plan, whose front matter says `search: exclude: true`).
The contributors' guides alone were a tenth of each language's index."""


class SearchError(Exception):
    """The site could not be indexed."""


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


def index_site(site_dir: Path) -> None:
    """Index every page of `site_dir` that has a search body, into `site_dir/search/<lang>/`."""
    found: dict[str, list[tuple[str, Page]]] = defaultdict(list)
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith(f"{SEARCH_DIR}/"):
            continue
        try:
            page = searchtext.read_page(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise SearchError(f"Search could not read {rel}: {error}") from error
        if page is not None:
            url = rel.removesuffix("index.html")
            found[page.lang].append((url, page))
    for lang, pages in sorted(found.items()):
        if not _LANGUAGE.fullmatch(lang):
            raise SearchError(
                f"Search cannot index pages whose language is {lang!r}: a language code such as "
                "`fr` or `pt-BR` was expected in the `<html lang>` of the built pages."
            )
        write_index(site_dir / SEARCH_DIR / lang, build_index(lang, pages))


@dataclass
class _Stem:
    postings: dict[int, int] = field(default_factory=dict)  # section -> weight
    forms: set[str] = field(default_factory=set)


@dataclass
class Index:
    """One language's index, as written: `meta.json` and the files of its folder."""

    meta: dict[str, object]
    files: dict[str, bytes]


def build_index(lang: str, pages: Iterable[tuple[str, Page]]) -> Index:
    """The index of `pages` (address below the site's root, page), all in `lang`."""
    stem = searchtext.stemmer(lang)
    stems: dict[str, _Stem] = defaultdict(_Stem)
    stem_of: dict[str, tuple[str, str]] = {}  # word -> (its folded form, its stem)
    listed: list[list[object]] = []
    lengths: list[int] = []
    texts: list[list[str]] = []
    for url, page in pages:
        listed.append([url, page.title, len(lengths)])
        for n, section in enumerate(page.sections):
            number = len(lengths)
            texts.append([section.anchor, section.heading, section.text])
            heading = Counter(searchtext.words(section.heading, lang))
            text = Counter(searchtext.words(section.text, lang))
            weight = TITLE_WEIGHT if n == 0 and section.heading == page.title else HEADING_WEIGHT
            lengths.append(weight * heading.total() + text.total())
            for word in heading.keys() | text.keys():
                known = stem_of.get(word)
                if known is None:
                    known = stem_of[word] = (
                        searchtext.fold(word),
                        searchtext.fold(stem(word) if stem else word),
                    )
                entry = stems[known[1]]
                entry.forms.add(known[0])
                # Twice the occurrences, odd if the word is in the heading.
                counted = entry.postings.get(number, 0) + 2 * (weight * heading[word] + text[word])
                entry.postings[number] = counted | (word in heading)

    entries: list[tuple[str, list[object]]] = []
    for key, entry in stems.items():
        postings: list[int] = []
        last = 0
        for number in sorted(entry.postings):
            postings += [number - last, entry.postings[number]]
            last = number
        entries.append((key, [key, postings, sorted(entry.forms - {key}, key=_order)]))
        entries += [(form, [form, key]) for form in entry.forms if form != key]
    # By key as the script compares them; one key's form entries (by stem) before its stem entry.
    entries.sort(key=lambda e: (_order(e[0]), len(e[1]), _order(str(e[1][1]))))
    files: dict[str, bytes] = {}
    shards = _cut(entries, SHARD_BYTES, "w", files)
    blocks = _cut(list(enumerate(texts)), BLOCK_BYTES, "t", files)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    meta: dict[str, object] = {
        "format": FORMAT,
        "folder": digest.hexdigest()[:12],
        "stemmed": stem is not None,
        "pages": listed,
        "lengths": lengths,
        "average": round(sum(lengths) / len(lengths), 2) if lengths else 1,
        "shards": shards,
        "blocks": blocks,
    }
    return Index(meta, files)


def _order(key: str) -> bytes:
    """Keys in the order JavaScript compares strings (UTF-16 code units)."""
    return key.encode("utf-16-be")


def _cut(
    items: Sequence[tuple[K, object]], size: int, prefix: str, files: dict[str, bytes]
) -> list[K]:
    """Cut `items` (in order) into files of about `size` bytes named `<prefix><N>.json`; returns
    the key of each file's first item. Items of one key stay in one file: the script reads the
    file where a key begins."""
    firsts: list[K] = []
    chunks: list[list[bytes]] = []
    grown = 0
    for n, (key, item) in enumerate(items):
        if not chunks or (grown >= size and key != items[n - 1][0]):
            firsts.append(key)
            chunks.append([])
            grown = 0
        chunks[-1].append(_json(item))
        grown += len(chunks[-1][-1])
    for n, chunk in enumerate(chunks):
        files[f"{prefix}{n}.json"] = b"[" + b",".join(chunk) + b"]"
    return firsts


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_index(folder: Path, index: Index) -> None:
    """Write `index` into `folder` (one language's), replacing what was there."""
    shutil.rmtree(folder, ignore_errors=True)
    files = folder / str(index.meta["folder"])
    files.mkdir(parents=True)
    for name, data in index.files.items():
        (files / name).write_bytes(data)
    (folder / "meta.json").write_bytes(_json(index.meta))


def language_files(site_dir: Path, lang: str) -> list[str]:
    """The files search needs in `lang`, relative to the site's root: what the "Reading offline"
    page saves so that search works without a connection. Empty if the site has no index."""
    meta = site_dir / SEARCH_DIR / lang / "meta.json"
    if not meta.is_file():
        return []
    folder = json.loads(meta.read_text(encoding="utf-8"))["folder"]
    files = sorted(
        (path for path in (meta.parent / folder).iterdir() if path.is_file()),
        key=lambda path: (path.name[0], int(path.stem[1:])),
    )
    base = f"{SEARCH_DIR}/{lang}"
    return [f"{base}/meta.json", *(f"{base}/{folder}/{path.name}" for path in files)]

"""The list of files a language needs to be read offline, with what downloading them costs.

The "Reading offline" page fetches this list and saves every file in the browser's cache, where
the service worker (plugins/curriculum_mkdocs/theme/sw.js) finds them when there is no connection.
Pages, the assets they load (stylesheets, scripts, icons, images) and the language's search, so
search works offline too.
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

from . import search

ALREADY_COMPRESSED = {
    *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".gz", ".zip"),
}
_TAG = re.compile(r"<(?:script|link|img)\b[^>]*>")
_REF = re.compile(r'(?:src|href)="([^"#?]+)')


def compressed_size(path: Path) -> int:
    """Bytes on the wire from a static host that gzips text (level 6)."""
    stat = path.stat()
    return _compressed_size(path.resolve(), stat.st_mtime_ns, stat.st_size)


@cache
def _compressed_size(path: Path, mtime_ns: int, size: int) -> int:
    # Keyed by the file's state: the assets every language shares are compressed once per build.
    data = path.read_bytes()
    if path.suffix in ALREADY_COMPRESSED:
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _page_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html" if not url or url.endswith("/") else site_dir / url


def _assets(site_dir: Path, url: str, html: str) -> set[str]:
    """Files below site_dir that the page at `url` loads."""
    found = set()
    refs = [
        ref
        for tag in _TAG.findall(html)
        if 'rel="canonical"' not in tag
        for ref in _REF.findall(tag)
    ]
    base = url if url.endswith("/") or not url else posixpath.dirname(url) + "/"
    for ref in refs:
        if "://" in ref or ref.startswith(("//", "data:", "mailto:")):
            continue
        target = posixpath.normpath(posixpath.join(base, ref)).lstrip("/")
        if target.startswith("..") or target.endswith(".html"):
            continue
        if (site_dir / target).is_file():
            found.add(target)
    return found


def manifest(site_dir: Path, lang: str, lang_prefix: str, page_urls: list[str]) -> dict[str, Any]:
    """What a language needs offline: {"pages": n, "bytes": compressed total, "files": [...]}.

    `lang_prefix` is "" for the default language and "fr/" for French; files are relative to the
    site root, pages first.
    """
    pages = sorted(set(page_urls))
    assets: set[str] = set()
    for url in pages:
        path = _page_file(site_dir, url)
        if path.is_file():
            assets |= _assets(site_dir, url, path.read_text(encoding="utf-8"))
    # The language's search: its index and the text of its excerpts (see curriculum/search.py).
    assets |= set(search.language_files(site_dir, lang))
    # What pages load by script: the code of the boxes some pages have (curriculum-more.js), of
    # search (curriculum-search.js), and
    # the programmes' sessions they read ("this week" works offline too).
    for script in ("curriculum-more.js", "curriculum-search.js"):
        if (site_dir / "assets/javascripts" / script).is_file():
            assets.add(f"assets/javascripts/{script}")
    programmes = site_dir / lang_prefix / "programmes"
    assets |= {p.relative_to(site_dir).as_posix() for p in programmes.glob("*/sessions.json")}
    files = pages + sorted(assets)
    size = sum(compressed_size(_page_file(site_dir, url)) for url in pages)
    size += sum(compressed_size(site_dir / asset) for asset in assets)
    return {"pages": len(pages), "bytes": size, "files": files}


def manifests(
    site_dir: Path, languages: Mapping[str, tuple[str, list[str]]]
) -> dict[str, dict[str, Any]]:
    """`manifest` of each language, from {lang: (lang_prefix, page_urls)}, computed side by side:
    most of the time goes to compressing pages, which zlib does outside Python's lock."""
    workers = min(len(languages), os.cpu_count() or 1) or 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = {
            lang: pool.submit(manifest, site_dir, lang, prefix, urls)
            for lang, (prefix, urls) in languages.items()
        }
        return {lang: future.result() for lang, future in done.items()}

"""Load, validate and assemble once per process, however many times MkDocs asks.

mkdocs-static-i18n runs every hook once per language and `mkdocs serve` rebuilds in the same
process: the expensive work is keyed by the state of the source files and done again only when they
change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import filecache
from .assemble import collect, navigation, sync
from .loaded import Curriculum
from .read import load_curriculum
from .settings import Settings

SOURCE_DIRS = ("modules", "curriculum")


class UnsafeDocsDir(Exception):
    """The build folder overlaps the sources: filling it would overwrite contributors' files."""


@dataclass
class Site:
    curriculum: Curriculum
    changed: list[str]
    _navs: dict[str, list[Any]] = field(default_factory=dict)

    def navigation(self, lang: str) -> list[Any]:
        if lang not in self._navs:
            self._navs[lang] = navigation(self.curriculum, lang)
        return self._navs[lang]


_cache: dict[tuple[Any, ...], Site] = {}


def _signature(roots: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    stats = []
    for root in roots:
        for name in SOURCE_DIRS:
            for path in (root / name).rglob("*"):
                if path.is_file():
                    st = path.stat()
                    stats.append((path.as_posix(), st.st_mtime_ns, st.st_size))
    return tuple(sorted(stats))


def check_docs_dir(roots: tuple[Path, ...], docs_dir: Path) -> None:
    for root in roots:
        for name in SOURCE_DIRS:
            source = (root / name).resolve()
            if (
                docs_dir == source
                or docs_dir.is_relative_to(source)
                or source.is_relative_to(docs_dir)
            ):
                raise UnsafeDocsDir(
                    f"docs_dir '{docs_dir}' overlaps the sources in '{source}'. The curriculum "
                    "plugin fills docs_dir with generated pages and removes what it did not write: "
                    "set `docs_dir: site-src` (a git-ignored folder of its own) in mkdocs.yml."
                )


def prepare(settings: Settings, docs_dir: Path) -> Site:
    """Validate the sources and make `docs_dir` hold the site's pages; cached while nothing changes.

    Raises CurriculumError listing every problem, or UnsafeDocsDir.
    """
    roots = settings.roots.folders
    check_docs_dir(roots, docs_dir)
    key = (
        settings.config_file,
        roots,
        settings.languages,
        settings.default_language,
        settings.options.model_dump_json(),
        docs_dir,
        _signature(roots),
    )
    site = _cache.get(key)
    if site is not None:
        if site.changed:
            site.changed = []  # reported once; the folder is already up to date
        return site
    _cache.clear()
    with filecache.using(settings.config_file):  # after a save, only the saved file is read again
        cur = load_curriculum(settings.site, settings=settings)
    changed = sync(docs_dir, collect(cur))
    site = Site(cur, changed)
    _cache[key] = site
    return site

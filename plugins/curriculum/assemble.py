"""Assemble the folder MkDocs builds from: generated pages, hand-written pages and module files.

The folder belongs to the build (git-ignored). Files are written only when their bytes change and
stale ones are removed, so `mkdocs serve` sees a change only when a source really changed.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Any

from . import escape, safefile, sources
from .i18n import Catalog
from .loaded import Curriculum
from .loading.files import split_locale
from .pages.common import front_matter, outdated_markdown
from .pages.paths import (
    GLOSSARY_PAGE,
    MODULES_INDEX,
    OFFLINE_PAGE,
    PROGRAMMES_INDEX,
    module_extra_page,
    module_page,
    programme_page,
    wall_chart_page,
    week_page,
)
from .pages.registry import render_all

COACHES_DIR = "coaches"
"""Hand-written pages for coaches (curriculum/pages/coaches/): in the coaches' section."""

PAGES_DIR = sources.PAGES_DIR
KEEP = {".gitignore"}


def collect(cur: Curriculum) -> dict[str, bytes]:
    """Every file of the build folder, by its path there."""
    files: dict[str, bytes] = {}
    pages = f"{sources.PAGES_DIR}/"
    for rel in cur.page_files:
        # curriculum/pages/<path> is <path> on the site
        files[rel.removeprefix(pages)] = _published(cur, rel)
    for module in cur.modules.values():
        for asset in module.assets:
            # modules/<id>/... keeps its path on the site
            files[asset] = _published(cur, asset)
    for page in render_all(cur):
        files[page.path] = page.text.encode("utf-8")
    return files


def _published(cur: Curriculum, rel: str) -> bytes:
    """A contributor's file as it is published: a page with only its escaped title as front
    matter (its text was read and checked by the loader), any other file as it is."""
    doc = cur.pages.get(rel)
    if doc is not None:
        name, lang = split_locale(Path(rel))
        english = posixpath.join(posixpath.dirname(rel), f"{name}.md").removeprefix(
            f"{sources.PAGES_DIR}/"
        )
        banner = outdated_markdown(cur, rel, english) if lang else ""
        return f"---\n{front_matter(doc.meta.title)}\n---\n{banner}{doc.body}".encode()
    path = cur.source(rel)
    root = cur.layered.root(rel) if cur.layered else cur.root
    return safefile.read_bytes(root, path)


def sync(target: Path, files: dict[str, bytes]) -> list[str]:
    """Make `target` hold exactly `files`; return the paths that were written or removed."""
    changed: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = target / rel
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        changed.append(rel)
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in files and rel not in KEEP:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def navigation(cur: Curriculum, lang: str) -> list[Any]:
    """The `nav` of mkdocs.yml for one language: section titles translated, pages by path."""
    catalog = cur.catalog(lang)
    modules: list[Any] = [MODULES_INDEX]
    for module in cur.modules.values():
        tr = module.translations.get(lang)
        title = escape.plain(tr.title if tr and tr.title else module.meta.title)
        weeks: list[Any] = [module_page(module.meta.id)]
        for week in module.weeks:
            folder = f"{module.path}/{week.folder}/"
            local = [
                a
                for a in module.assets
                if a.startswith(folder) and a.endswith(".md") and split_locale(Path(a))[1] is None
            ]
            weeks.append(
                {
                    catalog.t("week_n", n=week.number): [
                        week_page(week, "prep"),
                        week_page(week, "exercises"),
                        *local,
                    ]
                }
            )
        weeks += [module_extra_page(module.meta.id, stem) for stem in module.extra_pages()]
        modules.append({title: weeks})
    programmes = [PROGRAMMES_INDEX, *(programme_page(p.meta.id) for p in cur.programmes)]
    nav: list[Any] = []
    published = [rel.removeprefix(f"{PAGES_DIR}/") for rel in cur.page_files]
    if "index.md" in published:
        nav.append("index.md")
    nav.append({catalog.t("nav_programmes"): programmes})
    nav.append({catalog.t("nav_modules"): modules})
    nav.append(GLOSSARY_PAGE)
    nav.append(OFFLINE_PAGE)
    nav.append({catalog.t("nav_coaches"): _for_coaches(cur, published)})
    nav.extend(_hand_written(published, catalog))
    return nav


def _for_coaches(cur: Curriculum, published: list[str]) -> list[Any]:
    """Public, but apart from the trainees' pages: the coaches' orientation (which links their
    other pages), then each programme's wall chart, which links every session's coach plan.
    The rest is left out of the navigation that every trainee's page carries."""
    own = sorted(
        (p for p in published if p.startswith(f"{COACHES_DIR}/") and p.endswith(".md")),
        key=lambda p: (not p.endswith("/index.md"), p),
    )
    out: list[Any] = [
        p for p in own if split_locale(Path(p))[1] is None and p == f"{COACHES_DIR}/index.md"
    ]
    out += [wall_chart_page(p.meta.id) for p in cur.programmes if p.meta.start is not None]
    return out


def _hand_written(published: list[str], catalog: Catalog) -> list[Any]:
    """Hand-written pages other than the home page: top-level pages, then one section a folder.
    A folder with an index.md is that page alone, under its own title (the internship's page,
    which links its page for mentors): every trainee's page carries the navigation."""
    pages = sorted(p for p in published if p.endswith(".md") and split_locale(Path(p))[1] is None)
    out: list[Any] = [p for p in pages if "/" not in p and p != "index.md"]
    folders: dict[str, list[str]] = {}
    for page in pages:
        if "/" in page and not page.startswith(f"{COACHES_DIR}/"):
            folders.setdefault(page.split("/")[0], []).append(page)
    for folder, children in sorted(folders.items()):
        if f"{folder}/index.md" in children:
            out.append(f"{folder}/index.md")
            continue
        key = f"nav_{folder}"
        title = catalog.t(key) if catalog.has(key) else folder.replace("-", " ").title()
        out.append({title: children})
    return out

"""Loading: every source file of the curriculum into the loaded types, with every problem found.

Loading reads and validates each file on its own; cross-checks between files are in `checks`, and
`read.load_curriculum` runs both. Files are read from the layered folders (see `layers`), each by
its path in the tree; problems name them by that path until `Curriculum.shown` places them.
"""

from __future__ import annotations

import contextlib

from .. import filecache, layers, model
from ..layers import Layered
from ..loaded import Curriculum, Doc, LoadedModule, Week
from ..problems import CurriculumError, Problem
from ..settings import Settings
from ..sources import REVIEWED_SOURCES
from .catalogs import load_catalogs
from .errors import validate_model
from .files import check_locale, read_page, read_yaml, split_locale
from .kept import load_module
from .programmes import _load_programmes


def load(settings: Settings) -> tuple[Curriculum, list[Problem], list[Problem]]:
    """Every source file, each validated on its own; the problems found by their path in the
    tree, and those already placed (scan, layering).

    Raises CurriculumError only when there is nothing to load at all.
    """
    layered = layers.layer(settings)
    cache = filecache.current()
    with cache.scanned(layered.statuses) if cache else contextlib.nullcontext():
        return _load(settings, layered)


def _load(settings: Settings, layered: Layered) -> tuple[Curriculum, list[Problem], list[Problem]]:
    if not layered.modules and not any(
        (root / "modules").is_dir() for root in layered.roots.folders
    ):
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
    languages, default = list(settings.languages), settings.default_language
    problems: list[Problem] = []
    modules: dict[str, LoadedModule] = {}
    broken: dict[str, list[Week]] = {}
    refused = layered.refused
    loose: list[Doc] = []
    for module_id, root in layered.modules.items():
        folder = root / "modules" / module_id
        if f"modules/{module_id}" in refused:
            broken[module_id] = []  # reported by the scan; programmes may still name it
            continue
        in_weeks = layered.in_weeks.get(module_id, {})
        loaded, weeks = load_module(
            root, folder, languages, default, problems, refused, loose, in_weeks
        )
        if loaded is not None:
            modules[module_id] = loaded
        else:
            broken[module_id] = weeks
    programmes = _load_programmes(layered, languages, default, problems)
    curriculum = Curriculum(settings.site, languages, default, modules, programmes, broken)
    curriculum.layered = layered
    curriculum.loose = loose
    curriculum.site_url = settings.site_url
    curriculum.site_names = settings.site_names
    curriculum.edit_bases = (settings.options.edit_base, settings.upstream_edit_base)
    curriculum.roots = layered.roots
    curriculum.page_files = layered.page_files()
    for rel in curriculum.page_files:
        if rel.endswith(".md"):
            path = layered.path(rel)
            check_locale(
                layered.root(rel), path, split_locale(path)[1], languages, default, problems
            )
    local = [a for m in modules.values() for a in m.assets if a.endswith(".md")]
    for rel in [*curriculum.page_files, *local]:
        if rel.endswith(".md"):
            doc = read_page(layered.root(rel), layered.path(rel), problems)
            if doc is not None:
                curriculum.pages[rel] = doc
    curriculum.reviewed_hosts = _reviewed_hosts(layered, problems)
    curriculum.strings = load_catalogs(layered, languages, problems)
    return curriculum, problems, list(layered.problems)


def _reviewed_hosts(layered: Layered, problems: list[Problem]) -> dict[str, str] | None:
    """curriculum/reviewed-sources.yml of every folder that has one, added up."""
    found: dict[str, str] | None = None
    for root in layered.merged.get(REVIEWED_SOURCES, []):
        located = read_yaml(root, root / REVIEWED_SOURCES, problems)
        hosts = validate_model(model.ReviewedSources, located, problems) if located else None
        if hosts is None:
            return None  # a broken list is reported above; links are not checked against half
        found = {**(found or {}), **hosts.root}
    return found

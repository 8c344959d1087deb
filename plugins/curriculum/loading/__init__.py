"""Loading: every source file of the curriculum into the loaded types, with every problem found.

Loading reads and validates each file on its own; cross-checks between files are in `checks`, and
`read.load_curriculum` runs both.
"""

from __future__ import annotations

from pathlib import Path

from .. import model, sources
from ..loaded import Curriculum, LoadedModule, Week
from ..problems import CurriculumError, Problem
from ..sources import REVIEWED_SOURCES
from .errors import validate_model
from .files import check_locale, read_page, read_yaml, rel_path, split_locale
from .modules import _load_module
from .programmes import _load_programmes


def load(
    root: Path, languages: list[str], default_language: str = "en"
) -> tuple[Curriculum, list[Problem]]:
    """Every source file, each validated on its own; and the problems found.

    Raises CurriculumError only when there is nothing to load at all.
    """
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
    roots = sources.Roots.of(root)
    scanned = sources.scan(roots, languages)
    problems.extend(scanned.problems)
    refused = scanned.refused
    for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()):
        if folder.name.startswith("."):
            continue
        if rel_path(root, folder) in refused:
            broken[folder.name] = []  # reported by the scan; programmes may still name it
            continue
        loaded, weeks = _load_module(root, folder, languages, default_language, problems, refused)
        if loaded is not None:
            modules[folder.name] = loaded
        else:
            broken[folder.name] = weeks
    programmes = _load_programmes(root, languages, default_language, problems, refused)
    curriculum = Curriculum(root, languages, default_language, modules, programmes, broken)
    curriculum.roots = roots
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
    return curriculum, problems

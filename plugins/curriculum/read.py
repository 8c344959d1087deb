"""The curriculum, read and checked: one entry point for the plugin, the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from .checks import cross_check
from .checks.cohorts import holiday_warnings
from .loaded import Curriculum
from .loading import load
from .problems import CurriculumError
from .reconcile import reconcile
from .select import select
from .settings import Settings


def load_curriculum(
    root: Path,
    languages: list[str] | tuple[str, ...] = (),
    default_language: str = "en",
    *,
    settings: Settings | None = None,
) -> Curriculum:
    """Load every source and cross-check them; raise CurriculumError with every problem found.

    `settings` describes the site (its folders, languages and choices); without it, the site is
    the one folder `root` in `languages`.
    """
    settings = settings or Settings.for_folder(root, languages, default_language)
    curriculum, problems, placed = load(settings)
    unstamped = reconcile(curriculum)
    problems.extend(cross_check(curriculum))
    problems.extend(select(curriculum, settings))
    if problems or placed:
        raise CurriculumError(sorted({*placed, *(curriculum.shown(p) for p in problems)}))
    found = [*holiday_warnings(curriculum), *unstamped]
    curriculum.warnings = sorted(curriculum.shown(w) for w in found)
    return curriculum

"""The curriculum, read and checked: one entry point for the plugin, the CLI and the tests."""

from __future__ import annotations

from pathlib import Path

from .checks import cross_check
from .loaded import Curriculum
from .loading import load
from .problems import CurriculumError


def load_curriculum(root: Path, languages: list[str], default_language: str = "en") -> Curriculum:
    """Load every source and cross-check them; raise CurriculumError with every problem found."""
    curriculum, problems = load(root, languages, default_language)
    problems.extend(cross_check(curriculum))
    if problems:
        raise CurriculumError(problems)
    return curriculum

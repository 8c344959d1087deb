"""The registry of generated pages: every page kind, rendered for every language.

Adding a page kind means one module in this package and one line in KINDS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..loaded import Curriculum
from ..schedule import schedule
from . import (
    calendars,
    coach,
    cohort,
    exercises,
    glossary,
    lists,
    module,
    offline,
    prep,
    programme,
    self_evaluation,
    skills_record,
    translation_status,
    wall_chart,
    workshop,
)
from .common import Lang, Page
from .context import Context

KINDS: tuple[Callable[[Context], Iterable[Page]], ...] = (
    lists.pages,
    programme.pages,
    wall_chart.pages,
    glossary.pages,
    offline.pages,
    module.pages,
    self_evaluation.pages,
    skills_record.pages,
    workshop.pages,
    prep.pages,
    exercises.pages,
    coach.pages,
    calendars.pages,
    cohort.pages,
    translation_status.pages,
)
"""Every kind of generated page, in the order they are written."""


def render_all(cur: Curriculum) -> list[Page]:
    """Every generated page in every language, in a stable order."""
    schedules = {prog.meta.id: schedule(cur, prog) for prog in cur.programmes}
    out: list[Page] = []
    for code in cur.languages:
        ctx = Context(
            cur,
            Lang(
                code,
                cur.default_language,
                cur.overlay(code),
                sunday=all(p.meta.weekday == "sunday" for p in cur.programmes),
            ),
            schedules,
        )
        for kind in KINDS:
            out.extend(kind(ctx))
    return out

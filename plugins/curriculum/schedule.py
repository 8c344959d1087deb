"""A programme's sessions: the weeks of its modules in order, weekly from its start date (on its
weekday, Sunday by default), with company visits, breaks and closing sessions, then its phases
(an internship of N weeks, ...). The same in every language, so computed once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .loaded import Curriculum, LoadedModule, LoadedProgramme, Week


@dataclass(frozen=True)
class Session:
    """One session of a programme: a module week, a company visit, a break, a closing session, or
    the start of a phase (which lasts its weeks)."""

    kind: str  # "week", "visit", "break", "closing" or "phase"
    date: dt.date | None
    week: Week | None = None
    module: LoadedModule | None = None
    closing: int = 0
    phase: int = 0


def schedule(cur: Curriculum, prog: LoadedProgramme) -> list[Session]:
    """The programme's Sundays in order: weekly from `start`, skipping breaks, visits between."""
    meta = prog.meta
    breaks = set(meta.breaks)
    planned: list[tuple[str, Week | None, LoadedModule | None, int]] = []
    weeks = [(m, w) for mid in meta.modules if (m := cur.modules.get(mid)) for w in m.weeks]
    for n, (loaded, one) in enumerate(weeks, start=1):
        planned.append(("week", one, loaded, 0))
        every = meta.company_visit_every
        if every and n % every == 0 and n < len(weeks):
            planned.append(("visit", None, None, 0))
    planned.extend(("closing", None, None, n) for n in range(len(meta.closing)))
    out: list[Session] = []
    day = meta.start
    for kind, week, module, closing in planned:
        while day is not None and day in breaks:
            out.append(Session("break", day))
            day += dt.timedelta(weeks=1)
        out.append(Session(kind, day, week, module, closing))
        if day is not None:
            day += dt.timedelta(weeks=1)
    for n, phase in enumerate(meta.phases):
        out.append(Session("phase", day, phase=n))
        if day is not None:
            day += dt.timedelta(weeks=phase.weeks)
    return out

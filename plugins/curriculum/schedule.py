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
    visit: int = 0
    """The company visit's number, from 1."""


def schedule(cur: Curriculum, prog: LoadedProgramme) -> list[Session]:
    """The programme's sessions in order: weekly from `start`, skipping breaks, visits between,
    then its phases."""
    meta = prog.meta
    breaks = set(meta.breaks)
    planned: list[tuple[str, Week | None, LoadedModule | None, int]] = []
    weeks = [(m, w) for mid in meta.modules if (m := cur.modules.get(mid)) for w in m.weeks]
    for n, (loaded, one) in enumerate(weeks, start=1):
        planned.append(("week", one, loaded, 0))
        every = meta.company_visit_every
        if every and n % every == 0 and n < len(weeks):
            planned.append(("visit", None, None, n // every))
    planned.extend(("closing", None, None, n) for n in range(len(meta.closing)))
    out: list[Session] = []
    day = meta.start
    for kind, week, module, number in planned:
        while day is not None and day in breaks:
            out.append(Session("break", day))
            day += dt.timedelta(weeks=1)
        if kind == "visit":
            out.append(Session(kind, day, visit=number))
        else:
            out.append(Session(kind, day, week, module, number))
        if day is not None:
            day += dt.timedelta(weeks=1)
    for n, phase in enumerate(meta.phases):
        out.append(Session("phase", day, phase=n))
        if day is not None:
            day += dt.timedelta(weeks=phase.weeks)
    return out


def minutes_of_day(clock: str) -> int:
    """'10:30' -> 630."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def taught(cur: Curriculum, week: Week) -> list[tuple[LoadedProgramme, Session]]:
    """The sessions at which the site's programmes teach `week`, in programme order."""
    index: dict[int, list[tuple[LoadedProgramme, Session]]] | None = cur.cache.get("taught")
    if index is None:
        index = {}
        for prog in cur.programmes:
            for session in schedule(cur, prog):
                if session.kind == "week" and session.week is not None:
                    index.setdefault(id(session.week), []).append((prog, session))
        cur.cache["taught"] = index
    return index.get(id(week), [])


def session_start(cur: Curriculum, week: Week) -> int | None:
    """The clock time (minutes of the day) the week's session starts at, if every programme that
    teaches it starts at the same time."""
    starts = {minutes_of_day(prog.meta.time) for prog, _ in taught(cur, week)}
    return starts.pop() if len(starts) == 1 else None


def in_ramadan(prog: LoadedProgramme, day: dt.date) -> bool:
    """True if the programme keeps Ramadan in mind and `day` falls in it."""
    from .holidays import named

    if "ramadan" not in prog.meta.holidays:
        return False
    return any(h.covers(day) for h in named("ramadan", range(day.year - 1, day.year + 1)))

"""A programme's cohort calendar: its weekday, time zone, dates in order, and session length."""

from __future__ import annotations

import zoneinfo

from ..holidays import Holiday, named
from ..loaded import Curriculum, LoadedProgramme
from ..problems import Problem
from ..programme_model import WEEKDAYS
from ..schedule import Session, schedule


def check_calendar(cur: Curriculum, prog: LoadedProgramme) -> list[Problem]:
    out: list[Problem] = []
    meta, loc = prog.meta, prog.located
    try:
        zoneinfo.ZoneInfo(meta.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        out.append(
            loc.problem(
                ("timezone",),
                f"unknown time zone '{meta.timezone}'",
                "give its IANA name, such as Europe/Brussels or Europe/Amsterdam",
            )
        )
    weekday = WEEKDAYS.index(meta.weekday)
    dated = [(("start",), meta.start), *((("breaks", n), d) for n, d in enumerate(meta.breaks))]
    for key, day in dated:
        if day is not None and day.weekday() != weekday:
            out.append(
                loc.problem(
                    key,
                    f"{day.isoformat()} is a {WEEKDAYS[day.weekday()]}, and the programme "
                    f"meets on {meta.weekday}s",
                    f"give a {meta.weekday}, or set `weekday:` to the day the sessions are on",
                )
            )
    for n, (earlier, later) in enumerate(zip(meta.breaks, meta.breaks[1:], strict=False), start=1):
        if later <= earlier:
            out.append(
                loc.problem(
                    ("breaks", n),
                    f"{later.isoformat()} comes after {earlier.isoformat()} in the list",
                    "list the breaks in date order, each once",
                )
            )
    for n, day in enumerate(meta.breaks):
        if meta.start is not None and day < meta.start:
            out.append(
                loc.problem(
                    ("breaks", n),
                    f"break {day.isoformat()} is before the start ({meta.start.isoformat()})",
                    "remove it, or correct the start date",
                )
            )
    if meta.session_minutes is not None:
        for mid in meta.modules:
            module = cur.modules.get(mid)
            for week in module.weeks if module else []:
                minutes = week.coach.meta.session_minutes
                if minutes != meta.session_minutes:
                    out.append(
                        loc.problem(
                            ("session_minutes",),
                            f"sessions last {meta.session_minutes} minutes, but the coach plan of "
                            f"{mid} {week.folder} adds up to {minutes}",
                            f"make the blocks of {week.coach.path} add up to "
                            f"{meta.session_minutes} minutes, or correct session_minutes",
                        )
                    )
    return out


def holiday_warnings(cur: Curriculum) -> list[Problem]:
    """Sessions that fall on a holiday the programme lists: the cohort may want a break there.

    Warnings, not errors: a cohort may agree to meet. Ramadan is a period, not a day off: the
    coach plans of its sessions carry a note instead (see `schedule.in_ramadan`).
    """
    out: list[Problem] = []
    for prog in cur.programmes:
        sessions = [s for s in schedule(cur, prog) if s.date and s.kind not in ("break", "phase")]
        if not sessions or not prog.meta.holidays:
            continue
        for n, entry, found in _listed(prog, sessions):
            if isinstance(entry, str) and entry == "ramadan":
                continue
            for session in sessions:
                day = session.date
                hit = next((h for h in found if day and h.covers(day)), None)
                if hit is not None and day is not None:
                    out.append(
                        prog.located.problem(
                            ("holidays", n),
                            f"the session of {day.isoformat()} falls on {hit.name}",
                            f"add {day.isoformat()} to `breaks:` (the sessions after it "
                            "move one week later), or keep it if the cohort agreed to meet",
                        )
                    )
    return out


def _listed(
    prog: LoadedProgramme, sessions: list[Session]
) -> list[tuple[int, object, list[Holiday]]]:
    """Each listed holiday with its occurrences over the years the sessions span."""
    days = [s.date for s in sessions if s.date is not None]
    years = range(min(days).year, max(days).year + 1)
    out: list[tuple[int, object, list[Holiday]]] = []
    for n, entry in enumerate(prog.meta.holidays):
        if isinstance(entry, str):
            out.append((n, entry, named(entry, years)))
        else:
            out.append((n, entry, [Holiday(entry.name, entry.date, entry.date)]))
    return out

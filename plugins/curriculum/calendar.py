"""A programme's sessions as an iCalendar file, made with the icalendar library.

One event per session (a week's group session, a company visit, a closing session) at the
programme's clock time in its time zone, with the week's title and a link to its preparation; a
phase (an internship) as one event over its weeks. UIDs name what a session is, not its position,
so a calendar app updates an event when a break moves it. DTSTAMP comes from SOURCE_DATE_EPOCH:
two builds of the same sources give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .loaded import Curriculum, LoadedProgramme
from .schedule import Session, minutes_of_day

DEFAULT_MINUTES = 240
"""A session's length when neither the programme nor a coach plan gives one (visits, closing)."""


def stamp() -> dt.datetime:
    """When the calendar was made: the last commit's time (SOURCE_DATE_EPOCH), for reproducible
    builds; the epoch if unset."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def programme_calendar(
    cur: Curriculum,
    prog: LoadedProgramme,
    sessions: list[Session],
    names: dict[str, str],
    links: dict[str, str],
) -> bytes:
    """The .ics file of `prog`. `names` maps each session's key (see `session_key`) to its
    event title in the reader's language; `links` maps a week's key to its prep page's address."""
    meta = prog.meta
    zone = zoneinfo.ZoneInfo(meta.timezone)
    host = urlsplit(cur.site_url or "").hostname or "open-curriculum"
    calendar = Calendar()
    calendar.add("prodid", "-//Open Curriculum//Cohort calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", names["calendar"])
    calendar.add("x-wr-timezone", meta.timezone)
    start_minutes = minutes_of_day(meta.time)
    made = stamp()
    for session in sessions:
        if session.kind == "break" or session.date is None:
            continue
        key = session_key(session)
        event = Event()
        event.add("uid", f"{meta.id}-{key}@{host}")
        event.add("dtstamp", made)
        event.add("summary", names[key])
        if session.kind == "phase":
            weeks = meta.phases[session.phase].weeks
            event.add("dtstart", session.date)
            event.add("dtend", session.date + dt.timedelta(weeks=weeks))
        else:
            begins = dt.datetime.combine(session.date, dt.time(), tzinfo=zone) + dt.timedelta(
                minutes=start_minutes
            )
            length = (
                session.week.coach.meta.session_minutes
                if session.week is not None
                else meta.session_minutes or DEFAULT_MINUTES
            )
            event.add("dtstart", begins)
            event.add("dtend", begins + dt.timedelta(minutes=length))
        if key in links:
            event.add("url", links[key])
            event.add("description", links[key])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def session_key(session: Session) -> str:
    """What a session is, stable across rebuilds: `javascript-week-01`, `visit-2`, `closing-1`."""
    if session.kind == "week" and session.week is not None:
        return f"{session.week.module_id}-{session.week.folder}"
    if session.kind == "visit":
        return f"visit-{session.visit}"
    if session.kind == "phase":
        return f"phase-{session.phase + 1}"
    return f"closing-{session.closing + 1}"

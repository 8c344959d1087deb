"""The programmes' models: `curriculum/programmes/<id>.yml` and its translations."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .fields import CohortDate, Slug, Text, _Strict, _Translation

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PagePath = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md$")
]
"""A hand-written page, by its path under curriculum/pages/ (`internship.md`)."""
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
"""A time of day as HH:MM, 24-hour clock: 10:00, 18:30."""


class Closing(_Strict):
    """A session after the last module, such as workshops that trainees run."""

    title: Text = Field(description="What happens.")
    summary: Text = Field(description="One or two sentences about it.")


class ClosingTranslation(_Strict):
    title: Text | None = Field(default=None, description="Translated title.")
    summary: Text | None = Field(default=None, description="Translated summary.")


HOLIDAY_NAMES = ("easter", "orthodox-easter", "nowruz", "eid-al-fitr", "eid-al-adha", "ramadan")
HolidayName = Literal[
    "easter", "orthodox-easter", "nowruz", "eid-al-fitr", "eid-al-adha", "ramadan"
]
"""Holidays computed for every year: Western and Orthodox Easter Sunday, Nowruz, the two Eids
(Umm al-Qura calendar) and the month of Ramadan (a period)."""


class DatedHoliday(_Strict):
    """A holiday the libraries do not know, such as a national day, with its date."""

    date: CohortDate = Field(description="The date, as YYYY-MM-DD.")
    name: Text = Field(description="Its name, as shown in messages.")


class Phase(_Strict):
    """A part of a programme that is not a module, such as an internship in a company."""

    title: Text = Field(description="Its name, such as 'Internship'.")
    summary: Text = Field(description="One or two sentences: what trainees do, where, with whom.")
    weeks: Annotated[int, Field(ge=1, le=52)] = Field(description="How many weeks it lasts.")
    page: PagePath | None = Field(
        default=None,
        description="The hand-written page about it, by its path under curriculum/pages/ "
        "(what to do, a weekly reflection, check-ins with a mentor).",
    )


class PhaseTranslation(_Strict):
    title: Text | None = Field(default=None, description="Translated title.")
    summary: Text | None = Field(default=None, description="Translated summary.")


class Programme(_Strict):
    """`curriculum/programmes/<id>.yml`: a course composed of modules, in order."""

    id: Slug = Field(description="Equal to the file name without .yml.")
    title: Text = Field(description="The programme's name.")
    summary: Text = Field(description="Who it is for and how it runs.")
    modules: list[Slug] = Field(min_length=1, description="Module ids in teaching order.")
    weekday: Weekday = Field(
        default="sunday",
        description="The day of the week the group sessions are held (sunday, saturday, ...).",
    )
    time: ClockTime = Field(
        default="10:00", description="When the group sessions start, as HH:MM (24-hour clock)."
    )
    timezone: Annotated[str, StringConstraints(max_length=60)] = Field(
        default="Europe/Brussels",
        description="The time zone of the sessions, by its IANA name (Europe/Brussels).",
    )
    session_minutes: Annotated[int, Field(gt=0, le=12 * 60)] | None = Field(
        default=None,
        description="How long every group session lasts, in minutes; each coach plan of the "
        "programme's weeks must add up to it (not checked if absent).",
    )
    start: CohortDate | None = Field(
        default=None, description="First session of the current cohort, as YYYY-MM-DD."
    )
    company_visit_every: Annotated[int, Field(ge=1, le=12)] | None = Field(
        default=None,
        description="A company visit after every this many weeks of modules (none if absent).",
    )
    breaks: list[CohortDate] = Field(
        default=[], description="Dates without a session (holidays), as YYYY-MM-DD."
    )
    closing: list[Closing] = Field(
        default=[], description="Sessions after the last module, in order."
    )
    holidays: list[HolidayName | DatedHoliday] = Field(
        default=[],
        description="Holidays that matter to the cohort: a session on one is a warning, and "
        "coach plans of sessions in Ramadan carry a note. Names: "
        + ", ".join(HOLIDAY_NAMES)
        + "; or {date, name}.",
    )
    phases: list[Phase] = Field(
        default=[],
        description="Parts of the programme after its modules and closing sessions that are not "
        "modules: an internship, a project, ...",
    )


class ProgrammeTranslation(_Translation):
    """`curriculum/programmes/<id>.<lang>.yml`."""

    title: Text | None = Field(default=None, description="Translated title.")
    summary: Text | None = Field(default=None, description="Translated summary.")
    closing: list[ClosingTranslation] | None = Field(
        default=None, description="Translated closing sessions, same order and number."
    )
    phases: list[PhaseTranslation] | None = Field(
        default=None, description="Translated phases, same order and number."
    )

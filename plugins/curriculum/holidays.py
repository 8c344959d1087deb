"""Holidays that matter to a cohort, computed by well-kept libraries for any year.

Western and Orthodox Easter by python-dateutil; Nowruz (1 Farvardin) by convertdate's Persian
calendar; Ramadan and the two Eids by hijridate, which follows the Umm al-Qura calendar (the
observed dates can differ by a day from country to country, which is why a session near one is
worth a warning, not silence).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from . import filecache

NAMES = {
    "easter": "Easter",
    "orthodox-easter": "Orthodox Easter",
    "nowruz": "Nowruz",
    "eid-al-fitr": "Eid al-Fitr",
    "eid-al-adha": "Eid al-Adha",
    "ramadan": "Ramadan",
}


@dataclass(frozen=True)
class Holiday:
    name: str
    first: dt.date
    last: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def named(name: str, years: range) -> list[Holiday]:
    """Every occurrence of a named holiday in `years` (and those that overlap them)."""
    out: list[Holiday] = []
    for year in years:
        out.extend(_in_year(name, year))
    return out


@cache
def _in_year(name: str, year: int) -> tuple[Holiday, ...]:
    # Kept in the check's cache too: Nowruz's equinox takes a twentieth of a second to compute.
    return filecache.remembered(("holiday", name, year), lambda: _computed(name, year))


def _computed(name: str, year: int) -> tuple[Holiday, ...]:
    label = NAMES[name]
    if name in ("easter", "orthodox-easter"):
        from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

        day = easter(year, EASTER_WESTERN if name == "easter" else EASTER_ORTHODOX)
        return (Holiday(label, day, day),)
    if name == "nowruz":
        day = nowruz(year)
        return (Holiday(label, day, day),)
    from hijridate import Gregorian, Hijri

    found = []
    # A Gregorian year meets two Hijri years.
    hijri_years = {Gregorian(year, 1, 1).to_hijri().year, Gregorian(year, 12, 31).to_hijri().year}
    for hijri_year in sorted(hijri_years):
        if name == "ramadan":
            first = _date(Hijri(hijri_year, 9, 1).to_gregorian())
            last = _date(Hijri(hijri_year, 10, 1).to_gregorian()) - dt.timedelta(days=1)
        else:
            month, day = (10, 1) if name == "eid-al-fitr" else (12, 10)
            first = last = _date(Hijri(hijri_year, month, day).to_gregorian())
        if first.year == year or last.year == year:
            found.append(Holiday(label, first, last))
    return tuple(found)


def nowruz(year: int) -> dt.date:
    """1 Farvardin in Gregorian `year`: the day of the March equinox reckoned from Tehran's
    meridian (convertdate's `equinox_jd`, a day number at noon), as its Persian calendar counts it
    (`persian.to_gregorian(year - 621, 1, 1)`, which finds the year's start by trying equinoxes
    one after another: a quarter of a second, against a hundredth for the one equinox needed).
    A test holds the two equal over many years."""
    from convertdate import gregorian, persian

    return dt.date(*gregorian.from_jd(persian.equinox_jd(year) + 0.5))


def _date(day: object) -> dt.date:
    """hijridate's Gregorian as a plain date."""
    return dt.date(day.year, day.month, day.day)  # type: ignore[attr-defined]

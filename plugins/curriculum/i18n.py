"""Interface strings per language, with a fallback chain, and locale-aware durations and dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml

# Babel is imported where it is used: `curriculum check` reads catalogs and formats nothing.

CATALOG_DIR = Path(__file__).parent / "catalog"
SOURCE_LANGUAGE = "en"
RTL = {"ar", "fa", "he", "ur", "ps", "ckb"}


def normalise(lang: str) -> str:
    """'pt-BR' or 'pt_br' -> 'pt_BR', the form Babel and our catalog files use."""
    parts = lang.replace("-", "_").split("_")
    return parts[0].lower() + ("_" + parts[1].upper() if len(parts) > 1 else "")


@cache
def _catalog_file(lang: str) -> dict[str, str]:
    path = CATALOG_DIR / f"{lang}.yml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    return {str(k): str(v) for k, v in data.items()}


def english_strings() -> dict[str, str]:
    """The English catalog: every key the interface has."""
    return _catalog_file(SOURCE_LANGUAGE)


class Catalog:
    """Strings for one language: the site's own strings (a partner's catalog overlay), then the
    language itself, then its base language, then English."""

    def __init__(self, lang: str, overlay: dict[str, str] | None = None) -> None:
        self.lang = normalise(lang)
        base = self.lang.split("_")[0]
        chain = [self.lang, base, SOURCE_LANGUAGE]
        self._chain = [_catalog_file(code) for code in dict.fromkeys(chain)]
        if overlay:
            self._chain.insert(0, overlay)
        from babel import Locale

        self.locale = Locale.parse(self.lang)

    def t(self, key: str, **values: object) -> str:
        for table in self._chain:
            if key in table:
                return table[key].format(**values) if values else table[key]
        raise KeyError(f"interface string '{key}' is missing from the English catalog")

    def has(self, key: str) -> bool:
        """True if the language, its base language or English defines `key`."""
        return any(key in table for table in self._chain)

    @property
    def direction(self) -> str:
        return "rtl" if self.lang.split("_")[0] in RTL else "ltr"

    def _unit(self, value: int, unit: str, length: str) -> str:
        return _unit(self.lang, value, unit, length)

    def duration(self, minutes: int) -> str:
        """200 -> '3 hr 20 min' in English, '3 h 20 min' in French, with the locale's digits.

        Joined by the catalog's `duration_hm`, not babel.lists: Babel 2.18 repeats the last item
        of a two-item unit list in Arabic.
        """
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self.minutes(rest)
        if not rest:
            return self._unit(hours, "duration-hour", "short")
        return self.t(
            "duration_hm",
            hours=self._unit(hours, "duration-hour", "short"),
            minutes=self.minutes(rest),
        )

    def minutes(self, minutes: int) -> str:
        return self._unit(minutes, "duration-minute", "short")

    def hours(self, hours: int) -> str:
        return self._unit(hours, "duration-hour", "long")

    def weeks(self, weeks: int) -> str:
        return self._unit(weeks, "duration-week", "long")

    def number(self, value: int) -> str:
        """A whole number with the locale's digits and grouping."""
        return _decimal(self.lang, value, None)

    def percent(self, value: int) -> str:
        """A share out of 100 as the locale writes it: 75 %, ٪۷۵, 75%."""
        from babel.numbers import format_percent

        return str(format_percent(value / 100, locale=self.locale))

    def join(self, items: list[str]) -> str:
        """Items as this language lists them: "a, b, and c", "a, b et c", "a وb وc"."""
        from babel.lists import format_list

        return str(format_list(items, locale=self.locale)) if items else ""

    def full_date(self, day: dt.date) -> str:
        """The date with its weekday: 'Sunday, March 7, 2027', 'dimanche 7 mars 2027'."""
        from babel.dates import format_date

        return format_date(day, format="full", locale=self.locale)

    def date(self, day: dt.date) -> str:
        from babel.dates import format_date

        return format_date(day, format="long", locale=self.locale)

    def clock(self, minutes: int) -> str:
        """Offset from the session's start as h:mm, with the locale's digits."""
        hours, rest = divmod(minutes, 60)
        return _decimal(self.lang, hours, None) + ":" + _decimal(self.lang, rest, "00")


# Babel formats each number anew: the same few minutes, hours and counts recur on every page of
# every language (a fifth of rendering the site's pages went to it).
@cache
def _unit(lang: str, value: int, unit: str, length: str) -> str:
    from babel.units import format_unit

    text = format_unit(value, unit, length=length, locale=lang)  # type: ignore[arg-type]
    # Babel 2.18 lacks some long forms (nl, fa print "16 duration-hour"): use the short one.
    if unit in text and length != "short":
        text = format_unit(value, unit, length="short", locale=lang)
    return str(text)


@cache
def _decimal(lang: str, value: int, pattern: str | None) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=pattern, locale=lang))


@cache
def _catalog(lang: str, overlay: tuple[tuple[str, str], ...]) -> Catalog:
    return Catalog(lang, dict(overlay))


def catalog(lang: str, overlay: dict[str, str] | None = None) -> Catalog:
    """The catalog of `lang` with a site's own strings, made once per process (hooks ask for it
    on every page)."""
    return _catalog(lang, tuple(sorted((overlay or {}).items())))

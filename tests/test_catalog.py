"""Interface strings: every language has every string, placeholders intact; Babel formats."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import LANGUAGES
from curriculum.i18n import CATALOG_DIR, Catalog

ENGLISH = yaml.safe_load((CATALOG_DIR / "en.yml").read_text(encoding="utf-8"))
TEMPLATES = Path(CATALOG_DIR).parent / "templates"


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_catalog_is_complete_with_the_same_placeholders(lang: str) -> None:
    catalog = yaml.safe_load((CATALOG_DIR / f"{lang}.yml").read_text(encoding="utf-8"))
    assert list(catalog) == list(ENGLISH)
    for key, text in ENGLISH.items():
        assert set(re.findall(r"{\w+}", catalog[key])) == set(re.findall(r"{\w+}", text)), key
        assert catalog[key].strip(), key


def test_every_catalog_string_is_used() -> None:
    code = "".join(p.read_text() for p in Path(CATALOG_DIR).parent.rglob("*.py"))
    code += "".join(p.read_text() for p in TEMPLATES.rglob("*.j2"))
    dynamic = ("item_", "track_", "level_", "nav_")  # keys built from a value: f"track_{...}"
    # "<key>_session" stands in for "<key>" on sites whose sessions are not on Sundays
    used = [k.removesuffix("_session") for k in ENGLISH]
    unused = [k for k in used if f'"{k}"' not in code and not k.startswith(dynamic)]
    assert not unused


@pytest.mark.parametrize(
    ("lang", "minutes", "expected"),
    [
        ("en", 200, "3 hr 20 min"),
        ("fr", 200, "3 h 20 min"),
        ("nl", 45, "45 min"),
        ("uk", 120, "2 год"),
        ("ar", 200, "3 س و20 د"),
        ("fa", 200, "3 ساعت و 20 دقیقه"),
    ],
)
def test_durations(lang: str, minutes: int, expected: str) -> None:
    text = Catalog(lang).duration(minutes).replace("\u202f", " ").replace("\xa0", " ")
    assert text == expected


def test_dates_hours_and_directions() -> None:
    assert Catalog("fr").date(dt.date(2027, 2, 7)) == "7 février 2027"
    assert Catalog("nl").hours(16) == "16 uur"  # Babel 2.18 lacks the long form: short is used
    assert [Catalog(lang).direction for lang in LANGUAGES] == ["ltr"] * 3 + ["rtl", "ltr", "rtl"]


def test_regional_locale_falls_back_to_its_language_then_english() -> None:
    catalog = Catalog("fr-BE")
    assert catalog.lang == "fr_BE"
    assert catalog.t("prep_heading") == Catalog("fr").t("prep_heading")
    assert Catalog("sw").t("prep_heading") == "Before Sunday"

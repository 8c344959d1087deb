"""Headless Chromium on the full curriculum (34 weeks, 6 languages): page weight and axe."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browserkit import BROWSER, Site, serious_violations
from pageweight import (
    FIRST_VISIT_BUDGET,
    NEXT_PAGE_BUDGET,
    build_site,
    free_port,
    kb,
    measure,
    serve,
)

pytestmark = BROWSER


# --- page weight ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real curriculum (34 weeks, 6 languages), built for its server's address."""
    root = Path(__file__).resolve().parents[1]
    port = free_port()
    site_dir = build_site(root, port, tmp_path_factory.mktemp("full") / "site")
    with serve(site_dir, port) as (url, served, _):
        yield Site(url, root, served)


@pytest.mark.parametrize(
    "path",
    [
        "modules/intro-to-coding/week-01/",
        "ar/modules/intro-to-coding/week-01/",
        "fa/modules/html-and-css/week-02/",
        "uk/modules/javascript/week-03/",
    ],
)
def test_a_prep_page_of_the_full_site_stays_within_budget(
    browser: Any, full_site: Site, path: str
) -> None:
    # Byte counts, gzip-compressed as a static host serves them: stable from run to run.
    figures = measure(browser, full_site.url, full_site.served, path, search=None)
    first, after = figures["first visit"], figures["next page"]
    assert first <= FIRST_VISIT_BUDGET, f"first visit {kb(first)}"
    assert after <= NEXT_PAGE_BUDGET, f"next page {kb(after)}"


def test_full_site_has_no_serious_accessibility_violations(page: Any, full_site: Site) -> None:
    # The full navigation, the long glossary and the generated pages, in both directions.
    found = []
    for path in [
        "",
        "ar/modules/intro-to-coding/",
        "fa/modules/intro-to-coding/week-01/",
        "uk/modules/javascript/week-01/coach/",
        "glossary/",
        "offline/",
        "ar/modules/intro-to-coding/self-evaluation/",
        "programmes/web-development/",
        "fr/programmes/web-development/wall-chart/",
        "nl/coaches/",
        "ar/coaches/",
        "fa/translations/",
    ]:
        page.goto(full_site.url + path, wait_until="networkidle")
        found += serious_violations(page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("path", "landscape"),
    [
        # the longest plans in print (a sweep of all 252 found none over two pages)
        ("modules/nodejs/week-01/coach/", False),
        ("fr/modules/async-and-apis/week-02/coach/", False),
        ("uk/modules/git-and-command-line/week-02/coach/", False),
        ("programmes/web-development/wall-chart/", True),
        ("ar/programmes/web-development/wall-chart/", True),
    ],
)
def test_coach_plans_and_wall_charts_print_on_two_a4_pages_at_most(
    page: Any, full_site: Site, path: str, landscape: bool
) -> None:
    from pypdf import PdfReader

    page.goto(full_site.url + path, wait_until="networkidle")
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 2, (path, len(pdf.pages))
    box = pdf.pages[0].mediabox
    wide = float(box.width) > float(box.height)
    assert wide == landscape, (path, box)

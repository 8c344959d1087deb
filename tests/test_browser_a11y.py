"""Headless Chromium on the small site: right to left on a phone, print, the search box, links and
buttons under the pointer and the focus. (axe-core runs on every page kind of the full site in
every language: tests/test_browser_full.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browserkit import BROWSER, WEEK, Site, prefix, search_for, serious_violations, with_axe

pytestmark = BROWSER


# --- right to left, print ------------------------------------------------------------------------


def box(page: Any, selector: str) -> dict[str, float]:
    found: dict[str, float] = page.locator(selector).first.bounding_box()
    return found


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_right_to_left_pages_are_mirrored_on_a_phone(
    browser: Any, site: Site, lang: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    layout = {}
    for code in ("en", lang):
        page.goto(site.url + prefix(code) + WEEK, wait_until="networkidle")
        page.screenshot(path=tmp_path / f"prep-{code}.png", full_page=True)
        layout[code] = {
            "menu": box(page, 'label.md-header__button[for="__drawer"]')["x"],
            "tick": box(page, ".cur-checklist input")["x"],
            "label": box(page, ".cur-checklist label")["x"],
            "next": page.locator(".md-footer__link--next svg").evaluate(
                "e => getComputedStyle(e).transform"
            ),
        }
    en, rtl = layout["en"], layout[lang]
    assert page.locator("body").evaluate("e => getComputedStyle(e).direction") == "rtl"
    # The menu button moves to the right, the tick to the right of its label.
    assert en["menu"] < 100 < 260 < rtl["menu"]
    assert en["tick"] < en["label"] and rtl["tick"] > rtl["label"]
    # Arrows point the other way.
    assert rtl["next"] != en["next"]
    # The fallback banner's bar is on the right (the start of the line).
    banner = page.locator(".cur-banner").first
    assert banner.evaluate("e => getComputedStyle(e).borderRightWidth") != "0px"
    assert banner.evaluate("e => getComputedStyle(e).borderLeftWidth") == "0px"
    # English text inside the page, code and URLs read left to right.
    for english in page.locator('.md-content [lang="en"]').all():
        assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The menu opens from the right.
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_timeout(400)
    drawer = box(page, ".md-sidebar--primary")
    assert abs(drawer["x"] + drawer["width"] - 360) < 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing spills sideways
    context.close()


def test_code_stays_left_to_right_in_arabic(page: Any, site: Site) -> None:
    page.goto(site.url + "ar/modules/basics/week-01/coach/", wait_until="networkidle")
    page.evaluate("""() => {
        const p = document.createElement('p'); p.innerHTML = '<code>let x = 1;</code>';
        document.querySelector('.md-typeset').append(p);
    }""")
    assert (
        page.locator(".md-typeset code").last.evaluate("e => getComputedStyle(e).direction")
        == "ltr"
    )


def test_a_prep_page_prints_without_navigation_and_with_its_links(page: Any, site: Site) -> None:
    page.goto(site.url + WEEK, wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none"
    link = page.locator('.cur-checklist a[href^="https://developer.mozilla.org"]')
    after = link.evaluate("e => getComputedStyle(e, '::after').content")
    assert "https://developer.mozilla.org/en-US/docs/Web/JavaScript" in after
    # This site's own links are not written out, relative or made absolute by instant navigation
    # (which happens at a moment of its own: the test once caught it before).
    own = page.locator('.cur-checklist a[href*="notes"]')
    own.and_(page.locator(".cur-internal")).wait_for()
    page.evaluate(
        """url => document.querySelectorAll('.cur-checklist a[href*="notes"]')
        .forEach(a => { a.href = new URL(a.getAttribute('href'), url).href; })""",
        site.url + WEEK,
    )
    assert own.evaluate("e => getComputedStyle(e, '::after').content") in ("none", "normal")
    assert page.locator(".cur-checklist").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


# --- the search box ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "word", "width"),
    [("en", "program", 1280), ("ar", "برنامج", 360), ("fa", "برنامه", 360)],
)
def test_the_open_search_box_with_results_has_no_serious_violation(
    browser: Any, site: Site, lang: str, word: str, width: int
) -> None:
    """The search box is the site's own (over Material's markup): axe-core on it, open, with
    results, on a laptop and on a right-to-left phone."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    # A phone opens the box from the header's button (or a key); a laptop has the field in the
    # header.
    if lang != "fa":
        opener = 'label[for="__search"]' if width < 1220 else "input.md-search__input"
        page.locator(f"header {opener}").first.click()
    search_for(page, word, key="s" if lang == "fa" else None)
    assert page.locator(".md-search__inner").is_visible()
    page.wait_for_timeout(600)  # the box fades in: mid-way its colours are not the final ones
    # The page under the box stays still: a right-to-left phone page once moved sideways, and the
    # box showed empty.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    first = page.locator(".md-search-result__item h1").first.bounding_box()
    assert first and first["x"] >= 0 and first["x"] + first["width"] <= width
    found = serious_violations(page)
    context.close()
    assert not found, "\n".join(found)


# --- under the pointer, under the keyboard's focus -----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "ar", "uk", "fa"])
def test_links_and_buttons_stay_readable_under_the_pointer_and_the_focus(
    browser: Any, site: Site, lang: str
) -> None:
    """axe-core sees a page as it is: a link or a button under the pointer, or reached with the
    keyboard, takes the theme's accent colours, which a page at rest never shows. (The theme
    moves to them in 125 ms: each check waits for the colours to settle.)"""
    context = with_axe(browser.new_context(viewport={"width": 1280, "height": 800}))
    page = context.new_page()
    found = []

    def check_once_settled() -> None:
        page.wait_for_timeout(300)
        found.extend(serious_violations(page))

    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    link = page.locator(".md-content .cur-checklist a").first
    link.hover()
    check_once_settled()
    link.focus()
    page.mouse.move(0, 0)
    check_once_settled()
    page.goto(site.url + prefix(lang) + "offline/", wait_until="networkidle")
    for selector in ("button.cur-offline__save", "button.cur-transfer__export"):
        button = page.locator(selector)
        button.wait_for(state="visible")  # shown once its script is there
        button.hover()
        check_once_settled()
    context.close()
    assert not found, "\n".join(found)

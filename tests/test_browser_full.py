"""Headless Chromium on the full curriculum (34 weeks, 6 languages): page weight and axe."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browserkit import (
    BROWSER,
    Site,
    open_search,
    prefix,
    search_for,
    serious_violations,
    with_axe,
)
from pageweight import (
    FIRST_VISIT_BUDGET,
    LATER_SEARCH_BUDGET,
    NEXT_PAGE_BUDGET,
    SEARCH_BUDGET,
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
    ("path", "words"),
    [
        # A word, then another, then a question as a reader writes it: a query of several words.
        ("modules/intro-to-coding/week-01/", ("variable", "loop", "how to write a loop")),
        ("nl/modules/dom/week-01/", ("variabele", "lus", "hoe schrijf je een lus")),
        ("fr/modules/javascript/week-02/", ("boucle", "variable", "comment écrire une boucle")),
        ("ar/modules/intro-to-coding/week-01/", ("متغير", "حلقة", "كيف تكتب حلقة")),
        ("fa/modules/html-and-css/week-02/", ("برنامه", "مرورگر", "چطور یک حلقه بنویسیم")),
        ("uk/modules/javascript/week-03/", ("програма", "змінна", "як написати цикл")),
    ],
)
def test_a_prep_page_and_its_search_stay_within_budget(
    browser: Any, full_site: Site, path: str, words: tuple[str, str]
) -> None:
    # Byte counts, gzip-compressed as a static host serves them: stable from run to run.
    figures = measure(browser, full_site.url, full_site.served, path, words)
    first, after = figures["first visit"], figures["next page"]
    assert first <= FIRST_VISIT_BUDGET, f"first visit {kb(first)}"
    assert after <= NEXT_PAGE_BUDGET, f"next page {kb(after)}"
    assert figures["search"] <= SEARCH_BUDGET, f"first query {kb(figures['search'])}"
    later = figures["later search"]
    assert later <= LATER_SEARCH_BUDGET, f"later query {kb(later)}"


TYPED = [
    ("en", "variables", "Variables and data types"),
    ("nl", "variabele", "Variabelen en datatypes"),
    ("fr", "variable", "Variables et types de données"),
    # The pages write المتغيّرات, with the article and a shadda.
    ("ar", "متغير", "المتغيّرات وأنواع البيانات"),
    ("ar", "المتغيِّرات", "المتغيّرات وأنواع البيانات"),  # typed with a kasra
    # An Arabic keyboard gives ي and ك; the pages write Persian ی and ک.
    ("fa", "متغير", "متغیرها و انواع داده"),
    ("fa", "متغیر", "متغیرها و انواع داده"),
    # No stemmer for Ukrainian: the beginning of a word finds its forms.
    ("uk", "змінн", "Змінні та типи даних"),
]


@pytest.mark.parametrize(("lang", "typed", "title"), TYPED)
def test_search_finds_words_as_readers_type_them(
    browser: Any, full_site: Site, lang: str, typed: str, title: str
) -> None:
    page = browser.new_page()
    page.goto(full_site.url + prefix(lang) + "modules/", wait_until="load")
    search_for(page, typed, delay=10)
    found = page.locator(".md-search-result__item h1").all_inner_texts()
    page.close()
    assert title in found[:5], found


FIND_EVERY_WORD = """async ([root, lang]) => {
    const index = window.curriculumSearch.Index(new URL(root), lang);
    const meta = await index.meta;
    const missed = [];
    for (let n = 0; n < meta.shards.length; n++) {
        const shard = new URL(`search/${lang}/${meta.folder}/w${n}.json`, root);
        for (const entry of await (await fetch(shard)).json()) {
            const found = await index.lookUp(entry[0], true);
            if (!found[entry.length === 3 ? entry[0] : entry[1]]) missed.push(entry[0]);
        }
    }
    return missed;
}"""


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "ar", "uk", "fa"])
def test_every_word_of_the_index_is_found(browser: Any, full_site: Site, lang: str) -> None:
    """Each word of each language's index, typed as it is indexed, finds its stem: no word is
    lost between two shards or taken for something else ("constructor" once was)."""
    page = browser.new_page()
    page.goto(full_site.url + prefix(lang) + "modules/", wait_until="load")
    open_search(page)
    missed = page.evaluate(FIND_EVERY_WORD, [full_site.url, lang])
    page.close()
    assert missed == []


EVERY_KIND = [
    "",
    "modules/",
    "programmes/",
    "glossary/",
    "offline/",
    "translations/",
    "coaches/",
    "coaches/company-visits/",
    "guide/translating/",
    "modules/async-and-apis/",
    "modules/async-and-apis/week-01/",
    "modules/html-and-css/week-01/exercises/",
    "modules/javascript/week-01/coach/",
    "modules/intro-to-coding/self-evaluation/",
    "modules/intro-to-coding/workshop/",
    "programmes/web-development/",
    "programmes/web-development/wall-chart/",
    "programmes/web-development/skills-record/",
    "modules/job-coaching/week-02/belgium-job-market/",
]
"""One page of every kind the site has: home, lists, glossary, offline, translation status, the
coaches' pages, a guide, a module, a prep page, exercises, a coach plan, a self-evaluation, a
workshop kit, a programme, a wall chart, a skills record and a week's own page."""


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "ar", "uk", "fa"])
def test_every_page_kind_has_no_serious_accessibility_violation(
    browser: Any, full_site: Site, lang: str
) -> None:
    """axe-core on one page of every kind, in every language, on a phone and on a laptop: a
    violation once hid on a page kind a sample left out."""
    found = []
    for width in (360, 1280):
        context = with_axe(browser.new_context(viewport={"width": width, "height": 800}))
        page = context.new_page()
        for path in [*EVERY_KIND, "404.html"] if lang == "en" else EVERY_KIND:
            page.goto(full_site.url + prefix(lang) + path, wait_until="load")
            found += [f"{width}px {v}" for v in serious_violations(page)]
        context.close()
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


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "ar", "uk", "fa"])
def test_every_modules_weeks_fit_a_phone(browser: Any, full_site: Site, lang: str) -> None:
    """On a 360-pixel phone a module's table of weeks fits the screen: the Sunday column (its
    exercises and coach's plan) is no longer cut off behind a sideways scroll."""
    root = Path(__file__).resolve().parents[1]
    ids = sorted(p.parent.name for p in (root / "modules").glob("*/module.yml"))
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    cut = []
    for module in ids:
        page.goto(full_site.url + prefix(lang) + f"modules/{module}/", wait_until="load")
        wrap = page.locator(".cur-weeks .md-typeset__scrollwrap")
        wrap.wait_for(state="attached")
        over = wrap.evaluate("e => e.scrollWidth - e.clientWidth")
        if over > 0:
            cut.append(f"{module}: {over} px")
    context.close()
    assert len(ids) >= 14 and not cut, cut


TICK_EVERYTHING = """() => {
    const keys = [...document.querySelectorAll("[data-cur-can]")].map(e => e.dataset.curCan);
    document.querySelectorAll("[data-cur-weeks]")
        .forEach(e => keys.push(...e.dataset.curWeeks.split(/[ ,]/)));
    keys.filter(Boolean).forEach(key => window.curriculumShared.tick(key, true));
    return keys.length;
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_skills_record_with_everything_ticked_prints_on_two_a4_pages_at_most(
    browser: Any, full_site: Site, lang: str
) -> None:
    """The longest record there is (every "I can" of the ten modules of the web development
    course, every week completed), with a name typed: on paper for an employer, and accessible."""
    from pypdf import PdfReader

    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    url = full_site.url + prefix(lang) + "programmes/web-development/skills-record/"
    page.goto(url, wait_until="networkidle")
    assert page.evaluate(TICK_EVERYTHING) > 200  # 76 checks, then the weeks' required items
    page.reload(wait_until="networkidle")
    page.locator(".cur-record__name").fill("Amina Haddad")
    record = page.locator(".cur-record")
    record.wait_for()
    assert record.locator("[data-cur-can]:visible").count() == 76
    assert serious_violations(page) == []
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert 1 <= len(pdf.pages) <= 2, len(pdf.pages)
    texts = [p.extract_text() for p in pdf.pages]
    assert texts[-1].strip(), "a blank last page"
    assert "Amina Haddad" in "".join(texts)
    context.close()

"""Headless Chromium on the small site: requests, search, navigation, the policy of every page."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from browserkit import (
    BROWSER,
    WEEK,
    Site,
    note_failed_requests,
    open_search,
    prefix,
    search_for,
    visit_each,
)
from conftest import LANGUAGES
from curriculum import searchtext
from pageweight import settle

pytestmark = BROWSER


# --- requests ------------------------------------------------------------------------------------


def test_search_waits_until_the_reader_opens_it(page: Any, site: Site) -> None:
    mark = site.served.mark()
    page.goto(site.url + WEEK, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert not [path for path, _ in site.served.since(mark) if "search" in path]
    search_for(page, "program")
    fetched = [path for path, _ in site.served.since(mark)]
    # The English index's list of pages, a shard of its words and the text of its excerpts.
    assert "/search/en/meta.json" in fetched
    assert [path for path in fetched if re.fullmatch(r"/search/en/\w+/w\d+\.json", path)]
    assert [path for path in fetched if re.fullmatch(r"/search/en/\w+/t\d+\.json", path)]
    assert not [path for path in fetched if path.startswith("/search/fr/")]


@pytest.mark.parametrize(
    ("lang", "word"),
    [("uk", "програма"), ("fa", "برنامه"), ("ar", "برنامج"), ("fr", "programme")],
)
def test_search_finds_words_of_every_language(page: Any, site: Site, lang: str, word: str) -> None:
    page.goto(site.url + prefix(lang), wait_until="networkidle")
    search_for(page, word)
    marked = page.locator(".md-search-result mark").all_inner_texts()
    assert [text for text in marked if text.lower().startswith(word[:4])], marked
    links = page.locator(".md-search-result__link").evaluate_all("els => els.map(a => a.href)")
    assert links and all(urlsplit(link).path.startswith(f"/{prefix(lang)}") for link in links)
    # How many pages were found, in the reader's language (Material's strings).
    said = json.loads(page.locator("#__config").inner_text())["translations"]
    count = page.locator(".md-search-result__meta").inner_text()
    other = re.escape(said["search.result.other"]).replace("\\#", r"\d+")
    assert count == said["search.result.one"] or re.fullmatch(other, count), count


SAMPLES = [
    ("fr", "Élève, l'ÉLÈVE_2 à côté"),
    ("en", "Variables & data-types: it's 2026!"),
    ("ar", "المتغيِّرات مـتـغـيـر متغیر کد الأسئلة إنشاء آخر ٱلله على"),
    ("fa", "متغير كد متغیرها می\u200cشود"),
    ("uk", "Змінні та ЇЖАК, ґанок"),
    ("nl", "Variabelen één"),
]


def test_the_script_compares_words_as_the_index_does(page: Any, site: Site) -> None:
    page.goto(site.url + WEEK, wait_until="networkidle")
    open_search(page)
    for lang, text in SAMPLES:
        typed = page.evaluate("([t, l]) => window.curriculumSearch.words(t, l)", [text, lang])
        assert typed == [searchtext.fold(w) for w in searchtext.words(text, lang)], lang


def test_search_loads_again_when_its_script_did_not_load(browser: Any, site: Site) -> None:
    # Without the service worker, whose requests the test cannot intercept.
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    refused: list[str] = []

    def first_fails(route: Any) -> None:
        if refused:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort("connectionreset")

    page.route("**/curriculum-search*.js", first_fails)
    page.goto(site.url + WEEK, wait_until="networkidle")
    search_for(page, "program")  # "s" fails to load it; typing loads it again
    assert len(refused) == 1
    assert page.locator(".md-search-result__item").count() >= 1
    context.close()


def test_search_shows_a_few_results_then_more_on_request(page: Any, site: Site) -> None:
    """Each result shown costs its excerpt: four at first, four more for each press."""
    page.goto(site.url + WEEK, wait_until="networkidle")
    search_for(page, "program")
    page.wait_for_timeout(300)
    titles = page.locator(".md-search-result__item h1")
    assert titles.count() == 4
    more = page.locator(".cur-search-more button")
    assert more.inner_text() == "More results"
    more.click()
    titles.nth(4).wait_for()  # a locator: a string predicate would be eval, which the CSP refuses
    # the keyboard goes on from the first new result
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")


def test_search_shows_the_newest_query_while_excerpts_of_an_older_one_load(
    page: Any, site: Site
) -> None:
    """On a slow connection a reader types on while the excerpts of the first results load: the
    newer query's results are listed, not lost with the older ones."""
    page.add_init_script(
        """(() => {
            const fetched = window.fetch;
            window.fetch = (url, options) => /\\/t\\d+\\.json$/.test(String(url))
                ? new Promise((done) => setTimeout(done, 1500)).then(() => fetched(url, options))
                : fetched(url, options);
        })()"""
    )
    page.goto(site.url + WEEK, wait_until="networkidle")
    search_for(page, "program", wait=False)
    page.wait_for_timeout(700)  # looked up, its excerpts on their way
    assert page.locator(".md-search-result__item").count() == 0
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially("variable", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    page.wait_for_timeout(1600)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert titles and all("rogram" not in title for title in titles), titles
    marked = page.locator(".md-search-result mark").all_inner_texts()
    assert marked and all(text.lower().startswith("variable") for text in marked), marked


def test_search_works_from_the_keyboard(page: Any, site: Site) -> None:
    page.goto(site.url + WEEK, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("exercises", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    # Down goes to the results, up comes back to the field.
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    # Enter opens the first page found, and the box closes.
    page.keyboard.press("s")
    first = page.locator(".md-search-result__link").first.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(first or "").path)
    assert not page.locator("#__search").is_checked()


def test_language_selector_keeps_the_reader_on_the_same_page(page: Any, site: Site) -> None:
    page.goto(site.url + "fr/" + WEEK, wait_until="networkidle")
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="ar"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == site.url + "ar/" + WEEK
    assert page.locator("body").get_attribute("dir") == "rtl"
    # A full load: the Arabic page has Material's Arabic strings and its own search.
    config = page.locator("#__config").inner_text()
    assert "search.result.placeholder" in config
    assert page.evaluate("document.documentElement.lang") == "ar"


def test_next_page_comes_by_instant_navigation(page: Any, site: Site) -> None:
    page.goto(site.url + WEEK, wait_until="networkidle")
    page.evaluate("window.curriculumMarker = 1")
    mark = site.served.mark()
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(site.url + WEEK + "exercises/")
    # Instant navigation changes the address itself: "networkidle" still speaks of the first
    # load, so the server's own log is waited on until it has been quiet for a while.
    settle(page, site.served)
    assert page.evaluate("window.curriculumMarker") == 1  # the same document: no full load
    assert [path for path, _ in site.served.since(mark)] == [f"/{WEEK}exercises/"]


# --- content security policy ---------------------------------------------------------------------

EVERY_KIND = [
    "",
    "modules/",
    "modules/basics/",
    "modules/basics/week-01/",
    "modules/basics/week-01/exercises/",
    "modules/basics/week-01/coach/",
    "modules/basics/week-01/notes/",
    "modules/basics/self-evaluation/",
    "modules/basics/workshop/",
    "programmes/",
    "programmes/evening/",
    "glossary/",
    "offline/",
    "guide/translating/",
    "modules/basics/week-02/coach/",
    "programmes/evening/wall-chart/",
    "coaches/",
    "coaches/company-visits/",
    "coaches/one-to-one/",
]
"""A page of every kind the site has (and the site's 404.html, which a host sends for any address
it does not have)."""

_REPORT_VIOLATIONS = """
window.curriculumViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.curriculumViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_kind_requests_nothing_elsewhere_and_runs_under_its_policy(
    browser: Any, site: Site, lang: str
) -> None:
    """Every page kind in every language: no request to another host, nothing missing, the same
    Content-Security-Policy on every page and no violation of it, no dialog; and what runs under
    the first page's policy still works: search, instant navigation, the service worker."""
    context = browser.new_context()
    context.add_init_script(_REPORT_VIOLATIONS)
    refused: list[str] = []
    policies: set[str] = set()
    bad: list[str] = []
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    note_failed_requests(context, bad.append)
    context.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    context.on("dialog", lambda d: refused.append(f"dialog {d.message}"))
    urls = [site.url + prefix(lang) + path for path in EVERY_KIND]
    for page in visit_each(context, urls, wait_until="networkidle"):
        path = page.url.removeprefix(site.url + prefix(lang))
        assert page.locator("html").get_attribute("lang") == lang, path
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, path
        policies.add(policy.get_attribute("content") or "")
        refused += page.evaluate("window.curriculumViolations")
    page = context.new_page()
    # Opening search loads this language's index.
    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    page.evaluate("navigator.serviceWorker.ready")
    mark = site.served.mark()
    search_for(page, "program")
    fetched = [path for path, _ in site.served.since(mark)]
    page.keyboard.press("Escape")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(site.url + prefix(lang) + WEEK + "exercises/")
    page.wait_for_load_state("networkidle")
    refused += page.evaluate("window.curriculumViolations")
    # The page a host sends for any address it does not have (English, at the site's root).
    page.goto(site.url + "404.html", wait_until="networkidle")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    policies.add(policy.get_attribute("content") or "")
    refused += page.evaluate("window.curriculumViolations")
    context.close()
    assert hosts == {urlsplit(site.url).netloc}
    assert not bad, bad
    assert f"/search/{lang}/meta.json" in fetched
    assert len(policies) == 1, "every page carries the same policy"
    [policy] = policies
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline' " not in policy.split(";")[1]
    assert not refused, refused

"""Headless Chromium (Debian's chromium, through Playwright) against built sites on localhost.

The small test curriculum is built for the address it is served at, since instant navigation reads
absolute addresses from the page lists. The server records every file it sends (workers' requests
included), so requests to other hosts, missing files and page weight are all checked from it.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, make_curriculum
from curriculum.i18n import catalog
from pageweight import Served, build_site, free_port, kb, measure, serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"),
    reason="Debian's chromium is not installed (`make test` installs it, and requires it)",
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = ["", "modules/basics/", "modules/basics/week-01/", "modules/basics/week-02/coach/"]
WEEK = "modules/basics/week-01/"


@dataclass
class Site:
    url: str
    root: Path
    served: Served


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = make_curriculum(tmp_path_factory.mktemp("browser"))
    port = free_port()
    with serve(build_site(root, port), port) as (url, served, _):
        yield Site(url, root, served)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Any) -> Iterator[Any]:
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


# --- requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_request_nothing_elsewhere_and_nothing_missing(
    browser: Any, site: Site, lang: str
) -> None:
    context = browser.new_context()
    bad: list[str] = []
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    context.on("response", lambda r: bad.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    context.on("requestfailed", lambda request: bad.append(f"failed {request.url}"))
    page = context.new_page()
    for path in PAGES:
        page.goto(site.url + prefix(lang) + path, wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == lang
    # Opening search loads this language's index and the stemmers in a worker.
    mark = site.served.mark()
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("program", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert hosts == {urlsplit(site.url).netloc}
    assert not bad, bad
    fetched = [path for path, _ in site.served.since(mark)]
    assert f"/{prefix(lang)}search/search_index.json" in fetched


def test_search_waits_until_the_reader_opens_it(page: Any, site: Site) -> None:
    mark = site.served.mark()
    page.goto(site.url + WEEK, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert not [path for path, _ in site.served.since(mark) if "search" in path]
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("program", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    fetched = [path for path, _ in site.served.since(mark)]
    assert "/search/search_index.json" in fetched
    assert any(path.startswith("/assets/javascripts/workers/search.") for path in fetched)


@pytest.mark.parametrize(
    ("lang", "word"),
    [("uk", "програма"), ("fa", "برنامه"), ("ar", "برنامج"), ("fr", "programme")],
)
def test_search_finds_words_of_every_language(page: Any, site: Site, lang: str, word: str) -> None:
    # lunr has no stemmer for Ukrainian or Farsi: Material's settings keep their words whole.
    page.goto(site.url + prefix(lang), wait_until="networkidle")
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially(word, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    marked = page.locator(".md-search-result mark").all_inner_texts()
    assert word in [text.lower() for text in marked]
    links = page.locator(".md-search-result__link").evaluate_all("els => els.map(a => a.href)")
    assert links and all(urlsplit(link).path.startswith(f"/{prefix(lang)}") for link in links)


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
    page.wait_for_load_state("networkidle")
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
]
"""A page of every kind the site has (and the site's 404.html, which a host sends for any address
it does not have)."""

_REPORT_VIOLATIONS = """
window.curriculumViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.curriculumViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_kind_runs_under_its_policy_without_a_violation(
    browser: Any, site: Site, lang: str
) -> None:
    context = browser.new_context()
    context.add_init_script(_REPORT_VIOLATIONS)
    refused: list[str] = []
    policies: set[str] = set()
    context.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    context.on("dialog", lambda d: refused.append(f"dialog {d.message}"))
    page = context.new_page()
    for url in [*(site.url + prefix(lang) + path for path in EVERY_KIND), site.url + "404.html"]:
        page.goto(url, wait_until="networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, url
        policies.add(policy.get_attribute("content") or "")
        refused += page.evaluate("window.curriculumViolations")
    # What runs under the first page's policy still works: search, instant navigation, saving.
    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    page.evaluate("navigator.serviceWorker.ready")
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("program", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(site.url + prefix(lang) + WEEK + "exercises/")
    page.wait_for_load_state("networkidle")
    refused += page.evaluate("window.curriculumViolations")
    context.close()
    assert len(policies) == 1, "every page carries the same policy"
    [policy] = policies
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline' " not in policy.split(";")[1]
    assert not refused, refused


# --- progress ------------------------------------------------------------------------------------


def summary(lang: str, done: int, total: int, minutes_left: int) -> str:
    """What the build would write, from the catalog and Babel: the script must say the same."""
    strings = catalog(lang)
    if done == total:
        return strings.t("progress_complete", total=total)
    return strings.t(
        "progress_summary", done=done, total=total, duration=strings.duration(minutes_left)
    )


def tick(page: Any, n: int) -> None:
    page.locator(".cur-checklist input[type=checkbox]").nth(n).check()


def ticks(page: Any) -> list[bool]:
    boxes = page.locator(".cur-checklist input[type=checkbox]")
    return [boxes.nth(n).is_checked() for n in range(boxes.count())]


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "uk"])
def test_ticks_survive_a_reload_and_the_week_sums_them_up(page: Any, site: Site, lang: str) -> None:
    # The test week: 40, 60 and 20 minutes required, then a 15-minute optional video.
    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    progress = page.locator("p.cur-progress")
    assert progress.inner_text() == summary(lang, 0, 3, 120)
    tick(page, 0)
    assert progress.inner_text() == summary(lang, 1, 3, 80)
    tick(page, 3)  # optional: not counted
    assert progress.inner_text() == summary(lang, 1, 3, 80)
    page.reload(wait_until="networkidle")
    assert ticks(page) == [True, False, False, True]
    assert progress.inner_text() == summary(lang, 1, 3, 80)
    tick(page, 1)
    tick(page, 2)
    assert progress.inner_text() == summary(lang, 3, 3, 0)
    # The module overview shows each week; week 2 has the same items under its own keys.
    page.goto(site.url + prefix(lang) + "modules/basics/", wait_until="networkidle")
    weeks = page.locator("span.cur-progress").all_inner_texts()
    assert weeks == [summary(lang, 3, 3, 0), summary(lang, 0, 3, 120)]


def test_ticks_are_shared_by_languages_and_reach_pages_opened_by_instant_navigation(
    page: Any, site: Site
) -> None:
    page.goto(site.url + "fr/" + WEEK, wait_until="networkidle")
    tick(page, 1)
    page.goto(site.url + "modules/basics/", wait_until="networkidle")
    assert page.locator("span.cur-progress").first.inner_text() == summary("en", 1, 3, 60)
    page.evaluate("window.curriculumMarker = 1")
    page.locator(f'a[href$="{WEEK}"]').first.click()
    page.wait_for_url(site.url + WEEK)
    assert page.evaluate("window.curriculumMarker") == 1
    assert ticks(page) == [False, True, False, False]
    assert page.locator("p.cur-progress").inner_text() == summary("en", 1, 3, 60)


def test_self_evaluation_counts_its_ticks(page: Any, site: Site) -> None:
    page.goto(site.url + "modules/basics/self-evaluation/", wait_until="networkidle")
    progress = page.locator("p.cur-progress")
    assert progress.inner_text() == catalog("en").t("progress_self", done=0, total=2)
    tick(page, 1)
    page.reload(wait_until="networkidle")
    assert ticks(page) == [False, True]
    assert progress.inner_text() == catalog("en").t("progress_self", done=1, total=2)


def test_ticks_survive_a_browser_restart(playwright: Any, site: Site, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    for attempt in range(2):
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS
        )
        page = context.new_page()
        page.goto(site.url + WEEK, wait_until="networkidle")
        if attempt == 0:
            tick(page, 2)
        else:
            assert ticks(page) == [False, False, True, False]
        context.close()


def test_reordered_items_keep_their_ticks(browser: Any, tmp_path: Path) -> None:
    root = make_curriculum(tmp_path)
    port = free_port()
    prep = root / "modules/basics/week-01/prep.md"
    with serve(build_site(root, port), port) as (url, _, _):
        page = browser.new_page()
        page.goto(url + WEEK, wait_until="networkidle")
        tick(page, 0)  # "MDN: What is JavaScript?", id what-is-js
        # Move that item to the end of the list; the site is built again.
        text = prep.read_text(encoding="utf-8")
        first = text[text.index("  - id: what-is-js") : text.index("  - title: Hello, world")]
        text = text.replace(first, "").replace("terms:", first + "terms:")
        prep.write_text(text, encoding="utf-8")
        build_site(root, port)
        page.reload(wait_until="networkidle")
        labels = page.locator(".cur-checklist label").all_inner_texts()
        assert "What is JavaScript?" in labels[-1]
        assert ticks(page) == [False, False, False, True]
        page.close()


# --- offline -------------------------------------------------------------------------------------


def wait_until_kept(page: Any, url: str) -> None:
    """Until the service worker's cache holds `url`."""
    page.wait_for_function(
        "url => caches.open('curriculum-pages').then(c => c.match(url)).then(Boolean)", arg=url
    )


def test_a_page_read_once_opens_again_without_a_connection(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    # A server of its own (another origin, so another service worker), which the test then stops.
    with serve(site.root / "site", free_port()) as (url, _, server):
        page.goto(url + WEEK, wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        wait_until_kept(page, url + WEEK)
        server.shutdown()
        server.server_close()
        page.reload(wait_until="load")
        assert page.locator("h1").inner_text().startswith("What is a program?")
        # Its stylesheet and script came from the copy too: Material laid the page out.
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        assert page.locator("p.cur-progress").is_visible()
        # A page never opened is not there.
        with pytest.raises(Exception, match="ERR_"):
            page.goto(url + "modules/basics/week-02/coach/")
    context.close()


def test_saving_a_language_makes_every_page_readable_offline(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    manifest = json.loads((site.root / "site" / "fr" / "offline-fr.json").read_text())
    strings = catalog("fr")
    with serve(site.root / "site", free_port()) as (url, _, server):
        page.goto(url + "fr/offline/", wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        status = page.locator(".cur-offline__status")
        assert status.inner_text().startswith(f"{manifest['pages']} ")
        page.locator("button.cur-offline__save").click()
        done = strings.t("offline_saved", total=len(manifest["files"]))
        page.wait_for_function(
            "text => document.querySelector('.cur-offline__status').textContent === text",
            arg=done,
        )
        server.shutdown()
        server.server_close()
        for path in ["fr/modules/basics/week-02/coach/", "fr/glossary/", "fr/"]:
            page.goto(url + path, wait_until="load")
            assert page.locator("html").get_attribute("lang") == "fr"
            assert page.locator(".md-content h1").count() == 1, path
        # Search works offline too: the index and the French stemmer were saved.
        page.keyboard.press("s")
        page.locator("input.md-search__input").press_sequentially("programme", delay=20)
        page.locator(".md-search-result__item").first.wait_for()
    context.close()
    assert manifest["bytes"] > 0
    assert "fr/modules/basics/week-02/coach/" in manifest["files"]
    assert "assets/javascripts/lunr/min/lunr.fr.min.js" in manifest["files"]
    assert not [f for f in manifest["files"] if f.split("/")[0] in {"nl", "ar", "uk", "fa"}]


# --- accessibility -------------------------------------------------------------------------------

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
A11Y_PAGES = ["", "modules/basics/", WEEK, "modules/basics/week-01/coach/"]


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings (WCAG 2.2 A and AA, best practices) on the page."""
    assert AXE.is_file(), "axe-core is missing: `make test` installs it (npm ci)"
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern: axe is the test's tool, not the site's script.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "wcag22aa", "best-practice"]}
        })"""
    )
    return [
        f"{page.url}: {violation['id']} ({violation['help']}) "
        + str([node["html"][:160] for node in violation["nodes"]][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_serious_accessibility_violations(page: Any, site: Site, lang: str) -> None:
    found = []
    for path in A11Y_PAGES:
        page.goto(site.url + prefix(lang) + path, wait_until="networkidle")
        found += serious_violations(page)
    assert not found, "\n".join(found)


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
    assert page.locator(".cur-checklist").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


# --- page weight ---------------------------------------------------------------------------------

FIRST_VISIT_BUDGET = 75 * 1024
NEXT_PAGE_BUDGET = 12 * 1024


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
    ]:
        page.goto(full_site.url + path, wait_until="networkidle")
        found += serious_violations(page)
    assert not found, "\n".join(found)

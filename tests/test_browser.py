"""Headless Chromium (Debian's chromium, through Playwright) against built sites on localhost.

The small test curriculum is built for the address it is served at, since instant navigation reads
absolute addresses from the page lists. The server records every file it sends (workers' requests
included), so requests to other hosts, missing files and page weight are all checked from it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES, make_curriculum
from pageweight import Served, free_port, serve

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


def build_for(root: Path, port: int) -> Path:
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = make_curriculum(tmp_path_factory.mktemp("browser"))
    port = free_port()
    with serve(build_for(root, port), port) as (url, served, _):
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

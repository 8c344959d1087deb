"""Fixtures and helpers of the browser tests: headless Chromium (Debian's chromium, through
Playwright) against built sites on localhost.

The small test curriculum is built for the address it is served at, since instant navigation reads
absolute addresses from the page lists. The server records every file it sends (workers' requests
included), so requests to other hosts, missing files and page weight are all checked from it.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import make_curriculum
from pageweight import Served, build_site, free_port, serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER = pytest.mark.skipif(
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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = make_curriculum(tmp_path_factory.mktemp("browser"))
    port = free_port()
    with serve(build_site(root, port), port) as (url, served, _):
        yield Site(url, root, served)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    events = watch(page)
    yield page
    context.close()
    if events:  # pytest shows what a test printed only when it fails
        print("what the browser reported:", *events, sep="\n  ")


def watch(page: Any) -> list[str]:
    """What went wrong in `page` as it went: failed requests, files missing, script errors and
    console errors, each with its time."""
    events: list[str] = []
    start = time.monotonic()

    def note(what: str) -> None:
        events.append(f"{time.monotonic() - start:6.2f} s {what}")

    note_failed_requests(page, note)
    page.on("pageerror", lambda error: note(f"script error: {error}"))
    page.on("console", lambda m: note(f"console {m.type}: {m.text}") if m.type == "error" else None)
    return events


def note_failed_requests(target: Any, note: Callable[[str], None]) -> None:
    """`note` each request of `target` (a page, or a whole context) that failed or found no file
    (a response of 400 or more). A request cut short because the test moved on (Chromium fetches
    the favicon after the load event) fails with ERR_ABORTED: that is not a missing file, which
    its response would show."""

    def failed(request: Any) -> None:
        if "ERR_ABORTED" not in (request.failure or ""):
            note(f"request failed: {request.url} {request.failure}")

    target.on("requestfailed", failed)
    target.on("response", lambda r: note(f"{r.status} {r.url}") if r.status >= 400 else None)


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def with_axe(context: Any) -> Any:
    """`context`, whose pages get axe-core as they open (through the DevTools protocol, as
    `serious_violations` gives it): a test that runs axe on many pages does not send its 500 KB
    again for each (a quarter of such a test's time)."""
    context.add_init_script(path=AXE)
    return context


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings (WCAG 2.2 A and AA, best practices) on the page."""
    assert AXE.is_file(), "axe-core is missing: `make test` installs it (npm ci)"
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern: axe is the test's tool, not the site's script. A page of a context given it
    # (`with_axe`) has it already.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {
            resultTypes: ["violations"],
            // Only each node's HTML is reported: selectors and paths would cost about a tenth.
            selectors: false, ancestry: false, xpath: false, elementRef: false,
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


def visit_each(
    context: Any, urls: list[str], *, wait_until: str = "load", tabs: int = 4
) -> Iterator[Any]:
    """Each of `urls` loaded (to `wait_until`) in a tab of `context`, in the order given, with up
    to `tabs` of them loading at once: a browser test mostly waits (for the network to go quiet,
    say), and the waits of several tabs overlap. A tab moves on to the next address once the
    caller is done with its page."""
    queue = deque(urls)
    under_way: deque[Any] = deque()

    def open_next(page: Any) -> None:
        page.goto(queue.popleft(), wait_until="commit")
        under_way.append(page)

    pages = [context.new_page() for _ in range(min(tabs, len(queue)))]
    try:
        for page in pages:
            open_next(page)
        while under_way:
            page = under_way.popleft()
            page.wait_for_load_state(wait_until)
            yield page
            if queue:
                open_next(page)
    finally:  # a failed check or navigation leaves no tab open behind it
        for page in pages:
            page.close()


def search_for(
    page: Any, word: str, *, key: str | None = "s", delay: int = 20, wait: bool = True
) -> None:
    """Open the search box (with `key`, or not when it is open already), type `word` as a reader
    does, and wait for the first result (unless told not to)."""
    if key:
        page.keyboard.press(key)
    page.locator("input.md-search__input").press_sequentially(word, delay=delay)
    if not wait:
        return
    with reporting_the_box(page, f"no result for {word!r}"):
        page.locator(".md-search-result__item").first.wait_for()


def open_search(page: Any) -> None:
    """Open the search box with its key and wait for its script."""
    page.keyboard.press("s")
    with reporting_the_box(page, "the search script did not load"):
        page.wait_for_function("() => window.curriculumSearch")


@contextmanager
def reporting_the_box(page: Any, what: str) -> Iterator[None]:
    """A wait in the search box that fails says what the box showed then: the failures it has
    had did not happen again on a rerun."""
    try:
        yield
    except Exception as error:
        state = page.evaluate(SEARCH_STATE)
        raise AssertionError(f"{what} on {page.url}: {state}") from error


SEARCH_STATE = """() => ({
    typed: document.querySelector(".md-search__input").value,
    open: document.getElementById("__search").checked,
    scriptLoaded: !!window.curriculumSearch,
    said: document.querySelector(".md-search-result__meta").textContent,
    listed: document.querySelectorAll(".md-search-result__item").length,
    searchFiles: performance.getEntriesByType("resource").map(e => e.name)
        .filter(name => /search/.test(name)).map(name => name.split("/").slice(-3).join("/")),
    serviceWorker: !!navigator.serviceWorker && !!navigator.serviceWorker.controller,
})"""

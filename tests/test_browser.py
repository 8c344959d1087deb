"""Headless Chromium against the built site on localhost: every request a page makes is recorded.

A page may only ask this site for things, and nothing it asks for may answer 400 or more, in any
language, including what Material's language selector and search fetch in the background.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGUAGES

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"),
    reason="Debian's chromium is not installed (`make test` installs it, and requires it)",
)
PAGES = ["", "modules/basics/", "modules/basics/week-01/", "modules/basics/week-02/coach/"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=built_site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_request_nothing_elsewhere_and_nothing_missing(
    browser: object, site_url: str, lang: str
) -> None:
    from playwright.sync_api import Browser, Response

    assert isinstance(browser, Browser)
    context = browser.new_context()
    bad: list[str] = []
    hosts: set[str] = set()

    def on_response(response: Response) -> None:
        if response.status >= 400:
            bad.append(f"{response.status} {response.url}")

    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    context.on("response", on_response)
    context.on("requestfailed", lambda request: bad.append(f"failed {request.url}"))
    page = context.new_page()
    prefix = "" if lang == "en" else f"{lang}/"
    for path in PAGES:
        page.goto(site_url + prefix + path, wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == lang
    # Opening search loads the index and the stemmers in a worker.
    page.keyboard.press("s")
    page.locator("input.md-search__input").fill("program")
    page.wait_for_timeout(800)
    context.close()
    assert hosts == {urlsplit(site_url).netloc}
    assert not bad, bad


def test_language_selector_keeps_the_reader_on_the_same_page(
    browser: object, site_url: str
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    page = browser.new_page()
    page.goto(site_url + "fr/modules/basics/week-01/", wait_until="networkidle")
    page.locator(".md-select").first.hover()
    page.locator('a.md-select__link[hreflang="ar"]').click()
    page.wait_for_load_state("networkidle")
    assert page.url == site_url + "ar/modules/basics/week-01/"
    assert page.locator("body").get_attribute("dir") == "rtl"
    page.close()

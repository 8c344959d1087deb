"""Weigh what a browser downloads: a localhost server that records every file it sends.

Shared by the page-weight benchmark (`make bench`) and the budget test. The server, not the
browser, keeps the log, so requests made by web workers and service workers are counted too.
Sizes are the gzip-compressed bodies (level 6, what common static hosts serve); files that are
compressed already (images, fonts, .gz) count as they are.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from curriculum.offline import compressed_size

FIRST_VISIT_BUDGET = 76 * 1024
NEXT_PAGE_BUDGET = 15 * 1024
"""Budgets for a prep page (gzip-compressed bytes), shared by the test and `make bench`. They were
75 KB and 12 KB until the second edition: two more modules in every page's navigation, the
coaches' orientation and wall charts, and the line saying when a week is taught took the largest
prep page (Ukrainian, JavaScript week 3) 0.1 to 0.2 KB over. Coach plans were taken out of the
navigation for the same reason (0.4 KB on every page). The next page was 12.5 KB until that
week's exercises gained the course's first tests (its page went from 12.8 to 14.1 KB): content,
not code."""

SEARCH_BUDGET = 120 * 1024
LATER_SEARCH_BUDGET = 25 * 1024
"""Search, gzip-compressed: opening it and a first query, then the largest later query of the
same visit: issue 15's budgets. Material's lunr index cost 294 to 382 KB, then nothing; Pagefind
119 to 135 KB, then 38 to 50 KB (85 KB of loader and WebAssembly before any index, and index
chunks of 28 to 38 KB). The site's own index (curriculum/search.py) costs its script, the
language's list of pages (6 to 8 KB), about 1 KB per shard of the words typed and 1.5 KB per
block of excerpts shown: 17 to 21 KB, then at most 7 to 15 KB for a word or a question of several
words (`make bench` prints the figures)."""


@dataclass
class Served:
    """What the server sent, in order: (url path, compressed bytes)."""

    files: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def mark(self) -> int:
        with self.lock:
            return len(self.files)

    def since(self, mark: int) -> list[tuple[str, int]]:
        with self.lock:
            return self.files[mark:]

    def total(self, mark: int = 0) -> int:
        return sum(size for _, size in self.since(mark))


class _RecordingHandler(SimpleHTTPRequestHandler):
    served: Served

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # As GitHub Pages does: anything may be reused for ten minutes without asking again.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code) != "200":
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            with self.served.lock:
                self.served.files.append((unquote(urlsplit(self.path).path), compressed_size(path)))


class _Server(ThreadingHTTPServer):
    # Chromium opens many connections at once; the default backlog of 5 can refuse some.
    request_queue_size = 128
    daemon_threads = True


@contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[tuple[str, Served, ThreadingHTTPServer]]:
    """Serve `directory` on 127.0.0.1; yields the base URL, the log and the server."""
    served = Served()
    handler = type("Handler", (_RecordingHandler,), {"served": served})
    server = _Server(("127.0.0.1", port), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", served, server
    finally:
        server.shutdown()
        server.server_close()


def build_site(root: Path, port: int, site_dir: Path | None = None) -> Path:
    """`mkdocs build --strict` of the project in `root`, for http://127.0.0.1:<port>/: a site is
    built for the address it is served at, since its page lists hold absolute addresses."""
    site_dir = site_dir or root / "site"
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {root}:\n{result.stderr}")
    return site_dir


def free_port() -> int:
    """A port to build a site for before serving it (the sitemap holds absolute addresses)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


NEXT = "a.md-footer__link--next, a.next"


def settle(page: Any, served: Served, quiet: int = 600) -> None:
    """Wait until the server has sent nothing for `quiet` milliseconds (at most 15 s)."""
    count, still = served.mark(), 0
    for _ in range(150):
        page.wait_for_timeout(100)
        now = served.mark()
        still = still + 100 if now == count else 0
        count = now
        if still >= quiet:
            return


def measure(
    browser: Any, base: str, served: Served, path: str, search: tuple[str, ...] = ()
) -> dict[str, int]:
    """Compressed bytes of a first visit to `path`, then of opening search and looking up the
    first word of `search` ("search"), then each other word in turn (the largest of them: "later
    search"), then of following the footer's "next" link."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    start = served.mark()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    figures = {"first visit": served.total(start)}
    later = []
    for n, word in enumerate(search):
        mark = served.mark()
        if n == 0:
            page.keyboard.press("s")
        field = page.locator("input.md-search__input")
        field.fill("")
        field.press_sequentially(word, delay=20)
        field.press("End")  # Material's own search (the plain site) waits for a keyup
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        settle(page, served)
        if n == 0:
            figures["search"] = served.total(mark)
        else:
            later.append(served.total(mark))
    if search:
        page.keyboard.press("Escape")
    if later:
        figures["later search"] = max(later)
    mark = served.mark()
    page.locator(NEXT).first.click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    figures["next page"] = served.total(mark)
    context.close()
    return figures

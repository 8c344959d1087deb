"""The author's preview: `mkdocs serve` shows a save's problems in the browser, not only in the
terminal, and the pages come back by themselves once the next save fixes them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import make_curriculum, only_languages

pytestmark = pytest.mark.site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def _wait(until: Callable[[], bool], seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} within {seconds} s; server log:\n{log.read_text()[-3000:]}")


def test_a_broken_save_shows_its_problems_in_the_browser(tmp_path: Path) -> None:
    root = make_curriculum(tmp_path)
    only_languages(root, "en", "fr")  # the mechanism, not the languages: each save is a build
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        week = base + "modules/basics/week-01/"
        _wait(lambda: "What is a program?" in _get(week), 180, "the first build served", log)
        prep = root / "modules/basics/week-01/prep.md"
        good = prep.read_text()
        prep.write_text(good.replace("minutes: 40", "minutes: -40"))
        _wait(lambda: "The curriculum has 1 problem" in _get(week), 120, "the problem shown", log)
        page = _get(week)
        assert "modules/basics/week-01/prep.md:10:" in page  # file and line, as in the terminal
        assert "livereload" in page  # so the page reloads once the problem is fixed
        assert "The curriculum has 1 problem" in _get(base + "fr/")  # every page, every language
        prep.write_text(good)
        _wait(lambda: "What is a program?" in _get(week), 120, "the page back", log)
        assert "The curriculum has" not in _get(week)
    finally:
        # Ctrl+C, as an author stops it: on SIGTERM `mkdocs serve` would leave its temporary
        # site behind (9 MB a run).
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

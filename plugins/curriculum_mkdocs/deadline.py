"""A time limit on rendering one page, so that no Markdown can keep a build running for ever.

Python-Markdown has slow paths (unclosed tags, links or autolinks repeated thousands of times) that
the checks cannot all foresee. The limit is far above what any real page needs (a few
milliseconds), and it names the page. It uses SIGALRM, so it works in the main thread on POSIX
systems, where MkDocs builds; elsewhere pages render without a limit.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Any

from mkdocs.exceptions import PluginError


class PageDeadline:
    def __init__(self) -> None:
        self._page = ""
        self._seconds = 0.0
        self._previous: Any = None

    def start(self, page: str, seconds: float) -> None:
        if seconds <= 0 or not hasattr(signal, "setitimer"):
            return
        if threading.current_thread() is not threading.main_thread():
            return
        self._page, self._seconds = page, seconds
        self._previous = signal.signal(signal.SIGALRM, self._expired)
        signal.setitimer(signal.ITIMER_REAL, seconds)

    def stop(self) -> None:
        if self._previous is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        self._previous = None

    def _expired(self, signum: int, frame: FrameType | None) -> None:
        self.stop()
        raise PluginError(
            f"The page '{self._page}' took more than {self._seconds:g} s to render, and the build "
            "stopped. Its Markdown repeats something thousands of times (unclosed tags, links, "
            "brackets): simplify it. (The week's prep.md is its index.md here.)"
        )

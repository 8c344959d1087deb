"""What the build benchmarks share: the environment a build runs in, a timed build, its pages."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def source_date_epoch() -> str:
    """The last commit's time, as the Makefile sets it, so that builds are the same every day."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    done = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    )
    return done.stdout.strip() or "0"


ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch()}
"""The caller's environment (CURRICULUM_JOBS included), with the Makefile's two settings, and
Python writing its compiled modules as it does by default (some CI machines turn that off, which
costs every run of a command a recompilation of the package)."""
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def timed(command: Sequence[str], cwd: Path, **env: str) -> float:
    """Wall seconds of one run of `command` (in ENV, with `env` added); its output is shown only
    if it fails."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**ENV, **env})
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"{' '.join(command)} failed in {cwd} (exit {done.returncode})")
    return seconds


def median_seconds(
    command: Sequence[str],
    cwd: Path,
    runs: int,
    before: Callable[[], None] = lambda: None,
    **env: str,
) -> float:
    """The median of `runs` runs, each after `before()` (not timed)."""
    times = []
    for _ in range(runs):
        before()
        times.append(timed(command, cwd, **env))
    return statistics.median(times)


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def html_pages(site: Path) -> int:
    """The pages built: HTML files in every language, 404 pages included."""
    return sum(1 for _ in site.rglob("*.html"))

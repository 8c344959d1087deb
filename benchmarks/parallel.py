"""The full build with the languages shared out between processes, beside the same build with one
process building them one after another (the baseline), measured in the same run.

Both are `mkdocs build --strict` of the same sources into folders of their own; the sequential
one runs with CURRICULUM_JOBS=1, the parallel one with the default (one process per core). The
runs alternate, and the median of each is printed. Target: at most 0.6 times the sequential wall
time. The two sites must be the same, byte for byte; the script says so, or fails.

    .venv/bin/python benchmarks/parallel.py [--runs 3] [--source DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.6


def build(source: Path, site: Path, jobs: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CURRICULUM_JOBS": jobs}
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=source,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    parser.add_argument("--source", type=Path, default=ROOT, help="folder with mkdocs.yml")
    args = parser.parse_args()
    times: dict[str, list[float]] = {"1": [], "0": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            for jobs in times:
                times[jobs].append(build(args.source, Path(tmp) / f"site-{jobs}", jobs))
        sequential, parallel = (snapshot(Path(tmp) / f"site-{jobs}") for jobs in times)
    if sequential != parallel:
        differ = sorted(set(sequential) ^ set(parallel)) or sorted(
            name for name in sequential if sequential[name] != parallel[name]
        )
        sys.exit(f"the two sites differ: {', '.join(differ[:5])}")
    one, many = (statistics.median(times[jobs]) for jobs in times)
    pages = sum(1 for name in sequential if name.endswith(".html"))
    print(f"languages one after another   {one:6.1f} s  (baseline; {pages} HTML pages)")
    print(
        f"one process per core ({cores()})     {many:6.1f} s  "
        f"({many / one:.2f}x the baseline, target {TARGET:.1f}x)"
    )
    print(f"the two sites are the same, byte for byte ({len(sequential)} files)")


if __name__ == "__main__":
    main()

"""Does the build scale? Full six-language builds of synthetic curricula of 1x, 4x and 16x the
shipped one (modules x weeks, see synthetic.py), each with `mkdocs build --strict` in a temporary
folder.

Prints the HTML pages built, the wall seconds and the pages per second of each size, with the 1x
build measured in the same run as the baseline. The target: pages per second stay flat (a ratio
near 1.0x), so that a build takes time in proportion to the curriculum. CURRICULUM_JOBS, if set,
is passed on to the builds as it is.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from timing import ROOT, html_pages, mkdocs, timed


def sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=sizes, default=[1, 4, 16], help="k, comma-separated")
    parser.add_argument("--source", type=Path, default=ROOT, help="the curriculum to copy")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in args.sizes:
            print(f"building {k}x", file=sys.stderr)
            folder = synthetic.write(Path(tmp) / f"{k}x", k, args.source.resolve())
            seconds = timed(mkdocs("build", "--strict"), folder)
            weeks = sum(1 for _ in (folder / "modules").glob("*/week-*"))
            rows.append((k, weeks, html_pages(folder / "site"), seconds))
    base = rows[0][2] / rows[0][3]
    print(f"{'size':<6}{'weeks':>7}{'pages':>8}{'seconds':>10}{'pages/s':>10}")
    for k, weeks, pages, seconds in rows:
        rate = pages / seconds
        note = "(baseline)" if k == rows[0][0] else f"({rate / base:.2f}x baseline, target 1.0x)"
        print(f"{f'{k}x':<6}{weeks:>7}{pages:>8}{seconds:>10.1f}{rate:>10.1f}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

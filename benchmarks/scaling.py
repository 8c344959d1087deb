"""Does the build scale? Full six-language builds of synthetic curricula of 1x, 4x and 16x the
shipped one (modules x weeks, see synthetic.py), each with `mkdocs build --strict` in a temporary
folder.

A size is `MxW`: M times the modules, each W times as long; `K` alone is `Kx1`. By default 4x is
2x2 and 16x is 4x4, a curriculum that grows both ways; `--sizes 1,16` grows the modules alone.

Prints the HTML pages built, the wall seconds and the pages per second of each size, with the
first size, measured in the same run, as the baseline. The target: pages per second stay flat (a
ratio near 1.0x), so that a build takes time in proportion to the curriculum. CURRICULUM_JOBS, if
set, is passed on to the builds as it is.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from timing import ROOT, html_pages, mkdocs, timed


def sizes(text: str) -> list[tuple[int, int]]:
    """`1,2x2,16` -> [(1, 1), (2, 2), (16, 1)]: (copies of the modules, weeks' repeats)."""
    out = []
    for size in (s.strip() for s in text.split(",")):
        if size:
            modules, _, weeks = size.partition("x")
            out.append((int(modules), int(weeks or 1)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=sizes, default=sizes("1,2x2,4x4"), help="MxW or K, comma-separated"
    )
    parser.add_argument("--source", type=Path, default=ROOT, help="the curriculum to copy")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for times, repeats in args.sizes:
            shape = f"{times}x{repeats}"
            print(f"building {shape}", file=sys.stderr)
            folder = Path(tmp) / shape
            synthetic.write(folder, times, args.source.resolve(), weeks=repeats)
            seconds = timed(mkdocs("build", "--strict"), folder)
            modules = sum(1 for _ in (folder / "modules").glob("*/module.yml"))
            weeks = sum(1 for _ in (folder / "modules").glob("*/week-*"))
            pages = html_pages(folder / "site")
            rows.append((f"{times * repeats}x", shape, modules, weeks, pages, seconds))
    base = rows[0][4] / rows[0][5]
    head = ("size", "shape", "modules", "weeks", "pages", "seconds", "pages/s")
    print(f"{head[0]:<6}{head[1]:<7}" + "".join(f"{h:>9}" for h in head[2:]))
    for n, (size, shape, modules, weeks, pages, seconds) in enumerate(rows):
        rate = pages / seconds
        note = "(baseline)" if n == 0 else f"({rate / base:.2f}x baseline, target 1.0x)"
        figures = f"{modules:>9}{weeks:>9}{pages:>9}{seconds:>9.1f}{rate:>9.1f}"
        print(f"{size:<6}{shape:<7}{figures}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

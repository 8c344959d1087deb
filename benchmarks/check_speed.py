"""How long `curriculum check` takes, Python start included: on the shipped curriculum and on a
synthetic one of 16 times its modules and weeks (synthetic.py), beside a full build of the shipped
curriculum.

Prints the median of several runs beside a bare `python -c pass` measured in the same run, so the
figures compare on any machine. The targets: under 0.5 s on the shipped curriculum, under 1 s on
the 16x one. The full build (one run, six languages, in a copy) says how much sooner a contributor
hears of a problem from the check than from a build.

Each check runs on a copy (synthetic.py at 1x and 16x) as an author meets it: after saving a
change to one prep page (a line added before each run), with what the check keeps between runs
(filecache.py) from the runs before; and once more without that cache (CURRICULUM_CACHE=off), as
a first check after a fresh clone runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from timing import ROOT, median_seconds, mkdocs, timed

RUNS = 15


def edit(folder: Path) -> None:
    """Save a change to one page, as an author does between two checks."""
    page = next(iter(sorted((folder / "modules").glob("*/week-01/prep.md"))))
    with page.open("a", encoding="utf-8") as out:
        out.write("\nOne more line.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each check ({RUNS})")
    parser.add_argument("--times", type=int, default=16, help="k of the large curriculum (16)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the shipped curriculum")
    parser.add_argument("--no-build", action="store_true", help="leave out the full build")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    curriculum = [str(Path(sys.executable).with_name("curriculum")), "check"]
    bare = median_seconds([sys.executable, "-c", "pass"], source, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        shipped = synthetic.write(Path(tmp) / "1x", 1, source)
        large = synthetic.write(Path(tmp) / "large", args.times, source)
        timed(curriculum, shipped)  # what a check keeps, from an earlier run
        timed(curriculum, large)
        check = median_seconds(curriculum, shipped, args.runs, lambda: edit(shipped))
        cold = median_seconds(curriculum, shipped, args.runs, CURRICULUM_CACHE="off")
        check_large = median_seconds(curriculum, large, args.runs, lambda: edit(large))
        cold_large = median_seconds(
            curriculum, large, max(1, args.runs // 5), CURRICULUM_CACHE="off"
        )
        if not args.no_build:
            build = timed(mkdocs("build", "--strict"), shipped)
    print(f"python -c pass    {bare * 1000:7.1f} ms  (baseline)")
    print(
        f"curriculum check  {check * 1000:7.1f} ms  ({check / bare:.1f}x baseline, target 500 ms)"
    )
    print(
        f"curriculum check, {args.times}x curriculum  {check_large * 1000:7.1f} ms  "
        f"({check_large / bare:.1f}x baseline, {check_large / check:.1f}x the shipped one, "
        "target 1000 ms)"
    )
    print(
        f"without the cache: {cold * 1000:7.1f} ms shipped, {cold_large * 1000:7.1f} ms "
        f"{args.times}x (a first check)"
    )
    print(f"median of {args.runs} run(s) each, each after an edit to one page")
    if not args.no_build:
        print(f"full build, 6 languages  {build:7.1f} s  (one run, {build / check:.0f}x the check)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

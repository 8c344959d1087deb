"""How long `curriculum check` takes, Python start included: on the shipped curriculum and on a
synthetic one of 16 times its modules and weeks (synthetic.py), beside a full build of the shipped
curriculum.

Prints the median of several runs beside a bare `python -c pass` measured in the same run, so the
figures compare on any machine. The targets: under 0.5 s on the shipped curriculum, under 1 s on
the 16x one. The full build (one run, six languages, in a copy) says how much sooner a contributor
hears of a problem from the check than from a build.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each check ({RUNS})")
    parser.add_argument("--times", type=int, default=16, help="k of the large curriculum (16)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the shipped curriculum")
    parser.add_argument("--no-build", action="store_true", help="leave out the full build")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    curriculum = str(Path(sys.executable).with_name("curriculum"))
    bare = median_seconds([sys.executable, "-c", "pass"], source, args.runs)
    check = median_seconds([curriculum, "check"], source, args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        large = synthetic.write(Path(tmp) / "large", args.times, source)
        check_large = median_seconds([curriculum, "check"], large, args.runs)
        if not args.no_build:
            build = timed(mkdocs("build", "--strict"), synthetic.write(Path(tmp) / "1x", 1, source))
    print(f"python -c pass    {bare * 1000:7.1f} ms  (baseline)")
    print(
        f"curriculum check  {check * 1000:7.1f} ms  ({check / bare:.1f}x baseline, target 500 ms)"
    )
    print(
        f"curriculum check, {args.times}x curriculum  {check_large * 1000:7.1f} ms  "
        f"({check_large / bare:.1f}x baseline, {check_large / check:.1f}x the shipped one, "
        "target 1000 ms)"
    )
    print(f"median of {args.runs} run(s) each")
    if not args.no_build:
        print(f"full build, 6 languages  {build:7.1f} s  (one run, {build / check:.0f}x the check)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

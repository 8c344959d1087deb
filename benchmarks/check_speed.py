"""How long `curriculum check` takes on the shipped curriculum, Python start included.

Prints the median of several runs beside a bare `python -c pass` measured in the same run, so the
figures compare on any machine. The target is under 0.5 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 15


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    curriculum = str(Path(sys.executable).with_name("curriculum"))
    bare = median_seconds([sys.executable, "-c", "pass"])
    check = median_seconds([curriculum, "check"])
    print(f"python -c pass    {bare * 1000:7.1f} ms  (baseline)")
    print(
        f"curriculum check  {check * 1000:7.1f} ms  ({check / bare:.1f}x baseline, target 500 ms)"
    )


if __name__ == "__main__":
    main()

"""An author's feedback: the full build beside the preview's builds, and the time from saving a
prep.md to the rebuilt page being served by `make preview`.

Every figure is measured in this run on this machine; the full build is the baseline. Targets: a
one-language preview build at most a fifth of the full build, a saved change served again within
3 seconds. The benchmark edits modules/javascript/week-01/prep.md (appending a line) and puts it
back as it was, whatever happens.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREP = ROOT / "modules/javascript/week-01/prep.md"
PAGE = "modules/javascript/week-01/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
SAVES = 5


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=ENV)
    return time.perf_counter() - start


def preview(*args: str) -> list[str]:
    return [sys.executable, "-m", "curriculum_mkdocs.preview", *args]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise SystemExit(f"'{text}' was not served at {url} within {seconds} s")


def save_to_served(*args: str) -> float:
    """Median seconds from a save of prep.md to the page served with the change."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/{PAGE}"
    original = PREP.read_bytes()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [*preview(*args), "--dev-addr", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=ENV,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(url, "<h1", 300)
            times = []
            for n in range(SAVES):
                marker = f"Preview benchmark save {n}."
                PREP.write_bytes(original + f"\n{marker}\n".encode())
                times.append(wait_for(url, marker, 120))
            return statistics.median(times)
        finally:
            PREP.write_bytes(original)
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    full = timed([sys.executable, "-m", "mkdocs", "build", "-d", str(ROOT / "build/bench-full")])
    english = timed(preview("--build"))
    french = timed(preview("--build", "--lang", "fr"))
    module = timed(preview("--build", "--lang", "fr", "--module", "javascript"))
    served = save_to_served("--module", "javascript")
    served_all = save_to_served()
    print(f"full build, 6 languages               {full:6.1f} s  (baseline)")
    print(
        f"preview build, English                 {english:6.1f} s  "
        f"({english / full:.2f}x the full build, target 0.20x)"
    )
    print(f"preview build, English + French        {french:6.1f} s  ({french / full:.2f}x)")
    print(f"preview build, en + fr, one module     {module:6.1f} s  ({module / full:.2f}x)")
    print(
        f"save to served, English, one module    {served:6.1f} s  (median of {SAVES}, target 3 s)"
    )
    print(f"save to served, English, all modules   {served_all:6.1f} s  (median of {SAVES})")


if __name__ == "__main__":
    main()

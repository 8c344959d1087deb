"""Smoke tests of the benchmarks: each script runs at its smallest size on the small curriculum and
prints its lines. Nothing here is timed: the figures are the benchmarks' business."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, make_curriculum, only_languages

sys.path.insert(0, str(REPO / "benchmarks"))

import synthetic

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small curriculum in two languages: the scripts' workings, at the least cost."""
    root = make_curriculum(tmp_path_factory.mktemp("small"))
    only_languages(root, "en", "fr")
    return root


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def check(folder: Path) -> str:
    curriculum = str(Path(sys.executable).with_name("curriculum"))
    done = subprocess.run([curriculum, "check"], cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        (
            "id: dom\nprerequisites:\n  - javascript\n",
            "prerequisites",
            "id: dom-x2\nprerequisites:\n  - javascript-x2\n",
        ),
        (
            "id: dom\nprerequisites: [javascript, html]\nlicense: MIT\n",
            "prerequisites",
            "id: dom-x2\nprerequisites: [javascript-x2, html]\nlicense: MIT\n",
        ),
        (
            "id: dom\nprerequisites: []\nauthors:\n  - dom\n",
            "prerequisites",
            "id: dom-x2\nprerequisites: []\nauthors:\n  - dom\n",
        ),
        (
            "id: evening\n# comment\nmodules:\n  - dom  \nstart: 2027-02-07\n",
            "modules",
            "id: evening-x2\n# comment\nmodules:\n  - dom-x2\nstart: 2027-02-07\n",
        ),
    ],
)
def test_copies_rename_ids_and_what_lists_them(text: str, key: str, expected: str) -> None:
    renamed = {"dom": "dom-x2", "javascript": "javascript-x2", "evening": "evening-x2"}
    assert synthetic.rename_ids(text, key, renamed) == expected


def test_a_programme_loses_a_key_and_its_lines_only() -> None:
    text = "id: a\nholidays:\n  - easter\n  - nowruz\n# next\nclosing:\n  - x\n"
    assert synthetic.drop_key(text, "holidays") == "id: a\n# next\nclosing:\n  - x\n"
    assert synthetic.drop_key("holidays: [easter]\nid: a\n", "holidays") == "id: a\n"


@pytest.mark.site
@pytest.mark.parametrize(("times", "repeats"), [(2, 1), (1, 3)])
def test_a_synthetic_curriculum_of_the_shipped_one_passes_the_checks(
    tmp_path: Path, times: int, repeats: int
) -> None:
    folder = synthetic.write(tmp_path / "copy", times, weeks=repeats)
    assert sorted(p.name for p in (folder / "modules").iterdir() if p.name.endswith("-x2")) == [
        f"{p.name}-x2" for p in sorted((REPO / "modules").iterdir()) if p.is_dir() and times == 2
    ]
    modules = sum(1 for p in (REPO / "modules").iterdir() if p.is_dir())
    weeks = sum(1 for _ in (REPO / "modules").glob("*/week-*"))
    out = check(folder)
    assert out.startswith(f"ok: {times * modules} modules, {times * repeats * weeks} weeks")
    assert "warning" not in out  # a programme three times as long meets no holiday it names
    dom = sorted(p.name for p in (folder / "modules/dom").iterdir() if p.name.startswith("week-"))
    assert dom == [f"week-{n:02d}" for n in range(1, 2 * repeats + 1)]
    again = folder / f"modules/dom/week-{2 * repeats:02d}/prep.md"
    assert again.read_bytes() == (REPO / "modules/dom/week-02/prep.md").read_bytes()


@pytest.mark.site
def test_synthetic_as_a_script(small: Path, tmp_path: Path) -> None:
    out = run("synthetic.py", str(tmp_path / "3x"), "--times", "3", "--source", str(small))
    assert out.startswith("wrote 3x the curriculum")
    assert check(tmp_path / "3x").startswith("ok: 3 modules, 6 weeks, 3 programmes")
    out = run(
        "synthetic.py", str(tmp_path / "6x"), "--times", "3", "--weeks", "2", "--source", str(small)
    )
    assert out.startswith("wrote 6x the curriculum")
    assert check(tmp_path / "6x").startswith("ok: 3 modules, 12 weeks, 3 programmes")


@pytest.mark.site
def test_scaling(small: Path) -> None:
    lines = run("scaling.py", "--sizes", "1,1x2", "--source", str(small)).splitlines()
    assert lines[0].split() == ["size", "shape", "modules", "weeks", "pages", "seconds", "pages/s"]
    assert lines[1].split()[:4] == ["1x", "1x1", "1", "2"] and lines[1].endswith("(baseline)")
    assert (
        lines[2].split()[:4] == ["2x", "1x2", "1", "4"] and "x baseline, target 1.0x)" in lines[2]
    )
    assert int(lines[2].split()[4]) > int(lines[1].split()[4])  # more weeks, more pages


@pytest.mark.site
def test_overhead(small: Path) -> None:
    out = run("overhead.py", "--runs", "1", "--source", str(small))
    assert out.startswith("plain MkDocs + Material + i18n")
    assert "the same without search" in out and "one process per core" in out
    assert "our build, languages one after another" in out and "target at most +10 %" in out
    assert "where our build's time goes" in out
    for share in ("our packages", "our search index", "MkDocs", "Jinja2", "Material"):
        assert f"  {share}" in out


@pytest.mark.site
def test_check_speed(small: Path) -> None:
    # Without its full build, which is scaling.py's (tested above): the file stays within a minute.
    out = run("check_speed.py", "--runs", "1", "--times", "2", "--source", str(small), "--no-build")
    lines = out.splitlines()
    assert lines[0].startswith("python -c pass") and lines[0].endswith("(baseline)")
    assert lines[1].startswith("curriculum check ") and lines[1].endswith("target 500 ms)")
    assert lines[2].startswith("curriculum check, 2x curriculum") and "target 1000 ms" in lines[2]
    assert lines[3].startswith("without the cache:") and "(a first check)" in lines[3]
    assert lines[4] == "median of 1 run(s) each, each after an edit to one page"
    assert len(lines) == 5


@pytest.mark.site
def test_parallel(small: Path) -> None:
    out = run("parallel.py", "--runs", "1", "--source", str(small))
    lines = out.splitlines()
    assert lines[0].startswith("languages one after another") and "(baseline;" in lines[0]
    assert lines[1].startswith("one process per core") and "target 0.6x" in lines[1]
    assert lines[2].startswith("the two sites are the same, byte for byte")

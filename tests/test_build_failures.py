"""A broken curriculum never produces a site: the build stops with the checker's messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_curriculum, mkdocs_build, only_languages, snapshot, write


def break_it(root: Path) -> None:
    module = root / "modules/basics/module.yml"
    module.write_text(module.read_text().replace("hours: 12", "hours: 1:30\ncolour: blue"))
    coach = root / "modules/basics/week-02/coach.md"
    coach.write_text(coach.read_text().replace("minutes: 80", "minutes: 10"))


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_invalid_metadata_fails_the_build_with_every_message(
    curriculum_root: Path, strict: bool
) -> None:
    if not strict:
        config = curriculum_root / "mkdocs.yml"
        config.write_text(config.read_text().replace("strict: true", "strict: false"))
    break_it(curriculum_root)
    result = mkdocs_build(curriculum_root, *(["--strict"] if strict else []))
    assert result.returncode != 0
    log = result.stderr + result.stdout
    assert "modules/basics/module.yml:6:8: hours: expected a whole number, got '1:30'" in log
    assert "hint: write a whole number of minutes, e.g. 90 for 1:30" in log
    assert "modules/basics/module.yml:7:1: unknown key 'colour'" in log
    assert "modules/basics/week-02/coach.md:3:18: blocks add up to 50 minutes" in log
    assert "Traceback" not in log
    assert not (curriculum_root / "site").exists()


@pytest.mark.site
def test_a_failed_build_leaves_the_previous_site_and_a_good_one_replaces_it(
    curriculum_root: Path,
) -> None:
    only_languages(curriculum_root, "en", "fr")  # the mechanics, not the languages
    assert mkdocs_build(curriculum_root).returncode == 0
    (curriculum_root / "site" / "stale.html").write_text("left from an old build")
    before = snapshot(curriculum_root / "site")
    assert "index.html" in before and "fr/index.html" in before
    # Refused by the curriculum's checks, before anything is built.
    sources = snapshot(curriculum_root / "modules")
    break_it(curriculum_root)
    result = mkdocs_build(curriculum_root)
    assert result.returncode != 0
    assert "was left as it was" in result.stderr
    assert snapshot(curriculum_root / "site") == before
    # Refused by MkDocs once every page is built: a link to a page that does not exist.
    for rel, data in sources.items():
        (curriculum_root / "modules" / rel).write_bytes(data)
    write(curriculum_root, "modules/basics/week-01/notes.md", "# Notes\n\n[x](missing.md)\n")
    result = mkdocs_build(curriculum_root, "--strict")
    assert result.returncode != 0 and "missing.md" in result.stderr
    assert snapshot(curriculum_root / "site") == before
    assert [p.name for p in curriculum_root.iterdir() if p.name.startswith(".site")] == []
    # A good build replaces the site whole: nothing of the old one is left.
    write(curriculum_root, "modules/basics/week-01/notes.md", "# Notes\n\nOpen it with F12.\n")
    assert mkdocs_build(curriculum_root, "--strict").returncode == 0
    assert not (curriculum_root / "site" / "stale.html").exists()
    assert (curriculum_root / "site" / "fr" / "index.html").is_file()


def test_docs_dir_must_not_be_a_source_folder(curriculum_root: Path) -> None:
    config = curriculum_root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("docs_dir: site-src", "docs_dir: curriculum/pages")
    )
    result = mkdocs_build(curriculum_root)
    assert result.returncode != 0
    assert "overlaps the sources" in result.stderr
    assert (curriculum_root / "curriculum/pages/index.md").is_file()  # nothing was deleted


def test_missing_i18n_plugin_is_explained(curriculum_root: Path) -> None:
    config = curriculum_root / "mkdocs.yml"
    text = config.read_text()
    config.write_text(text[: text.index("  i18n:")])
    result = mkdocs_build(curriculum_root)
    assert result.returncode != 0
    assert "needs mkdocs-static-i18n" in result.stderr


def test_materials_own_search_is_refused(curriculum_root: Path) -> None:
    """The plugin's index is the site's search: Material's would be a second index of every page,
    which the parallel languages' build does not join."""
    config = curriculum_root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  i18n:\n", "  search: {}\n  i18n:\n", 1))
    result = mkdocs_build(curriculum_root)
    assert result.returncode != 0
    assert "Remove `search` from `plugins` in mkdocs.yml" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_translation_language_fails(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/week-01/exercises.qq.md", "---\ntitle: Übung\n---\n")
    result = mkdocs_build(curriculum_root)
    assert result.returncode != 0
    assert "modules/basics/week-01/exercises.qq.md:1:1: 'qq' in the file name" in result.stderr


@pytest.mark.site
def test_builds_on_different_days_are_byte_identical(tmp_path: Path) -> None:
    """With SOURCE_DATE_EPOCH (the Makefile sets it from the last commit), the day of the build
    changes nothing: the same sources give the same bytes a year later."""
    sites = []
    for n, days in enumerate(["0", "400"]):
        (tmp_path / f"build-{n}").mkdir()
        root = make_curriculum(tmp_path / f"build-{n}")
        only_languages(root, "en", "ar")
        env = {
            **os.environ,
            "SOURCE_DATE_EPOCH": "1767225600",
            "CURRICULUM_CLOCK_SHIFT_DAYS": days,
            "PYTHONPATH": str(Path(__file__).parent / "clock"),
        }
        probe = subprocess.run(
            [sys.executable, "-c", "import datetime; print(datetime.date.today().year)"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        sites.append((probe.stdout.strip(), root))
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    (year_a, a), (year_b, b) = sites
    assert year_a != year_b, "the second build ran on another day"
    assert snapshot(a / "site") == snapshot(b / "site")

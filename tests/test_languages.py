"""The site's languages built in several processes at once: the same site, byte for byte, and a
failure in one language fails the whole build with that language's messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_curriculum, mkdocs_build, only_languages, snapshot
from curriculum.cli import main

pytestmark = pytest.mark.site


def test_languages_built_at_once_give_the_same_site_as_one_after_another(tmp_path: Path) -> None:
    root = make_curriculum(tmp_path)
    sites = {}
    # One process; four, with shares of two languages and of one (en+uk, nl+fa, fr, ar).
    for jobs in ("1", "4"):
        result = mkdocs_build(
            root, "--strict", "--site-dir", f"site-{jobs}", env={"CURRICULUM_JOBS": jobs}
        )
        assert result.returncode == 0, result.stderr
        sites[jobs] = snapshot(root / f"site-{jobs}")
    one, four = sites["1"], sites["4"]
    assert sorted(one) == sorted(four)
    assert [name for name in one if one[name] != four[name]] == []
    # Every language is there, with its search and its page list.
    for lang in ("nl", "fr", "ar", "uk", "fa"):
        assert f"{lang}/modules/basics/week-01/index.html" in four
        assert f"{lang}/sitemap-{lang}.xml" in four
        assert f"search/{lang}/meta.json" in four
    sitemap = four["sitemap.xml"].decode()
    assert sitemap.count("<url>") == 6 * sitemap.count("<loc>http://localhost:8000/fa/")
    assert [p.name for p in root.iterdir() if p.name.startswith(".site")] == []


def test_a_language_failing_in_its_own_process_fails_the_build(curriculum_root: Path) -> None:
    only_languages(curriculum_root, "en", "fr", "ar")
    assert mkdocs_build(curriculum_root, "--strict").returncode == 0
    before = snapshot(curriculum_root / "site")
    # French alone links to a heading that does not exist: MkDocs finds it in the French build.
    prep = curriculum_root / "modules/basics/week-01/prep.fr.md"
    prep.write_text(prep.read_text(encoding="utf-8") + "\n[x](#nulle-part)\n", encoding="utf-8")
    config = str(curriculum_root / "mkdocs.yml")
    assert main(["--config", config, "translated", str(prep)]) == 0
    result = mkdocs_build(curriculum_root, "--strict", env={"CURRICULUM_JOBS": "3"})
    assert result.returncode != 0
    assert "#nulle-part" in result.stderr
    assert "Building the pages in fr failed" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(curriculum_root / "site") == before
    assert [p.name for p in curriculum_root.iterdir() if p.name.startswith(".site")] == []

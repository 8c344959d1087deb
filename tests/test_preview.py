"""`make preview`: one language beside the source language, optionally one module, built by the
same plugin as the real site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from curriculum_mkdocs.preview import CONFIG_NAME, main


@pytest.mark.site
def test_preview_builds_one_language_and_one_module(
    curriculum_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = curriculum_root / "mkdocs.yml"
    args = ["--config", str(config), "--lang", "fr", "--module", "basics", "--build"]
    assert main(args) == 0
    site = curriculum_root / "build/preview-site"
    french = (site / "fr/modules/basics/week-01/index.html").read_text()
    assert "Qu'est-ce qu'un programme" in french
    assert (site / "modules/basics/week-01/index.html").is_file()  # the source language
    assert not (site / "nl").exists()  # nothing else
    assert not (site / "programmes/evening").exists()
    assert not (curriculum_root / "site").exists()  # the real site is not touched
    assert (curriculum_root / CONFIG_NAME).read_text().startswith("# Written by `make preview`")
    assert os.path.isdir(curriculum_root / "build/preview-src")


def test_preview_refuses_a_language_the_site_does_not_have(curriculum_root: Path) -> None:
    with pytest.raises(SystemExit, match="'de' is not a language of the site"):
        main(["--config", str(curriculum_root / "mkdocs.yml"), "--lang", "de", "--build"])

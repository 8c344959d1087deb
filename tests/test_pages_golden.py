"""Every generated page kind of the small curriculum, in English, French (translated) and Arabic
(untranslated, right to left), rendered without a build and compared with the reviewed files in
tests/golden/. After an intended change: `UPDATE_GOLDEN=1 pytest tests/test_pages_golden.py`, then
read the diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import LANGUAGES, make_curriculum
from curriculum.pages.registry import render_all
from curriculum.read import load_curriculum

GOLDEN = Path(__file__).parent / "golden"
SHOWN = ("en", "fr", "ar")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = make_curriculum(tmp_path_factory.mktemp("golden"))
    cur = load_curriculum(root, LANGUAGES, "en")
    pages = {page.path: page.text for page in render_all(cur)}
    return {
        path: text
        for path, text in pages.items()
        # Markdown pages; the calendar files are read back with icalendar in test_build.py
        if path.endswith(".md") and (path.split(".")[-2] in SHOWN[1:] or path.count(".") == 1)
    }


def test_every_golden_file_is_rendered_and_nothing_else(rendered: dict[str, str]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in rendered.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    assert sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")) == sorted(
        rendered
    )


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
)
def test_page_matches_its_golden_file(rendered: dict[str, str], path: str) -> None:
    assert rendered[path] == (GOLDEN / path).read_text(encoding="utf-8")

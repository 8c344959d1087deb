"""A translation can send its readers to the same resource in their own language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import LANGUAGES, make_curriculum, reviewed_sources, write
from curriculum.pages.common import Lang
from curriculum.pages.prep import render_prep
from curriculum.problems import CurriculumError
from curriculum.read import load_curriculum

PREP_FR = """\
---
title: Qu'est-ce qu'un programme ?
prep:
  what-is-js:
    title: "MDN : qu'est-ce que JavaScript ?"
    url: https://developer.mozilla.org/fr/docs/Web/JavaScript
  hello-world: Bonjour le monde
---
Concentrez-vous sur **ce qu'est un programme**.
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_curriculum(tmp_path)
    write(root, "curriculum/reviewed-sources.yml", REVIEWED)
    return root


REVIEWED = reviewed_sources()


def test_a_translated_item_can_have_its_own_address_and_keeps_its_tick(root: Path) -> None:
    write(root, "modules/basics/week-01/prep.fr.md", PREP_FR)
    cur = load_curriculum(root, LANGUAGES, "en")
    module = cur.modules["basics"]
    page = render_prep(cur, Lang("fr", "en"), module, module.weeks[0])
    assert (
        "[MDN &#58; qu'est-ce que JavaScript ?](https://developer.mozilla.org/fr/docs/Web/"
        "JavaScript)" in page.text
    )
    assert 'data-cur-item="basics/week-01/what-is-js"' in page.text  # the same tick
    assert "[Bonjour le monde](https://javascript.info/hello-world)" in page.text
    english = render_prep(cur, Lang("en", "en"), module, module.weeks[0])
    assert "https://developer.mozilla.org/en-US/docs/Web/JavaScript" in english.text


@pytest.mark.parametrize(
    ("item", "line", "words"),
    [
        ("what-is-js:\n    title: x\n    url: https://evil.example/js", 6, "not a reviewed source"),
        ("what-is-js:\n    title: x\n    url: ftp://mdn/js", 6, "is not an http(s) address"),
        ("notes:\n    title: Notes\n    url: https://javascript.info/", 6, "is a page of this"),
        ("what-is-js:\n    url: https://javascript.info/", 5, "missing required key 'title'"),
    ],
)
def test_a_translated_address_is_checked_like_every_link(
    root: Path, item: str, line: int, words: str
) -> None:
    write(root, "modules/basics/week-01/prep.fr.md", f"---\ntitle: T\nprep:\n  {item}\n---\nB.\n")
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root, LANGUAGES, "en")
    [problem] = info.value.problems
    assert (problem.path, problem.line) == ("modules/basics/week-01/prep.fr.md", line)
    assert words in problem.format()

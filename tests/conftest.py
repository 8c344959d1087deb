"""Shared fixtures: a small curriculum written into tmp_path, and a real `mkdocs build` of it."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import textwrap
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from curriculum import filecache

# The browser tests' fixtures (Chromium, the small site served on localhost), shared by their files.
pytest_plugins = ["browserkit"]

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = ["en", "nl", "fr", "ar", "uk", "fa"]

MODULE_YML = """\
id: basics
title: Coding basics
summary: Write your first programs in the browser.
track: intro-to-coding
level: beginner
hours: 12
objectives:
  - Write a program that prints a message.
  - Store values in variables.
prerequisites: []
authors:
  - Test author
license: CC-BY-SA-4.0
"""

PREP_MD = """\
---
title: What is a program?
objectives:
  - Explain what a program is.
prep:
  - id: what-is-js
    title: "MDN: What is JavaScript?"
    url: https://developer.mozilla.org/en-US/docs/Web/JavaScript
    type: read
    minutes: 40
  - title: Hello, world
    url: https://javascript.info/hello-world
    type: practise
    minutes: 60
  - title: Notes on the console
    page: notes.md
    type: read
    minutes: 20
  - title: Extra video
    url: https://www.youtube.com/watch?v=abc123
    type: watch
    minutes: 15
    optional: true
terms: [program, variable]
---
Focus on **what a program is**. Bring two questions on Sunday.
"""

EXERCISES_MD = """\
---
title: Build a greeting together
---
## Exercise 1

Write a program that greets each member of your group.
"""

COACH_MD = """\
---
title: "Coach's plan: first programs"
session_minutes: 120
blocks:
  - title: Check-in
    minutes: 20
  - title: Group work
    minutes: 80
  - title: Show and tell
    minutes: 20
---
## Common mistakes

Forgetting the quotes around text.
"""

PREP_FR = """\
---
title: Qu'est-ce qu'un programme ?
objectives:
  - Expliquer ce qu'est un programme.
prep:
  what-is-js: "MDN : qu'est-ce que JavaScript ?"
---
Concentrez-vous sur **ce qu'est un programme**.
"""

PROGRAMME_YML = """\
id: evening
title: Evening course
summary: One module, for testing.
modules:
  - basics
start: 2027-02-07
company_visit_every: 1
breaks:
  - 2027-02-14
closing:
  - title: Trainees run their workshops
    summary: In pairs, for neighbours.
"""

GLOSSARY_YML = """\
program:
  term: program
  definition: A list of instructions that a computer carries out, one by one.
variable:
  term: variable
  definition: A name for a value that a program keeps, so that it can use it later.
"""

GLOSSARY_FR = """\
variable:
  term: variable (informatique)
  definition: Un nom pour une valeur que le programme garde, pour l'utiliser plus tard.
"""

SELF_EVALUATION_MD = """\
---
title: "Self-evaluation: coding basics"
checks:
  - can: I can write a program that prints a message.
    try: Print your name in the console.
  - can: I can store values in variables.
    try: Keep your age in a variable and print it.
---
Be honest: tick only what you can do without help.
"""

WORKSHOP_MD = """\
---
title: "Workshop kit: your first program"
audience: Neighbours who never wrote code.
participants: 6-12
minutes: 90
materials:
  - One phone or laptop for every two people.
blocks:
  - title: Welcome
    minutes: 15
  - title: First lines of code
    minutes: 60
  - title: Closing round
    minutes: 15
---
## Before the workshop

Try every exercise yourself first.
"""


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def only_languages(root: Path, *keep: str) -> None:
    """Build the site at `root` in some of its languages only: for tests of the build's mechanics
    (failures, replacing the site), which need two languages, not six."""
    config = root / "mkdocs.yml"
    out, dropping = [], False
    for line in config.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("      - locale: "):
            dropping = line.split()[-1] not in keep
        elif not line.startswith("        "):
            dropping = False
        if not dropping:
            out.append(line)
    config.write_text("".join(out), encoding="utf-8")
    for folder in ("modules", "curriculum"):
        for path in (root / folder).rglob("*.*.*"):
            lang = path.name.split(".")[-2]
            if lang in LANGUAGES and lang not in keep:
                path.unlink()


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file below `site`, by its path there: two sites compare byte for byte."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def reviewed_sources(without: str = "") -> str:
    """The repository's list of reviewed hosts (the hand-written pages that the small curriculum
    copies link to them), without the lines that mention `without`."""
    text = (REPO / "curriculum" / "reviewed-sources.yml").read_text(encoding="utf-8")
    return "".join(line for line in text.splitlines(True) if not without or without not in line)


def make_curriculum(root: Path) -> Path:
    """A small valid curriculum with the repository's site configuration and pages."""
    shutil.copytree(_template(), root, dirs_exist_ok=True)
    return root


@functools.cache
def _template() -> Path:
    """The small curriculum written once per test process: writing and stamping it costs about
    ten times as much as copying it."""
    template = Path(tempfile.mkdtemp(prefix="curriculum-template-"))
    atexit.register(shutil.rmtree, template, ignore_errors=True)
    return _write_curriculum(template)


def _write_curriculum(root: Path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "curriculum" / "pages", root / "curriculum" / "pages")
    # One hand-written page stays untranslated, as a new page is until translators reach it.
    for translation in (root / "curriculum" / "pages" / "guide").glob("writing-modules.*.md"):
        translation.unlink()
    (root / "site-src").mkdir()
    write(root, "modules/basics/module.yml", MODULE_YML)
    write(root, "modules/basics/module.fr.yml", "title: Les bases du code\n")
    for n in (1, 2):
        week = f"modules/basics/week-0{n}"
        write(root, f"{week}/prep.md", PREP_MD)
        write(root, f"{week}/exercises.md", EXERCISES_MD)
        write(root, f"{week}/coach.md", COACH_MD)
        write(root, f"{week}/notes.md", "# Notes on the console\n\nOpen it with F12.\n")
    write(root, "modules/basics/week-01/prep.fr.md", PREP_FR)
    write(root, "modules/basics/glossary.yml", GLOSSARY_YML)
    write(root, "modules/basics/glossary.fr.yml", GLOSSARY_FR)
    write(root, "modules/basics/self-evaluation.md", SELF_EVALUATION_MD)
    write(root, "modules/basics/workshop.md", WORKSHOP_MD)
    write(root, "curriculum/programmes/evening.yml", PROGRAMME_YML)
    stamp_translations(root)
    return root


def stamp_translations(root: Path) -> None:
    """Record that the translations under `root` are up to date, as `curriculum translated` does
    after a review."""
    from curriculum.read import load_curriculum
    from curriculum.translation_status import stamp

    stamp(load_curriculum(root, LANGUAGES, "en"), [root])


EDIT_BASE = "https://github.com/example/curriculum/edit/main/"


def translated_pages(lang: str) -> tuple[int, int]:
    """(translated, total) files of the small curriculum in `lang` for `curriculum status`: its
    own files (3 of 13 translated into French: module.yml, glossary, week 1's prep), plus the
    repository's hand-written pages that make_curriculum copies, which translators add to."""
    pages = REPO / "curriculum" / "pages"
    english = [p for p in pages.rglob("*.md") if len(p.name.split(".")) == 2]
    # make_curriculum leaves the writing guide untranslated
    translated = [p for p in pages.rglob(f"*.{lang}.md") if not p.name.startswith("writing-")]
    own = 3 if lang == "fr" else 0
    return own + len(translated), 13 + len(english)


def mkdocs_build(
    root: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra],
        cwd=root,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


_OWN_SITES = {"varied_site", "partner_site"}
"""Fixtures that build a site beside the shared small one: their tests are `site` tests."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _OWN_SITES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture(autouse=True, scope="session")
def _check_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """What reading each file gave is kept in memory for the whole test process, as `curriculum
    check` keeps it on disk between runs (filecache): hundreds of tests read the same small
    curriculum, each with one file changed, and only that file is read closely again. Entries are
    found by each file's bytes, so a test never gets another one's reading; test_filecache.py
    compares the store on disk with no cache at all. A check that a test runs in a process of its
    own keeps its store in the tests' cache folder, not the user's."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    with filecache.active(filecache.in_memory()):
        yield


@pytest.fixture
def curriculum_root(tmp_path: Path) -> Path:
    return make_curriculum(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small curriculum built once, strict, in all six languages."""
    root = make_curriculum(tmp_path_factory.mktemp("site"))
    result = mkdocs_build(root, "--strict", env={"EDIT_BASE": EDIT_BASE})
    assert result.returncode == 0, result.stderr
    return root / "site"


def png() -> bytes:
    """A real one-pixel PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


RAW_HTML_MD = """\
---
title: Exercises
---
<script>alert(1)</script>
<img src="x.png" alt="x" onerror="alert(2)">
<a href="https://example.org/">good link</a>
<p style="position:fixed" onclick="alert(4)">styled</p>

| Left | Right |
| :--- | ----: |
| a    | b     |

!!! tip "Hint"
    Ask the group first.

=== "JavaScript"

    ```js
    console.log("hi");
    ```

=== "Python"

    ```python
    print("hi")
    ```
"""


@pytest.fixture(scope="session")
def varied_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small curriculum with what contributors get wrong or try on purpose, built once in six
    languages: script in metadata and in page titles, raw HTML in a body, an image, a translation
    with front matter only. The pages must show it as text, clean it away, or fall back."""
    root = make_curriculum(tmp_path_factory.mktemp("varied"))
    module = root / "modules/basics/module.yml"
    module.write_text(
        module.read_text().replace(
            "title: Coding basics",
            "title: '<script>alert(11)</script> [x](javascript:alert(12)) `<b>`'",
        )
    )
    write(root, "modules/basics/week-02/raw.md", RAW_HTML_MD)  # a page of its own, no breadcrumb
    (root / "modules/basics/week-02/x.png").write_bytes(png())  # the image it shows
    write(
        root, "modules/basics/week-01/exercises.nl.md", "---\ntitle: Samen een groet maken\n---\n"
    )
    write(root, "modules/basics/module.nl.yml", "title: Basis van programmeren\n")
    write(
        root, "curriculum/pages/about.md", "---\ntitle: '<img src=x onerror=alert(1)>'\n---\nHi.\n"
    )
    write(
        root,
        "modules/basics/week-01/notes.md",
        "# &lt;script&gt;alert(2)&lt;/script&gt;\n\nOpen.\n",
    )
    (root / "modules/basics/week-01/photo.png").write_bytes(png())
    stamp_translations(root)
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root


CurriculumFactory = Callable[[Path], Path]

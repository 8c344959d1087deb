"""The `curriculum` command, called as a function and once as the installed program."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import translated_pages
from curriculum.cli import main
from curriculum.kinds import KINDS


def config(root: Path) -> list[str]:
    return ["--config", str(root / "mkdocs.yml")]


def test_check_passes_on_a_valid_curriculum(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*config(curriculum_root), "check"]) == 0
    assert capsys.readouterr().out == "ok: 1 module, 2 weeks, 1 programme, 6 languages\n"


def test_check_reports_every_problem_and_exits_1(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module = curriculum_root / "modules/basics/module.yml"
    module.write_text(module.read_text().replace("level: beginner", "level: beginer"))
    prep = curriculum_root / "modules/basics/week-01/prep.md"
    prep.write_text(prep.read_text().replace("optional: true", "optional: no"))
    assert main([*config(curriculum_root), "check"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "2 problems in the curriculum sources:",
        "modules/basics/module.yml:5:8: level: not an allowed value, got 'beginer'",
        "    hint: did you mean 'beginner'?",
        "modules/basics/week-01/prep.md:23:15: prep item 4, optional: expected true or false, "
        "got 'no'",
        "    hint: write true or false (not yes/no/on/off)",
    ]


def test_check_github_annotations(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module = curriculum_root / "modules/basics/module.yml"
    module.write_text(module.read_text().replace("hours: 12", "hours: 012"))
    assert main([*config(curriculum_root), "check", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error file=modules/basics/module.yml,line=6,col=8::hours: expected a whole number, "
        "got '012' Hint: write 12 without leading zeros\n"
    )


def test_status_lists_translations(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*config(curriculum_root), "status"]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert lines[:5] == [
        ["file", "nl", "fr", "ar", "uk", "fa"],
        ["basics/module.yml", "-", "yes", "-", "-", "-"],
        ["basics/glossary.yml", "-", "yes", "-", "-", "-"],
        ["basics/self-evaluation.md", "-", "-", "-", "-", "-"],
        ["basics/workshop.md", "-", "-", "-", "-", "-"],
    ]
    assert ["basics/week-01/prep.md", "-", "yes", "-", "-", "-"] in lines
    assert ["programmes/evening.yml", "-", "-", "-", "-", "-"] in lines
    assert ["pages/index.md", "yes", "yes", "yes", "yes", "yes"] in lines
    # Per language: files in each state, and the share up to date.
    assert lines[-6] == [
        "language",
        "translated",
        "outdated",
        "unstamped",
        "missing",
        "up",
        "to",
        "date",
    ]
    done, total = translated_pages("fr")
    share = round(100 * done / total)
    assert lines[-4] == ["fr", str(done), "0", "0", str(total - done), str(share), "%"]


def test_schema_describes_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schemas = json.loads(capsys.readouterr().out)
    # Every kind of file contributors write, and its translation (curriculum.kinds).
    assert {"module", "prep-translation", "glossary", "workshop", "page"} <= set(schemas)
    assert len(schemas) == 2 * len(KINDS) - sum(1 for kind in KINDS if not kind.translation)
    assert main(["schema", "module"]) == 0
    module = json.loads(capsys.readouterr().out)
    assert set(module["required"]) >= {"id", "title", "summary", "track", "level", "hours"}
    assert all(field.get("description") for field in module["properties"].values())


def test_installed_command(curriculum_root: Path) -> None:
    exe = shutil.which("curriculum")
    assert exe, "the curriculum command is installed by pyproject.toml"
    result = subprocess.run(
        [exe, "check"], cwd=curriculum_root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")


def test_new_module_and_week_are_refused_until_written(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                *config(curriculum_root),
                "new-module",
                "storytelling",
                "--track",
                "digital-storytelling",
            ]
        )
        == 0
    )
    assert main([*config(curriculum_root), "new-week", "storytelling"]) == 0
    out = capsys.readouterr().out
    assert "created modules/storytelling/week-02/coach.md" in out
    assert main([*config(curriculum_root), "check"]) == 1
    err = capsys.readouterr().err
    assert "modules/storytelling/module.yml:2:9: placeholder text 'TODO'" in err
    assert "modules/storytelling/week-02/prep.md:2:9: placeholder text 'TODO'" in err
    assert "modules/storytelling/self-evaluation.md:2:26: placeholder text 'TODO'" in err
    assert "modules/storytelling/workshop.md:2:23: placeholder text 'TODO'" in err
    assert "blocks add up" not in err  # the scaffold's own timing is consistent
    assert "no self-evaluation.md" not in err and "needs a workshop kit" not in err


def test_scaffold_refuses_bad_requests(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*config(curriculum_root), "new-module", "basics", "--track", "soft-skills"]) == 2
    assert (
        main([*config(curriculum_root), "new-module", "New Module", "--track", "soft-skills"]) == 2
    )
    assert main([*config(curriculum_root), "new-week", "nothing"]) == 2
    err = capsys.readouterr().err
    assert "modules/basics already exists" in err
    assert "is not a valid id" in err
    assert "create the module first" in err


def test_config_may_come_after_the_command(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--config", str(curriculum_root / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out.startswith("ok:")


def test_one_run_reports_mistakes_in_every_file(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A week with a broken page still has its other pages checked, and the body of a page whose
    front matter is wrong still has its links checked: one run, every problem."""

    def edit(rel: str, old: str, new: str) -> None:
        path = curriculum_root / rel
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    week1, week2 = "modules/basics/week-01", "modules/basics/week-02"
    edit("modules/basics/module.yml", "hours: 12", "hours: twelve")
    edit(f"{week1}/prep.md", "type: read", "type: reading")
    edit(f"{week1}/prep.md", "Bring two questions", "See [week 2](../week-02/prep.md). Bring")
    edit(f"{week1}/coach.md", "minutes: 80", "minutes: 70")
    edit(f"{week2}/exercises.md", "title: Build a greeting together", "title: Build\n  bad: [")
    edit(f"{week2}/prep.md", "Bring two questions", "See [notes](note.md). Bring")
    edit("curriculum/programmes/evening.yml", "start: 2027-02-07", "start: 2027-02-08")
    assert main([*config(curriculum_root), "check"]) == 1
    places = [
        line.split(": ")[0]
        for line in capsys.readouterr().err.splitlines()
        if line.startswith(("modules/", "curriculum/"))
    ]
    assert places == [
        "curriculum/programmes/evening.yml:6:8",
        "modules/basics/module.yml:6:8",
        f"{week1}/coach.md:3:18",
        f"{week1}/prep.md:9:11",
        f"{week1}/prep.md:26:46",
        f"{week2}/exercises.md:3:6",
        f"{week2}/prep.md:26:45",
    ]

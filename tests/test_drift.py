"""Translations that fall behind their English: what counts as a change, what `curriculum status`
says, how a translator stamps a reviewed translation, and what the reader sees on the site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import LANGUAGES, mkdocs_build, stamp_translations, translated_pages, write
from curriculum.cli import main
from curriculum.read import load_curriculum

PREP = "modules/basics/week-01/prep.md"
PREP_FR = "modules/basics/week-01/prep.fr.md"


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def status(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    """`curriculum status --format json`, by translation path (the missing ones too)."""
    capsys.readouterr()
    assert main(["--config", str(root / "mkdocs.yml"), "status", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    return {f["translation"]: f for f in report["files"]}


CHANGES = {
    # what the English author changes -> the parts the translation is now behind on
    "body": ("Bring two questions on Sunday.", "Bring three questions on Sunday.", ["body"]),
    "title": ("title: What is a program?", "title: What is a computer program?", ["title"]),
    "objective": (
        "  - Explain what a program is.",
        "  - Explain what a program is.\n  - Name three programs you use.",
        ["objectives"],
    ),
    "item title": (
        'title: "MDN: What is JavaScript?"',
        'title: "MDN: What JavaScript is"',
        ["items"],
    ),
    "title and body": ("title: What is a program?\n", "title: Programs\n", ["title"]),
}

NOT_CHANGES = {
    # what a translator has nothing to translate for
    "minutes": ("    minutes: 40", "    minutes: 45"),
    "terms": ("terms: [program, variable]", "terms: [variable, program]"),
    "link": (
        "url: https://developer.mozilla.org/en-US/docs/Web/JavaScript",
        "url: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Guide",
    ),
    "item order": (
        '  - id: what-is-js\n    title: "MDN: What is JavaScript?"\n'
        "    url: https://developer.mozilla.org/en-US/docs/Web/JavaScript\n"
        "    type: read\n    minutes: 40\n",
        "",
    ),
    "trailing spaces": ("Bring two questions on Sunday.", "Bring two questions on Sunday.   \n"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_an_english_change_marks_the_translation_outdated_with_what_changed(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    old, new, parts = CHANGES[change]
    edit(curriculum_root, PREP, old, new)
    found = status(curriculum_root, capsys)[PREP_FR]
    assert found["state"] == "outdated"
    assert found["changed"] == parts
    assert found["source"] == PREP


@pytest.mark.parametrize("change", NOT_CHANGES)
def test_what_a_translator_does_not_translate_leaves_it_up_to_date(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    old, new = NOT_CHANGES[change]
    edit(curriculum_root, PREP, old, new)
    if change == "item order":  # the first item goes last
        edit(curriculum_root, PREP, "terms: [program", old + "terms: [program")
    assert load_curriculum(curriculum_root, LANGUAGES, "en")  # still valid
    assert status(curriculum_root, capsys)[PREP_FR]["state"] == "translated"


def test_status_text_names_outdated_parts_and_shares(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(curriculum_root, PREP, "Bring two questions", "Bring your questions")
    edit(curriculum_root, "modules/basics/module.yml", "title: Coding basics", "title: Basics")
    capsys.readouterr()
    assert main(["--config", str(curriculum_root / "mkdocs.yml"), "status"]) == 0
    out = capsys.readouterr().out
    assert "basics/week-01/prep.md           -    outdated" in out
    assert f"  {PREP_FR}: body" in out
    assert "  modules/basics/module.fr.yml: title" in out
    done, total = translated_pages("fr")
    share = round(100 * (done - 2) / total)
    assert out.splitlines()[-4].split() == [
        "fr", str(done - 2), "2", "0", str(total - done), str(share), "%"
    ]  # fmt: skip


def test_json_status_counts_every_state(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(curriculum_root, "modules/basics/week-02/prep.nl.md", "---\ntitle: Week twee\n---\n")
    edit(curriculum_root, PREP, "Bring two questions", "Bring your questions")
    capsys.readouterr()
    assert (
        main(["--config", str(curriculum_root / "mkdocs.yml"), "status", "--format", "json"]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["source_language"] == "en"
    done, total = translated_pages("fr")
    assert report["languages"]["fr"] == {
        "translated": done - 1,
        "outdated": 1,
        "unstamped": 0,
        "missing": total - done,
        "total": total,
        "percent": round(100 * (done - 1) / total),
    }
    assert report["languages"]["nl"]["unstamped"] == 1
    states = {(f["translation"], f["state"]) for f in report["files"]}
    assert ("modules/basics/week-02/prep.nl.md", "unstamped") in states
    assert ("modules/basics/week-01/coach.fr.md", "missing") in states


def test_an_english_edit_never_blocks_the_build(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lists that no longer match, an item or a term that is gone: the reader gets the English for
    that part, and `curriculum check` passes."""
    write(
        curriculum_root,
        "curriculum/programmes/evening.fr.yml",
        "title: Cours du soir\nclosing:\n  - title: Les ateliers\n",
    )
    stamp_translations(curriculum_root)  # a French programme, up to date
    # Then the English changes.
    edit(
        curriculum_root,
        "curriculum/programmes/evening.yml",
        "    summary: In pairs, for neighbours.\n",
        "    summary: In pairs, for neighbours.\n  - title: A party\n    summary: Everyone.\n",
    )
    edit(curriculum_root, PREP, *CHANGES["objective"][:2])
    edit(curriculum_root, PREP, "id: what-is-js", "id: what-is-javascript")
    edit(curriculum_root, PREP, '"MDN: What is JavaScript?"', '"MDN: JavaScript"')
    edit(
        curriculum_root,
        "modules/basics/glossary.yml",
        "variable:\n  term: variable\n  definition: A name for a value that a program keeps, so "
        "that it can use it later.\n",
        "",
    )
    for week in ("week-01", "week-02"):
        edit(curriculum_root, f"modules/basics/{week}/prep.md", "[program, variable]", "[program]")
    assert main(["--config", str(curriculum_root / "mkdocs.yml"), "check"]) == 0
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")
    week = cur.modules["basics"].weeks[0]
    fr = week.translations["fr"]["prep"].meta
    assert fr.objectives is None  # the English objectives are shown
    assert fr.prep is None  # the renamed item shows its English title
    assert cur.modules["basics"].translated_terms("fr") == {}
    found = status(curriculum_root, capsys)
    assert found[PREP_FR]["changed"] == ["objectives", "items"]
    assert found["modules/basics/glossary.fr.yml"]["changed"] == ["terms"]
    assert found["curriculum/programmes/evening.fr.yml"]["changed"] == ["closing"]


def test_an_up_to_date_translation_with_a_wrong_list_is_still_an_error(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(curriculum_root, PREP_FR, "  - Expliquer ce qu'est un programme.", "  - Un.\n  - Deux.")
    assert main(["--config", str(curriculum_root / "mkdocs.yml"), "check"]) == 1
    assert "2 objectives translated, the English has 1" in capsys.readouterr().err


def test_translated_stamps_a_reviewed_translation(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(curriculum_root, PREP, "Bring two questions", "Bring your questions")
    before = (curriculum_root / PREP_FR).read_text().splitlines()
    assert status(curriculum_root, capsys)[PREP_FR]["state"] == "outdated"
    target = curriculum_root / PREP_FR
    assert main(["--config", str(curriculum_root / "mkdocs.yml"), "translated", str(target)]) == 0
    assert capsys.readouterr().out == f"stamped {PREP_FR}\n"
    after = target.read_text().splitlines()
    # One line changes: the stamp, where it was.
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [1]
    assert after[1].startswith('translated_from: "title ')
    assert status(curriculum_root, capsys)[PREP_FR]["state"] == "translated"
    # A folder stamps what it holds, in one language if asked.
    cfg = ["--config", str(curriculum_root / "mkdocs.yml")]
    assert main([*cfg, "translated", str(curriculum_root / "modules"), "--lang", "fr"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main([*cfg, "translated", str(curriculum_root / "modules"), "--lang", "nl"]) == 2
    assert "no translation at" in capsys.readouterr().err


def test_new_translation_is_stamped_and_refused_until_translated(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = ["--config", str(curriculum_root / "mkdocs.yml")]
    coach = curriculum_root / "modules/basics/week-01/coach.md"
    assert main([*cfg, "new-translation", str(coach), "ar"]) == 0
    created = curriculum_root / "modules/basics/week-01/coach.ar.md"
    assert f"created {created}" in capsys.readouterr().out
    text = created.read_text()
    assert text.startswith('---\ntranslated_from: "title ')
    assert "blocks:\n- Check-in\n- Group work\n- Show and tell\n" in text
    assert main([*cfg, "check"]) == 1
    assert "coach.ar.md" in capsys.readouterr().err
    created.write_text(
        text.replace(
            "TODO: translate every text below into your language, then delete this line.\n", ""
        )
    )
    assert main([*cfg, "check"]) == 0
    assert status(curriculum_root, capsys)["modules/basics/week-01/coach.ar.md"]["state"] == (
        "translated"
    )
    assert main([*cfg, "new-translation", str(curriculum_root / PREP), "fr"]) == 2
    assert "prep.fr.md already exists: edit it instead" in capsys.readouterr().err
    assert main([*cfg, "new-translation", str(curriculum_root / PREP_FR), "uk"]) == 2
    assert "is not an English file of the curriculum" in capsys.readouterr().err
    assert main([*cfg, "new-translation", str(curriculum_root / PREP), "en"]) == 2
    glossary = curriculum_root / "modules/basics/glossary.yml"
    assert main([*cfg, "new-translation", str(glossary), "uk"]) == 0
    drafted = (curriculum_root / "modules/basics/glossary.uk.yml").read_text().splitlines()
    assert drafted[0].startswith('translated_from: "terms ')
    assert drafted[1].startswith("# TODO")


def test_a_translation_without_a_stamp_is_a_warning(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(curriculum_root, "modules/basics/week-01/exercises.nl.md", "---\ntitle: Samen\n---\n")
    assert main(["--config", str(curriculum_root / "mkdocs.yml"), "check"]) == 0
    err = capsys.readouterr().err
    assert "warning: modules/basics/week-01/exercises.nl.md:2:1:" in err
    assert "run `curriculum translated modules/basics/week-01/exercises.nl.md`" in err
    assert (
        main(["--config", str(curriculum_root / "mkdocs.yml"), "check", "--format", "github"]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("::warning file=modules/basics/week-01/exercises.nl.md,line=2,col=1::")


def test_the_english_date_comes_from_git(curriculum_root: Path) -> None:
    from curriculum.history import english_date

    git = ["git", "-C", str(curriculum_root)]
    env = {
        "GIT_AUTHOR_DATE": "2026-12-03T10:00:00Z",
        "GIT_COMMITTER_DATE": "2026-12-03T10:00:00Z",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True, env=env)
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")
    assert english_date(cur, PREP) == "2026-12-03"
    assert english_date(cur, "modules/basics/nothing.md") is None


@pytest.mark.site
def test_the_site_says_a_translation_is_outdated(curriculum_root: Path) -> None:
    """One build: the outdated banner on a French and an Arabic page, the status page in English
    and in Arabic."""
    root = curriculum_root
    write(
        root,
        "modules/basics/week-01/prep.ar.md",
        "---\ntitle: ما البرنامج؟\n---\nركّز على **ما هو البرنامج**.\n",
    )
    stamp_translations(root)
    edit(root, PREP, "Bring two questions", "Bring your questions")
    index = root / "curriculum/pages/index.md"
    index.write_text(index.read_text() + "\nOne more sentence in English.\n")
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    fr = (site / "fr/modules/basics/week-01/index.html").read_text()
    assert "La version anglaise de cette page a changé depuis cette traduction" in fr
    link = '<a href="../../../../modules/basics/week-01/" hreflang="en">'
    assert f"{link}Lire la page en anglais</a>" in fr
    assert "Concentrez-vous sur" in fr  # the translation keeps showing
    ar = (site / "ar/modules/basics/week-01/index.html").read_text()
    assert "تغيّرت النسخة الإنجليزية من هذه الصفحة بعد إعداد هذه الترجمة" in ar
    assert "cur-banner--outdated" not in (site / "modules/basics/week-01/index.html").read_text()
    assert "cur-banner--outdated" not in (site / "nl/modules/basics/week-01/index.html").read_text()
    status_en = (site / "translations/index.html").read_text()
    assert "<h1" in status_en and "Translation status" in status_en
    assert "modules/basics/week-01/prep.fr.md" in status_en
    assert "modules/basics/week-01/prep.ar.md" in status_en
    status_ar = (site / "ar/translations/index.html").read_text()
    assert "حالة الترجمات" in status_ar
    assert 'dir="rtl"' in status_ar
    assert "modules/basics/week-01/prep.ar.md" in status_ar
    assert "modules/basics/week-01/prep.fr.md" not in status_ar  # its own language only
    assert "modules/basics/week-01/coach.md" in status_ar  # missing in Arabic
    home = (site / "nl/index.html").read_text()  # a hand-written page
    assert "De Engelse versie van deze pagina is gewijzigd sinds deze vertaling" in home
    assert '<a href="../" hreflang="en">Lees de Engelse pagina</a>' in home


def test_a_stamped_translation_of_a_page_titled_by_its_heading_is_up_to_date(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A week's own page takes its title from its `# heading`; its translation's front matter
    holds only the stamp, which must survive the title being filled in."""
    notes = "modules/basics/week-01/notes.fr.md"
    write(curriculum_root, notes, "# Notes sur la console\n\nOuvrez-la avec F12.\n")
    config = str(curriculum_root / "mkdocs.yml")
    assert main(["--config", config, "translated", str(curriculum_root / notes)]) == 0
    assert (curriculum_root / notes).read_text(encoding="utf-8").startswith("---\ntranslated_from:")
    capsys.readouterr()
    assert main(["--config", config, "check"]) == 0
    assert "does not say which English" not in capsys.readouterr().err
    assert status(curriculum_root, capsys)[notes]["state"] == "translated"

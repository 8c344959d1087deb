"""Every validation rule: the message, the file and the line a contributor is pointed to."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import (
    COACH_MD,
    LANGUAGES,
    MODULE_YML,
    PREP_MD,
    SELF_EVALUATION_MD,
    WORKSHOP_MD,
    make_curriculum,
    reviewed_sources,
    write,
)
from curriculum.problems import CurriculumError, Problem
from curriculum.read import load_curriculum

MOD = "modules/basics/module.yml"
PREP = "modules/basics/week-01/prep.md"
COACH = "modules/basics/week-01/coach.md"
PROG = "curriculum/programmes/evening.yml"
GLOSSARY = "modules/basics/glossary.yml"
SELF = "modules/basics/self-evaluation.md"
KIT = "modules/basics/workshop.md"


def problems_of(root: Path) -> list[Problem]:
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root, LANGUAGES, "en")
    return info.value.problems


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (id, file, old text, new text, expected file, line, words in the message, words in the hint)
CASES = [
    ("yaml-syntax", MOD, "title: Coding basics", "title: [Coding", MOD, 3, "YAML syntax error", ""),
    (
        "duplicate-key",
        MOD,
        "level: beginner",
        "level: beginner\nlevel: advanced",
        MOD,
        6,
        "duplicate key 'level' (first given on line 5)",
        "keep one",
    ),
    (
        "anchor",
        MOD,
        "authors:\n  - Test author",
        "authors: &a\n  - Test author",
        MOD,
        11,
        "anchor '&a'",
        "write the value out",
    ),
    ("alias", MOD, "prerequisites: []", "prerequisites: *x", MOD, 10, "alias '*x'", ""),
    ("tag", MOD, "hours: 12", "hours: !!int 12", MOD, 6, "YAML tag", "remove the tag"),
    (
        "yes-is-not-bool",
        PREP,
        "optional: true",
        "optional: yes",
        PREP,
        23,
        "expected true or false, got 'yes'",
        "true or false",
    ),
    (
        "octal-is-not-int",
        PREP,
        "minutes: 60",
        "minutes: 060",
        PREP,
        14,
        "expected a whole number, got '060'",
        "without leading zeros",
    ),
    (
        "sexagesimal",
        PREP,
        "minutes: 40",
        "minutes: 0:40",
        PREP,
        10,
        "got '0:40'",
        "e.g. 40 for 0:40",
    ),
    (
        "quoted-number",
        MOD,
        "hours: 12",
        'hours: "12"',
        MOD,
        6,
        "expected a whole number",
        "remove the quotes",
    ),
    (
        "number-as-text",
        MOD,
        "title: Coding basics",
        "title: 2024",
        MOD,
        2,
        "expected text",
        "put the value in quotes",
    ),
    (
        "unknown-key",
        MOD,
        "hours: 12",
        "hours: 12\ntitel: x",
        MOD,
        7,
        "unknown key 'titel'",
        "did you mean 'title'?",
    ),
    (
        "unknown-item-key",
        PREP,
        "type: read\n    minutes: 40",
        "typ: read\n    minutes: 40",
        PREP,
        9,
        "unknown key 'typ'",
        "did you mean 'type'?",
    ),
    (
        "missing-key",
        MOD,
        "summary: Write your first programs in the browser.\n",
        "",
        MOD,
        1,
        "missing required key 'summary'",
        "add `summary:`",
    ),
    ("empty-text", MOD, "title: Coding basics", 'title: ""', MOD, 2, "title", "write some text"),
    (
        "bad-track",
        MOD,
        "track: intro-to-coding",
        "track: intro-to-code",
        MOD,
        4,
        "not an allowed value",
        "did you mean 'intro-to-coding'?",
    ),
    (
        "bad-license",
        MOD,
        "license: CC-BY-SA-4.0",
        "license: CC-BY-SA",
        MOD,
        13,
        "not a licence we accept",
        "",
    ),
    (
        "id-folder",
        MOD,
        "id: basics",
        "id: basic",
        MOD,
        1,
        "id 'basic' does not match the folder name 'basics'",
        "set `id: basics`",
    ),
    (
        "prerequisite-missing",
        MOD,
        "prerequisites: []",
        "prerequisites: [basic]",
        MOD,
        10,
        "prerequisite 'basic' is not a module",
        "did you mean 'basics'?",
    ),
    (
        "prerequisite-self",
        MOD,
        "prerequisites: []",
        "prerequisites: [basics]",
        MOD,
        10,
        "cannot require itself",
        "",
    ),
    ("zero-minutes", PREP, "minutes: 40", "minutes: 0", PREP, 10, "greater than 0", ""),
    ("negative-minutes", PREP, "minutes: 40", "minutes: -5", PREP, 10, "greater than 0", ""),
    (
        "not-http",
        PREP,
        "https://javascript.info/hello-world",
        "javascript:alert(1)",
        PREP,
        12,
        "not an http(s) address",
        "",
    ),
    (
        "ftp",
        PREP,
        "https://javascript.info/hello-world",
        "ftp://example.org/x",
        PREP,
        12,
        "not an http(s) address",
        "",
    ),
    (
        "url-and-page",
        PREP,
        "page: notes.md",
        "page: notes.md\n    url: https://example.org/a",
        PREP,
        15,
        "either `url` or `page`",
        "",
    ),
    (
        "page-missing",
        PREP,
        "page: notes.md",
        "page: note.md",
        PREP,
        16,
        "'note.md' does not exist",
        "create",
    ),
    (
        "page-outside",
        PREP,
        "page: notes.md",
        "page: ../../other/notes.md",
        PREP,
        16,
        "outside the module",
        "",
    ),
    (
        "duplicate-item-id",
        PREP,
        "  - title: Hello, world",
        "  - id: what-is-js\n    title: Hello",
        PREP,
        11,
        "item id 'what-is-js' is used by item 1 too",
        "give one of them",
    ),
    (
        "blocks-sum",
        COACH,
        "minutes: 80",
        "minutes: 70",
        COACH,
        3,
        "blocks add up to 110 minutes but session_minutes is 120",
        "add up",
    ),
    (
        "no-front-matter",
        PREP,
        "---\ntitle: What",
        "title: What",
        PREP,
        1,
        "missing front matter",
        "start the file with a line '---'",
    ),
    (
        "programme-module",
        PROG,
        "  - basics",
        "  - basic",
        PROG,
        5,
        "module 'basic' does not exist",
        "did you mean 'basics'?",
    ),
    ("programme-twice", PROG, "  - basics", "  - basics\n  - basics", PROG, 6, "listed twice", ""),
    (
        "unknown-timezone",
        PROG,
        "start: 2027-02-07",
        "start: 2027-02-07\ntimezone: Europe/Brusels",
        PROG,
        7,
        "unknown time zone 'Europe/Brusels'",
        "IANA name",
    ),
    (
        "start-weekday",
        PROG,
        "start: 2027-02-07",
        "start: 2027-02-08",
        PROG,
        6,
        "2027-02-08 is a monday, and the programme meets on sundays",
        "set `weekday:`",
    ),
    (
        "break-weekday",
        PROG,
        "  - 2027-02-14",
        "  - 2027-02-15",
        PROG,
        9,
        "2027-02-15 is a monday",
        "give a sunday",
    ),
    (
        "breaks-order",
        PROG,
        "  - 2027-02-14",
        "  - 2027-02-21\n  - 2027-02-14",
        PROG,
        10,
        "2027-02-14 comes after 2027-02-21 in the list",
        "date order",
    ),
    (
        "break-before-start",
        PROG,
        "  - 2027-02-14",
        "  - 2027-01-31",
        PROG,
        9,
        "break 2027-01-31 is before the start",
        "",
    ),
    (
        "session-length",
        PROG,
        "start: 2027-02-07",
        "start: 2027-02-07\nsession_minutes: 240",
        PROG,
        7,
        "sessions last 240 minutes, but the coach plan of basics week-01 adds up to 120",
        "modules/basics/week-01/coach.md",
    ),
    (
        "session-time",
        PROG,
        "start: 2027-02-07",
        "start: 2027-02-07\ntime: 25:00",
        PROG,
        7,
        "time",
        "",
    ),
    (
        "programme-id",
        PROG,
        "id: evening",
        "id: morning",
        PROG,
        1,
        "does not match the file name",
        "",
    ),
    (
        "programme-date",
        PROG,
        "start: 2027-02-07",
        "start: 7 February",
        PROG,
        6,
        "expected a date as YYYY-MM-DD",
        "",
    ),
    (
        "tr-objectives",
        "modules/basics/week-01/prep.fr.md",
        "  - Expliquer ce qu'est un programme.",
        "  - Un.\n  - Deux.",
        "modules/basics/week-01/prep.fr.md",
        5,
        "2 objectives translated, the English has 1",
        "same order",
    ),
    (
        "tr-item-id",
        "modules/basics/week-01/prep.fr.md",
        "what-is-js:",
        "what-is-javascript:",
        "modules/basics/week-01/prep.fr.md",
        7,
        "no item with id 'what-is-javascript'",
        "did you mean 'what-is-js'?",
    ),
    (
        "unknown-term",
        PREP,
        "terms: [program, variable]",
        "terms: [program, variabel]",
        PREP,
        24,
        "'variabel' is not in any glossary",
        "did you mean 'variable'?",
    ),
    (
        "glossary-id",
        GLOSSARY,
        "variable:\n",
        "Variable:\n",
        GLOSSARY,
        4,
        "'Variable' is not a valid id",
        "lower-case letters",
    ),
    (
        "glossary-definition",
        GLOSSARY,
        "  definition: A list of instructions that a computer carries out, one by one.\n",
        "",
        GLOSSARY,
        2,
        "missing required key 'definition'",
        "plain sentences",
    ),
    (
        "glossary-translation-id",
        "modules/basics/glossary.fr.yml",
        "variable:",
        "variables:",
        "modules/basics/glossary.fr.yml",
        2,
        "no term 'variables' in glossary.yml",
        "did you mean 'variable'?",
    ),
    (
        "self-evaluation-count",
        SELF,
        "  - can: I can store values in variables.\n    try: Keep your age in a variable and "
        "print it.\n",
        "",
        SELF,
        4,
        "1 checks, but module.yml has 2 objectives",
        "one check per objective",
    ),
    (
        "self-evaluation-try",
        SELF,
        "    try: Print your name in the console.",
        "    trying: Print your name in the console.",
        SELF,
        5,
        "unknown key 'trying'",
        "did you mean 'try'?",
    ),
    (
        "workshop-sum",
        KIT,
        "minutes: 90",
        "minutes: 100",
        KIT,
        5,
        "blocks add up to 90 minutes but minutes is 100",
        "add up",
    ),
    (
        "workshop-participants",
        KIT,
        "participants: 6-12",
        "participants: many",
        KIT,
        4,
        "participants: not in the expected form",
        "a range such as 6-12",
    ),
    (
        "visit-every",
        PROG,
        "company_visit_every: 1",
        "company_visit_every: 0",
        PROG,
        7,
        "greater than or equal to 1",
        "",
    ),
    (
        "programme-break",
        PROG,
        "  - 2027-02-14",
        "  - next week",
        PROG,
        9,
        "expected a date as YYYY-MM-DD",
        "",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule(tmp_path: Path, case: tuple[str, str, str, str, str, int, str, str]) -> None:
    _, rel, old, new, where, line, message, hint = case
    root = make_curriculum(tmp_path)
    replace(root, rel, old, new)
    found = problems_of(root)
    matching = [p for p in found if p.path == where and message in p.message]
    assert matching, "\n".join(p.format() for p in found)
    assert matching[0].line == line, matching[0].format()
    assert hint in matching[0].hint


def test_valid_curriculum_loads(curriculum_root: Path) -> None:
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")
    assert list(cur.modules) == ["basics"]
    assert [w.folder for w in cur.modules["basics"].weeks] == ["week-01", "week-02"]


def test_all_problems_of_a_run_are_reported_sorted(curriculum_root: Path) -> None:
    replace(curriculum_root, MOD, "hours: 12", "hours: twelve\ncolour: blue")
    replace(curriculum_root, PREP, "minutes: 40", "minutes: 0:40")
    replace(curriculum_root, "modules/basics/week-02/coach.md", "minutes: 80", "minutes: 10")
    found = problems_of(curriculum_root)
    assert [(p.path, p.line) for p in found] == sorted((p.path, p.line) for p in found)
    assert {p.path for p in found} == {MOD, PREP, "modules/basics/week-02/coach.md"}
    assert len(found) == 4


def test_week_numbering_without_gaps(curriculum_root: Path) -> None:
    week = curriculum_root / "modules/basics/week-02"
    week.rename(curriculum_root / "modules/basics/week-03")
    found = problems_of(curriculum_root)
    assert any("found week-03 where week-02 was expected" in p.message for p in found)


def test_week_folder_name(curriculum_root: Path) -> None:
    (curriculum_root / "modules/basics/week-02").rename(curriculum_root / "modules/basics/week-2")
    found = problems_of(curriculum_root)
    assert any(
        p.path == "modules/basics/week-2" and "unexpected folder" in p.message for p in found
    )


def test_week_needs_its_three_files(curriculum_root: Path) -> None:
    (curriculum_root / COACH).unlink()
    found = problems_of(curriculum_root)
    assert any(p.path == COACH and "week has no coach.md" in p.message for p in found)


def add_module_requiring_basics(root: Path) -> None:
    """A second module, 'more', with one week, that lists 'basics' as a prerequisite."""
    more = MODULE_YML.replace("id: basics", "id: more").replace("[]", "[basics]")
    write(root, "modules/more/module.yml", more)
    write(root, "modules/more/week-01/prep.md", PREP_MD)
    write(root, "modules/more/week-01/exercises.md", "---\ntitle: X\n---\nDo it.\n")
    write(root, "modules/more/week-01/coach.md", COACH_MD)
    write(root, "modules/more/week-01/notes.md", "# Notes\n")
    write(root, "modules/more/self-evaluation.md", SELF_EVALUATION_MD)
    write(root, "modules/more/workshop.md", WORKSHOP_MD)


def test_prerequisite_cycle(curriculum_root: Path) -> None:
    add_module_requiring_basics(curriculum_root)
    replace(curriculum_root, MOD, "prerequisites: []", "prerequisites: [more]")
    found = problems_of(curriculum_root)
    assert any("prerequisites form a cycle" in p.message for p in found), found


def test_translation_into_a_language_the_site_does_not_build_is_set_aside(
    curriculum_root: Path,
) -> None:
    """A site may build some of the languages its sources are translated into."""
    write(curriculum_root, "modules/basics/week-01/prep.de.md", "---\ntitle: Was\n---\n")
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")
    assert cur.layered is not None and cur.layered.skipped == {"de": 1}
    assert "de" not in cur.modules["basics"].weeks[0].translations


def test_a_file_named_for_no_language_is_a_probable_mistake(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/week-01/prep.qq.md", "---\ntitle: Was\n---\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == "modules/basics/week-01/prep.qq.md"
    assert "'qq' in the file name is not a language code" in problem.message
    assert "en, nl, fr, ar, uk, fa" in problem.hint


def test_source_language_suffix_is_refused(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/module.en.yml", "title: Basics\n")
    [problem] = problems_of(curriculum_root)
    assert "'en' is the source language" in problem.message


def test_programme_order_follows_prerequisites(curriculum_root: Path) -> None:
    add_module_requiring_basics(curriculum_root)
    replace(curriculum_root, PROG, "  - basics", "  - more\n  - basics")
    [problem] = problems_of(curriculum_root)
    assert problem.line == 5
    assert "'more' comes before its prerequisite 'basics'" in problem.message


def test_item_ids_survive_reordering(curriculum_root: Path) -> None:
    before = load_curriculum(curriculum_root, LANGUAGES, "en").modules["basics"].weeks[0]
    prep = curriculum_root / PREP
    text = prep.read_text().replace("terms: [program, variable]\n", "")
    head, items = text.split("prep:\n", 1)
    items, body = items.split("---\n", 1)
    blocks = ["  - " + b for b in items.split("  - ") if b.strip()]
    prep.write_text(head + "prep:\n" + "".join(reversed(blocks)) + "---\n" + body)
    after = load_curriculum(curriculum_root, LANGUAGES, "en").modules["basics"].weeks[0]
    assert sorted(after.item_ids) == sorted(before.item_ids)
    assert after.item_ids == list(reversed(before.item_ids))
    assert before.item_ids == ["what-is-js", "hello-world", "notes", "watch-abc123"]


def test_problem_formats() -> None:
    problem = Problem("modules/a/module.yml", 3, 7, "bad: 50%", "fix it")
    assert problem.format() == "modules/a/module.yml:3:7: bad: 50%\n    hint: fix it"
    assert problem.format_github() == (
        "::error file=modules/a/module.yml,line=3,col=7::bad: 50%25 Hint: fix it"
    )


@pytest.mark.parametrize("marker", ["TODO", "FIXME", "TBD", "Lorem ipsum"])
def test_placeholder_text_is_refused(curriculum_root: Path, marker: str) -> None:
    replace(
        curriculum_root,
        "modules/basics/week-01/exercises.md",
        "Write a program",
        f"{marker} write a program",
    )
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.line, problem.col) == (
        "modules/basics/week-01/exercises.md",
        6,
        1,
    )
    assert problem.message == f"placeholder text '{marker}'"


def test_the_word_todo_in_text_is_not_a_marker(curriculum_root: Path) -> None:
    replace(
        curriculum_root,
        "modules/basics/week-01/exercises.md",
        "Write a program",
        "Build a todo list app: write a program",
    )
    load_curriculum(curriculum_root, LANGUAGES, "en")


def test_local_index_page_would_replace_a_generated_page(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/week-01/index.md", "# Mine\n")
    write(curriculum_root, "modules/basics/index.fr.md", "# Le mien\n")
    found = problems_of(curriculum_root)
    assert [(p.path, p.message) for p in found] == [
        ("modules/basics/index.fr.md", "index.md would replace the generated module overview"),
        ("modules/basics/week-01/index.md", "index.md would replace the generated prep page"),
    ]


def test_hand_written_page_in_a_language_the_site_does_not_build(curriculum_root: Path) -> None:
    write(curriculum_root, "curriculum/pages/index.de.md", "# Start\n")
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")
    assert "curriculum/pages/index.de.md" not in cur.page_files
    write(curriculum_root, "curriculum/pages/index.zz.md", "# Start\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == "curriculum/pages/index.zz.md"


@pytest.mark.parametrize("size", ["4", '"3-5"', '"2-3"'])
def test_group_size_is_a_number_or_a_range(curriculum_root: Path, size: str) -> None:
    replace(
        curriculum_root,
        "modules/basics/week-01/exercises.md",
        "title: Build",
        f"group_size: {size}\ntitle: Build",
    )
    load_curriculum(curriculum_root, LANGUAGES, "en")


def test_group_size_refuses_other_text(curriculum_root: Path) -> None:
    replace(
        curriculum_root,
        "modules/basics/week-01/exercises.md",
        "title: Build",
        "group_size: three\ntitle: Build",
    )
    [problem] = problems_of(curriculum_root)
    assert problem.line == 2 and "group_size" in problem.message


def test_front_matter_not_closed(curriculum_root: Path) -> None:
    (curriculum_root / PREP).write_text("---\ntitle: What\nobjectives: []\n")
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.line, problem.message) == (PREP, 1, "front matter is not closed")


def test_file_that_is_not_utf8(curriculum_root: Path) -> None:
    (curriculum_root / MOD).write_bytes("title: Caf\xe9\n".encode("latin-1"))
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.message) == (MOD, "file is not UTF-8 text")


def test_two_yaml_documents(curriculum_root: Path) -> None:
    with (curriculum_root / MOD).open("a") as out:
        out.write("---\nid: second\n")
    [problem] = problems_of(curriculum_root)
    assert (problem.line, problem.message) == (14, "more than one YAML document")


def test_module_folder_without_module_yml(curriculum_root: Path) -> None:
    (curriculum_root / "modules/empty").mkdir()
    [problem] = problems_of(curriculum_root)
    assert problem.path == "modules/empty/module.yml"
    assert "module folder has no module.yml" in problem.message


def test_module_without_weeks(curriculum_root: Path) -> None:
    import shutil

    for week in ("week-01", "week-02"):
        shutil.rmtree(curriculum_root / "modules/basics" / week)
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.message) == (MOD, "module has no weeks")


def test_translated_module_objectives_must_match(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/module.nl.yml", "objectives:\n  - Een programma.\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == "modules/basics/module.nl.yml"
    assert problem.message == "1 objectives translated, the English has 2"


def test_translated_coach_blocks_must_match(curriculum_root: Path) -> None:
    write(
        curriculum_root,
        "modules/basics/week-01/coach.uk.md",
        "---\nblocks:\n  - Початок\n---\nТекст.\n",
    )
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.line) == ("modules/basics/week-01/coach.uk.md", 3)
    assert problem.message == "1 block titles translated, the English has 3"


def test_translation_of_a_programme_that_does_not_exist(curriculum_root: Path) -> None:
    write(curriculum_root, "curriculum/programmes/morning.fr.yml", "title: Matin\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == "curriculum/programmes/morning.fr.yml"
    assert "does not exist (morning.yml)" in problem.message


def test_translation_with_unknown_key(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/module.ar.yml", "titel: الأساسيات\n")
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.line, problem.hint) == (
        "modules/basics/module.ar.yml",
        1,
        "did you mean 'title'?",
    )


def test_every_module_ends_with_a_self_evaluation(curriculum_root: Path) -> None:
    (curriculum_root / SELF).unlink()
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.message) == (MOD, "module has no self-evaluation.md")
    assert "one check per objective" in problem.hint


def test_digital_welcome_tracks_need_a_workshop_kit(curriculum_root: Path) -> None:
    (curriculum_root / KIT).unlink()
    [problem] = problems_of(curriculum_root)
    assert problem.path == MOD and problem.line == 4  # the `track:` line
    assert "intro-to-coding track need a workshop kit" in problem.message
    replace(curriculum_root, MOD, "track: intro-to-coding", "track: web-development")
    load_curriculum(curriculum_root, LANGUAGES, "en")  # web development has no kit


def test_a_term_is_defined_once_across_modules(curriculum_root: Path) -> None:
    add_module_requiring_basics(curriculum_root)
    write(curriculum_root, "modules/more/glossary.yml", "variable:\n  term: v\n  definition: d\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == "modules/more/glossary.yml" and problem.line == 1
    assert "already defined in modules/basics/glossary.yml" in problem.message


def test_weeks_may_list_terms_of_other_modules(curriculum_root: Path) -> None:
    add_module_requiring_basics(curriculum_root)
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")
    assert cur.modules["more"].weeks[0].prep.meta.terms == ["program", "variable"]


def test_links_must_be_https_on_a_reviewed_host(curriculum_root: Path) -> None:
    write(curriculum_root, "curriculum/reviewed-sources.yml", reviewed_sources(without="youtube"))
    replace(
        curriculum_root,
        "modules/basics/week-01/exercises.md",
        "Write a program",
        "Read http://javascript.info/intro first, not `https://evil.example/x`.\n\n"
        "```js\nfetch('https://api.example/data')\n```\n\nWrite a program",
    )
    found = problems_of(curriculum_root)
    assert [(p.path, p.line, p.message) for p in found] == [
        (
            "modules/basics/week-01/exercises.md",
            6,
            "link 'http://javascript.info/intro' is not https",
        ),
        (PREP, 20, "link to 'www.youtube.com', which is not a reviewed source"),
        (
            "modules/basics/week-02/prep.md",
            20,
            "link to 'www.youtube.com', which is not a reviewed source",
        ),
    ]
    assert "curriculum/reviewed-sources.yml" in found[-1].hint


def test_reviewed_sources_are_hosts(curriculum_root: Path) -> None:
    write(curriculum_root, "curriculum/reviewed-sources.yml", "https://mozilla.org: MDN.\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == "curriculum/reviewed-sources.yml"
    assert "is not a valid id" in problem.message or "expected form" in problem.message


def test_a_session_on_a_listed_holiday_is_a_warning_on_its_line(curriculum_root: Path) -> None:
    """Named holidays are computed (Easter, Nowruz, the Eids...); others are given by date."""
    replace(
        curriculum_root,
        PROG,
        "company_visit_every: 1",
        "company_visit_every: 1\nholidays:\n  - ramadan\n  - nowruz\n"
        "  - date: 2027-02-28\n    name: Carnival",
    )
    cur = load_curriculum(curriculum_root, LANGUAGES, "en")  # warnings do not stop anything
    [warning] = cur.warnings
    assert (warning.path, warning.line) == (PROG, 11)
    assert "the session of 2027-02-28 falls on Carnival" in warning.message
    assert "add 2027-02-28 to `breaks:`" in warning.hint
    # Ramadan 2027 (8 February to 8 March) is a period: its sessions' coach plans carry a note.
    from curriculum.pages.registry import render_all

    pages = {page.path: page.text for page in render_all(cur)}
    assert "falls in Ramadan" in pages["modules/basics/week-02/coach.md"]  # 28 February
    assert "Ramadan" not in pages["modules/basics/week-01/coach.md"]  # 7 February
    assert "pendant le ramadan" in pages["modules/basics/week-02/coach.fr.md"]


def test_named_holidays_are_computed_for_the_year() -> None:
    import datetime as dt

    from curriculum.holidays import named

    def first(name: str, year: int) -> dt.date:
        return named(name, range(year, year + 1))[0].first

    assert first("easter", 2027) == dt.date(2027, 3, 28)
    assert first("orthodox-easter", 2027) == dt.date(2027, 5, 2)
    assert first("nowruz", 2027) == dt.date(2027, 3, 21)
    assert first("eid-al-adha", 2027) == dt.date(2027, 5, 16)
    ramadan = named("ramadan", range(2027, 2028))[0]
    assert (ramadan.first, ramadan.last) == (dt.date(2027, 2, 8), dt.date(2027, 3, 8))
    # Nowruz from the one equinox it needs is the Persian calendar's 1 Farvardin, in years whose
    # equinox falls before noon in Tehran (2024: the 20th) and after it (2025: the 21st).
    from convertdate import persian

    from curriculum.holidays import nowruz

    for year in (2024, 2025, 2027, 2028, 2031, 2033):
        assert nowruz(year) == dt.date(*persian.to_gregorian(year - 621, 1, 1)), year
    assert (nowruz(2024), nowruz(2025)) == (dt.date(2024, 3, 20), dt.date(2025, 3, 21))


def test_check_prints_warnings_and_still_passes(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from curriculum.cli import main

    replace(
        curriculum_root,
        PROG,
        "company_visit_every: 1",
        "company_visit_every: 1\nholidays:\n  - date: 2027-02-07\n    name: Test day",
    )
    assert main(["--config", str(curriculum_root / "mkdocs.yml"), "check"]) == 0
    out = capsys.readouterr()
    assert "warning: curriculum/programmes/evening.yml:9:5: the session of 2027-02-07" in out.err
    assert out.out.startswith("ok:")


@pytest.mark.parametrize("name", ["prep_fr.md", "prep-fr.md", "coach_nl.md"])
def test_a_misnamed_translation_is_a_probable_mistake(curriculum_root: Path, name: str) -> None:
    write(curriculum_root, f"modules/basics/week-01/{name}", "---\ntitle: Quoi\n---\n")
    [problem] = problems_of(curriculum_root)
    assert problem.path == f"modules/basics/week-01/{name}"
    assert "probably a translation of" in problem.message
    stem = name.split("_")[0].split("-")[0]
    assert f"rename it '{stem}.{name[-5:-3]}.md'" in problem.hint


def test_a_page_whose_name_ends_like_a_language_is_still_a_page(curriculum_root: Path) -> None:
    write(curriculum_root, "modules/basics/week-01/map-uk.md", "# A map of the UK\n")
    assert load_curriculum(curriculum_root, LANGUAGES, "en").pages  # no sibling map.md: a page


@pytest.mark.parametrize(
    ("link", "message", "hint"),
    [
        (
            "../week-02/prep.md",
            "on the site a week's prep.md is its index.md",
            "'../week-02/index.md'",
        ),
        (
            "../week-03/index.md",
            "'../week-03/index.md', which is not a page or file",
            "check the path",
        ),
        ("../week-02", "link to the folder '../week-02'", "'../week-02/index.md'"),
        ("notes.md#console", "", ""),  # a local page, with an anchor: fine
        ("../../../glossary/index.md", "", ""),  # a generated page: fine
    ],
)
def test_broken_links_between_pages_are_found_with_their_line(
    curriculum_root: Path, link: str, message: str, hint: str
) -> None:
    replace(
        curriculum_root,
        PREP,
        "Focus on **what a program is**.",
        f"Focus on **what a program is**.\n\nSee [the next week]({link}).",
    )
    if not message:
        load_curriculum(curriculum_root, LANGUAGES, "en")  # no problem
        return
    [problem] = problems_of(curriculum_root)
    assert (problem.path, problem.line) == (PREP, 28)
    assert message in problem.message and hint in problem.hint

"""What a hostile or careless pull request cannot do: each case names its file, line and fix, or
its payload never reaches the site."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import LANGUAGES, PROGRAMME_YML, make_curriculum, mkdocs_build, png, write
from curriculum import sanitise, urls
from curriculum.checks.links import host_problem, links_in
from curriculum.problems import CurriculumError, Problem
from curriculum.read import load_curriculum

MOD = "modules/basics/module.yml"
WEEK = "modules/basics/week-01"
PROG = "curriculum/programmes/evening.yml"
HOSTS = {"developer.mozilla.org": "MDN", "javascript.info": "tutorial"}


def problems_of(root: Path) -> list[Problem]:
    with pytest.raises(CurriculumError) as info:
        load_curriculum(root, LANGUAGES, "en")
    return info.value.problems


def one_problem(root: Path) -> Problem:
    found = problems_of(root)
    assert len(found) == 1, "\n".join(p.format() for p in found)
    return found[0]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_curriculum(tmp_path)


# --- what is published ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "words"),
    [
        ("curriculum/pages/assets/javascripts/curriculum.js", "kind '.js'"),
        ("curriculum/pages/sw.js", "kind '.js'"),
        ("curriculum/pages/evil.html", "kind '.html'"),
        (f"{WEEK}/page.html", "kind '.html'"),
        (f"{WEEK}/drawing.svg", "kind '.svg'"),
        ("curriculum/pages/versions.json", "kind '.json'"),
        ("curriculum/pages/sitemap.xml", "kind '.xml'"),
    ],
)
def test_files_that_could_run_script_are_refused(root: Path, rel: str, words: str) -> None:
    write(root, rel, "<script>alert(1)</script>")
    problem = one_problem(root)
    assert (problem.path, problem.line) == (rel, 1)
    assert words in problem.message
    assert "png" in problem.hint


def test_an_image_that_is_not_one_is_refused(root: Path) -> None:
    write(root, f"{WEEK}/photo.png", "<html><script>alert(1)</script></html>")
    problem = one_problem(root)
    assert problem.path == f"{WEEK}/photo.png"
    assert "not a PNG file" in problem.message


@pytest.mark.parametrize("folder", ["assets/images", "search", "fr", "modules/basics", "offline"])
def test_hand_written_files_cannot_take_the_sites_own_folders(root: Path, folder: str) -> None:
    (root / "curriculum/pages" / folder).mkdir(parents=True, exist_ok=True)
    (root / "curriculum/pages" / folder / "favicon.png").write_bytes(png())
    problem = one_problem(root)
    assert problem.path == f"curriculum/pages/{folder}/favicon.png"
    assert "folder of the site that the build owns" in problem.message


@pytest.mark.parametrize("page", ["glossary.md", "offline.md", "fr.md", "modules/index.md"])
def test_hand_written_pages_cannot_take_the_sites_own_addresses(root: Path, page: str) -> None:
    # `glossary.md` would be published at glossary/, over the generated glossary.
    write(root, f"curriculum/pages/{page}", "# Mine\n")
    problem = one_problem(root)
    assert problem.path == f"curriculum/pages/{page}"
    assert "folder of the site that the build owns" in problem.message


def test_oversized_files_are_refused(root: Path) -> None:
    write(root, f"{WEEK}/notes.md", "# Notes\n\n" + "word " * 60_000)
    (root / f"{WEEK}/photo.png").write_bytes(png() + b"\0" * 3_000_000)
    found = problems_of(root)
    assert [(p.path, p.message.split(",")[0]) for p in found] == [
        (f"{WEEK}/notes.md", "file is 292 KB"),
        (f"{WEEK}/photo.png", "file is 2929 KB"),
    ]


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("café notes.md", "caf-notes.md"),
        ("my notes.md", "my-notes.md"),
        ("c#.md", "c.md"),
        ("<img src=x onerror=alert(1)>.md", "img-src-x-onerror-alert-1.md"),
        ("Notes.FR.md", "notes.fr.md"),
    ],
)
def test_file_names_outside_the_safe_set_are_refused(
    root: Path, name: str, suggestion: str
) -> None:
    write(root, f"{WEEK}/{name}", "# Notes\n")
    problem = one_problem(root)
    assert problem.path == f"{WEEK}/{name}"
    assert "is not allowed" in problem.message
    assert f"rename it '{suggestion}'" in problem.hint


def test_folder_name_hint_is_a_valid_id(root: Path) -> None:
    (root / "modules/basics").rename(root / "modules/Intro-To-Coding")
    (root / PROG).unlink()
    found = problems_of(root)
    assert [(p.path, p.hint.split(":")[0]) for p in found] == [
        ("modules/Intro-To-Coding", "rename it 'intro-to-coding'")
    ]


def test_orphan_translations_are_named(root: Path) -> None:
    write(root, f"{WEEK}/extra.fr.md", "# En plus\n")
    write(root, "curriculum/pages/about.nl.md", "# Over ons\n")
    found = problems_of(root)
    assert [(p.path, p.message) for p in found] == [
        ("curriculum/pages/about.nl.md", "translation of 'about.md', which does not exist"),
        (f"{WEEK}/extra.fr.md", "translation of 'extra.md', which does not exist"),
    ]


# --- symbolic links ------------------------------------------------------------------------------


def test_links_out_of_the_repository_are_refused_and_never_read(root: Path, tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-secret.md"
    secret.write_text("# TOKEN=very-secret\n", encoding="utf-8")
    os.symlink(secret, root / f"{WEEK}/notes.md.tmp")
    (root / f"{WEEK}/notes.md").unlink()
    (root / f"{WEEK}/notes.md.tmp").rename(root / f"{WEEK}/notes.md")
    os.symlink("/proc/self/environ", root / "modules/basics/week-02/environ.png")
    (root / MOD).rename(root / "module-elsewhere.yml")
    outside = tmp_path.parent / f"{tmp_path.name}-module.yml"
    (root / "module-elsewhere.yml").rename(outside)
    os.symlink(outside, root / MOD)
    found = problems_of(root)
    assert [(p.path, p.message) for p in found] == [
        (MOD, f"symbolic link to '{outside}', which is outside the repository"),
        (f"{WEEK}/notes.md", f"symbolic link to '{secret}', which is outside the repository"),
        (
            "modules/basics/week-02/environ.png",
            "symbolic link to '/proc/self/environ', which is outside the repository",
        ),
    ]
    assert all("very-secret" not in p.format() for p in found)


def test_links_out_of_the_repository_in_folders_are_refused(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-pages"
    (root / "curriculum/pages").rename(elsewhere)
    os.symlink(elsewhere, root / "curriculum/pages")
    problem = one_problem(root)
    assert problem.path == "curriculum/pages"
    assert "outside the repository" in problem.message


def test_links_inside_the_repository_are_fine(root: Path) -> None:
    write(root, "shared/notes.md", "# Shared notes\n\nRead them twice.\n")
    (root / f"{WEEK}/notes.md").unlink()
    os.symlink(root / "shared/notes.md", root / f"{WEEK}/notes.md")
    cur = load_curriculum(root, LANGUAGES, "en")
    assert cur.pages[f"{WEEK}/notes.md"].meta.title == "Shared notes"


def test_a_link_back_to_a_folder_of_the_tree_is_walked_once(root: Path) -> None:
    """A folder linked from inside itself (or from below) would be walked forever: the scan walks
    each folder once, told by its device and inode, so the check ends, as it would without it."""
    os.symlink(root / "modules/basics", root / f"{WEEK}/again")
    os.symlink(root / "modules", root / "modules/basics/week-02/all")
    cur = load_curriculum(root, LANGUAGES, "en")
    assets = cur.modules["basics"].assets
    assert not any("/again/" in rel or "/all/" in rel for rel in assets), assets
    assert f"{WEEK}/notes.md" in cur.pages


def test_a_link_that_leads_back_to_itself_is_a_problem_on_its_file(root: Path) -> None:
    os.symlink("loop.md", root / f"{WEEK}/loop.md")  # a pull request may commit one
    os.symlink("twin.md", root / "curriculum/pages/other.md")
    os.symlink("other.md", root / "curriculum/pages/twin.md")
    found = problems_of(root)
    assert [(p.path, p.message) for p in found] == [
        ("curriculum/pages/other.md", "cannot be followed (too many levels of symbolic links)"),
        ("curriculum/pages/twin.md", "cannot be followed (too many levels of symbolic links)"),
        (f"{WEEK}/loop.md", "cannot be followed (too many levels of symbolic links)"),
    ]
    assert all("remove it, or make it a link" in p.hint for p in found)


# --- front matter of pages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("template: ../../etc/passwd", "unknown key 'template'"),
        ("description: <script>alert(1)</script>", "unknown key 'description'"),
        ("subtitle: x", "unknown key 'subtitle'"),
    ],
)
def test_page_front_matter_has_known_keys_only(root: Path, front: str, message: str) -> None:
    write(root, "curriculum/pages/about.md", f"---\ntitle: About\n{front}\n---\n# About\n")
    problem = one_problem(root)
    assert (problem.path, problem.line, problem.message) == (
        "curriculum/pages/about.md",
        3,
        message,
    )


def test_a_page_without_title_or_heading_is_refused(root: Path) -> None:
    write(root, f"{WEEK}/notes.md", "Open the console with F12.\n")
    problem = one_problem(root)
    assert (problem.path, problem.message) == (f"{WEEK}/notes.md", "page has no title")


# --- addresses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("![map](//evil.example/x.png)", "image or media from another site"),
        ("[x](//evil.example/)", "has no scheme"),
        ("[x](https:/\\evil.example/)", "not a reviewed source"),
        ("[x](https:/\\developer.mozilla.org/)", "not a well-formed web address"),
        ("[x](HTTPS://evil.example/)", "not a reviewed source"),
        ("[x](HTTPS://developer.mozilla.org/)", "not a well-formed web address"),
        ("[x](https:evil.example)", "not a reviewed source"),
        ("[x](ht&#116;ps://evil.example/)", "not a reviewed source"),
        ("[x](https://evil.example\\\\.developer.mozilla.org/)", "'evil.example', which is not"),
        ('<img src="https://developer.mozilla.org/logo.png">', "image or media from another site"),
        ('<a href="javascript:alert(1)">x</a>', "uses 'javascript:'"),
        ("[x](data:text/html,<script>alert(1)</script>)", "uses 'data:'"),
        ("[x]: vbscript:msgbox(1)", "uses 'vbscript:'"),
        ("<https://evil.example/>", "not a reviewed source"),
        ("See HTTPS://evil.example/page for more.", "not a reviewed source"),
    ],
)
def test_addresses_are_read_as_a_browser_reads_them(written: str, words: str) -> None:
    [link] = list(links_in(f"Intro.\n\n{written}\n"))
    assert link.line == 2
    found = host_problem(link.raw, HOSTS, fetched=link.fetched)
    assert found is not None and words in found[0], found


@pytest.mark.parametrize(
    "written",
    [
        "[MDN](https://developer.mozilla.org/en-US/docs/Web)",
        "[notes](notes.md)",
        "[top](#top)",
        "[mail](mailto:team@example.org)",
        "![diagram](diagram.png)",
        "`https://evil.example/` in code is text",
    ],
)
def test_good_addresses_pass(written: str) -> None:
    for link in links_in(written):
        assert host_problem(link.raw, HOSTS, fetched=link.fetched) is None


def test_address_problems_name_file_line_and_column(root: Path) -> None:
    write(
        root, f"{WEEK}/exercises.md", "---\ntitle: E\n---\nIntro.\n\nSee [it](//evil.example/).\n"
    )
    problem = one_problem(root)
    assert (problem.path, problem.line, problem.col) == (f"{WEEK}/exercises.md", 6, 10)


def test_prep_item_addresses_are_read_as_a_browser_reads_them(root: Path) -> None:
    write(
        root, "curriculum/reviewed-sources.yml", "developer.mozilla.org: MDN\njavascript.info: js\n"
    )
    prep = root / f"{WEEK}/prep.md"
    prep.write_text(
        prep.read_text().replace(
            "https://javascript.info/hello-world",
            "https://evil.example\\\\.javascript.info/hello-world",
        )
    )
    found = [p for p in problems_of(root) if p.path == f"{WEEK}/prep.md"]
    assert [(p.line, p.message) for p in found] == [
        (12, "link to 'evil.example', which is not a reviewed source"),
        (20, "link to 'www.youtube.com', which is not a reviewed source"),
    ]


@pytest.mark.parametrize(
    ("raw", "kind", "host"),
    [
        ("//evil.example/x", "network", "evil.example"),
        ("\\\\evil.example/x", "network", "evil.example"),
        ("https:/\\evil.example", "web", "evil.example"),
        ("https://evil.example\\.mozilla.org/", "web", "evil.example"),
        ("https://user@evil.example/", "web", "evil.example"),
        ("HTTPS://Evil.Example/", "web", "evil.example"),
        (" java\tscript:alert(1)", "other", ""),
        ("https://developer.mozilla.org/en-US/", "web", "developer.mozilla.org"),
        ("../week-02/", "relative", ""),
    ],
)
def test_address_parsing(raw: str, kind: str, host: str) -> None:
    address = urls.parse(raw)
    assert (address.kind, address.host) == (kind, host)


# --- the sanitiser -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ('<p id="__config">{"base": "x"}</p>', '<p>{"base": "x"}</p>'),
        ('<p id="document$">x</p>', "<p>x</p>"),
        ('<input id="__search" type="checkbox">', '<input type="checkbox">'),
        ('<label for="__drawer">menu</label>', "<label>menu</label>"),
        ('<a href="//evil.example/">x</a>', "<a>x</a>"),
        ('<a href="https:/\\evil.example">x</a>', "<a>x</a>"),
        ('<a href="https://evil.example/">x</a>', "<a>x</a>"),
        ('<img src="https://developer.mozilla.org/x.png" alt="x">', '<img alt="x">'),
        ('<h2 id="_1">kept</h2>', '<h2 id="_1">kept</h2>'),
        (
            '<input id="__tabbed_1_1" name="__tabbed_1" type="radio">',
            '<input id="__tabbed_1_1" name="__tabbed_1" type="radio">',
        ),
        (
            '<a href="https://developer.mozilla.org/en-US/">MDN</a>',
            '<a href="https://developer.mozilla.org/en-US/">MDN</a>',
        ),
    ],
)
def test_sanitiser_drops_clobbering_names_and_foreign_addresses(html: str, kept: str) -> None:
    assert sanitise.clean(html, frozenset(HOSTS)) == kept


# --- inputs that used to crash or hang -----------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "text", "line", "words"),
    [
        (MOD, "title: Coding\x07 basics\n", 1, "control character U+0007"),
        (MOD, "\ufefftitle: x\n", 1, "missing required key 'id'"),  # accepted, then checked
        (MOD, "id: basics\ntitle:\n\t- a\n", 3, "tab in the indentation"),
        (MOD, "a: " + "[" * 10_000 + "]" * 10_000 + "\n", 1, "nested more than 32 deep"),
        (MOD, "a: " + "{b: " * 3000 + "}" * 3000 + "\n", 1, "nested more than 32 deep"),
        (MOD, "id: basics\nhours: " + "9" * 100_000 + "\n", 2, "a number of 100000 characters"),
        (MOD, "a:\n" + "  - x\n" * 60_000, 2, "limit of 128 KB"),
    ],
)
def test_hostile_yaml_is_a_problem_not_a_crash(
    root: Path, rel: str, text: str, line: int, words: str
) -> None:
    (root / rel).write_text(text, encoding="utf-8")
    found = problems_of(root)
    mine = [p for p in found if p.path == rel and words in p.format()]
    assert mine, "\n".join(p.format() for p in found)
    assert mine[0].line in (line, 1)


def test_windows_line_endings_and_byte_order_marks_are_accepted(root: Path) -> None:
    path = root / f"{WEEK}/coach.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    cur = load_curriculum(root, LANGUAGES, "en")
    assert cur.modules["basics"].weeks[0].coach.meta.session_minutes == 120


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u202e", "bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u2066", "bidirectional control character U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\u200b", "invisible character U+200B (ZERO WIDTH SPACE)"),
        ("\x7f", "control character U+007F"),
        ("\u2028", "invisible character U+2028 (LINE SEPARATOR)"),
    ],
)
def test_invisible_and_bidirectional_characters_are_refused(
    root: Path, char: str, name: str
) -> None:
    path = root / MOD
    path.write_text(path.read_text().replace("Coding basics", f"Coding{char} basics"))
    problem = one_problem(root)
    assert (problem.path, problem.line, problem.col) == (MOD, 2, 14)
    assert problem.message == name


def test_persian_joiners_are_accepted(root: Path) -> None:
    write(root, "modules/basics/module.fa.yml", "title: مبانی برنامه‌نویسی\n")
    load_curriculum(root, LANGUAGES, "en")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("[" * 12_000, "'[' brackets nested more than 16 deep"),
        ("<div markdown>\n" * 600, "HTML blocks nested more than 16 deep"),
        ("".join(f"{'  ' * n}- item\n" for n in range(100)), "lists nested more than 16"),
        ("> " * 50 + "deep\n", "quotes nested more than 16 deep"),
    ],
)
def test_markdown_nested_too_deep_is_refused(root: Path, body: str, words: str) -> None:
    write(root, f"{WEEK}/exercises.md", f"---\ntitle: E\n---\n{body}\n")
    problem = one_problem(root)
    assert problem.path == f"{WEEK}/exercises.md"
    assert words in problem.message


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("notes\\u0000.md", "not in the expected form"),
        ("n" * 5000 + ".md", "at most 200 characters"),
    ],
)
def test_odd_page_paths_are_problems(root: Path, page: str, words: str) -> None:
    prep = root / f"{WEEK}/prep.md"
    prep.write_text(prep.read_text().replace("page: notes.md", f'page: "{page}"'))
    problem = one_problem(root)
    assert (problem.path, problem.line) == (f"{WEEK}/prep.md", 16)
    assert words in problem.format()


def test_programme_dates_far_away_are_refused(root: Path) -> None:
    write(root, PROG, PROGRAMME_YML.replace("start: 2027-02-07", "start: 9999-12-26"))
    problem = one_problem(root)
    assert (problem.path, problem.line) == (PROG, 6)
    assert "2100-12-31" in problem.message


def test_a_folder_named_like_a_programme(root: Path) -> None:
    (root / "curriculum/programmes/autumn.yml").mkdir()
    problem = one_problem(root)
    assert problem.path == "curriculum/programmes/autumn.yml"


def test_programme_translation_with_fewer_closing_sessions(root: Path) -> None:
    write(root, "curriculum/programmes/evening.fr.yml", "title: Cours du soir\nclosing: []\n")
    problem = one_problem(root)
    assert (problem.path, problem.line) == ("curriculum/programmes/evening.fr.yml", 2)
    assert problem.message == "0 closing sessions translated, the English has 1"


def test_a_broken_glossary_gives_one_problem_not_one_per_week(root: Path) -> None:
    path = root / "modules/basics/glossary.yml"
    path.write_text(path.read_text().replace("program:", "program: [", 1))
    found = problems_of(root)
    assert [p.path for p in found] == ["modules/basics/glossary.yml"]


# --- in a real build -----------------------------------------------------------------------------


@pytest.mark.site
def test_a_page_that_renders_for_ever_stops_the_build_naming_it(root: Path) -> None:
    """Python-Markdown spends minutes on thousands of unclosed tags; the build stops at the page's
    time limit (1 s here, 10 s by default) instead, and names the page."""
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  curriculum:\n", "  curriculum:\n    page_seconds: 1\n")
    )
    body = "\n\n".join(["<a " * 100] * 300)
    write(root, f"{WEEK}/exercises.md", f"---\ntitle: E\n---\n{body}\n")
    started = time.monotonic()
    result = mkdocs_build(root, "--strict")
    assert result.returncode != 0
    assert time.monotonic() - started < 60
    assert f"The page '{WEEK}/exercises.md' took more than 1 s to render" in result.stderr
    assert "Traceback" not in result.stderr


def test_files_are_named_from_the_site_folder(tmp_path: Path) -> None:
    from curriculum.sources import Roots

    partner = tmp_path / "partner"
    upstream = partner / "upstream"  # a git submodule in the partner's repository
    roots = Roots.of(upstream, partner)
    assert roots.relative(partner / "modules/x/module.yml") == "modules/x/module.yml"
    assert roots.relative(upstream / "modules/y/module.yml") == "upstream/modules/y/module.yml"
    assert not roots.inside(tmp_path / "elsewhere.md")


def test_reading_a_file_never_leads_outside_nor_waits(tmp_path: Path) -> None:
    """The guard at the moment of reading, whatever the scan saw before: a link in the file's own
    name or in a folder's leading outside, a named pipe in a file's place (read, it would wait for
    ever), a folder and a file over the size limit are refused; links inside the root are
    followed. No file descriptor is left open."""
    from curriculum import safefile
    from curriculum.safefile import Refused, read_bytes

    root = tmp_path / "site"
    (root / "modules/basics").mkdir(parents=True)
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret/key.md").write_text("secret")
    page = root / "modules/basics/page.md"
    page.write_text("hello")
    os.symlink(page, root / "modules/basics/inside.md")
    os.symlink(tmp_path / "secret/key.md", root / "modules/basics/outside.md")
    os.symlink(tmp_path / "secret", root / "modules/linked")
    os.mkfifo(root / "modules/basics/pipe.md")
    (root / "modules/basics/big.md").write_bytes(b"x" * (safefile.MAX_TEXT_BYTES + 1))
    open_before = len(os.listdir("/proc/self/fd"))
    assert read_bytes(root, page) == b"hello"
    assert read_bytes(root, root / "modules/basics/inside.md") == b"hello"
    for refused in ("basics/outside.md", "linked/key.md", "basics/pipe.md", "basics/big.md"):
        with pytest.raises(Refused):
            read_bytes(root, root / "modules" / refused)
    # A folder is not a file; a folder that becomes a link between two reads is followed anew.
    with pytest.raises(Refused):
        read_bytes(root, root / "modules/basics")
    shutil.rmtree(root / "modules/basics")
    os.symlink(tmp_path / "secret", root / "modules/basics")
    with pytest.raises(Refused):
        read_bytes(root, root / "modules/basics/key.md")
    assert len(os.listdir("/proc/self/fd")) == open_before

"""A partner school's site (examples/partner-school/): built from its own files over ours."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from curriculum.cli import main
from curriculum.read import load_curriculum
from curriculum.settings import load as load_settings

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "partner-school"


def partner_copy(tmp_path: Path) -> tuple[Path, Path]:
    """Our curriculum as `upstream` (a submodule in real life) inside a copy of the example."""
    partner = tmp_path / "partner"
    shutil.copytree(EXAMPLE, partner, ignore=shutil.ignore_patterns("site", ".site.*"))
    upstream = partner / "upstream"
    upstream.mkdir()
    for name in ("modules", "curriculum"):
        shutil.copytree(REPO / name, upstream / name, ignore=shutil.ignore_patterns("[!.]*.md.tmp"))
    # The build folder as a clone has it: a working tree's holds the last build's pages.
    (upstream / "site-src").mkdir()
    shutil.copy(REPO / "site-src" / ".gitignore", upstream / "site-src")
    shutil.copy(REPO / "mkdocs.yml", upstream / "mkdocs.yml")
    config = partner / "mkdocs.yml"
    config.write_text(
        config.read_text()
        .replace("INHERIT: ../../mkdocs.yml", "INHERIT: upstream/mkdocs.yml")
        .replace("upstream: ../..", "upstream: upstream")
    )
    return partner, upstream


@pytest.fixture(scope="module")
def partner_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    partner, _ = partner_copy(tmp_path_factory.mktemp("partner"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=partner,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "set aside, into languages this site does not build (ar, fa, uk)" in result.stderr
    return partner / "site"


def test_the_partner_site_holds_its_modules_in_its_order(partner_site: Path) -> None:
    home = (partner_site / "index.html").read_text()
    order = [
        "intro-to-coding",
        "git-and-command-line",
        "html-and-css",
        "client-audits",  # the school's own module
        "javascript",
        "dom",
        "async-and-apis",
        "nodejs",
        "databases",
        "final-project",
    ]
    positions = [home.index(f'href="modules/{m}/"') for m in order]
    assert positions == sorted(positions)
    built = sorted(p.name for p in (partner_site / "modules").iterdir() if p.is_dir())
    assert built == sorted(order)  # no soft skills, storytelling or journalism
    assert (
        "Accessibility audits for clients"
        in (partner_site / "modules/client-audits/index.html").read_text()
    )


def test_the_partner_site_has_its_name_logo_colour_and_languages(partner_site: Path) -> None:
    home = (partner_site / "index.html").read_text()
    assert "<title>Kanaal Code School - Kanaal Code School</title>" in home
    assert 'data-md-color-primary="teal"' in home
    assert (partner_site / "assets/images/logo.png").is_file() and "logo.png" in home
    assert "Kanaal Codeschool" in (partner_site / "nl/index.html").read_text()
    assert "École de code Kanaal" in (partner_site / "fr/index.html").read_text()
    languages = {p.name for p in partner_site.iterdir() if p.is_dir() and len(p.name) == 2}
    assert languages == {"fr", "nl"}
    # the template block it overrides: its contact above every page
    assert "hello@kanaal-code.example" in (partner_site / "modules/dom/index.html").read_text()


def test_the_partner_site_replaces_a_page_and_a_string(partner_site: Path) -> None:
    home = (partner_site / "index.html").read_text()
    assert "Learn web development in Ghent" in home
    assert "A free, open curriculum for coding schools" not in home
    assert (
        "Our training" in home and "Onze opleiding" in (partner_site / "nl/index.html").read_text()
    )


def test_the_programme_meets_on_saturdays_and_ends_with_an_internship(partner_site: Path) -> None:
    page = (partner_site / "programmes/full-stack/index.html").read_text()
    assert "group sessions (Saturday)" in page
    assert "Internship</a></strong> (12 weeks)" in page
    french = (partner_site / "fr/programmes/full-stack/index.html").read_text()
    assert (
        "séances de groupe (samedi)" in french and "Stage</a></strong> (12&nbsp;semaines)" in french
    )
    prep = (partner_site / "modules/javascript/week-01/index.html").read_text()
    assert "Before the group session" in prep and "Before Sunday" not in prep
    assert (partner_site / "internship/index.html").is_file()


def test_the_partner_replaces_the_coaches_orientation_in_its_languages(partner_site: Path) -> None:
    """Our orientation speaks of Sundays; a Saturday school gives its own, and none of ours is left
    in any of its languages."""
    for lang, text in (
        ("", "A Saturday in short"),
        ("fr/", "Un samedi en bref"),
        ("nl/", "Een zaterdag in het kort"),
    ):
        page = (partner_site / f"{lang}coaches/index.html").read_text()
        assert text in page
        assert "A Sunday in short" not in page


def test_an_upstream_change_reaches_the_partner_without_a_partner_edit(tmp_path: Path) -> None:
    partner, upstream = partner_copy(tmp_path)
    module = upstream / "modules/html-and-css/module.yml"
    module.write_text(module.read_text().replace("title: HTML", "title: Updated HTML", 1))
    settings = load_settings(partner / "mkdocs.yml")
    cur = load_curriculum(partner, settings=settings)
    assert cur.modules["html-and-css"].meta.title.startswith("Updated ")
    assert list(cur.modules)[:3] == ["intro-to-coding", "git-and-command-line", "html-and-css"]


def check(partner: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--config", str(partner / "mkdocs.yml"), "check"])
    out = capsys.readouterr()
    assert code == 1, out.out
    return out.err


def test_check_passes_in_the_partner_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, _ = partner_copy(tmp_path)
    assert main(["--config", str(partner / "mkdocs.yml"), "check"]) == 0
    out = capsys.readouterr().out
    assert "ok: 10 modules" in out and "3 languages" in out and "set aside" in out


def test_a_module_renamed_upstream_is_an_error_in_the_partner_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, upstream = partner_copy(tmp_path)
    config = partner / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "    programmes:\n",
            "    modules:\n      - html-and-css\n      - client-audits\n    programmes:\n",
            1,
        )
    )
    shutil.move(upstream / "modules/html-and-css", upstream / "modules/web-pages")
    err = check(partner, capsys)
    assert "mkdocs.yml:" in err and "there is no module 'html-and-css'" in err


def test_a_string_removed_upstream_is_an_error_in_the_partner_catalog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, _ = partner_copy(tmp_path)
    (partner / "curriculum/catalog/en.yml").write_text("nav_programs: Our training\n")
    err = check(partner, capsys)
    assert "curriculum/catalog/en.yml:1:1: interface string 'nav_programs' does not exist" in err
    assert "did you mean 'nav_programmes'?" in err


def test_a_replaced_page_that_moved_upstream_is_an_error_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, _ = partner_copy(tmp_path)
    config = partner / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "      - curriculum/pages/index.md\n",
            "      - curriculum/pages/index.md\n      - curriculum/pages/guide/translate.md\n",
        )
    )
    err = check(partner, capsys)
    assert "'curriculum/pages/guide/translate.md' is not in the upstream curriculum" in err
    assert "replace 'curriculum/pages/guide/translating.md' instead" in err


def test_an_accidental_clash_names_both_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, _ = partner_copy(tmp_path)
    guide = partner / "curriculum/pages/guide"
    guide.mkdir()
    (guide / "translating.md").write_text("# How we translate\n")
    err = check(partner, capsys)
    assert (
        "curriculum/pages/guide/translating.md:1:1: has the same path as "
        "upstream/curriculum/pages/guide/translating.md" in err
    )
    assert "add `curriculum/pages/guide/translating.md` to `replace:`" in err


def test_a_module_of_upstream_in_the_partner_folder_is_a_clash_unless_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, upstream = partner_copy(tmp_path)
    shutil.copytree(upstream / "modules/dom", partner / "modules/dom")
    meta = partner / "modules/dom/module.yml"
    meta.write_text(meta.read_text().replace('title: "The DOM', 'title: "Our DOM', 1))
    err = check(partner, capsys)
    assert "modules/dom/module.yml:1:1: has the same path as upstream/modules/dom/module.yml" in err
    assert "add `modules/dom` to `replace:`" in err

    config = partner / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("    replace:\n", "    replace:\n      - modules/dom\n", 1)
    )
    assert main(["--config", str(config), "check"]) == 0, capsys.readouterr().err
    cur = load_curriculum(partner, settings=load_settings(config))
    assert cur.modules["dom"].meta.title == "Our DOM: pages that react"
    assert (
        cur.modules["javascript"].meta.title
        == load_curriculum(upstream, settings=load_settings(upstream / "mkdocs.yml"))
        .modules["javascript"]
        .meta.title
    )


def test_two_pages_at_one_address_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # MkDocs publishes `guide.md` and `guide/index.md` both at guide/: one would vanish.
    partner, _ = partner_copy(tmp_path)
    (partner / "curriculum/pages/coaches.md").write_text("# Our coaches\n")
    err = check(partner, capsys)
    assert (
        "curriculum/pages/coaches/index.md:1:1: would be published at the same address "
        "(coaches/) as curriculum/pages/coaches.md" in err
    )
    assert "rename or move one of the two pages" in err


def test_a_partner_module_may_have_a_track_of_its_own(partner_site: Path) -> None:
    modules = (partner_site / "modules/index.html").read_text()
    assert "Projects for clients" in modules and "Accessibility audits for clients" in modules
    assert "Projets pour des clients" in (partner_site / "fr/modules/index.html").read_text()


def test_an_unnamed_track_is_refused_with_the_way_to_name_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, _ = partner_copy(tmp_path)
    (partner / "curriculum/catalog/en.yml").write_text("nav_programmes: Our training\n")
    err = check(partner, capsys)
    assert "modules/client-audits/module.yml:4:" in err
    assert "track 'client-projects' is not an allowed value" in err
    assert "`track_client-projects: Its name`" in err


def test_new_module_and_status_work_in_the_partner_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partner, _ = partner_copy(tmp_path)
    config = ["--config", str(partner / "mkdocs.yml")]
    assert main([*config, "new-module", "html-and-css", "--track", "web-development"]) == 2
    assert "upstream/modules/html-and-css already exists upstream" in capsys.readouterr().err
    assert main([*config, "new-module", "pitching", "--track", "client-projects"]) == 0
    assert "created modules/pitching/module.yml" in capsys.readouterr().out
    assert (partner / "modules/pitching/week-01/prep.md").is_file()
    shutil.rmtree(partner / "modules/pitching")
    assert main([*config, "status"]) == 0
    status = capsys.readouterr().out.splitlines()
    assert status[0].split() == ["file", "fr", "nl"]
    assert any(line.startswith("client-audits/week-01/prep.md") for line in status)


def test_a_language_we_do_not_ship_comes_with_its_catalog(tmp_path: Path) -> None:
    """A Digital Welcome partner in Germany adds German: its interface strings, nothing else."""
    from curriculum.pages.registry import render_all

    partner, _ = partner_copy(tmp_path)
    config = partner / "mkdocs.yml"
    text = config.read_text()
    start = text.index("      - locale: fr")
    config.write_text(
        text[:start] + "      - locale: de\n        name: Deutsch\n        build: true\n"
    )
    (partner / "curriculum/catalog/de.yml").write_text(
        "prep_heading_session: Vor der Gruppensitzung\ntrack_client-projects: Projekte für Kunden\n"
    )
    for lang in ("fr", "nl"):
        (partner / f"curriculum/catalog/{lang}.yml").unlink()
        for page in (partner / "curriculum").rglob(f"*.{lang}.*"):
            page.unlink()
    settings = load_settings(config)
    assert settings.languages == ("en", "de")
    cur = load_curriculum(partner, settings=settings)
    pages = {page.path: page.text for page in render_all(cur)}
    assert "Vor der Gruppensitzung" in pages["modules/javascript/week-01/index.de.md"]
    assert "Projekte für Kunden" in pages["modules/index.de.md"]


def test_edit_links_lead_to_the_repository_each_file_lives_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curriculum.editing import edit_url

    partner, _ = partner_copy(tmp_path)
    monkeypatch.setenv("EDIT_BASE", "https://github.com/open/curriculum/edit/main/")  # upstream's
    config = partner / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "    upstream: upstream\n",
            "    upstream: upstream\n    edit_base: https://github.com/kanaal/site/edit/main/\n",
        )
    )
    cur = load_curriculum(partner, settings=load_settings(config))
    own = edit_url(cur, "modules/client-audits/week-01/index.md", "en")
    assert own == "https://github.com/kanaal/site/edit/main/modules/client-audits/week-01/prep.md"
    ours = edit_url(cur, "modules/javascript/week-01/index.fr.md", "fr")
    assert (
        ours == "https://github.com/open/curriculum/edit/main/modules/javascript/week-01/prep.fr.md"
    )
    home = edit_url(cur, "index.nl.md", "nl")
    assert home == "https://github.com/kanaal/site/edit/main/curriculum/pages/index.nl.md"

"""A real `mkdocs build --strict` of a small curriculum, read from its HTML in six languages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin

import pytest

from conftest import EDIT_BASE, LANGUAGES, make_curriculum, png, write
from curriculum import session
from curriculum.i18n import catalog
from curriculum.settings import Settings

# Every generated page, by its URL below a language's root.
GENERATED = [
    "modules/",
    "programmes/",
    "programmes/evening/",
    "programmes/evening/skills-record/",
    "modules/basics/",
    "modules/basics/self-evaluation/",
    "modules/basics/workshop/",
    "glossary/",
    *(f"modules/basics/week-0{n}/{page}" for n in (1, 2) for page in ("", "exercises/", "coach/")),
]
RTL = {"ar", "fa"}


def page(site: Path, lang: str, url: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / prefix / url / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's content, with character references decoded as a reader sees them."""
    text = unescape(html[html.index("<article") : html.index("</article>")])
    return text.replace("\u202f", " ").replace("\xa0", " ")  # Babel's (narrow) no-break spaces


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_generated_page_exists_with_lang_and_dir(built_site: Path, lang: str) -> None:
    for url in GENERATED:
        html = page(built_site, lang, url)
        assert f'<html lang="{lang}"' in html, url
        direction = "rtl" if lang in RTL else "ltr"
        assert f'<body dir="{direction}"' in html, url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_leads_to_the_same_page(built_site: Path, lang: str) -> None:
    for url in GENERATED:
        here = f"/{'' if lang == 'en' else lang + '/'}{url}"
        html = page(built_site, lang, url)
        targets = dict(
            (hreflang, href)
            for href, hreflang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', html)
        )
        assert sorted(targets) == sorted(LANGUAGES), url
        for other, href in targets.items():
            resolved = urljoin(here, href)
            expected = f"/{'' if other == 'en' else other + '/'}{url}"
            assert resolved == expected, (url, other, href)


def test_translated_week_is_in_french_without_banner(built_site: Path) -> None:
    html = article(page(built_site, "fr", "modules/basics/week-01/"))
    assert "Qu'est-ce qu'un programme ?" in html
    assert "Avant dimanche" in html
    assert "Concentrez-vous sur <strong>ce qu'est un programme</strong>" in html
    assert "cur-banner" not in html
    # An item title that the translation left out is still shown, marked as English.
    assert '<span lang="en" dir="ltr">Hello, world</span>' in html
    assert "Les bases du code" in html  # module title from module.fr.yml


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_untranslated_pages_have_banner_and_english_marked(built_site: Path, lang: str) -> None:
    for url in (
        "modules/basics/week-02/",
        "modules/basics/week-02/coach/",
        "modules/basics/week-01/exercises/",
    ):
        html = article(page(built_site, lang, url))
        banner = re.search(r'<div class="cur-banner" role="note">(.*?)</div>', html, re.S)
        assert banner, (lang, url)
        assert "guide/translating/" in banner.group(1)
        assert "English text" not in banner.group(1)  # in the reader's language
        assert re.search(
            r'<div class="cur-fallback" (dir="ltr" lang="en"|lang="en" dir="ltr")>', html
        ), (lang, url)


def test_english_pages_have_no_banner(built_site: Path) -> None:
    for url in GENERATED:
        assert "cur-banner" not in page(built_site, "en", url)


def test_prep_page_checklist_and_total(built_site: Path) -> None:
    html = article(page(built_site, "en", "modules/basics/week-01/"))
    items = re.findall(r'data-cur-item="([^"]+)" data-cur-minutes="(\d+)"', html)
    assert items == [
        ("basics/week-01/what-is-js", "40"),
        ("basics/week-01/hello-world", "60"),
        ("basics/week-01/notes", "20"),
        ("basics/week-01/watch-abc123", "15"),
    ]
    assert len(re.findall(r'<input type="checkbox" id="tick-[a-z0-9-]+"', html)) == 4
    assert 'for="tick-what-is-js"' in html
    assert "Time needed: about 2 hr." in html
    assert "Optional extras: 15 min more." in html
    assert '<a href="notes/">' in html  # a local page of the week


def test_durations_and_dates_are_localised(built_site: Path) -> None:
    assert "environ 2 h." in article(page(built_site, "fr", "modules/basics/week-01/"))
    assert "2 год" in article(page(built_site, "uk", "modules/basics/week-01/"))
    assert "7 février 2027" in article(page(built_site, "fr", "programmes/evening/"))
    assert "February 7, 2027" in article(page(built_site, "en", "programmes/evening/"))
    coach = article(page(built_site, "en", "modules/basics/week-01/coach/"))
    # the session starts at the programme's time (10:00 by default): clock times of the day
    assert re.search(r"<td>10:20–11:40</td>\s*<td>Group work</td>\s*<td>80 min</td>", coach)


@pytest.mark.parametrize(
    ("lang", "when"),
    [
        ("en", "Sunday, February 7, 2027, 10:00"),
        ("fr", "dimanche 7 février 2027, 10:00"),
        ("ar", "الأحد، 7 فبراير 2027، 10:00"),
        ("fa", "یکشنبه 7 فوریهٔ 2027، 10:00"),
    ],
)
def test_week_pages_say_when_each_programme_teaches_them(
    built_site: Path, lang: str, when: str
) -> None:
    for kind in ("", "exercises/", "coach/"):
        html = article(page(built_site, lang, f"modules/basics/week-01/{kind}"))
        assert re.search(r'<p class="cur-when">.*Evening course.*' + when + "</p>", html), kind
    # week 2 comes after the company visit and the break of 14 February
    html = article(page(built_site, "en", "modules/basics/week-02/"))
    assert "Sunday, February 28, 2027, 10:00" in html


def test_module_overview_and_programme(built_site: Path) -> None:
    html = article(page(built_site, "en", "modules/basics/"))
    assert "Introduction to coding · Beginner · 12 hours" in html
    assert '<a href="week-01/">Week 1</a>' in html
    assert '<a href="week-01/coach/">' in html
    programme = article(page(built_site, "en", "programmes/evening/"))
    assert '<a href="../../modules/basics/">Coding basics</a>' in programme


def test_prep_page_lists_the_weeks_terms_linked_to_the_glossary(built_site: Path) -> None:
    html = article(page(built_site, "en", "modules/basics/week-01/"))
    assert "<h2" in html and "Words of this week" in html
    assert '<a href="../../../glossary/#term-variable">variable</a>' in html
    assert "A name for a value that a program keeps" in html
    french = article(page(built_site, "fr", "modules/basics/week-01/"))
    # the French term, the English one after it (learners meet it in code), the French definition
    assert '<a href="../../../glossary/#term-variable">variable (informatique)</a>' in french
    assert '<span class="cur-term__en" lang="en" dir="ltr">(variable)</span>' in french
    assert "Un nom pour une valeur" in french
    # a term not translated yet is shown in English, marked as English
    assert '<span lang="en" dir="ltr">A list of instructions' in french


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_lists_every_term_with_an_anchor(built_site: Path, lang: str) -> None:
    """Each term a heading of its own (a search hit opens at it), under its letter's heading;
    a line of links leads to the letters: the full glossary is about 55 phone screens long."""
    html = article(page(built_site, lang, "glossary/"))
    assert re.findall(r'<h3 id="(term-[a-z-]+)"', html) == ["term-program", "term-variable"]
    used = re.findall(r'<a href="([^"]+)">', html.split('id="term-variable"')[1])
    assert used == ["../modules/basics/week-01/", "../modules/basics/week-02/"]
    jumps = re.findall(r'<a href="#(letter-\d+)">([^<]+)</a>', html)
    headings = re.findall(r'<h2 id="(letter-\d+)">([^<]+)<', html)
    assert jumps == headings and len(headings) in (1, 2)
    # A search hit opens at the term: search keeps each heading's address.
    glossary = search_pages(built_site, lang)[f"{prefix(lang)}glossary/"]
    assert "term-variable" in {anchor for anchor, _, _ in glossary["sections"]}


def test_glossary_is_sorted_in_the_readers_language(built_site: Path) -> None:
    french = article(page(built_site, "fr", "glossary/"))
    assert french.index('id="term-program"') < french.index('id="term-variable"')
    assert "Utilisé dans :" in french


def test_self_evaluation_page_is_a_checklist_of_the_objectives(built_site: Path) -> None:
    html = article(page(built_site, "en", "modules/basics/self-evaluation/"))
    keys = re.findall(r'data-cur-item="([^"]+)"', html)
    # Stable ids, from `can` ("I can" left out): a tick stays with its check when checks move.
    assert keys == [
        "basics/self-evaluation/write-a-program-that-prints-a",
        "basics/self-evaluation/store-values-in-variables",
    ]
    assert re.findall(r'data-cur-was="([^"]+)"', html) == [
        "basics/self-evaluation/1",
        "basics/self-evaluation/2",
    ]
    assert (
        '<label for="check-write-a-program-that-prints-a">'
        "I can write a program that prints a message.</label>"
    ) in html
    assert "Try it:</strong> Print your name in the console." in html
    assert "Be honest: tick only what you can do without help." in html
    banner = article(page(built_site, "nl", "modules/basics/self-evaluation/"))
    assert 'class="cur-banner"' in banner


def test_workshop_kit_page(built_site: Path) -> None:
    html = article(page(built_site, "en", "modules/basics/workshop/"))
    assert "For:</strong> Neighbours who never wrote code." in html
    assert "Participants:</strong> 6–12" in html
    assert "Length:</strong> 1 hr 30 min" in html
    assert "<li>One phone or laptop for every two people.</li>" in html
    assert re.search(r"<td>0:15–1:15</td>\s*<td>First lines of code</td>", html)
    overview = article(page(built_site, "en", "modules/basics/"))
    assert '<a href="self-evaluation/">' in overview and '<a href="workshop/">' in overview


def test_programme_schedule_with_visits_breaks_and_closing(built_site: Path) -> None:
    html = article(page(built_site, "en", "programmes/evening/"))
    rows = [
        re.sub(r"<[^>]+>", "", unescape(row)).split("\n")
        for row in re.findall(r"<tr>\s*(<td>.*?)</tr>", html, re.S)
    ]
    cells = [[c.strip() for c in row if c.strip()] for row in rows]
    assert cells == [
        ["1", "February 7, 2027", "Coding basics, Week 1: What is a program?"],
        ["2", "February 14, 2027", "No session (holiday)"],
        ["3", "February 21, 2027", "Company visit"],
        ["4", "February 28, 2027", "Coding basics, Week 2: What is a program?"],
        ["5", "March 7, 2027", "Trainees run their workshops: In pairs, for neighbours."],
    ]
    assert "4 Sunday sessions, with 4 hours of group work in the modules." in html
    assert "From February 7, 2027 to March 7, 2027." in html
    assert '<a href="../../modules/basics/workshop/">' in html
    arabic = article(page(built_site, "ar", "programmes/evening/"))
    assert "٧ فبراير ٢٠٢٧" in arabic or "7 فبراير 2027" in arabic


SITE_NAMES = {
    "en": "Open Curriculum",
    "nl": "Open Curriculum",
    "fr": "Curriculum ouvert",
    "ar": "المنهج المفتوح",
    "uk": "Відкрита навчальна програма",
    "fa": "برنامهٔ درسی باز",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_skills_record_holds_every_check_and_week_of_the_programme(
    built_site: Path, lang: str
) -> None:
    """What the trainee's browser picks from: every "I can" of each module (by the self-
    evaluation's keys), every week's required items, the programme and the school, the notice
    that it is a self-assessment; the programme and self-evaluation pages lead to it."""
    strings = catalog(lang)
    html = article(page(built_site, lang, "programmes/evening/skills-record/"))
    evaluation = page(built_site, lang, "modules/basics/self-evaluation/")
    assert re.findall(r'data-cur-can="([^"]+)"', html) == re.findall(
        r'data-cur-item="([^"]+)"', evaluation
    )
    weeks = re.findall(r'data-cur-weeks="([^"]+)"', html)
    prep = [page(built_site, lang, f"modules/basics/week-0{n}/") for n in (1, 2)]
    assert [w.split(" ") for w in weeks[0].split(",")] == [
        re.findall(r'<li class="cur-item" data-cur-item="([^"]+)"', p) for p in prep
    ]
    school = SITE_NAMES[lang]
    title = "Evening course"
    assert strings.t("record_not_certificate").replace("\xa0", " ") in html
    assert school in html and title in html
    assert '<input type="text" id="cur-record-name"' in html
    assert 'href="../"' in html  # back to the programme
    programme = article(page(built_site, lang, "programmes/evening/"))
    assert 'href="skills-record/"' in programme
    assert 'href="../../../programmes/evening/skills-record/"' in article(evaluation)


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


def search_pages(site: Path, lang: str) -> dict[str, dict[str, Any]]:
    """What search keeps of each page of `lang` it indexed (title, sections with their anchors,
    headings and text), by address below the site's root."""
    meta = json.loads((site / "search" / lang / "meta.json").read_text(encoding="utf-8"))
    folder = site / "search" / lang / meta["folder"]
    sections: list[list[str]] = []
    for n in range(len(meta["blocks"])):
        sections += json.loads((folder / f"t{n}.json").read_text(encoding="utf-8"))
    assert len(sections) == len(meta["lengths"])
    found = {}
    for n, (url, title, first) in enumerate(meta["pages"]):
        end = meta["pages"][n + 1][2] if n + 1 < len(meta["pages"]) else len(sections)
        found[url] = {"title": title, "sections": sections[first:end]}
    return found


# Snowball stems words where it has a stemmer; Ukrainian words match by their beginning.
STEMMED = {"en": True, "nl": True, "fr": True, "ar": True, "uk": False, "fa": True}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_search_index_of_its_own_pages(built_site: Path, lang: str) -> None:
    found = search_pages(built_site, lang)
    for url in GENERATED:
        # The coach's plans are not in the trainees' search: they were a quarter of it.
        address = f"{prefix(lang)}{url}"
        if url.endswith("/coach/"):
            assert address not in found, address
            assert "data-search-body" not in page(built_site, lang, url)
        else:
            assert address in found, address
    # Nor are the coaches' and the contributors' own pages.
    for url in ("coaches/", "guide/translating/", "translations/"):
        assert f"{prefix(lang)}{url}" not in found, url
    others = [other for other in LANGUAGES if other not in ("en", lang)]
    assert not [url for url in found if url.split("/")[0] in others]
    meta = json.loads((built_site / "search" / lang / "meta.json").read_text())
    assert meta["stemmed"] == STEMMED[lang]
    # The ¶ beside each heading is not searched (tests/test_search.py: what else is not).
    prep = found[f"{prefix(lang)}modules/basics/week-01/"]
    text = " ".join(part for section in prep["sections"] for part in section)
    assert "¶" not in text and prep["title"] in text


def test_search_ships_only_what_the_site_uses(built_site: Path) -> None:
    # One folder per language: its list of pages and a folder of small files, nothing else.
    assert sorted(path.name for path in (built_site / "search").iterdir()) == sorted(LANGUAGES)
    for lang in LANGUAGES:
        folder = built_site / "search" / lang
        meta = json.loads((folder / "meta.json").read_text())
        assert sorted(path.name for path in folder.iterdir()) == sorted(
            ["meta.json", meta["folder"]]
        )
        names = {path.name for path in (folder / meta["folder"]).iterdir()}
        assert names == {f"w{n}.json" for n in range(len(meta["shards"]))} | {
            f"t{n}.json" for n in range(len(meta["blocks"]))
        }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_in_every_language(built_site: Path, lang: str) -> None:
    html = page(built_site, lang, "")
    assert "cur-banner" not in html  # the home page is translated by hand
    # The site's name in the reader's language, where it has one.
    names = {
        "fr": "Curriculum ouvert",
        "ar": "المنهج المفتوح",
        "uk": "Відкрита навчальна програма",
        "fa": "برنامهٔ درسی باز",
    }
    name = names.get(lang, "Open Curriculum")
    assert f'<span class="md-ellipsis">\n            {name}' in html or f"{name}</span>" in html
    assert f"- {name}</title>" in html or f"<title>{name}</title>" in html


def test_english_titles_stay_in_order_in_right_to_left_pages(built_site: Path) -> None:
    """An untranslated title ("What is a program?") in an Arabic page's tab and navigation is
    isolated left to right, or it reads "?What is a program"."""
    for lang in ("ar", "fa"):
        html = page(built_site, lang, "modules/basics/week-02/")
        assert "<title>\u2066What is a program?\u2069" in html
        assert "\u2066What is a program?\u2069" in html.split("<nav", 1)[1]
    assert "\u2066" not in page(built_site, "fr", "modules/basics/week-02/")
    assert "\u2066" not in page(built_site, "en", "modules/basics/week-02/")
    # A hand-written page shown in English is isolated too, in its tab and in every page's menu.
    guide = "\u2066How modules are written\u2069"
    for lang in ("ar", "fa"):
        assert f"<title>{guide}" in page(built_site, lang, "guide/writing-modules/")
        assert guide in page(built_site, lang, "glossary/").split("<nav", 1)[1]
    assert "\u2066" not in page(built_site, "fr", "guide/writing-modules/")


def test_untranslated_hand_written_page_falls_back_with_banner(built_site: Path) -> None:
    html = article(page(built_site, "nl", "guide/writing-modules/"))
    assert "cur-banner" in html
    assert 'lang="en"' in html


def test_each_language_lists_its_pages_for_instant_navigation(built_site: Path) -> None:
    # curriculum.js points Material's instant navigation at these instead of sitemap.xml.
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        listed = ET.parse(built_site / prefix / f"sitemap-{lang}.xml").getroot()
        locs = {loc.text for loc in listed.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
        for url in GENERATED:
            assert f"http://localhost:8000/{prefix}{url}" in locs, (lang, url)
        assert len(locs) == len(list(listed)), lang
    # Nothing in a page's head makes Material fetch another language's sitemap.
    html = page(built_site, "fr", "modules/basics/week-01/")
    assert 'rel="alternate"' not in html.split("</head>")[0]
    assert 'hreflang="ar"' in html  # the language selector still lists this page in Arabic


def test_the_site_serves_its_script_and_stylesheet_minified(built_site: Path) -> None:
    """Trainees on prepaid data download the code, not its comments; the theme keeps them."""
    theme = Path(__file__).resolve().parents[1] / "plugins/curriculum_mkdocs/theme"
    for rel in (
        "assets/javascripts/curriculum.js",
        "assets/javascripts/curriculum-more.js",
        "assets/javascripts/curriculum-search.js",
        "assets/stylesheets/curriculum.css",
        "sw.js",
    ):
        served = (built_site / rel).read_text()
        assert "/*" not in served and len(served) < 0.8 * len((theme / rel).read_text()), rel


def test_no_third_party_requests_in_html(built_site: Path) -> None:
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, html_file
        tags = re.findall(r"<(?:script|link|img)\b[^>]*>", html)
        fetched = [tag for tag in tags if 'rel="canonical"' not in tag]  # names, never fetched
        for src in re.findall(r'(?:src|href)="([^"]+)"', " ".join(fetched)):
            assert not src.startswith(("http:", "https:", "//")), (html_file, src)


def test_build_folder_is_only_written_when_content_changes(tmp_path: Path) -> None:
    # What the plugin runs at every build (and `mkdocs serve` at every save), without MkDocs.
    root = make_curriculum(tmp_path)
    docs = root / "site-src"

    def prepare() -> None:
        session.prepare(Settings.for_folder(root, LANGUAGES, "en"), docs.resolve())

    prepare()
    stamp = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    prepare()
    assert stamp == {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    # A changed week's exercises are rewritten in every language, with the coach plan that lists
    # their headings, and nothing else.
    write(root, "modules/basics/week-02/exercises.md", "---\ntitle: Changed\n---\nNew text.\n")
    prepare()
    changed = [p for p in docs.rglob("*.md") if stamp.get(p) != p.stat().st_mtime_ns]
    assert {PurePosixPath(p.relative_to(docs)).as_posix() for p in changed} == {
        f"modules/basics/week-02/{kind}{s}.md"
        for s in ("", ".nl", ".fr", ".ar", ".uk", ".fa")
        for kind in ("exercises", "coach")
    }


def test_contributor_text_cannot_inject_html_or_links(varied_site: Path) -> None:
    root = varied_site
    for url in ("modules/basics/", "modules/basics/week-01/", "programmes/evening/"):
        html = page(root / "site", "en", url)
        assert "<script>alert" not in html
        assert 'href="javascript:' not in html
        assert "<script>alert(11)</script> [x](javascript:alert(12))" in article(html)  # as text
        assert "<code><b></code>" in article(html)


def test_raw_html_in_bodies_is_sanitised_and_markdown_features_survive(varied_site: Path) -> None:
    # `javascript:` links are refused by the check before a build (tests/test_hardening.py).
    root = varied_site
    html = page(root / "site", "en", "modules/basics/week-02/raw/")
    content = html[html.index("<article") : html.index("</article>")]
    assert "<script>alert" not in content and "alert(1)" not in content
    assert "onerror" not in content and "onclick" not in content
    assert "javascript:" not in content
    assert "position:fixed" not in content
    assert '<a href="https://example.org/">good link</a>' in content
    assert '<th style="text-align: right;">Right</th>' in content
    assert '<div class="admonition tip">' in content
    assert 'class="tabbed-set tabbed-alternate" data-tabs="1:2"' in content
    assert '<span class="nx">console</span>' in content


def test_every_local_link_and_asset_resolves(built_site: Path) -> None:
    """No page of any language links to or loads a local URL that would answer 404."""
    missing = []
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        base = "/" + html_file.relative_to(built_site).as_posix()
        for ref in re.findall(r'(?:href|src)="([^"#]+)', html):
            if ref.startswith(("http:", "https:", "mailto:", "//", "data:")):
                continue
            target = built_site / unquote(urljoin(base, ref)).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                missing.append(f"{base}: {ref}")
    assert not missing, "\n".join(sorted(set(missing))[:20])


def test_translation_without_body_shows_english_body_with_banner(varied_site: Path) -> None:
    root = varied_site
    html = article(page(root / "site", "nl", "modules/basics/week-01/exercises/"))
    assert "Samen een groet maken" in html
    assert "cur-banner" in html
    assert "Write a program that greets each member of your group." in html
    # A module page is translated when module.<lang>.yml exists; without it, a banner.
    assert "cur-banner" not in article(page(root / "site", "nl", "modules/basics/"))
    assert "cur-banner" in article(page(root / "site", "ar", "modules/basics/"))
    assert "cur-banner" in article(page(root / "site", "ar", "programmes/evening/"))


def test_titles_of_pages_reach_no_page_as_html(varied_site: Path) -> None:
    """A title in front matter, a heading with character references, and an image: every page of
    every language shows them as text."""
    root = varied_site
    site = root / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html, html_file
    # Search keeps titles and text as text (its box writes them as text nodes, never as HTML:
    # curriculum-search.js).
    found = search_pages(site, "en")
    assert found["about/"]["title"] == "<img src=x onerror=alert(1)>"
    # Words of code are not searched: they are not words of the reader's language.
    raw = " ".join(
        part for section in found["modules/basics/week-02/raw/"]["sections"] for part in section
    )
    assert "Ask the group first" in raw and "console.log" not in raw
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert "<title>&lt;img src=x onerror=alert(1)&gt; - Open Curriculum</title>" in about
    assert (site / "modules/basics/week-01/photo.png").read_bytes() == png()


def test_each_programme_has_a_calendar_file_in_each_language(built_site: Path) -> None:
    import datetime as dt
    import zoneinfo

    from icalendar import Calendar

    html = article(page(built_site, "en", "programmes/evening/"))
    assert 'href="../evening.ics"' in html
    for lang, week in [("en", "Coding basics, Week 1: What is a program?"), ("fr", "Semaine 1")]:
        prefix = "" if lang == "en" else f"{lang}/"
        calendar = Calendar.from_ical((built_site / prefix / "programmes/evening.ics").read_bytes())
        events = calendar.walk("VEVENT")
        # week 1, the company visit, (the break of 14 February has no event), week 2, closing
        assert len(events) == 4
        assert week in str(events[0]["summary"])
        brussels = zoneinfo.ZoneInfo("Europe/Brussels")
        starts = [event.decoded("dtstart") for event in events]
        assert starts[0] == dt.datetime(2027, 2, 7, 10, 0, tzinfo=brussels)
        assert [s.date() for s in starts] == [
            dt.date(2027, 2, 7),
            dt.date(2027, 2, 21),
            dt.date(2027, 2, 28),
            dt.date(2027, 3, 7),
        ]
        assert events[0].decoded("dtend") - starts[0] == dt.timedelta(minutes=120)
        assert [str(e["uid"]).split("@")[0] for e in events] == [
            "evening-basics-week-01",
            "evening-visit-1",
            "evening-basics-week-02",
            "evening-closing-1",
        ]
        assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Brussels"
        assert str(events[0]["url"]).endswith(f"/{prefix}modules/basics/week-01/")


def _nav_between(html: str, start: str, end: str) -> str:
    """The primary navigation from the section labelled `start` to the one labelled `end`."""
    nav = unescape(html[html.index("md-nav--primary") : html.index("md-sidebar--secondary")])
    labels = [m.start() for m in re.finditer(r">\s*" + re.escape(start) + r"\s*<", nav)]
    after = nav[labels[0] :]
    return after[: re.search(r">\s*" + re.escape(end) + r"\s*<", after).start()]  # type: ignore[union-attr]


@pytest.mark.parametrize(("lang", "coaches"), [("en", "For coaches"), ("fr", "Pour les coachs")])
def test_coach_plans_are_in_the_coaches_section_not_between_trainees_pages(
    built_site: Path, lang: str, coaches: str
) -> None:
    contributors = "For contributors" if lang == "en" else "Contribuer"
    html = page(built_site, lang, "modules/basics/week-01/")
    trainees = _nav_between(html, "Modules", coaches)
    assert 'href="exercises/"' in trainees and 'href="notes/"' in trainees
    assert 'href="coach/"' not in trainees
    for_coaches = _nav_between(html, coaches, contributors)
    assert 'href="../../../programmes/evening/wall-chart/"' in for_coaches
    # the section opens on the orientation for a new volunteer
    assert re.search(r'href="\.\./\.\./\.\./coaches/"[^>]*>\s*<span[^>]*>\s*' + coaches, html)
    # coach plans are in no navigation (every trainee's page would carry them): the wall chart
    # links them all, and a plan's page highlights nothing of the trainees' pages
    assert "coach/" not in for_coaches
    html = page(built_site, lang, "modules/basics/week-01/coach/")
    assert "coach/" not in _nav_between(html, "Modules", coaches)
    # the trainee's "next" from the exercises leads on, not into the coach's plan
    exercises = page(built_site, lang, "modules/basics/week-01/exercises/")
    assert '<a href="../notes/" class="md-footer__link md-footer__link--next"' in exercises


def test_the_coach_plan_holds_the_sunday_on_one_screen(built_site: Path) -> None:
    html = article(page(built_site, "en", "modules/basics/week-01/coach/"))
    assert "Evening course: Sunday, February 7, 2027, 10:00" in html
    assert "What trainees prepared" in html
    assert "Read: MDN: What is JavaScript? (40 min)" in html
    assert "Watch: Extra video (15 min), optional" in html
    assert "Required preparation: about 2 hr." in html
    assert re.search(r'<a href="\.\./exercises/">Exercise 1</a>', html)
    assert "Common mistakes" in html


def test_the_wall_chart_lists_every_session(built_site: Path) -> None:
    html = article(page(built_site, "en", "programmes/evening/wall-chart/"))
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>", html)
    assert [(n, d) for n, d, _ in rows] == [
        ("1", "Sunday, February 7, 2027"),
        ("2", "Sunday, February 14, 2027"),
        ("3", "Sunday, February 21, 2027"),
        ("4", "Sunday, February 28, 2027"),
        ("5", "Sunday, March 7, 2027"),
    ]
    assert rows[0][2] == "10:00–12:00" and rows[1][2] == ""
    assert "No session (holiday)" in html and "Company visit" in html
    assert '<a href="../../../modules/basics/week-01/coach/">Coach’s plan</a>' in html
    arabic = article(page(built_site, "ar", "programmes/evening/wall-chart/"))
    assert "جدول الحائط" in arabic and "الأحد، 7 فبراير 2027" in arabic


@pytest.mark.parametrize(
    ("lang", "url", "source"),
    [
        ("en", "modules/basics/week-01/", "modules/basics/week-01/prep.md"),
        ("fr", "modules/basics/week-01/", "modules/basics/week-01/prep.fr.md"),
        ("nl", "modules/basics/week-01/", "modules/basics/week-01/prep.md"),  # shown in English
        ("en", "modules/basics/week-01/coach/", "modules/basics/week-01/coach.md"),
        ("fr", "modules/basics/", "modules/basics/module.fr.yml"),
        ("en", "programmes/evening/", "curriculum/programmes/evening.yml"),
        ("ar", "guide/writing-modules/", "curriculum/pages/guide/writing-modules.md"),
        ("en", "modules/basics/week-01/notes/", "modules/basics/week-01/notes.md"),
    ],
)
def test_edit_links_lead_to_the_file_the_reader_sees(
    built_site: Path, lang: str, url: str, source: str
) -> None:
    html = page(built_site, lang, url)
    assert re.search(r'<a href="' + re.escape(EDIT_BASE + source) + r'"[^>]*rel="edit"', html)


@pytest.mark.parametrize(
    "url", ["modules/", "programmes/", "glossary/", "programmes/evening/wall-chart/"]
)
def test_generated_pages_have_no_edit_link(built_site: Path, url: str) -> None:
    assert 'rel="edit"' not in page(built_site, "en", url)


@pytest.mark.parametrize(("lang", "title"), [("en", "Your internship"), ("fr", "Votre stage")])
def test_a_folder_with_an_index_is_one_page_in_the_navigation(
    built_site: Path, lang: str, title: str
) -> None:
    """The internship's page is in every page's navigation under its own title; its page for the
    company's mentor is linked from it, and weighs on no trainee's page."""
    html = page(built_site, lang, "modules/basics/week-01/")
    nav = html[html.index("md-nav--primary") : html.index("md-content")]
    assert re.search(r'href="\.\./\.\./\.\./internship/"[^>]*>\s*<span[^>]*>\s*' + title, nav)
    assert "internship/mentor/" not in nav
    assert 'href="mentor/"' in article(page(built_site, lang, "internship/"))

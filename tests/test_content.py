"""The curriculum itself: the minimums it promises schools, so that they cannot silently regress."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import LANGUAGES, REPO
from curriculum.checks.links import host_problem, links_in
from curriculum.loaded import Curriculum, LoadedModule
from curriculum.loading.files import find_placeholders
from curriculum.model import WORKSHOP_TRACKS
from curriculum.pages.common import prep_minutes
from curriculum.read import load_curriculum
from curriculum.schedule import schedule

MIN_WEEKS = {
    "intro-to-coding": 4,
    "digital-storytelling": 3,
    "digital-journalism": 3,
    "soft-skills": 4,
    "web-development": 12,
}
TRANSLATIONS = [lang for lang in LANGUAGES if lang != "en"]


@pytest.fixture(scope="module")
def cur() -> Curriculum:
    return load_curriculum(REPO, LANGUAGES, "en")


def by_track(cur: Curriculum) -> dict[str, list[LoadedModule]]:
    tracks: dict[str, list[LoadedModule]] = defaultdict(list)
    for module in cur.modules.values():
        tracks[module.meta.track].append(module)
    return tracks


def test_every_track_has_its_minimum_of_weeks(cur: Curriculum) -> None:
    tracks = by_track(cur)
    weeks = {track: sum(len(m.weeks) for m in tracks[track]) for track in MIN_WEEKS}
    assert all(weeks[t] >= n for t, n in MIN_WEEKS.items()), weeks
    assert len(tracks["web-development"]) >= 6  # several modules, not one long one
    topics = " ".join(m.meta.title.lower() for m in tracks["web-development"])
    for topic in ("git", "html", "javascript", "dom", "api", "node", "database", "project"):
        assert topic in topics, topic
    # The second edition: what schools ask for beyond the five tracks' first weeks.
    assert len(cur.modules["job-coaching"].weeks) >= 3
    assert len(cur.modules["entrepreneurship"].weeks) >= 3


def test_every_week_has_honest_preparation_and_a_timed_session(cur: Curriculum) -> None:
    for module in cur.modules.values():
        for week in module.weeks:
            where = f"{module.meta.id}/{week.folder}"
            assert 3 <= len(week.prep.meta.prep) <= 8, where
            assert 180 <= prep_minutes(week) <= 360, (where, prep_minutes(week))
            assert len(week.prep.meta.objectives) >= 3, where
            assert week.prep.body.count("\n## ") >= 2, where  # focus, and what to bring
            coach = week.coach.meta
            assert sum(b.minutes for b in coach.blocks) == coach.session_minutes, where
            assert len(coach.blocks) >= 4, where
            titles = " ".join(b.title.lower() for b in coach.blocks)
            assert "break" in titles, where
            for section in ("watch for", "hints", "common mistakes", "stuck"):
                assert section in week.coach.body.lower(), (where, section)
            assert week.exercises.meta.group_size == "3-5", where
            assert "you are done when" in week.exercises.body.lower(), where


def test_every_module_ends_with_self_evaluation_and_welcome_tracks_with_a_kit(
    cur: Curriculum,
) -> None:
    for module in cur.modules.values():
        evaluation = module.self_evaluation
        assert evaluation is not None, module.meta.id
        assert len(evaluation.meta.checks) == len(module.meta.objectives), module.meta.id
        if module.meta.track in WORKSHOP_TRACKS:
            kit = module.workshop
            assert kit is not None, module.meta.id
            assert sum(b.minutes for b in kit.meta.blocks) == kit.meta.minutes
            assert len(kit.meta.materials) >= 3, module.meta.id
            for section in ("before the workshop", "if something goes wrong"):
                assert section in kit.body.lower(), (module.meta.id, section)


def test_glossary_is_used_and_translated_into_every_language(cur: Curriculum) -> None:
    terms = {t: m for m in cur.modules.values() for t in m.terms()}
    assert len(terms) >= 150, len(terms)
    used = {t for m in cur.modules.values() for w in m.weeks for t in w.prep.meta.terms}
    for module in cur.modules.values():
        for week in module.weeks:
            assert len(week.prep.meta.terms) >= 3, (module.meta.id, week.folder)
    unused = sorted(set(terms) - used)
    assert not unused, unused
    for lang in TRANSLATIONS:
        missing = [t for t, m in terms.items() if t not in m.translated_terms(lang)]
        assert not missing, (lang, missing[:10])


def test_required_weeks_are_translated_into_every_language(cur: Curriculum) -> None:
    """Intro to coding, and every week of every web development module (React too, which no
    programme includes yet): trainees prepare alone, in their second or third language."""
    web = [
        (m, w) for m in cur.modules.values() if m.meta.track == "web-development" for w in m.weeks
    ]
    assert len(web) >= 22
    intro = [(m, w) for m in [cur.modules["intro-to-coding"]] for w in m.weeks]
    for module, week in intro + web:
        for lang in TRANSLATIONS:
            prep = week.translations.get(lang, {}).get("prep")
            where = (module.meta.id, week.folder, lang)
            assert prep is not None and prep.body.strip(), where
            assert prep.meta.title and prep.meta.objectives, where
            assert set(prep.meta.prep or {}) == set(week.item_ids), where


def test_metadata_is_translated_into_every_language(cur: Curriculum) -> None:
    for lang in TRANSLATIONS:
        for module in cur.modules.values():
            tr = module.translations.get(lang)
            assert tr and tr.title and tr.summary and tr.objectives, (module.meta.id, lang)
        for programme in cur.programmes:
            tr = programme.translations.get(lang)
            assert tr and tr.title and tr.summary, (programme.meta.id, lang)
            if programme.meta.closing:
                assert tr.closing and len(tr.closing) == len(programme.meta.closing)


def test_the_two_programmes(cur: Curriculum) -> None:
    programmes = {p.meta.id: p for p in cur.programmes}
    web, welcome = programmes["web-development"], programmes["digital-welcome"]
    tracks = {cur.modules[m].meta.track for m in web.meta.modules}
    assert tracks == {"intro-to-coding", "soft-skills", "web-development"}
    days = [s for s in schedule(cur, web) if s.kind != "break" and s.date]
    assert all(s.date.weekday() == 6 for s in days if s.date)  # Sundays
    # About eight months of Sundays (4.35 a month); the holidays the cohort keeps lengthen the
    # calendar, not the course.
    assert 33 <= len(days) <= 37
    assert (days[-1].date - days[0].date).days / 30.4 <= 9.5  # type: ignore[operator]
    visits = [n for n, s in enumerate(days) if s.kind == "visit"]
    # the seed school's rhythm: someone from a company every three weeks
    assert web.meta.company_visit_every == 3
    assert len(visits) >= 5 and max(b - a for a, b in pairwise(visits)) <= 4
    assert web.meta.modules[-1] == "job-coaching"  # the course ends with job coaching
    assert {cur.modules[m].meta.track for m in welcome.meta.modules} == set(WORKSHOP_TRACKS)
    group = sum(
        w.coach.meta.session_minutes for m in welcome.meta.modules for w in cur.modules[m].weeks
    )
    assert group == 60 * 60  # the 60-hour course
    assert schedule(cur, welcome)[-1].kind == "closing"  # ends with the trainees' workshops


def _sources() -> list[Path]:
    return sorted(
        p
        for folder in ("modules", "curriculum")
        for p in (REPO / folder).rglob("*")
        if p.is_file() and p.suffix in (".md", ".yml")
    )


def test_no_placeholder_text_in_any_page() -> None:
    found = []
    for path in _sources():
        rel = path.relative_to(REPO).as_posix()
        text = path.read_text(encoding="utf-8")
        if rel.startswith("curriculum/pages/guide/"):
            # the contributor guide names the markers, in code spans, to explain the rule
            text = re.sub(r"`[^`\n]+`", "", text)
        found += [p.format() for p in find_placeholders(rel, text)]
        found += [f"{rel}: lorem" for line in text.splitlines() if "lorem" in line.lower()]
    assert not found, "\n".join(found)


def test_every_external_link_is_https_on_a_reviewed_host(cur: Curriculum) -> None:
    hosts = cur.reviewed_hosts
    assert hosts and len(hosts) <= 60  # a short list, each host with why it was chosen
    refused, count = [], 0
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        for link in links_in(text):  # prose, front matter and YAML; not code
            count += 1
            reason = host_problem(link.raw, hosts, fetched=link.fetched)
            if reason:
                refused.append(f"{path.relative_to(REPO)}: {reason[0]}")
    assert count >= 300
    assert not refused, "\n".join(refused[:20])


# --- translations: coverage, and the same structure as the source ---------------------------------

COACH_LANGUAGES = ("nl", "fr")
"""The languages of the Belgian coaches: every Digital Welcome coach page is in them."""


def test_the_digital_welcome_course_is_whole_in_every_language(cur: Curriculum) -> None:
    missing = []
    for module in cur.modules.values():
        if module.meta.track not in WORKSHOP_TRACKS:
            continue
        for lang in TRANSLATIONS:
            for week in module.weeks:
                docs = week.translations.get(lang, {})
                wanted = ["prep", "exercises", *(["coach"] if lang in COACH_LANGUAGES else [])]
                missing += [
                    f"{module.meta.id}/{week.folder}/{stem}.{lang}.md"
                    for stem in wanted
                    if stem not in docs or not docs[stem].body.strip()
                ]
            pages = module.page_translations.get(lang, {})
            missing += [
                f"{module.meta.id}/{stem}.{lang}.md"
                for stem in module.extra_pages()
                if stem not in pages or not pages[stem].body.strip()
            ]
    assert not missing, f"{len(missing)} missing: " + ", ".join(missing[:20])


_FENCE = re.compile(r"^( {0,3}|\t)(```|~~~).*?^\1?\2[^\n]*$", re.MULTILINE | re.DOTALL)
_URL = re.compile(r"https?://[^\s)<>\"'`\]]+")
_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
_ITEM = re.compile(r"^ *(?:[-*+]|\d+[.)]) ", re.MULTILINE)
_ADMONITION = re.compile(r"^ *(?:!!!|\?\?\?\+?) ", re.MULTILINE)


def structure(body: str) -> dict[str, object]:
    """What a translation keeps from its source: code, addresses and the Markdown skeleton."""
    prose = _FENCE.sub("", body)
    return {
        "code blocks": _FENCE.findall(body) and [m.group() for m in _FENCE.finditer(body)],
        "addresses": sorted(url.rstrip(".,;:!?") for url in _URL.findall(body)),
        "headings": len(_HEADING.findall(prose)),
        "list items": len(_ITEM.findall(prose)),
        "admonitions": len(_ADMONITION.findall(prose)),
    }


def _translated_bodies(cur: Curriculum) -> list[tuple[str, str, str]]:
    """(translation's path, its body, its source's body) of every translation with a body."""
    out = []
    for module in cur.modules.values():
        pages = module.extra_pages()
        for docs in module.page_translations.values():
            out += [(d.path, d.body, pages[s].body) for s, d in docs.items() if s in pages]
        for week in module.weeks:
            for docs in week.translations.values():
                out += [(d.path, d.body, getattr(week, s).body) for s, d in docs.items()]
    return [(path, body, source) for path, body, source in out if body.strip()]


def test_every_translation_keeps_the_code_addresses_and_structure_of_its_source(
    cur: Curriculum,
) -> None:
    differ = []
    for path, body, source in _translated_bodies(cur):
        mine, theirs = structure(body), structure(source)
        for what in theirs:
            if mine[what] != theirs[what]:
                differ.append(f"{path}: {what} differ from the English")
    assert len(_translated_bodies(cur)) >= 200
    assert not differ, "\n".join(differ)


def test_the_coaches_orientation_is_short_first_in_every_language(cur: Curriculum) -> None:
    """A new volunteer reads under 100 words before the details: what a Sunday looks like, what to
    read the evening before, whom to ask. In every language of the site."""
    for lang in LANGUAGES:
        suffix = "" if lang == "en" else f".{lang}"
        doc = cur.pages[f"curriculum/pages/coaches/index{suffix}.md"]
        first = re.split(r"^## ", doc.body, flags=re.MULTILINE)[0]
        words = re.sub(r"^# .*$", "", first, flags=re.MULTILINE).split()
        assert len(words) < 100, (lang, len(words))
        assert "../programmes/index.md" in doc.body  # the details lead to the schedule
        if lang != "en":
            assert cur.drift[doc.path].state == "translated"


def test_each_prerequisite_is_an_item_of_its_own_on_the_module_page(cur: Curriculum) -> None:
    """Two prerequisites once ran together on one line ("Introduction to coding- HTML and CSS")."""
    from curriculum.pages.common import Lang
    from curriculum.pages.module import render_module

    for module in cur.modules.values():
        text = render_module(cur, Lang("en", "en"), module).text
        section = text.split("## Before this module", 1)[1].split("\n## ", 1)[0]
        items = [line for line in section.splitlines() if line.startswith("- ")]
        assert len(items) == len(module.meta.prerequisites) or (
            not module.meta.prerequisites and not items
        ), (module.meta.id, section)


def test_the_glossary_follows_each_alphabet(cur: Curriculum) -> None:
    """French accented words among their letter (code point order put "écran" after "z"), Farsi
    پ after ب and گ after ک, and each letter's heading once, in order, in every language."""
    from curriculum.pages.common import Lang
    from curriculum.pages.glossary import render_glossary

    for lang in LANGUAGES:
        text = render_glossary(cur, Lang(lang, "en")).text
        letters = re.findall(r'<a href="#letter-\d+">([^<]+)</a>', text)
        assert len(letters) == len(set(letters)), (lang, letters)
        if lang == "fr":
            assert letters[-1] == "Z" and "É" not in letters
            terms = re.findall(r'<h3 id="term-[^"]+" markdown="span">([^<]+)', text)
            first = [t.strip()[0].lower() for t in terms]
            assert "é" in first and first.index("é") < first.index("f")
        if lang == "fa":
            arabic = "".join(letter for letter in letters if not letter.isascii())
            assert arabic.index("ب") < arabic.index("پ") < arabic.index("ت")
            assert arabic.index("ک") < arabic.index("گ") < arabic.index("ل")


def _own_pages(cur: Curriculum) -> list[Path]:
    """The hand-written pages of the site (home, guides, the coaches' and the internship's pages)
    and the pages of their own in the weeks of the Digital Welcome modules, in English."""
    pages = [p for p in (REPO / "curriculum" / "pages").rglob("*.md") if p.name.count(".") == 1]
    [welcome] = [p for p in cur.programmes if p.meta.id == "digital-welcome"]
    for module in (cur.modules[entry] for entry in welcome.meta.modules):
        pages += [
            p
            for p in (REPO / module.path).glob("week-*/*.md")
            if p.name.count(".") == 1 and p.stem not in ("prep", "exercises", "coach")
        ]
    return sorted(pages)


def test_every_hand_written_page_is_in_every_language(cur: Curriculum) -> None:
    """Trainees, coaches, partners and translators read the site's own pages in their language,
    and the Digital Welcome course is whole: its weeks' own pages too."""
    pages = _own_pages(cur)
    assert len(pages) >= 12
    missing = [
        f"{page.relative_to(REPO)}: {lang}"
        for page in pages
        for lang in TRANSLATIONS
        if not page.with_name(f"{page.stem}.{lang}.md").is_file()
    ]
    assert not missing, "\n".join(missing)


def test_hand_written_translations_keep_the_code_and_structure_of_their_source(
    cur: Curriculum,
) -> None:
    differ = []
    for page in _own_pages(cur):
        source = structure(page.read_text(encoding="utf-8").split("---", 2)[-1])
        for lang in TRANSLATIONS:
            translation = page.with_name(f"{page.stem}.{lang}.md")
            if not translation.is_file():
                continue
            mine = structure(translation.read_text(encoding="utf-8").split("---", 2)[-1])
            differ += [
                f"{translation.relative_to(REPO)}: {what} differ from the English"
                for what in source
                if mine[what] != source[what]
            ]
    assert not differ, "\n".join(differ)

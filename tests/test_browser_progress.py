"""Headless Chromium on the small site: ticks kept in the browser, reading offline."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from browserkit import (
    ARGS,
    BROWSER,
    CHROMIUM,
    WEEK,
    Site,
    prefix,
    search_for,
    serious_violations,
)
from conftest import make_curriculum
from curriculum.i18n import catalog
from pageweight import build_site, free_port, serve

pytestmark = BROWSER


# --- progress ------------------------------------------------------------------------------------


def summary(lang: str, done: int, total: int, minutes_left: int) -> str:
    """What the build would write, from the catalog and Babel: the script must say the same."""
    strings = catalog(lang)
    if done == total:
        return strings.t("progress_complete", total=total)
    return strings.t(
        "progress_summary", done=done, total=total, duration=strings.duration(minutes_left)
    )


def tick(page: Any, n: int) -> None:
    page.locator(".cur-checklist input[type=checkbox]").nth(n).check()


def ticks(page: Any) -> list[bool]:
    boxes = page.locator(".cur-checklist input[type=checkbox]")
    return [boxes.nth(n).is_checked() for n in range(boxes.count())]


@pytest.mark.parametrize("lang", ["en", "fr", "ar", "uk"])
def test_ticks_survive_a_reload_and_the_week_sums_them_up(page: Any, site: Site, lang: str) -> None:
    # The test week: 40, 60 and 20 minutes required, then a 15-minute optional video.
    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    progress = page.locator("p.cur-progress")
    assert progress.inner_text() == summary(lang, 0, 3, 120)
    tick(page, 0)
    assert progress.inner_text() == summary(lang, 1, 3, 80)
    tick(page, 3)  # optional: not counted
    assert progress.inner_text() == summary(lang, 1, 3, 80)
    page.reload(wait_until="networkidle")
    assert ticks(page) == [True, False, False, True]
    assert progress.inner_text() == summary(lang, 1, 3, 80)
    tick(page, 1)
    tick(page, 2)
    assert progress.inner_text() == summary(lang, 3, 3, 0)
    # The module overview shows each week; week 2 has the same items under its own keys.
    page.goto(site.url + prefix(lang) + "modules/basics/", wait_until="networkidle")
    weeks = page.locator("span.cur-progress").all_inner_texts()
    assert weeks == [summary(lang, 3, 3, 0), summary(lang, 0, 3, 120)]


def test_ticks_are_shared_by_languages_and_reach_pages_opened_by_instant_navigation(
    page: Any, site: Site
) -> None:
    page.goto(site.url + "fr/" + WEEK, wait_until="networkidle")
    tick(page, 1)
    page.goto(site.url + "modules/basics/", wait_until="networkidle")
    assert page.locator("span.cur-progress").first.inner_text() == summary("en", 1, 3, 60)
    page.evaluate("window.curriculumMarker = 1")
    page.locator(f'a[href$="{WEEK}"]').first.click()
    page.wait_for_url(site.url + WEEK)
    # The address changes before the new content is in: wait for the page's own counter.
    page.wait_for_function(
        "text => document.querySelector('p.cur-progress')?.textContent === text",
        arg=summary("en", 1, 3, 60),
    )
    assert page.evaluate("window.curriculumMarker") == 1
    assert ticks(page) == [False, True, False, False]


def test_self_evaluation_counts_its_ticks(page: Any, site: Site) -> None:
    page.goto(site.url + "modules/basics/self-evaluation/", wait_until="networkidle")
    progress = page.locator("p.cur-progress")
    assert progress.inner_text() == catalog("en").t("progress_self", done=0, total=2)
    tick(page, 1)
    page.reload(wait_until="networkidle")
    assert ticks(page) == [False, True]
    assert progress.inner_text() == catalog("en").t("progress_self", done=1, total=2)


def test_self_evaluation_ticks_saved_by_position_move_to_the_checks_ids(
    page: Any, site: Site
) -> None:
    """Ticks saved before checks had ids (keyed 1, 2, ...) are kept, under the checks' ids."""
    page.goto(site.url + "modules/basics/self-evaluation/", wait_until="networkidle")
    prefix = "curriculum:/:"  # one key per site and item; the site is served at "/"
    page.evaluate(f"localStorage.setItem({prefix + 'basics/self-evaluation/2'!r}, '1')")
    page.reload(wait_until="networkidle")
    assert ticks(page) == [False, True]
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes('self-evaluation'))")
    assert kept == [prefix + "basics/self-evaluation/store-values-in-variables"]


def test_ticks_survive_a_browser_restart(playwright: Any, site: Site, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    for attempt in range(2):
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS
        )
        page = context.new_page()
        page.goto(site.url + WEEK, wait_until="networkidle")
        if attempt == 0:
            tick(page, 2)
        else:
            assert ticks(page) == [False, False, True, False]
        context.close()


def test_reordered_items_keep_their_ticks(browser: Any, tmp_path: Path) -> None:
    root = make_curriculum(tmp_path)
    port = free_port()
    prep = root / "modules/basics/week-01/prep.md"
    with serve(build_site(root, port), port) as (url, _, _):
        page = browser.new_page()
        page.goto(url + WEEK, wait_until="networkidle")
        tick(page, 0)  # "MDN: What is JavaScript?", id what-is-js
        # Move that item to the end of the list; the site is built again.
        text = prep.read_text(encoding="utf-8")
        first = text[text.index("  - id: what-is-js") : text.index("  - title: Hello, world")]
        text = text.replace(first, "").replace("terms:", first + "terms:")
        prep.write_text(text, encoding="utf-8")
        build_site(root, port)
        page.reload(wait_until="networkidle")
        labels = page.locator(".cur-checklist label").all_inner_texts()
        assert "What is JavaScript?" in labels[-1]
        assert ticks(page) == [False, False, False, True]
        page.close()


# --- offline -------------------------------------------------------------------------------------


def wait_until_kept(page: Any, url: str) -> None:
    """Until the service worker's cache holds `url`."""
    page.wait_for_function(
        "url => caches.open('curriculum-pages').then(c => c.match(url)).then(Boolean)", arg=url
    )


def test_a_page_read_once_opens_again_without_a_connection(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    # A server of its own (another origin, so another service worker), which the test then stops.
    with serve(site.root / "site", free_port()) as (url, _, server):
        page.goto(url + WEEK, wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        wait_until_kept(page, url + WEEK)
        server.shutdown()
        server.server_close()
        page.reload(wait_until="load")
        assert page.locator("h1").inner_text().startswith("What is a program?")
        # Its stylesheet and script came from the copy too: Material laid the page out.
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
        assert page.locator("p.cur-progress").is_visible()
        # A page never opened is not there: a page in the reader's language says so, with a link
        # to the pages that can be read offline, instead of the browser's error.
        page.goto(url + "modules/basics/week-02/coach/", wait_until="load")
        assert page.locator("h1").inner_text() == "Not saved for reading offline"
        assert page.locator("a").get_attribute("href") == url + "offline/"
    context.close()


def test_a_page_not_saved_says_so_offline_in_the_readers_language(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    strings = catalog("ar")
    with serve(site.root / "site", free_port()) as (url, _, server):
        page.goto(url + "ar/" + WEEK, wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function(
            "url => caches.match(url).then(Boolean)", arg=url + "ar/offline/not-saved.html"
        )
        server.shutdown()
        server.server_close()
        page.goto(url + "ar/modules/basics/week-02/exercises/", wait_until="load")
        assert page.locator("html").get_attribute("lang") == "ar"
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("h1").inner_text() == strings.t("offline_not_saved_title")
        link = page.locator("a")
        assert link.inner_text() == strings.t("offline_not_saved_link")
        assert link.get_attribute("href") == url + "ar/offline/"
        assert page.locator("script").count() == 0
    context.close()


def test_saving_a_language_makes_every_page_readable_offline(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    manifest = json.loads((site.root / "site" / "fr" / "offline-fr.json").read_text())
    strings = catalog("fr")
    with serve(site.root / "site", free_port()) as (url, _, server):
        page.goto(url + "fr/offline/", wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        status = page.locator(".cur-offline__status")
        assert status.inner_text().startswith(f"{manifest['pages']} ")
        page.locator("button.cur-offline__save").click()
        done = strings.t("offline_saved", total=len(manifest["files"]))
        page.wait_for_function(
            "text => document.querySelector('.cur-offline__status').textContent === text",
            arg=done,
        )
        # The pointer is still on the button, in the theme's colours for that: still readable
        # (white on Material's accent blue was 4.25:1, under the 4.5:1 that WCAG asks of text).
        assert page.locator("button.cur-offline__save:hover").count() == 1
        assert serious_violations(page) == []
        server.shutdown()
        server.server_close()
        for path in ["fr/modules/basics/week-02/coach/", "fr/glossary/", "fr/"]:
            page.goto(url + path, wait_until="load")
            assert page.locator("html").get_attribute("lang") == "fr"
            assert page.locator(".md-content h1").count() == 1, path
        # Search works offline too: the French index and the text of its excerpts were saved.
        search_for(page, "programme")
        assert page.locator(".md-search-result__item h1").count() >= 1
    context.close()
    assert manifest["bytes"] > 0
    assert "fr/modules/basics/week-02/coach/" in manifest["files"]
    assert "search/fr/meta.json" in manifest["files"]
    assert "assets/javascripts/curriculum-search.js" in manifest["files"]
    assert [f for f in manifest["files"] if re.fullmatch(r"search/fr/\w+/t\d+\.json", f)]
    assert not [f for f in manifest["files"] if f.startswith("search/en/")]
    # What pages load by script: the boxes' code and the programme's sessions, for "this week".
    assert "assets/javascripts/curriculum-more.js" in manifest["files"]
    assert "fr/programmes/evening/sessions.json" in manifest["files"]
    assert not [f for f in manifest["files"] if f.split("/")[0] in {"nl", "ar", "uk", "fa"}]


def test_offline_page_buttons_stay_hidden_until_their_script_is_there(
    browser: Any, site: Site
) -> None:
    """Offline and never saved, or still loading: a button that would do nothing is not shown
    (the theme gives buttons a display of their own, which must not beat `hidden`)."""
    context = browser.new_context(service_workers="block")
    context.route("**/curriculum*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(site.url + "fr/offline/", wait_until="networkidle")
    assert page.locator("button.cur-transfer__export").count() == 1
    assert not page.locator("button.cur-transfer__export").is_visible()
    assert not page.locator(".cur-transfer__import").is_visible()
    assert not page.locator("button.cur-offline__save").is_visible()
    context.close()


def test_ticks_move_to_another_browser_in_a_file(browser: Any, site: Site, tmp_path: Path) -> None:
    """A trainee changes phones: ticks saved to a file on one, opened on the other, are merged;
    a damaged, foreign or newer file says so and changes nothing."""
    strings = catalog("fr")
    first = browser.new_context()
    page = first.new_page()
    page.goto(site.url + "fr/" + WEEK, wait_until="networkidle")
    tick(page, 0)
    tick(page, 2)
    page.locator(".cur-meta a").click()  # "Move them to another device"
    page.wait_for_url("**/fr/offline/#move")
    with page.expect_download() as download:
        page.locator("button.cur-transfer__export").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    status = page.locator(".cur-transfer__status")
    assert status.inner_text() == strings.t("progress_exported", count=2)
    data = json.loads(saved.read_text())
    assert data["format"] == "curriculum-progress" and data["version"] == 1
    assert len(data["ticks"]) == 2 and all(k.startswith("basics/week-01/") for k in data["ticks"])
    first.close()

    other = browser.new_context()  # another phone: nothing ticked, one tick of its own
    page = other.new_page()
    page.goto(site.url + "fr/" + WEEK, wait_until="networkidle")
    tick(page, 1)
    page.goto(site.url + "fr/offline/", wait_until="networkidle")
    status = page.locator(".cur-transfer__status")
    chooser = page.locator(".cur-transfer__import input[type=file]")
    refusals = {
        "progress_import_damaged": b'{"format": "curriculum-progress", "version": 1, "ticks": [',
        "progress_import_foreign": b'{"name": "a photo album"}',
        "progress_import_newer": b'{"format": "curriculum-progress", "version": 2, "ticks": []}',
    }
    for key, content in refusals.items():
        chooser.set_input_files(
            files=[{"name": "x.json", "mimeType": "application/json", "buffer": content}]
        )
        page.wait_for_function(
            "text => document.querySelector('.cur-transfer__status').textContent === text",
            arg=strings.t(key),
        )
    chooser.set_input_files(str(saved))
    page.wait_for_function(
        "text => document.querySelector('.cur-transfer__status').textContent === text",
        arg=strings.t("progress_imported", added=2, kept=0),
    )
    page.goto(site.url + "fr/" + WEEK, wait_until="networkidle")
    assert ticks(page)[:3] == [True, True, True]  # merged: its own tick is kept
    other.close()


def cohort_choice(page: Any) -> str:
    """The programme chosen in the box, once its script has set it up (it shows the box then):
    the script can arrive after the network has gone quiet."""
    box = page.locator(".cur-cohort")
    box.wait_for(state="visible")
    return str(box.locator("select").input_value())


def cohort_text(page: Any) -> str:
    box = page.locator(".cur-cohort")
    box.locator(".cur-cohort__now p").first.wait_for()
    return str(box.inner_text())


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_this_week_and_what_i_missed_follow_the_calendar(
    browser: Any, site: Site, lang: str
) -> None:
    """The evening programme: week 1 on 7 February 2027, a break, a company visit on the 21st,
    week 2 on the 28th. The clock is set before, during and after it."""
    strings = catalog(lang)
    context = browser.new_context()
    page = context.new_page()
    home = site.url + prefix(lang)
    week1 = home + WEEK

    page.clock.set_fixed_time("2027-01-20T09:00:00")
    page.goto(home, wait_until="networkidle")
    box = page.locator(".cur-cohort")
    box.wait_for(state="visible")  # its script can arrive after the network has gone quiet
    assert box.locator(".cur-cohort__now").inner_text() == ""  # nothing chosen yet
    box.locator("select").select_option("evening")
    text = cohort_text(page)
    when = strings.full_date(dt.date(2027, 2, 7))
    assert strings.t("cohort_not_started", when=f"{when}, {strings.clock(600)}") in text
    assert box.locator(".cur-cohort__now a").get_attribute("href") == week1
    assert not page.locator(".cur-cohort__missed-title").is_visible()  # nothing passed yet

    # Between week 1 and the company visit, with one item of week 1 ticked.
    page.clock.set_fixed_time("2027-02-16T09:00:00")
    page.goto(week1, wait_until="networkidle")
    tick(page, 0)  # 40 of the week's 120 required minutes
    page.goto(home, wait_until="networkidle")  # the choice was kept
    text = cohort_text(page)
    visit = strings.full_date(dt.date(2027, 2, 21))
    assert strings.t("cohort_visit", when=f"{visit}, {strings.clock(600)}") in text
    assert page.locator(".cur-cohort__missed-title").is_visible()
    assert strings.t("missed_intro", duration=strings.duration(80)) in text
    missed = page.locator(".cur-cohort__missed li")
    assert missed.count() == 1
    assert missed.locator("a").get_attribute("href") == week1
    assert strings.t("missed_encourage") in text

    # After the last session, everything of the past weeks ticked.
    for n in (1, 2):
        page.goto(week1, wait_until="networkidle")
        tick(page, n)
    page.goto(week1.replace("week-01", "week-02"), wait_until="networkidle")
    for n in (0, 1, 2):
        tick(page, n)
    page.clock.set_fixed_time("2027-06-01T09:00:00")
    page.goto(home + "programmes/evening/", wait_until="networkidle")
    text = cohort_text(page)
    assert strings.t("cohort_ended") in text
    assert strings.t("missed_none") in text
    context.close()


def test_a_programme_page_offers_its_own_programme(browser: Any, site: Site) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time("2027-02-16T09:00:00")
    page.goto(site.url + "programmes/evening/", wait_until="networkidle")
    assert cohort_choice(page) == "evening"
    assert "a company visit" in cohort_text(page)
    page.goto(site.url, wait_until="networkidle")  # not chosen yet: the home page asks
    assert cohort_choice(page) == ""
    context.close()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_skills_record_shows_what_the_trainee_ticked(
    browser: Any, site: Site, lang: str
) -> None:
    """Week 1's three required items and the first "I can" ticked, a name typed: the record
    shows that check alone, one week of two completed, the name again after a reload, today's
    date; the name is not a tick that moves in a progress file."""
    strings = catalog(lang)
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2027, 3, 1, 12, 0))
    page.goto(site.url + prefix(lang) + WEEK, wait_until="networkidle")
    for n in range(3):
        tick(page, n)
    page.goto(site.url + prefix(lang) + "modules/basics/self-evaluation/", wait_until="networkidle")
    tick(page, 0)
    page.locator(".cur-record-link a").first.click()
    record = page.locator(".cur-record")
    record.wait_for()
    assert not page.locator(".cur-record__wait").is_visible()
    page.locator(".cur-record__name").fill("Amina Haddad")
    page.reload(wait_until="networkidle")
    record.wait_for()
    assert page.locator(".cur-record__name").input_value() == "Amina Haddad"
    shown = record.locator("[data-cur-can]:visible")
    assert shown.count() == 1
    assert "write a program that prints a message" in shown.inner_text()
    weeks = strings.t("record_weeks").format(done=1, total=2)
    assert record.locator(".cur-record__weeks").inner_text() == weeks
    date = {"en": "March 1, 2027", "fa": "1 مارس 2027"}[lang]  # Western digits, as on every page
    assert record.locator(".cur-record__date").inner_text() == strings.t("record_date").format(
        date=date
    )
    assert not record.locator(".cur-record__none").is_visible()
    page.goto(site.url + prefix(lang) + "offline/", wait_until="networkidle")
    with page.expect_download() as download:
        page.locator("button.cur-transfer__export").click()
    data = json.loads(Path(download.value.path()).read_text())
    assert len(data["ticks"]) == 4 and not [k for k in data["ticks"] if "@" in k]
    context.close()

"""A trainee's "this week" and "what I missed": each programme's sessions as a small file per
language, and the box on the home page and the programme pages that curriculum.js fills from it
and from the ticks kept in the browser. Nothing is sent anywhere; it works offline.

The file: {"sessions": [{"date": "2027-02-07", "when": "Sunday 7 February 2027, 10:00",
"kind": "week", "label": "JavaScript, week 1: Arrays", "url": "../../modules/javascript/week-01/",
"items": [["javascript/week-01/mdn-arrays", 65], ...]}, {"date": ..., "kind": "visit"}, ...]}
with the week's required items (key and minutes, as the prep page keeps their ticks), `url`
relative to the file.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..loaded import Curriculum, LoadedProgramme
from ..schedule import minutes_of_day
from .common import (
    Lang,
    Page,
    data,
    module_title_plain,
    programme_strings,
    required_items,
    week_title_plain,
)
from .context import Context
from .paths import page_url, programme_sessions_file, week_page


def render_sessions(ctx: Context, prog: LoadedProgramme) -> Page:
    lang = ctx.lang
    folder = programme_sessions_file(prog.meta.id).rsplit("/", 1)[0]
    up = "../" * (folder.count("/") + 1)
    out: list[dict[str, Any]] = []
    for session in ctx.schedules[prog.meta.id]:
        if session.date is None:
            continue
        entry: dict[str, Any] = {
            "date": session.date.isoformat(),
            "when": f"{lang.catalog.full_date(session.date)}, "
            f"{lang.catalog.clock(minutes_of_day(prog.meta.time))}",
            "kind": session.kind,
        }
        if session.kind == "week" and session.week and session.module:
            week = session.week
            entry["label"] = (
                lang.catalog.t(
                    "module_and_week",
                    module=module_title_plain(lang, session.module),
                    week=lang.catalog.t("week_n", n=week.number),
                )
                + f": {week_title_plain(lang, week)}"
            )
            entry["url"] = up + week_page(week, "prep").removesuffix("index.md")
            entry["items"] = [list(item) for item in required_items(session.module, week)]
        out.append(entry)
    text = json.dumps({"sessions": out}, ensure_ascii=False, separators=(",", ":"))
    return Page(programme_sessions_file(prog.meta.id, lang.suffix), text)


def dated(cur: Curriculum) -> list[LoadedProgramme]:
    """The programmes that have dates: the ones a trainee can follow week by week."""
    return [prog for prog in cur.programmes if prog.meta.start is not None]


def widget(cur: Curriculum, lang: Lang, src: str, current: str | None = None) -> Markup:
    """The "this week" box of page `src` (empty without dated programmes). `current`: the
    programme this page is about, chosen until the reader chooses another."""
    programmes = dated(cur)
    if not programmes:
        return Markup("")

    def t(key: str) -> str:  # plain text, in the form for this site's weekday
        if not lang.sunday and lang.catalog.has(key + "_session"):
            key += "_session"
        return lang.catalog.t(key)

    up = "../" * page_url(src).count("/")
    options = [f'<option value="">{html.escape(t("cohort_choose_prompt"))}</option>']
    for prog in programmes:
        url = up + programme_sessions_file(prog.meta.id)
        options.append(
            f'<option value="{prog.meta.id}" data-cur-sessions="{html.escape(url)}">'
            f"{html.escape(programme_strings(lang, prog)[2])}</option>"
        )
    strings = data(
        cohort=current or "",
        next_text=t("cohort_next"),
        visit_text=t("cohort_visit"),
        prepare_text=t("cohort_prepare"),
        not_started_text=t("cohort_not_started"),
        ended_text=t("cohort_ended"),
        missed_text=t("missed_intro"),
        missed_none_text=t("missed_none"),
        encourage_text=t("missed_encourage"),
        text=t("progress_summary"),
        done_text=t("progress_complete"),
        hm=t("duration_hm"),
    )
    return Markup(
        f'<section class="cur-cohort" aria-labelledby="cur-cohort-title" {strings} hidden>\n'
        f'<h2 id="cur-cohort-title">{html.escape(t("cohort_heading"))}</h2>\n'
        f'<p><label for="cur-cohort-choice">{html.escape(t("cohort_choose"))}</label> '
        f'<select id="cur-cohort-choice">{"".join(options)}</select></p>\n'
        '<div class="cur-cohort__now" aria-live="polite"></div>\n'
        f'<h3 class="cur-cohort__missed-title" hidden>{html.escape(t("missed_heading"))}</h3>\n'
        '<div class="cur-cohort__missed"></div>\n'
        "</section>\n"
    )


def widget_for(cur: Curriculum, code: str, url: str) -> Markup:
    """The box for the page at `url` (its address within language `code`'s folder, as MkDocs
    gives it: "" for the home page, "programmes/<id>/" for a programme): on those pages only."""
    lang = Lang(
        code,
        cur.default_language,
        cur.overlay(code),
        sunday=all(p.meta.weekday == "sunday" for p in cur.programmes),
    )
    if url in ("", "index.html"):
        return widget(cur, lang, "index.md")
    parts = url.strip("/").split("/")
    known = {prog.meta.id for prog in dated(cur)}
    if len(parts) == 2 and parts[0] == "programmes" and parts[1] in known:
        return widget(cur, lang, f"programmes/{parts[1]}.md", current=parts[1])
    return Markup("")


def pages(ctx: Context) -> Iterator[Page]:
    for prog in dated(ctx.cur):
        yield render_sessions(ctx, prog)

"""A week's plan for coaches: timed blocks, hints, common mistakes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markupsafe import Markup

from .. import escape
from ..loaded import Curriculum, LoadedModule, Week
from ..schedule import in_ramadan, session_start, taught
from .common import (
    Lang,
    Page,
    front_matter,
    href,
    prep_minutes,
    programme_strings,
    render,
    timing,
    week_common,
)
from .context import Context
from .paths import week_page

_HEADING = re.compile(r"^## +(.+?) *#* *$", re.MULTILINE)


def prepared(lang: Lang, week: Week) -> list[Markup]:
    """What trainees prepared at home: each item's kind, title and minutes, for the coach."""
    tr = week.translations.get(lang.code, {}).get("prep")
    titles = (tr.meta.prep if tr and tr.meta.prep else None) or {}
    out = []
    for item, item_id in zip(week.prep.meta.prep, week.item_ids, strict=True):
        translated = titles.get(item_id)
        line = lang.t(
            "coach_prepared_item",
            kind=lang.t(f"item_{item.type}"),
            title=lang.text(translated.title if translated else None, item.title),
            minutes=lang.catalog.minutes(item.minutes),
        )
        out.append(line + (Markup(", ") + lang.t("optional") if item.optional else ""))
    return out


def exercise_titles(lang: Lang, week: Week) -> list[Markup]:
    """The group exercises, by their headings, in this language if translated."""
    tr = week.translations.get(lang.code, {}).get("exercises")
    doc = tr if tr is not None and tr.body.strip() else week.exercises
    found = _HEADING.findall(doc.body)
    if doc is week.exercises:
        return [lang.text(None, title) for title in found]
    return [escape.inline(title) for title in found]


def render_coach(cur: Curriculum, lang: Lang, module: LoadedModule, week: Week) -> Page:
    tr = week.translations.get(lang.code, {}).get("coach")
    meta = week.coach.meta
    # Clock times of the day when the programmes teaching the week agree on the start time.
    start = session_start(cur, week)
    blocks = timing(lang, meta.blocks, tr.meta.blocks if tr else None, start or 0)
    title = tr.meta.title if tr and tr.meta.title else None
    text = render(
        "coach.md.j2",
        **week_common(cur, lang, module, week, "coach", tr),
        # Not in the trainees' search (Material's own setting): 310 sections, a quarter of it.
        front_matter=front_matter(lang.plain(title, meta.title))
        + Markup("\nsearch:\n  exclude: true"),
        title=lang.text(title, meta.title),
        blocks=blocks,
        session=lang.catalog.duration(meta.session_minutes),
        prepared=prepared(lang, week),
        ramadan=[
            lang.t("coach_ramadan", programme=programme_strings(lang, prog)[0])
            for prog, session in taught(cur, week)
            if session.date and in_ramadan(prog, session.date)
        ],
        prepared_total=lang.catalog.duration(prep_minutes(week)),
        exercises=exercise_titles(lang, week),
        exercises_href=href(week_page(week, "coach"), week_page(week, "exercises")),
    )
    return Page(lang.file(week_page(week, "coach")), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        for week in module.weeks:
            yield render_coach(ctx.cur, ctx.lang, module, week)

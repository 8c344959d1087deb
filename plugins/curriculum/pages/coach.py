"""A week's plan for coaches: timed blocks, hints, common mistakes."""

from __future__ import annotations

from collections.abc import Iterator

from ..loaded import Curriculum, LoadedModule, Week
from ..schedule import session_start
from .common import Lang, Page, front_matter, render, timing, week_common
from .context import Context
from .paths import week_page


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
        front_matter=front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        blocks=blocks,
        session=lang.catalog.duration(meta.session_minutes),
    )
    return Page(lang.file(week_page(week, "coach")), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        for week in module.weeks:
            yield render_coach(ctx.cur, ctx.lang, module, week)

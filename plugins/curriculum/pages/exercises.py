"""A week's group exercises for Sunday."""

from __future__ import annotations

from collections.abc import Iterator

from ..loaded import Curriculum, LoadedModule, Week
from .common import Lang, Page, front_matter, render, week_common
from .context import Context
from .paths import week_page


def render_exercises(cur: Curriculum, lang: Lang, module: LoadedModule, week: Week) -> Page:
    tr = week.translations.get(lang.code, {}).get("exercises")
    meta = week.exercises.meta
    title = tr.meta.title if tr and tr.meta.title else None
    text = render(
        "exercises.md.j2",
        **week_common(cur, lang, module, week, "exercises", tr),
        front_matter=front_matter(lang.plain(title, meta.title)),
        title=lang.text(title, meta.title),
        group_size=str(meta.group_size).replace("-", "–"),
    )
    return Page(lang.file(week_page(week, "exercises")), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        for week in module.weeks:
            yield render_exercises(ctx.cur, ctx.lang, module, week)

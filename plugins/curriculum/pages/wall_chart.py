"""A programme's wall chart: every session of the cohort in one table, printed on A4 landscape."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from ..loaded import Curriculum, LoadedProgramme
from ..schedule import Session, minutes_of_day
from .common import (
    Lang,
    Page,
    front_matter,
    href,
    module_title,
    programme_part,
    programme_strings,
    render,
    week_title,
)
from .context import Context
from .paths import programme_page, wall_chart_page, week_page


def render_wall_chart(
    cur: Curriculum, lang: Lang, prog: LoadedProgramme, sessions: list[Session]
) -> Page:
    src = wall_chart_page(prog.meta.id)
    title, _, plain = programme_strings(lang, prog)
    start = minutes_of_day(prog.meta.time)
    plan = lang.t("wall_coach_plan")
    rows = []
    for n, session in enumerate(sessions, start=1):
        clock = ""
        coach = ""
        if session.kind == "week" and session.week and session.module:
            week = session.week
            label = lang.t(
                "module_and_week",
                module=module_title(lang, session.module),
                week=lang.t("week_n", n=week.number),
            )
            what = Markup(f"{label}: {week_title(lang, week)}")
            minutes = week.coach.meta.session_minutes
            clock = f"{lang.catalog.clock(start)}–{lang.catalog.clock(start + minutes)}"
            coach = Markup(f"[{plan}]({href(src, week_page(week, 'coach'))})")
        elif session.kind == "visit":
            what = lang.t("programme_visit")
            clock = lang.catalog.clock(start)
        elif session.kind == "break":
            what = lang.t("programme_break")
        elif session.kind == "closing":
            closing, ctr = programme_part(lang, prog, session)
            what = lang.text(ctr.title if ctr else None, closing.title)
            clock = lang.catalog.clock(start)
        else:
            phase, ptr = programme_part(lang, prog, session)
            what = Markup(
                f"{lang.text(ptr.title if ptr else None, phase.title)} "
                f"({lang.catalog.weeks(phase.weeks)})"
            )
        rows.append(
            {
                "number": lang.catalog.number(n),
                "date": lang.catalog.full_date(session.date) if session.date else "",
                "clock": clock,
                "what": what,
                "kind": session.kind,
                "coach": coach,
            }
        )
    text = render(
        "wall-chart.md.j2",
        t=lang.t,
        front_matter=front_matter(lang.catalog.t("wall_title", programme=plain)),
        title=lang.t("wall_title", programme=title),
        programme_href=href(src, programme_page(prog.meta.id)),
        programme=title,
        rows=rows,
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for prog in ctx.cur.programmes:
        if prog.meta.start is not None:
            yield render_wall_chart(ctx.cur, ctx.lang, prog, ctx.schedules[prog.meta.id])

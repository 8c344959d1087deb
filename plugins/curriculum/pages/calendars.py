"""Each programme's calendar file (.ics) in each language, beside its page."""

from __future__ import annotations

from collections.abc import Iterator

from ..calendar import programme_calendar, session_key
from ..loaded import LoadedProgramme
from .common import Lang, Page, module_title_plain, programme_part, week_title_plain
from .context import Context
from .paths import programme_calendar_file, week_page


def render_calendar(ctx: Context, prog: LoadedProgramme) -> Page:
    cur, lang = ctx.cur, ctx.lang
    sessions = ctx.schedules[prog.meta.id]
    tr = prog.translations.get(lang.code)
    names = {"calendar": tr.title if tr and tr.title else prog.meta.title}
    links: dict[str, str] = {}
    prefix = "" if lang.code == lang.source else f"{lang.code}/"
    for session in sessions:
        key = session_key(session)
        if session.kind == "week" and session.week and session.module:
            week = session.week
            names[key] = (
                lang.catalog.t(
                    "module_and_week",
                    module=module_title_plain(lang, session.module),
                    week=lang.catalog.t("week_n", n=week.number),
                )
                + f": {week_title_plain(lang, week)}"
            )
            if cur.site_url:
                page = week_page(week, "prep").removesuffix("index.md")
                links[key] = cur.site_url.rstrip("/") + "/" + prefix + page
        elif session.kind == "visit":
            names[key] = lang.catalog.t("programme_visit")
        elif session.kind in ("closing", "phase"):
            part, translated = programme_part(lang, prog, session)
            names[key] = translated.title if translated and translated.title else part.title
    data = programme_calendar(cur, prog, sessions, names, links)
    return Page(calendar_path(lang, prog.meta.id), data.decode("utf-8"))


def calendar_path(lang: Lang, programme_id: str) -> str:
    return programme_calendar_file(programme_id, lang.suffix)


def pages(ctx: Context) -> Iterator[Page]:
    for prog in ctx.cur.programmes:
        if prog.meta.start is not None:
            yield render_calendar(ctx, prog)

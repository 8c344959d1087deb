"""A programme: its modules and every Sunday of the course, with its facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from markupsafe import Markup

from ..loaded import Curriculum, LoadedProgramme
from ..schedule import Session, schedule
from .common import (
    Lang,
    Page,
    banner,
    front_matter,
    href,
    module_facts,
    module_title,
    outdated_text,
    prep_minutes,
    programme_part,
    programme_strings,
    render,
    week_title,
)
from .context import Context
from .paths import (
    module_extra_page,
    module_page,
    programme_calendar_file,
    programme_page,
    skills_record_page,
    week_page,
)


def render_programme(
    cur: Curriculum, lang: Lang, prog: LoadedProgramme, sessions: list[Session] | None = None
) -> Page:
    src = programme_page(prog.meta.id)
    title, summary, plain = programme_strings(lang, prog)
    members = [cur.modules[mid] for mid in prog.meta.modules if mid in cur.modules]
    modules = [
        {
            "title": module_title(lang, m),
            "href": href(src, module_page(m.meta.id)),
            "facts": module_facts(lang, m),
        }
        for m in members
    ]
    sessions = sessions if sessions is not None else schedule(cur, prog)
    rows = []
    for n, session in enumerate(sessions, start=1):
        if session.kind == "week" and session.week and session.module:
            week = session.week
            label = lang.t(
                "module_and_week",
                module=module_title(lang, session.module),
                week=lang.t("week_n", n=week.number),
            )
            what = Markup(
                f"[{label}]({href(src, week_page(week, 'prep'))}): {week_title(lang, week)}"
            )
        elif session.kind == "visit":
            what = Markup("**") + lang.t("programme_visit") + Markup("**")
        elif session.kind == "break":
            what = lang.t("programme_break")
        elif session.kind == "phase":
            phase, ptr = programme_part(lang, prog, session)
            name = lang.text(ptr.title if ptr else None, phase.title)
            if phase.page:
                name = Markup(f"[{name}]({href(src, phase.page)})")
            what = Markup(
                f"**{name}** ({lang.catalog.weeks(phase.weeks)}): "
                f"{lang.text(ptr.summary if ptr else None, phase.summary)}"
            )
        else:
            closing, ctr = programme_part(lang, prog, session)
            what = Markup(
                f"**{lang.text(ctr.title if ctr else None, closing.title)}**: "
                f"{lang.text(ctr.summary if ctr else None, closing.summary)}"
            )
        rows.append(
            {
                "number": lang.catalog.number(n),
                "date": lang.catalog.date(session.date) if session.date else "",
                "what": what,
            }
        )
    module_weeks = [s for s in sessions if s.kind == "week" and s.week]
    group_minutes = sum(s.week.coach.meta.session_minutes for s in module_weeks if s.week)
    prep = sum(prep_minutes(s.week) for s in module_weeks if s.week)
    held = [s for s in sessions if s.kind not in ("break", "phase")]
    facts = [
        lang.t(
            "programme_sessions",
            sessions=lang.catalog.number(len(held)),
            hours=lang.catalog.hours(round(group_minutes / 60)),
            day=lang.day(prog.meta.weekday),
        ),
        lang.t("programme_prep", hours=lang.catalog.hours(round(prep / 60))),
    ]
    visits = sum(1 for s in sessions if s.kind == "visit")
    if visits:
        facts.append(
            lang.t(
                "programme_visits",
                n=lang.catalog.number(visits),
                weeks=lang.catalog.weeks(prog.meta.company_visit_every or 0),
            )
        )
    dated = [s.date for s in held if s.date]
    phased = [(s.date, prog.meta.phases[s.phase].weeks) for s in sessions if s.kind == "phase"]
    last, weeks = phased[-1] if phased else (None, 0)
    if dated and last is not None:
        dated.append(last + dt.timedelta(weeks=weeks, days=-1))
    if dated:
        facts.append(
            lang.t(
                "programme_dates",
                start=lang.catalog.date(dated[0]),
                end=lang.catalog.date(dated[-1]),
            )
        )
    kits = [
        {
            "title": lang.text(
                (
                    t.meta.title
                    if (t := m.page_translations.get(lang.code, {}).get("workshop"))
                    else None
                ),
                m.workshop.meta.title,
            ),
            "href": href(src, module_extra_page(m.meta.id, "workshop")),
        }
        for m in members
        if m.workshop is not None
    ]
    text = render(
        "programme.md.j2",
        **banner(
            lang,
            src,
            fallback=lang.code not in prog.translations,
            outdated=outdated_text(cur, lang, prog.path.removesuffix(".yml") + f".{lang.code}.yml"),
        ),
        front_matter=front_matter(plain),
        title=title,
        summary=summary,
        facts=facts,
        modules=modules,
        schedule=rows,
        visit=lang.t("programme_visit_text") if visits else "",
        kits=kits if prog.meta.closing else [],
        calendar=(
            href(src, programme_calendar_file(prog.meta.id)) if prog.meta.start is not None else ""
        ),
        record=lang.t("record_link", link=href(src, skills_record_page(prog.meta.id))),
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for prog in ctx.cur.programmes:
        yield render_programme(ctx.cur, ctx.lang, prog, ctx.schedules[prog.meta.id])

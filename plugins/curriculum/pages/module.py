"""A module's overview: facts, objectives, its weeks with their progress, the pages it ends with."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from ..loaded import Curriculum, LoadedModule
from .common import (
    Lang,
    Page,
    banner,
    front_matter,
    href,
    module_title,
    module_title_plain,
    outdated_text,
    prep_minutes,
    progress,
    render,
    required_items,
    week_title,
)
from .context import Context
from .paths import module_extra_page, module_page, week_page

_EXTRA_PAGE_TEXT = {
    "self-evaluation": "module_self_evaluation_text",
    "workshop": "module_workshop_text",
}
"""What the module overview says of each page at the end of the module."""


def render_module(cur: Curriculum, lang: Lang, module: LoadedModule) -> Page:
    meta = module.meta
    tr = module.translations.get(lang.code)
    src = module_page(meta.id)
    weeks = []
    for week in module.weeks:
        weeks.append(
            {
                "label": lang.t("week_n", n=week.number),
                "href": href(src, week_page(week, "prep")),
                "title": week_title(lang, week),
                "prep": lang.catalog.duration(prep_minutes(week)),
                "progress": progress(
                    lang,
                    "span",
                    required_items(module, week),
                    "progress_summary",
                    "progress_complete",
                ),
                "exercises_href": href(src, week_page(week, "exercises")),
                "coach_href": href(src, week_page(week, "coach")),
            }
        )
    objectives = tr.objectives if tr and tr.objectives else None
    closing = []
    for stem, doc in module.extra_pages().items():
        dtr = module.page_translations.get(lang.code, {}).get(stem)
        closing.append(
            {
                "title": lang.text(dtr.meta.title if dtr else None, doc.meta.title),
                "href": href(src, module_extra_page(meta.id, stem)),
                "text": lang.t(_EXTRA_PAGE_TEXT[stem]),
            }
        )
    text = render(
        "module.md.j2",
        closing=closing,
        **banner(
            lang,
            src,
            fallback=tr is None,
            outdated=outdated_text(cur, lang, f"{module.path}/module.{lang.code}.yml"),
        ),
        front_matter=front_matter(module_title_plain(lang, module)),
        title=module_title(lang, module),
        track=lang.t(f"track_{meta.track}"),
        level=lang.t(f"level_{meta.level}"),
        hours=lang.catalog.hours(meta.hours),
        summary=lang.text(tr.summary if tr else None, meta.summary),
        objectives=[
            lang.text(objectives[n] if objectives else None, o)
            for n, o in enumerate(meta.objectives)
        ],
        # A module the site does not hold is named, not linked.
        prerequisites=[
            Markup(f"[{title}]({href(src, module_page(r))})") if r in cur.modules else title
            for r in meta.prerequisites
            for title in [module_title(lang, cur.library.get(r) or cur.modules[r])]
        ],
        weeks=weeks,
        authors=", ".join(meta.authors),
        license=meta.license,
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        yield render_module(ctx.cur, ctx.lang, module)

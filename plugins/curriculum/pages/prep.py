"""A week's preparation page: objectives, the checklist with minutes, the week's words."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from markupsafe import Markup

from .. import escape
from ..loaded import Curriculum, LoadedModule, Week
from .common import Lang, Page, front_matter, href, progress, render, required_items, week_common
from .context import Context
from .glossary import Glossary
from .paths import OFFLINE_PAGE, week_page


def render_prep(
    cur: Curriculum,
    lang: Lang,
    module: LoadedModule,
    week: Week,
    glossary: Glossary | None = None,
) -> Page:
    tr = week.translations.get(lang.code, {}).get("prep")
    meta, trm = week.prep.meta, tr.meta if tr else None
    src = week_page(week, "prep")
    translated = (trm.prep if trm else None) or {}
    items = []
    for item, item_id in zip(meta.prep, week.item_ids, strict=True):
        tr_item = translated.get(item_id)
        # A translation may point to the same resource in its own language.
        url = tr_item.url if tr_item and tr_item.url and item.url else item.url
        target = (
            escape.url(url)
            if url
            else posixpath.normpath(posixpath.join(posixpath.dirname(src), item.page or ""))
        )
        items.append(
            {
                "key": f"{module.meta.id}/{week.folder}/{item_id}",
                "dom_id": f"tick-{item_id}",
                "type": item.type,
                "type_label": lang.t(f"item_{item.type}"),
                "title": lang.text(tr_item.title if tr_item else None, item.title),
                "href": Markup(target if item.url else href(src, target)),
                "minutes": item.minutes,
                "minutes_label": lang.catalog.minutes(item.minutes),
                "optional": item.optional,
            }
        )
    required = sum(i.minutes for i in meta.prep if not i.optional)
    optional = sum(i.minutes for i in meta.prep if i.optional)
    objectives = trm.objectives if trm and trm.objectives else None
    title = trm.title if trm and trm.title else None
    glossary = glossary or Glossary(cur, lang)  # one per language when rendering them all
    terms = [glossary.entry(term_id, src) for term_id in meta.terms]
    text = render(
        "prep.md.j2",
        **week_common(cur, lang, module, week, "prep", tr),
        terms=terms,
        move_href=href(src, OFFLINE_PAGE) + "#move",
        front_matter=front_matter(lang.plain(title, meta.title)),
        title=lang.text(title, meta.title),
        objectives=[
            lang.text(objectives[n] if objectives else None, o)
            for n, o in enumerate(meta.objectives)
        ],
        items=items,
        week_key=f"{module.meta.id}/{week.folder}",
        progress=progress(
            lang, "p", required_items(module, week), "progress_summary", "progress_complete"
        ),
        required=lang.catalog.duration(required),
        optional=lang.catalog.duration(optional) if optional else "",
    )
    return Page(lang.file(src), text)


def pages(ctx: Context) -> Iterator[Page]:
    for module in ctx.cur.modules.values():
        for week in module.weeks:
            yield render_prep(ctx.cur, ctx.lang, module, week, ctx.glossary)

"""The lists of modules (by track) and of programmes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..loaded import Curriculum
from ..model import TRACKS
from .common import (
    Lang,
    Page,
    front_matter,
    href,
    module_facts,
    module_title,
    programme_strings,
    render,
)
from .context import Context
from .paths import MODULES_INDEX, PROGRAMMES_INDEX, module_page, programme_page


def render_modules_index(cur: Curriculum, lang: Lang) -> Page:
    src = MODULES_INDEX
    tracks = []
    own = [m.meta.track for m in cur.modules.values() if m.meta.track not in TRACKS]
    for track in [*TRACKS, *dict.fromkeys(own)]:
        members = [m for m in cur.modules.values() if m.meta.track == track]
        if not members:
            continue
        tracks.append(
            {
                "title": lang.t(f"track_{track}"),
                "modules": [
                    {
                        "title": module_title(lang, m),
                        "href": href(src, module_page(m.meta.id)),
                        "summary": lang.text(
                            m.translations[lang.code].summary
                            if lang.code in m.translations
                            else None,
                            m.meta.summary,
                        ),
                        "facts": module_facts(lang, m),
                    }
                    for m in members
                ],
            }
        )
    return index_page(lang, src, "modules.md.j2", "nav_modules", tracks=tracks)


def index_page(lang: Lang, src: str, template: str, title_key: str, **items: Any) -> Page:
    """A list page (modules, programmes) titled by one of the catalog's navigation strings."""
    text = render(
        template,
        t=lang.t,
        front_matter=front_matter(lang.catalog.t(title_key)),
        title=lang.t(title_key),
        **items,
    )
    return Page(lang.file(src), text)


def render_programmes_index(cur: Curriculum, lang: Lang) -> Page:
    src = PROGRAMMES_INDEX
    items = []
    for prog in cur.programmes:
        title, summary, _ = programme_strings(lang, prog)
        items.append(
            {"title": title, "summary": summary, "href": href(src, programme_page(prog.meta.id))}
        )
    return index_page(lang, src, "programmes.md.j2", "nav_programmes", programmes=items)


def pages(ctx: Context) -> Iterator[Page]:
    yield render_modules_index(ctx.cur, ctx.lang)
    yield render_programmes_index(ctx.cur, ctx.lang)

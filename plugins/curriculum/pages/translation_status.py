"""The translation status page, for translators: per language, what is up to date, outdated (and
what changed in the English) or missing, with links to the files to edit."""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from .. import escape
from ..editing import file_url
from ..loaded import Curriculum
from ..translation_status import entries, summary
from .common import Lang, Page, front_matter, href, render
from .context import Context
from .paths import TRANSLATE_GUIDE, TRANSLATION_STATUS


def render_status(cur: Curriculum, lang: Lang) -> Page:
    src = TRANSLATION_STATUS
    found = entries(cur)
    counts = summary(cur, found)
    rows = []
    for code in cur.languages:
        if code == cur.default_language:
            continue
        c = counts.get(code)
        if c is None:
            continue
        rows.append(
            {
                "name": cur.catalog(code).t("language_name"),
                "code": code,
                **{state: lang.catalog.number(c[state]) for state in c if state != "percent"},
                "percent": Markup(escape.plain(lang.catalog.percent(c["percent"]))),
            }
        )
    # The source language's page lists what is outdated in every language; a translation's page,
    # what is outdated and what is missing in its own.
    own = lang.code != lang.source
    outdated = [
        {"file": _file(cur, e.path), "changed": ", ".join(f"`{part}`" for part in e.changed)}
        for e in found
        if e.state == "outdated" and (not own or e.lang == lang.code)
    ]
    missing = (
        [_file(cur, e.source) for e in found if e.state == "missing" and e.lang == lang.code]
        if own
        else None
    )
    text = render(
        "translation-status.md.j2",
        t=lang.t,
        front_matter=front_matter(lang.t("status_title")),
        guide_href=href(src, TRANSLATE_GUIDE),
        summary=rows,
        outdated=outdated,
        missing=missing,
        language_name=lang.catalog.t("language_name"),
    )
    return Page(lang.file(src), text)


def _file(cur: Curriculum, path: str) -> Markup:
    """A file of the tree, linked to where it is edited when the site says where that is."""
    url = file_url(cur, path)
    return Markup(f"[`{path}`]({url})" if url else f"`{path}`")


def pages(ctx: Context) -> Iterator[Page]:
    # Also on a site of one language (a preview): the translating guide links to it.
    yield render_status(ctx.cur, ctx.lang)

""" "Reading offline": how saving works, and the button that saves the whole language."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import Catalog
from .common import Lang, Page, data, front_matter, href, render
from .context import Context
from .paths import OFFLINE_MANIFEST, OFFLINE_PAGE


def render_offline(lang: Lang) -> Page:
    """How to read without a connection, with the button that saves the whole language."""
    t = lang.catalog.t
    button = data(
        offline=href(OFFLINE_PAGE, OFFLINE_MANIFEST.format(lang=lang.code)),
        text=t("offline_saving"),
        done_text=t("offline_saved"),
        failed_text=t("offline_failed"),
        size_text=t("offline_size"),
        unsupported_text=t("offline_unsupported"),
    )
    text = render(
        "offline.md.j2",
        t=lang.t,
        front_matter=front_matter(t("nav_offline")),
        title=lang.t("nav_offline"),
        button=button,
        export=data(export="progress", done_text=t("progress_exported")),
        status=data(
            text=t("progress_imported"),
            failed_text=t("progress_import_damaged"),
            unsupported_text=t("progress_import_foreign"),
            newer_text=t("progress_import_newer"),
        ),
    )
    return Page(lang.file(OFFLINE_PAGE), text)


def pages(ctx: Context) -> Iterator[Page]:
    yield render_offline(ctx.lang)


def not_saved_strings(strings: Catalog) -> dict[str, str]:
    """What the page shown offline for a page that was never saved says (see curriculum.js)."""
    return {
        "title": strings.t("offline_not_saved_title"),
        "text": strings.t("offline_not_saved_text"),
        "link": strings.t("offline_not_saved_link"),
    }

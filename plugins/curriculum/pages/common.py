"""What every page kind shares: the template environment, the language being rendered,
relative links, the translation banner, progress counters and timing tables."""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import escape, model
from ..history import english_date
from ..i18n import catalog
from ..loaded import Curriculum, Doc, LoadedModule, LoadedProgramme, Week
from ..programme_model import WEEKDAYS
from ..schedule import Session, minutes_of_day, taught
from .paths import (
    TRANSLATE_GUIDE,
    module_extra_page,
    module_page,
    source_language_href,
    week_page,
)

TEMPLATES = Path(__file__).parents[1] / "templates"


def _finalize(value: Any) -> Any:
    # Everything printed by a template is escaped unless it was built as Markup by us.
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return escape.inline(str(value))


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    finalize=_finalize,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    autoescape=False,
)


@dataclass(frozen=True)
class Page:
    """One generated file of the build folder: its path there, and its text."""

    path: str
    text: str


class Lang:
    """What a template needs to know about the language it renders in."""

    def __init__(
        self,
        lang: str,
        source: str,
        strings: dict[str, str] | None = None,
        *,
        sunday: bool = True,
    ) -> None:
        self.code = lang
        self.source = source
        self.catalog = catalog(lang, strings)
        self.suffix = "" if lang == source else f".{lang}"
        self.sunday = sunday
        """False if the site's group sessions are not all on Sundays: strings that name Sunday
        give way to their `_session` form ("Before the group session")."""

    def day(self, weekday: str) -> str:
        """The name of a day of the week in this language, as it stands alone ('samedi')."""
        from babel.dates import get_day_names

        names = get_day_names("wide", context="stand-alone", locale=self.catalog.locale)
        return str(names[WEEKDAYS.index(weekday)])

    def t(self, key: str, **values: Any) -> Markup:
        if not self.sunday and self.catalog.has(key + "_session"):
            key += "_session"
        out = []
        for literal, name, _spec, _conv in Formatter().parse(self.catalog.t(key)):
            out.append(escape.trusted(literal))
            if name is not None:
                value = values[name]
                out.append(value if isinstance(value, Markup) else escape.inline(str(value)))
        return Markup("".join(out))

    def text(self, translated: str | None, source: str) -> Markup:
        """A metadata string in this language, or the source marked as English."""
        if self.code == self.source or translated is not None:
            return escape.inline(translated if translated is not None else source)
        return Markup(f'<span lang="{self.source}" dir="ltr">{escape.inline(source)}</span>')

    def plain(self, translated: str | None, source: str) -> str:
        """A title as plain text (navigation, the browser's tab): the translation, or the source
        text, isolated left to right in a right-to-left page so that "program?" does not come out
        as "?program" (Unicode LRI ... PDI, which show as nothing)."""
        if translated:
            return translated
        if self.code != self.source and self.catalog.direction == "rtl":
            return f"\u2066{source}\u2069"
        return source

    def file(self, path: str) -> str:
        return f"{path[:-3]}{self.suffix}.md"


def href(src: str, target: str) -> Markup:
    """Relative Markdown link from page `src` to page `target` (both paths in the build folder)."""
    return Markup(posixpath.relpath(target, posixpath.dirname(src) or "."))


def front_matter(title: str) -> Markup:
    return Markup("title: " + json.dumps(escape.plain(title), ensure_ascii=False))


def render(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)


def data(**attributes: str) -> Markup:
    """`data-cur-*` attributes for curriculum.js, values escaped for HTML."""
    return Markup(
        " ".join(
            f'data-cur-{name.replace("_", "-")}="{html.escape(value, quote=True)}"'
            for name, value in attributes.items()
        )
    )


def progress(lang: Lang, tag: str, items: list[tuple[str, int]], text: str, done: str) -> Markup:
    """An empty element that curriculum.js fills from the ticks kept in the browser:
    "3 of 5 done, about 1 hr 20 min left". `items` are (key, minutes) of the counted items."""
    attributes = data(
        progress=" ".join(f"{key}:{minutes}" for key, minutes in items),
        text=lang.catalog.t(text),
        done_text=lang.catalog.t(done),
        hm=lang.catalog.t("duration_hm"),
    )
    return Markup(f'<{tag} class="cur-progress" {attributes} aria-live="polite" hidden></{tag}>')


def module_title(lang: Lang, module: LoadedModule) -> Markup:
    tr = module.translations.get(lang.code)
    return lang.text(tr.title if tr else None, module.meta.title)


def module_title_plain(lang: Lang, module: LoadedModule) -> str:
    tr = module.translations.get(lang.code)
    return lang.plain(tr.title if tr else None, module.meta.title)


def week_title(lang: Lang, week: Week) -> Markup:
    """The week's title (its prep page's), in this language or marked as English."""
    tr = week.translations.get(lang.code, {}).get("prep")
    return lang.text(tr.meta.title if tr else None, week.prep.meta.title)


def week_title_plain(lang: Lang, week: Week) -> str:
    tr = week.translations.get(lang.code, {}).get("prep")
    return lang.plain(tr.meta.title if tr else None, week.prep.meta.title)


def programme_part(lang: Lang, prog: LoadedProgramme, session: Session) -> tuple[Any, Any]:
    """A closing session's or a phase's source entry, and its translation in this language."""
    tr = prog.translations.get(lang.code)
    if session.kind == "phase":
        phases = tr.phases if tr and tr.phases else None
        return prog.meta.phases[session.phase], phases[session.phase] if phases else None
    closing = tr.closing if tr and tr.closing else None
    return prog.meta.closing[session.closing], closing[session.closing] if closing else None


def banner(lang: Lang, src: str, *, fallback: bool, outdated: str | None = None) -> dict[str, Any]:
    """What the banners need: "not translated yet" when `fallback` (never in the source
    language), or "the English changed" when `outdated` is the text to show (see outdated_text)."""
    return {
        "t": lang.t,
        "fallback": fallback and lang.code != lang.source,
        "outdated": None if fallback or lang.code == lang.source else outdated,
        "language_name": lang.catalog.t("language_name"),
        "translate_href": href(src, TRANSLATE_GUIDE),
        "source_href": source_language_href(src),
        "source_lang": lang.source,
    }


def outdated_text(cur: Curriculum, lang: Lang, translation: str | None) -> str | None:
    """The "English changed" sentence for the translation at path `translation`, if outdated."""
    found = cur.drift.get(translation) if translation else None
    if found is None or not found.outdated:
        return None
    day = english_date(cur, found.source)
    if day is None:
        return lang.t("outdated_banner_undated")
    return lang.t("outdated_banner", date=lang.catalog.date(dt.date.fromisoformat(day)))


def programme_strings(lang: Lang, prog: LoadedProgramme) -> tuple[Markup, Markup, str]:
    tr = prog.translations.get(lang.code)
    title = lang.text(tr.title if tr else None, prog.meta.title)
    summary = lang.text(tr.summary if tr else None, prog.meta.summary)
    plain = lang.plain(tr.title if tr else None, prog.meta.title)
    return title, summary, plain


def week_common(
    cur: Curriculum,
    lang: Lang,
    module: LoadedModule,
    week: Week,
    kind: str,
    translation: Doc | None,
) -> dict[str, Any]:
    src = week_page(week, kind)
    source: Doc = getattr(week, kind)
    shown = translation if translation is not None and translation.body.strip() else source
    translated = shown is not source
    outdated = outdated_text(cur, lang, translation.path if translation else None)
    return {
        **banner(lang, src, fallback=not translated, outdated=outdated),
        "module_title": module_title(lang, module),
        "module_href": href(src, module_page(module.meta.id)),
        "week_label": lang.t("week_n", n=week.number),
        "taught": [
            lang.t(
                "week_taught",
                programme=programme_strings(lang, prog)[0],
                date=lang.catalog.full_date(session.date),
                time=lang.catalog.clock(minutes_of_day(prog.meta.time)),
            )
            for prog, session in taught(cur, week)
            if session.date is not None
        ],
        "source_lang": lang.source,
        # A translation that has only front matter still shows the English body, marked.
        "body": Markup(shown.body.strip()),
    }


def extra_common(
    cur: Curriculum, lang: Lang, module: LoadedModule, stem: str
) -> tuple[str, Doc, Doc | None, dict[str, Any]]:
    """What the self-evaluation and workshop pages share: paths, documents, context, body."""
    src = module_extra_page(module.meta.id, stem)
    source = module.extra_pages()[stem]
    tr = module.page_translations.get(lang.code, {}).get(stem)
    shown = tr if tr is not None and tr.body.strip() else source
    outdated = outdated_text(cur, lang, tr.path if tr else None)
    common = {
        **banner(lang, src, fallback=shown is source, outdated=outdated),
        "module_title": module_title(lang, module),
        "module_href": href(src, module_page(module.meta.id)),
        "source_lang": lang.source,
        "body": Markup(shown.body.strip()),
    }
    return src, source, tr, common


def timing(
    lang: Lang, blocks: list[model.Block], names: list[str] | None, start: int = 0
) -> list[dict[str, Any]]:
    """Rows of a timing table: clock times (from `start`, minutes of the day), title, duration."""
    rows, clock = [], start
    for n, block in enumerate(blocks):
        rows.append(
            {
                "start": lang.catalog.clock(clock),
                "end": lang.catalog.clock(clock + block.minutes),
                "title": lang.text(names[n] if names else None, block.title),
                "duration": lang.catalog.minutes(block.minutes),
            }
        )
        clock += block.minutes
    return rows


def prep_minutes(week: Week) -> int:
    return sum(i.minutes for i in week.prep.meta.prep if not i.optional)


def required_items(module: LoadedModule, week: Week) -> list[tuple[str, int]]:
    """(key, minutes) of a week's required items: what its progress counts."""
    return [
        (f"{module.meta.id}/{week.folder}/{item_id}", item.minutes)
        for item, item_id in zip(week.prep.meta.prep, week.item_ids, strict=True)
        if not item.optional
    ]


def module_facts(lang: Lang, module: LoadedModule) -> Markup:
    return lang.t(
        "programme_module_facts",
        weeks=lang.catalog.weeks(len(module.weeks)),
        hours=lang.catalog.hours(module.meta.hours),
    )


def outdated_markdown(cur: Curriculum, rel: str, site_path: str) -> str:
    """The "English changed" banner of a translated hand-written page (`rel` in the tree), or ""
    when it is up to date. `site_path`: the English page's path on the site."""
    found = cur.drift.get(rel)
    if found is None or not found.outdated:
        return ""
    lang = Lang(found.lang, cur.default_language, cur.overlay(found.lang))
    outdated = outdated_text(cur, lang, rel)
    return render("_banner.md.j2", **banner(lang, site_path, fallback=False, outdated=outdated))


def fallback_markdown(
    markdown: str, lang: str, source_lang: str, src_path: str, strings: dict[str, str] | None = None
) -> str:
    """A hand-written page shown in the source language: banner first, text marked as English.

    `strings`: the site's own interface strings for `lang` (Curriculum.overlay)."""
    shown = render(
        "_banner.md.j2", **banner(Lang(lang, source_lang, strings), src_path, fallback=True)
    )
    return (
        f'{shown}\n<div class="cur-fallback" lang="{source_lang}" dir="ltr" markdown>'
        f"\n\n{markdown}\n\n</div>\n"
    )


def fallback_title(markdown: str, title: str | None, lang: str) -> str | None:
    """The title of a hand-written page shown in the source language, isolated left to right for
    a right-to-left language's navigation and tab (see Lang.plain); None where nothing changes.
    `title`: the page's front matter title, else its first `# heading` is used."""
    if catalog(lang).direction != "rtl":
        return None
    if not title:
        found = re.search(r"^# +(.+?)\s*#*\s*$", markdown, re.M)
        title = found.group(1) if found else None
    return f"\u2066{title}\u2069" if title and not title.startswith("\u2066") else None

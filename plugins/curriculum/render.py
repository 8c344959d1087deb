"""Turn a validated curriculum into the Markdown pages of the site, in every language."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import escape
from .i18n import catalog
from .load import Curriculum, Doc, LoadedModule, LoadedProgramme, Week
from .model import TRACKS

TEMPLATES = Path(__file__).parent / "templates"
TRANSLATE_GUIDE = "guide/translating.md"


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


class _Lang:
    """What a template needs to know about the language it renders in."""

    def __init__(self, lang: str, source: str) -> None:
        self.code = lang
        self.source = source
        self.catalog = catalog(lang)
        self.suffix = "" if lang == source else f".{lang}"

    def t(self, key: str, **values: Any) -> Markup:
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

    def file(self, path: str) -> str:
        return f"{path[:-3]}{self.suffix}.md"


def _href(src: str, target: str) -> Markup:
    """Relative Markdown link from page `src` to page `target` (both paths in the build folder)."""
    return Markup(posixpath.relpath(target, posixpath.dirname(src) or "."))


def _front_matter(title: str) -> Markup:
    return Markup("title: " + json.dumps(escape.plain(title), ensure_ascii=False))


def _render(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)


# --- paths of generated pages --------------------------------------------------------------------


def module_page(module_id: str) -> str:
    return f"modules/{module_id}/index.md"


def week_page(week: Week, kind: str) -> str:
    name = "index" if kind == "prep" else kind
    return f"modules/{week.module_id}/{week.folder}/{name}.md"


def programme_page(programme_id: str) -> str:
    return f"programmes/{programme_id}.md"


# --- pages ---------------------------------------------------------------------------------------


def _module_title(lang: _Lang, module: LoadedModule) -> Markup:
    tr = module.translations.get(lang.code)
    return lang.text(tr.title if tr else None, module.meta.title)


def _module_title_plain(lang: _Lang, module: LoadedModule) -> str:
    tr = module.translations.get(lang.code)
    return tr.title if tr and tr.title else module.meta.title


def _week_common(
    cur: Curriculum,
    lang: _Lang,
    module: LoadedModule,
    week: Week,
    kind: str,
    translation: Doc | None,
) -> dict[str, Any]:
    src = week_page(week, kind)
    source: Doc = getattr(week, kind)
    shown = translation if translation is not None and translation.body.strip() else source
    translated = shown is not source
    return {
        **_banner(lang, src, fallback=not translated),
        "module_title": _module_title(lang, module),
        "module_href": _href(src, module_page(module.meta.id)),
        "week_label": lang.t("week_n", n=week.number),
        "source_lang": lang.source,
        # A translation that has only front matter still shows the English body, marked.
        "body": Markup(shown.body.strip()),
    }


def _banner(lang: _Lang, src: str, *, fallback: bool) -> dict[str, Any]:
    """What the "not translated yet" banner needs; shown only when `fallback` and not English."""
    return {
        "t": lang.t,
        "fallback": fallback and lang.code != lang.source,
        "language_name": lang.catalog.t("language_name"),
        "translate_href": _href(src, TRANSLATE_GUIDE),
    }


def render_prep(cur: Curriculum, lang: _Lang, module: LoadedModule, week: Week) -> Page:
    tr = week.translations.get(lang.code, {}).get("prep")
    meta, trm = week.prep.meta, tr.meta if tr else None
    src = week_page(week, "prep")
    titles = (trm.prep if trm else None) or {}
    items = []
    for item, item_id in zip(meta.prep, week.item_ids, strict=True):
        href = (
            escape.url(item.url)
            if item.url
            else posixpath.normpath(posixpath.join(posixpath.dirname(src), item.page or ""))
        )
        items.append(
            {
                "key": f"{module.meta.id}/{week.folder}/{item_id}",
                "dom_id": f"tick-{item_id}",
                "type": item.type,
                "type_label": lang.t(f"item_{item.type}"),
                "title": lang.text(titles.get(item_id), item.title),
                "href": Markup(href if item.url else _href(src, href)),
                "minutes": item.minutes,
                "minutes_label": lang.catalog.minutes(item.minutes),
                "optional": item.optional,
            }
        )
    required = sum(i.minutes for i in meta.prep if not i.optional)
    optional = sum(i.minutes for i in meta.prep if i.optional)
    objectives = trm.objectives if trm and trm.objectives else None
    title = trm.title if trm and trm.title else None
    text = _render(
        "prep.md.j2",
        **_week_common(cur, lang, module, week, "prep", tr),
        front_matter=_front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        objectives=[
            lang.text(objectives[n] if objectives else None, o)
            for n, o in enumerate(meta.objectives)
        ],
        items=items,
        week_key=f"{module.meta.id}/{week.folder}",
        required=lang.catalog.duration(required),
        optional=lang.catalog.duration(optional) if optional else "",
    )
    return Page(lang.file(src), text)


def render_exercises(cur: Curriculum, lang: _Lang, module: LoadedModule, week: Week) -> Page:
    tr = week.translations.get(lang.code, {}).get("exercises")
    meta = week.exercises.meta
    title = tr.meta.title if tr and tr.meta.title else None
    text = _render(
        "exercises.md.j2",
        **_week_common(cur, lang, module, week, "exercises", tr),
        front_matter=_front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        group_size=str(meta.group_size).replace("-", "–"),
    )
    return Page(lang.file(week_page(week, "exercises")), text)


def render_coach(cur: Curriculum, lang: _Lang, module: LoadedModule, week: Week) -> Page:
    tr = week.translations.get(lang.code, {}).get("coach")
    meta = week.coach.meta
    names = tr.meta.blocks if tr and tr.meta.blocks else None
    blocks, clock = [], 0
    for n, block in enumerate(meta.blocks):
        blocks.append(
            {
                "start": lang.catalog.clock(clock),
                "end": lang.catalog.clock(clock + block.minutes),
                "title": lang.text(names[n] if names else None, block.title),
                "duration": lang.catalog.minutes(block.minutes),
            }
        )
        clock += block.minutes
    title = tr.meta.title if tr and tr.meta.title else None
    text = _render(
        "coach.md.j2",
        **_week_common(cur, lang, module, week, "coach", tr),
        front_matter=_front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        blocks=blocks,
        session=lang.catalog.duration(meta.session_minutes),
    )
    return Page(lang.file(week_page(week, "coach")), text)


def prep_minutes(week: Week) -> int:
    return sum(i.minutes for i in week.prep.meta.prep if not i.optional)


def render_module(cur: Curriculum, lang: _Lang, module: LoadedModule) -> Page:
    meta = module.meta
    tr = module.translations.get(lang.code)
    src = module_page(meta.id)
    weeks = []
    for week in module.weeks:
        wtr = week.translations.get(lang.code, {}).get("prep")
        weeks.append(
            {
                "label": lang.t("week_n", n=week.number),
                "href": _href(src, week_page(week, "prep")),
                "title": lang.text(wtr.meta.title if wtr else None, week.prep.meta.title),
                "prep": lang.catalog.duration(prep_minutes(week)),
                "exercises_href": _href(src, week_page(week, "exercises")),
                "coach_href": _href(src, week_page(week, "coach")),
            }
        )
    objectives = tr.objectives if tr and tr.objectives else None
    text = _render(
        "module.md.j2",
        **_banner(lang, src, fallback=tr is None),
        front_matter=_front_matter(_module_title_plain(lang, module)),
        title=_module_title(lang, module),
        track=lang.t(f"track_{meta.track}"),
        level=lang.t(f"level_{meta.level}"),
        hours=lang.catalog.hours(meta.hours),
        summary=lang.text(tr.summary if tr else None, meta.summary),
        objectives=[
            lang.text(objectives[n] if objectives else None, o)
            for n, o in enumerate(meta.objectives)
        ],
        prerequisites=[
            {"title": _module_title(lang, cur.modules[r]), "href": _href(src, module_page(r))}
            for r in meta.prerequisites
        ],
        weeks=weeks,
        authors=", ".join(meta.authors),
        license=meta.license,
    )
    return Page(lang.file(src), text)


def _module_facts(lang: _Lang, module: LoadedModule) -> Markup:
    return lang.t(
        "programme_module_facts",
        weeks=lang.catalog.weeks(len(module.weeks)),
        hours=lang.catalog.hours(module.meta.hours),
    )


def render_modules_index(cur: Curriculum, lang: _Lang) -> Page:
    src = "modules/index.md"
    tracks = []
    for track in TRACKS:
        members = [m for m in cur.modules.values() if m.meta.track == track]
        if not members:
            continue
        tracks.append(
            {
                "title": lang.t(f"track_{track}"),
                "modules": [
                    {
                        "title": _module_title(lang, m),
                        "href": _href(src, module_page(m.meta.id)),
                        "summary": lang.text(
                            m.translations[lang.code].summary
                            if lang.code in m.translations
                            else None,
                            m.meta.summary,
                        ),
                        "facts": _module_facts(lang, m),
                    }
                    for m in members
                ],
            }
        )
    return _index_page(lang, src, "modules.md.j2", "nav_modules", tracks=tracks)


def _index_page(lang: _Lang, src: str, template: str, title_key: str, **items: Any) -> Page:
    """A list page (modules, programmes) titled by one of the catalog's navigation strings."""
    text = _render(
        template,
        t=lang.t,
        front_matter=_front_matter(lang.catalog.t(title_key)),
        title=lang.t(title_key),
        **items,
    )
    return Page(lang.file(src), text)


def _programme_strings(lang: _Lang, prog: LoadedProgramme) -> tuple[Markup, Markup, str]:
    tr = prog.translations.get(lang.code)
    title = lang.text(tr.title if tr else None, prog.meta.title)
    summary = lang.text(tr.summary if tr else None, prog.meta.summary)
    plain = tr.title if tr and tr.title else prog.meta.title
    return title, summary, plain


def render_programme(cur: Curriculum, lang: _Lang, prog: LoadedProgramme) -> Page:
    src = programme_page(prog.meta.id)
    title, summary, plain = _programme_strings(lang, prog)
    modules = [
        {
            "title": _module_title(lang, cur.modules[mid]),
            "href": _href(src, module_page(mid)),
            "facts": _module_facts(lang, cur.modules[mid]),
        }
        for mid in prog.meta.modules
    ]
    text = _render(
        "programme.md.j2",
        **_banner(lang, src, fallback=lang.code not in prog.translations),
        front_matter=_front_matter(plain),
        title=title,
        summary=summary,
        modules=modules,
        start=lang.catalog.date(prog.meta.start) if prog.meta.start else None,
    )
    return Page(lang.file(src), text)


def render_programmes_index(cur: Curriculum, lang: _Lang) -> Page:
    src = "programmes/index.md"
    items = []
    for prog in cur.programmes:
        title, summary, _ = _programme_strings(lang, prog)
        items.append(
            {"title": title, "summary": summary, "href": _href(src, programme_page(prog.meta.id))}
        )
    return _index_page(lang, src, "programmes.md.j2", "nav_programmes", programmes=items)


def render_all(cur: Curriculum) -> list[Page]:
    """Every generated page in every language, in a stable order."""
    pages: list[Page] = []
    for code in cur.languages:
        lang = _Lang(code, cur.default_language)
        pages.append(render_modules_index(cur, lang))
        pages.append(render_programmes_index(cur, lang))
        for prog in cur.programmes:
            pages.append(render_programme(cur, lang, prog))
        for module in cur.modules.values():
            pages.append(render_module(cur, lang, module))
            for week in module.weeks:
                pages.append(render_prep(cur, lang, module, week))
                pages.append(render_exercises(cur, lang, module, week))
                pages.append(render_coach(cur, lang, module, week))
    return pages


def fallback_markdown(markdown: str, lang: str, source_lang: str, src_path: str) -> str:
    """A hand-written page shown in the source language: banner first, text marked as English."""
    banner = _render("_banner.md.j2", **_banner(_Lang(lang, source_lang), src_path, fallback=True))
    return (
        f'{banner}\n<div class="cur-fallback" lang="{source_lang}" dir="ltr" markdown>'
        f"\n\n{markdown}\n\n</div>\n"
    )

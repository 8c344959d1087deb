"""Turn a validated curriculum into the Markdown pages of the site, in every language."""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import escape, model
from .i18n import catalog
from .loaded import Curriculum, Doc, LoadedModule, LoadedProgramme, Week
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


def front_matter(title: str) -> Markup:
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


def module_extra_page(module_id: str, stem: str) -> str:
    """`self-evaluation` or `workshop` of a module."""
    return f"modules/{module_id}/{stem}.md"


GLOSSARY_PAGE = "glossary/index.md"


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


OFFLINE_PAGE = "offline/index.md"
# The list of one language's files for offline reading, written by the build at the language's root.
OFFLINE_MANIFEST = "offline-{lang}.json"


def _data(**attributes: str) -> Markup:
    """`data-cur-*` attributes for curriculum.js, values escaped for HTML."""
    return Markup(
        " ".join(
            f'data-cur-{name.replace("_", "-")}="{html.escape(value, quote=True)}"'
            for name, value in attributes.items()
        )
    )


def _progress(lang: _Lang, tag: str, items: list[tuple[str, int]], text: str, done: str) -> Markup:
    """An empty element that curriculum.js fills from the ticks kept in the browser:
    "3 of 5 done, about 1 hr 20 min left". `items` are (key, minutes) of the counted items."""
    data = _data(
        progress=" ".join(f"{key}:{minutes}" for key, minutes in items),
        text=lang.catalog.t(text),
        done_text=lang.catalog.t(done),
        hm=lang.catalog.t("duration_hm"),
    )
    return Markup(f'<{tag} class="cur-progress" {data} aria-live="polite" hidden></{tag}>')


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


def render_prep(
    cur: Curriculum,
    lang: _Lang,
    module: LoadedModule,
    week: Week,
    glossary: Glossary | None = None,
) -> Page:
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
    glossary = glossary or Glossary(cur, lang)  # one per language when rendering them all
    terms = [glossary.entry(term_id, src) for term_id in meta.terms]
    text = _render(
        "prep.md.j2",
        **_week_common(cur, lang, module, week, "prep", tr),
        terms=terms,
        front_matter=front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        objectives=[
            lang.text(objectives[n] if objectives else None, o)
            for n, o in enumerate(meta.objectives)
        ],
        items=items,
        week_key=f"{module.meta.id}/{week.folder}",
        progress=_progress(
            lang, "p", _required_items(module, week), "progress_summary", "progress_complete"
        ),
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
        front_matter=front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        group_size=str(meta.group_size).replace("-", "–"),
    )
    return Page(lang.file(week_page(week, "exercises")), text)


def render_coach(cur: Curriculum, lang: _Lang, module: LoadedModule, week: Week) -> Page:
    tr = week.translations.get(lang.code, {}).get("coach")
    meta = week.coach.meta
    blocks = _timing(lang, meta.blocks, tr.meta.blocks if tr else None)
    title = tr.meta.title if tr and tr.meta.title else None
    text = _render(
        "coach.md.j2",
        **_week_common(cur, lang, module, week, "coach", tr),
        front_matter=front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        blocks=blocks,
        session=lang.catalog.duration(meta.session_minutes),
    )
    return Page(lang.file(week_page(week, "coach")), text)


def _timing(
    lang: _Lang, blocks: list[model.Block], names: list[str] | None
) -> list[dict[str, Any]]:
    """Rows of a timing table: clock times from the start, title, duration."""
    rows, clock = [], 0
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


class Glossary:
    """The glossary of one language: every module's terms, and the weeks that use them."""

    def __init__(self, cur: Curriculum, lang: _Lang) -> None:
        self.lang = lang
        self.terms: dict[str, tuple[model.GlossaryEntry, model.GlossaryEntry | None]] = {}
        for module in cur.modules.values():
            translated = module.translated_terms(lang.code)
            for term_id, entry in module.terms().items():
                self.terms.setdefault(term_id, (entry, translated.get(term_id)))

    def entry(self, term_id: str, src: str) -> dict[str, Any]:
        source, translated = self.terms[term_id]
        term = translated.term if translated else None
        definition = translated.definition if translated else None
        english = source.term if term is not None and term != source.term else None
        return {
            "id": term_id,
            "anchor": term_anchor(term_id),
            "sort": (term or source.term).casefold(),
            "term": self.lang.text(term, source.term),
            "english": english,
            "definition": self.lang.text(definition, source.definition),
            "href": Markup(_href(src, GLOSSARY_PAGE) + "#" + term_anchor(term_id)),
        }


def render_glossary(cur: Curriculum, lang: _Lang, glossary: Glossary | None = None) -> Page:
    glossary = glossary or Glossary(cur, lang)
    used: dict[str, list[dict[str, Any]]] = {}
    for module in cur.modules.values():
        for week in module.weeks:
            for term_id in week.prep.meta.terms:
                used.setdefault(term_id, []).append(
                    {
                        "title": Markup(
                            f"{_module_title(lang, module)}, {lang.t('week_n', n=week.number)}"
                        ),
                        "href": _href(GLOSSARY_PAGE, week_page(week, "prep")),
                    }
                )
    terms = []
    for term_id in glossary.terms:
        entry = glossary.entry(term_id, GLOSSARY_PAGE)
        entry["used"] = used.get(term_id, [])
        terms.append(entry)
    terms.sort(key=lambda e: (e["sort"], e["id"]))
    text = _render(
        "glossary.md.j2",
        t=lang.t,
        front_matter=front_matter(lang.catalog.t("nav_glossary")),
        title=lang.t("nav_glossary"),
        terms=terms,
        source_lang=lang.source,
    )
    return Page(lang.file(GLOSSARY_PAGE), text)


def _extra_common(
    lang: _Lang, module: LoadedModule, stem: str
) -> tuple[str, Doc, Doc | None, dict[str, Any]]:
    """What the self-evaluation and workshop pages share: paths, documents, context, body."""
    src = module_extra_page(module.meta.id, stem)
    source = module.extra_pages()[stem]
    tr = module.page_translations.get(lang.code, {}).get(stem)
    shown = tr if tr is not None and tr.body.strip() else source
    common = {
        **_banner(lang, src, fallback=shown is source),
        "module_title": _module_title(lang, module),
        "module_href": _href(src, module_page(module.meta.id)),
        "source_lang": lang.source,
        "body": Markup(shown.body.strip()),
    }
    return src, source, tr, common


def render_self_evaluation(lang: _Lang, module: LoadedModule) -> Page:
    src, source, tr, common = _extra_common(lang, module, "self-evaluation")
    meta: model.SelfEvaluation = source.meta
    trm: model.SelfEvaluationTranslation | None = tr.meta if tr else None
    checks = []
    for n, check in enumerate(meta.checks, start=1):
        ctr = trm.checks[n - 1] if trm and trm.checks else None
        checks.append(
            {
                "key": f"{module.meta.id}/self-evaluation/{n}",
                "dom_id": f"check-{n}",
                "can": lang.text(ctr.can if ctr else None, check.can),
                "try": lang.text(ctr.try_ if ctr else None, check.try_),
            }
        )
    title = trm.title if trm and trm.title else None
    text = _render(
        "self-evaluation.md.j2",
        **common,
        front_matter=front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        list_key=f"{module.meta.id}/self-evaluation",
        checks=checks,
        progress=_progress(
            lang,
            "p",
            [(check["key"], 0) for check in checks],
            "progress_self",
            "progress_self_complete",
        ),
    )
    return Page(lang.file(src), text)


def render_workshop(lang: _Lang, module: LoadedModule) -> Page:
    src, source, tr, common = _extra_common(lang, module, "workshop")
    meta: model.Workshop = source.meta
    trm: model.WorkshopTranslation | None = tr.meta if tr else None
    materials = trm.materials if trm and trm.materials else None
    title = trm.title if trm and trm.title else None
    text = _render(
        "workshop.md.j2",
        **common,
        front_matter=front_matter(title or meta.title),
        title=lang.text(title, meta.title),
        audience=lang.text(trm.audience if trm else None, meta.audience),
        participants=meta.participants.replace("-", "–"),
        length=lang.catalog.duration(meta.minutes),
        materials=[
            lang.text(materials[n] if materials else None, m) for n, m in enumerate(meta.materials)
        ],
        blocks=_timing(lang, meta.blocks, trm.blocks if trm else None),
    )
    return Page(lang.file(src), text)


_EXTRA_PAGE_TEXT = {
    "self-evaluation": "module_self_evaluation_text",
    "workshop": "module_workshop_text",
}
"""What the module overview says of each page at the end of the module."""


def prep_minutes(week: Week) -> int:
    return sum(i.minutes for i in week.prep.meta.prep if not i.optional)


def _required_items(module: LoadedModule, week: Week) -> list[tuple[str, int]]:
    """(key, minutes) of a week's required items: what its progress counts."""
    return [
        (f"{module.meta.id}/{week.folder}/{item_id}", item.minutes)
        for item, item_id in zip(week.prep.meta.prep, week.item_ids, strict=True)
        if not item.optional
    ]


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
                "progress": _progress(
                    lang,
                    "span",
                    _required_items(module, week),
                    "progress_summary",
                    "progress_complete",
                ),
                "exercises_href": _href(src, week_page(week, "exercises")),
                "coach_href": _href(src, week_page(week, "coach")),
            }
        )
    objectives = tr.objectives if tr and tr.objectives else None
    closing = []
    for stem, doc in module.extra_pages().items():
        dtr = module.page_translations.get(lang.code, {}).get(stem)
        closing.append(
            {
                "title": lang.text(dtr.meta.title if dtr else None, doc.meta.title),
                "href": _href(src, module_extra_page(meta.id, stem)),
                "text": lang.t(_EXTRA_PAGE_TEXT[stem]),
            }
        )
    text = _render(
        "module.md.j2",
        closing=closing,
        **_banner(lang, src, fallback=tr is None),
        front_matter=front_matter(_module_title_plain(lang, module)),
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
        front_matter=front_matter(lang.catalog.t(title_key)),
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


@dataclass(frozen=True)
class Session:
    """One Sunday of a programme: a module week, a company visit, a break or a closing session."""

    kind: str  # "week", "visit", "break" or "closing"
    date: dt.date | None
    week: Week | None = None
    module: LoadedModule | None = None
    closing: int = 0


def schedule(cur: Curriculum, prog: LoadedProgramme) -> list[Session]:
    """The programme's Sundays in order: weekly from `start`, skipping breaks, visits between."""
    meta = prog.meta
    breaks = set(meta.breaks)
    planned: list[tuple[str, Week | None, LoadedModule | None, int]] = []
    weeks = [(m, w) for mid in meta.modules if (m := cur.modules.get(mid)) for w in m.weeks]
    for n, (loaded, one) in enumerate(weeks, start=1):
        planned.append(("week", one, loaded, 0))
        every = meta.company_visit_every
        if every and n % every == 0 and n < len(weeks):
            planned.append(("visit", None, None, 0))
    planned.extend(("closing", None, None, n) for n in range(len(meta.closing)))
    out: list[Session] = []
    day = meta.start
    for kind, week, module, closing in planned:
        while day is not None and day in breaks:
            out.append(Session("break", day))
            day += dt.timedelta(weeks=1)
        out.append(Session(kind, day, week, module, closing))
        if day is not None:
            day += dt.timedelta(weeks=1)
    return out


def render_programme(
    cur: Curriculum, lang: _Lang, prog: LoadedProgramme, sessions: list[Session] | None = None
) -> Page:
    src = programme_page(prog.meta.id)
    title, summary, plain = _programme_strings(lang, prog)
    tr = prog.translations.get(lang.code)
    members = [cur.modules[mid] for mid in prog.meta.modules if mid in cur.modules]
    modules = [
        {
            "title": _module_title(lang, m),
            "href": _href(src, module_page(m.meta.id)),
            "facts": _module_facts(lang, m),
        }
        for m in members
    ]
    sessions = sessions if sessions is not None else schedule(cur, prog)
    rows = []
    for n, session in enumerate(sessions, start=1):
        if session.kind == "week" and session.week and session.module:
            week = session.week
            wtr = week.translations.get(lang.code, {}).get("prep")
            week_title = lang.text(wtr.meta.title if wtr else None, week.prep.meta.title)
            what = Markup(
                f"[{_module_title(lang, session.module)}, {lang.t('week_n', n=week.number)}]"
                f"({_href(src, week_page(week, 'prep'))}): {week_title}"
            )
        elif session.kind == "visit":
            what = Markup("**") + lang.t("programme_visit") + Markup("**")
        elif session.kind == "break":
            what = lang.t("programme_break")
        else:
            closing = prog.meta.closing[session.closing]
            ctr = tr.closing[session.closing] if tr and tr.closing else None
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
    held = [s for s in sessions if s.kind != "break"]
    facts = [
        lang.t(
            "programme_sessions",
            sessions=lang.catalog.number(len(held)),
            hours=lang.catalog.hours(round(group_minutes / 60)),
        ),
        lang.t("programme_prep", hours=lang.catalog.hours(round(prep / 60))),
    ]
    visits = sum(1 for s in sessions if s.kind == "visit")
    if visits:
        facts.append(
            lang.t(
                "programme_visits",
                n=lang.catalog.number(visits),
                every=lang.catalog.number(prog.meta.company_visit_every or 0),
            )
        )
    dated = [s.date for s in held if s.date]
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
            "href": _href(src, module_extra_page(m.meta.id, "workshop")),
        }
        for m in members
        if m.workshop is not None
    ]
    text = _render(
        "programme.md.j2",
        **_banner(lang, src, fallback=lang.code not in prog.translations),
        front_matter=front_matter(plain),
        title=title,
        summary=summary,
        facts=facts,
        modules=modules,
        schedule=rows,
        visit=lang.t("programme_visit_text") if visits else "",
        kits=kits if prog.meta.closing else [],
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


def render_offline(lang: _Lang) -> Page:
    """How to read without a connection, with the button that saves the whole language."""
    t = lang.catalog.t
    button = _data(
        offline=_href(OFFLINE_PAGE, OFFLINE_MANIFEST.format(lang=lang.code)),
        text=t("offline_saving"),
        done_text=t("offline_saved"),
        failed_text=t("offline_failed"),
        size_text=t("offline_size"),
        unsupported_text=t("offline_unsupported"),
    )
    text = _render(
        "offline.md.j2",
        t=lang.t,
        front_matter=front_matter(t("nav_offline")),
        title=lang.t("nav_offline"),
        button=button,
    )
    return Page(lang.file(OFFLINE_PAGE), text)


def render_all(cur: Curriculum) -> list[Page]:
    """Every generated page in every language, in a stable order."""
    pages: list[Page] = []
    schedules = {
        prog.meta.id: schedule(cur, prog) for prog in cur.programmes
    }  # same in every language
    for code in cur.languages:
        lang = _Lang(code, cur.default_language)
        pages.append(render_modules_index(cur, lang))
        pages.append(render_programmes_index(cur, lang))
        for prog in cur.programmes:
            pages.append(render_programme(cur, lang, prog, schedules[prog.meta.id]))
        glossary = Glossary(cur, lang)
        pages.append(render_glossary(cur, lang, glossary))
        pages.append(render_offline(lang))
        for module in cur.modules.values():
            pages.append(render_module(cur, lang, module))
            extra = module.extra_pages()
            if "self-evaluation" in extra:
                pages.append(render_self_evaluation(lang, module))
            if "workshop" in extra:
                pages.append(render_workshop(lang, module))
            for week in module.weeks:
                pages.append(render_prep(cur, lang, module, week, glossary))
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

"""The glossary of one language: every term, sorted in that language, with the weeks using it."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .. import model
from ..loaded import Curriculum
from .common import Lang, Page, front_matter, href, module_title, render
from .paths import GLOSSARY_PAGE, term_anchor, week_page

if TYPE_CHECKING:
    from .context import Context


class Glossary:
    """The glossary of one language: every module's terms, and the weeks that use them."""

    def __init__(self, cur: Curriculum, lang: Lang) -> None:
        self.lang = lang
        self.terms: dict[str, tuple[model.GlossaryEntry, model.GlossaryEntry | None]] = {}
        # Every module read: a built week may use a term defined in a module the site leaves out.
        for module in (cur.library or cur.modules).values():
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
            "sort": _sort_key(term or source.term),
            "letter": _letter(term or source.term),
            "term": self.lang.text(term, source.term),
            "english": english,
            "definition": self.lang.text(definition, source.definition),
            "href": Markup(href(src, GLOSSARY_PAGE) + "#" + term_anchor(term_id)),
        }


@cache
def _collator() -> Any:
    from pyuca import Collator  # the Unicode Collation Algorithm's default order

    return Collator()


def _words(term: str) -> str:
    """A term as it is filed: by its first letter, not a leading dot (`.gitignore` under G)."""
    return term.lstrip(string.punctuation + " ") or term


@cache  # a term is sorted on every page that lists it: the glossary, and its weeks' pages
def _sort_key(term: str) -> tuple[int, ...]:
    """The Unicode Collation Algorithm's order, which alphabets agree with: é beside e in French,
    پ after ب and گ after ک in Farsi, ґ after г in Ukrainian (a code point order put é after z)."""
    return tuple(_collator().sort_key(_words(term)))


def _letter(term: str) -> str:
    """The heading a term is listed under: its first letter without accents or hamza (é under E,
    أ under ا), or # for a digit."""
    first = unicodedata.normalize("NFD", _words(term)[:1])[:1].upper()
    return "#" if not first.isalpha() else first


def render_glossary(cur: Curriculum, lang: Lang, glossary: Glossary | None = None) -> Page:
    glossary = glossary or Glossary(cur, lang)
    used: dict[str, list[dict[str, Any]]] = {}
    for module in cur.modules.values():
        for week in module.weeks:
            for term_id in week.prep.meta.terms:
                used.setdefault(term_id, []).append(
                    {
                        "title": lang.t(
                            "module_and_week",
                            module=module_title(lang, module),
                            week=lang.t("week_n", n=week.number),
                        ),
                        "href": href(GLOSSARY_PAGE, week_page(week, "prep")),
                    }
                )
    built = {t for module in cur.modules.values() for t in module.terms()}
    terms = []
    for term_id in glossary.terms:
        if term_id not in used and term_id not in built:
            continue  # a term of a module the site does not hold, used nowhere in it
        entry = glossary.entry(term_id, GLOSSARY_PAGE)
        # The patterns are the locale's (CLDR): the links stay Markdown.
        entry["used"] = Markup(
            lang.catalog.join([f"[{use['title']}]({use['href']})" for use in used.get(term_id, [])])
        )
        terms.append(entry)
    terms.sort(key=lambda e: (e["sort"], e["id"]))
    # One heading a letter, and a line of links to them: the glossary is long on a phone.
    letters: dict[str, dict[str, Any]] = {}
    for entry in terms:
        group = letters.setdefault(
            entry["letter"], {"letter": entry["letter"], "anchor": f"letter-{len(letters) + 1}"}
        )
        group.setdefault("terms", []).append(entry)
    text = render(
        "glossary.md.j2",
        t=lang.t,
        front_matter=front_matter(lang.catalog.t("nav_glossary")) + Markup("\nhide:\n  - toc"),
        title=lang.t("nav_glossary"),
        letters=list(letters.values()),
        source_lang=lang.source,
    )
    return Page(lang.file(GLOSSARY_PAGE), text)


def pages(ctx: Context) -> Iterator[Page]:
    yield render_glossary(ctx.cur, ctx.lang, ctx.glossary)

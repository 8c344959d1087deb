"""What search reads of a built page, and words as search compares them.

A page's searched text is what its `data-search-body` element holds (every trainee page: see the
theme's curriculum.html), cut into sections at its headings, less the parts in IGNORED. Words are
compared in one form on both sides: what the build indexes here, and what a reader types
(curriculum-search.js does the same steps, and `tests/test_search.py` holds both to it):

1. Unicode NFC, lower case;
2. in Arabic script, short vowels, shadda and tatweel dropped; Persian pages write ی and ک, Arabic
   pages ي and ك, whichever the reader's keyboard gives; on Arabic pages, أ إ آ ٱ are bare ا and
   ى is ي, since readers often type them so;
3. cut into words: runs of letters, digits and `_`;
4. on the index's side, each word's stem where Snowball has a stemmer for the language (Arabic,
   Dutch, English, French and Farsi among ours; Ukrainian has none, and its words are found by
   their beginning);
5. accents of Latin letters dropped, after stemming: `eleve` finds `élève`.
"""

from __future__ import annotations

import html as html_module
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import Stemmer  # type: ignore[import-not-found]

BODY = "data-search-body"
"""The attribute of the element whose content search indexes."""

IGNORED_TAGS = frozenset({"pre", "script", "style", "template"})
IGNORED_CLASSES = frozenset(
    {
        "headerlink",  # the ¶ beside each heading
        "cur-terms",  # a week's glossary terms, repeated on its prep page (the glossary has them)
        "cur-banner",  # "this translation is outdated" and the like
        "cur-when",  # when each programme teaches the week
        "cur-meta",  # where ticks are kept
    }
)
"""Parts of a page that search neither indexes nor shows in excerpts (code blocks among them:
words of code, not of the language searched): they would make the index larger and find pages for
the wrong reason."""

_HEADING = re.compile(r"h[1-6]")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD = re.compile(r"\w+")
_LATIN_ACCENTS = re.compile("(?<=[a-z])[\u0300-\u036f]+")
_SPACE = re.compile(r"\s+")
_ARABIC = str.maketrans({"ی": "ي", "ک": "ك", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
"""Arabic pages: Persian ی and ک as Arabic letters, alef with hamza or madda as bare alef, alef
maqsura as ya, as readers often type them (the usual normalisation of Arabic search)."""
_LANG = re.compile(r'<html[^>]*\slang="([^"]*)"')
_TITLE = re.compile(r"<title>([^<]*)</title>")

STEMMERS = {  # Snowball's names, as PyStemmer (Snowball's C library) has them
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
"""Snowball's stemmers by language code. A language without one (Ukrainian) is matched by the
beginnings of its words."""


@dataclass
class Section:
    """A part of a page from one heading to the next: its heading's `id` ("" for the top of the
    page), the heading's text and the text below it."""

    anchor: str
    heading: str
    text: str


@dataclass
class Page:
    lang: str
    title: str
    sections: list[Section] = field(default_factory=list)


def normalise(text: str, lang: str) -> str:
    """Steps 1 and 2: the form words are compared in."""
    text = _MARKS.sub("", unicodedata.normalize("NFC", text)).lower()
    if lang == "fa":
        return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")
    if lang == "ar":
        return text.translate(_ARABIC)
    return text


def words(text: str, lang: str) -> list[str]:
    """Steps 1 to 3."""
    return _WORD.findall(normalise(text, lang))


def fold(word: str) -> str:
    """Step 5: `élève` as `eleve`."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", decomposed))


@cache
def stemmer(lang: str) -> Callable[[str], str] | None:
    """Step 4 for `lang` (a word in, its stem out), or None where Snowball has no stemmer."""
    name = STEMMERS.get(lang.split("-")[0].lower())
    if name is None:
        return None
    stem: Callable[[str], str] = Stemmer.Stemmer(name).stemWord
    return stem


def read_page(html: str) -> Page | None:
    """The searched text of a built page, or None if it has no `data-search-body`."""
    at = html.find(BODY)
    if at < 0:
        return None
    # The body alone is parsed (the navigation before it is most of a page): the language and
    # the title come from the page's start.
    lang = _LANG.search(html, 0, at)
    head = _TITLE.search(html, 0, at)
    fragment = lxml.html.fragment_fromstring(html[html.rfind("<", 0, at) :], create_parent="div")
    body = fragment.find(f".//*[@{BODY}]")
    if body is None:
        return None
    sections: list[tuple[str, list[str], list[str]]] = [("", [], [])]
    _read(body, sections)
    if len(sections) > 1 and not sections[0][1] and not "".join(sections[0][2]).strip():
        sections.pop(0)
    read = [Section(a, _clean("".join(h)), _clean("".join(t))) for a, h, t in sections]
    title = next((section.heading for section in read if section.heading), "")
    if not title and head:
        title = _clean(html_module.unescape(head.group(1)))
    return Page(html_module.unescape(lang.group(1)) if lang else "en", title, read)


def _ignored(element: Any) -> bool:
    if not isinstance(element.tag, str) or element.tag in IGNORED_TAGS:
        return True
    return bool(IGNORED_CLASSES.intersection((element.get("class") or "").split()))


def _read(element: Any, sections: list[tuple[str, list[str], list[str]]]) -> None:
    """Add the text of `element` (not its tail) to `sections`, a new one at each heading."""
    text = sections[-1][2]
    if element.text:
        text.append(element.text)
    for child in element:
        if not _ignored(child):
            if _HEADING.fullmatch(child.tag):
                anchor = child.get("id") or ""
                first = sections[0]
                if len(sections) == 1 and not first[1]:
                    # The first heading (the title) takes what came before it: a line such as
                    # "Introduction to coding · Week 2", or nothing.
                    sections[0] = (anchor, [], first[2])
                else:
                    sections.append((anchor, [], []))
                _heading(child, sections[-1][1])
            else:
                if child.tag in _BLOCKS:
                    sections[-1][2].append(" ")
                _read(child, sections)
                if child.tag in _BLOCKS:
                    sections[-1][2].append(" ")
        if child.tail:
            sections[-1][2].append(child.tail)


def _heading(element: Any, out: list[str]) -> None:
    if element.text:
        out.append(element.text)
    for child in element:
        if not _ignored(child):
            _heading(child, out)
        if child.tail:
            out.append(child.tail)


_BLOCKS = frozenset(
    {"p", "li", "td", "th", "div", "dd", "dt", "tr", "br", "ul", "ol", "table", "section"}
    | {"article", "aside", "blockquote", "details", "summary", "figure", "figcaption", "hr"}
)
"""Elements that part words: the text on either side of one never runs together."""


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()

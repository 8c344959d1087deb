"""What search reads of a built page, and words as search compares them.

A page's searched text is what its `data-search-body` element holds (every trainee page: see the
theme's curriculum.html), cut into sections at its headings, less the parts in IGNORED. Words are
compared in one form on both sides: what the build indexes here, and what a reader types
(curriculum-search.js does the same steps, and `tests/test_search.py` holds both to it):

1. Unicode NFC, lower case;
2. in Arabic script, short vowels, shadda and tatweel dropped; Persian pages write ی and ک, Arabic
   pages ي and ك, whichever the reader's keyboard gives;
3. cut into words: runs of letters, digits and `_`;
4. on the index's side, each word's stem where Snowball has a stemmer for the language (Arabic,
   Dutch, English, French and Farsi among ours; Ukrainian has none, and its words are found by
   their beginning);
5. accents of Latin letters dropped, after stemming: `eleve` finds `élève`.
"""

from __future__ import annotations

import contextlib
import html as html_module
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser

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

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HEADING = re.compile(r"h[1-6]")
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD = re.compile(r"\w+")
_LATIN_ACCENTS = re.compile("(?<=[a-z])[\u0300-\u036f]+")
_SPACE = re.compile(r"\s+")
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
        return text.replace("ی", "ي").replace("ک", "ك")
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
    reader = _Reader()
    # Only the body is parsed (the navigation before it is most of a page): the language and the
    # title come from the page's start.
    lang = _LANG.search(html, 0, at)
    head = _TITLE.search(html, 0, at)
    reader.lang = html_module.unescape(lang.group(1)) if lang else "en"
    reader.title = html_module.unescape(head.group(1)) if head else ""
    with contextlib.suppress(_Done):
        reader.feed(html[html.rfind("<", 0, at) :])
        reader.close()
    if not reader.sections:
        return None
    sections = [
        Section(anchor, _clean(heading), _clean("".join(text)))
        for anchor, heading, text in reader.sections
    ]
    title = next((s.heading for s in sections if s.heading), "") or _clean(reader.title)
    return Page(reader.lang, title, sections)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _Done(Exception):
    """The body has ended: the rest of the page is not read."""


class _Reader(HTMLParser):
    """Collects the sections of the `data-search-body` element, less the ignored parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = "en"
        self.title = ""
        self.sections: list[tuple[str, str, list[str]]] = []
        self._open: list[tuple[str, bool, bool]] = []  # tag, ignored, the body
        self._body = 0
        self._ignored = 0
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in _VOID:
            if tag == "br":
                self.handle_data(" ")
            return
        classes = set((found.get("class") or "").split())
        ignored = tag in IGNORED_TAGS or bool(classes & IGNORED_CLASSES)
        body = BODY in found
        self._open.append((tag, ignored, body))
        self._ignored += ignored
        if body:
            self._body += 1
            if not self.sections:
                self.sections.append(("", "", []))
        elif self._body and not self._ignored and self._heading is None and _HEADING.fullmatch(tag):
            anchor = found.get("id") or ""
            if len(self.sections) == 1 and not self.sections[0][1]:
                # The first heading (the title) takes what came before it: a line such as
                # "Introduction to coding · Week 2", or nothing.
                self.sections[0] = (anchor, "", self.sections[0][2])
            else:
                self.sections.append((anchor, "", []))
            self._heading = tag
        if self._body and tag in ("p", "li", "td", "th", "div", "dd", "dt", "tr"):
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(name == tag for name, _, _ in self._open):
            return
        while self._open:
            name, ignored, body = self._open.pop()
            self._ignored -= ignored
            self._body -= body
            if name == self._heading:
                self._heading = None
            if name == tag:
                break
        if not self._body:
            raise _Done
        if self._body and tag in ("p", "li", "td", "th", "div", "dd", "dt", "tr"):
            self.handle_data(" ")

    def handle_data(self, data: str) -> None:
        if not self._body or self._ignored or not self.sections:
            return
        anchor, heading, text = self.sections[-1]
        if self._heading is not None:
            self.sections[-1] = (anchor, heading + data, text)
        else:
            text.append(data)

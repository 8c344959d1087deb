"""A contributor's text file as text: decoding, line endings, and characters it may not hold.

Byte-order marks and Windows line endings are accepted. Control characters, bidirectional
controls (which make text and code read differently from what they are) and invisible format
characters are refused with their place, except the joiners that Persian and Arabic spelling and
emoji need. Markdown that nests deeper than any page needs is refused before it reaches
Python-Markdown, which recurses on nesting and backtracks on long runs of brackets.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from .problems import Problem

ALLOWED_FORMAT = {"\u200c", "\u200d"}
"""Zero-width non-joiner and joiner: Persian spelling (می‌شود) and emoji need them."""
_INVISIBLE = {"\u115f", "\u1160", "\u3164", "\uffa0"}  # Hangul fillers: blank, but letters
_SHOWN_PER_FILE = 10
_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164"
    "\ud800-\uf8ff\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000f0000-\U0010ffff]"
)
"""Control, format, separator, surrogate and private-use characters (the joiners excepted)."""
_REFUSED_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
"""The same, for text that is all ASCII: a quicker search."""

MAX_NESTING = 16
"""Brackets, HTML blocks, lists and quotes nested deeper than this are refused."""

_LIST_ITEM = re.compile(r"( *)(?:[-*+]|\d{1,9}[.)])(?: |$)")
_QUOTES = re.compile(r" {0,3}((?:> ?)+)")
_DIV_OPEN = re.compile(r"<div\b", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)
_MAY_NEST = re.compile(rf"\n[ \t]{{9}}|\n {{0,3}}(?:> ?){{{MAX_NESTING // 2 + 1}}}")
"""Whether a body could hold deep lists or quotes: lines indented by nine or more blanks, or deep
quotes. Most bodies have neither, and are checked in one pass (searched after a line break, which
the regular expression engine finds quickly)."""
_BRACKET = re.compile(r"[\[\]]")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def _forbidden(ch: str) -> str | None:
    """Why a character may not be in a contributor's text, or None."""
    if ch in "\t\n":
        return None
    if ch in ALLOWED_FORMAT:
        return None
    category = unicodedata.category(ch)
    if ch in _INVISIBLE or category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"):
        name = unicodedata.name(ch, "")
        kind = (
            "bidirectional control character"
            if unicodedata.bidirectional(ch)
            in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
            or ch in "\u200e\u200f\u061c"
            else "control character"
            if category == "Cc"
            else "invisible character"
        )
        return f"{kind} U+{ord(ch):04X}" + (f" ({name})" if name else "")
    return None


def decode(rel: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The file's text with `\\n` line endings (None if it is not UTF-8), and the problems with
    its characters.

    Refused characters are replaced with U+FFFD so that the rest of the file is still checked
    (and a build is never attempted while any problem remains).
    """
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Problem(rel, line, col, "file is not UTF-8 text", "save it as UTF-8 in your editor")
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    refused = _REFUSED_ASCII if text.isascii() else _REFUSED
    bad = [
        (m.start(), _forbidden(m.group()) or "refused character") for m in refused.finditer(text)
    ]
    for i, why in bad[:_SHOWN_PER_FILE]:
        line = text.count("\n", 0, i) + 1
        col = i - (text.rfind("\n", 0, i) + 1) + 1
        problems.append(
            Problem(
                rel,
                line,
                col,
                why,
                "remove it (an editor's 'show invisible characters' option shows where it is): "
                "the site sets each language's direction itself, and hidden characters can make "
                "text or code read differently from what it is",
            )
        )
    if len(bad) > _SHOWN_PER_FILE:
        line = text.count("\n", 0, bad[_SHOWN_PER_FILE][0]) + 1
        problems.append(
            Problem(
                rel,
                line,
                1,
                f"{len(bad) - _SHOWN_PER_FILE} more refused characters in this file",
                "remove them too",
            )
        )
    if bad:
        chars = list(text)
        for i, _ in bad:
            chars[i] = "\ufffd"
        text = "".join(chars)
    return text, problems


def yaml_tabs(rel: str, text: str, line_offset: int = 0) -> list[Problem]:
    """Tabs in the indentation of YAML, which YAML does not allow."""
    out: list[Problem] = []
    if "\t" not in text:
        return out
    for n, line in enumerate(text.split("\n"), start=1 + line_offset):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            out.append(
                Problem(
                    rel,
                    n,
                    indent.index("\t") + 1,
                    "tab in the indentation",
                    "indent YAML with spaces (two per level); set your editor to insert spaces",
                )
            )
    return out


def markdown_nesting(rel: str, body: str, first_line: int) -> list[Problem]:
    """Nesting deeper than MAX_NESTING in a Markdown body: one problem per kind, where it starts."""
    if (
        body.count("[") <= MAX_NESTING
        and body.lower().count("<div") <= MAX_NESTING
        and not _MAY_NEST.search("\n" + body)
    ):
        return []  # nothing in the body can nest that deep: the common case, found in one pass
    found: dict[str, Problem] = {}
    brackets = divs = 0
    fence = ""

    def deep(kind: str, line: int, col: int, what: str) -> None:
        if kind not in found:
            found[kind] = Problem(
                rel,
                line,
                col,
                f"{what} nested more than {MAX_NESTING} deep",
                "flatten the text: no page needs this much nesting, and it makes the build slow",
            )

    for n, line in enumerate(body.split("\n"), start=first_line):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1) == fence:
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        if not line.strip():
            brackets = 0  # a blank line ends a paragraph, and with it any link
            continue
        for match in _BRACKET.finditer(line):
            if match.group() == "[":
                brackets += 1
                if brackets > MAX_NESTING:
                    deep("brackets", n, match.start() + 1, "'[' brackets")
            else:
                brackets = max(0, brackets - 1)
        if "<" in line:
            for match in _DIV_OPEN.finditer(line):
                divs += 1
                if divs > MAX_NESTING:
                    deep("div", n, match.start() + 1, "HTML blocks")
            divs = max(0, divs - len(_DIV_CLOSE.findall(line)))
        item = _LIST_ITEM.match(line)
        if item and len(item.group(1).expandtabs(4)) > 4 * MAX_NESTING // 2:
            deep("list", n, 1, "lists")
        quotes = _QUOTES.match(line)
        if quotes and quotes.group(1).count(">") > MAX_NESTING // 2:
            deep("quote", n, 1, "quotes")
    return list(found.values())


def short_hash(value: Any) -> str:
    """Eight hex digits of SHA-256 over `value` as canonical JSON: a part of the English in a
    translation's `translated_from:` stamp (see drift)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def body_hash(body: str | None) -> str:
    """short_hash of a page's body as a translator reads it (trailing spaces and blank lines at
    either end ignored); '' for no body or a blank one."""
    if body is None or not body.strip():
        return ""
    return short_hash("\n".join(line.rstrip() for line in body.strip().splitlines()))

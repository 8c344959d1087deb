"""Addresses in pages: read as a browser reads them, refused unless they lead to this site, to
mailto: or to https on a reviewed host; images only from this site."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import urls
from ..loaded import Curriculum, Doc
from ..problems import Problem
from ..sources import REVIEWED_SOURCES

_BARE = re.compile(r"(?i)\bhttps?:[^\s)<>\"'`\]]+")
_DESTINATION = re.compile(r"\]\(\s*(<[^>\n]*>|[^\s)]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_ATTRIBUTE = re.compile(
    r"(?i)\b(href|src|srcset|poster|action|formaction|data|xlink:href|background|cite|ping)"
    r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)"
)
_FETCHED = {"src", "srcset", "poster", "data", "background"}
"""HTML attributes whose address the browser fetches when the page opens."""
_CODE_SPAN = re.compile(r"(`+).+?\1")
_MARKS = ("](", "]:", "<", "=", ":")
"""A line holds an address only if it holds one of these."""


@dataclass(frozen=True)
class Link:
    """A web address written in a page: 0-based line and column, and whether it is fetched when
    the page opens (an image) or only followed (a link, or an address in the text)."""

    line: int
    col: int
    raw: str
    fetched: bool


def _opens_image(prose: str, close: int) -> bool:
    """True if the `]` at `close` ends the text of an image (`![...]`), not of a link."""
    depth = 0
    for i in range(close, -1, -1):
        if prose[i] == "]":
            depth += 1
        elif prose[i] == "[":
            depth -= 1
            if depth == 0:
                return i > 0 and prose[i - 1] == "!"
    return False


def links_in(text: str) -> Iterator[Link]:
    """Every address in Markdown prose: link and image targets, autolinks, HTML attributes and
    bare http(s) addresses. Code spans and fenced code are skipped."""
    fence = ""
    for n, line in enumerate(text.split("\n")):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        prose = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line) if "`" in line else line
        if not any(mark in prose for mark in _MARKS):
            continue
        found: dict[int, Link] = {}
        for match in _DESTINATION.finditer(prose):
            raw = match.group(1)
            raw = raw[1:-1] if raw.startswith("<") else raw
            found.setdefault(
                match.start(1), Link(n, match.start(1), raw, _opens_image(prose, match.start()))
            )
        for match in _REFERENCE.finditer(prose):
            raw = match.group(1)
            raw = raw[1:-1] if raw.startswith("<") else raw
            found.setdefault(match.start(1), Link(n, match.start(1), raw, False))
        for match in _AUTOLINK.finditer(prose):
            found.setdefault(match.start(1), Link(n, match.start(1), match.group(1), False))
        for match in _ATTRIBUTE.finditer(prose):
            value = match.group(2)
            quoted = value[:1] in "\"'"
            col = match.start(2) + quoted
            raw = value[1:-1] if quoted else value
            found.setdefault(col, Link(n, col, raw, match.group(1).lower() in _FETCHED))
        starts = sorted(found)
        for match in _BARE.finditer(prose):
            # Inside an address found above (a link's target): already there.
            before = bisect.bisect_right(starts, match.start()) - 1
            start = starts[before] if before >= 0 else -1
            if before < 0 or match.start() >= start + len(found[start].raw):
                raw = match.group().rstrip(".,;:!?")
                found.setdefault(match.start(), Link(n, match.start(), raw, False))
        yield from (found[col] for col in sorted(found))


def host_problem(
    url: str, hosts: dict[str, str] | None, *, fetched: bool = False
) -> tuple[str, str] | None:
    """Why an address is refused (message, hint), or None if the page may use it.

    Addresses are read as a browser reads them (see `urls`). Pages of this site and mailto: are
    fine; images must come from this site; links must be https on a reviewed host (any host when
    `hosts` is None).
    """
    address = urls.parse(url)
    shown = url if len(url) <= 80 else url[:77] + "..."
    if address.kind in ("relative", "fragment"):
        if address.well_formed:
            return None
        return f"address '{shown}' has a backslash", "write paths with '/' only"
    if address.kind == "mail" and not fetched:
        return None
    if address.kind in ("other", "mail"):
        return (
            f"address '{shown}' uses '{address.scheme}:', which pages may not use",
            "link to an https:// address or to a page of this site",
        )
    if fetched:
        return (
            f"image or media from another site: '{shown}'",
            "pages make no requests to other sites: save the file (png, jpg, webp) beside the "
            "page and use its file name",
        )
    if address.kind == "network":
        return (
            f"address '{shown}' has no scheme",
            "write the address in full, starting with https://",
        )
    if address.scheme != "https":
        return f"link '{shown}' is not https", "use the https:// address of the page"
    if hosts is not None and not urls.on_hosts(address.host, hosts):
        return (
            f"link to '{address.host}', which is not a reviewed source",
            f"link to a free, reputable source listed in {REVIEWED_SOURCES}, or propose the host "
            "there (with why it is good for trainees) in your pull request",
        )
    if not address.well_formed:
        return (
            f"link '{shown}' is not a well-formed web address",
            "copy the address from the browser's address bar: https://host/path, lower-case "
            "scheme and host, no user name, port or backslash",
        )
    return None


def _check_links(cur: Curriculum, hosts: dict[str, str] | None) -> list[Problem]:
    out: list[Problem] = []
    docs: list[Doc] = list(cur.pages.values())
    for module in cur.modules.values():
        for week in module.weeks:
            for n, item in enumerate(week.prep.meta.prep):
                found = host_problem(item.url, hosts) if item.url else None
                if found:
                    out.append(week.prep.located.problem(("prep", n, "url"), *found))
            docs += [week.prep, week.exercises, week.coach]
            docs += [d for tr in week.translations.values() for d in tr.values()]
        docs += [d for d in (module.self_evaluation, module.workshop) if d is not None]
        docs += [d for tr in module.page_translations.values() for d in tr.values()]
    for doc in docs:
        for link in links_in(doc.body):
            found = host_problem(link.raw, hosts, fetched=link.fetched)
            if found:
                out.append(Problem(doc.path, doc.body_line + link.line, link.col + 1, *found))
    return out

"""Addresses in pages: read as a browser reads them, refused unless they lead to this site, to
mailto: or to https on a reviewed host; images only from this site."""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from .. import filecache, model, urls
from ..loaded import Curriculum, Doc
from ..problems import Problem
from ..sources import PAGES_DIR, REVIEWED_SOURCES

_BARE = re.compile(r"(?<![\w])[Hh][Tt][Tt][Pp][Ss]?:[^\s)<>\"'`\]]+")
_DESTINATION = re.compile(r"\]\(\s*(<[^>\n]*>|[^\s)]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
_VALUE = re.compile(r"=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
_NAME = re.compile(
    r"(?i)\b(href|src|srcset|poster|action|formaction|data|xlink:href|background|cite|ping)\s*$"
)
"""An HTML attribute that holds an address: its value after `=`, its name just before."""
_FETCHED = {"src", "srcset", "poster", "data", "background"}
"""HTML attributes whose address the browser fetches when the page opens."""
_CODE_SPAN = re.compile(r"(`+).+?\1")
_FENCED = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.MULTILINE | re.DOTALL)
_MARK = re.compile(r"[<=:]|\]\(")
"""Text holds an address only if it holds one of these."""


@dataclass(frozen=True)
class Link:
    """A web address written in a page: 0-based line and column, and whether it is fetched when
    the page opens (an image) or only followed (a link, or an address in the text)."""

    line: int
    col: int
    raw: str
    fetched: bool


def _blank(match: re.Match[str]) -> str:
    """The matched text as spaces: offsets stay where they were (lines are counted in the text).
    A fenced block ends at the end of its closing line, so the lines around it stay apart."""
    return " " * (match.end() - match.start())


def _opens_image(prose: str, close: int, line_start: int) -> bool:
    """True if the `]` at `close` ends the text of an image (`![...]`), not of a link."""
    depth = 0
    for i in range(close, line_start - 1, -1):
        if prose[i] == "]":
            depth += 1
        elif prose[i] == "[":
            depth -= 1
            if depth == 0:
                return i > line_start and prose[i - 1] == "!"
    return False


def links_in(text: str) -> list[Link]:
    """Every address in Markdown prose: link and image targets, autolinks, HTML attributes and
    bare http(s) addresses. Code spans and fenced code are skipped.

    Kept in the check's cache by the text's digest (see filecache).
    """
    return filecache.remembered(("links", filecache.digest(text)), lambda: list(_links_in(text)))


def links_of(doc: Doc) -> list[Link]:
    """links_in(doc.body), kept by the digest of the file the body was read from (Doc.checksum),
    so that neither a digest of the body nor the body itself is needed while they are kept."""
    key = doc.checksum or filecache.digest(doc.body)
    return filecache.remembered(("links", key), lambda: list(_links_in(doc.body)))


def _links_in(text: str) -> Iterator[Link]:
    """The whole text is searched at once (a page is read in one pass, not line by line); offsets
    become lines and columns at the end.
    """
    if not _MARK.search(text):
        return
    prose = _FENCED.sub(_blank, text) if "```" in text or "~~~" in text else text
    if "`" in prose:
        prose = _CODE_SPAN.sub(lambda m: " " * len(m.group()), prose)  # spans keep to a line
    found: dict[int, tuple[str, bool]] = {}
    for match in _DESTINATION.finditer(prose):
        raw = match.group(1)
        line_start = prose.rfind("\n", 0, match.start()) + 1
        image = _opens_image(prose, match.start(), line_start)
        found.setdefault(match.start(1), (raw[1:-1] if raw.startswith("<") else raw, image))
    for match in _REFERENCE.finditer(prose):
        raw = match.group(1)
        found.setdefault(match.start(1), (raw[1:-1] if raw.startswith("<") else raw, False))
    for match in _AUTOLINK.finditer(prose):
        found.setdefault(match.start(1), (match.group(1), False))
    for match in _VALUE.finditer(prose) if "=" in prose else ():
        name = _NAME.search(prose, max(0, match.start() - 40), match.start())
        if name is None:
            continue
        value = match.group(1)
        quoted = value[:1] in "\"'"
        raw = value[1:-1] if quoted else value
        found.setdefault(match.start(1) + quoted, (raw, name.group(1).lower() in _FETCHED))
    starts = sorted(found)
    for match in _BARE.finditer(prose):
        # Inside an address found above (a link's target): already there.
        before = bisect.bisect_right(starts, match.start()) - 1
        if before < 0 or match.start() >= starts[before] + len(found[starts[before]][0]):
            found.setdefault(match.start(), (match.group().rstrip(".,;:!?"), False))
    for offset in sorted(found):
        raw, fetched = found[offset]
        line = text.count("\n", 0, offset)
        yield Link(line, offset - (text.rfind("\n", 0, offset) + 1), raw, fetched)


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
    judged: dict[tuple[str, bool], tuple[str, str] | None] = {}
    """An address judged once: pages, their translations and their copies link to the same
    sources."""

    def judge(url: str, fetched: bool = False) -> tuple[str, str] | None:
        key = (url, fetched)
        if key not in judged:
            judged[key] = host_problem(url, hosts, fetched=fetched)
        return judged[key]

    docs: list[Doc] = list(cur.pages.values())
    preps = [week.prep for _, week in cur.all_weeks()]
    preps += [doc for doc in cur.loose if isinstance(doc.meta, model.Prep)]
    for prep in preps:
        for n, item in enumerate(prep.meta.prep):
            found = judge(item.url) if item.url else None
            if found:
                out.append(prep.located.problem(("prep", n, "url"), *found))
    for _, week in cur.all_weeks():
        docs += [week.prep, week.exercises, week.coach]
        docs += [d for tr in week.translations.values() for d in tr.values()]
    docs += cur.loose
    for module in cur.modules.values():
        docs += [d for d in (module.self_evaluation, module.workshop) if d is not None]
        docs += [d for tr in module.page_translations.values() for d in tr.values()]
    for module in cur.modules.values():
        for week in module.weeks:
            sources = dict(zip(week.item_ids, week.prep.meta.prep, strict=True))
            for docs_of_lang in week.translations.values():
                tr = docs_of_lang.get("prep")
                for item_id, item in ((tr.meta.prep or {}) if tr else {}).items():
                    if tr is None or item.url is None:
                        continue
                    source = sources.get(item_id)
                    if source is not None and source.url is None:
                        out.append(
                            tr.located.problem(
                                ("prep", item_id, "url"),
                                f"item '{item_id}' is a page of this module: it has no address "
                                "to translate",
                                "remove `url:`; translate the page itself (its .<lang>.md file)",
                            )
                        )
                    elif found := judge(item.url):
                        out.append(tr.located.problem(("prep", item_id, "url"), *found))
    linked = [(doc, links_of(doc)) for doc in docs]
    for doc, links in linked:
        for link in links:
            if found := judge(link.raw, link.fetched):
                out.append(Problem(doc.path, doc.body_line + link.line, link.col + 1, *found))
    out.extend(check_internal_links(cur, linked))
    return out


def site_files(cur: Curriculum) -> set[str]:
    """Every file of the build folder a page may link to, by its path there (English names)."""
    from ..pages.paths import (
        GLOSSARY_PAGE,
        MODULES_INDEX,
        OFFLINE_PAGE,
        PROGRAMMES_INDEX,
        TRANSLATION_STATUS,
        module_extra_page,
        module_page,
        programme_calendar_file,
        programme_page,
        skills_record_page,
        wall_chart_page,
        week_page,
    )

    pages = f"{PAGES_DIR}/"
    found = {rel.removeprefix(pages) for rel in cur.page_files}
    found |= {MODULES_INDEX, PROGRAMMES_INDEX, GLOSSARY_PAGE, OFFLINE_PAGE, TRANSLATION_STATUS}
    for module in cur.modules.values():
        found.add(module_page(module.meta.id))
        found.update(module.assets)
        found.update(module_extra_page(module.meta.id, stem) for stem in module.extra_pages())
    for _, week in cur.all_weeks():
        found.update(week_page(week, kind) for kind in ("prep", "exercises", "coach"))
    # A week with problems in one page still has its pages: links to them are not the problem.
    for doc in cur.loose:
        folder, name = posixpath.split(doc.path)
        if name in ("prep.md", "exercises.md", "coach.md"):
            found.add(posixpath.join(folder, "index.md" if name == "prep.md" else name))
    for prog in cur.programmes:
        found |= {programme_page(prog.meta.id), skills_record_page(prog.meta.id)}
        if prog.meta.start is not None:  # a cohort's dates: its wall chart and calendar
            found |= {wall_chart_page(prog.meta.id), programme_calendar_file(prog.meta.id)}
    return found


def _site_dir(doc: Doc) -> str:
    """The folder a page is in on the site: hand-written pages lose `curriculum/pages/`."""
    return posixpath.dirname(doc.path.removeprefix(f"{PAGES_DIR}/"))


def check_internal_links(cur: Curriculum, linked: list[tuple[Doc, list[Link]]]) -> list[Problem]:
    """Links between pages of the site (each page with the links found in it), checked as MkDocs
    will, with the source's line and the right target (a week's prep.md is its index.md on the
    site)."""
    targets = site_files(cur)
    out = []
    for doc, links in linked:
        for link in links:
            address = urls.parse(link.raw)
            if address.kind != "relative" or not address.well_formed:
                continue
            path = link.raw.split("#", 1)[0].split("?", 1)[0]
            if not path:
                continue
            target = posixpath.normpath(posixpath.join(_site_dir(doc), unquote(path)))
            stem, ext = posixpath.splitext(posixpath.basename(target))
            ext = ext.lstrip(".")
            if "." in stem and ext == "md":  # a translation's name: the English page is linked
                target = posixpath.join(posixpath.dirname(target), stem.rsplit(".", 1)[0] + ".md")
            if target in targets:
                continue
            where = (doc.path, doc.body_line + link.line, link.col + 1)
            if target.endswith("/prep.md") and target[:-7] + "index.md" in targets:
                fixed = posixpath.relpath(target[:-7] + "index.md", _site_dir(doc) or ".")
                out.append(
                    Problem(
                        *where,
                        f"link to '{path}': on the site a week's prep.md is its index.md",
                        f"link to '{fixed}'",
                    )
                )
            elif not ext and (target + "/index.md") in targets | {"index.md"}:
                fixed = posixpath.relpath(target + "/index.md", _site_dir(doc) or ".")
                out.append(
                    Problem(*where, f"link to the folder '{path}'", f"link to its page: '{fixed}'")
                )
            else:
                out.append(
                    Problem(
                        *where,
                        f"link to '{path}', which is not a page or file of the site",
                        "check the path from this page's folder (`curriculum check` names the "
                        "pages: a week's prep.md is its index.md)",
                    )
                )
    return out

"""Cross-checks between files: ids, prerequisites, week numbering, links, sums and translations."""

from __future__ import annotations

import bisect
import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import urls
from .load import REVIEWED_SOURCES, Curriculum, Doc, LoadedModule, Week
from .problems import Problem


def cross_check(cur: Curriculum) -> list[Problem]:
    problems: list[Problem] = []
    for folder, module in cur.modules.items():
        problems.extend(_check_module(cur, folder, module))
    for folder, weeks in cur.broken.items():
        for week in weeks:
            problems.extend(_check_week(cur, f"modules/{folder}", week))
    problems.extend(_check_prerequisite_cycles(cur))
    problems.extend(_check_programmes(cur))
    problems.extend(_check_glossary(cur))
    problems.extend(_check_links(cur, cur.reviewed_hosts))
    return problems


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


WORKSHOP_TRACKS = ("intro-to-coding", "digital-storytelling", "digital-journalism", "soft-skills")
"""Tracks of the Digital Welcome programme: their trainees go on to run workshops for others."""


def _count_mismatch(
    doc: Doc, key: str, translated: list[object] | None, source: list[object], what: str
) -> list[Problem]:
    if translated is None or len(translated) == len(source):
        return []
    return [
        doc.located.problem(
            (key,),
            f"{len(translated)} {what} translated, the English has {len(source)}",
            f"translate each of the {what} once, in the same order",
        )
    ]


def _check_module_pages(cur: Curriculum, module: LoadedModule) -> list[Problem]:
    """The self-evaluation every module ends with; the workshop kit of Digital Welcome tracks."""
    out: list[Problem] = []
    meta = module.meta
    folder = cur.root / module.path  # a file that exists but failed to load is not "missing"
    evaluation = module.self_evaluation
    if evaluation is None and not (folder / "self-evaluation.md").is_file():
        out.append(
            module.located.problem(
                (),
                "module has no self-evaluation.md",
                "add self-evaluation.md with one check per objective (see How modules are written)",
            )
        )
    elif evaluation is not None and len(evaluation.meta.checks) != len(meta.objectives):
        out.append(
            evaluation.located.problem(
                ("checks",),
                f"{len(evaluation.meta.checks)} checks, but module.yml has "
                f"{len(meta.objectives)} objectives",
                "write one check per objective of module.yml, in the same order",
            )
        )
    kit = module.workshop
    if kit is None and meta.track in WORKSHOP_TRACKS and not (folder / "workshop.md").is_file():
        out.append(
            module.located.problem(
                ("track",),
                f"modules of the {meta.track} track need a workshop kit: there is no workshop.md",
                "add workshop.md: the plan, materials and tips for a workshop that trainees run "
                "for other newcomers (see How modules are written)",
            )
        )
    if kit is not None:
        total = sum(b.minutes for b in kit.meta.blocks)
        if total != kit.meta.minutes:
            out.append(
                kit.located.problem(
                    ("minutes",),
                    f"blocks add up to {total} minutes but minutes is {kit.meta.minutes}",
                    "make the blocks' minutes add up to the workshop, or correct minutes",
                )
            )
    for docs in module.page_translations.values():
        if "self-evaluation" in docs and evaluation is not None:
            tr = docs["self-evaluation"]
            out.extend(
                _count_mismatch(tr, "checks", tr.meta.checks, evaluation.meta.checks, "checks")
            )
        if "workshop" in docs and kit is not None:
            tr = docs["workshop"]
            out.extend(
                _count_mismatch(tr, "materials", tr.meta.materials, kit.meta.materials, "materials")
            )
            out.extend(
                _count_mismatch(tr, "blocks", tr.meta.blocks, kit.meta.blocks, "block titles")
            )
    return out


def _check_glossary(cur: Curriculum) -> list[Problem]:
    """Term ids are unique site-wide; weeks list existing terms; translations match their source."""
    out: list[Problem] = []
    owner: dict[str, str] = {}
    for module in cur.modules.values():
        if module.glossary is None:
            continue
        for term in module.glossary.data:
            if term in owner:
                out.append(
                    module.glossary.problem(
                        (term,),
                        f"term '{term}' is already defined in {owner[term]}",
                        f"remove it here and list '{term}' in the week's `terms:`, or choose "
                        "another id",
                        key=True,
                    )
                )
            else:
                owner[term] = f"modules/{module.meta.id}/glossary.yml"
        for tr in module.glossary_translations.values():
            for term in tr.data:
                if term not in module.glossary.data:
                    close = difflib.get_close_matches(term, list(module.glossary.data), n=1)
                    out.append(
                        tr.problem(
                            (term,),
                            f"no term '{term}' in glossary.yml",
                            f"did you mean '{close[0]}'?"
                            if close
                            else "translate only terms of this module's glossary.yml",
                            key=True,
                        )
                    )
    # A glossary that failed to load (its problems are reported) may define the missing terms:
    # listing every week that uses them would bury the one real problem.
    unreadable = any(
        (cur.root / module.path / "glossary.yml").is_file() and module.glossary is None
        for module in cur.modules.values()
    ) or any((cur.root / "modules" / folder / "glossary.yml").is_file() for folder in cur.broken)
    for module in cur.modules.values():
        exists = (cur.root / module.path / "glossary.yml").is_file()
        if module.glossary_translations and module.glossary is None and not exists:
            for tr in module.glossary_translations.values():
                out.append(tr.problem((), "translation of a glossary that does not exist", ""))
        for week in module.weeks:
            for n, term in enumerate(week.prep.meta.terms):
                if term not in owner and not unreadable:
                    close = difflib.get_close_matches(term, list(owner), n=1)
                    out.append(
                        week.prep.located.problem(
                            ("terms", n),
                            f"'{term}' is not in any glossary",
                            f"did you mean '{close[0]}'?"
                            if close
                            else "add it to this module's glossary.yml, with its definition",
                        )
                    )
    return out


def _check_module(cur: Curriculum, folder: str, module: LoadedModule) -> list[Problem]:
    out: list[Problem] = []
    meta, loc = module.meta, module.located
    for n, req in enumerate(meta.prerequisites):
        if req == meta.id:
            out.append(
                loc.problem(
                    ("prerequisites", n),
                    "a module cannot require itself",
                    "remove it from prerequisites",
                )
            )
        elif req not in cur.modules and req not in cur.broken:
            close = difflib.get_close_matches(req, list(cur.modules), n=1)
            out.append(
                loc.problem(
                    ("prerequisites", n),
                    f"prerequisite '{req}' is not a module",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "use the id of a folder in modules/",
                )
            )
    for lang, tr in module.translations.items():
        if tr.objectives is not None and len(tr.objectives) != len(meta.objectives):
            out.append(
                Problem(
                    f"{module.path}/module.{lang}.yml",
                    1,
                    1,
                    f"{len(tr.objectives)} objectives translated, the English has "
                    f"{len(meta.objectives)}",
                    "translate each objective once, in the same order",
                )
            )
    if not module.weeks:
        out.append(
            loc.problem(
                (),
                "module has no weeks",
                "add a folder week-01 with prep.md, exercises.md and coach.md",
            )
        )
    for expected, folder_name in enumerate(sorted(module.week_folders), start=1):
        if folder_name != f"week-{expected:02d}":
            out.append(
                Problem(
                    f"{module.path}/{folder_name}",
                    1,
                    1,
                    f"weeks must be numbered from 01 without gaps: found {folder_name} where "
                    f"week-{expected:02d} was expected",
                    f"rename the folder to week-{expected:02d}",
                )
            )
            break
    for week in module.weeks:
        out.extend(_check_week(cur, module.path, week))
    out.extend(_check_module_pages(cur, module))
    return out


def _check_week(cur: Curriculum, module_path: str, week: Week) -> list[Problem]:
    out: list[Problem] = []
    prep = week.prep
    seen: dict[str, int] = {}
    for n, (item, item_id) in enumerate(zip(prep.meta.prep, week.item_ids, strict=True)):
        if item_id in seen:
            out.append(
                prep.located.problem(
                    ("prep", n),
                    f"item id '{item_id}' is used by item {seen[item_id] + 1} too",
                    "give one of them its own `id:` (lower-case words joined by hyphens)",
                )
            )
        seen.setdefault(item_id, n)
        if item.page is not None:
            out.extend(_check_page(cur, module_path, week, prep, n, item.page))
    coach = week.coach
    total = sum(b.minutes for b in coach.meta.blocks)
    if total != coach.meta.session_minutes:
        out.append(
            coach.located.problem(
                ("session_minutes",),
                f"blocks add up to {total} minutes but session_minutes is "
                f"{coach.meta.session_minutes}",
                "make the blocks' minutes add up to the session, or correct session_minutes",
            )
        )
    for lang, docs in week.translations.items():
        out.extend(_check_week_translation(week, lang, docs))
    return out


def _check_page(
    cur: Curriculum, module_path: str, week: Week, prep: Doc, n: int, page: str
) -> list[Problem]:
    target = PurePosixPath(posixpath.normpath(PurePosixPath(module_path, week.folder, page)))
    resolved = Path(cur.root, target)
    # Where the path points, not where a link leads: `sources.scan` checks links.
    if PurePosixPath(page).is_absolute() or not target.is_relative_to(module_path):
        return [
            prep.located.problem(
                ("prep", n, "page"),
                f"page '{page}' is outside the module",
                "link to a Markdown file inside this module's folder",
            )
        ]
    if target.suffix != ".md":
        return [
            prep.located.problem(
                ("prep", n, "page"),
                f"page '{page}' is not a Markdown file",
                "point `page:` at a .md file, or use `url:` for a web page",
            )
        ]
    if not resolved.is_file():
        return [
            prep.located.problem(
                ("prep", n, "page"),
                f"page '{page}' does not exist",
                f"create {target} or correct the path (relative to prep.md)",
            )
        ]
    return []


def _check_week_translation(week: Week, lang: str, docs: dict[str, Doc]) -> list[Problem]:
    out: list[Problem] = []
    if "prep" in docs:
        tr, src = docs["prep"], week.prep.meta
        if tr.meta.objectives is not None and len(tr.meta.objectives) != len(src.objectives):
            out.append(
                tr.located.problem(
                    ("objectives",),
                    f"{len(tr.meta.objectives)} objectives translated, the English has "
                    f"{len(src.objectives)}",
                    "translate each objective once, in the same order",
                )
            )
        for key in tr.meta.prep or {}:
            if key not in week.item_ids:
                close = difflib.get_close_matches(key, week.item_ids, n=1)
                out.append(
                    tr.located.problem(
                        ("prep", key),
                        f"no item with id '{key}' in prep.md",
                        f"did you mean '{close[0]}'?"
                        if close
                        else "item ids are: " + ", ".join(week.item_ids),
                        key=True,
                    )
                )
    if "coach" in docs:
        tr, csrc = docs["coach"], week.coach.meta
        if tr.meta.blocks is not None and len(tr.meta.blocks) != len(csrc.blocks):
            out.append(
                tr.located.problem(
                    ("blocks",),
                    f"{len(tr.meta.blocks)} block titles translated, the English has "
                    f"{len(csrc.blocks)}",
                    "translate each block title once, in the same order",
                )
            )
    return out


def _check_prerequisite_cycles(cur: Curriculum) -> list[Problem]:
    graph = {
        mid: [r for r in m.meta.prerequisites if r in cur.modules and r != mid]
        for mid, m in cur.modules.items()
    }
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    out: list[Problem] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    module = cur.modules[node]
                    n = module.meta.prerequisites.index(nxt)
                    out.append(
                        module.located.problem(
                            ("prerequisites", n),
                            "prerequisites form a cycle: " + " -> ".join(cycle),
                            "remove one of these prerequisites so that the modules have an order",
                        )
                    )
            elif state.get(nxt) is None:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [node])
    return out


def _check_programmes(cur: Curriculum) -> list[Problem]:
    out: list[Problem] = []
    for prog in cur.programmes:
        meta, loc = prog.meta, prog.located
        for lang, tr in prog.translations.items():
            if tr.closing is not None and len(tr.closing) != len(meta.closing):
                out.append(
                    prog.translations_located[lang].problem(
                        ("closing",),
                        f"{len(tr.closing)} closing sessions translated, the English has "
                        f"{len(meta.closing)}",
                        "translate each closing session once, in the same order",
                    )
                )
        stem = PurePosixPath(prog.path).stem
        if meta.id != stem:
            out.append(
                loc.problem(
                    ("id",),
                    f"id '{meta.id}' does not match the file name '{stem}'",
                    f"set `id: {stem}` or rename the file",
                )
            )
        position: dict[str, int] = {}
        for n, mid in enumerate(meta.modules):
            if mid in cur.broken:
                continue
            if mid not in cur.modules:
                close = difflib.get_close_matches(mid, list(cur.modules), n=1)
                out.append(
                    loc.problem(
                        ("modules", n),
                        f"module '{mid}' does not exist",
                        f"did you mean '{close[0]}'?"
                        if close
                        else "use the id of a folder in modules/",
                    )
                )
            elif mid in position:
                out.append(
                    loc.problem(
                        ("modules", n), f"module '{mid}' is listed twice", "list each module once"
                    )
                )
            position.setdefault(mid, n)
        for mid, n in position.items():
            module = cur.modules.get(mid)
            for req in module.meta.prerequisites if module else []:
                if req in position and position[req] > n:
                    out.append(
                        loc.problem(
                            ("modules", n),
                            f"module '{mid}' comes before its prerequisite '{req}'",
                            f"move '{req}' above '{mid}'",
                        )
                    )
    return out

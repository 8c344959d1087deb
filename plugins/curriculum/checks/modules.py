"""Modules and weeks: prerequisites, week numbering, local pages, minutes that add up, and the
pages a module ends with."""

from __future__ import annotations

import difflib
import posixpath
from pathlib import PurePosixPath

from ..loaded import Curriculum, Doc, LoadedModule, Week
from ..model import TRACKS, WORKSHOP_TRACKS
from ..problems import Problem


def _check_module_pages(cur: Curriculum, module: LoadedModule) -> list[Problem]:
    """The self-evaluation every module ends with; the workshop kit of Digital Welcome tracks."""
    out: list[Problem] = []
    meta = module.meta
    folder = cur.source(module.path)  # a file that exists but failed to load is not "missing"
    evaluation = module.self_evaluation
    if evaluation is None and not (folder / "self-evaluation.md").is_file():
        out.append(
            module.located.problem(
                (),
                "module has no self-evaluation.md",
                "add self-evaluation.md with one check per objective (see How modules are written)",
            )
        )
    if evaluation is not None:
        seen: dict[str, int] = {}
        for n, check_id in enumerate(module.check_ids()):
            if check_id in seen:
                out.append(
                    evaluation.located.problem(
                        ("checks", n),
                        f"check id '{check_id}' is used by check {seen[check_id] + 1} too",
                        "give one of them its own `id:` (lower-case words joined by hyphens)",
                    )
                )
            seen.setdefault(check_id, n)
    if evaluation is not None and len(evaluation.meta.checks) != len(meta.objectives):
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
    return out


def _check_module(cur: Curriculum, folder: str, module: LoadedModule) -> list[Problem]:
    out: list[Problem] = []
    meta, loc = module.meta, module.located
    if meta.track not in TRACKS and f"track_{meta.track}" not in cur.strings.get(
        cur.default_language, {}
    ):
        close = difflib.get_close_matches(meta.track, TRACKS, n=1)
        out.append(
            loc.problem(
                ("track",),
                f"track '{meta.track}' is not an allowed value: {', '.join(TRACKS)}",
                f"did you mean '{close[0]}'?"
                if close
                else f"for a track of your own, name it in curriculum/catalog/"
                f"{cur.default_language}.yml: `track_{meta.track}: Its name`",
            )
        )
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
    out.extend(check_coach(week.coach))
    return out


def check_coach(coach: Doc) -> list[Problem]:
    """A coach's plan on its own: its blocks add up to the session."""
    total = sum(b.minutes for b in coach.meta.blocks)
    if total == coach.meta.session_minutes:
        return []
    return [
        coach.located.problem(
            ("session_minutes",),
            f"blocks add up to {total} minutes but session_minutes is {coach.meta.session_minutes}",
            "make the blocks' minutes add up to the session, or correct session_minutes",
        )
    ]


def _check_page(
    cur: Curriculum, module_path: str, week: Week, prep: Doc, n: int, page: str
) -> list[Problem]:
    target = PurePosixPath(posixpath.normpath(PurePosixPath(module_path, week.folder, page)))
    resolved = cur.source(target.as_posix())
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

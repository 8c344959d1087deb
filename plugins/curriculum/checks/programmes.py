"""Programmes: ids, the modules they list and their order."""

from __future__ import annotations

import difflib
from pathlib import PurePosixPath

from ..loaded import Curriculum
from ..problems import Problem
from ..sources import PAGES_DIR
from .cohorts import check_calendar


def _check_programmes(cur: Curriculum) -> list[Problem]:
    out: list[Problem] = []
    for prog in cur.programmes:
        meta, loc = prog.meta, prog.located
        stem = PurePosixPath(prog.path).stem
        if meta.id != stem:
            out.append(
                loc.problem(
                    ("id",),
                    f"id '{meta.id}' does not match the file name '{stem}'",
                    f"set `id: {stem}` or rename the file",
                )
            )
        out.extend(check_calendar(cur, prog))
        pages = {rel.removeprefix(PAGES_DIR + "/") for rel in cur.page_files}
        for n, phase in enumerate(meta.phases):
            if phase.page is not None and phase.page not in pages:
                out.append(
                    loc.problem(
                        ("phases", n, "page"),
                        f"page '{phase.page}' does not exist",
                        f"write {PAGES_DIR}/{phase.page}, or give the path of an existing page "
                        f"under {PAGES_DIR}/",
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

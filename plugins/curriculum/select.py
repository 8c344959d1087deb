"""What the site holds: its programmes, and its modules in the order it teaches them.

A site holds the modules its programmes teach (and, on a partner's site, the modules of its own
folder), or the list its settings give. Every module is read and checked all the same, so a term
defined in a module the site leaves out still has its definition.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from .loaded import Curriculum
from .problems import Problem
from .settings import Settings


def select(cur: Curriculum, settings: Settings) -> list[Problem]:
    """Narrow `cur` to what the site builds, in order; problems name the settings' lines."""
    problems: list[Problem] = []
    options = settings.options
    cur.library = dict(cur.modules)
    if options.programmes is not None:
        by_id = {p.meta.id: p for p in cur.programmes}
        chosen = []
        for n, pid in enumerate(options.programmes):
            if pid in by_id:
                chosen.append(by_id[pid])
            else:
                problems.append(_unknown(settings, ("programmes", n), "programme", pid, by_id))
        cur.programmes = chosen
    taught = list(dict.fromkeys(m for p in cur.programmes for m in p.meta.modules))
    if options.modules is not None:
        wanted = []
        for n, mid in enumerate(options.modules):
            if mid in cur.library:
                wanted.append(mid)
            else:
                problems.append(_unknown(settings, ("modules", n), "module", mid, cur.library))
        for programme in cur.programmes:
            for mid in programme.meta.modules:
                if mid in cur.library and mid not in wanted:
                    problems.append(
                        settings.problem(
                            ("modules",),
                            f"programme '{programme.meta.id}' teaches '{mid}', which `modules:` "
                            "leaves out",
                            f"add '{mid}' to `modules:`, or take it out of the programme",
                        )
                    )
    elif cur.roots is not None and len(cur.roots.folders) > 1:
        own = cur.roots.own
        wanted = [
            *taught,
            *(m for m in cur.library if cur.layered and cur.layered.modules[m] == own),
        ]
    else:
        wanted = list(cur.library)
    # The programmes' order first (the order trainees learn in), then the others by title.
    rest = sorted((m for m in wanted if m not in taught), key=lambda m: cur.library[m].meta.title)
    order = [m for m in taught if m in wanted] + rest
    cur.modules = {m: cur.library[m] for m in dict.fromkeys(order) if m in cur.library}
    return problems


def _unknown(
    settings: Settings,
    key: tuple[str | int, ...],
    kind: str,
    name: str,
    known: Mapping[str, object],
) -> Problem:
    close = difflib.get_close_matches(name, list(known), n=1)
    return settings.problem(
        key,
        f"there is no {kind} '{name}' (renamed or removed upstream?)",
        f"did you mean '{close[0]}'?" if close else f"{kind}s found: {', '.join(sorted(known))}",
    )

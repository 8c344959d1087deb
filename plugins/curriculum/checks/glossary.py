"""Glossary terms: unique site-wide, used terms defined, translations of existing terms."""

from __future__ import annotations

import difflib

from .. import model
from ..loaded import Curriculum
from ..problems import Problem


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
        cur.source(module.path + "/glossary.yml").is_file() and module.glossary is None
        for module in cur.modules.values()
    ) or any(cur.source(f"modules/{folder}/glossary.yml").is_file() for folder in cur.broken)
    for module in cur.modules.values():
        exists = cur.source(module.path + "/glossary.yml").is_file()
        if module.glossary_translations and module.glossary is None and not exists:
            for tr in module.glossary_translations.values():
                out.append(tr.problem((), "translation of a glossary that does not exist", ""))
    preps = [week.prep for _, week in cur.all_weeks()]
    preps += [doc for doc in cur.loose if isinstance(doc.meta, model.Prep)]
    for prep in preps:
        for n, term in enumerate(prep.meta.terms):
            if term not in owner and not unreadable:
                close = difflib.get_close_matches(term, list(owner), n=1)
                out.append(
                    prep.located.problem(
                        ("terms", n),
                        f"'{term}' is not in any glossary",
                        f"did you mean '{close[0]}'?"
                        if close
                        else "add it to this module's glossary.yml, with its definition",
                    )
                )
    return out

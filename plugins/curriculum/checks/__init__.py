"""Checks across files, one module per concern; `cross_check` runs them all."""

from __future__ import annotations

from .. import model
from ..loaded import Curriculum
from ..problems import Problem
from .glossary import _check_glossary
from .links import _check_links
from .modules import _check_module, _check_prerequisite_cycles, _check_week, check_coach
from .programmes import _check_programmes
from .translations import check_translations


def cross_check(cur: Curriculum) -> list[Problem]:
    problems: list[Problem] = []
    for folder, module in cur.modules.items():
        problems.extend(_check_module(cur, folder, module))
    for folder, weeks in cur.broken.items():
        for week in weeks:
            problems.extend(_check_week(cur, f"modules/{folder}", week))
    for doc in cur.loose:  # pages of a week that could not be loaded whole
        if isinstance(doc.meta, model.Coach):
            problems.extend(check_coach(doc))
    problems.extend(_check_prerequisite_cycles(cur))
    problems.extend(_check_programmes(cur))
    problems.extend(_check_glossary(cur))
    problems.extend(check_translations(cur))
    problems.extend(_check_links(cur, cur.reviewed_hosts))
    return problems

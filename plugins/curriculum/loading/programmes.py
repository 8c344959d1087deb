"""Reading `curriculum/programmes/`: each programme and its translations."""

from __future__ import annotations

from .. import model
from ..layers import Layered
from ..loaded import LoadedProgramme
from ..problems import Problem
from ..yamlsafe import Located
from .errors import validate_model
from .files import check_locale, read_yaml, split_locale


def _load_programmes(
    layered: Layered, languages: list[str], default: str, problems: list[Problem]
) -> list[LoadedProgramme]:
    found: dict[str, LoadedProgramme] = {}
    pending: list[tuple[str, str, model.ProgrammeTranslation, Located]] = []
    for rel in layered.programme_files():
        root, path = layered.root(rel), layered.path(rel)
        if rel in layered.refused or path.suffix != ".yml" or path.parent.name != "programmes":
            continue
        stem, lang = split_locale(path)
        located = read_yaml(root, path, problems)
        if located is None:
            continue
        if lang is not None:
            if check_locale(root, path, lang, languages, default, problems):
                tr = validate_model(model.ProgrammeTranslation, located, problems)
                if tr is not None:
                    pending.append((stem, lang, tr, located))
            continue
        meta = validate_model(model.Programme, located, problems)
        if meta is not None:
            found[stem] = LoadedProgramme(meta, rel, located, {})
    for stem, lang, tr, located in pending:
        if stem in found:
            found[stem].translations[lang] = tr
            found[stem].translations_located[lang] = located
        else:
            problems.append(
                Problem(
                    f"curriculum/programmes/{stem}.{lang}.yml",
                    1,
                    1,
                    f"translation of a programme that does not exist ({stem}.yml)",
                    "rename it after an existing programme or remove it",
                )
            )
    return list(found.values())

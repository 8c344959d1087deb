"""The kinds of file contributors write, in one table: where each lives, its model and its
translation's model, and whether `curriculum new-module`/`new-week` scaffold it.

Loading, the scaffold, `curriculum schema`, `curriculum status` and the translation checks are
derived from this table, so a new kind of file is one line here (and its model). Models are named,
not imported, so that `curriculum --help` starts without pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

Place = Literal["module", "week", "programme", "page", "site"]


@dataclass(frozen=True)
class Kind:
    name: str
    """As `curriculum schema` names it."""
    file: str
    """File name, or its pattern: `{id}.yml` for programmes, `{name}.md` for pages."""
    place: Place
    """module: in a module folder; week: in a week folder; programme: curriculum/programmes/;
    page: curriculum/pages/ or a week folder; site: curriculum/."""
    source: str
    """Name of the model in `curriculum.model`."""
    translation: str | None
    """Name of the translation's model, or None where a translation is the whole file."""
    scaffold: bool = False
    """Created from templates/scaffold/<file>.j2 by `new-module` (module) or `new-week` (week)."""

    @property
    def stem(self) -> str:
        return self.file.rsplit(".", 1)[0]

    @property
    def source_model(self) -> type[BaseModel]:
        from . import model

        found: type[BaseModel] = getattr(model, self.source)
        return found

    @property
    def translation_model(self) -> type[BaseModel] | None:
        from . import model

        return getattr(model, self.translation) if self.translation else None


KINDS: tuple[Kind, ...] = (
    Kind("module", "module.yml", "module", "Module", "ModuleTranslation", scaffold=True),
    Kind("glossary", "glossary.yml", "module", "Glossary", "GlossaryTranslation"),
    Kind("prep", "prep.md", "week", "Prep", "PrepTranslation", scaffold=True),
    Kind("exercises", "exercises.md", "week", "Exercises", "ExercisesTranslation", scaffold=True),
    Kind("coach", "coach.md", "week", "Coach", "CoachTranslation", scaffold=True),
    Kind(
        "self-evaluation",
        "self-evaluation.md",
        "module",
        "SelfEvaluation",
        "SelfEvaluationTranslation",
        scaffold=True,
    ),
    Kind("workshop", "workshop.md", "module", "Workshop", "WorkshopTranslation", scaffold=True),
    Kind("programme", "{id}.yml", "programme", "Programme", "ProgrammeTranslation"),
    Kind("page", "{name}.md", "page", "PageMeta", None),
    Kind("reviewed-sources", "reviewed-sources.yml", "site", "ReviewedSources", None),
)

BY_NAME = {kind.name: kind for kind in KINDS}
WEEK_KINDS = tuple(kind for kind in KINDS if kind.place == "week")
"""A week's three files, in the order they are listed."""
MODULE_PAGE_KINDS = tuple(k for k in KINDS if k.place == "module" and k.file.endswith(".md"))
"""Pages a module has beside its weeks (self-evaluation, workshop kit)."""


def schemas() -> dict[str, str]:
    """`curriculum schema` names -> model names: every kind, and its translation."""
    out: dict[str, str] = {}
    for kind in KINDS:
        out[kind.name] = kind.source
        if kind.translation:
            out[f"{kind.name}-translation"] = kind.translation
    return out

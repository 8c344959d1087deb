"""The content model: what contributors write in module.yml, week front matter and programmes.

Models are frozen and strict (no coercion: `minutes: "90"` is an error, not 90), refuse unknown
keys, and describe every field: the same classes give validation, contributor docs and a JSON
Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    field_validator,
    model_validator,
)

from .fields import (
    PAGE_PATH,
    SLUG,
    CohortDate,
    Headcount,
    Minutes,
    Slug,
    Text,
    WebAddress,
    _Strict,
    _Translation,
)
from .programme_model import (
    Closing,
    ClosingTranslation,
    Phase,
    PhaseTranslation,
    Programme,
    ProgrammeTranslation,
    Weekday,
)

TRACKS = (
    "intro-to-coding",
    "digital-storytelling",
    "digital-journalism",
    "soft-skills",
    "web-development",
)
Track = Literal[
    "intro-to-coding",
    "digital-storytelling",
    "digital-journalism",
    "soft-skills",
    "web-development",
]
WORKSHOP_TRACKS = ("intro-to-coding", "digital-storytelling", "digital-journalism", "soft-skills")
"""Tracks of the Digital Welcome programme: their trainees go on to run workshops for others."""

Level = Literal["beginner", "intermediate", "advanced"]
ItemType = Literal["read", "watch", "practise", "quiz"]

# Licences that suit teaching material and code; SPDX identifiers.
LICENSES = (
    "CC-BY-SA-4.0",
    "CC-BY-4.0",
    "CC0-1.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-NC-4.0",
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "GPL-3.0-or-later",
    "MPL-2.0",
)


class Module(_Strict):
    """`modules/<id>/module.yml`: what a module is, for whom, and what it teaches."""

    id: Slug = Field(description="Lower-case words joined by hyphens; equal to the folder name.")
    title: Text = Field(description="The module's name as trainees see it.")
    summary: Text = Field(description="One or two sentences: what the trainee will be able to do.")
    track: Slug = Field(
        description="The track this module belongs to: "
        + ", ".join(TRACKS)
        + ", or a site's own track, named in its curriculum/catalog/en.yml as `track_<id>`."
    )
    level: Level = Field(description="beginner, intermediate or advanced.")
    hours: Annotated[int, Field(gt=0, le=500)] = Field(
        description="Total study time in hours, preparation and Sundays together."
    )
    objectives: list[Text] = Field(
        min_length=1, description="What a trainee can do after the module; one sentence each."
    )
    prerequisites: list[Slug] = Field(default=[], description="Ids of modules to complete first.")
    authors: list[Text] = Field(min_length=1, description="Who wrote it; names or handles.")
    license: str = Field(description="SPDX licence id of the content, e.g. CC-BY-SA-4.0.")

    @field_validator("license")
    @classmethod
    def _known_license(cls, value: str) -> str:
        if value not in LICENSES:
            raise ValueError(f"'{value}' is not a licence we accept ({', '.join(LICENSES)})")
        return value


class ModuleTranslation(_Translation):
    """`modules/<id>/module.<lang>.yml`: the module's strings in another language."""

    title: Text | None = Field(default=None, description="Translated title.")
    summary: Text | None = Field(default=None, description="Translated summary.")
    objectives: list[Text] | None = Field(
        default=None, description="Translated objectives, in the same order and number."
    )


class PrepItem(_Strict):
    """One thing to read, watch, practise or answer before Sunday."""

    id: Slug | None = Field(
        default=None,
        description="Stable id that trainees' ticks are stored under. Optional: derived from the "
        "url or page, so reordering items keeps it; set it to keep ticks when the link changes.",
    )
    title: Text = Field(description="What the trainee sees in the checklist.")
    url: WebAddress | None = Field(
        default=None, description="An http(s) address of a free resource."
    )
    page: Annotated[str, StringConstraints(pattern=PAGE_PATH, max_length=200)] | None = Field(
        default=None,
        description="A Markdown page of this module, relative to this file, such as notes.md or "
        "../week-01/notes.md.",
    )
    type: ItemType = Field(description="read, watch, practise or quiz.")
    minutes: Minutes = Field(description="Honest minutes a trainee needs, a whole number.")
    optional: bool = Field(default=False, description="true for extra material.")

    @model_validator(mode="after")
    def _one_target(self) -> PrepItem:
        if (self.url is None) == (self.page is None):
            raise ValueError("an item needs either `url` or `page`, not both and not neither")
        return self


class Prep(_Strict):
    """Front matter of `week-NN/prep.md`: the trainees' preparatory work."""

    title: Text = Field(description="The week's title.")
    objectives: list[Text] = Field(min_length=1, description="What the week teaches.")
    prep: list[PrepItem] = Field(min_length=1, description="The checklist, in reading order.")
    terms: list[Slug] = Field(
        default=[],
        description="Glossary ids of the week's key terms, from this or any module's glossary.yml.",
    )


def _title_only(value: object) -> object:
    # `item-id: Translated title` is short for `item-id: {title: Translated title}`.
    return {"title": value} if isinstance(value, str) else value


class TranslatedItem(_Strict):
    """A prep item in another language: its title, and where a resource exists in that language,
    its own address. The item keeps its id, so trainees' ticks stay."""

    title: Text = Field(description="The item's title in this language.")
    url: WebAddress | None = Field(
        default=None,
        description="The address of the same resource in this language (MDN in French, a video "
        "with subtitles, ...): https, on a reviewed host. Only for items with `url:`.",
    )


class PrepTranslation(_Translation):
    """Front matter of `week-NN/prep.<lang>.md`."""

    title: Text | None = Field(default=None, description="Translated week title.")
    objectives: list[Text] | None = Field(
        default=None, description="Translated objectives, same order and number."
    )
    prep: dict[str, Annotated[TranslatedItem, BeforeValidator(_title_only)]] | None = Field(
        default=None,
        description="Translated items, keyed by item id: a title, or `title:` and `url:` for "
        "a resource in this language.",
    )


class PageMeta(_Translation):
    """Front matter of a hand-written page (`curriculum/pages/`) or a week's own page (`notes.md`).

    Optional, like the keys in it. Nothing else is accepted: Material would print other keys into
    the page unescaped, or let them choose its template.
    """

    title: Text | None = Field(
        default=None,
        description="The page's title in the navigation and the browser's tab; the page's first "
        "`# heading` when absent.",
    )


class Exercises(_Strict):
    """Front matter of `week-NN/exercises.md`: the Sunday group exercises."""

    title: Text = Field(description="Title of the exercises page.")
    group_size: Headcount = Field(
        default="3-5",
        description="Trainees per group: a number such as 4, or a range such as 3-5.",
    )


class ExercisesTranslation(_Translation):
    """Front matter of `week-NN/exercises.<lang>.md`."""

    title: Text | None = Field(default=None, description="Translated title.")


class Block(_Strict):
    """One timed block of the Sunday session."""

    title: Text = Field(description="What happens in this block.")
    minutes: Minutes = Field(description="How long it lasts.")


class Coach(_Strict):
    """Front matter of `week-NN/coach.md`: the coach's session plan."""

    title: Text = Field(description="Title of the plan.")
    session_minutes: Minutes = Field(description="Length of the Sunday session in minutes.")
    blocks: list[Block] = Field(
        min_length=1, description="Timed blocks; their minutes add up to session_minutes."
    )


class CoachTranslation(_Translation):
    """Front matter of `week-NN/coach.<lang>.md`."""

    title: Text | None = Field(default=None, description="Translated title.")
    blocks: list[Text] | None = Field(
        default=None, description="Translated block titles, same order and number."
    )


class GlossaryEntry(_Strict):
    """One term of `modules/<id>/glossary.yml`, keyed there by its id."""

    term: Text = Field(description="The term as it is written in running text.")
    definition: Text = Field(description="One or two plain sentences a beginner understands.")


Glossary = RootModel[dict[Slug, GlossaryEntry]]
"""`modules/<id>/glossary.yml`: term id -> term and definition (ids are unique site-wide)."""

GlossaryTranslation = RootModel[dict[str, GlossaryEntry]]
"""`modules/<id>/glossary.<lang>.yml`: term id -> the term and definition in that language."""


Host = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+([.-][a-z0-9]+)*\.[a-z]{2,}$", max_length=100)
]
ReviewedSources = RootModel[dict[Host, Text]]
"""`curriculum/reviewed-sources.yml`: host -> why it is a good source (covers subdomains)."""


class Check(_Strict):
    """One line of a self-evaluation, restating one module objective."""

    model_config = ConfigDict(populate_by_name=False)

    id: Slug | None = Field(
        default=None,
        description="A stable name for the check: trainees' ticks stay with it when checks are "
        "reordered or reworded. Derived from `can` when absent (then rewording moves the tick).",
    )
    can: Text = Field(description='The objective as "I can ...".')
    try_: Text = Field(alias="try", description="A small task that proves it.")


class SelfEvaluation(_Strict):
    """Front matter of `modules/<id>/self-evaluation.md`."""

    title: Text = Field(description="Title of the page.")
    checks: list[Check] = Field(
        min_length=1, description="One check per module objective, in the same order."
    )


class CheckTranslation(_Strict):
    can: Text | None = Field(default=None, description="Translated `can`.")
    try_: Text | None = Field(default=None, alias="try", description="Translated `try`.")


class SelfEvaluationTranslation(_Translation):
    """Front matter of `modules/<id>/self-evaluation.<lang>.md`."""

    title: Text | None = Field(default=None, description="Translated title.")
    checks: list[CheckTranslation] | None = Field(
        default=None, description="Translated checks, same order and number."
    )


class Workshop(_Strict):
    """Front matter of `modules/<id>/workshop.md`: a kit for a workshop trainees run for others."""

    title: Text = Field(description="Title of the workshop.")
    audience: Text = Field(description="Who the workshop is for.")
    participants: Headcount = Field(
        description="How many participants: a number such as 8, or a range such as 6-12.",
    )
    minutes: Minutes = Field(description="Length of the workshop in minutes.")
    materials: list[Text] = Field(min_length=1, description="What to bring or prepare.")
    blocks: list[Block] = Field(
        min_length=1, description="Timed blocks; their minutes add up to `minutes`."
    )


class WorkshopTranslation(_Translation):
    """Front matter of `modules/<id>/workshop.<lang>.md`."""

    title: Text | None = Field(default=None, description="Translated title.")
    audience: Text | None = Field(default=None, description="Translated audience.")
    materials: list[Text] | None = Field(
        default=None, description="Translated materials, same order and number."
    )
    blocks: list[Text] | None = Field(
        default=None, description="Translated block titles, same order and number."
    )


__all__ = [
    "PAGE_PATH",
    "SLUG",
    "Closing",
    "ClosingTranslation",
    "CohortDate",
    "Headcount",
    "Minutes",
    "Phase",
    "PhaseTranslation",
    "Programme",
    "ProgrammeTranslation",
    "Slug",
    "Text",
    "WebAddress",
    "Weekday",
]

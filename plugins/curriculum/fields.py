"""The basic field types of the content model, shared by every model file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
PAGE_PATH = r"^(\.\./|[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md$"
Slug = Annotated[str, StringConstraints(pattern=SLUG, min_length=1, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
Minutes = Annotated[int, Field(gt=0, le=24 * 60)]


def _number_as_text(value: object) -> object:
    # `group_size: 4` reads as a number; a range such as 3-5 reads as text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Headcount = Annotated[
    str,
    BeforeValidator(_number_as_text),
    StringConstraints(pattern=r"^[1-9][0-9]?(-[1-9][0-9]?)?$"),
]
"""How many people: a number such as 4, or a range such as 3-5."""

CohortDate = Annotated[
    dt.date, Field(strict=False, ge=dt.date(2000, 1, 1), le=dt.date(2100, 12, 31))
]
"""A date of a cohort, as YYYY-MM-DD, between the years 2000 and 2100."""

_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$")


def _http_only(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(f"'{value}' is not an http(s) address")
    return value


WebAddress = Annotated[str, AfterValidator(_http_only)]
"""An http(s) address; which hosts a page may use is checked across files (checks/links.py)."""


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, strict=True, extra="forbid", defer_build=True)


STAMP_KEY = "translated_from"
"""The key a translation records the English it was made from under (see drift.py)."""

STAMP = re.compile(r"[a-z]+ [0-9a-f]{8}(, [a-z]+ [0-9a-f]{8})*")
Stamp = Annotated[str, StringConstraints(pattern=f"^{STAMP.pattern}$", max_length=400)]
"""`title 3f2a9c1b, body 77d01e3a`: each translatable part of the English source, with a short
hash of it when the translation was last checked against it. Written by `curriculum translated`."""


class _Translation(_Strict):
    translated_from: Stamp | None = Field(
        default=None,
        description="The English this translation was made from, part by part. Written by "
        "`curriculum translated PATH` after a review; do not edit it by hand.",
    )

"""What a page kind renders from: the curriculum, the language, and what is computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..loaded import Curriculum
from ..schedule import Session
from .common import Lang
from .glossary import Glossary


@dataclass
class Context:
    cur: Curriculum
    lang: Lang
    schedules: dict[str, list[Session]] = field(default_factory=dict)
    """Each programme's Sundays, by programme id: the same in every language."""

    @cached_property
    def glossary(self) -> Glossary:
        """This language's glossary, built once for all the pages that show terms."""
        return Glossary(self.cur, self.lang)

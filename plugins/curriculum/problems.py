"""Problems found in a contributor's files, each with its place and a fix, reported together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the sources: where, what, and what to do about it."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text

    def format_github(self, level: str = "error") -> str:
        # GitHub Actions workflow command; data must have %, CR and LF escaped.
        body = self.message + (f" Hint: {self.hint}" if self.hint else "")
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = str(PurePosixPath(self.path)).replace(",", "%2C").replace(":", "%3A")
        return f"::{level} file={path},line={self.line},col={self.col}::{body}"


class CurriculumError(Exception):
    """Raised when the sources have problems; carries all of them, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the curriculum sources:"
        return "\n".join([head, *(p.format() for p in self.problems)])

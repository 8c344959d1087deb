"""Problems found in a contributor's files, each with its place and a fix, reported together."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
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


def report_page(problems: list[Problem]) -> str:
    """A whole HTML page listing `problems`, for the browser of an author whose last save broke the
    preview (`mkdocs serve`): the page reloads by itself once the next save fixes them."""
    count = len(problems)
    head = f"The curriculum has {count} problem{'s' if count != 1 else ''}"
    items = "".join(
        f"<li><code>{escape(p.path)}:{p.line}:{p.col}</code> {escape(p.message)}"
        + (f"<br><span class=hint>Hint: {escape(p.hint)}</span>" if p.hint else "")
        + "</li>\n"
        for p in problems
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{head}</title>\n<style>"
        "body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;"
        "color:#1a1a1a}h1{color:#a30000;font-size:1.5rem}li{margin:0 0 1rem}"
        "code{background:#f3f3f3;padding:0 .2em}.hint{color:#333}"
        "</style>\n</head>\n<body>\n<main>\n"
        f'<h1 id="curriculum-problems">{head}</h1>\n'
        "<p>The site was not rebuilt: the pages keep their last good version, and this page "
        "stands in for each of them. Fix the problems and save: the page reloads by itself. "
        "<code>curriculum check</code> lists the same problems.</p>\n"
        f"<ol>\n{items}</ol>\n</main>\n</body>\n</html>\n"
    )

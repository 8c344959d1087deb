"""Reading one contributor's file: text, YAML or Markdown with front matter, with every problem
placed; file names with a language code."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .. import model, safefile
from ..loaded import Doc
from ..problems import Problem
from ..text import decode, markdown_nesting, yaml_tabs
from ..yamlsafe import Located, parse, split_front_matter
from .errors import M, validate_model
from .filereads import file_reading

T = TypeVar("T")
LOCALE = re.compile(r"^[a-z]{2}(_[A-Z]{2})?$")


_CODE_SPAN = re.compile(r"(`+).+?\1")
_PLACEHOLDER = re.compile(r"TODO|TBD|FIXME|XXX|[Ll][Oo][Rr][Ee][Mm] [Ii][Pp][Ss][Uu][Mm]")
"""A fast first look: only upper-case markers count (a "todo" in running text is a word)."""
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|\blorem ipsum\b", re.IGNORECASE)


def find_placeholders(rel: str, text: str) -> list[Problem]:
    """Scaffolds and drafts mark unwritten parts; none of them may reach trainees."""
    found: list[Problem] = []
    markers = any(marker in text for marker in ("TODO", "TBD", "FIXME", "XXX"))
    if not markers and "ipsum" not in text.lower():
        return found  # the common case, found with a few substring searches
    for number, line in enumerate(text.splitlines(), start=1):
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)  # `TODO` names the marker
        for match in _PLACEHOLDER.finditer(line):
            if match.group(1) and not match.group(1).isupper():
                continue  # "todo" in running text is a word, not a marker
            found.append(
                Problem(
                    rel,
                    number,
                    match.start() + 1,
                    f"placeholder text '{match.group()}'",
                    "write the real content here before it is published",
                )
            )
    return found


def rel_path(root: Path, path: Path) -> str:
    """`path` from `root`, with '/'."""
    found = safefile.relative(root, str(path))
    if found is None:
        raise ValueError(f"{path} is not under {root}")
    return found


def _read(
    kind: str,
    root: Path,
    path: Path,
    problems: list[Problem],
    parse_text: Callable[[str, str, list[Problem]], T],
) -> T | None:
    """parse_text(rel, text, problems) of a contributor's file, with its refused characters and
    placeholders reported; None if the file must not be read at all (`sources.scan` says why) or
    is not text.

    Through the check's cache (see filecache): a file unchanged since it was last read is not
    read again.
    """
    rel = rel_path(root, path)

    def parsed(data: bytes, checksum: bytes, found: list[Problem]) -> T | None:
        text, bad = decode(rel, data)
        found.extend(bad)
        if text is None:
            return None
        found.extend(find_placeholders(rel, text))
        parsed = parse_text(rel, text, found)
        for doc in _docs(parsed):
            doc.checksum = checksum
            if text.endswith(doc.body):  # the body's start in the text (kept with the reading)
                doc.body_start = len(text) - len(doc.body)
        return parsed

    try:
        read = file_reading(kind, rel, root, path, problems, parsed)
    except safefile.Refused:
        return None
    return from_file(read, root, path)


def _docs(read: object) -> list[Doc]:
    return [doc for doc in (read if isinstance(read, tuple) else (read,)) if isinstance(doc, Doc)]


def from_file(read: T, root: Path, path: Path) -> T:
    """A reading's Docs, told which file they were read from this time (see Doc.file)."""
    for doc in _docs(read):
        doc.file = (root, path)
    return read


def read_yaml(root: Path, path: Path, problems: list[Problem]) -> Located | None:
    return _read("yaml", root, path, problems, _yaml)


def _yaml(rel: str, text: str, problems: list[Problem]) -> Located | None:
    tabs = yaml_tabs(rel, text)
    if tabs:
        problems.extend(tabs)
        return None
    located, found = parse(text, rel)
    problems.extend(found)
    if located.data is None and found:
        return None  # a syntax error: nothing to validate
    if not isinstance(located.data, dict):
        problems.append(
            Problem(
                rel,
                1,
                1,
                "expected `key: value` pairs at the top level",
                "start each line with a key such as `title:`",
            )
        )
        return None
    return located


def read_markdown(
    root: Path,
    path: Path,
    cls: type[M],
    problems: list[Problem],
    *,
    bodies: list[Doc] | None = None,
) -> Doc | None:
    """The file's validated front matter and its body, or None (its problems are in `problems`).

    `bodies`: where a file whose front matter has problems leaves its body (a Doc without `meta`),
    so that the links in it are still checked in the same run."""

    def parse_text(rel: str, text: str, found: list[Problem]) -> tuple[Doc | None, Doc | None]:
        return _markdown(rel, text, cls, found)

    read = _read(f"markdown {cls.__module__}.{cls.__qualname__}", root, path, problems, parse_text)
    doc, body = read or (None, None)
    if body is not None and bodies is not None:
        bodies.append(body)
    return doc


def _markdown(
    rel: str, text: str, cls: type[M], problems: list[Problem]
) -> tuple[Doc | None, Doc | None]:
    """(the Doc, None), or (None, its body without metadata if only its metadata is wrong)."""
    front, body, body_line = split_front_matter(text)
    if front is None:
        problems.append(
            Problem(
                rel,
                1,
                1,
                "missing front matter",
                "start the file with a line '---', the metadata, then '---'",
            )
        )
        return None, None
    if body_line == 0:
        problems.append(
            Problem(rel, 1, 1, "front matter is not closed", "end the metadata with a line '---'")
        )
        return None, None
    problems.extend(markdown_nesting(rel, body, body_line))
    tabs = yaml_tabs(rel, front, line_offset=1)
    if tabs:
        problems.extend(tabs)
        return None, None
    located, found = parse(front, rel, line_offset=1)
    problems.extend(found)
    if located.data is None and found:
        return None, None  # a syntax error: nothing to validate
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        problems.append(Problem(rel, 2, 1, "front matter must be `key: value` pairs", ""))
        return None, None
    meta = validate_model(cls, located, problems)
    if meta is None:
        return None, Doc(rel, None, body, body_line, located)
    return Doc(rel, meta, body, body_line, located), None


_HEADING = re.compile(r"^# +(.+?)(?: +#+)? *$", re.MULTILINE)


def read_page(root: Path, path: Path, problems: list[Problem]) -> Doc | None:
    """A hand-written page or a week's own page: front matter optional, a title required."""
    return _read("page", root, path, problems, _page)


def _page(rel: str, text: str, problems: list[Problem]) -> Doc | None:
    if text.startswith("---\n"):
        return _with_title(_markdown(rel, text, model.PageMeta, problems)[0], problems)
    problems.extend(markdown_nesting(rel, text, 1))
    doc = Doc(rel, model.PageMeta(), text, 1, Located({}, rel))
    return _with_title(doc, problems)


def _with_title(doc: Doc | None, problems: list[Problem]) -> Doc | None:
    """The page with its title in the front matter: given there, or its first `# heading`.

    MkDocs would otherwise take the heading's text with its HTML unescaped, or the file name.
    """
    if doc is None or doc.meta.title:
        return doc
    match = _HEADING.search(doc.body)
    if match is None:
        problems.append(
            Problem(
                doc.path,
                1,
                1,
                "page has no title",
                "start the page with a heading such as `# Notes on the console`, or give it "
                "`title:` in its front matter",
            )
        )
        return None
    title = match.group(1).replace("`", "").replace("**", "").strip()
    # The rest of the front matter stays (a translation's `translated_from:` among it).
    doc.meta = doc.meta.model_copy(update={"title": title[:1000] or "-"})
    return doc


def split_locale(path: Path) -> tuple[str, str | None]:
    """`prep.fr.md` -> ('prep', 'fr'); `prep.md` -> ('prep', None)."""
    parts = path.name.split(".")
    if len(parts) >= 3 and LOCALE.match(parts[-2]):
        return ".".join(parts[:-2]), parts[-2]
    return ".".join(parts[:-1]), None


def check_locale(
    root: Path,
    path: Path,
    lang: str | None,
    languages: list[str],
    default: str,
    problems: list[Problem],
) -> bool:
    """True if `lang` is a translation language we build; otherwise report why not."""
    if lang is None:
        return False
    rel = rel_path(root, path)
    if lang == default:
        problems.append(
            Problem(
                rel,
                1,
                1,
                f"'{lang}' is the source language",
                f"rename it without '.{lang}'; the source file has no suffix",
            )
        )
    elif lang not in languages:
        problems.append(
            Problem(
                rel,
                1,
                1,
                f"translation into '{lang}', which is not a configured language",
                f"configured languages are {', '.join(languages)}; rename the file or add the "
                "language to the i18n plugin in mkdocs.yml",
            )
        )
    else:
        return True
    return False

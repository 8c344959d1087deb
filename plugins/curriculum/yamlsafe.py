"""A strict YAML reader that remembers where every value came from.

PyYAML resolves YAML 1.1's implicit types (`no` is false, `010` is 8, `1:30` is 90), keeps the
last of two duplicate keys silently and expands aliases. Contributors' files need none of that, so
we read the event stream with the C parser and build plain values ourselves: plain scalars become
`null`, `true`, `false`, decimal integers and decimal numbers only; everything else stays a string,
and the schema refuses what does not fit. Duplicate keys, anchors, aliases and explicit tags are
problems.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

from .problems import Problem

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")
_NULL = {"", "~", "null"}

MAX_DEPTH = 32
"""Lists and mappings nested deeper than this are refused (our files need four levels)."""
MAX_NODES = 50_000
"""Values in one file: about ten times the largest glossary."""
MAX_DIGITS = 15


@dataclass
class Located:
    """Parsed data with the line and column (1-based) of every key and value, by path."""

    data: Any
    file: str
    places: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_places: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def __reduce__(self) -> tuple[Any, ...]:
        """Kept in the check's store (filecache) with its places packed in one string of bytes,
        and its data in another while it is plain YAML (not once validated entries replace it):
        a check unpickles tens of thousands of these, and asks for a place only for a problem and
        for the data only of a file that has one."""
        places = marshal.dumps((self.places, self.key_places))
        try:
            data = marshal.dumps(self.data)
        except ValueError:  # validated entries (a glossary's)
            return (_packed, (self.data, self.file, places))
        return (_packed, (None, self.file, places, data))

    def __getattr__(self, name: str) -> Any:
        """The places, or the data, of one unpickled from the store, unpacked when first asked
        for."""
        found = self.__dict__
        if name == "data" and "_data" in found:
            self.data = marshal.loads(found.pop("_data"))
            return self.data
        if name not in ("places", "key_places") or "_packed" not in found:
            raise AttributeError(name)
        self.places, self.key_places = marshal.loads(found.pop("_packed"))
        return getattr(self, name)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The place of `path`, or of its nearest ancestor that was in the file."""
        path = tuple(path)
        while True:
            table = self.key_places if key else self.places
            if path in table:
                return table[path]
            if path in self.places:
                return self.places[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def problem(self, path: Path_, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, message, hint)


def _packed(data: Any, file: str, packed: bytes, packed_data: bytes | None = None) -> Located:
    located = Located.__new__(Located)
    if packed_data is None:
        located.__dict__.update(data=data, file=file, _packed=packed)
    else:
        located.__dict__.update(file=file, _packed=packed, _data=packed_data)
    return located


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.style:  # quoted or block scalars are always strings ('' or None is plain)
        return event.value
    value = event.value
    if value in _NULL:
        return None
    if value in ("true", "false"):
        return value == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _Builder:
    def __init__(self, file: str, line_offset: int) -> None:
        self.out = Located(None, file)
        self.offset = line_offset
        self.problems: list[Problem] = []

    def place(self, mark: Any) -> tuple[int, int]:  # yaml.Mark, or libyaml's own Mark
        return (mark.line + 1 + self.offset, mark.column + 1)

    def too_deep(self, events: list[Any], i: int) -> int:
        """Report a collection nested too deep; return the index after its end (no recursion)."""
        if not any(f"nested more than {MAX_DEPTH} deep" in p.message for p in self.problems):
            self.problems.append(
                _limit(events[i], self.out.file, self.offset, f"nested more than {MAX_DEPTH} deep")
            )
        depth = 0
        while True:
            if isinstance(events[i], (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
            elif isinstance(events[i], (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            i += 1
            if depth == 0:
                return i

    def refuse_extras(self, event: Any) -> None:
        line, col = self.place(event.start_mark)
        if getattr(event, "anchor", None):
            self.problems.append(
                Problem(
                    self.out.file,
                    line,
                    col,
                    f"YAML anchor '&{event.anchor}' is not allowed",
                    "write the value out in full; our files do not use anchors or aliases",
                )
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        if isinstance(implicit, tuple):
            implicit = implicit[0] or implicit[1]
        if tag and not implicit and tag != "!":
            self.problems.append(
                Problem(
                    self.out.file,
                    line,
                    col,
                    f"YAML tag '{tag}' is not allowed",
                    "remove the tag; quote the value if it must be text",
                )
            )

    def node(self, events: list[Any], i: int, path: Path_) -> tuple[Any, int]:
        event = events[i]
        self.out.places[path] = self.place(event.start_mark)
        if len(path) >= MAX_DEPTH and isinstance(
            event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)
        ):
            return None, self.too_deep(events, i)
        if isinstance(event, yaml.AliasEvent):
            line, col = self.place(event.start_mark)
            self.problems.append(
                Problem(
                    self.out.file,
                    line,
                    col,
                    f"YAML alias '*{event.anchor}' is not allowed",
                    "write the value out in full; our files do not use anchors or aliases",
                )
            )
            return None, i + 1
        self.refuse_extras(event)
        if isinstance(event, yaml.ScalarEvent):
            long_number = len(event.value) > MAX_DIGITS and bool(
                not event.style and (_INT.fullmatch(event.value) or _FLOAT.fullmatch(event.value))
            )
            value = None if long_number else _scalar(event)
            if long_number:
                self.problems.append(
                    Problem(
                        self.out.file,
                        *self.place(event.start_mark),
                        f"a number of {len(event.value)} characters",
                        f"numbers here have at most {MAX_DIGITS} digits",
                    )
                )
                return None, i + 1
            return value, i + 1
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            i += 1
            while not isinstance(events[i], yaml.SequenceEndEvent):
                value, i = self.node(events, i, (*path, len(items)))
                items.append(value)
            return items, i + 1
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[str, Any] = {}
            i += 1
            while not isinstance(events[i], yaml.MappingEndEvent):
                key_event = events[i]
                key_place = self.place(key_event.start_mark)
                if not isinstance(key_event, yaml.ScalarEvent):
                    self.problems.append(
                        Problem(
                            self.out.file,
                            *key_place,
                            "a key must be plain text",
                            "write keys as simple words such as `title:`",
                        )
                    )
                    _, i = self.node(events, i, (*path, "?"))
                    _, i = self.node(events, i, (*path, "?"))
                    continue
                key = key_event.value
                i += 1
                if key in mapping:
                    first = self.out.key_places[(*path, key)]
                    self.problems.append(
                        Problem(
                            self.out.file,
                            *key_place,
                            f"duplicate key '{key}' (first given on line {first[0]})",
                            "keep one of the two; YAML would silently keep only the last",
                        )
                    )
                    _, i = self.node(events, i, (*path, key, "duplicate"))
                    continue
                self.out.key_places[(*path, key)] = key_place
                mapping[key], i = self.node(events, i, (*path, key))
            return mapping, i + 1
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover


def parse(text: str, file: str, *, line_offset: int = 0) -> tuple[Located, list[Problem]]:
    """Parse one YAML document. Returns the data with its places, and the problems found."""
    builder = _Builder(file, line_offset)
    try:
        events = _events(text, file, line_offset)
    except _TooLarge as exc:
        return builder.out, [exc.problem]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        what = exc.problem or exc.context or "invalid YAML"
        return builder.out, [
            Problem(
                file,
                line,
                col,
                f"YAML syntax error: {what}",
                "check indentation and quoting; values with ': ' or starting with "
                "'[', '{', '&', '*', "
                "'!' or '#' need quotes",
            )
        ]
    except yaml.YAMLError as exc:  # the reader's errors carry no mark
        return builder.out, [
            Problem(file, 1 + line_offset, 1, f"YAML error: {exc}", "save the file as UTF-8 text")
        ]
    docs = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
    if len(docs) > 1:
        line, col = builder.place(events[docs[1]].start_mark)
        return builder.out, [
            Problem(
                file,
                line,
                col,
                "more than one YAML document",
                "remove the second '---' and what follows it",
            )
        ]
    if not docs:
        return builder.out, []
    builder.out.data, _ = builder.node(events, docs[0] + 1, ())
    return builder.out, builder.problems


class _TooLarge(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _events(text: str, file: str, line_offset: int) -> list[Any]:
    """The YAML events, refused early when there are too many values."""
    events = list(yaml.parse(text, Loader=_Loader))
    if len(events) > MAX_NODES:
        raise _TooLarge(
            _limit(events[MAX_NODES], file, line_offset, f"more than {MAX_NODES} values")
        )
    return events


def _limit(event: Any, file: str, line_offset: int, what: str) -> Problem:
    mark = event.start_mark
    return Problem(
        file,
        mark.line + 1 + line_offset,
        mark.column + 1,
        f"YAML {what}",
        "our files need a few levels and a few hundred values: split or simplify this one",
    )


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split Markdown into (front matter YAML, body, line number of the body's first line).

    The front matter is None when the file does not start with '---'; the body line is 0 when the
    front matter is never closed.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None, text, 1
    for n, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "".join(lines[1:n]), "".join(lines[n + 1 :]), n + 2
    return "".join(lines[1:]), "", 0

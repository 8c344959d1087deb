"""A contributor's file read through the check's cache (filecache), and what a module's loading
read, recorded so that the module can be kept whole (see kept.py)."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .. import filecache, safefile
from ..problems import Problem

T = TypeVar("T")


@dataclass(frozen=True)
class Read:
    """A file read through `file_reading`."""

    kind: str
    rel: str
    """Its path in the tree."""
    checksum: bytes | None
    """Its digest if its status is noted with it (None: too new to tell, or refused)."""
    value: Any
    """What reading it gave."""
    problems: list[Problem]
    """What reading it found."""

    @property
    def key(self) -> tuple[str, str, bytes | None]:
        return (self.kind, self.rel, self.checksum)


_reads: ContextVar[list[Read] | None] = ContextVar("curriculum_reads", default=None)
_offered: ContextVar[dict[Any, Read] | None] = ContextVar("curriculum_offered", default=None)


@contextlib.contextmanager
def recording(offered: list[Read] | tuple[()] = ()) -> Iterator[list[Read]]:
    """Every file read through `file_reading` in this block, in order. `offered`: readings at
    hand (a kept module's, one of whose files changed): a file whose digest is one of theirs is
    taken from them, not from the store."""
    reads: list[Read] = []
    token = _reads.set(reads)
    offers = _offered.set({read.key: read for read in offered})
    try:
        yield reads
    finally:
        _offered.reset(offers)
        _reads.reset(token)


def file_reading(
    kind: str,
    rel: str,
    root: Path,
    path: Path,
    problems: list[Problem],
    compute: Callable[[bytes, bytes, list[Problem]], T],
) -> T:
    """compute(the file's bytes, their digest, found) for the contributor's file at `path` (`rel`
    in the tree), as `filecache.reading` keeps it under (kind, rel, digest). A file whose status
    is the one noted with its digest is not read at all; any other is read through
    `safefile.read_with_status` (which raises `safefile.Refused`) and noted. Inside `recording`,
    the file is recorded."""
    reads = _reads.get()
    name = os.path.abspath(path)
    first = len(problems)
    cache = filecache.current()
    try:
        value, checksum = _file_reading(cache, kind, rel, root, path, name, problems, compute)
    except safefile.Refused:
        if reads is not None:
            reads.append(Read(kind, rel, None, None, []))
        raise
    if reads is not None:
        trusted = cache is not None and cache.trusted(name, checksum)
        reads.append(Read(kind, rel, checksum if trusted else None, value, problems[first:]))
    return value


def _file_reading(
    cache: filecache.FileCache | None,
    kind: str,
    rel: str,
    root: Path,
    path: Path,
    name: str,
    problems: list[Problem],
    compute: Callable[[bytes, bytes, list[Problem]], T],
) -> tuple[T, bytes]:
    checksum = cache.known_digest(name) if cache is not None else None
    if cache is not None and checksum is not None:
        key = (kind, rel, checksum)
        offers = _offered.get()
        offered = offers.pop(key, None) if offers else None
        found, kept = (True, (offered.value, offered.problems)) if offered else cache.lookup(key)
        if found:
            value, found_problems = kept
            problems.extend(found_problems)
            return value, checksum
    opened_ns = time.time_ns()
    data, status = safefile.read_with_status(root, path)
    checksum = filecache.digest(data)
    if cache is not None:
        cache.note(name, status, checksum, opened_ns)
    key = (kind, rel, checksum)
    return filecache.reading(key, problems, lambda found: compute(data, checksum, found)), checksum

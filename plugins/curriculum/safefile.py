"""A contributor's file read safely: never through a link leading outside the curriculum's folders,
never anything but a regular file, never more than the size limits. `sources.scan` says why a file
is refused before anything is read; this is the guard at the moment of reading."""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path

MAX_TEXT_BYTES = 128 * 1024
"""Markdown and YAML files: the longest page of the curriculum is about 20 KB."""
MAX_ASSET_BYTES = 2 * 1024 * 1024
"""Images and PDFs: trainees pay for their data."""
TEXT_KINDS = (".md", ".yml")


def relative(root: Path, path: str) -> str | None:
    """`path` from `root`, with '/', or None if it is not under `root`. By strings first: the scan
    and the loading ask for tens of thousands."""
    base = str(root).rstrip(os.sep)
    if os.sep == "/" and path.startswith(base + "/"):
        return path[len(base) + 1 :]
    as_path = Path(path)
    return as_path.relative_to(root).as_posix() if as_path.is_relative_to(root) else None


@functools.lru_cache(maxsize=64)
def _real(root: Path) -> Path:
    """A root with every link followed, once and not once a file. Kept for good: a root that
    became a link to elsewhere could only make files refused, never let one in."""
    return root.resolve()


def inside(root: Path, path: Path) -> bool:
    """True if `path`, with every symbolic link followed, lies inside `root` (already resolved)."""
    try:
        real, base = os.path.realpath(path), str(root)
    except (OSError, ValueError):
        return False
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


class Refused(Exception):
    """A file that must not be read; the reason is reported by `sources.scan`."""


_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
"""Not blocking: a named pipe put in a file's place is refused below, not waited on."""


def read_bytes(root: Path, path: Path) -> bytes:
    """A source file's bytes, refused if it leads outside `root` (every link followed, for each
    file anew: nothing is kept of a folder that a link could replace between two reads), is not a
    regular file (asked of the opened file) or is over the size limits."""
    return read_with_status(root, path)[0]


def read_with_status(root: Path, path: Path) -> tuple[bytes, os.stat_result]:
    """read_bytes, with the status of the opened file as it was before its bytes were read."""
    name = os.path.abspath(path)
    if not inside(_real(root), Path(name)):
        raise Refused(name)
    try:
        handle = os.open(name, _OPEN)
    except (OSError, ValueError) as error:
        raise Refused(name) from error
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise Refused(name)
        limit = MAX_TEXT_BYTES if path.suffix in TEXT_KINDS else MAX_ASSET_BYTES
        with os.fdopen(handle, "rb", closefd=False) as opened:
            data = opened.read(limit + 1)
    except OSError as error:
        raise Refused(name) from error
    finally:
        os.close(handle)
    if len(data) > limit:
        raise Refused(name)
    return data, status

"""A contributor's file read safely: never through a link leading outside the curriculum's folders,
never anything but a regular file, never more than the size limits. `sources.scan` says why a file
is refused before anything is read; this is the guard at the moment of reading."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_TEXT_BYTES = 128 * 1024
"""Markdown and YAML files: the longest page of the curriculum is about 20 KB."""
MAX_ASSET_BYTES = 2 * 1024 * 1024
"""Images and PDFs: trainees pay for their data."""
TEXT_KINDS = (".md", ".yml")


def inside(root: Path, path: Path) -> bool:
    """True if `path`, with every symbolic link followed, lies inside `root` (already resolved)."""
    try:
        real, base = os.path.realpath(path), str(root)
    except (OSError, ValueError):
        return False
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


class Refused(Exception):
    """A file that must not be read; the reason is reported by `sources.scan`."""


_FOLDERS: dict[str, str] = {}
"""Folders with every link followed, from one `scan` to the next: the files of a folder are read
one after another, and its links need following once, not once a file."""


def forget_folders() -> None:
    """What was true of the folders at the last scan may not be now (`sources.scan`)."""
    _FOLDERS.clear()


_NO_LINK = getattr(os, "O_NOFOLLOW", 0)
_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
"""Not blocking: a named pipe put in a file's place is refused below, not waited on."""


def read_bytes(root: Path, path: Path) -> bytes:
    """A source file's bytes, refused if it leads outside `root`, is not a regular file or is over
    the size limits.

    The file is opened without following a link in its own name (a link there is followed in
    full, below), so that where it lies is its folder's real path and its name."""
    name = str(path)
    try:
        if not _NO_LINK:
            raise OSError(errno.ELOOP, "no O_NOFOLLOW here: follow every link")
        handle = os.open(name, _OPEN | _NO_LINK)
        folder = os.path.dirname(name) or "."
        real = _FOLDERS.get(folder) or _FOLDERS.setdefault(folder, os.path.realpath(folder))
        where = os.path.join(real, os.path.basename(name))
    except (OSError, ValueError) as error:
        if not isinstance(error, OSError) or error.errno != errno.ELOOP:
            raise Refused(name) from error
        try:
            handle = os.open(name, _OPEN)
        except OSError as again:
            raise Refused(name) from again
        where = os.path.realpath(name)
    with os.fdopen(handle, "rb") as opened:
        base = str(root).rstrip(os.sep) + os.sep
        if not where.startswith(base) or not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
            raise Refused(name)
        limit = MAX_TEXT_BYTES if path.suffix in TEXT_KINDS else MAX_ASSET_BYTES
        data = opened.read(limit + 1)
    if len(data) > limit:
        raise Refused(name)
    return data

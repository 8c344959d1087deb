"""A module as loading left it, kept from one check to the next: after an edit, only the module
that holds the edited file is put together again.

Each file's reading is kept too (filecache), but at 16 times the shipped curriculum, unpickling
12,000 readings one by one and putting 240 modules together from them was half of a check. The
readings of a module kept whole leave the store (they are not asked for): should its key change
(a language added or dropped, the module renamed), its files are read closely once more. Loading
a module depends on its id, the site's languages, its folder as the scan found it (`_layout`) and
the bytes of the files it read, nothing else. So the module, the problems found in it and the
pages it could not place in a week are kept together, by its id and the languages, with the
folder's layout and the digest of every file it read. They are used again only if the layout is
the same and every one of those files still has the status noted with its digest (filecache's
rule: any write moves a status). Otherwise the module is put together again, from what its
unchanged files gave (offered to the readings: only the files changed or new are read). A module
one of whose files was too new for its status to be trusted, or refused, is not kept. Kept
problems are reported again, so the cache never hides an error.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .. import filecache
from ..loaded import Doc, LoadedModule, Week
from ..problems import Problem
from .filereads import recording
from .files import from_file
from .modules import read_module


def load_module(
    root: Path,
    folder: Path,
    languages: list[str],
    default: str,
    problems: list[Problem],
    refused: set[str],
    loose: list[Doc],
    in_weeks: dict[str, list[str]],
) -> tuple[LoadedModule | None, list[Week]]:
    """`modules.read_module`'s result, kept by the active cache (see the module's docstring)."""
    cache = filecache.current()
    layout = _layout(root, folder, refused, in_weeks) if cache else None
    if cache is None or layout is None:
        return read_module(root, folder, languages, default, problems, refused, loose, in_weeks)
    name = filecache.digest(repr((folder.name, tuple(languages), default)))
    found, files = cache.lookup(("module files", name))
    if found:
        found, kept = cache.lookup(("module", name))
    if found and files[0] == layout and _unchanged(cache, root, files[1]):
        loaded, weeks, found_problems, found_loose, reads = kept
        if loaded is not None:
            loaded.kept = filecache.digest(repr((name, files)))
        for read in reads:
            from_file(read.value, root, root / read.rel)
        problems.extend(found_problems)
        loose.extend(found_loose)
        return loaded, weeks
    first_problem, first_loose = len(problems), len(loose)
    # What its unchanged files gave is at hand: only those changed or new are read.
    with recording(offered=kept[-1] if found else ()) as reads:
        loaded, weeks = read_module(
            root, folder, languages, default, problems, refused, loose, in_weeks
        )
    if all(read.checksum is not None for read in reads):
        files = (layout, tuple((read.rel, read.checksum) for read in reads))
        cache.put(("module files", name), files)
        cache.put(
            ("module", name),
            (loaded, weeks, problems[first_problem:], loose[first_loose:], reads),
        )
        if loaded is not None:
            loaded.kept = filecache.digest(repr((name, files)))
    return loaded, weeks


def _unchanged(cache: filecache.FileCache, root: Path, files: Iterable[tuple[str, bytes]]) -> bool:
    """True if every file still has the status noted with the digest it was read with."""
    return all(
        cache.known_digest(os.path.abspath(os.path.join(root, rel))) == checksum
        for rel, checksum in files
    )


def _layout(
    root: Path, folder: Path, refused: set[str], in_weeks: dict[str, list[str]]
) -> bytes | None:
    """A digest of what loading sees of the module's folder other than its files' bytes: the
    entries in it (as `read_module` lists them), the files the scan found in its week folders
    and what the scan refused in it. None if the folder cannot be listed."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(
                (entry.name, entry.is_dir(), entry.is_file())
                for entry in found
                if not entry.name.startswith(".")
            )
    except OSError:
        return None
    prefix = f"modules/{folder.name}/"
    refusals = sorted(
        (rel, os.path.isfile(root / rel)) for rel in refused if rel.startswith(prefix)
    )
    return filecache.digest(repr((entries, sorted(in_weeks.items()), refusals)))

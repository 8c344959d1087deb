"""What reading each file gave, kept from one `curriculum check` (or build) to the next.

A check reads every file of the curriculum; after an author edits one, the next check needs to read
only that one closely (and so does the next build of `make serve` after a save). An entry holds what
reading a file gives (its decoded, parsed and validated content, or the links found in a page) with
the problems found on the way, and it is found again by what it was computed from: the kind of
reading, the file's path in the tree, and a digest of its bytes (not the folder it lies in: a
reading depends on the path and the bytes only, so a partner's copy of upstream's file shares its
entry). The problems are kept with the result and reported again, so the cache never hides an
error. A page's body is left out of its entry (see `Doc.__reduce__`): its file holds it. The whole
store is dropped when the code that reads changes (the package's files) or Python does.

A file's bytes are not read again while its status is the one noted when they were last read, as
git tells a changed file from its index: the same device, inode, kind, size, modification time and
change time (which no program sets at will: any write or `touch` moves it). A file changed in the
same tick of the file system's clock as that reading would keep the same times; so a status is
noted only once both of its times are `RACY_NS` older than the moment the file was opened, and a
file changed just before a check is read again at the next one. Any other file is read
(`safefile.read_with_status`, where a refused file is caught) and its digest taken again. The
status compared is the one the load's scan saw a moment before (`scanned`), not looked up again.
Reading goes through loading/filereads.py.

A whole module is kept too, by its id rather than by a digest (loading/kept.py): it is replaced
after a change (`put`), and a shard holding a replaced entry is written again.

The store lives in the user's cache folder (XDG_CACHE_HOME, else ~/.cache), never in the
repository: it is a pickle, and a file that a pull request could add must never be unpickled.
CURRICULUM_CACHE=off turns it off. A cache kept in memory only (`in_memory`) serves a process that
reads many curricula, the test suite's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

from .problems import Problem

T = TypeVar("T")
_FORMAT = 5
RACY_NS = 3_000_000_000
"""How much older than its reading a file's times must be for its status to be trusted: more
than the coarsest clock of the file systems a curriculum lives on (FAT's two seconds)."""
Signature = tuple[int, int, int, int, int, int]
_active: ContextVar[FileCache | None] = ContextVar("curriculum_file_cache", default=None)


def digest(data: bytes | str) -> bytes:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


_SEAL = struct.Struct("<IQ")
"""Before each file of the store: the CRC-32 and the length of the pickle after it. A CRC finds
what damage a disk or a cut-off write does (the store is the user's own, not a pull request's),
five times faster than a digest over the 90 MB of a 16x curriculum's store."""


def _seal(data: bytes | memoryview) -> tuple[int, int]:
    return zlib.crc32(data), len(data)


def _signature(status: os.stat_result) -> Signature:
    return (
        status.st_dev,
        status.st_ino,
        status.st_mode,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    )


def _code_version() -> str:
    """Changes whenever a file of this package or Python changes."""
    package = Path(__file__).parent
    parts = [sys.version, str(_FORMAT)]
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yml", ".j2"):
            stat = path.stat()
            parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest("\n".join(parts)).hex()


def store_path(config_file: Path) -> Path:
    """The folder of the store of the site at `config_file`: one pickle a shard."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    site = digest(str(config_file.resolve())).hex()
    return Path(base) / "open-curriculum" / f"check-{site}"


SHARDS = 32
"""The store is cut into shards by key, so that after an edit only the shards holding what changed
are written again (the whole store of a 16x curriculum is about 90 MB)."""


def _shard(key: Hashable) -> int:
    last = key[-1] if isinstance(key, tuple) and key else key
    mark = last if isinstance(last, bytes) and last else digest(repr(key))
    return mark[0] % SHARDS


class FileCache:
    def __init__(self, path: Path | None) -> None:
        """The store at `path` (a folder), or one kept in memory only for None."""
        self.path = path
        self.version = _code_version()
        self._old: dict[Hashable, bytes] = {}
        self._new: dict[Hashable, bytes] = {}
        self._kept: dict[int, set[Hashable]] = {}
        """Each shard's keys as stored, to tell which shards a run changed."""
        self._replaced: set[int] = set()
        """Shards holding a key whose value this run replaced (`put`)."""
        self._noted: dict[str, tuple[Signature, bytes]] = {}
        self._seen: dict[str, tuple[Signature, bytes]] = {}
        """Each file's status and digest, as noted (see the module's docstring): as stored, and
        of this run."""
        self._scanned: Mapping[str, os.stat_result] = {}
        """The statuses the scan of this run saw (see `scanned`)."""
        self.hits = 0
        self.misses = 0
        if path is None:
            return
        for shard in range(SHARDS):
            entries = self._load(self._file(shard))
            self._old.update(entries)
            self._kept[shard] = set(entries)
        self._noted = self._load(self._status_file())
        with contextlib.suppress(OSError):  # the one-file store of earlier versions
            path.with_name(path.name + ".pickle").unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            os.utime(path)  # used now: see UNUSED_DAYS

    def _file(self, shard: int) -> Path:
        assert self.path is not None
        return self.path / f"{shard:02x}.pickle"

    def _status_file(self) -> Path:
        assert self.path is not None
        return self.path / "status.pickle"

    def _load(self, file: Path) -> dict[Any, Any]:
        """A file's entries; none if it is missing, of another version, or damaged in any way (a
        check of its bytes is stored before them: a damaged store must not give a wrong value)."""
        try:
            data = file.read_bytes()
            body = memoryview(data)[_SEAL.size :]  # not a copy
            if len(data) < _SEAL.size or _SEAL.unpack_from(data) != _seal(body):
                return {}
            stored = pickle.loads(body)
            if isinstance(stored, dict) and stored.get("version") == self.version:
                entries = stored["entries"]
                if isinstance(entries, dict):
                    return entries
        except Exception:  # a damaged store is read again from the sources, never trusted
            pass
        return {}

    def known_digest(self, name: str) -> bytes | None:
        """The digest of the file at `name` (an absolute path) as noted, if its status is still
        the one noted with it; None if it must be read."""
        noted = self._seen.get(name) or self._noted.get(name)
        if noted is None:
            return None
        status = self._scanned.get(name)
        try:
            status = status or os.stat(name)
        except OSError:
            return None
        if _signature(status) != noted[0]:
            return None
        self._seen[name] = noted
        return noted[1]

    @contextlib.contextmanager
    def scanned(self, statuses: Mapping[str, os.stat_result]) -> Iterator[None]:
        """In this block, the statuses of files, by absolute path, as the scan of the load under
        way saw them a moment ago: `known_digest` takes them instead of looking again. A file
        changed since is then taken as it was at the scan, which the next check sees changed.
        After the block, statuses are looked up again (a cache may serve many loads)."""
        self._scanned = statuses
        try:
            yield
        finally:
            self._scanned = {}

    def note(self, name: str, status: os.stat_result, checksum: bytes, opened_ns: int) -> None:
        """The file at `name`, opened at `opened_ns`, had `status` and bytes of this `checksum`.

        Not on Windows, where a file's "ctime" is the time it was made, which a write leaves."""
        if os.name == "nt" or max(status.st_mtime_ns, status.st_ctime_ns) >= opened_ns - RACY_NS:
            self._seen.pop(name, None)  # changed just now: it may change again in the same tick
        else:
            self._seen[name] = (_signature(status), checksum)

    def lookup(self, key: Hashable) -> tuple[bool, Any]:
        """(True, what was computed for `key`) if it is kept, else (False, None)."""
        data = self._new.get(key) or self._old.get(key)
        if data is None:
            return False, None
        self._new[key] = data
        self.hits += 1
        return True, pickle.loads(data)

    def put(self, key: Hashable, value: object) -> None:
        """Keep `value` for `key` (see `get`), in place of what was kept for it."""
        data = self._new[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if key in self._old and self._old[key] != data:
            self._replaced.add(_shard(key))

    def trusted(self, name: str, checksum: bytes) -> bool:
        """True if the file at `name` is noted with this digest in this run (see `note`)."""
        noted = self._seen.get(name)
        return noted is not None and noted[1] == checksum

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """compute(), or what it returned the last time for this key (a fresh copy)."""
        found, value = self.lookup(key)
        if found:
            return value  # type: ignore[no-any-return]
        self.misses += 1
        value = compute()
        self.put(key, value)
        return value

    def save(self) -> None:
        """Keep this run's entries and statuses only: those of files since deleted or changed
        go. A shard whose entries are the ones it holds already is not written again. One in
        memory keeps them all."""
        if self.path is None:
            return
        shards: dict[int, dict[Hashable, bytes]] = {n: {} for n in range(SHARDS)}
        for key, data in self._new.items():
            shards[_shard(key)][key] = data
        wrote = False
        with contextlib.suppress(OSError):
            self.path.mkdir(parents=True, exist_ok=True)
            for shard, entries in shards.items():
                same = set(entries) == self._kept.get(shard) and shard not in self._replaced
                if same and self._file(shard).is_file():
                    continue
                self._write(self._file(shard), entries)
                wrote = True
            if self._seen != self._noted or not self._status_file().is_file():
                self._write(self._status_file(), self._seen)
        if wrote:
            _remove_unused(self.path.parent, self.path)

    def _write(self, file: Path, entries: Mapping[Any, object]) -> None:
        assert self.path is not None
        data = pickle.dumps(
            {"version": self.version, "entries": entries}, protocol=pickle.HIGHEST_PROTOCOL
        )
        handle, temporary = tempfile.mkstemp(dir=self.path, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(_SEAL.pack(*_seal(data)) + data)
        os.replace(temporary, file)


UNUSED_DAYS = 30
"""A site's store that no check or build has opened for this long (a clone since removed, say)
is removed when another store is written: the cache folder does not grow with every clone."""


def _remove_unused(folder: Path, keep: Path) -> None:
    """Remove the stores in `folder` (`check-*`, ours only; links are not followed) left unused
    for UNUSED_DAYS, other than `keep`."""
    cutoff = time.time() - UNUSED_DAYS * 86400
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith("check-") or entry.path == str(keep):
                continue
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime >= cutoff:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)  # the one-file store of earlier versions


@contextlib.contextmanager
def active(cache: FileCache | None) -> Iterator[FileCache | None]:
    """Readings in this block go through `cache`, or through none at all for None."""
    token = _active.set(cache)
    try:
        yield cache
    finally:
        _active.reset(token)


def in_memory() -> FileCache:
    """A cache that is never saved: for a process that reads many curricula, the test suite's."""
    return FileCache(None)


@contextlib.contextmanager
def using(config_file: Path) -> Iterator[FileCache | None]:
    """Readings in this block go through the cache of the site at `config_file`, or through the
    cache already active if there is one (the test suite keeps one in memory for all its checks)."""
    outer = _active.get()
    if outer is not None:
        yield outer
        return
    if os.environ.get("CURRICULUM_CACHE", "").lower() in ("off", "0", "no"):
        yield None
        return
    try:
        store = store_path(config_file)
    except RuntimeError:  # no home folder to keep it in: every run reads everything
        yield None
        return
    cache = FileCache(store)
    try:
        with active(cache):
            yield cache
    finally:
        cache.save()  # a run that found problems too: the next one reads only what changed


def current() -> FileCache | None:
    """The cache that readings go through now, if any."""
    return _active.get()


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """compute() through the active cache, if any."""
    cache = _active.get()
    return compute() if cache is None else cache.get(key, compute)


def reading(key: Hashable, problems: list[Problem], compute: Callable[[list[Problem]], T]) -> T:
    """compute(found), which reports into `found`: through the active cache, if any, with the
    problems it found kept beside its result and reported into `problems` again."""

    def run() -> tuple[T, list[Problem]]:
        found: list[Problem] = []
        return compute(found), found

    value, found = remembered(key, run)
    problems.extend(found)
    return value

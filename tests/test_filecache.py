"""`curriculum check` keeps what it read between runs: a check after edits, renames and deletions
reports exactly what a check without the cache reports."""

from __future__ import annotations

import copy
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import GLOSSARY_FR, MODULE_YML, write
from curriculum import filecache, safefile
from curriculum.cli import main

PREP = "modules/basics/week-01/prep.md"


@pytest.fixture(autouse=True)
def _no_cache_in_memory() -> Iterator[None]:
    """The store on disk against no cache at all: not the one the test process keeps (conftest)."""
    with filecache.active(None):
        yield


def check(root: Path, capsys: pytest.CaptureFixture[str], *, cache: bool) -> tuple[int, str]:
    capsys.readouterr()
    os.environ["CURRICULUM_CACHE"] = "on" if cache else "off"
    try:
        code = main(["--config", str(root / "mkdocs.yml"), "check"])
    finally:
        del os.environ["CURRICULUM_CACHE"]
    out = capsys.readouterr()
    return code, out.out + out.err


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def break_minutes(root: Path) -> None:
    _edit(root, PREP, "minutes: 40", "minutes: half an hour")


def break_translation(root: Path) -> None:
    _edit(root, "modules/basics/week-01/prep.fr.md", "title:", "titre:")


def break_link(root: Path) -> None:
    write(root, "modules/basics/week-01/notes.md", "# Notes\n\n[x](missing.md)\n")


def rename_week(root: Path) -> None:
    (root / "modules/basics/week-02").rename(root / "modules/basics/week-03")


def delete_exercises(root: Path) -> None:
    (root / "modules/basics/week-02/exercises.md").unlink()


def rename_page(root: Path) -> None:
    (root / "modules/basics/week-01/notes.md").rename(root / "modules/basics/week-01/more.md")


def same_size_same_second(root: Path) -> None:
    """An edit that keeps the file's size and its modification time: only its bytes differ."""
    path = root / PREP
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("minutes: 40", "minutes: 4x", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size


def break_module(root: Path) -> None:
    write(root, "modules/basics/module.yml", MODULE_YML + "colour: blue\n")


def empty_week(root: Path) -> None:
    (root / "modules/basics/week-05").mkdir()


def stray_folder(root: Path) -> None:
    (root / "modules/basics/drafts").mkdir()


def unknown_term(root: Path) -> None:
    write(
        root,
        "modules/basics/glossary.fr.yml",
        GLOSSARY_FR + "constante:\n  term: constante\n  definition: Une valeur fixe.\n",
    )


CHANGES: dict[str, Callable[[Path], None]] = {
    "edit": break_minutes,
    "translation": break_translation,
    "new file": break_link,
    "rename week": rename_week,
    "delete": delete_exercises,
    "rename page": rename_page,
    "same size and time": same_size_same_second,
    "module metadata": break_module,
    "empty week folder": empty_week,
    "folder in a module": stray_folder,
    "glossary translation": unknown_term,
}


def trust_every_status(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written a moment ago count as old ones: their statuses are noted and trusted (a real
    check trusts a status once the file's times are RACY_NS older than its reading)."""
    monkeypatch.setattr(filecache, "RACY_NS", -3600 * 10**9)


@pytest.mark.parametrize("trusted", [False, True], ids=["new files", "old files"])
@pytest.mark.parametrize("change", list(CHANGES))
def test_a_check_after_a_change_reports_what_a_check_without_cache_reports(
    curriculum_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
    trusted: bool,
) -> None:
    if trusted:
        trust_every_status(monkeypatch)
    assert check(curriculum_root, capsys, cache=True)[0] == 0  # fills the cache
    CHANGES[change](curriculum_root)
    cached = check(curriculum_root, capsys, cache=True)
    expected = check(curriculum_root, capsys, cache=False)
    assert cached == expected
    if change not in ("rename page",):
        assert cached[0] == 1, cached[1]
    # And the next check, from what this one kept (the changed file's status noted, for old
    # files), reports the same again.
    assert check(curriculum_root, capsys, cache=True) == expected


@pytest.mark.parametrize("trusted", [False, True], ids=["new files", "old files"])
def test_a_problem_in_an_unchanged_file_is_reported_every_time(
    curriculum_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    trusted: bool,
) -> None:
    if trusted:
        trust_every_status(monkeypatch)
    break_minutes(curriculum_root)
    first = check(curriculum_root, capsys, cache=True)
    again = check(curriculum_root, capsys, cache=True)
    third = check(curriculum_root, capsys, cache=True)  # with the statuses noted by the second
    assert first[0] == again[0] == 1
    assert third == again
    assert "half an hour" in again[1] or "minutes" in again[1]
    assert first == again


def test_a_file_is_read_again_when_its_status_changed_or_is_too_new_to_tell(
    curriculum_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = safefile.read_with_status

    def counted(root: Path, path: Path) -> tuple[bytes, os.stat_result]:
        read.append(path.relative_to(curriculum_root).as_posix())
        return real(root, path)

    monkeypatch.setattr(safefile, "read_with_status", counted)

    def reads() -> list[str]:
        read.clear()
        check(curriculum_root, capsys, cache=True)
        return sorted(read)

    every = reads()
    assert PREP in every and len(every) > 50
    # Written a moment ago: the same tick of the clock could hold another change, so every file
    # is read again until it is older than RACY_NS.
    assert reads() == every
    trust_every_status(monkeypatch)
    assert reads() == every  # their statuses noted, at last
    assert reads() == []
    page = curriculum_root / "modules/basics/week-01/notes.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert reads() == ["modules/basics/week-01/notes.md"]
    same_size_same_second(curriculum_root)  # only the time of the change tells
    assert reads() == [PREP]
    assert check(curriculum_root, capsys, cache=True)[0] == 1
    (curriculum_root / "modules/basics/week-02").rename(curriculum_root / "modules/basics/week-03")
    assert all(rel.startswith("modules/basics/week-03/") for rel in reads())


def test_the_second_check_reads_from_the_cache_outside_the_repository(
    curriculum_root: Path,
) -> None:
    config = curriculum_root / "mkdocs.yml"
    store = filecache.store_path(config)
    assert not store.is_relative_to(curriculum_root)
    from curriculum import settings
    from curriculum.read import load_curriculum

    site = settings.load(config)
    with filecache.using(config) as cache:
        load_curriculum(site.site, settings=site)
    assert cache is not None and cache.misses > 0  # (a page's links are asked for twice)
    read = cache.misses
    shards = sorted(store.glob("[0-9a-f][0-9a-f].pickle"))
    assert len(shards) == filecache.SHARDS
    written = {shard: shard.stat().st_mtime_ns for shard in shards}
    with filecache.using(config) as cache:
        load_curriculum(site.site, settings=site)
    assert cache is not None and cache.misses == 0 and cache.hits > 0
    # A run that changes nothing writes nothing; an edit writes the shards it changed only.
    assert all(shard.stat().st_mtime_ns == written[shard] for shard in shards)
    page = curriculum_root / "modules/basics/week-01/prep.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    with filecache.using(config) as cache:
        load_curriculum(site.site, settings=site)
    assert cache is not None and 0 < cache.misses < read
    rewritten = [shard for shard in shards if shard.stat().st_mtime_ns != written[shard]]
    assert 0 < len(rewritten) <= 4, rewritten
    # A damaged store is set aside, not trusted: everything is read again, as with no store.
    # Damage in the middle of a shard could give a wrong reading: its digest tells.
    for n, shard in enumerate(shards):
        data = bytearray(shard.read_bytes())
        data[len(data) // 2] ^= 0x10
        shard.write_bytes(b"not a pickle" if n % 2 else bytes(data))
    with filecache.using(config) as cache:
        load_curriculum(site.site, settings=site)
    damaged = cache.misses if cache is not None else 0
    shutil.rmtree(store)
    with filecache.using(config) as cache:
        load_curriculum(site.site, settings=site)
    assert cache is not None and damaged == cache.misses >= read


def test_pages_are_kept_without_their_bodies_which_are_read_again_from_their_files(
    curriculum_root: Path,
) -> None:
    """The store keeps what a check needs of a page, not its body (more than half the store of a
    16x curriculum); a build reads the body again from the file, and stops with a clear problem
    if the file changed since it was checked."""
    from curriculum import settings
    from curriculum.problems import CurriculumError
    from curriculum.read import load_curriculum

    config = curriculum_root / "mkdocs.yml"
    site = settings.load(config)
    page = curriculum_root / PREP
    sentence = "One sentence that only this page has, to be found in the store."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    with filecache.using(config):
        load_curriculum(site.site, settings=site)
    store = filecache.store_path(config)
    assert not any(sentence.encode() in shard.read_bytes() for shard in store.iterdir())
    with filecache.using(config) as cache:
        cur = load_curriculum(site.site, settings=site)
    assert cache is not None and cache.misses == 0
    prep = cur.modules["basics"].weeks[0].prep
    assert copy.deepcopy(prep).body == copy.copy(prep).body == prep.body
    assert prep.body.rstrip().endswith(sentence) and not prep.body.startswith("---")
    # Translations are checked against the body's hash, kept with the page.
    assert cur.drift[f"{PREP.removesuffix('.md')}.fr.md"].stamped
    with filecache.using(config):
        cur = load_curriculum(site.site, settings=site)
    page.write_text(page.read_text(encoding="utf-8").replace(sentence, "Changed."), "utf-8")
    with pytest.raises(CurriculumError) as raised:
        _ = cur.modules["basics"].weeks[0].prep.body
    [problem] = raised.value.problems
    assert (problem.path, problem.message) == (
        PREP,
        "the file changed while the curriculum was being read",
    )


def test_stores_left_unused_for_a_month_are_removed_when_another_is_written(
    curriculum_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each clone of a site has a store of its own: those of clones since removed go."""
    cache = filecache.store_path(curriculum_root / "mkdocs.yml").parent
    month = time.time() - (filecache.UNUSED_DAYS + 1) * 86400
    old, recent, other = cache / "check-old", cache / "check-recent", cache / "other"
    for folder in (old, recent, other):
        folder.mkdir(parents=True)
        (folder / "00.pickle").write_bytes(b"kept?")
    (cache / "check-earlier.pickle").write_bytes(b"kept?")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious").write_text("never removed", encoding="utf-8")
    os.symlink(elsewhere, cache / "check-link")
    for path in (old, other, cache / "check-earlier.pickle", elsewhere):
        os.utime(path, (month, month))
    os.utime(cache / "check-link", (month, month), follow_symlinks=False)
    assert check(curriculum_root, capsys, cache=True)[0] == 0
    assert not old.exists() and not (cache / "check-earlier.pickle").exists()
    assert recent.is_dir() and other.is_dir() and (cache / "check-link").is_symlink()
    assert (elsewhere / "precious").is_file()
    # A store in use is not left unused: each run marks it, even one that writes nothing.
    store = filecache.store_path(curriculum_root / "mkdocs.yml")
    os.utime(store, (month, month))
    assert check(curriculum_root, capsys, cache=True)[0] == 0
    assert store.stat().st_mtime > month + 86400


def test_a_process_that_reads_many_curricula_reads_each_file_closely_once(
    curriculum_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cache the test suite keeps in memory (conftest): checks of two copies of a curriculum
    in two folders read each file closely once, report what checks without a cache report, and
    leave no store on disk."""
    copy = shutil.copytree(curriculum_root, tmp_path / "copy")
    break_minutes(copy)
    expected = [check(root, capsys, cache=False) for root in (curriculum_root, copy)]
    with filecache.active(filecache.in_memory()) as cache:
        assert cache is not None
        assert check(curriculum_root, capsys, cache=True) == expected[0]
        read = cache.misses
        assert check(copy, capsys, cache=True) == expected[1]
        assert cache.misses - read <= 2  # the edited page (and its links), nothing else
        assert cache.hits >= read - 2
    assert expected[1][0] == 1
    for root in (curriculum_root, copy):
        assert not filecache.store_path(root / "mkdocs.yml").exists()


def test_a_module_whose_files_did_not_change_is_not_put_together_again(
    curriculum_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A module is kept whole (loading/kept.py): a check puts together again only a module one of
    whose files changed, and a page of a kept module still has its body, read from its file."""
    from curriculum import settings
    from curriculum.loading import kept
    from curriculum.read import load_curriculum

    trust_every_status(monkeypatch)
    loaded: list[str] = []
    real = kept.read_module

    def counted(root: Path, folder: Path, *args: object) -> object:
        loaded.append(folder.name)
        return real(root, folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(kept, "read_module", counted)
    config = curriculum_root / "mkdocs.yml"
    site = settings.load(config)

    def load() -> tuple[list[str], object]:
        loaded.clear()
        with filecache.using(config):
            cur = load_curriculum(site.site, settings=site)
        return sorted(loaded), cur

    first = load()
    assert first[0] == ["basics"]
    again, cur = load()
    assert again == []
    prep = cur.modules["basics"].weeks[0].prep  # type: ignore[attr-defined]
    assert prep.body == (curriculum_root / PREP).read_text(encoding="utf-8")[prep.body_start :]
    assert cur == first[1]  # the same curriculum, problems and pages as when it was put together
    _edit(curriculum_root, "modules/basics/module.yml", "hours: 12", "hours: 13")
    edited, cur = load()
    assert edited == ["basics"]
    assert cur.modules["basics"].meta.hours == 13  # type: ignore[attr-defined]
    assert load()[0] == []


@pytest.mark.parametrize("change", ["none", "outdated"])
def test_translation_states_of_a_kept_module_are_those_of_a_check_without_cache(
    curriculum_root: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    """A module kept whole keeps its translations' states and warnings (reconcile.py); an
    outdated translation, whose repair changes the module, is reconciled again each time."""
    from curriculum import settings
    from curriculum.read import load_curriculum

    trust_every_status(monkeypatch)
    config = curriculum_root / "mkdocs.yml"
    translation = "modules/basics/week-01/prep.fr.md"
    assert main(["--config", str(config), "translated", str(curriculum_root / translation)]) == 0
    site = settings.load(config)

    def reconciled(cache: bool) -> tuple[object, ...]:
        with filecache.using(config) if cache else filecache.active(None):
            cur = load_curriculum(site.site, settings=site)
        return cur.drift, cur.warnings, cur.modules

    reconciled(cache=True)  # fills the store
    if change == "outdated":  # one objective more: the translation's list is left out
        _edit(curriculum_root, PREP, "objectives:\n", "objectives:\n  - Run a program.\n")
    expected = reconciled(cache=False)
    assert expected[0][translation].outdated == (change == "outdated")  # type: ignore[index]
    assert len(expected[0]) > 5  # type: ignore[arg-type]
    assert reconciled(cache=True) == expected
    assert reconciled(cache=True) == expected  # from what the one before kept


def test_a_reading_after_a_load_looks_at_the_file_again(
    curriculum_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The statuses a load's scan saw stand in for looking at each file during that load only: a
    cache that serves many loads (the test suite's) must not take a file edited since as it was."""
    from curriculum import settings
    from curriculum.loading.files import read_yaml
    from curriculum.read import load_curriculum

    trust_every_status(monkeypatch)
    site = settings.load(curriculum_root / "mkdocs.yml")
    path = curriculum_root / "modules/basics/module.yml"
    with filecache.active(filecache.in_memory()):
        load_curriculum(site.site, settings=site)
        with path.open("a", encoding="utf-8") as out:
            out.write("colour: blue\n")  # in place: the same inode, a new size and new times
        located = read_yaml(curriculum_root, path, [])
    assert located is not None and located.data["colour"] == "blue"

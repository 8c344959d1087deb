"""The site's languages built one after another, or several at once in forked processes.

mkdocs-static-i18n builds the default language, then each other language in turn from within the
first build's `on_post_build`. The curriculum plugin takes that loop over (i18n's own is skipped)
so that it can share the languages out: the process that runs `mkdocs build` builds its share
into the site folder, and a forked copy of it builds each other share into a folder of its own,
starting from the curriculum already loaded. Once every share is built, the shares' files are
moved into the site folder, and the site-wide steps (sitemap, policy, search, offline lists) run
once on the whole. The site is the same, byte for byte, whatever the number of processes
(tests/test_build.py).

Each language's build writes the sitemap of its own pages; the site's sitemap.xml is their
concatenation in the languages' order, which is what i18n's last build would have written.

Forking needs POSIX; elsewhere the languages are built one after another.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs_static_i18n.utils import I18nLoggingFilter

log = get_plugin_logger(__name__)

SITEMAP = "sitemap.xml"
_SHARE_FILE = ".curriculum-share.json"
NOT_MOVED = frozenset({"404.html", SITEMAP, f"{SITEMAP}.gz", _SHARE_FILE})
"""Files each share writes for itself: each language's build writes the first three at the
site's root (the plugin writes the site's own). Each language's search is a folder of its own."""
_ENV = "CURRICULUM_JOBS"


def job_count(option: int) -> int:
    """How many processes build the languages: CURRICULUM_JOBS, else the plugin's `jobs` option,
    where 0 means one per core."""
    value = os.environ.get(_ENV, "").strip()
    if value:
        if not value.isdigit():
            raise PluginError(f"{_ENV}={value!r}: set it to a whole number (0: one per core).")
        option = int(value)
    if option == 0:
        option = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return option if hasattr(os, "fork") else 1


def shares(languages: list[str], jobs: int) -> list[list[str]]:
    """The languages dealt out to `jobs` processes; the first share starts with the first language
    (the default one, which the process running MkDocs builds first)."""
    count = max(1, min(jobs, len(languages)))
    return [languages[i::count] for i in range(count)]


def language_sitemap(site_url: str, urls: list[str]) -> str:
    """One language's own page list, which instant navigation reads (sitemap.xml, with every
    language and its alternates, is 30 times larger)."""
    entries = "".join(f"<url><loc>{escape(site_url + url)}</loc></url>\n" for url in sorted(urls))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )


def _split_sitemap(text: str) -> tuple[str, str, str]:
    """A sitemap.xml as (its head up to `<urlset ...>`, its `<url>` entries, its foot)."""
    start = text.index(">", text.index("<urlset")) + 1
    end = text.rindex("\n</urlset>")
    return text[:start], text[start:end], text[end:]


def sitemap_section(text: str) -> str:
    """The `<url>` entries of one language's sitemap.xml, without its head and foot."""
    return _split_sitemap(text)[1]


def write_sitemap(site_dir: Path, first: str, sections: list[str]) -> None:
    """Write the site's sitemap.xml (and its .gz, as MkDocs writes it) from the sections of every
    language; `first` is the first language's own sitemap.xml, whose head and foot it keeps."""
    head, _, foot = _split_sitemap(first)
    text = head + "".join(sections) + foot
    target = site_dir / SITEMAP
    target.write_text(text, encoding="utf-8")
    zipped = site_dir / f"{SITEMAP}.gz"
    mtime = int.from_bytes(zipped.read_bytes()[4:8], "little") if zipped.is_file() else 0
    with (
        open(zipped, "wb") as raw,
        gzip.GzipFile(fileobj=raw, filename=str(zipped), mode="wb", mtime=mtime) as out,
    ):
        out.write(text.encode("utf-8"))


class ShareMismatch(Exception):
    """Two processes wrote the same file with different bytes: a bug, never a contributor's."""


def merge(part: Path, site_dir: Path) -> None:
    """Move what one share built into the site folder. A file both hold (the theme's assets) must
    be byte for byte the same; those in NOT_MOVED stay behind."""

    def walk(source: Path, target: Path, rel: str) -> None:
        for entry in sorted(source.iterdir()):
            name = f"{rel}{entry.name}"
            there = target / entry.name
            if name in NOT_MOVED:
                continue
            if not there.exists():
                os.replace(entry, there)
            elif entry.is_dir() and there.is_dir():
                walk(entry, there, f"{name}/")
            elif entry.read_bytes() != there.read_bytes():
                raise ShareMismatch(
                    f"Building the languages in several processes wrote two different '{name}'. "
                    "Please report it; set `jobs: 1` for the curriculum plugin in mkdocs.yml "
                    "meanwhile."
                )

    walk(part, site_dir, "")


@contextlib.contextmanager
def _nested(i18n: Any) -> Iterator[None]:
    """What i18n's loop does around the other languages' builds: the site folder is not emptied
    between them, and MkDocs' per-build lines are not repeated."""
    build_log = logging.getLogger("mkdocs.commands.build")
    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to"})
    build_log.addFilter(quiet)
    clean = utils.clean_directory
    utils.clean_directory = lambda path: None  # type: ignore[assignment]
    try:
        yield
    finally:
        utils.clean_directory = clean
        build_log.removeFilter(quiet)
        i18n.current_language = i18n.default_language


class LanguageBuilds:
    """One build of the site in every language, shared out between processes."""

    def __init__(self) -> None:
        self.nested = False
        """True while a language other than a process's first is being built."""
        self.child = False
        """True in a forked process: it builds its share into its own folder, then exits."""
        self._children: list[tuple[int, Path, list[str]]] = []
        self._own: list[str] = []
        self.sections: dict[str, str] = {}
        """Each language's sitemap entries (see sitemap_section)."""
        self.first_sitemap = ""

    def start(
        self,
        config: MkDocsConfig,
        languages: list[str],
        jobs: int,
        record: Recorder,
        index: Callable[[Path], None],
    ) -> None:
        """In the first language's on_config: fork a process for each share but the first.

        A forked process never returns from here: it builds its share, runs `index` on its folder
        (search indexes each language on its own) and exits.
        """
        self.sections = {}
        self.first_sitemap = ""
        self._children = []
        dealt = shares(languages, jobs)
        self._own = dealt[0]
        site_dir = Path(config.site_dir)
        for share in dealt[1:]:
            name = site_dir.name.lstrip(".")
            part = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".part", dir=site_dir.parent))
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                self._run_share(config, share, part, record, index)  # never returns
            self._children.append((pid, part, share))

    def _run_share(
        self,
        config: MkDocsConfig,
        share: list[str],
        part: Path,
        record: Recorder,
        index: Callable[[Path], None],
    ) -> None:
        status = 1
        try:
            self.child = True
            self.nested = True
            self._children = []
            config.site_dir = str(part)
            self._build(config, share)
            index(part)
            pages = record()
            data = {
                "pages": {lang: pages.get(lang, []) for lang in share},
                "sections": {lang: self.sections[lang] for lang in share},
            }
            (part / _SHARE_FILE).write_text(json.dumps(data), encoding="utf-8")
            status = 0
        except Exception as error:
            message = str(error) or type(error).__name__
            if not isinstance(error, PluginError) and "Aborted" not in message:
                traceback.print_exc()
            log.error(f"Building {', '.join(share)}: {message}")
        except BaseException:  # interrupted: say nothing more
            pass
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)

    def _after(self, site_dir: Path, lang: str) -> None:
        text = (site_dir / SITEMAP).read_text(encoding="utf-8")
        self.sections[lang] = sitemap_section(text)
        if not self.first_sitemap:
            self.first_sitemap = text

    def _build(self, config: MkDocsConfig, languages: list[str]) -> None:
        """Build each of `languages` into config.site_dir, as i18n's loop would, keeping each one's
        sitemap entries."""
        i18n: Any = config.plugins["i18n"]
        with _nested(i18n):
            for lang in languages:
                i18n.current_language = lang
                build(config)
                self._after(Path(config.site_dir), lang)

    def build_own(self, config: MkDocsConfig) -> None:
        """In the first language's on_post_build: build the rest of this process's share."""
        self._after(Path(config.site_dir), self._own[0])
        self.nested = True
        try:
            self._build(config, self._own[1:])
        finally:
            self.nested = False

    def finish(self, site_dir: Path, languages: list[str]) -> dict[str, list[str]]:
        """Wait for the other shares, move their files into `site_dir`, write the site's sitemap;
        returns the pages each other share built, by language."""
        pages: dict[str, list[str]] = {}
        failed: list[str] = []
        children, self._children = self._children, []
        for pid, _part, share in children:
            _, status = os.waitpid(pid, 0)
            if status != 0:
                failed.extend(share)
        try:
            if failed:
                raise PluginError(
                    f"Building the pages in {', '.join(failed)} failed: the messages are above. "
                    "Nothing was published."
                )
            for _, part, _ in children:
                data = json.loads((part / _SHARE_FILE).read_text(encoding="utf-8"))
                pages.update(data["pages"])
                self.sections.update(data["sections"])
                try:
                    merge(part, site_dir)
                except ShareMismatch as error:
                    raise PluginError(str(error)) from None
        finally:
            for _, part, _ in children:
                shutil.rmtree(part, ignore_errors=True)
        sections = [self.sections.get(lang, "") for lang in languages]
        write_sitemap(site_dir, self.first_sitemap, sections)
        return pages

    def stop(self) -> None:
        """After a failure: stop the other shares and remove their folders."""
        if self.child:
            return
        children, self._children = self._children, []
        for pid, part, _ in children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
            shutil.rmtree(part, ignore_errors=True)


Recorder = Callable[[], dict[str, list[str]]]
"""Returns the pages built so far by this process, by language."""

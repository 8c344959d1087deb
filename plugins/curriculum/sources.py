"""Which files of the curriculum's folders may be read and published, and why others may not.

Anyone can open a pull request, and the build publishes what it reads. So every file under
`modules/` and `curriculum/` is looked at before anything is read: it must lie inside the
repository (a symbolic link may not lead out of it), have a name from a safe set, stay under a size
limit, and, if it is published as it is, be of a kind that cannot run script in a browser (raster
images and PDFs, checked by their first bytes). Paths that the theme or this plugin own on the site
cannot be taken by a contributor's file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .problems import Problem
from .safefile import MAX_ASSET_BYTES, MAX_TEXT_BYTES, TEXT_KINDS, inside, relative

SOURCE_DIRS = ("modules", "curriculum")
PAGES_DIR = "curriculum/pages"
PROGRAMMES_DIR = "curriculum/programmes"
REVIEWED_SOURCES = "curriculum/reviewed-sources.yml"

NAME = re.compile(
    r"(?P<stem>[a-z0-9][a-z0-9_-]*)(?:\.(?P<lang>[a-z]{2}(?:_[A-Z]{2})?))?\.(?P<ext>[a-z0-9]+)"
)
"""A file name: lower-case words (letters, digits, `-`, `_`), an optional language code, and a
lower-case extension: `prep.md`, `prep.fr.md`, `map-of-brussels.png`."""
FOLDER = re.compile(r"[a-z0-9][a-z0-9_-]*")
MAX_NAME = 80

ASSET_KINDS: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"ftypavif", b"ftypavis"),
    ".pdf": (b"%PDF-",),
}
"""Files published as they are, with the bytes they start with (AVIF: after 4 bytes)."""

RESERVED_TOP = (
    "assets",
    "search",
    "modules",
    "programmes",
    "glossary",
    "offline",
    "stylesheets",
    "translations",
)
"""Site folders owned by the theme and the plugin: a hand-written page may not take them."""


def slug(text: str) -> str:
    """The name of the safe set closest to `text` ('Intro To Coding' -> 'intro-to-coding')."""
    out = re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_")
    return out[:MAX_NAME] or "page"


@dataclass(frozen=True)
class Roots:
    """The folders the curriculum is read from, each holding `modules/` and `curriculum/`.

    Our repository alone, or a partner's site: upstream's folder first, the partner's own last.
    Messages name a file by its path from the site's folder (`upstream/modules/...` for ours).
    """

    folders: tuple[Path, ...]
    site: Path

    @classmethod
    def of(cls, *folders: Path, site: Path | None = None) -> Roots:
        resolved = tuple(folder.resolve() for folder in folders)
        return cls(resolved, site.resolve() if site else resolved[-1])

    @property
    def own(self) -> Path:
        """The site's own folder (the last root)."""
        return self.folders[-1]

    def root_of(self, path: Path) -> Path | None:
        """The root `path` lies in, links not followed (the last one wins)."""
        absolute = Path(os.path.abspath(path))
        found = [root for root in self.folders if absolute.is_relative_to(root)]
        return found[-1] if found else None

    def shown(self, root: Path, rel: str) -> str:
        """How messages name the file `rel` of `root`: from the site's folder."""
        if root == self.site:
            return rel
        return Path(os.path.relpath(root / rel, self.site)).as_posix()

    def relative(self, path: Path) -> str:
        """How a file is named in messages: its path from the site's folder."""
        root = self.root_of(path)
        absolute = Path(os.path.abspath(path))
        return (
            self.shown(root, absolute.relative_to(root).as_posix()) if root else absolute.as_posix()
        )

    def inside(self, path: Path) -> bool:
        """True if `path`, every link followed, lies inside one of the roots."""
        return any(inside(root, path) for root in self.folders)


@dataclass
class Scan:
    """What `scan` found: problems, and the files that must not be read at all."""

    problems: list[Problem] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)
    """Every file that may be read, by its path from the root."""
    skipped: dict[str, int] = field(default_factory=dict)
    """Translation files set aside, by language: the site does not build those languages."""
    statuses: dict[str, os.stat_result] = field(default_factory=dict, compare=False, repr=False)
    """Each file's status as the scan saw it (links followed), by its absolute path: a file kept
    from an earlier check is known unchanged by it, without another look (see filecache)."""

    def refuse(self, rel: str, message: str, hint: str) -> None:
        self.problems.append(Problem(rel, 1, 1, message, hint))
        self.refused.add(rel)


def scan(root: Path, languages: list[str] | tuple[str, ...]) -> Scan:
    """Look at every file and folder under the source folders of `root` before anything is read.

    Translations into a language the site does not build are set aside, not refused: a site may
    build some of the languages its sources are translated into (`skipped` counts them). A file
    named for a language code that no locale has is refused as a probable mistake.
    """
    found = Scan()
    root = root.resolve()
    for name in SOURCE_DIRS:
        top = root / name
        if top.is_symlink() and not inside(root, top):
            found.refuse(name, _outside(top), _OUTSIDE_HINT)
            continue
        if top.is_dir():
            _walk(root, top, list(languages), found, set())
    return found


_OUTSIDE_HINT = (
    "a pull request may not publish files from outside the repository: replace the link with "
    "the file itself, or point it at a file inside the repository"
)


def _outside(path: Path) -> str:
    return f"symbolic link to '{os.readlink(path)}', which is outside the repository"


def _walk(
    root: Path, folder: Path, languages: list[str], found: Scan, seen: set[tuple[int, int]]
) -> None:
    try:
        status = os.stat(folder)
    except OSError:
        return
    if (status.st_dev, status.st_ino) in seen:  # a link back to a folder already walked
        return
    seen.add((status.st_dev, status.st_ino))
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files are never read nor published
        rel = relative(root, entry.path) or entry.path
        if entry.is_symlink() and not inside(root, Path(entry.path)):
            found.refuse(rel, _outside(Path(entry.path)), _OUTSIDE_HINT)
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as error:  # a link to itself, or a loop of links
            found.refuse(
                rel,
                f"cannot be followed ({_shown(error.strerror or str(error)).lower()})",
                "remove it, or make it a link to a file or folder inside the curriculum",
            )
            continue
        if is_dir:
            if not FOLDER.fullmatch(entry.name) or len(entry.name) > MAX_NAME:
                found.refuse(
                    rel,
                    f"folder name '{_shown(entry.name)}' is not allowed",
                    f"rename it '{slug(entry.name)}': lower-case letters, digits, '-' and '_'",
                )
                continue
            _walk(root, Path(entry.path), languages, found, seen)
        elif is_file:
            _check_file(entry, rel, names, languages, found)
            if rel not in found.refused:
                found.files.append(rel)
        else:
            found.refuse(rel, "not a regular file", "remove it; only files and folders are read")


def _shown(name: str) -> str:
    """A file name as it may be printed: no control characters, not overly long."""
    safe = "".join(ch if ch.isprintable() else "?" for ch in name)
    return safe if len(safe) <= MAX_NAME else safe[:MAX_NAME] + "..."


def _check_file(
    entry: os.DirEntry[str], rel: str, names: set[str], languages: list[str], found: Scan
) -> None:
    name = entry.name
    match = NAME.fullmatch(name)
    if match is None or len(name) > MAX_NAME:
        found.refuse(rel, f"file name '{_shown(name)}' is not allowed", _name_hint(name))
        return
    ext = "." + match["ext"]
    parts = tuple(rel.split("/"))
    published = _published_as_is(parts)
    if ext not in TEXT_KINDS and ext not in ASSET_KINDS:
        kinds = ", ".join(k.lstrip(".") for k in ASSET_KINDS)
        found.refuse(
            rel,
            f"files of kind '{ext}' are not accepted"
            + (
                " (they could run script on the site)"
                if ext in (".html", ".htm", ".js", ".mjs", ".svg", ".xml", ".xhtml")
                else ""
            ),
            f"pages are Markdown (.md), metadata is YAML (.yml), and files published beside "
            f"them are {kinds}"
            + (": export an SVG drawing as PNG or WebP" if ext == ".svg" else ""),
        )
        return
    try:
        status = found.statuses[entry.path] = entry.stat()  # of the file a link leads to
        size = status.st_size
    except OSError:
        found.refuse(rel, "cannot be read", "check the file's permissions")
        return
    limit = MAX_TEXT_BYTES if ext in TEXT_KINDS else MAX_ASSET_BYTES
    if size > limit:
        found.refuse(
            rel,
            f"file is {size // 1024} KB, more than the limit of {limit // 1024} KB",
            "split the page into several pages"
            if ext in TEXT_KINDS
            else "make the file smaller (compress the image, lower its resolution), or link to it",
        )
        return
    if ext in ASSET_KINDS and published:
        with open(entry.path, "rb") as handle:
            head = handle.read(16)
        offset = 4 if ext == ".avif" else 0
        if not any(head[offset:].startswith(magic) for magic in ASSET_KINDS[ext]) or (
            ext == ".webp" and head[8:12] != b"WEBP"
        ):
            found.refuse(
                rel,
                f"file is not a {ext.lstrip('.').upper()} file, although its name says so",
                "save it again from an image editor (or PDF printer) under the right extension",
            )
            return
    lang = match["lang"]
    misnamed = _MISNAMED.fullmatch(match["stem"])
    if lang is None and misnamed and ext in TEXT_KINDS and misnamed["lang"] in languages:
        base = misnamed["base"]
        if base in _LOADED or f"{base}{ext}" in names:
            found.refuse(
                rel,
                f"probably a translation of {base}{ext}, named the wrong way",
                f"rename it '{base}.{misnamed['lang']}{ext}': the language code goes between the "
                f"name and the extension (if it is a page of its own, choose a name that does not "
                f"end in '{misnamed['sep']}{misnamed['lang']}')",
            )
            return
    if lang is not None and lang not in languages:
        from babel import localedata  # only here: `curriculum check` starts without Babel

        if localedata.exists(lang):
            found.refused.add(rel)  # set aside, not read: the site does not build this language
            found.skipped[lang] = found.skipped.get(lang, 0) + 1
        else:
            found.refuse(
                rel,
                f"'{lang}' in the file name is not a language code",
                f"a translation is named like prep.fr.md, with one of {', '.join(languages)}; "
                "otherwise use '-' instead of '.' in the name",
            )
        return
    if lang is not None and published and lang in languages and match["stem"] not in _LOADED:
        source = f"{match['stem']}.{match['ext']}"
        if source not in names:
            found.refuse(
                rel,
                f"translation of '{source}', which does not exist",
                f"add {source} (the English page) beside it, or rename this file",
            )
            return
    # The first folder of the file's address on the site (`glossary.md` is `glossary/`).
    address = page_address(rel) if ext == ".md" else None
    if address is not None:
        first: str | None = address.split("/")[0]
    else:
        first = (
            parts[2]
            if published and parts[:2] == ("curriculum", "pages") and len(parts) > 3
            else None
        )
    if first and (first in RESERVED_TOP or first in languages):
        found.refuse(
            rel,
            f"would be published at '{first}/', a folder of the site that the build owns",
            "move the file into a folder of another name, or give the page another name",
        )


def page_address(rel: str) -> str | None:
    """The address a hand-written page gets on the site, as MkDocs gives it: both
    `curriculum/pages/internship.md` and `curriculum/pages/internship/index.md` are `internship/`
    (and their translations too); the home page is ''. None for a file that is not a page."""
    if not rel.startswith(f"{PAGES_DIR}/") or not rel.endswith(".md"):
        return None
    path = PurePosixPath(rel)
    stem = path.name.split(".")[0]
    folder = path.parts[2:-1]
    return "/".join([*folder, *([] if stem == "index" else [stem]), ""]).lstrip("/")


_MISNAMED = re.compile(r"(?P<base>[a-z0-9][a-z0-9_-]*?)(?P<sep>[_-])(?P<lang>[a-z]{2})")
"""`prep_fr`, `prep-fr`: a language code joined to the name instead of set apart by dots."""

_LOADED = {
    "index",
    "prep",
    "exercises",
    "coach",
    "module",
    "glossary",
    "self-evaluation",
    "workshop",
}
"""Stems of the files the loader reads itself, with its own messages for a missing source."""


def _published_as_is(parts: tuple[str, ...]) -> bool:
    """Files copied to the site: hand-written pages, and what a module ships beside its weeks."""
    if parts[:2] == ("curriculum", "pages"):
        return True
    return parts[:1] == ("modules",) and len(parts) >= 3


def _name_hint(name: str) -> str:
    stem, _, ext = name.rpartition(".")
    if not stem:
        stem, ext = name, "md"
    parts = stem.split(".")
    lang = parts[-1].lower() if len(parts) > 1 and len(parts[-1]) == 2 else None
    base = slug(".".join(parts[:-1]) if lang else stem)
    suggestion = f"{base}.{lang}.{ext.lower()}" if lang else f"{base}.{slug(ext)}"
    return (
        f"rename it '{suggestion}': names use lower-case letters, digits, '-' and '_', then an "
        "optional language code (prep.fr.md), then the extension"
    )

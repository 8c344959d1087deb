"""Layered sources: upstream's folder first, the site's own after it, read as one tree.

Every file has a path in that tree (`modules/<id>/...`, `curriculum/pages/...`,
`curriculum/programmes/...`), the same as in the folder it comes from. A module comes whole from
one folder; a page or a programme comes with its translations from one folder, and a later folder
may add a translation into a language the earlier one lacks. The site's own folder replaces an
upstream module, page or programme only when its settings say so (`replace:`); anything else with
the path of an upstream one is an error naming both files.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import sources
from .problems import Problem
from .settings import Settings

MERGED = (sources.REVIEWED_SOURCES,)
"""Files whose entries add up across folders (a partner reviews a host of its own)."""
CATALOG_DIR = "curriculum/catalog"
"""Interface strings a site changes or adds: `<lang>.yml`, read in every folder, in order."""
_REPLACEABLE = re.compile(
    r"modules/[a-z0-9][a-z0-9-]*|curriculum/pages/[a-z0-9_/-]+\.md|curriculum/programmes/[a-z0-9-]+\.yml"
)


@dataclass
class Layered:
    """Where each file of the tree comes from, and what was found on the way."""

    settings: Settings
    modules: dict[str, Path] = field(default_factory=dict)
    """Module id -> the folder whose modules/<id>/ is read."""
    files: dict[str, Path] = field(default_factory=dict)
    """Path in the tree -> folder, for every file under curriculum/ (pages, programmes, ...)."""
    merged: dict[str, list[Path]] = field(default_factory=dict)
    """Files read in every folder that has them (reviewed sources, catalogs)."""
    refused: set[str] = field(default_factory=set)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    statuses: dict[str, os.stat_result] = field(default_factory=dict, compare=False, repr=False)
    """Every file's status as the scan saw it, by its absolute path (`sources.Scan.statuses`)."""
    in_weeks: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Module id -> folder in it (a week's) -> every file under that folder that may be read, by
    its path in the tree, in order, from the folder the module is read from (as the scan found
    them)."""

    @property
    def roots(self) -> sources.Roots:
        return self.settings.roots

    def root(self, rel: str) -> Path:
        parts = rel.split("/")
        if parts[0] == "modules" and len(parts) > 1:
            return self.modules.get(parts[1], self.roots.own)
        return self.files.get(rel, self.roots.own)

    def path(self, rel: str) -> Path:
        """The file on disk for a path in the tree."""
        return self.root(rel) / rel

    def shown(self, rel: str) -> str:
        """How messages name a path of the tree: from the site's folder."""
        return self.roots.shown(self.root(rel), rel)

    def page_files(self) -> list[str]:
        prefix = sources.PAGES_DIR + "/"
        return sorted(rel for rel in self.files if rel.startswith(prefix))

    def programme_files(self) -> list[str]:
        prefix = sources.PROGRAMMES_DIR + "/"
        return sorted(rel for rel in self.files if rel.startswith(prefix))


def _in_weeks(files: list[str]) -> dict[str, dict[str, list[str]]]:
    """The files found in a module's folders (`modules/<id>/<week>/...`), by module and folder."""
    found: dict[str, dict[str, list[str]]] = {}
    for rel in files:
        parts = rel.split("/", 3)
        if len(parts) == 4 and parts[0] == "modules":
            found.setdefault(parts[1], {}).setdefault(parts[2], []).append(rel)
    return found


def _unit(rel: str) -> str:
    """The source file a file belongs with: `curriculum/pages/index.fr.md` -> `.../index.md`."""
    path = PurePosixPath(rel)
    parts = path.name.split(".")
    if len(parts) >= 3 and sources.NAME.fullmatch(path.name) and len(parts[-2]) in (2, 5):
        return str(path.with_name(".".join([*parts[:-2], parts[-1]])))
    return rel


def layer(settings: Settings) -> Layered:
    """Scan every folder and lay them over one another; problems include clashes and wrong
    `replace:` entries."""
    out = Layered(settings)
    roots = settings.roots
    replace = list(settings.options.replace)
    replaced: set[str] = set()
    upstream_has: set[str] = set()
    in_weeks: dict[Path, dict[str, dict[str, list[str]]]] = {}
    for number, root in enumerate(roots.folders):
        scanned = sources.scan(root, settings.languages)
        in_weeks[root] = _in_weeks(scanned.files)
        for problem in scanned.problems:
            out.problems.append(_shown(problem, roots.shown(root, problem.path)))
        out.refused |= scanned.refused
        out.statuses.update(scanned.statuses)
        for lang, count in scanned.skipped.items():
            out.skipped[lang] = out.skipped.get(lang, 0) + count
        own = number == len(roots.folders) - 1 and len(roots.folders) > 1
        modules = root / "modules"
        for folder in sorted(modules.iterdir()) if modules.is_dir() else []:
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            unit = f"modules/{folder.name}"
            if folder.name in out.modules:
                if own and unit in replace:
                    replaced.add(unit)
                else:
                    out.problems.append(_clash(out, unit + "/module.yml", root, unit))
                    continue
            elif not own:
                upstream_has.add(unit)
            out.modules[folder.name] = root
        units_here: dict[str, list[str]] = {}
        for rel in scanned.files:
            if not rel.startswith("curriculum/"):
                continue
            if rel in MERGED or rel.startswith(CATALOG_DIR + "/"):
                out.merged.setdefault(rel, []).append(root)
                continue
            units_here.setdefault(_unit(rel), []).append(rel)
        for unit, files in units_here.items():
            if own and unit in replace and unit in out.files:
                replaced.add(unit)
                for rel in [r for r in out.files if _unit(r) == unit]:
                    del out.files[rel]  # upstream's page and its translations go together
            for rel in files:
                if rel in out.files:
                    out.problems.append(_clash(out, rel, root, unit))
                    continue
                out.files[rel] = root
                if not own:
                    upstream_has.add(unit)
    out.problems += _same_address(out)
    out.in_weeks = {m: in_weeks[root].get(m, {}) for m, root in out.modules.items()}
    for n, entry in enumerate(replace):
        if not _REPLACEABLE.fullmatch(entry):
            out.problems.append(
                settings.problem(
                    ("replace", n),
                    f"cannot replace '{entry}'",
                    "name a module (modules/<id>), a page (curriculum/pages/<page>.md) or a "
                    "programme (curriculum/programmes/<id>.yml) by its path in the upstream folder",
                )
            )
        elif len(roots.folders) < 2 or entry not in upstream_has:
            close = difflib.get_close_matches(entry, sorted(upstream_has), n=1)
            out.problems.append(
                settings.problem(
                    ("replace", n),
                    f"'{entry}' is not in the upstream curriculum (renamed, moved or removed?)",
                    f"replace '{close[0]}' instead, or remove this line"
                    if close
                    else "remove this line, or set `upstream:` to the open curriculum's folder",
                )
            )
        elif entry not in replaced:
            out.problems.append(
                settings.problem(
                    ("replace", n),
                    f"this site has no '{entry}' of its own to replace upstream's with",
                    f"add {entry} to {roots.shown(roots.own, '.')}, or remove this line",
                )
            )
    return out


def _clash(out: Layered, rel: str, root: Path, unit: str) -> Problem:
    roots = out.roots
    earlier = out.root(rel) if not rel.startswith("modules/") else out.modules[rel.split("/")[1]]
    return Problem(
        roots.shown(root, rel),
        1,
        1,
        f"has the same path as {roots.shown(earlier, rel)}: a site replaces an upstream "
        "module, page or programme only when it says so",
        f"add `{unit}` to `replace:` of the curriculum plugin in "
        f"{roots.shown(roots.site, out.settings.config_file.name)}, or give yours another name",
    )


def _same_address(out: Layered) -> list[Problem]:
    """Two pages that MkDocs would publish at one address (`internship.md` and
    `internship/index.md`, in one folder or in two layers): one would silently overwrite the
    other."""
    pages: dict[str, list[str]] = {}
    for rel in sorted(out.files):
        address = sources.page_address(rel)
        if address is not None and _unit(rel) == rel:
            pages.setdefault(address, []).append(rel)
    problems = []
    for address, (first, *others) in pages.items():
        for rel in others:
            problems.append(
                Problem(
                    out.shown(rel),
                    1,
                    1,
                    f"would be published at the same address ({address or 'the home page'}) as "
                    f"{out.shown(first)}, and one page would replace the other",
                    "rename or move one of the two pages (a page `a.md` and a page `a/index.md` "
                    "both become `a/`)",
                )
            )
    return problems


def _shown(problem: Problem, path: str) -> Problem:
    return Problem(path, problem.line, problem.col, problem.message, problem.hint)

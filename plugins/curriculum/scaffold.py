"""Create a new module or week from templates marked TODO, which `curriculum check` refuses until
they are written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .kinds import MODULE_PAGE_KINDS, WEEK_KINDS
from .loading.modules import WEEK_DIR
from .model import SLUG, TRACKS, WORKSHOP_TRACKS

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates" / "scaffold"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    autoescape=False,
)


class ScaffoldError(Exception):
    """The request cannot be carried out; the message says why and what to do."""


def _week_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    created = []
    for name in (kind.file for kind in WEEK_KINDS if kind.scaffold):
        path = folder / name
        path.write_text(_env.get_template(f"{name}.j2").render(), encoding="utf-8")
        created.append(path)
    return created


def new_module(root: Path, module_id: str, track: str, default_language: str = "en") -> list[Path]:
    if not re.match(SLUG, module_id):
        raise ScaffoldError(
            f"'{module_id}' is not a valid id: use lower-case words joined by "
            "hyphens, e.g. html-and-css"
        )
    if track not in TRACKS and not _own_track(root, track, default_language):
        raise ScaffoldError(
            f"'{track}' is not a track; use one of {', '.join(TRACKS)}, or name a track of your "
            f"own in curriculum/catalog/{default_language}.yml first: `track_{track}: Its name`"
        )
    folder = root / "modules" / module_id
    if folder.exists():
        raise ScaffoldError(f"modules/{module_id} already exists")
    folder.mkdir(parents=True)
    meta = folder / "module.yml"
    meta.write_text(
        _env.get_template("module.yml.j2").render(id=module_id, track=track), encoding="utf-8"
    )
    created = [meta, *_week_files(folder / "week-01")]
    # Only the Digital Welcome tracks end with a workshop kit.
    pages = [
        kind.file
        for kind in MODULE_PAGE_KINDS
        if kind.scaffold and (kind.name != "workshop" or track in WORKSHOP_TRACKS)
    ]
    for name in pages:
        path = folder / name
        path.write_text(_env.get_template(f"{name}.j2").render(), encoding="utf-8")
        created.append(path)
    return created


def _own_track(root: Path, track: str, default_language: str) -> bool:
    """True if the site's catalog names the track (`track_<id>: Its name`)."""
    catalog = root / "curriculum" / "catalog" / f"{default_language}.yml"
    try:
        return f"track_{track}" in (yaml.safe_load(catalog.read_text(encoding="utf-8")) or {})
    except (OSError, yaml.YAMLError, TypeError):
        return False


def new_week(root: Path, module_id: str) -> list[Path]:
    folder = root / "modules" / module_id
    if not (folder / "module.yml").is_file():
        raise ScaffoldError(
            f"modules/{module_id}/module.yml does not exist; create the module "
            "first with `curriculum new-module`"
        )
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := WEEK_DIR.match(p.name))]
    return _week_files(folder / f"week-{max(numbers, default=0) + 1:02d}")

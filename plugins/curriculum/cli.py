"""The `curriculum` command: the build's validation without a build, and translation status."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from .kinds import schemas

_SCHEMAS = schemas()
"""`curriculum schema` names -> model names, from the table of file kinds."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curriculum", description="Check and inspect the curriculum sources."
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site configuration, for its languages (default: mkdocs.yml)",
    )
    # --config is accepted after the command too: `curriculum check --config site/mkdocs.yml`.
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument("--config", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[config], help=help)

    check = command("check", help="validate modules and programmes; exit 1 on any problem")
    check.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="github prints GitHub Actions annotations",
    )
    status = command(
        "status", help="which files are translated, outdated or missing in which language"
    )
    status.add_argument("--format", choices=["text", "json"], default="text")
    translated = command(
        "translated",
        help="record that translations are up to date with their English, after a review",
    )
    translated.add_argument(
        "paths", nargs="+", type=Path, help="translation files, or folders that hold some"
    )
    translated.add_argument("--lang", help="only the translations into this language")
    new_translation = command(
        "new-translation", help="start a translation of an English file, ready to translate"
    )
    new_translation.add_argument("source", type=Path, help="the English file, e.g. .../prep.md")
    new_translation.add_argument("lang", help="the language to translate into, e.g. fr")
    new_module = command("new-module", help="create a module with its first week")
    new_module.add_argument("id", help="lower-case words joined by hyphens, e.g. html-and-css")
    new_module.add_argument("--track", required=True, help="the track the module belongs to")
    new_week = command("new-week", help="add the next week to a module")
    new_week.add_argument("module", help="the module's id")
    schema = command("schema", help="print the JSON Schema of a kind of file, for editors")
    schema.add_argument("kind", nargs="?", choices=list(_SCHEMAS), help="one kind (default: all)")
    return parser


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Reading a curriculum makes millions of objects and next to no reference cycles; Python's
    cycle collector, run again and again as they pile up, took a fifth of the check of a 16x
    curriculum. Reference counting still frees what is dropped: the peak memory is the same.

    The objects made are frozen before the collector runs again: otherwise its first pass looks
    at every one of them (as the store is saved, and at exit), which took another 0.4 s at 16x.
    Frozen objects are still freed when dropped; only a cycle among them would stay."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was:
            gc.enable()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        return _schema(args.kind)
    if args.command in ("new-module", "new-week"):
        return _scaffold(args)
    from . import filecache
    from . import settings as site_settings
    from .problems import CurriculumError
    from .read import load_curriculum

    try:
        settings = site_settings.load(args.config)
        languages = settings.languages
        with filecache.using(settings.config_file), _without_cycle_collection():
            cur = load_curriculum(settings.site, settings=settings)
    except CurriculumError as exc:
        if getattr(args, "format", "text") == "github":
            print("\n".join(p.format_github() for p in exc.problems))
        else:
            print(exc.report(), file=sys.stderr)
        return 1
    if args.command in ("status", "translated", "new-translation"):
        return _translations(cur, args)
    for warning in cur.warnings:
        if args.format == "github":
            print(warning.format_github("warning"))
        else:
            print(f"warning: {warning.format()}", file=sys.stderr)
    weeks = sum(len(m.weeks) for m in cur.modules.values())
    counts = [
        (len(cur.modules), "module"),
        (weeks, "week"),
        (len(cur.programmes), "programme"),
        (len(languages), "language"),
    ]
    print("ok: " + ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts))
    skipped = cur.layered.skipped if cur.layered else {}
    if skipped:
        print(
            f"note: {sum(skipped.values())} translation file(s) set aside, into languages this "
            f"site does not build ({', '.join(sorted(skipped))})"
        )
    return 0


def _translations(cur: object, args: argparse.Namespace) -> int:
    from .loaded import Curriculum
    from .translation_status import (
        TranslationError,
        as_json,
        as_text,
        new_translation,
        stamp,
    )

    assert isinstance(cur, Curriculum)
    if args.command == "status":
        if args.format == "json":
            print(json.dumps(as_json(cur), indent=2, ensure_ascii=False))
        else:
            print(as_text(cur))
        return 0
    try:
        if args.command == "translated":
            for path in stamp(cur, args.paths, args.lang):
                print(f"stamped {path}")
            return 0
        created = new_translation(cur, args.source, args.lang)
    except TranslationError as exc:
        print(f"curriculum: {exc}", file=sys.stderr)
        return 2
    print(f"created {created}")
    print("Translate it, delete the TODO line; `curriculum check` refuses it until then.")
    return 0


def _scaffold(args: argparse.Namespace) -> int:
    from . import settings as site_settings
    from .problems import CurriculumError
    from .scaffold import ScaffoldError, new_module, new_week

    root = args.config.resolve().parent
    try:
        if args.command == "new-module":
            settings = site_settings.load(args.config)
            upstream = [
                r for r in settings.roots.folders[:-1] if (r / "modules" / args.id).is_dir()
            ]
            if upstream:
                shown = settings.roots.shown(upstream[-1], f"modules/{args.id}")
                raise ScaffoldError(
                    f"{shown} already exists upstream: choose another id, or list "
                    f"modules/{args.id} under `replace:` to replace it on purpose"
                )
            created = new_module(root, args.id, args.track, settings.default_language)
        else:
            created = new_week(root, args.module)
    except CurriculumError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except ScaffoldError as exc:
        print(f"curriculum: {exc}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path.relative_to(root).as_posix()}")
    print("Replace every TODO; `curriculum check` lists the ones left.")
    return 0


def _schema(kind: str | None) -> int:
    from . import model

    classes = {name: getattr(model, cls) for name, cls in _SCHEMAS.items()}
    if kind is not None:
        print(json.dumps(classes[kind].model_json_schema(), indent=2, ensure_ascii=False))
    else:
        schemas = {name: cls.model_json_schema() for name, cls in classes.items()}
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

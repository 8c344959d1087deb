"""A synthetic curriculum of k times the shipped one, for the scaling and feedback benchmarks.

`write(folder, k)` copies `mkdocs.yml`, `curriculum/` and `modules/` from a source root (the
repository unless told otherwise) into `folder`, then adds k-1 copies of every module and of every
programme, under new ids: `javascript-x2`, `javascript-x3`, ... and `web-development-x2`, ...
Modules times weeks, and programmes, grow k times in every language; hand-written pages stay as
they are. `write(folder, k, weeks=w)` also makes every module w times as long: its weeks are
followed by w-1 copies of them (a module of weeks 1-3 gets weeks 4-6, 7-9, ...), so modules times
weeks grow k times w. The copies pass `curriculum check` unchanged but for what must be unique:

- a module's `id:` (equal to its folder) and its prerequisites, which name the copies of the same
  round (`dom-x2` needs `javascript-x2`), and a programme's `id:` and module list likewise;
- glossary terms: a term id is defined once in the whole curriculum, so a copy has no glossary of
  its own and its weeks list the original terms. The glossary pages keep the shipped terms, each
  linked back from k times as many weeks. This is the one part of the site that does not grow k
  times.

Everything else (weeks, translations with their `translated_from:` stamps, item ids, local pages,
images, links) is copied byte for byte: item ids and ticks are kept per module, and the stamps hash
only what translators translate, so every copy's translation is as up to date as its original.
Every copy's pages are built as its original's are: the programme copies list the module copies,
so the copies have programme pages, calendars and wall charts of their own, and a module that no
programme lists (react, today) is built, with its copies, as the shipped site builds it.

A programme of modules w times as long runs w times as many Sundays, into years whose Easter or
Eid falls on one of them; a session on a holiday it names is a warning, which `mkdocs build
--strict` counts. So with w above 1, the programmes name no `holidays:` (their `breaks:` stay).

As a script: `python benchmarks/synthetic.py FOLDER [--times K] [--weeks W] [--source DIR]`.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GLOSSARY = re.compile(r"glossary(\.[a-z]{2}(_[A-Z]{2})?)?\.yml")
WEEK = re.compile(r"week-\d\d")


def copy_id(name: str, n: int) -> str:
    """The id of copy `n` (2, 3, ...) of a module or programme."""
    return f"{name}-x{n}"


def rename_ids(text: str, key: str, renamed: dict[str, str]) -> str:
    """`text` (a module.yml or programme file) with the `key:` list's ids and its own `id:` renamed.

    Edits lines, not parsed YAML, so that comments, quoting and key order stay as written.
    """
    lines = text.splitlines(keepends=True)
    inside = False
    for i, line in enumerate(lines):
        match = re.match(r"id:\s*(\S+)\s*$", line)
        if match and match[1] in renamed:
            lines[i] = f"id: {renamed[match[1]]}\n"
            continue
        if re.match(rf"{key}:", line):
            inside = True
            inline = re.match(rf"({key}:\s*)\[(.*)\]\s*$", line)
            if inline:
                ids = [s.strip() for s in inline[2].split(",") if s.strip()]
                listed = ", ".join(renamed.get(s, s) for s in ids)
                lines[i] = f"{inline[1]}[{listed}]\n"
                inside = False
            continue
        if inside:
            item = re.match(r"(\s*-\s*)(\S+)\s*$", line)
            if item:
                lines[i] = f"{item[1]}{renamed.get(item[2], item[2])}\n"
            elif line.strip() and not line.startswith((" ", "\t", "#")):
                inside = False
    return "".join(lines)


def drop_key(text: str, key: str) -> str:
    """`text` (a programme file) without the top-level `key:` and the lines that belong to it."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    inside = False
    for line in lines:
        if re.match(rf"{key}:", line):
            inside = True
            continue
        if inside and (not line.strip() or line.startswith((" ", "\t", "-"))):
            continue
        inside = False
        out.append(line)
    return "".join(out)


def longer_weeks(module: Path, weeks: int) -> None:
    """Follow the weeks of `module` with `weeks - 1` copies of them, numbered on."""
    found = sorted(p for p in module.iterdir() if WEEK.fullmatch(p.name))
    for round_ in range(1, weeks):
        for n, week in enumerate(found, start=round_ * len(found) + 1):
            shutil.copytree(week, module / f"week-{n:02d}")


def write(folder: Path, times: int, source: Path = ROOT, *, weeks: int = 1) -> Path:
    """Write into `folder` the curriculum at `source` with `times - 1` copies of every module and
    programme, and every module's weeks `weeks` times over; returns `folder`. `times` 1 with
    `weeks` 1 is a plain copy."""
    if times < 1 or weeks < 1:
        raise ValueError(f"times and weeks must be at least 1, got {times} and {weeks}")
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(source / "curriculum", folder / "curriculum")
    shutil.copytree(source / "modules", folder / "modules")
    (folder / "site-src").mkdir(exist_ok=True)
    modules = sorted(p.name for p in (source / "modules").iterdir() if (p / "module.yml").is_file())
    programmes = sorted((source / "curriculum" / "programmes").glob("*.yml"))
    for n in range(2, times + 1):
        renamed = {m: copy_id(m, n) for m in modules}
        for module in modules:
            target = folder / "modules" / renamed[module]
            shutil.copytree(
                source / "modules" / module,
                target,
                ignore=lambda _dir, names: [x for x in names if GLOSSARY.fullmatch(x)],
            )
            spec = target / "module.yml"
            spec.write_text(
                rename_ids(spec.read_text(encoding="utf-8"), "prerequisites", renamed),
                encoding="utf-8",
            )
        for path in programmes:
            stem, _, rest = path.name.partition(".")
            target = folder / "curriculum" / "programmes" / f"{copy_id(stem, n)}.{rest}"
            text = path.read_text(encoding="utf-8")
            if rest == "yml":
                text = rename_ids(text, "modules", {**renamed, stem: copy_id(stem, n)})
            target.write_text(text, encoding="utf-8")
    if weeks > 1:
        for module in sorted((folder / "modules").iterdir()):
            if (module / "module.yml").is_file():
                longer_weeks(module, weeks)
        for path in sorted((folder / "curriculum" / "programmes").glob("*.yml")):
            if path.name.count(".") == 1:  # the English file: translations name no holidays
                text = path.read_text(encoding="utf-8")
                path.write_text(drop_key(text, "holidays"), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where to write it (created)")
    parser.add_argument("--times", type=int, default=4, help="k: copies of every module (4)")
    parser.add_argument("--weeks", type=int, default=1, help="w: every module's weeks w times (1)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the curriculum to copy")
    args = parser.parse_args(argv)
    write(args.folder, args.times, args.source.resolve(), weeks=args.weeks)
    size = f"{args.times}x" if args.weeks == 1 else f"{args.times * args.weeks}x"
    print(f"wrote {size} the curriculum of {args.source} into {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What our plugin costs: our full build beside plain MkDocs + Material + mkdocs-static-i18n
building the very same generated pages with our plugin off. Target: at most 10 % slower.

Our plugin assembles the Markdown it builds into docs_dir (site-src/). After one build of ours, a
copy of that folder is built again from a generated mkdocs.yml: the site's own, with the curriculum
plugin removed, the same Markdown extensions and languages, plain Material (our templates need our
plugin), `strict: false` (the generated pages link to the search page and the offline lists that
only our plugin writes) and the coach plans kept out of the navigation as ours does; MkDocs makes
the navigation from the files. It is built twice: with Material's own search plugin, as a
Material site has it unless told otherwise (our site replaces it by its own index), which is the
baseline; and with no search at all. Our build is timed with its languages one after another
(CURRICULUM_JOBS=1), as i18n builds the plain one, and once more with one process per core for
comparison. Each figure is the median of `--runs` builds, run alternately in this process's
environment. Our build includes what the plain one leaves out: loading and checking the sources,
generating the pages, sanitising the HTML, the security policy, minifying, the offline lists and
the search index.

Then one more build of ours under cProfile says where its time goes: the share of our packages
(`curriculum`, `curriculum_mkdocs`) beside MkDocs, Markdown and pymdownx, Jinja2, Material, i18n
and our search index (part of our packages, shown on its own line). Time in the standard library
and in built-in functions is counted with the package that called it. Profiling slows Python code
more than compiled code: the shares are a guide, not a measurement of the build above.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import shutil
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic
from timing import ENV, ROOT, html_pages, mkdocs, timed

TARGET = 10.0
"""Our build's overhead over the plain one, in percent, at most."""

NOT_IN_NAV = """\
not_in_nav: |
  /modules/*/week-*/coach.md
  /modules/*/week-*/coach.*.md
  /coaches/*.md
  !/coaches/index.md
  !/coaches/index.*.md
  /translations/
  /programmes/*/skills-record.md
  /programmes/*/skills-record.*.md
  /internship/mentor.md
  /internship/mentor.*.md
"""
"""As the curriculum plugin's NOT_IN_NAV, which it sets in on_config."""


def plain_config(ours: str, *, search: bool) -> str:
    """The site's mkdocs.yml without the curriculum plugin, building `plain-src/` non-strictly;
    with Material's search plugin if `search`."""
    text = re.sub(r"(?ms)^  curriculum:\n.*?(?=^  i18n:)", "", ours)
    if search:
        text = re.sub(r"(?m)^  i18n:$", "  search: {}\n  i18n:", text)
    text = re.sub(r"(?m)^docs_dir: .*$", "docs_dir: plain-src", text)
    text = re.sub(r"(?m)^site_dir: .*$", "site_dir: plain-site", text)
    text = re.sub(r"(?m)^strict: .*$", "strict: false", text)
    if "curriculum:" in text or "docs_dir: plain-src" not in text:
        raise SystemExit("mkdocs.yml has changed shape: update plain_config in overhead.py")
    return text + NOT_IN_NAV


PACKAGES = {
    "curriculum": "our packages (curriculum, curriculum_mkdocs)",
    "curriculum_mkdocs": "our packages (curriculum, curriculum_mkdocs)",
    "mkdocs": "MkDocs",
    "markdown": "Markdown, pymdownx, Pygments",
    "pymdownx": "Markdown, pymdownx, Pygments",
    "pygments": "Markdown, pymdownx, Pygments",
    "jinja2": "Jinja2, MarkupSafe",
    "markupsafe": "Jinja2, MarkupSafe",
    "material": "Material",
    "mkdocs_static_i18n": "mkdocs-static-i18n",
}
SEARCH = "our search index (search.py, searchtext.py, Snowball)"
SEARCH_FILES = ("curriculum/search.py", "curriculum/searchtext.py")
OTHER = "other libraries (PyYAML, pydantic, Babel, nh3, ...)"
UNATTRIBUTED = "start-up and unattributed"
ORDER = [
    PACKAGES["curriculum"],
    SEARCH,
    PACKAGES["mkdocs"],
    PACKAGES["markdown"],
    PACKAGES["jinja2"],
    PACKAGES["material"],
    PACKAGES["mkdocs_static_i18n"],
    OTHER,
    UNATTRIBUTED,
]

Func = tuple[str, int, str]
OURS = (ROOT / "plugins").as_posix() + "/"


def package(func: Func) -> str | None:
    """The category of a function's own code, or None for the standard library and built-ins."""
    path = func[0].replace("\\", "/")
    if path.startswith(OURS):  # an editable install: our packages in the repository
        return SEARCH if path.endswith(SEARCH_FILES) else PACKAGES["curriculum"]
    if "/site-packages/" not in path:
        return None
    top = path.split("/site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    return PACKAGES.get(top, OTHER)


def shares(stats: dict[Func, Any]) -> dict[str, float]:
    """Seconds of own time per category, the standard library's and built-ins' going to the
    nearest callers in a package, shared among callers in proportion to the calls' time."""
    memo: dict[Func, dict[str, float]] = {}
    busy: set[Func] = set()

    def fractions(func: Func) -> dict[str, float]:
        """How a second of `func`'s own time divides among the categories."""
        category = package(func)
        if category is not None:
            return {category: 1.0}
        key = func
        if key in memo:
            return memo[key]
        callers = stats[func][4] if func in stats else {}
        weights = {c: float(t[3]) for c, t in callers.items() if c != func}
        whole = sum(weights.values())
        if key in busy or whole <= 0:  # a cycle of the standard library, or the entry point
            return {UNATTRIBUTED: 1.0}
        busy.add(key)
        result: dict[str, float] = defaultdict(float)
        for caller, weight in weights.items():
            for category, part in fractions(caller).items():
                result[category] += part * weight / whole
        busy.discard(key)
        memo[key] = result
        return result

    totals: dict[str, float] = defaultdict(float)
    for func, (_, _, own, _, _) in stats.items():
        if own > 0:
            for category, part in fractions(func).items():
                totals[category] += own * part
    return totals


def profile(folder: Path) -> tuple[dict[str, float], float]:
    """Our build once under cProfile, in this process: seconds per category, and in all."""
    from mkdocs.__main__ import cli

    out = folder / "build.prof"
    profiler = cProfile.Profile()
    cwd, environ = Path.cwd(), dict(os.environ)
    os.chdir(folder)
    os.environ.update(ENV)  # as the timed builds run
    os.environ["CURRICULUM_JOBS"] = "1"  # a forked process would escape the profile
    try:
        profiler.runcall(cli.main, ["build", "--strict", "--quiet"], standalone_mode=False)
    finally:
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environ)
    profiler.dump_stats(out)
    loaded = pstats.Stats(str(out))
    stats: dict[Func, Any] = loaded.stats  # type: ignore[attr-defined]
    return shares(stats), float(loaded.total_tt)  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each, median (3)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the curriculum to build")
    parser.add_argument("--no-profile", action="store_true", help="leave out the profiled build")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = synthetic.write(Path(tmp) / "site", 1, args.source.resolve())
        times: dict[str, list[float]] = {"ours": [], "parallel": [], "plain": [], "bare": []}
        for run in range(args.runs):
            print(f"run {run + 1} of {args.runs}: our build", file=sys.stderr)
            times["ours"].append(timed(mkdocs("build", "--strict"), folder, CURRICULUM_JOBS="1"))
            if run == 0:
                shutil.copytree(folder / "site-src", folder / "plain-src")
                ours_config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
                for name, search in (("plain.yml", True), ("bare.yml", False)):
                    config = plain_config(ours_config, search=search)
                    (folder / name).write_text(config, encoding="utf-8")
            print(f"run {run + 1} of {args.runs}: plain builds", file=sys.stderr)
            times["plain"].append(timed(mkdocs("build", "-f", "plain.yml"), folder))
            times["bare"].append(timed(mkdocs("build", "-f", "bare.yml"), folder))
            print(f"run {run + 1} of {args.runs}: our build in parallel", file=sys.stderr)
            times["parallel"].append(timed(mkdocs("build", "--strict"), folder))
        ours, parallel, plain, bare = (statistics.median(t) for t in times.values())
        pages = (html_pages(folder / "site"), html_pages(folder / "plain-site"))
        overhead = (ours / plain - 1) * 100
        print(f"plain MkDocs + Material + i18n, with its search  {plain:6.1f} s  (baseline)")
        print(
            f"the same without search                          {bare:6.1f} s  "
            f"({(bare / plain - 1) * 100:+.0f} %)"
        )
        print(
            f"our build, languages one after another           {ours:6.1f} s  "
            f"({overhead:+.0f} %, target at most +{TARGET:.0f} %: "
            f"{'within' if overhead <= TARGET else 'OVER'}; "
            f"{(ours / bare - 1) * 100:+.0f} % over no search)"
        )
        print(
            f"our build, one process per core                  {parallel:6.1f} s  "
            f"({(parallel / plain - 1) * 100:+.0f} %)"
        )
        print(f"{pages[0]} pages ours, {pages[1]} plain; median of {args.runs} build(s) each")
        if args.no_profile:
            return 0
        print("profiling our build", file=sys.stderr)
        totals, whole = profile(folder)
    print(f"where our build's time goes (one build under cProfile, {whole:.1f} s):")
    for category in ORDER:
        seconds = totals.get(category, 0.0)
        print(f"  {category:<54}{seconds:6.1f} s  {seconds / whole * 100:4.0f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What a trainee's phone downloads: our full site beside a plain Material site, in one run.

Both sites are built here, served on localhost and loaded in headless Chromium (Debian's chromium).
The server logs every file it sends, workers' requests included; sizes are gzip-compressed bodies.

- first visit: a prep page opened with an empty cache: all it loads until the network is idle;
- next page: the following page opened from the footer link (instant navigation on our site);
- search: what opening search and looking up a first word adds (the box's script, the language's
  list of pages, the index shards of the word and the text of the first results' excerpts);
- later search: the largest of three more queries in the same visit (two words, then a question).

Budgets for our prep pages (tests/pageweight.py): first visit at most 76 KB, next page at most
15 KB; search, on every page measured: at most 120 KB for a first query, 25 KB for a later one
(issue 15's).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pageweight import (  # noqa: E402
    FIRST_VISIT_BUDGET,
    LATER_SEARCH_BUDGET,
    NEXT_PAGE_BUDGET,
    SEARCH_BUDGET,
    build_site,
    free_port,
    kb,
    measure,
    serve,
)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

PLAIN_MKDOCS = """\
site_name: Plain Material
theme:
  name: material
markdown_extensions:
  - attr_list
"""


def build_plain(folder: Path) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
    text = "Material for MkDocs, as it comes.\n\n" + "Some words on a page. " * 40
    (folder / "docs" / "index.md").write_text(
        f"# Home\n\n{text}\n\n[Next page](next.md){{ .next }}\n", encoding="utf-8"
    )
    (folder / "docs" / "next.md").write_text(f"# Next\n\n{text}\n", encoding="utf-8")
    return build_site(folder, free_port())


SEARCHED = [
    (
        "prep page, English",
        "modules/intro-to-coding/week-01/",
        ("variable", "loop", "browser", "how to write a loop"),
    ),
    (
        "prep page, Dutch",
        "nl/modules/javascript/week-01/",
        ("variabele", "lus", "browser", "hoe schrijf je een lus"),
    ),
    (
        "prep page, French",
        "fr/modules/dom/week-01/",
        ("programme", "boucle", "navigateur", "comment écrire une boucle"),
    ),
    (
        "prep page, Arabic",
        "ar/modules/intro-to-coding/week-01/",
        ("متغير", "حلقة", "متصفح", "كيف تكتب حلقة"),
    ),
    (
        "prep page, Ukrainian",
        "uk/modules/html-and-css/week-01/",
        ("програма", "цикл", "браузер", "як написати цикл"),
    ),
    ("glossary, Farsi", "fa/glossary/", ("برنامه", "متغیر", "مرورگر", "چطور یک حلقه بنویسیم")),
]
"""Pages opened, and the words then looked up in order, as trainees search in each language: three
words, then a question of several words."""


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        plain = build_plain(Path(tmp) / "plain")
        port = free_port()
        ours = Path(tmp) / "ours"
        build_site(ROOT, port, ours)
        rows: list[tuple[str, dict[str, int]]] = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            with serve(plain) as (base, served, _):
                figures = measure(browser, base, served, "", ("words", "page"))
                rows.append(("plain Material, one page", figures))
            with serve(ours, port) as (base, served, _):
                for label, path, words in SEARCHED:
                    print(f"measuring: {label}", file=sys.stderr)
                    rows.append((label, measure(browser, base, served, path, words)))
            browser.close()

    baseline = rows[0][1]["first visit"]
    print(
        f"{'page':<24}{'first visit':>12}{'vs plain':>9}{'next page':>11}"
        f"{'search':>10}{'later search':>14}"
    )
    over = False
    for label, figures in rows:
        first, after = figures["first visit"], figures["next page"]
        search, later = kb(figures["search"]), kb(figures["later search"])
        print(
            f"{label:<24}{kb(first):>12}{first / baseline:>8.2f}x{kb(after):>11}"
            f"{search:>10}{later:>14}"
        )
        if label.startswith("prep") and (first > FIRST_VISIT_BUDGET or after > NEXT_PAGE_BUDGET):
            over = True
        if label != rows[0][0] and (
            figures["search"] > SEARCH_BUDGET or figures["later search"] > LATER_SEARCH_BUDGET
        ):
            over = True
    print(
        f"budget for prep pages: first visit {kb(FIRST_VISIT_BUDGET)}, "
        f"next page {kb(NEXT_PAGE_BUDGET)}; search: first query {kb(SEARCH_BUDGET)}, "
        f"later query {kb(LATER_SEARCH_BUDGET)}: {'OVER' if over else 'within'}"
    )
    searched = [figures["search"] for _, figures in rows[1:]]
    later = [figures["later search"] for _, figures in rows[1:]]
    print(
        f"search: first query {kb(min(searched))} to {kb(max(searched))} "
        f"(budget {kb(SEARCH_BUDGET)}); later query at most "
        f"{kb(min(later))} to {kb(max(later))} (budget {kb(LATER_SEARCH_BUDGET)})"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())

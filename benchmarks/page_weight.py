"""What a trainee's phone downloads: our full site beside a plain Material site, in one run.

Both sites are built here, served on localhost and loaded in headless Chromium (Debian's chromium).
The server logs every file it sends, workers' requests included; sizes are gzip-compressed bodies.

- first visit: a prep page opened with an empty cache: all it loads until the network is idle;
- next page: the following page opened from the footer link (instant navigation on our site);
- search: what opening search and typing a word adds.

Budget for our prep pages: first visit at most 75 KB, next page at most 12 KB.
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
    NEXT_PAGE_BUDGET,
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


SEARCH_AIM = 120 * 1024


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
                rows.append(
                    ("plain Material, one page", measure(browser, base, served, "", "words"))
                )
            with serve(ours, port) as (base, served, _):
                for label, path, word in [
                    ("prep page, English", "modules/intro-to-coding/week-01/", "program"),
                    ("prep page, Arabic", "ar/modules/intro-to-coding/week-01/", "برنامج"),
                    ("prep page, Ukrainian", "uk/modules/html-and-css/week-01/", "програма"),
                    ("glossary, Farsi", "fa/glossary/", "برنامه"),
                ]:
                    rows.append((label, measure(browser, base, served, path, word)))
            browser.close()

    baseline = rows[0][1]["first visit"]
    print(f"{'page':<28}{'first visit':>14}{'vs plain':>10}{'next page':>12}{'search':>11}")
    over = False
    for label, figures in rows:
        first, after = figures["first visit"], figures["next page"]
        search = kb(figures["search"]) if "search" in figures else "-"
        print(f"{label:<28}{kb(first):>14}{first / baseline:>9.2f}x{kb(after):>12}{search:>11}")
        if label.startswith("prep") and (first > FIRST_VISIT_BUDGET or after > NEXT_PAGE_BUDGET):
            over = True
    print(
        f"budget for prep pages: first visit {kb(FIRST_VISIT_BUDGET)}, "
        f"next page {kb(NEXT_PAGE_BUDGET)}: {'OVER' if over else 'within'}"
    )
    # Issue 15's aim for search, not yet met by Material's one index per language: reported,
    # not failed, until search changes.
    searched = [figures["search"] for _, figures in rows[1:] if "search" in figures]
    print(
        f"search, opening it and a first query: {kb(min(searched))} to {kb(max(searched))} "
        f"(aim: at most {kb(SEARCH_AIM)})"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())

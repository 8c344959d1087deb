"""`make preview`: an author's fast preview of one language (and, optionally, one module).

It writes a configuration beside the site's mkdocs.yml that INHERITs it and changes only what is
built: the source language and the one asked for (mkdocs-static-i18n always builds the source
language, which every page falls back to), and the modules. Its build folders are under build/, so
a preview and `make serve` of the whole site can run side by side. Nothing else differs from the
real site: the same checks, templates and pages.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from curriculum.settings import plugin_entries, read_config

CONFIG_NAME = ".preview.mkdocs.yml"
DOCS_DIR = "build/preview-src"
SITE_DIR = "build/preview-site"


def write_config(site_config: Path, lang: str | None, module: str | None) -> Path:
    """The preview's configuration, beside `site_config` (which it INHERITs); its path."""
    site_config = site_config.resolve()
    data, _ = read_config(site_config)
    i18n = plugin_entries(data).get("i18n", ("i18n", {}))[1]
    languages: list[dict[str, Any]] = [dict(entry) for entry in i18n.get("languages") or []]
    codes = [str(entry.get("locale")) for entry in languages]
    default = next((e for e in languages if e.get("default")), languages[0] if languages else {})
    if lang is not None and lang not in codes:
        raise SystemExit(f"preview: '{lang}' is not a language of the site: use one of {codes}")
    chosen = [e for e in languages if e is default or (lang is not None and e["locale"] == lang)]
    curriculum: dict[str, Any] = {}
    if module is not None:
        # Only this module; programmes would name the others.
        curriculum = {"modules": [module], "programmes": []}
    config = {
        "INHERIT": site_config.name,
        "docs_dir": DOCS_DIR,
        "site_dir": SITE_DIR,
        "plugins": {
            "curriculum": curriculum,
            "i18n": {"languages": [{**e, "build": True} for e in chosen]},
        },
    }
    target = site_config.with_name(CONFIG_NAME)
    header = "# Written by `make preview` (plugins/curriculum_mkdocs/preview.py); not committed.\n"
    target.write_text(header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    (target.parent / DOCS_DIR).mkdir(parents=True, exist_ok=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="preview", description="Serve one language, and optionally one module, for an author."
    )
    parser.add_argument("--lang", help="the language to see beside the source language, e.g. fr")
    parser.add_argument("--module", help="only this module, e.g. javascript")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--dev-addr", default="localhost:8000")
    parser.add_argument(
        "--build", action="store_true", help="build once into build/preview-site, do not serve"
    )
    args = parser.parse_args(argv)
    config = write_config(args.config, args.lang or None, args.module or None)
    command = [sys.executable, "-m", "mkdocs"]
    if args.build:
        command += ["build", "-f", str(config)]
    else:
        command += ["serve", "-f", str(config), "--dev-addr", args.dev_addr]
    return subprocess.call(command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

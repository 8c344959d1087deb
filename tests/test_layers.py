"""The core knows nothing of MkDocs: replacing the site generator means replacing the thin layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "plugins" / "curriculum"


def test_core_imports_no_mkdocs() -> None:
    modules = sorted(f"curriculum.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")
    code = (
        f"import sys, importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('mkdocs', 'material', 'mkdocs_static_i18n', 'curriculum_mkdocs'))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_imports_no_rendering_libraries() -> None:
    # `curriculum check` must start fast: it loads and validates, and renders nothing.
    code = (
        "import sys\nfrom curriculum.cli import main\n"
        "sys.argv = ['curriculum', '--config', 'missing.yml', 'check']\n"
        "try: main()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('jinja2', 'babel', 'nh3', 'markdown') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("[]"), result.stdout + result.stderr


def test_right_to_left_pages_keep_code_left_to_right() -> None:
    css = (CORE.parents[1] / "overrides/assets/stylesheets/curriculum.css").read_text()
    assert '[dir="rtl"] .md-typeset code' in css and "direction: ltr" in css
    main = (CORE.parents[1] / "overrides/main.html").read_text()
    assert "assets/stylesheets/curriculum.css" in main and "{{ super() }}" in main

"""The core knows nothing of MkDocs: replacing the site generator means replacing the thin layer."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "plugins" / "curriculum"


def _name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(_name(p) for p in CORE.rglob("*.py"))


def test_core_imports_no_mkdocs() -> None:
    modules = MODULES
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
    css = (
        CORE.parents[1] / "plugins/curriculum_mkdocs/theme/assets/stylesheets/curriculum.css"
    ).read_text()
    assert '[dir="rtl"] .md-typeset code' in css and "direction: ltr" in css
    main = (CORE.parents[1] / "plugins/curriculum_mkdocs/theme/curriculum.html").read_text()
    assert "assets/stylesheets/curriculum.css" in main and "{{ super() }}" in main


def _imports(path: Path) -> set[str]:
    """Modules of the core that `path` imports when it is imported (not inside functions, not
    for type checking only)."""
    name = _name(path)
    package = name if path.stem == "__init__" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else node.module or base
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in MODULES and m != name}


def test_no_import_cycle_in_the_core() -> None:
    graph = {_name(p): _imports(p) for p in CORE.rglob("*.py")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_every_module_of_the_core_can_be_read_in_one_sitting() -> None:
    long = {
        _name(p): n
        for p in CORE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long

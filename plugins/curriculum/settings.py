"""The site's settings, read from its mkdocs.yml (and the files it INHERITs) without MkDocs.

One reader for the build and the `curriculum` command: the languages of the i18n plugin and the
options of the `curriculum` plugin, every option placed by file and line so that a mistake in a
partner's configuration is reported where it was made. MkDocs merges an inherited file the same way
(mergedeep: mappings merged key by key, anything else replaced), which is why our mkdocs.yml lists
its plugins as a mapping: a partner's file changes one option without repeating the others.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .problems import CurriculumError, Problem
from .sources import Roots

PLUGIN = "curriculum"


class Options(BaseModel):
    """The `curriculum` plugin's options in mkdocs.yml (all optional)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    upstream: str | None = Field(
        None,
        description="A partner site: the folder of the open curriculum it adapts (a git "
        "submodule or subtree), relative to this mkdocs.yml. Its modules, programmes and pages "
        "are read first, the site's own after them.",
    )
    modules: list[str] | None = Field(
        None,
        description="The modules the site holds, by id. Default: the modules its programmes "
        "teach, and every module of the site's own folder.",
    )
    programmes: list[str] | None = Field(
        None,
        description="The programmes the site holds, by id. Default: every programme found.",
    )
    replace: list[str] = Field(
        default_factory=list,
        description="What the site replaces on purpose, by its path in the upstream folder: "
        "`modules/<id>`, `curriculum/pages/<page>.md`, `curriculum/programmes/<id>.yml`. Any "
        "other file or module with the path of an upstream one is an error.",
    )
    edit_base: str | None = Field(
        None,
        description="Where the site's own files are edited, such as "
        'https://github.com/OWNER/REPO/edit/main/ ("Edit this page" leads there; none if absent). '
        "On a partner's site, upstream's files keep upstream's own edit_base.",
    )
    jobs: int = Field(
        0,
        ge=0,
        description="How many processes build the site's languages at once (0: one per core; "
        "1: one after another). The site is the same, byte for byte. The CURRICULUM_JOBS "
        "environment variable overrides it.",
    )
    page_seconds: float = Field(
        10,
        ge=0,
        description="Longest time one page may take to render before the build stops (0: no "
        "limit). Real pages take milliseconds.",
    )


@dataclass(frozen=True)
class Settings:
    """Everything the core needs to know about the site it builds."""

    config_file: Path
    roots: Roots
    """Upstream first (if any), the site's own folder last."""
    languages: tuple[str, ...]
    default_language: str
    options: Options
    lines: dict[tuple[str, ...], tuple[Path, int]]
    """Where each option was set: (file, line), by its path under the plugin's options."""
    site_url: str | None = None
    """mkdocs.yml's site_url (its !ENV default if the variable is unset)."""
    upstream_edit_base: str | None = None
    """The edit_base of the upstream curriculum's own mkdocs.yml, for its files."""
    site_names: dict[str, str] = field(default_factory=dict)
    """The site's name (the school's) by language: mkdocs.yml's site_name, and the i18n
    plugin's `site_name` of each language that has its own."""

    @classmethod
    def for_folder(
        cls, root: Path, languages: list[str] | tuple[str, ...], default: str = "en"
    ) -> Settings:
        """A site of one folder with default options (tests, and tools given a folder)."""
        root = root.resolve()
        return cls(root / "mkdocs.yml", Roots.of(root), tuple(languages), default, Options(), {})

    @property
    def site(self) -> Path:
        return self.config_file.parent

    def place(self, *key: str | int) -> tuple[str, int]:
        """(file shown from the site's folder, line) of an option, or of the plugin's entry."""
        path = tuple(str(k) for k in key)
        while path and path not in self.lines:
            path = path[:-1]
        file, line = self.lines.get(path, (self.config_file, 1))
        return shown(self.site, file), line

    def problem(self, key: tuple[str | int, ...], message: str, hint: str) -> Problem:
        file, line = self.place(*key)
        return Problem(file, line, 1, message, hint)


def shown(site: Path, path: Path) -> str:
    """A path as messages name it: from the site's folder (upstream files under its folder)."""
    return Path(os.path.relpath(path, site)).as_posix()


class _Loader(yaml.CSafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name: read them as plain values."""


def _compose(path: Path) -> yaml.Node | None:
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)


def _value(node: yaml.Node, file: Path, key: tuple[str, ...], lines: dict[Any, Any]) -> Any:
    """A node as Python values, recording the line of every key and item."""
    lines[key] = (file, node.start_mark.line + 1)
    if node.tag == "!ENV":  # !ENV [NAME, default] or !ENV NAME, as MkDocs reads it
        values = [n.value for n in node.value] if isinstance(node.value, list) else [node.value]
        for name in values[:-1] if len(values) > 1 else values:
            if name in os.environ:
                return os.environ[name]
        return values[-1] if len(values) > 1 else None
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for k, v in node.value:
            name = str(k.value)
            out[name] = _value(v, file, (*key, name), lines)
            lines[(*key, name)] = (file, k.start_mark.line + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_value(v, file, (*key, str(n)), lines) for n, v in enumerate(node.value)]
    if node.tag.startswith("!"):
        return node.value  # a tag such as !!python/name: is kept as its text
    return yaml.constructor.SafeConstructor().construct_object(node)


def _merge(parent: Any, child: Any) -> Any:
    """MkDocs' INHERIT: mappings merged key by key, anything else replaced by the child's."""
    if isinstance(parent, dict) and isinstance(child, dict):
        out = dict(parent)
        for key, value in child.items():
            out[key] = _merge(parent.get(key), value) if key in parent else value
        return out
    return child


def _problem(file: Path, line: int, message: str, hint: str) -> CurriculumError:
    return CurriculumError([Problem(file.name, line, 1, message, hint)])


def read_config(config_file: Path) -> tuple[dict[str, Any], dict[tuple[str, ...], Any]]:
    """mkdocs.yml with its INHERIT chain merged, and where each key was set."""
    chain: list[Path] = []
    path = config_file.resolve()
    data: Any = {}
    lines: dict[tuple[str, ...], Any] = {}
    layers: list[tuple[Any, dict[tuple[str, ...], Any]]] = []
    while True:
        if path in chain:
            raise _problem(config_file, 1, "INHERIT goes round in a circle", "remove one INHERIT")
        chain.append(path)
        try:
            node = _compose(path)
        except OSError:
            raise _problem(
                path,
                1,
                "cannot read the site configuration",
                "run this in the folder that holds mkdocs.yml, or pass --config",
            ) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise _problem(
                path, mark.line + 1 if mark else 1, f"not valid YAML: {exc}", "fix the YAML"
            ) from None
        layer_lines: dict[tuple[str, ...], Any] = {}
        value = _value(node, path, (), layer_lines) if node is not None else {}
        if not isinstance(value, dict):
            raise _problem(path, 1, "the configuration is not a mapping", "fix the YAML")
        layers.append((value, layer_lines))
        parent = value.get("INHERIT")
        if not parent:
            break
        path = (path.parent / str(parent)).resolve()
        if not path.is_file():
            file, line = layer_lines[("INHERIT",)]
            raise _problem(
                file,
                line,
                f"INHERIT names '{parent}', which does not exist",
                "give the path of the upstream mkdocs.yml from this file's folder",
            )
    for value, layer_lines in reversed(layers):  # the furthest parent first
        data = _merge(data, {k: v for k, v in value.items() if k != "INHERIT"})
        lines.update(layer_lines)
    return data, lines


def plugin_entries(data: dict[str, Any]) -> dict[str, tuple[str, Any]]:
    """Plugins by name, with their options and the key path of their entry (list or mapping)."""
    found: dict[str, tuple[str, Any]] = {}
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        return {name: (name, options or {}) for name, options in plugins.items()}
    for n, entry in enumerate(plugins):
        if isinstance(entry, dict):
            for name, options in entry.items():
                found[name] = (f"{n}.{name}", options or {})
        else:
            found[str(entry)] = (str(n), {})
    return found


def load(config_file: Path) -> Settings:
    """The settings of the site whose configuration is `config_file`; CurriculumError if wrong."""
    config_file = config_file.resolve()
    data, all_lines = read_config(config_file)
    plugins = plugin_entries(data)
    if "i18n" not in plugins:
        raise _problem(
            config_file,
            1,
            "mkdocs.yml has no i18n plugin with languages",
            "add the i18n plugin (mkdocs-static-i18n) with its languages",
        )
    languages = plugins["i18n"][1].get("languages") or []
    built = tuple(str(lang["locale"]) for lang in languages if lang.get("build", True))
    default = next((str(lang["locale"]) for lang in languages if lang.get("default")), "en")
    key, raw = plugins.get(PLUGIN, (PLUGIN, {}))
    prefix = ("plugins", *key.split("."))
    lines = {k[len(prefix) :]: v for k, v in all_lines.items() if k[: len(prefix)] == prefix}
    try:
        options = Options.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = tuple(str(part) for part in error["loc"])
            file, line = lines.get(where, lines.get(where[:1], lines.get((), (config_file, 1))))
            problems.append(
                Problem(
                    shown(config_file.parent, file),
                    line,
                    1,
                    f"curriculum option '{'.'.join(where)}': {error['msg']}",
                    "see the options in the guide 'Adapt this curriculum for your school'",
                )
            )
        raise CurriculumError(problems) from None
    site = config_file.parent
    folders = [site]
    if options.upstream is not None:
        upstream = (site / options.upstream).resolve()
        if not (upstream / "modules").is_dir():
            file, line = lines.get(("upstream",), (config_file, 1))
            raise CurriculumError(
                [
                    Problem(
                        shown(site, file),
                        line,
                        1,
                        f"upstream folder '{options.upstream}' holds no modules/ folder",
                        "give the path of the open curriculum's folder from this file's folder "
                        "(after `git submodule update --init` if it is a submodule)",
                    )
                ]
            )
        folders.insert(0, upstream)
    site_url = data.get("site_url")
    upstream_edit: str | None = None
    if len(folders) > 1 and (folders[0] / "mkdocs.yml").is_file():
        upstream_data, _ = read_config(folders[0] / "mkdocs.yml")
        found = plugin_entries(upstream_data).get(PLUGIN, ("", {}))[1].get("edit_base")
        upstream_edit = str(found) if found else None
    names = {lang: str(data["site_name"]) for lang in built if data.get("site_name")}
    names |= {
        str(lang["locale"]): str(lang["site_name"]) for lang in languages if lang.get("site_name")
    }
    return Settings(
        config_file,
        Roots.of(*folders, site=site),
        built,
        default,
        options,
        lines,
        str(site_url) if site_url else None,
        upstream_edit,
        names,
    )

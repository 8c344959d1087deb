"""Read the site's languages from mkdocs.yml without importing MkDocs (the CLI must start fast)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import CurriculumError, Problem


class _Loader(yaml.CSafeLoader):
    """mkdocs.yml may hold tags such as !ENV or !!python/name: read them as plain values."""


def _any_tag(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_Loader.add_multi_constructor("", _any_tag)


def site_languages(config_file: Path) -> tuple[list[str], str]:
    """(languages built, default language) from the i18n plugin of mkdocs.yml."""
    where = config_file.name
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except OSError:
        raise CurriculumError(
            [
                Problem(
                    where,
                    1,
                    1,
                    "cannot read the site configuration",
                    "run this in the folder that holds mkdocs.yml, or pass --config",
                )
            ]
        ) from None
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or []
            built = [lang["locale"] for lang in languages if lang.get("build", True)]
            default = next((lang["locale"] for lang in languages if lang.get("default")), "en")
            return built, default
    raise CurriculumError(
        [
            Problem(
                where,
                1,
                1,
                "mkdocs.yml has no i18n plugin with languages",
                "add the i18n plugin (mkdocs-static-i18n) with its languages",
            )
        ]
    )

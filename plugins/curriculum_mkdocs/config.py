"""Options of the `curriculum` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CurriculumConfig(base.Config):
    root = c.Optional(c.Dir(exists=True))
    """Top folder of the curriculum sources (holding `modules/` and `curriculum/`).

    Defaults to the folder of mkdocs.yml. `docs_dir` must be a separate, build-owned folder: the
    plugin fills it with the generated and hand-written pages on every build.
    """

    page_seconds = c.Type((int, float), default=10)
    """Longest time one page may take to render before the build stops, naming it (0: no limit).

    Real pages take milliseconds; the limit stops Markdown that would keep the build busy for
    hours.
    """

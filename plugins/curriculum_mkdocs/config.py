"""Options of the `curriculum` MkDocs plugin.

MkDocs needs them declared; their meaning and validation live in the core
(`curriculum.settings.Options`), which reads them from mkdocs.yml for the build and the
`curriculum` command alike, with the line of each mistake.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CurriculumConfig(base.Config):
    upstream = c.Optional(c.Type(str))
    """A partner site: the folder of the open curriculum it adapts, from this mkdocs.yml."""

    modules = c.Optional(c.Type(list))
    """The modules the site holds, by id (default: those its programmes teach, and its own)."""

    programmes = c.Optional(c.Type(list))
    """The programmes the site holds, by id (default: every programme found)."""

    replace = c.Type(list, default=[])
    """Upstream modules, pages and programmes the site replaces on purpose, by path."""

    edit_base = c.Optional(c.Type(str))
    """Where the site's own files are edited (https://github.com/OWNER/REPO/edit/main/)."""

    jobs = c.Type(int, default=0)
    """How many processes build the site's languages at once (0: one per core; 1: one after
    another). The site is the same, byte for byte. The CURRICULUM_JOBS variable overrides it."""

    page_seconds = c.Type((int, float), default=10)
    """Longest time one page may take to render before the build stops, naming it (0: no limit).

    Real pages take milliseconds; the limit stops Markdown that would keep the build busy for
    hours.
    """

"""Where each generated page lives in the build folder (and on the site)."""

from __future__ import annotations

from ..loaded import Week

TRANSLATE_GUIDE = "guide/translating.md"
MODULES_INDEX = "modules/index.md"
PROGRAMMES_INDEX = "programmes/index.md"


def module_page(module_id: str) -> str:
    return f"modules/{module_id}/index.md"


def week_page(week: Week, kind: str) -> str:
    name = "index" if kind == "prep" else kind
    return f"modules/{week.module_id}/{week.folder}/{name}.md"


def programme_page(programme_id: str) -> str:
    return f"programmes/{programme_id}.md"


def wall_chart_page(programme_id: str) -> str:
    """The whole cohort on one printable table, for the coordinator's wall and the coaches."""
    return f"programmes/{programme_id}/wall-chart.md"


def skills_record_page(programme_id: str) -> str:
    """What a trainee of the programme can show an employer: the "I can" they ticked."""
    return f"programmes/{programme_id}/skills-record.md"


def programme_calendar_file(programme_id: str, suffix: str = "") -> str:
    """The programme's sessions for calendar apps, beside its page (`.fr` etc. in `suffix`)."""
    return f"programmes/{programme_id}{suffix}.ics"


def programme_sessions_file(programme_id: str, suffix: str = "") -> str:
    """The programme's dated sessions for the trainee's browser ("this week", "what I missed")."""
    return f"programmes/{programme_id}/sessions{suffix}.json"


def module_extra_page(module_id: str, stem: str) -> str:
    """`self-evaluation` or `workshop` of a module."""
    return f"modules/{module_id}/{stem}.md"


GLOSSARY_PAGE = "glossary/index.md"
TRANSLATION_STATUS = "translations/index.md"
"""For translators: what is outdated or missing in each language."""


def page_url(src: str) -> str:
    """The address of page `src` within its language's folder: `modules/x/week-01/`."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def source_language_href(src: str) -> str:
    """From page `src` in another language (`fr/...`) to the same page in the source language."""
    url = page_url(src)
    return "../" * (1 + url.count("/")) + url


def term_anchor(term_id: str) -> str:
    return f"term-{term_id}"


OFFLINE_PAGE = "offline/index.md"
# The list of one language's files for offline reading, written by the build at the language's root.
OFFLINE_MANIFEST = "offline-{lang}.json"

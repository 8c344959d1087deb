"""Reading `curriculum/catalog/<lang>.yml`: interface strings a site changes or adds.

A partner names only the keys it changes (or every key, for a language we do not ship). Each key
must exist in the English catalog, with the same {placeholders}, except the name of a track of
the site's own (`track_<id>`); a string is plain text. A key we
rename or remove upstream is then an error in the partner's file, not a string silently ignored.
"""

from __future__ import annotations

import difflib
import re

from ..i18n import english_strings
from ..layers import CATALOG_DIR, Layered
from ..problems import Problem
from .files import read_yaml

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load_catalogs(
    layered: Layered, languages: list[str], problems: list[Problem]
) -> dict[str, dict[str, str]]:
    """Language -> key -> string, the later folders' strings over the earlier ones'."""
    english = english_strings()
    strings: dict[str, dict[str, str]] = {}
    for rel, roots in sorted(layered.merged.items()):
        if not rel.startswith(CATALOG_DIR + "/"):
            continue
        lang = rel.removeprefix(CATALOG_DIR + "/").removesuffix(".yml")
        if "/" in lang or not rel.endswith(".yml"):
            problems.append(
                Problem(rel, 1, 1, "not an interface catalog", f"name it {CATALOG_DIR}/<lang>.yml")
            )
            continue
        if lang not in languages:
            continue  # a language this site does not build
        for root in roots:
            located = read_yaml(root, root / rel, problems)
            if located is None:
                continue
            for key, value in located.data.items():
                own_track = re.fullmatch(r"track_[a-z0-9]+(-[a-z0-9]+)*", str(key))
                if key not in english and not own_track:
                    close = difflib.get_close_matches(str(key), list(english), n=1)
                    problems.append(
                        located.problem(
                            (key,),
                            f"interface string '{key}' does not exist (renamed or removed "
                            "upstream?)",
                            f"did you mean '{close[0]}'?" if close else "remove this line",
                            key=True,
                        )
                    )
                    continue
                if not isinstance(value, str) or not value.strip():
                    problems.append(located.problem((key,), "expected a text", "give the string"))
                    continue
                if "<" in value or ">" in value:
                    problems.append(
                        located.problem(
                            (key,),
                            "an interface string is plain text, without < or >",
                            "remove the HTML; the page's layout is in the templates",
                        )
                    )
                    continue
                wanted = set(_PLACEHOLDER.findall(english.get(key, "")))
                if set(_PLACEHOLDER.findall(value)) != wanted:
                    names = ", ".join(f"{{{n}}}" for n in sorted(wanted)) or "none"
                    problems.append(
                        located.problem(
                            (key,),
                            f"the string must keep the placeholders of the English one: {names}",
                            f"English: {english.get(key, '')}",
                        )
                    )
                    continue
                strings.setdefault(lang, {})[str(key)] = value
    return strings

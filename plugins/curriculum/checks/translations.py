"""Translations against their source: every translated list has as many entries as the source's,
and translated item ids exist.

The count rule is derived from the models, not written per kind: every list field of a
translation's model is compared with the field of the same name in the source. A new kind of file,
or a new list in a model, is checked without a line here.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pydantic import BaseModel

from ..loaded import Curriculum, Doc, Week
from ..problems import Problem
from ..yamlsafe import Located

_WORDS = {"blocks": "block titles", "closing": "closing sessions"}
"""How a list is named in messages, where its field name would not read well."""


def check_translations(cur: Curriculum) -> list[Problem]:
    out: list[Problem] = []
    for source, translation, located in _pairs(cur):
        out.extend(list_counts(source, translation, located))
    for week in _weeks(cur):
        for docs in week.translations.values():
            if "prep" in docs:
                out.extend(_item_ids(week, docs["prep"]))
    return out


def list_counts(source: BaseModel, translation: BaseModel, located: Located) -> list[Problem]:
    """A problem for every list of `translation` whose length differs from the source's."""
    out = []
    for name, info in type(translation).model_fields.items():
        translated, original = getattr(translation, name), getattr(source, name, None)
        if not isinstance(translated, list) or not isinstance(original, list):
            continue
        if len(translated) != len(original):
            what = _WORDS.get(name, name)
            out.append(
                located.problem(
                    (info.alias or name,),
                    f"{len(translated)} {what} translated, the English has {len(original)}",
                    f"translate each of the {what} once, in the same order",
                )
            )
    return out


def _weeks(cur: Curriculum) -> Iterator[Week]:
    for module in cur.modules.values():
        yield from module.weeks
    for weeks in cur.broken.values():
        yield from weeks


def _pairs(cur: Curriculum) -> Iterator[tuple[BaseModel, BaseModel, Located]]:
    """(source metadata, translated metadata, where the translation was read) of every file."""
    for module in cur.modules.values():
        for lang, tr in module.translations.items():
            yield module.meta, tr, module.translations_located[lang]
        pages = module.extra_pages()
        for docs in module.page_translations.values():
            for stem, doc in docs.items():
                if stem in pages:
                    yield pages[stem].meta, doc.meta, doc.located
    for week in _weeks(cur):
        for docs in week.translations.values():
            for stem, doc in docs.items():
                source: Doc = getattr(week, stem)
                yield source.meta, doc.meta, doc.located
    for prog in cur.programmes:
        for lang, ptr in prog.translations.items():
            yield prog.meta, ptr, prog.translations_located[lang]


def _item_ids(week: Week, tr: Doc) -> list[Problem]:
    out = []
    for key in tr.meta.prep or {}:
        if key not in week.item_ids:
            close = difflib.get_close_matches(key, week.item_ids, n=1)
            out.append(
                tr.located.problem(
                    ("prep", key),
                    f"no item with id '{key}' in prep.md",
                    f"did you mean '{close[0]}'?"
                    if close
                    else "item ids are: " + ", ".join(week.item_ids),
                    key=True,
                )
            )
    return out

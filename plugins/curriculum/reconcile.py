"""The build's side of translation drift (drift.py): every translation's state recorded, warnings
for those not stamped, and the English where an outdated translation no longer fits its source."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import filecache
from .drift import PART_NAMES, Drift, Memo, Pair, drift_of, module_pairs, other_pairs
from .loaded import Curriculum, LoadedModule
from .problems import Problem


def reconcile(cur: Curriculum) -> list[Problem]:
    """Record every translation's state in `cur.drift`, and repair outdated translations so that
    the checks accept them: a list whose length no longer matches the English's, an item or a term
    the English no longer has, is left out, and the reader sees the English for it.

    Returns warnings: translations that have no `translated_from:`. A module kept whole by the
    check's store (`LoadedModule.kept`) keeps its translations' states there too, unless one is
    outdated (its repair changes the module)."""
    warnings: list[Problem] = []
    memo: Memo = {}
    cache = filecache.current()
    for module in cur.modules.values():
        key = ("translations", module.kept)
        found, kept = cache.lookup(key) if cache and module.kept else (False, ((), []))
        if found and not any(state.outdated for state in kept[0]):
            cur.drift.update((state.path, state) for state in kept[0])
            warnings.extend(kept[1])
            continue
        states, unstamped = _reconciled(cur, module, memo)
        if cache and module.kept and not found:
            cache.put(key, (states, unstamped))
        warnings.extend(unstamped)
    warnings.extend(_reconcile(cur, other_pairs(cur, memo)))
    return warnings


def _reconciled(
    cur: Curriculum, module: LoadedModule, memo: Memo
) -> tuple[list[Drift], list[Problem]]:
    """The states of a module's translations, recorded and repaired, and its warnings."""
    found = list(module_pairs(module, memo))
    warnings = _reconcile(cur, iter(found))
    return [cur.drift[pair.path] for pair in found], warnings


def _reconcile(cur: Curriculum, found: Iterator[Pair]) -> list[Problem]:
    warnings = []
    for pair in found:
        state = drift_of(pair)
        cur.drift[pair.path] = state
        if not state.stamped:
            warnings.append(
                pair.located.problem(
                    (),
                    "this translation does not say which English it was made from, so nobody "
                    "will be told when the English changes",
                    f"check it against {pair.source}, then run `curriculum translated {pair.path}`",
                )
            )
        elif state.outdated:
            _repair(cur, pair, state)
    return warnings


def _repair(cur: Curriculum, pair: Pair, state: Drift) -> None:
    if pair.kind == "glossary":
        module = cur.modules[pair.source.split("/")[1]]
        known = module.terms()
        pair.located.data = {k: v for k, v in pair.located.data.items() if k in known}
        return
    if pair.meta is None or pair.replace is None:
        return
    update: dict[str, Any] = {}
    for name, length in pair.lists.items():
        value = getattr(pair.meta, name, None)
        changed = PART_NAMES.get(name, name) in state.changed
        if changed and value is not None and len(value) != length:
            update[name] = None
    if "items" in state.changed and getattr(pair.meta, "prep", None):
        week_items = _item_ids(cur, pair.source)
        kept = {k: v for k, v in pair.meta.prep.items() if k in week_items}
        if len(kept) != len(pair.meta.prep):
            update["prep"] = kept or None
    if update:
        pair.replace(pair.meta.model_copy(update=update))


def _item_ids(cur: Curriculum, source: str) -> list[str]:
    parts = source.split("/")
    module = cur.modules.get(parts[1]) if len(parts) > 3 else None
    for week in module.weeks if module else ():
        if week.folder == parts[2]:
            return week.item_ids
    return []

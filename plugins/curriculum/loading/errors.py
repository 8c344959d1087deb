"""Pydantic's validation errors as problems a contributor can act on: the place, in words, and a
hint (a close key, the right form of a number, the allowed values)."""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..problems import Problem
from ..yamlsafe import Located

M = TypeVar("M", bound=BaseModel)


def _hint(err: ErrorDetails, cls: type[BaseModel], fields: list[str]) -> str:
    kind, value = err["type"], err.get("input")
    name = str(err["loc"][-1]) if err["loc"] else ""
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
        known = ", ".join(fields)
        return f"did you mean '{close[0]}'?" if close else f"known keys are: {known}"
    if kind == "missing":
        info = cls.model_fields.get(name)
        return (
            f"add `{name}:` ({info.description})" if info and info.description else f"add `{name}:`"
        )
    if kind.startswith("int") and isinstance(value, str):
        if re.fullmatch(r"\d+:\d\d", value):
            h, m = value.split(":")
            return f"write a whole number of minutes, e.g. {int(h) * 60 + int(m)} for {value}"
        if re.fullmatch(r"[-+]?0\d+", value):
            return f"write {int(value)} without leading zeros"
        if re.fullmatch(r"[-+]?\d+", value):
            return "remove the quotes around the number"
        return "write a whole number"
    if kind == "bool_type":
        return "write true or false (not yes/no/on/off)"
    if kind == "string_type":
        return "put the value in quotes to make it text"
    if kind == "list_type":
        return "write a list, one item per line starting with '- '"
    if kind in ("dict_type", "model_type"):
        return "write `key: value` pairs indented under this key"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']+)'", err["msg"])
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        return f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(allowed)
    if kind == "string_pattern_mismatch":
        info = cls.model_fields.get(name)
        if name == "id" or info is None or not info.description:
            return "use lower-case letters, digits and single hyphens, e.g. intro-to-coding"
        return info.description
    if kind == "too_short":
        return "add at least one entry"
    if kind in ("string_too_short",):
        return "write some text; empty values are not allowed"
    if kind in ("greater_than", "less_than_equal"):
        return "use a positive whole number of minutes, at most a day" if "minutes" in name else ""
    return ""


_PLAIN = {
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "bool_type": "expected true or false",
    "string_type": "expected text",
    "list_type": "expected a list",
    "dict_type": "expected `key: value` pairs",
    "model_type": "expected `key: value` pairs",
    "literal_error": "not an allowed value",
    "string_pattern_mismatch": "not in the expected form",
    "date_from_datetime_parsing": "expected a date as YYYY-MM-DD",
    "date_parsing": "expected a date as YYYY-MM-DD",
    "date_type": "expected a date as YYYY-MM-DD",
}


def _where(loc: tuple[int | str, ...]) -> str:
    """('prep', 3, 'optional') -> 'prep item 4, optional': positions counted from 1."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int) and parts:
            parts[-1] += f" item {part + 1}"
        else:
            parts.append(str(part))
    return ", ".join(parts)


def _shown(value: Any) -> str:
    """A contributor's value quoted in a message, cut short if long."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _message(err: ErrorDetails) -> str:
    loc = _where(err["loc"])
    kind = err["type"]
    if err["loc"] and err["loc"][-1] == "[key]":
        return f"'{err['loc'][-2]}' is not a valid id"
    if kind == "extra_forbidden":
        return f"unknown key '{err['loc'][-1]}'"
    if kind == "missing":
        return f"missing required key '{err['loc'][-1]}'"
    if kind.startswith("date"):
        return f"{loc}: expected a date as YYYY-MM-DD, got {_shown(err.get('input'))}"
    if kind in _PLAIN:
        msg = f"{_PLAIN[kind]}, got {_shown(err.get('input'))}"
    else:
        msg = err["msg"].removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


def validate_model(
    cls: type[M], located: Located, problems: list[Problem], base: tuple[str | int, ...] = ()
) -> M | None:
    """Validate located data against a model; turn each error into a placed problem."""
    data = located.data
    for part in base:
        data = data[part]
    if data is None:
        data = {}
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err["loc"]
            on_key = err["type"] == "extra_forbidden" or (bool(loc) and loc[-1] == "[key]")
            if loc and loc[-1] == "[key]":
                loc = loc[:-1]  # a mapping key that is not a valid id: point at the key
            sub = _submodel(cls, err["loc"])
            fields = [info.alias or name for name, info in sub.model_fields.items()] if sub else []
            problems.append(
                located.problem(
                    (*base, *loc), _message(err), _hint(err, sub or cls, fields), key=on_key
                )
            )
        return None


def _submodel(cls: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last element of `loc` (for hints about its fields)."""
    current: Any = cls
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = current.model_fields if hasattr(current, "model_fields") else {}
        info = fields.get(part)
        if info is None and "root" in fields:
            info = fields["root"]  # a RootModel of a mapping: `part` is one of its keys
        if info is None:
            return None
        ann = info.annotation
        args = getattr(ann, "__args__", ())
        candidates = [ann, *args]
        current = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None

"""Moves the clock of a Python process by CURRICULUM_CLOCK_SHIFT_DAYS (tests of reproducible
builds): on the path of a subprocess only, before anything else is imported."""

from __future__ import annotations

import datetime as _dt
import os
import time as _time

_SHIFT = float(os.environ.get("CURRICULUM_CLOCK_SHIFT_DAYS", "0")) * 86400

if _SHIFT:
    _real_time, _real_time_ns = _time.time, _time.time_ns
    _time.time = lambda: _real_time() + _SHIFT
    _time.time_ns = lambda: _real_time_ns() + int(_SHIFT * 1e9)

    _RealDate, _RealDateTime = _dt.date, _dt.datetime

    class _DateMeta(type):
        # Dates made by C code (pydantic, the parser) are real dates: they still count as dates.
        def __instancecheck__(cls, obj: object) -> bool:
            return isinstance(obj, _RealDate)

    class _DateTimeMeta(type):
        def __instancecheck__(cls, obj: object) -> bool:
            return isinstance(obj, _RealDateTime)

    class _DateTime(_dt.datetime, metaclass=_DateTimeMeta):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return cls.fromtimestamp(_time.time(), tz)

        @classmethod
        def utcnow(cls):  # type: ignore[no-untyped-def, override]
            return cls.fromtimestamp(_time.time(), _dt.UTC).replace(tzinfo=None)

        @classmethod
        def today(cls):  # type: ignore[no-untyped-def, override]
            return cls.fromtimestamp(_time.time())

    class _Date(_dt.date, metaclass=_DateMeta):
        @classmethod
        def today(cls):  # type: ignore[no-untyped-def, override]
            return cls.fromtimestamp(_time.time())

    _dt.datetime = _DateTime  # type: ignore[misc]
    _dt.date = _Date  # type: ignore[misc]

"""When an English file last changed, from git: the date a translation's page shows beside its
notice that the English has changed since it was translated (see drift.py)."""

from __future__ import annotations

import subprocess

from .loaded import Curriculum


def english_date(cur: Curriculum, source: str) -> str | None:
    """The day the English file was last committed (YYYY-MM-DD), or None outside a git repository.

    In a shallow clone that is the day of the newest commit: the English changed then or before."""
    cache: dict[str, str | None] = cur.cache.setdefault("english_dates", {})
    if source not in cache:
        found: str
        root = (cur.layered.root(source) if cur.layered else cur.root).resolve()
        try:
            done = subprocess.run(
                ["git", "-C", str(root), "log", "-1", "--format=%cs", "--", source],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            found = done.stdout.strip() if done.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            found = ""
        cache[source] = found if len(found) == 10 else None
    return cache[source]

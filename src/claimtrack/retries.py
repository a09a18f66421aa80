"""Sources to extract again: those on which an extractor failed.

An extractor that runs out of time (or raises) on a source leaves the source stored
with what the other extractors found, and a row in ``extraction_failures`` naming the
extractor.  The next ``add`` of that source does not skip it as already stored: it is
extracted again, and the row goes once the extractor succeeds on it.  The row is
written before the source and removed after it, so a run killed in between errs on
the side of one more try.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timezone
from typing import Protocol

from .errors import PluginError

__all__ = ["clear", "failed_extractors", "record"]


class _Store(Protocol):
    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]: ...

    def write(self, sql: str, rows: Iterable[tuple[object, ...]]) -> None: ...


def failed_extractors(store: _Store, source_id: str) -> dict[str, str]:
    """The extractors that failed on this stored source, with what went wrong."""
    rows = store.read(
        "SELECT extractor, problem FROM extraction_failures WHERE source_id = ?", (source_id,)
    )
    return {str(name): str(problem) for name, problem in rows}


def record(store: _Store, source_id: str, errors: Iterable[PluginError]) -> None:
    """Note that these extractors failed on the source (their latest problem kept)."""
    now = datetime.now(timezone.utc).isoformat()
    rows = {e.plugin: (source_id, e.plugin, e.problem, now) for e in errors}
    if rows:
        store.write(
            "INSERT INTO extraction_failures (source_id, extractor, problem, failed_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (source_id, extractor) DO UPDATE SET"
            " problem = excluded.problem, failed_at = excluded.failed_at",
            rows.values(),
        )


def clear(store: _Store, source_id: str, extractors: Collection[str]) -> None:
    """Forget the failures of these extractors on the source (they succeeded)."""
    if extractors:
        store.write(
            "DELETE FROM extraction_failures WHERE source_id = ? AND extractor = ?",
            ((source_id, name) for name in extractors),
        )

"""The connection the store's SQL runs on, as a protocol both engines satisfy.

:mod:`sqlite3` connections satisfy it as they are; :class:`claimtrack.store_pg.PgConnection`
wraps a psycopg connection so that the same SQL text (SQLite's spelling, in the subset
both engines share) runs on PostgreSQL: :func:`claimtrack.store_pg.pg_sql` rewrites the
few spellings that differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

__all__ = ["Conn", "Cursor"]


class Cursor(Protocol):
    """The rows of one statement."""

    @property
    def lastrowid(self) -> int | None: ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """What the store's SQL needs of a connection."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def close(self) -> None: ...

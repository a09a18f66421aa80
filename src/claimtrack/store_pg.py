"""The ledger on a PostgreSQL server, for a desk that shares one (``--db postgresql://…``).

The store's SQL is written once, in the subset SQLite and PostgreSQL share
(:class:`claimtrack.store.SQLStore`); :func:`pg_sql` rewrites the few spellings that
differ (placeholders, SQLite's JSON functions, ``INSERT OR IGNORE``, ``IS ?``).  The
schema is PostgreSQL's own (:mod:`claimtrack.migrations_pg`: ``timestamptz``, ``jsonb``,
append-only triggers), under the same migration names as SQLite's.

Writers take one transaction-level advisory lock, as SQLite's ``BEGIN IMMEDIATE`` takes
the file's write lock: two people resolving the same promise at once are applied one
after the other, and neither update is lost.  Serialization failures and deadlocks the
server reports are retried; a server that cannot be reached is a :class:`StoreError`
that names it (without its password) and says what to do.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus
from psycopg.types.datetime import TimestamptzLoader
from psycopg.types.string import TextLoader

from .errors import StoreError
from .migrations import MIGRATIONS, SCHEMA_VERSION
from .migrations_pg import PG_MIGRATIONS
from .store import _STORE_ONLY_KEYS, SQLStore
from .store_conn import Conn, Cursor
from .store_status_index import refresh as refresh_status

__all__ = ["PgConnection", "PostgresStore", "pg_sql", "redact"]

T = TypeVar("T")

#: The advisory lock every claimtrack writer takes (an arbitrary constant: "ctrk").
WRITE_LOCK = 0x6374726B
_RETRIES = 10
#: Every write transaction: the writers' lock orders them, so READ COMMITTED suffices
#: and is what makes a writer see the one before it (see PostgresStore._begin).
BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED"
_RETRYABLE = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ""
    return urllib.parse.urlunsplit(parts._replace(netloc=user + host))


_JSON_EACH_PARAM = re.compile(r"json_each\(\?\)")
_JSON_EACH_PATH = re.compile(r"json_each\(([\w.]+), '\$\.(\w+)'\) (\w+)")
_JSON_EXTRACT = re.compile(r"json_extract\(([\w.]+), '\$\.(\w+)'\)")
# SQLite's "+column" (keep the planner off an index) means nothing to PostgreSQL.
_NO_INDEX = re.compile(r"(?<=[\s(])\+(?=[a-z_]+\.[a-z_]+)")
_JSON_VALID = re.compile(r"json_valid\(([\w.]+)\)")
_JSON_TYPE = re.compile(r"json_type\(([\w.]+)\)")
_JSON_REMOVE = re.compile(r"json_remove\(([\w.]+)((?:, '\$\.\w+')+)\)")
# SQLite's "INDEXED BY" (which index a join reads): PostgreSQL's planner picks its own.
_INDEXED_BY = re.compile(r" INDEXED BY \w+")
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)


@lru_cache(maxsize=512)
def pg_sql(sql: str) -> str:
    """The store's SQL (SQLite's spelling) as PostgreSQL spells it."""
    out = sql.replace("%", "%%")
    out = _JSON_EACH_PARAM.sub("jsonb_array_elements_text(?::jsonb)", out)
    out = _JSON_EACH_PATH.sub(r"jsonb_array_elements_text(\1 -> '\2') AS \3(value)", out)
    out = _JSON_EXTRACT.sub(r"(\1 ->> '\2')", out)
    out = _NO_INDEX.sub("", out)
    out = _INDEXED_BY.sub("", out)
    out = _JSON_VALID.sub(r"(\1 IS NOT NULL)", out)  # jsonb holds nothing else
    out = _JSON_TYPE.sub(r"jsonb_typeof(\1)", out)
    out = _JSON_REMOVE.sub(_json_remove, out)
    if _INSERT_OR_IGNORE.match(out):
        out = _INSERT_OR_IGNORE.sub("INSERT INTO", out) + " ON CONFLICT DO NOTHING"
    out = out.replace(" IS ?", " IS NOT DISTINCT FROM ?")
    return out.replace("?", "%s")


def _json_remove(match: re.Match[str]) -> str:
    keys = re.findall(r"'\$\.(\w+)'", match.group(2))
    return "(" + " - ".join([match.group(1), *(f"'{k}'" for k in keys)]) + ")"


_RETURNS_ID = re.compile(r"^\s*INSERT INTO (evidence|corrections) ", re.IGNORECASE)


class _IsoTimestamptz(TimestamptzLoader):
    """``timestamptz`` read back as ISO 8601 text (UTC), as the SQLite store holds times."""

    def load(self, data: Any) -> Any:
        return super().load(data).isoformat()


class _PgCursor:
    """A psycopg cursor with the ``lastrowid`` of an ``INSERT … RETURNING id``."""

    def __init__(self, cursor: psycopg.Cursor[Any], lastrowid: int | None = None) -> None:
        self._cursor = cursor
        self.lastrowid = lastrowid

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)


class PgConnection:
    """A psycopg connection that runs the store's SQL (see :func:`pg_sql`)."""

    def __init__(self, raw: psycopg.Connection[Any], where: str = "PostgreSQL") -> None:
        self.raw = raw
        self.where = where
        raw.adapters.register_loader("timestamptz", _IsoTimestamptz)
        raw.adapters.register_loader("jsonb", TextLoader)
        raw.adapters.register_loader("json", TextLoader)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
        text = pg_sql(sql)
        returns_id = _RETURNS_ID.match(text) is not None
        if returns_id:
            text += " RETURNING id"
        try:
            cursor = self.raw.cursor()
            cursor.execute(text, tuple(parameters))
        except pg_errors.OperationalError as exc:
            # A lost connection is a StoreError naming the server; what a transaction
            # retries (serialization failures, deadlocks) passes through.
            if isinstance(exc, _RETRYABLE):
                raise
            raise _store_error(self.where, exc) from exc
        if returns_id:
            row = cursor.fetchone()
            return _PgCursor(cursor, None if row is None else int(row[0]))
        return _PgCursor(cursor)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(pg_sql(sql), [tuple(p) for p in parameters])
        return _PgCursor(cursor)

    def close(self) -> None:
        self.raw.close()


def _warn_default(error: StoreError) -> None:
    warnings.warn(str(error), UserWarning, stacklevel=3)


class PostgresStore(SQLStore):
    """The ledger on a PostgreSQL server (its schema created, or migrated, on first use)."""

    path: str
    _conn: PgConnection
    keeps_time_text = False

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        warn: Callable[[StoreError], None] | None = None,
    ) -> None:
        """``url``: ``postgresql://user[:password]@host[:port]/database`` (libpq's
        URL; environment variables such as ``PGPASSWORD`` apply).  ``read_only``: every
        transaction of this connection is read-only."""
        self.url = url
        self.path = redact(url)
        self.read_only = read_only
        self.warn = warn or _warn_default
        self.damaged = {}
        try:
            raw = psycopg.connect(url, autocommit=True)
            raw.execute("SET TIME ZONE 'UTC'")
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.path}: cannot connect to the PostgreSQL server "
                f"({_first_line(exc)}); check the URL, that the server runs, and the "
                "user's password (PGPASSWORD or ~/.pgpass)"
            ) from exc
        self._conn = PgConnection(raw, self.path)
        try:
            self._retry(lambda: migrate_pg(self._conn, self.path))
            if read_only:
                self._conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        except BaseException:
            raw.close()
            raise

    # -- transactions ---------------------------------------------------------------

    def _retry(self, fn: Callable[[], T]) -> T:
        delay = 0.05
        for attempt in range(_RETRIES):
            try:
                return fn()
            except _RETRYABLE as exc:
                self._rollback()
                if attempt == _RETRIES - 1:
                    raise StoreError(
                        f"{self.path}: other writers kept conflicting with this one; try again"
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
            except psycopg.Error as exc:
                self._rollback()
                raise _store_error(self.path, exc) from exc
        raise AssertionError("unreachable")

    def _begin(self) -> None:
        # READ COMMITTED whatever the server's default: each statement then sees what
        # the writer before it committed while this one waited for the lock (under
        # REPEATABLE READ or SERIALIZABLE the snapshot would predate that commit).
        self._conn.execute(BEGIN)
        self._conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        """One write transaction, after every other claimtrack writer's: all of it
        lands, or none."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened for reading only; nothing can be written")
        self._retry(self._begin)
        try:
            yield self._conn
            refresh_status(self._conn)  # the status index of what this transaction changed
        except psycopg.Error as exc:
            self._rollback()
            raise _store_error(self.path, exc) from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self._conn.execute("COMMIT")
        except psycopg.Error as exc:
            # A failed COMMIT rolled the transaction back: it is never "retried" (a
            # second COMMIT would succeed with nothing in it).
            self._rollback()
            raise StoreError(
                f"{self.path}: the server refused to commit this write ({_first_line(exc)});"
                " nothing of it was kept; run the command again"
            ) from exc

    def _rollback(self) -> None:
        with suppress(psycopg.Error):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of one query (for modules that keep a table of their own)."""
        try:
            return super().read(sql, args)
        except psycopg.Error as exc:
            raise _store_error(self.path, exc, doing="read") from exc

    def _same_fields(self, stored: tuple[Any, ...], given: tuple[Any, ...]) -> bool:
        # timestamptz keeps the instant (not the offset it was written with) and jsonb
        # its own key order: compared as values.
        return (
            stored[:3] == given[:3]
            and stored[4] == given[4]
            and _instant(stored[3]) == _instant(given[3])
            and json.loads(stored[5]) == json.loads(given[5])
        )

    def after_copy(self, conn: Conn) -> None:
        """Rows copied in with their ids: the next id of each table follows them."""
        for table, column in (
            ("evidence", "id"),
            ("suggestions", "id"),
            ("corrections", "id"),
            ("promises", "rowid"),
        ):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                f" COALESCE(MAX({column}), 0) + 1, false) FROM {table}"
            )

    # -- what SQLite's JSON functions did ------------------------------------------

    def claim_records_json(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """Like :meth:`SQLStore.claim_records_json`, with ``jsonb`` operators."""
        wanted = list(dict.fromkeys(claim_ids))
        strip = " - ".join(f"'{key}'" for key in _STORE_ONLY_KEYS)
        sql = (
            "SELECT id, CASE WHEN jsonb_typeof(record) = 'object' AND record ->> 'id' = id"
            f" THEN ('{{\"rules\": []}}'::jsonb || ((record - {strip}) #- '{{due,reference}}'))::text"
            " END FROM claims WHERE id = ANY(%s)"
        )
        out: dict[str, str] = {}
        for i in range(0, len(wanted), 5000):
            chunk = wanted[i : i + 5000]
            out.update(self._conn.raw.execute(sql, (chunk,)).fetchall())
        for cid in [cid for cid, text in out.items() if text is None]:
            del out[cid]
            self._skip(
                cid,
                f"claim {cid}: its stored record is damaged (not a JSON claim record of this id);"
                " it was skipped",
            )
        return out


def migrate_pg(conn: PgConnection, where: str) -> list[str]:
    """Apply the migrations the database lacks (one transaction each, under the writers'
    lock); return their names.  A database written by a newer claimtrack is refused."""
    known = [m.__name__ for m in MIGRATIONS]
    if known != [m.__name__ for m in PG_MIGRATIONS]:
        raise AssertionError("the PostgreSQL migrations must match SQLite's")
    applied: list[str] = []
    conn.execute(BEGIN)
    try:
        conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY,"
            " applied_at TIMESTAMPTZ NOT NULL)"
        )
        done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
        unknown = done - set(known)
        if unknown:
            raise StoreError(
                f"{where}: this store was written by a newer claimtrack (migrations "
                f"{', '.join(sorted(unknown))}); upgrade claimtrack (pip install -U claimtrack) "
                "to use it. It was not changed"
            )
        if done == set(known):
            conn.execute("COMMIT")
            return applied
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
        if not done and tables - {"_migrations"}:
            raise StoreError(
                f"{where}: this database is not a claimtrack store (it has tables "
                f"{', '.join(sorted(tables - {'_migrations'})[:5])}); give another database"
            )
        for migration in PG_MIGRATIONS:
            if migration.__name__ in done:
                continue
            migration(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (migration.__name__, datetime.now(timezone.utc).isoformat()),
            )
            applied.append(migration.__name__)
        conn.execute("COMMIT")
    except BaseException:
        with suppress(psycopg.Error):
            conn.execute("ROLLBACK")
        raise
    return applied


assert len(PG_MIGRATIONS) == SCHEMA_VERSION


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _store_error(where: str, exc: psycopg.Error, *, doing: str = "write") -> StoreError:
    if isinstance(exc, _RETRYABLE):
        problem = (
            f"another writer's change conflicted with this one ({_first_line(exc)}); "
            "nothing of it was kept; run the command again"
        )
    elif isinstance(exc, psycopg.OperationalError):
        problem = (
            f"lost the connection to the PostgreSQL server ({_first_line(exc)}); "
            "check that it runs and try again (what was committed is kept)"
        )
    elif isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        problem = "opened for reading only; nothing can be written"
    elif isinstance(exc, pg_errors.InsufficientPrivilege):
        problem = (
            f"the database user may not {doing} here ({_first_line(exc)}); ask the "
            "database's owner to grant it"
        )
    elif isinstance(exc, pg_errors.DiskFull):
        problem = "the server's disk is full; free some space and run the command again"
    else:
        problem = f"cannot {doing} the store ({_first_line(exc)})"
    return StoreError(f"{where}: {problem}")

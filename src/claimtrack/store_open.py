"""Opening the SQLite store, for writing or for reading only, and saying plainly what
went wrong with it.

A store opened **for writing** is created when missing, switched to the WAL journal and
migrated.  A store opened **for reading** (``status``, ``show``, ``export``) is opened
with SQLite's ``mode=ro``: it takes no write lock (a long ``add`` in another process
never blocks it), never changes the file, and works on a file the user may not write.
The one exception is a store written by an *older* claimtrack: it is upgraded once,
when the file can be written (else a :class:`StoreError` says what to do).

Every SQLite failure that is not a bug becomes a :class:`StoreError` that names the
store and what to do (:func:`store_error`): disk full, a read-only file or folder, a
damaged file, a store written by a *newer* claimtrack (a ``user_version`` or migration
this one does not know), and ``:memory:`` where a file is needed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import urllib.parse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .errors import StoreError
from .migrations import MIGRATIONS, SCHEMA_VERSION, migrate

__all__ = [
    "check_version",
    "connect",
    "damaged_record",
    "open_read_only",
    "refuse_memory",
    "store_error",
]

#: What SQLite calls a store kept in memory: gone when the process ends.
MEMORY = ":memory:"


def refuse_memory(path: str | Path) -> None:
    """A :class:`StoreError` for ``:memory:`` (or an empty path), where a command needs a
    store that outlives it."""
    if str(path) in (MEMORY, ""):
        raise StoreError(
            f"{str(path) or 'an empty path'}: a store in memory is gone when the command ends, "
            "so nothing would be kept; give a file, e.g. --db claims.db"
        )


def connect(
    path: Path, *, read_only: bool, timeout_ms: int, retry: Callable[[Callable[[], Any]], Any]
) -> sqlite3.Connection:
    """The store's connection: read-only (:func:`open_read_only`; a store written by an
    older claimtrack is upgraded first, once), or for writing (created, WAL journal,
    migrated; a newer store refused before anything is written).  ``retry`` runs a step
    again while another process holds the lock."""
    if not read_only:
        return _open_for_writing(path, timeout_ms, retry)
    conn = open_read_only(path, timeout_ms / 1000)
    try:
        older = check_version(path, conn)
    except BaseException:
        conn.close()
        raise
    if not older:
        return conn
    # Written by an older claimtrack: upgraded once (the one write a reader makes).
    conn.close()
    _open_for_writing(path, timeout_ms, retry).close()
    return open_read_only(path, timeout_ms / 1000)


def _open_for_writing(
    path: Path, timeout_ms: int, retry: Callable[[Callable[[], Any]], Any]
) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            str(path), timeout=timeout_ms / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.DatabaseError as exc:
        raise store_error(path, exc, doing="open") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {timeout_ms}")
        check_version(path, conn)  # before anything is written
        retry(lambda: conn.execute("PRAGMA journal_mode = WAL"))
        conn.execute("PRAGMA synchronous = NORMAL")
        retry(lambda: migrate(conn))
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise store_error(path, exc, doing="open") from exc
        if isinstance(exc, RuntimeError):
            raise StoreError(f"{path}: {exc}") from exc
        raise
    return conn


def open_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that can only read ``path`` (``mode=ro``): no lock that blocks a
    writer, no change to the file.  A store in a folder the user cannot write, with
    no write-ahead log beside it, is opened ``immutable`` (no writer can be at work on
    it: a writer would have needed that folder for its log).  A path with no store yet
    reads as an empty store, and no file is created."""
    if not path.exists():
        # Nothing stored yet: an empty store in memory answers (and no file is made).
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        migrate(conn)
        return conn
    quoted = urllib.parse.quote(str(path.resolve()))
    flags = "mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not _can_write(path.parent) and not wal.exists():
        flags += "&immutable=1"
    try:
        conn = sqlite3.connect(
            f"file:{quoted}?{flags}",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise store_error(path, exc, doing="open") from exc
    return conn


def _can_write(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def check_version(path: Path, conn: sqlite3.Connection) -> bool:
    """Whether the store at ``conn`` needs migrating (written by an older claimtrack).
    Raises :class:`StoreError` for a store written by a newer one, or for a file that is
    not a claimtrack store.  Reads only."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _newer(path, f"schema version {version}; this claimtrack knows {SCHEMA_VERSION}")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_migrations" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StoreError(
                f"{path}: this SQLite file is not a claimtrack store (it has tables "
                f"{', '.join(sorted(tables)[:5])}); give another --db"
            )
        return True
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    unknown = done - {m.__name__ for m in MIGRATIONS}
    if unknown:
        raise _newer(path, f"migrations {', '.join(sorted(unknown))}")
    return len(done) < len(MIGRATIONS)


def _newer(path: Path, what: str) -> StoreError:
    return StoreError(
        f"{path}: this store was written by a newer claimtrack ({what}); upgrade "
        "claimtrack (pip install -U claimtrack) to use it. It was not changed"
    )


def store_error(path: Path, exc: sqlite3.Error, *, doing: str = "write") -> StoreError:
    """``exc`` as a :class:`StoreError` that names the store and what to do."""
    text = str(exc)
    low = text.lower()
    name = getattr(exc, "sqlite_errorname", "")
    if "full" in low or name == "SQLITE_FULL":
        problem = (
            "the disk is full; free some space and run the command again "
            "(what was already stored is kept)"
        )
    elif "readonly" in low or "read-only" in low or name.startswith("SQLITE_READONLY"):
        problem = (
            f"the store cannot be written (the file or its folder {path.parent} is "
            "read-only); make it writable, or work on a copy"
        )
    elif "locked" in low or "busy" in low:
        problem = "the store stayed locked by another process; try again"
    elif "unable to open" in low or name == "SQLITE_CANTOPEN":
        problem = (
            f"cannot {doing} the file (is {path.parent} a folder you may read"
            f"{'' if doing == 'open' else ' and write'}?)"
        )
    elif "malformed" in low or "not a database" in low or "corrupt" in low:
        problem = (
            f"cannot open as a claimtrack store: the file is damaged or is not one ({text}); "
            "restore it from a backup, or give another --db"
        )
    else:
        problem = f"cannot {doing} the store ({text})"
    return StoreError(f"{path}: {problem}")


def damaged_record(
    claim_id: str, text: object, parse: Callable[[Mapping[str, Any]], Any]
) -> tuple[Any, str | None]:
    """``parse(json.loads(text))``, or ``(None, problem)`` when the stored record of
    ``claim_id`` is damaged (not JSON, or not a claim record)."""
    try:
        data = json.loads(text) if isinstance(text, (str, bytes)) else None
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return parse(data), None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        detail = " ".join(str(exc).split())[:120]
        return None, (
            f"claim {claim_id}: its stored record is damaged ({type(exc).__name__}: {detail}); "
            "it was skipped"
        )

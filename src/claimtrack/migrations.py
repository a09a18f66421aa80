"""The store's schema, as a list of named migrations recorded in ``_migrations``.

Each migration is a function ``mNNN_what(conn)``; they run in order, once, each in the
transaction that records it.  Add a new one at the end; never edit an applied one.
The SQL is kept to what SQLite and PostgreSQL share where it costs nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

from .store_conn import Conn

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]


_M001 = (
    """
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        uri TEXT,
        title TEXT,
        publisher TEXT,
        published_at TEXT,
        published_ts REAL,
        retrieved_at TEXT,
        language TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        text TEXT NOT NULL,
        added_at TEXT NOT NULL
    )
    """,
    """
    CREATE INDEX sources_published ON sources (published_ts)
    """,
    """
    CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]'
    )
    """,
    """
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES sources (id),
        kind TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        speaker_id TEXT,
        actor_id TEXT,
        due_start_ts REAL,
        due_end_ts REAL,
        due_vague INTEGER NOT NULL DEFAULT 0,
        has_condition INTEGER NOT NULL DEFAULT 0,
        record TEXT NOT NULL,
        added_at TEXT NOT NULL,
        retired_at TEXT
    )
    """,
    """
    CREATE INDEX claims_source ON claims (source_id, span_start)
    """,
    """
    CREATE INDEX claims_due ON claims (kind, retired_at, due_end_ts)
    """,
    """
    CREATE INDEX claims_actor ON claims (actor_id)
    """,
    """
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        claim_id TEXT NOT NULL REFERENCES claims (id),
        verdict TEXT NOT NULL,
        reason TEXT,
        source_id TEXT,
        uri TEXT,
        excerpt TEXT,
        happened_at TEXT,
        known_at TEXT NOT NULL,
        known_ts REAL NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        recorder TEXT NOT NULL,
        confidence REAL,
        note TEXT
    )
    """,
    """
    CREATE INDEX evidence_claim ON evidence (claim_id, known_ts)
    """,
    """
    CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
    BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END
    """,
    """
    CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
    BEGIN SELECT RAISE(ABORT, 'evidence is append-only'); END
    """,
)


def m001_initial(conn: sqlite3.Connection) -> None:
    """Sources, actors, claims and append-only evidence."""
    # One statement at a time: executescript() would commit the migration's transaction.
    for statement in _M001:
        conn.execute(statement)


def m002_status_index(conn: sqlite3.Connection) -> None:
    """A covering index for status: every column ``claim_summaries`` reads, in source
    order, so the report of 100,000 commitments never reads their JSON records."""
    conn.execute(
        "CREATE INDEX claims_status ON claims (kind, retired_at, source_id, span_start, span_end, id,"
        " actor_id, speaker_id, due_start_ts, due_end_ts, due_vague, has_condition)"
    )


def m003_extraction_failures(conn: sqlite3.Connection) -> None:
    """The extractors that failed on a stored source (ran out of time, raised): the
    source is extracted again on the next add, until they succeed."""
    conn.execute(
        "CREATE TABLE extraction_failures (source_id TEXT NOT NULL, extractor TEXT NOT NULL,"
        " problem TEXT NOT NULL, failed_at TEXT NOT NULL, PRIMARY KEY (source_id, extractor))"
    )


PROMISE_TABLES = (
    """
    CREATE TABLE promises (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        actor_id TEXT,
        speaker_id TEXT,
        due_start_ts REAL,
        due_end_ts REAL,
        due_vague INTEGER NOT NULL DEFAULT 0,
        has_condition INTEGER NOT NULL DEFAULT 0,
        first_seen_ts REAL,
        first_claim TEXT NOT NULL,
        mentions INTEGER NOT NULL DEFAULT 0,
        sources INTEGER NOT NULL DEFAULT 0,
        bucket TEXT NOT NULL,
        record TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
    )
    """,
    """
    CREATE INDEX promises_status ON promises (retired_at, kind, first_seen_ts, id, actor_id,
        speaker_id, due_start_ts, due_end_ts, due_vague, has_condition, mentions, sources)
    """,
    "CREATE INDEX promises_bucket ON promises (bucket)",
    """
    CREATE TABLE mentions (
        claim_id TEXT PRIMARY KEY,
        promise_id TEXT NOT NULL,
        bucket TEXT NOT NULL,
        rule TEXT NOT NULL,
        joined TEXT,
        active INTEGER NOT NULL DEFAULT 1
    )
    """,
    "CREATE INDEX mentions_promise ON mentions (promise_id, active)",
    "CREATE INDEX mentions_bucket ON mentions (bucket)",
    """
    CREATE TABLE relations (
        promise_id TEXT NOT NULL,
        type TEXT NOT NULL,
        other_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        claim_id TEXT,
        PRIMARY KEY (promise_id, type, other_id)
    )
    """,
    "CREATE INDEX relations_other ON relations (other_id)",
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        promise_id TEXT NOT NULL,
        command TEXT NOT NULL,
        args TEXT NOT NULL,
        note TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        evidence_id INTEGER,
        known_ts REAL
    )
    """,
    "CREATE INDEX corrections_promise ON corrections (promise_id)",
    """
    CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
    BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END
    """,
    """
    CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
    BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END
    """,
    """
    CREATE TABLE claim_moves (
        old_id TEXT PRIMARY KEY,
        new_id TEXT NOT NULL,
        moved_at TEXT NOT NULL
    )
    """,
)


def m004_promises(conn: sqlite3.Connection) -> None:
    """Promises: the claims that state one promise grouped under a stable id, the
    relations between promises, a person's corrections (append-only) and the moves of
    re-extracted claims; every stored claim is grouped at once, nothing else changes."""
    from .store_promises import regroup  # grouping is Python: imported when needed

    for statement in PROMISE_TABLES:
        conn.execute(statement)
    regroup(conn, None)


def m005_suggestions(conn: sqlite3.Connection) -> None:
    """Suggestions: the checker's findings below ``check --min-confidence``, for a
    person to confirm (append-only; status never reads them)."""
    from .store_suggestions import SUGGESTION_TABLES

    for statement in SUGGESTION_TABLES:
        conn.execute(statement)


def pub_mention_source_fields(conn: Conn) -> None:
    """Every stored promise record's sources (its own and each mention's) gain the
    outlet (``publisher``) and the ``reporter``, as records written now have them; the
    promises and their mentions are otherwise left as they are."""
    import json

    from .store_promises import source_dicts

    rows = conn.execute("SELECT id, record FROM promises").fetchall()
    for start in range(0, len(rows), 500):
        chunk = [(pid, json.loads(text)) for pid, text in rows[start : start + 500]]
        wanted = {
            src["id"]
            for _, rec in chunk
            for src in [
                rec.get("source") or {},
                *((m.get("source") or {}) for m in rec.get("mentions", ())),
            ]
            if src.get("id")
        }
        known = source_dicts(conn, wanted)
        changed = []
        for pid, rec in chunk:
            for src in [rec.get("source"), *(m.get("source") for m in rec.get("mentions", ()))]:
                if isinstance(src, dict) and src.get("id") in known:
                    fresh = known[src["id"]]
                    src["publisher"] = fresh["publisher"]
                    src["reporter"] = fresh["reporter"]
            changed.append((json.dumps(rec, ensure_ascii=False), pid))
        conn.executemany("UPDATE promises SET record = ? WHERE id = ?", changed)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    m001_initial,
    m002_status_index,
    m003_extraction_failures,
    m004_promises,
    m005_suggestions,
    pub_mention_source_fields,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations ``conn`` lacks, each in its own transaction; return their names.

    Raises RuntimeError when the store was written by a newer claimtrack."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    known = {m.__name__ for m in MIGRATIONS}
    unknown = done - known
    if unknown:
        raise RuntimeError(
            f"this store was written by a newer claimtrack (migrations {sorted(unknown)}); upgrade claimtrack"
        )
    applied: list[str] = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if conn.execute(
                "SELECT 1 FROM _migrations WHERE name = ?", (migration.__name__,)
            ).fetchone():
                conn.execute("COMMIT")
                continue
            migration(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (migration.__name__, datetime.now(timezone.utc).isoformat()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(migration.__name__)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return applied

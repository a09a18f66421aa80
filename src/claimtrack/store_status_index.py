"""The index the report reads status through: each promise's deciding verdicts, with
the times from which they decide.

Status stays derived (:mod:`claimtrack.status`): this is an index of it, rebuilt from
the evidence.  For each promise with evidence, ``status_steps`` holds the intervals
``[from_ts, to_ts)`` of ``--as-of`` over which what its evidence says stays the same:
the final verdict that decides it (``final_*``, with its known time and reason code), whether its
condition is met (``cond_met``) and the interim verdict that shows as its progress
(``interim_*``).  A step starts when a verdict becomes known or a retraction takes
effect, so a step is used only for an ``--as-of`` at or after the known time of the
verdict it names; before a promise's first step, no evidence of it was known.  Each
step is computed by :func:`claimtrack.status.decide`, the one derivation, over the
evidence known at the step's start.

Whatever writes, triggers mark the promises whose evidence may have changed
(``status_dirty``): new evidence, a correction that retracts a verdict, a mention that
joins, leaves or moves.  Each write transaction rebuilds their steps before it
commits (:func:`refresh`); a promise still marked (the writer was an older
claimtrack, or the store was migrated by another command) is decided from its
evidence as before.  Claims whose stored record is damaged are noted by triggers too
(``status_damaged``), so the report need not parse every record to find them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from .model import INTERIM_VERDICTS, Evidence, Status, Verdict
from .status import decide, rank_key
from .store_conn import Conn
from .store_rows import EVIDENCE_COLUMNS, evidence_from_row

__all__ = [
    "INDEX_MIGRATION",
    "PG_STATEMENTS",
    "SQLITE_STATEMENTS",
    "Step",
    "has_index",
    "refresh",
    "steps_of",
]

#: The name of the migration that creates the index (the same on both engines).
INDEX_MIGRATION = "scale_status_index"

_E_COLUMNS = ", ".join(f"e.{c.strip()}" for c in EVIDENCE_COLUMNS.split(","))

_STEPS = """
    CREATE TABLE status_steps (
        promise_id {t} NOT NULL,
        from_ts {real} NOT NULL,
        to_ts {real},
        final_id {int},
        final_verdict {t},
        final_known_ts {real},
        final_reason {t},
        cond_met INTEGER NOT NULL DEFAULT 0,
        interim_id {int},
        interim_verdict {t},
        PRIMARY KEY (promise_id, from_ts)
    )
"""
_COMMON = (
    "CREATE INDEX status_steps_final ON status_steps (final_known_ts)",
    # The counts read the steps that started by ``--as-of`` from this one alone.
    "CREATE INDEX status_steps_active ON status_steps (from_ts, to_ts, final_id, cond_met,"
    " promise_id, final_verdict, final_known_ts, final_reason)",
    "CREATE INDEX promises_due_end ON promises (due_end_ts)",
    "CREATE INDEX promises_due_start ON promises (due_start_ts)",
    "CREATE INDEX promises_first_seen ON promises (first_seen_ts)",
    # The counts read every live promise once, grouped by who must act: this index
    # holds every column they need in that order (no sort, no table lookup).
    "CREATE INDEX promises_by_actor ON promises (actor_id, speaker_id, retired_at, kind,"
    " first_seen_ts, has_condition, due_vague, due_start_ts, due_end_ts)",
    # ... and the steps look their promises up in this one, by id.
    "CREATE INDEX promises_by_id ON promises (id, actor_id, speaker_id, retired_at, kind,"
    " first_seen_ts, has_condition, due_vague, due_start_ts, due_end_ts)",
)
# Marks may repeat (a trigger cannot ignore a conflict on both engines alike): read
# with DISTINCT.
_MARKS = (
    "CREATE INDEX status_dirty_promise ON status_dirty (promise_id)",
    "CREATE INDEX status_damaged_claim ON status_damaged (claim_id)",
)
_DAMAGED_SQLITE = (
    "NOT (json_valid({r}.record) AND json_type({r}.record) = 'object'"
    " AND json_extract({r}.record, '$.id') = {r}.id)"
)
_DAMAGED_PG = "NOT (jsonb_typeof({r}.record) = 'object' AND ({r}.record ->> 'id') = {r}.id)"

SQLITE_STATEMENTS: tuple[str, ...] = (
    _STEPS.format(t="TEXT", real="REAL", int="INTEGER"),
    *_COMMON,
    "CREATE TABLE status_dirty (promise_id TEXT NOT NULL)",
    "CREATE TABLE status_damaged (claim_id TEXT NOT NULL)",
    *_MARKS,
    """
    CREATE TRIGGER status_on_evidence AFTER INSERT ON evidence BEGIN
        INSERT INTO status_dirty (promise_id)
        SELECT promise_id FROM mentions WHERE claim_id = NEW.claim_id;
    END
    """,
    """
    CREATE TRIGGER status_on_retraction AFTER INSERT ON corrections
    WHEN NEW.evidence_id IS NOT NULL BEGIN
        INSERT INTO status_dirty (promise_id)
        SELECT m.promise_id FROM evidence e JOIN mentions m ON m.claim_id = e.claim_id
        WHERE e.id = NEW.evidence_id;
    END
    """,
    """
    CREATE TRIGGER status_on_mention_in AFTER INSERT ON mentions BEGIN
        INSERT INTO status_dirty (promise_id) VALUES (NEW.promise_id);
    END
    """,
    """
    CREATE TRIGGER status_on_mention_out AFTER DELETE ON mentions BEGIN
        INSERT INTO status_dirty (promise_id) VALUES (OLD.promise_id);
    END
    """,
    """
    CREATE TRIGGER status_on_mention_change AFTER UPDATE ON mentions BEGIN
        INSERT INTO status_dirty (promise_id) VALUES (OLD.promise_id);
        INSERT INTO status_dirty (promise_id) VALUES (NEW.promise_id);
    END
    """,
    f"""
    CREATE TRIGGER status_on_claim_in AFTER INSERT ON claims
    WHEN {_DAMAGED_SQLITE.format(r="NEW")} BEGIN
        INSERT INTO status_damaged (claim_id) VALUES (NEW.id);
    END
    """,
    f"""
    CREATE TRIGGER status_on_claim_change AFTER UPDATE OF record ON claims
    WHEN {_DAMAGED_SQLITE.format(r="NEW")} BEGIN
        INSERT INTO status_damaged (claim_id) VALUES (NEW.id);
    END
    """,
)

_PG_T = 'TEXT COLLATE "C"'
PG_STATEMENTS: tuple[str, ...] = (
    _STEPS.format(t=_PG_T, real="DOUBLE PRECISION", int="BIGINT"),
    *_COMMON,
    f"CREATE TABLE status_dirty (promise_id {_PG_T} NOT NULL)",
    f"CREATE TABLE status_damaged (claim_id {_PG_T} NOT NULL)",
    *_MARKS,
    """
    CREATE FUNCTION status_mark() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_TABLE_NAME = 'evidence' THEN
            INSERT INTO status_dirty (promise_id)
            SELECT promise_id FROM mentions WHERE claim_id = NEW.claim_id;
        ELSIF TG_TABLE_NAME = 'corrections' THEN
            IF NEW.evidence_id IS NOT NULL THEN
                INSERT INTO status_dirty (promise_id)
                SELECT m.promise_id FROM evidence e JOIN mentions m ON m.claim_id = e.claim_id
                WHERE e.id = NEW.evidence_id;
            END IF;
        ELSIF TG_TABLE_NAME = 'mentions' THEN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO status_dirty (promise_id) VALUES (OLD.promise_id);
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN
                INSERT INTO status_dirty (promise_id) VALUES (NEW.promise_id);
            END IF;
        ELSIF TG_TABLE_NAME = 'claims' THEN
            IF """
    + _DAMAGED_PG.format(r="NEW")
    + """ THEN
                INSERT INTO status_damaged (claim_id) VALUES (NEW.id);
            END IF;
        END IF;
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER status_on_evidence AFTER INSERT ON evidence"
    " FOR EACH ROW EXECUTE FUNCTION status_mark()",
    "CREATE TRIGGER status_on_retraction AFTER INSERT ON corrections"
    " FOR EACH ROW EXECUTE FUNCTION status_mark()",
    "CREATE TRIGGER status_on_mention AFTER INSERT OR UPDATE OR DELETE ON mentions"
    " FOR EACH ROW EXECUTE FUNCTION status_mark()",
    "CREATE TRIGGER status_on_claim AFTER INSERT OR UPDATE OF record ON claims"
    " FOR EACH ROW EXECUTE FUNCTION status_mark()",
)


def fill(conn: Conn, *, postgres: bool) -> None:
    """The index of a store that had none: every damaged claim noted, every promise
    with evidence indexed."""
    damaged = (_DAMAGED_PG if postgres else _DAMAGED_SQLITE).format(r="c")
    conn.execute(f"INSERT INTO status_damaged (claim_id) SELECT c.id FROM claims c WHERE {damaged}")
    conn.execute(
        "INSERT INTO status_dirty (promise_id) SELECT DISTINCT m.promise_id FROM mentions m"
        " JOIN evidence e ON e.claim_id = m.claim_id"
    )
    refresh(conn)


def has_index(conn: Conn) -> bool:
    """Whether this store has the index (a store opened for reading may predate it)."""
    row = conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (INDEX_MIGRATION,)).fetchone()
    return row is not None


Step = tuple[float, float | None, Evidence | None, bool, Evidence | None]


def steps_of(evidence: Sequence[tuple[Evidence, float]], retracted: dict[int, float]) -> list[Step]:
    """The steps of one promise: ``(from_ts, to_ts, final, cond_met, interim)`` for each
    interval over which its evidence says the same, leaving out the intervals where it
    says nothing (no final verdict, condition not met, no interim verdict).
    ``evidence`` pairs each entry with its known time as stored; ``retracted`` maps an
    entry's id to when its retraction took effect."""
    times = sorted(
        {k for _, k in evidence} | {t for e, _ in evidence if (t := _gone(e, retracted))}
    )
    states: list[tuple[float, tuple[Evidence | None, bool, Evidence | None]]] = []
    for t in times:
        known = [
            e
            for e, k in evidence
            if k <= t and not ((gone := _gone(e, retracted)) is not None and gone <= t)
        ]
        _, _, final = decide(known, True, Status.OPEN)
        interim = [e for e in known if e.verdict in INTERIM_VERDICTS]
        best = max(interim, key=rank_key) if interim else None
        met = any(e.verdict is Verdict.CONDITION_MET for e in known)
        state = (final, met, best)
        if states and _same(states[-1][1], state):
            continue
        states.append((t, state))
    out: list[Step] = []
    for n, (t, (final, met, best)) in enumerate(states):
        end = states[n + 1][0] if n + 1 < len(states) else None
        if final is not None or met or best is not None:
            out.append((t, end, final, met, best))
    return out


def _gone(e: Evidence, retracted: dict[int, float]) -> float | None:
    return retracted.get(e.id) if e.id is not None else None


def _same(
    a: tuple[Evidence | None, bool, Evidence | None],
    b: tuple[Evidence | None, bool, Evidence | None],
) -> bool:
    def key(e: Evidence | None) -> int | None:
        return None if e is None else e.id

    return (key(a[0]), a[1], key(a[2])) == (key(b[0]), b[1], key(b[2]))


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def refresh(conn: Conn) -> int:
    """Rebuild the steps of every marked promise (in the caller's transaction); return
    how many were rebuilt."""
    ids = [
        str(r[0]) for r in conn.execute("SELECT DISTINCT promise_id FROM status_dirty").fetchall()
    ]
    for chunk in _chunks(ids):
        _refresh(conn, chunk)
    return len(ids)


def _refresh(conn: Conn, ids: Sequence[str]) -> None:
    chosen = json.dumps(list(ids))
    evidence: dict[str, list[tuple[Evidence, float]]] = {}
    for r in conn.execute(
        f"SELECT {_E_COLUMNS}, e.known_ts, m.promise_id FROM evidence e"
        " JOIN mentions m ON m.claim_id = e.claim_id AND m.active = 1"
        " WHERE m.promise_id IN (SELECT value FROM json_each(?))",
        (chosen,),
    ):
        evidence.setdefault(r[-1], []).append((evidence_from_row(r[:-2]), float(r[-2])))
    retracted: dict[int, float] = {}
    for eid, ts in conn.execute(
        "SELECT c.evidence_id, MIN(c.known_ts) FROM corrections c"
        " JOIN evidence e ON e.id = c.evidence_id"
        " JOIN mentions m ON m.claim_id = e.claim_id AND m.active = 1"
        " WHERE c.command = 'retract' AND c.known_ts IS NOT NULL"
        " AND m.promise_id IN (SELECT value FROM json_each(?)) GROUP BY c.evidence_id",
        (chosen,),
    ):
        retracted[int(eid)] = float(ts)
    conn.execute(
        "DELETE FROM status_steps WHERE promise_id IN (SELECT value FROM json_each(?))", (chosen,)
    )
    rows = [
        _row(pid, step)
        for pid, entries in evidence.items()
        for step in steps_of(entries, retracted)
    ]
    if rows:
        conn.executemany(
            "INSERT INTO status_steps (promise_id, from_ts, to_ts, final_id, final_verdict,"
            " final_known_ts, final_reason, cond_met, interim_id, interim_verdict)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.execute(
        "DELETE FROM status_dirty WHERE promise_id IN (SELECT value FROM json_each(?))", (chosen,)
    )


def _row(pid: str, step: Step) -> tuple[Any, ...]:
    start, end, final, met, best = step
    return (
        pid,
        start,
        end,
        None if final is None else final.id,
        None if final is None else final.verdict.value,
        None if final is None else final.known_at.timestamp(),
        None if final is None else final.reason,
        int(met),
        None if best is None else best.id,
        None if best is None else best.verdict.value,
    )

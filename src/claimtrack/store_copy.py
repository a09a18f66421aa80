"""Moving a ledger between stores (``claimtrack db copy SRC DST``), nothing lost.

Every table is copied row for row, in one transaction on the destination: sources,
actors, claims (retired ones too), evidence, suggestions and corrections with their ids (so a
correction still names its evidence), promises in the order they were made, mentions,
relations, claim moves and the extractors that failed.  The destination must hold no
ledger yet.  Times keep their instant, and their text: PostgreSQL's ``timestamptz``
gives a time back in UTC, so a copy into PostgreSQL keeps the texts it would not give
back (:mod:`claimtrack.time_texts`) and a copy out of it writes them again: SQLite to
PostgreSQL and back gives every time as it was written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple

from .errors import StoreError
from .store import SQLStore
from .time_texts import as_written, needs_keeping

__all__ = ["TABLES", "CopyReport", "copy_ledger"]

#: The columns of a recorded verdict's row (evidence) and of a suggestion's.
_VERDICT_ROW = (
    "id",
    "claim_id",
    "verdict",
    "reason",
    "source_id",
    "uri",
    "excerpt",
    "happened_at",
    "known_at",
    "known_ts",
    "recorded_at",
    "recorded_by",
    "recorder",
    "confidence",
    "note",
)

#: table -> (its columns, the order its rows are copied in).  Parents before children.
TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "sources": (
        (
            "id",
            "uri",
            "title",
            "publisher",
            "published_at",
            "published_ts",
            "retrieved_at",
            "language",
            "meta",
            "text",
            "added_at",
        ),
        "id",
    ),
    "actors": (("id", "name", "kind", "aliases"), "id"),
    "claims": (
        (
            "id",
            "source_id",
            "kind",
            "span_start",
            "span_end",
            "speaker_id",
            "actor_id",
            "due_start_ts",
            "due_end_ts",
            "due_vague",
            "has_condition",
            "record",
            "added_at",
            "retired_at",
        ),
        "id",
    ),
    "evidence": (_VERDICT_ROW, "id"),
    # The same row as evidence: a suggestion is a finding not yet confirmed.
    "suggestions": (_VERDICT_ROW, "id"),
    "extraction_failures": (
        ("source_id", "extractor", "problem", "failed_at"),
        "source_id, extractor",
    ),
    "promises": (
        (
            "rowid",
            "id",
            "kind",
            "actor_id",
            "speaker_id",
            "due_start_ts",
            "due_end_ts",
            "due_vague",
            "has_condition",
            "first_seen_ts",
            "first_claim",
            "mentions",
            "sources",
            "bucket",
            "record",
            "created_at",
            "retired_at",
        ),
        "rowid",
    ),
    "mentions": (
        (
            "claim_id",
            "promise_id",
            "bucket",
            "rule",
            "joined",
            "active",
            "reading",
            "replaced_bucket",
        ),
        "claim_id",
    ),
    "relations": (
        ("promise_id", "type", "other_id", "rule", "claim_id", "other_claim"),
        "promise_id, type, other_id",
    ),
    "corrections": (
        (
            "id",
            "promise_id",
            "command",
            "args",
            "note",
            "recorded_by",
            "recorded_at",
            "evidence_id",
            "known_ts",
        ),
        "id",
    ),
    "claim_moves": (("old_id", "new_id", "moved_at"), "old_id"),
}


#: table -> the columns that hold times (``timestamptz`` on PostgreSQL).
TIME_COLUMNS = {t: tuple(c for c in cols if c.endswith("_at")) for t, (cols, _) in TABLES.items()}
#: table -> the columns that name one of its rows (the order it is copied in).
KEY_COLUMNS = {t: tuple(k.strip() for k in order.split(",")) for t, (_, order) in TABLES.items()}

_TimeText = tuple[str, str, str, str]  # table, row key (JSON), column, text


class CopyReport(NamedTuple):
    """How many rows of each table were copied."""

    rows: dict[str, int]

    def summary(self) -> str:
        """One line for people."""
        shown = ("sources", "claims", "evidence", "promises", "corrections")
        return ", ".join(f"{self.rows[t]} {t}" for t in shown)


def copy_ledger(src: SQLStore, dst: SQLStore) -> CopyReport:
    """Copy every row of ``src`` into ``dst`` (which must hold no ledger yet), in one
    transaction on ``dst``: all of it lands, or none."""
    held = [t for t in TABLES if dst.read(f"SELECT 1 FROM {t} LIMIT 1")]
    if held:
        raise StoreError(
            f"{dst.path}: already holds a ledger ({', '.join(held)}); copy into a new, "
            "empty store (a new file, or an empty PostgreSQL database)"
        )
    kept = {} if src.keeps_time_text else _kept_texts(src)
    texts: list[_TimeText] = []
    counts: dict[str, int] = {}
    with dst.transaction() as conn:
        for table, (columns, order) in TABLES.items():
            names = ", ".join(columns)
            rows = src.read(f"SELECT {names} FROM {table} ORDER BY {order}")
            rows = [_as_written(table, columns, row, kept, texts) for row in rows]
            marks = ",".join("?" * len(columns))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            counts[table] = len(rows)
        if not dst.keeps_time_text:
            conn.executemany(
                "INSERT INTO time_texts (tbl, row_key, col, text) VALUES (?,?,?,?)", texts
            )
        dst.after_copy(conn)
    return CopyReport(counts)


def _kept_texts(src: SQLStore) -> dict[tuple[str, str, str], str]:
    rows = src.read("SELECT tbl, row_key, col, text FROM time_texts")
    return {(str(t), str(k), str(c)): str(text) for t, k, c, text in rows}


def _as_written(
    table: str,
    columns: Sequence[str],
    row: tuple[object, ...],
    kept: dict[tuple[str, str, str], str],
    texts: list[_TimeText],
) -> tuple[object, ...]:
    """``row`` with each time as it was written (rule **same-instant**); the texts a
    ``timestamptz`` would not give back are added to ``texts`` (rule **kept-text**)."""
    times = TIME_COLUMNS[table]
    if not times:
        return row
    key = json.dumps([row[columns.index(k)] for k in KEY_COLUMNS[table]])
    out = list(row)
    for column in times:
        i = columns.index(column)
        value = out[i]
        if not isinstance(value, str):
            continue
        value = as_written(value, kept.get((table, key, column)))
        out[i] = value
        if value is not None and needs_keeping(value):
            texts.append((table, key, column, value))
    return tuple(out)

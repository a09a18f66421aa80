"""Moving a ledger between stores (``claimtrack db copy SRC DST``), nothing lost.

Every table is copied row for row, in one transaction on the destination: sources,
actors, claims (retired ones too), evidence, suggestions and corrections with their ids (so a
correction still names its evidence), promises in the order they were made, mentions,
relations, claim moves and the extractors that failed.  The destination must hold no
ledger yet.  Times keep their instant; PostgreSQL's ``timestamptz`` does not keep the
UTC offset a time was written with, so a copy from PostgreSQL gives them in UTC.
"""

from __future__ import annotations

from typing import NamedTuple

from .errors import StoreError
from .store import SQLStore

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
    counts: dict[str, int] = {}
    with dst.transaction() as conn:
        for table, (columns, order) in TABLES.items():
            names = ", ".join(columns)
            rows = src.read(f"SELECT {names} FROM {table} ORDER BY {order}")
            marks = ",".join("?" * len(columns))
            conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            counts[table] = len(rows)
        dst.after_copy(conn)
    return CopyReport(counts)

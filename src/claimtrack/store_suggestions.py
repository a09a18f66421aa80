"""Suggestions: a checker's finding below ``check --min-confidence``, kept for a person
to confirm (``claimtrack confirm``) or dismiss, never counted by status.

A suggestion has the shape of evidence (verdict, reason, sentence, report, rule in the
note, confidence) and lives in its own append-only table, so nothing that derives a
status ever reads it.  Confirming one records a person's verdict with the suggestion's
evidence and a ``confirm`` correction naming it; dismissing one records a ``dismiss``
correction.  Mixed into :class:`claimtrack.store.SQLiteStore`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime

import attrs

from .duplicates import SAME_FINDING, finding_key
from .errors import NotFoundError
from .model import Evidence
from .store_conn import Conn
from .store_rows import EVIDENCE_COLUMNS, evidence_from_row

__all__ = ["SUGGESTION_TABLES", "Suggestion", "SuggestionStore", "parse_suggestion_id"]

SUGGESTION_TABLES = (
    """
    CREATE TABLE suggestions (
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
    "CREATE INDEX suggestions_claim ON suggestions (claim_id, known_ts)",
    """
    CREATE TRIGGER suggestions_no_update BEFORE UPDATE ON suggestions
    BEGIN SELECT RAISE(ABORT, 'suggestions are append-only'); END
    """,
    """
    CREATE TRIGGER suggestions_no_delete BEFORE DELETE ON suggestions
    BEGIN SELECT RAISE(ABORT, 'suggestions are append-only'); END
    """,
)

_INSERT = (
    "INSERT INTO suggestions (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
    " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_COLUMNS = ", ".join(f"s.{c.strip()}" for c in EVIDENCE_COLUMNS.split(","))


@attrs.frozen
class Suggestion:
    """A checker's finding a person has to confirm: its evidence (``evidence.id`` is the
    suggestion's number, printed ``s<N>``), the promise it is about, and what a person
    answered (``confirm`` or ``dismiss``, by whom, the verdict it became)."""

    evidence: Evidence
    promise_id: str | None
    answer: str | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None
    #: The id of the person's evidence a confirmation recorded.
    verdict_id: int | None = None

    @property
    def id(self) -> int:
        """The suggestion's number."""
        assert self.evidence.id is not None
        return self.evidence.id

    @property
    def label(self) -> str:
        """How commands name it: ``s12``."""
        return f"s{self.id}"

    @property
    def pending(self) -> bool:
        """Whether no one has answered it yet."""
        return self.answer is None


def parse_suggestion_id(text: str) -> int:
    """``s12`` or ``12`` -> 12; anything else is a :class:`NotFoundError` saying how
    suggestions are named."""
    raw = text.strip().lower().removeprefix("s").removeprefix("#")
    if not raw.isdigit():
        raise NotFoundError(
            f"{text!r} names no suggestion: give its number as `status` or `show` print it (s12)"
        )
    return int(raw)


def _ts(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class SuggestionStore:
    """Suggestions; mixed into :class:`claimtrack.store.SQLiteStore`."""

    _conn: Conn

    def transaction(self) -> AbstractContextManager[Conn]:
        raise NotImplementedError  # provided by SQLiteStore

    def holds(self, evidence: Evidence) -> bool:
        """Whether the store holds this finding already, as evidence or a suggestion
        (same claim, verdict, recorder, report and sentence)."""
        key = finding_key(evidence)
        return any(
            self._conn.execute(f"SELECT 1 FROM {table}{SAME_FINDING}", key).fetchone()
            for table in ("suggestions", "evidence")
        )

    def add_suggestion(self, evidence: Evidence) -> Evidence | None:
        """Append a suggestion (``evidence`` a checker's finding); return it with its
        number, or None when the same one is held (same claim, verdict, checker, report
        and sentence) or is already a verdict the store holds."""
        e = evidence
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM claims WHERE id = ?", (e.claim_id,)).fetchone() is None:
                raise NotFoundError(f"no claim {e.claim_id!r} to suggest a verdict for")
            key = finding_key(e)
            for table in ("suggestions", "evidence"):
                if conn.execute(f"SELECT 1 FROM {table}{SAME_FINDING}", key).fetchone():
                    return None
            cur = conn.execute(
                _INSERT,
                (
                    e.claim_id,
                    e.verdict.value,
                    e.reason,
                    e.source_id,
                    e.uri,
                    e.excerpt,
                    _iso(e.happened_at),
                    _iso(e.known_at),
                    _ts(e.known_at),
                    _iso(e.recorded_at),
                    e.recorded_by,
                    e.recorder.value,
                    e.confidence,
                    e.note,
                ),
            )
            return attrs.evolve(e, id=int(cur.lastrowid or 0))

    def suggestions_of(self, promise_ids: Sequence[str]) -> dict[str, list[Suggestion]]:
        """The suggestions on each promise's active mentions, oldest first, with their
        answers."""
        if not promise_ids:
            return {}
        rows = self._conn.execute(
            f"SELECT m.promise_id, {_COLUMNS} FROM suggestions s"
            " JOIN mentions m ON m.claim_id = s.claim_id AND m.active = 1"
            " WHERE m.promise_id IN (SELECT value FROM json_each(?)) ORDER BY s.id",
            (json.dumps(list(promise_ids)),),
        ).fetchall()
        answers = self._answers(r[1] for r in rows)
        out: dict[str, list[Suggestion]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(_suggestion(r[0], evidence_from_row(r[1:]), answers))
        return out

    def get_suggestion(self, number: int) -> Suggestion:
        """Suggestion ``number``, or a :class:`NotFoundError` saying where they are listed."""
        row = self._conn.execute(
            f"SELECT m.promise_id, {_COLUMNS} FROM suggestions s"
            " LEFT JOIN mentions m ON m.claim_id = s.claim_id AND m.active = 1 WHERE s.id = ?",
            (number,),
        ).fetchone()
        if row is None:
            raise NotFoundError(
                f"no suggestion s{number}; `claimtrack status` and `claimtrack show ID` list them"
            )
        return _suggestion(row[0], evidence_from_row(row[1:]), self._answers([number]))

    def _answers(self, numbers: Iterable[int]) -> dict[int, tuple[str, str, datetime, int | None]]:
        wanted = sorted(set(numbers))
        if not wanted:
            return {}
        out: dict[int, tuple[str, str, datetime, int | None]] = {}
        for command, args, by, at, evidence_id in self._conn.execute(
            "SELECT command, args, recorded_by, recorded_at, evidence_id FROM corrections"
            " WHERE command IN ('confirm', 'dismiss') ORDER BY id"
        ):
            number = json.loads(args).get("suggestion")
            if isinstance(number, int) and number in wanted and number not in out:
                out[number] = (command, by, datetime.fromisoformat(at), evidence_id)
        return out


def _suggestion(
    promise_id: str | None,
    evidence: Evidence,
    answers: dict[int, tuple[str, str, datetime, int | None]],
) -> Suggestion:
    assert evidence.id is not None
    answer = answers.get(evidence.id)
    if answer is None:
        return Suggestion(evidence, promise_id)
    return Suggestion(evidence, promise_id, answer[0], answer[1], answer[2], answer[3])

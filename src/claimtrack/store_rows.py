"""Rows of the store as values: shared by ``store.py`` and the promise reads."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .model import Evidence, RecorderKind, Verdict

__all__ = ["EVIDENCE_COLUMNS", "RECORDER_RANK_SQL", "evidence_from_row"]

#: :attr:`RecorderKind.authority` in SQL (person 2, imported 1, checker 0): how the
#: store's ranking queries order who recorded a verdict, as ``status.rank_key`` does.
RECORDER_RANK_SQL = (
    "CASE recorder "
    + " ".join(f"WHEN '{k.value}' THEN {k.authority}" for k in RecorderKind)
    + " ELSE 0 END"
)

EVIDENCE_COLUMNS = (
    "id, claim_id, verdict, reason, source_id, uri, excerpt, happened_at, known_at,"
    " recorded_at, recorded_by, recorder, confidence, note"
)


def evidence_from_row(r: Sequence[Any]) -> Evidence:
    """An :class:`Evidence` from a row of :data:`EVIDENCE_COLUMNS`."""
    # Enums built here take the converters' fast path: status reads tens of thousands.
    return Evidence(
        id=r[0],
        claim_id=r[1],
        verdict=Verdict(r[2]),
        reason=r[3],
        source_id=r[4],
        uri=r[5],
        excerpt=r[6],
        happened_at=None if r[7] is None else datetime.fromisoformat(r[7]),
        known_at=datetime.fromisoformat(r[8]),
        recorded_at=datetime.fromisoformat(r[9]),
        recorded_by=r[10],
        recorder=RecorderKind(r[11]),
        confidence=r[12],
        note=r[13],
    )

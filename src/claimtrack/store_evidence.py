"""The ledger's evidence, in the SQL both engines share: appended, never changed (the
database refuses it).  Which findings are the same is :mod:`claimtrack.duplicates`'
rule.  Mixed into :class:`claimtrack.store.SQLStore`."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .duplicates import SAME_FINDING, finding_key
from .errors import NotFoundError
from .model import Evidence
from .store_conn import Conn
from .store_rows import EVIDENCE_COLUMNS, chunks, evidence_from_row, iso, ts

__all__ = ["EvidenceRows"]


class EvidenceRows:
    """Evidence; mixed into :class:`claimtrack.store.SQLStore`."""

    _conn: Conn
    path: Path | str

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Conn]: ...

    def add_evidence(self, evidence: Evidence, *, skip_duplicate: bool = False) -> Evidence | None:
        """Append ``evidence``; return it with its id.  With ``skip_duplicate``, evidence
        already held (same claim, verdict, recorder, source, excerpt) is not added again
        and None is returned."""
        with self.transaction() as conn:
            if (
                conn.execute("SELECT 1 FROM claims WHERE id = ?", (evidence.claim_id,)).fetchone()
                is None
            ):
                raise NotFoundError(f"no claim {evidence.claim_id!r} in {self.path}")
            if (
                skip_duplicate
                and conn.execute(
                    f"SELECT 1 FROM evidence{SAME_FINDING}", finding_key(evidence)
                ).fetchone()
            ):
                return None
            cur = conn.execute(
                "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
                " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    evidence.claim_id,
                    evidence.verdict.value,
                    evidence.reason,
                    evidence.source_id,
                    evidence.uri,
                    evidence.excerpt,
                    iso(evidence.happened_at),
                    iso(evidence.known_at),
                    ts(evidence.known_at),
                    iso(evidence.recorded_at),
                    evidence.recorded_by,
                    evidence.recorder.value,
                    evidence.confidence,
                    evidence.note,
                ),
            )
            return attrs.evolve(evidence, id=int(cur.lastrowid or 0))

    def add_evidence_many(self, evidence: Iterable[Evidence]) -> int:
        """Append many evidence entries in ONE transaction (imports, benchmarks): all
        land or none.  Every claim must exist.  Returns how many were added."""
        rows = [
            (
                e.claim_id,
                e.verdict.value,
                e.reason,
                e.source_id,
                e.uri,
                e.excerpt,
                iso(e.happened_at),
                iso(e.known_at),
                ts(e.known_at),
                iso(e.recorded_at),
                e.recorded_by,
                e.recorder.value,
                e.confidence,
                e.note,
            )
            for e in evidence
        ]
        with self.transaction() as conn:
            wanted = sorted({r[0] for r in rows})
            for chunk in chunks(wanted):
                marks = ",".join("?" * len(chunk))
                found = {
                    r[0]
                    for r in conn.execute(f"SELECT id FROM claims WHERE id IN ({marks})", chunk)
                }
                missing = set(chunk) - found
                if missing:
                    raise NotFoundError(f"no claim {sorted(missing)[0]!r} in {self.path}")
            conn.executemany(
                "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
                " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return len(rows)

    def evidence_for(self, claim_id: str) -> list[Evidence]:
        """Every evidence entry of a claim, in the order it was recorded."""
        rows = self._conn.execute(
            f"SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE claim_id = ? ORDER BY id", (claim_id,)
        ).fetchall()
        return [evidence_from_row(r) for r in rows]

    def evidence_known_by(
        self, as_of: datetime, claim_ids: Iterable[str] | None = None
    ) -> dict[str, list[Evidence]]:
        """claim id -> its evidence known by ``as_of`` (all claims, or the given ones)."""
        out: dict[str, list[Evidence]] = {}
        sql = f"SELECT {EVIDENCE_COLUMNS} FROM evidence WHERE known_ts <= ?"
        if claim_ids is None:
            rows = self._conn.execute(sql + " ORDER BY id", (as_of.timestamp(),)).fetchall()
        else:
            ids = list(claim_ids)
            rows = []
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._conn.execute(
                    sql + f" AND claim_id IN ({marks}) ORDER BY id", (as_of.timestamp(), *chunk)
                ).fetchall()
        for r in rows:
            ev = evidence_from_row(r)
            out.setdefault(ev.claim_id, []).append(ev)
        return out

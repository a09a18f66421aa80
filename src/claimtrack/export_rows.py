"""What exporters get: every active claim as of a moment, read a slice at a time.

:class:`ClaimStandings` is the sequence ``Tracker.export`` hands an exporter: its
length is known at once, and iterating it reads the claims in slices of
:data:`SLICE` (each with its evidence known by then, its source, and for a mention of
a tracked promise the promise's status, progress, the evidence of all its mentions and
its waiting suggestions), so ``export`` of a million claims holds one slice at a time.
Indexing it, or iterating it again, reads it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, overload

import attrs

from .model import ClaimKind, Evidence
from .status import PromiseFacts, Standing, StatusLine, standing
from .store_status import StatusQuery

if TYPE_CHECKING:
    from .store_suggestions import Suggestion
    from .tracker import Tracker

__all__ = ["SLICE", "ClaimStandings", "as_mention"]

#: How many claims are read at a time.
SLICE = 1000


def as_mention(
    row: Standing,
    pid: str | None,
    lines: Mapping[str, StatusLine],
    of_promise: Mapping[str, Sequence[Evidence]],
    waiting: Mapping[str, Sequence[Suggestion]],
    when: datetime,
    first_claims: Mapping[str, str],
) -> Standing:
    """``row`` as a mention of promise ``pid``: the promise's status, progress and
    deciding rule (its status line in ``lines``), the evidence of all its mentions, the
    suggestions on it known by ``when`` and its first mention's claim id (in
    ``first_claims``, read for a page of promises at once by
    :meth:`~claimtrack.store.SQLStore.promise_first_claims`).  A claim of no tracked
    promise stays as is."""
    line = lines.get(pid) if pid is not None else None
    if pid is None or line is None:
        return row
    labels = tuple(
        f"{s.label} {s.evidence.verdict.value}"
        for s in waiting.get(pid, ())
        if s.evidence.known_at <= when
    )
    return attrs.evolve(
        row,
        status=line.status,
        progress=line.progress,
        decided_by=line.decided_by,
        evidence=sorted(of_promise.get(pid, ()), key=lambda e: e.id or 0),
        promise=PromiseFacts(id=pid, first_claim=first_claims[pid], suggestions=labels),
    )


_TRACKED = (ClaimKind.COMMITMENT.value, ClaimKind.PREDICTION.value, ClaimKind.DEMAND.value)


class ClaimStandings(Sequence[Standing]):
    """Every active claim (all kinds) as of ``as_of``, in source order, with its
    evidence known by then (see :meth:`claimtrack.tracker.Tracker.claim_standings`)."""

    def __init__(self, tracker: Tracker, as_of: datetime) -> None:
        self.tracker = tracker
        self.as_of = as_of
        rows = tracker.store.read("SELECT COUNT(*) FROM claims WHERE retired_at IS NULL")
        self._n = int(str(rows[0][0]))

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> Standing: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Standing]: ...
    def __getitem__(self, i: int | slice) -> Standing | Sequence[Standing]:
        return list(self)[i]

    def __iter__(self) -> Iterator[Standing]:
        store = self.tracker.store
        at = self.as_of.timestamp()
        query = StatusQuery(at=at, horizon=at, recent=at, kinds=_TRACKED)
        excluded, odd = store.status_exceptions(query)
        query = attrs.evolve(query, exclude=tuple(excluded))
        apart = {ln.claim_id: ln for ln in odd}
        ids = [
            str(r[0])
            for r in store.read(
                "SELECT id FROM claims WHERE retired_at IS NULL"
                " ORDER BY source_id, span_start, span_end, id"
            )
        ]
        for start in range(0, len(ids), SLICE):
            yield from self._slice(ids[start : start + SLICE], query, apart)

    def _slice(
        self, ids: list[str], query: StatusQuery, apart: dict[str, StatusLine]
    ) -> Iterator[Standing]:
        tracker, store, when = self.tracker, self.tracker.store, self.as_of
        claims = store.claims_by_id(ids)
        evidence = store.evidence_known_by(when, list(claims))
        refs = store.source_refs({c.source_id for c in claims.values()})
        promise_of = store.promise_of_claims(ids)
        pids = sorted(set(promise_of.values()))
        lines = {ln.claim_id: ln for ln in store.status_stream(query, ids=pids)}
        lines.update((pid, apart[pid]) for pid in pids if pid in apart)
        of_promise = _promise_evidence(tracker, when, pids)
        waiting = tracker.suggestions(pids)
        first_claims = store.promise_first_claims(pids)
        for c in (claims[i] for i in ids if i in claims):
            row = standing(c, refs.get(c.source_id), evidence.get(c.id, ()), when)
            yield as_mention(
                row, promise_of.get(c.id), lines, of_promise, waiting, when, first_claims
            )


def _promise_evidence(
    tracker: Tracker, when: datetime, pids: Sequence[str]
) -> dict[str, list[Evidence]]:
    # A promise's verdicts land on one mention and count for all: the evidence known by
    # then of each of its active mentions (whatever slice they are in).
    if not pids:
        return {}
    rows: list[tuple[Any, ...]] = tracker.store.read(
        "SELECT m.claim_id, m.promise_id FROM mentions m JOIN claims c ON c.id = m.claim_id"
        " WHERE m.active = 1 AND c.retired_at IS NULL"
        " AND m.promise_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(pids)),),
    )
    owner = {str(cid): str(pid) for cid, pid in rows}
    out: dict[str, list[Evidence]] = {}
    for cid, items in tracker.store.evidence_known_by(when, list(owner)).items():
        out.setdefault(owner[cid], []).extend(items)
    return out

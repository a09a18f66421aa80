"""Reading the ledger's status on :class:`claimtrack.Tracker` (a mixin): ``status``,
``status_lines``, ``standings_of``, ``claim_standings``, ``promise_standings``.

A promise's status is derived by :func:`claimtrack.status.decide` from a few columns
and the evidence that can decide it; full rows (:class:`claimtrack.Standing`) are built
from the stored promise records only for the promises asked for.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from .actors import ActorRegistry, normalise_name
from .export_rows import as_mention
from .model import ClaimKind, Evidence, SourceRef, Status
from .records import claim_from_record
from .status import (
    PromiseFacts,
    Standing,
    StatusLine,
    decide,
    promise_standing,
    standing,
    timeline_at,
)
from .store_promise_reads import PromiseSummary
from .store_protocol import Store
from .store_status import promise_line
from .store_suggestions import Suggestion
from .timeutil import parse_when

__all__ = ["Statuses"]

When = str | date | datetime | None


class Statuses:
    """``status``, ``status_lines``, ``standings_of``, ``claim_standings``,
    ``promise_standings`` and ``standings``; mixed into :class:`claimtrack.Tracker`."""

    store: Store
    _given_actors: ActorRegistry | None
    suggestions: Callable[..., dict[str, list[Suggestion]]]

    @staticmethod
    def _as_of(as_of: When) -> datetime:
        raise NotImplementedError  # provided by Tracker

    def status(
        self,
        as_of: When = None,
        *,
        actor: str | None = None,
        kind: ClaimKind | str | None = ClaimKind.COMMITMENT,
        due_within: float | None = None,
        since: When = None,
        history: bool = False,
    ) -> list[Standing]:
        """Tracked promises of ``kind`` (default commitments; None for every kind) with
        their status as of ``as_of`` (default now), one row per promise, in the order
        they were first made; then, for ``kind`` None or an untracked kind
        (statements, undated predictions and demands), those claims, one row each,
        with no status.

        ``actor`` keeps those whose actor or speaker is that actor (any name or alias,
        else every actor whose name contains it); ``due_within`` keeps those due, or
        open with a window starting within that many days, plus the overdue (no
        untracked claim); ``since`` keeps those made since then.  Each row's
        ``evidence`` holds the evidence that can decide its status; ``history=True``
        loads all of it known by ``as_of`` instead (slower on a large store).
        """
        when = self._as_of(as_of)
        wanted = None if kind is None else ClaimKind(ClaimKind.parse(kind))
        rows: list[Standing] = []
        if wanted is not ClaimKind.STATEMENT:
            lines = self.status_lines(when, actor=actor, kind=wanted, since=since)
            if due_within is not None:
                horizon = (when + timedelta(days=due_within)).timestamp()
                lines = [ln for ln in lines if _due_soon(ln, horizon)]
            rows = self.standings_of([ln.claim_id for ln in lines], when, history=history)
        if due_within is None and wanted in (
            None,
            ClaimKind.STATEMENT,
            ClaimKind.PREDICTION,
            ClaimKind.DEMAND,
        ):
            rows += self._untracked(when, wanted, actor, since)
        return rows

    def _untracked(
        self, when: datetime, kind: ClaimKind | None, actor: str | None, since: When
    ) -> list[Standing]:
        # Claims that are no promise (statements, undated predictions and demands).
        claims = [
            c
            for c in self.store.claims(
                kinds=None if kind is None else [kind],
                actor_ids=None if actor is None else self._actor_ids(actor),
            )
            if not c.is_tracked
        ]
        floor = parse_when(since, what="--since") if since is not None else None
        if floor is not None:
            claims = [c for c in claims if c.asserted_at is not None and c.asserted_at >= floor]
        claims = [c for c in claims if c.asserted_at is None or c.asserted_at <= when]
        refs = self.store.source_refs({c.source_id for c in claims})
        evidence = self.store.evidence_known_by(when, [c.id for c in claims])
        return [standing(c, refs.get(c.source_id), evidence.get(c.id, ()), when) for c in claims]

    def status_lines(
        self,
        as_of: When = None,
        *,
        actor: str | None = None,
        kind: ClaimKind | str | None = ClaimKind.COMMITMENT,
        since: When = None,
    ) -> list[StatusLine]:
        """The status of every matching tracked promise (``kind``: one kind, None for
        every tracked kind) as a :class:`StatusLine` whose ``claim_id`` is the promise's
        id, without parsing records: SQL reads a few columns and, per promise, only the
        evidence of its mentions that can decide it; :func:`claimtrack.status.decide`
        (the one derivation) gives each status.  A promise first seen after ``as_of``
        is not listed.  Filters as :meth:`status` (``since``: first seen since then)."""
        when = self._as_of(as_of)
        kinds = (
            [ClaimKind(ClaimKind.parse(kind))]
            if kind is not None
            else [ClaimKind.COMMITMENT, ClaimKind.PREDICTION, ClaimKind.DEMAND]
        )
        actor_ids = None if actor is None else self._actor_ids(actor)
        since_at = parse_when(since, what="--since") if since is not None else None
        with _gc_paused():
            summaries = self.store.promise_summaries(kinds=kinds, actor_ids=actor_ids, seen_by=when)
            if since_at is not None:
                floor = since_at.timestamp()
                summaries = [
                    s for s in summaries if s.first_seen_ts is not None and s.first_seen_ts >= floor
                ]
            evidence = self.store.promise_evidence(
                when, None if actor is None and since is None else [s.id for s in summaries]
            )
            return list(_promise_lines(summaries, evidence, when.timestamp()))

    def standings_of(
        self, ids: Sequence[str], as_of: When = None, *, history: bool = False
    ) -> list[Standing]:
        """Full :class:`Standing` rows of these promises (in this order) as of ``as_of``:
        each row's ``claim`` is the promise's reading (its id the promise's), its
        ``evidence`` that of all its mentions (all of it known by then with
        ``history``, else what can decide the status)."""
        when = self._as_of(as_of)
        with _gc_paused():
            texts = self.store.promise_records_json(list(ids), public=False)
            evidence = self.store.promise_evidence(
                when, list(texts) if len(texts) <= 5000 else None, decisive=not history
            )
            records = {pid: json.loads(texts[pid]) for pid in ids if pid in texts}
            refs = self.store.source_refs(
                {(r.get("source") or {}).get("id") or "" for r in records.values()}
            )
            waiting = self.suggestions(list(records)) if len(records) <= 5000 else {}
            out: list[Standing] = []
            for pid in ids:
                if pid not in records:
                    continue
                row = _promise_row(records[pid], evidence.get(pid, ()), when, refs)
                labels = tuple(
                    f"{s.label} {s.evidence.verdict.value}"
                    + (f" {s.evidence.confidence:.0%}" if s.evidence.confidence else "")
                    for s in waiting.get(pid, ())
                    if s.evidence.known_at <= when
                )
                if labels and row.promise is not None:
                    row = attrs.evolve(row, promise=attrs.evolve(row.promise, suggestions=labels))
                out.append(row)
            return out

    def claim_standings(self, as_of: When = None) -> list[Standing]:
        """Every active claim (all kinds) as of ``as_of`` with its evidence known by
        then; a claim that is a mention of a tracked promise carries the promise
        (``promise``) and the promise's status and progress.  What exporters get."""
        when = self._as_of(as_of)
        with _gc_paused():
            ids = [s.id for s in self.store.claim_summaries()]
            claims = self.store.claims_by_id(ids)
            evidence = self.store.evidence_known_by(when, list(claims))
            refs = self.store.source_refs({c.source_id for c in claims.values()})
            promise_of = self.store.promise_of_claims(ids)
            lines = {ln.claim_id: ln for ln in self.status_lines(when, kind=None)}
            # A promise's verdicts land on one mention and count for all: each mention's
            # record shows them all.
            of_promise: dict[str, list[Evidence]] = {}
            for cid, owner in promise_of.items():
                of_promise.setdefault(owner, []).extend(evidence.get(cid, ()))
            waiting = self.suggestions(sorted(of_promise))
            first_claims = self.store.promise_first_claims(sorted(of_promise))
            out: list[Standing] = []
            for c in (claims[i] for i in ids if i in claims):
                row = standing(c, refs.get(c.source_id), evidence.get(c.id, ()), when)
                pid = promise_of.get(c.id)
                out.append(as_mention(row, pid, lines, of_promise, waiting, when, first_claims))
            return out

    def _actor_ids(self, name: str) -> list[str]:
        registry = self.store.registry()
        for actor in self._given_actors or ():
            with contextlib.suppress(ValueError):
                registry.add(actor)
        found = registry.resolve(name)
        if found is not None:
            return [found.id]
        # Not a known name: every actor one of whose names contains it ("Starmer").
        key = normalise_name(name)
        return [
            a.id for a in registry if any(key in normalise_name(n) for n in (a.name, *a.aliases))
        ]

    def promise_standings(self, as_of: When = None) -> list[Standing]:
        """One :class:`Standing` per tracked promise (every tracked kind) first seen by
        ``as_of``, in first-seen order, with its whole evidence history known by then
        and its facts (``promise``: mentions, sources, first seen, relations): what an
        exporter whose rows are ``promise`` gets."""
        when = self._as_of(as_of)
        lines = self.status_lines(when, kind=None)
        lines.sort(key=lambda ln: (ln.published_ts is None, ln.published_ts or 0.0, ln.claim_id))
        return self.standings_of([ln.claim_id for ln in lines], when, history=True)

    def standings(self, as_of: When = None) -> list[Standing]:
        """Every active claim (all kinds) as of ``as_of``, with its evidence history
        known by then, for exporters (see :meth:`claim_standings`)."""
        return self.claim_standings(as_of)


def _promise_lines(
    summaries: Iterable[PromiseSummary], evidence: Mapping[str, Sequence[Evidence]], at: float
) -> Iterator[StatusLine]:
    for s in summaries:
        status, progress, decided = decide(
            evidence.get(s.id, ()),
            bool(s.has_condition),
            timeline_at(s.due_start_ts, s.due_end_ts, bool(s.due_vague), at),
        )
        yield promise_line(s, status, progress, decided)


def _promise_row(
    record: Mapping[str, Any],
    evidence: Iterable[Evidence],
    when: datetime,
    refs: Mapping[str, SourceRef] | None = None,
) -> Standing:
    reading = claim_from_record(record)
    src = record.get("source") or {}
    source = (refs or {}).get(src.get("id") or "") or SourceRef(
        id=src.get("id") or reading.source_id,
        uri=src.get("uri"),
        title=src.get("title"),
        published_at=parse_when(src.get("published_at"), what="published_at"),
    )
    mentions = record.get("mentions") or []
    facts = PromiseFacts(
        id=reading.id,
        first_claim=mentions[0]["id"] if mentions else reading.id,
        mentions=len(mentions),
        sources=len({m["source"]["id"] for m in mentions}),
        speaker=reading.speaker.name if reading.speaker is not None else None,
        first_seen=parse_when(record.get("first_seen"), what="first_seen"),
        relations=tuple((r["type"], r["id"]) for r in record.get("relations") or ()),
    )
    return promise_standing(reading, source, evidence, when, facts)


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building 100,000 small acyclic rows triggers the cyclic collector over and over
    # (a fifth of the time of a large status); nothing here makes cycles.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _due_soon(line: StatusLine, horizon_ts: float) -> bool:
    if line.status in (Status.OVERDUE, Status.DUE):
        return True
    return (
        line.status is Status.OPEN
        and line.dated
        and line.due_start_ts is not None
        and line.due_start_ts <= horizon_ts
    )

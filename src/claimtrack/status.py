"""Status is derived, never stored: a pure function of a commitment, its evidence and a time.

The rules (DESIGN.md, "The rules, exactly"):

1. ``status`` is the latest *final* verdict known by ``as_of`` (kept, partially_kept,
   broken, withdrawn, unverifiable, annulled): a person's outranks an imported
   review's, which outranks a checker's; then the later ``known_at`` wins (then the
   later ``recorded_at``).
2. Else ``conditional`` while the commitment's condition waits (no ``condition_met``
   evidence known by ``as_of``).
3. Else the timeline state of the due window: ``open`` before it, ``due`` inside it,
   ``overdue`` after it.  No window, an unresolved one or a vague one is never overdue:
   it stays ``open``.

Interim verdicts (in_progress, stalled) show beside a non-final status as ``progress``,
ranked the same way.  Evidence counts only from its ``known_at``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

from .model import (
    FINAL_VERDICTS,
    INTERIM_VERDICTS,
    Claim,
    Evidence,
    Progress,
    SourceRef,
    Status,
    TimeWindow,
    Verdict,
)

__all__ = [
    "PromiseFacts",
    "Standing",
    "StatusLine",
    "decide",
    "derive_status",
    "promise_standing",
    "rank_key",
    "standing",
    "timeline_at",
    "timeline_state",
]


@attrs.frozen(kw_only=True)
class PromiseFacts:
    """What a row of the report says of the promise it stands for: its id, its first
    mention, how many mentions in how many sources, who made it (the speaker), when it
    was first seen, and its relations ((type, other promise id), e.g. revises)."""

    id: str
    first_claim: str
    mentions: int = 1
    sources: int = 1
    speaker: str | None = None
    first_seen: datetime | None = None
    relations: tuple[tuple[str, str], ...] = ()
    #: The checker's suggestions waiting for a person, known by then: "s12 kept 42%".
    suggestions: tuple[str, ...] = ()

    @property
    def mentions_phrase(self) -> str:
        """ "3 mentions in 2 sources", "1 mention"."""
        m = f"{self.mentions} mention{'s' if self.mentions != 1 else ''}"
        if self.sources > 1 or self.mentions > 1:
            m += f" in {self.sources} source{'s' if self.sources != 1 else ''}"
        return m


@attrs.frozen(kw_only=True)
class Standing:
    """A claim (or a promise's reading) as of a moment: its status and progress (None
    for what is not tracked), the evidence that decided them, and all its evidence
    known by then.  ``promise`` is set when the row stands for a tracked promise (for
    a claim row, the promise it is a mention of)."""

    claim: Claim
    source: SourceRef | None
    status: Status | None
    progress: Progress | None
    as_of: datetime
    decided_by: Evidence | None = None
    evidence: Sequence[Evidence] = ()
    promise: PromiseFacts | None = None

    @property
    def overdue_by_days(self) -> float | None:
        """Days past the end of the due window, when overdue."""
        due = self.claim.due
        if self.status is not Status.OVERDUE or due is None or due.end is None:
            return None
        return (self.as_of - due.end).total_seconds() / 86400


@attrs.frozen(kw_only=True)
class StatusLine:
    """A commitment's status with just the facts the report sorts and groups by: no
    claim text, so a store of 100,000 commitments can be summed up without parsing
    each record.  ``who`` is the id of the actor who must act (else the speaker);
    times are POSIX timestamps as the store holds them."""

    claim_id: str  # the tracked unit: a promise's id in the tracker's report
    status: Status | None
    progress: Progress | None
    decided_by: Evidence | None
    who: str | None
    due_start_ts: float | None
    due_end_ts: float | None
    due_vague: bool
    published_ts: float | None = None
    kind: str = "commitment"

    @property
    def dated(self) -> bool:
        """Whether the due window is firm (resolved and not vague)."""
        return not self.due_vague and self.due_start_ts is not None and self.due_end_ts is not None

    @classmethod
    def of(cls, row: Standing) -> StatusLine:
        """The line of a full :class:`Standing`."""
        due = row.claim.due
        who = row.claim.actor or row.claim.speaker
        published = row.source.published_at if row.source is not None else None
        return cls(
            kind=row.claim.kind.value,
            claim_id=row.claim.id,
            status=row.status,
            progress=row.progress,
            decided_by=row.decided_by,
            who=who.id if who is not None else None,
            due_start_ts=due.start.timestamp() if due is not None and due.start else None,
            due_end_ts=due.end.timestamp() if due is not None and due.end else None,
            due_vague=bool(due is not None and due.vague),
            published_ts=published.timestamp() if published is not None else None,
        )


def rank_key(evidence: Evidence) -> tuple[int, datetime, datetime, int, str]:
    """Orders evidence by authority: a person above an imported review above a
    checker (:attr:`RecorderKind.authority`), then later known, then later recorded
    (then later stored).  The maximum wins; the verdict's name breaks a full tie so
    the answer never depends on the order evidence arrives in."""
    return (
        evidence.recorder.authority,
        evidence.known_at,
        evidence.recorded_at,
        evidence.id or 0,
        evidence.verdict.value,
    )


def timeline_state(due: TimeWindow | None, as_of: datetime) -> Status:
    """open / due / overdue from the due window alone (rule 3)."""
    if due is None or due.vague or due.start is None or due.end is None:
        return Status.OPEN
    return timeline_at(due.start.timestamp(), due.end.timestamp(), False, as_of.timestamp())


def timeline_at(
    start_ts: float | None, end_ts: float | None, vague: bool, as_of_ts: float
) -> Status:
    """Rule 3 on POSIX timestamps, for the store's narrowed rows (which hold the window
    as numbers): :func:`timeline_state` is this on a :class:`TimeWindow`.

    Timestamps order exactly as the aware datetimes they came from (a double resolves
    microseconds at today's epoch), so both forms give the same answer."""
    if vague or start_ts is None or end_ts is None or as_of_ts < start_ts:
        return Status.OPEN
    if as_of_ts < end_ts:
        return Status.DUE
    return Status.OVERDUE


def derive_status(
    claim: Claim, evidence: Iterable[Evidence], as_of: datetime
) -> tuple[Status, Progress | None, Evidence | None]:
    """The status of commitment ``claim`` as of ``as_of``, its progress, and the evidence
    that decided the status (None when the timeline did).  Pure: same inputs, same answer.

    Evidence for other claims, or known after ``as_of``, is ignored.
    """
    known = [e for e in evidence if e.claim_id == claim.id and e.known_at <= as_of]
    return decide(known, bool(claim.condition), timeline_state(claim.due, as_of))


def decide(
    known: Iterable[Evidence], has_condition: bool, timeline: Status
) -> tuple[Status, Progress | None, Evidence | None]:
    """Rules 1-2 over evidence already known by ``as_of``, falling back to ``timeline``
    (rule 3's answer).  :func:`derive_status` is the one public way in; the store's fast
    path calls this with the few rows SQL kept (the top-ranked final and interim
    verdicts and a ``condition_met``), which gives the same answer as all the rows,
    because these rules look at nothing else."""
    finals: list[Evidence] = []
    interim: list[Evidence] = []
    condition_met = False
    for e in known:
        if e.verdict in FINAL_VERDICTS:
            finals.append(e)
        elif e.verdict in INTERIM_VERDICTS:
            interim.append(e)
        elif e.verdict is Verdict.CONDITION_MET:
            condition_met = True
    if finals:
        winner = max(finals, key=rank_key)
        return Status(winner.verdict.value), None, winner
    progress = Progress(max(interim, key=rank_key).verdict.value) if interim else None
    if has_condition and not condition_met:
        return Status.CONDITIONAL, progress, None
    return timeline, progress, None


def standing(
    claim: Claim, source: SourceRef | None, evidence: Iterable[Evidence], as_of: datetime
) -> Standing:
    """A :class:`Standing` for any claim; only commitments get a status."""
    mine = sorted(
        (e for e in evidence if e.claim_id == claim.id and e.known_at <= as_of),
        key=lambda e: (e.known_at, e.recorded_at, e.id or 0),
    )
    if not claim.is_tracked:
        return Standing(
            claim=claim, source=source, status=None, progress=None, as_of=as_of, evidence=mine
        )
    status, progress, decided = derive_status(claim, mine, as_of)
    return Standing(
        claim=claim,
        source=source,
        status=status,
        progress=progress,
        as_of=as_of,
        decided_by=decided,
        evidence=mine,
    )


def promise_standing(
    reading: Claim,
    source: SourceRef | None,
    evidence: Iterable[Evidence],
    as_of: datetime,
    promise: PromiseFacts,
) -> Standing:
    """The :class:`Standing` of a promise: ``reading`` is its effective claim (id: the
    promise's), ``evidence`` that of all its mentions.  Whatever its kind, a promise is
    tracked; evidence known after ``as_of`` is ignored."""
    mine = sorted(
        (e for e in evidence if e.known_at <= as_of),
        key=lambda e: (e.known_at, e.recorded_at, e.id or 0),
    )
    status, progress, decided = decide(
        mine, bool(reading.condition), timeline_state(reading.due, as_of)
    )
    return Standing(
        claim=reading,
        source=source,
        status=status,
        progress=progress,
        as_of=as_of,
        decided_by=decided,
        evidence=mine,
        promise=promise,
    )

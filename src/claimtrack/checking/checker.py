"""The built-in checker: reads later reports in the store for evidence that an open
commitment was kept, or was not.

For a commitment it builds a :class:`~.frames.Frame` (who must act, what, where) and
reads every source published after the commitment was made and by ``as_of``.  A
sentence counts as a report that it happened when

- the same actor is its subject (a name or alias from the registry, a surname, or a
  group's head noun with a modifier: "military chiefs" for "coalition military chiefs"),
- a verb of the same action class reports the past ("met" for "convene"; not "will
  meet", "set to meet", "agreed to meet"), or an event noun with a verb saying it
  happened ("the meeting was held"),
- the objects overlap, when the action has any ("tightened sanctions", not "tightened
  security"),
- the place, when one was named, is the same or inside it (Northwood, London, UK),
- and the time it gives (``find_windows`` on the sentence, past tense, against the
  report's publication time), or else the publication time, falls in or near the due
  window.

A report of postponement, delay, cancellation, refusal or failure near the action
counts against it.  For a conditional commitment the condition is read the same way:
a report that it happened records ``condition_met``; that it failed, ``annulled``.
Every piece of evidence carries the sentence it rests on, a confidence and a note
saying why it matched.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import attrs

from ..model import Claim, Evidence, RecorderKind, Source, TimeWindow, Verdict
from ..store import StoreView
from .frames import (
    EventHit,
    Frame,
    action_frame,
    actor_terms,
    amounts,
    condition_frame,
    find_actor,
    find_event,
    find_negative,
    is_partial,
    nominal_condition,
    place_fit,
    places_in,
    shortfall,
    subject_pronoun_before,
)
from .lexicon import classes_of
from .text import Sentence, sentences

__all__ = ["CHECKER", "MIN_CONFIDENCE", "check_commitment", "recorded_by"]

#: The name evidence from this checker is recorded under (with the version).
CHECKER = "claimtrack.checker"
#: Findings below this confidence are not recorded.
MIN_CONFIDENCE = 0.3
#: How far outside the due window a dated report may fall and still count (time zones,
#: a report dated by its day rather than its hour).
SLACK = timedelta(hours=12)
#: How long after the window closes an undated report of the past may be published.
LATE_REPORT = timedelta(days=3)


def recorded_by() -> str:
    """``claimtrack.checker <version>``."""
    from .. import __version__

    return f"{CHECKER} {__version__}"


@attrs.frozen
class _Finding:
    verdict: Verdict
    confidence: float
    sentence: Sentence
    source: Source
    happened_at: datetime | None
    reason: str | None
    note: str

    @property
    def known_at(self) -> datetime:
        """When the report became known: its publication (always set for reports read)."""
        assert self.source.published_at is not None
        return self.source.published_at


@lru_cache(maxsize=1024)
def _analyse(
    source_id: str, published: datetime | None, text: str, title: str | None
) -> tuple[Sentence, ...]:
    # Keyed by content id and publication time: a stored text never changes under its
    # id, so each report is split once per process however many commitments read it.
    return tuple(sentences(text, title))


@lru_cache(maxsize=8192)
def _windows(sentence: str, reference: datetime) -> tuple[tuple[tuple[int, int], TimeWindow], ...]:
    from ..timewindows import find_windows

    try:
        return tuple(find_windows(sentence, reference, tense="past"))
    except Exception:  # the time engine failing on one sentence must not stop the check
        return ()


def _event_window(sentence: Sentence, at_char: int, published: datetime) -> TimeWindow | None:
    # The time expression nearest the verb, among those not after publication: a
    # report of the past cannot date its event later than itself.
    best: tuple[int, TimeWindow] | None = None
    for (start, end), window in _windows(sentence.text, published):
        if window.start is None or window.end is None or window.vague:
            continue
        if window.start > published:
            continue
        distance = 0 if start <= at_char < end else min(abs(at_char - start), abs(at_char - end))
        if best is None or distance < best[0]:
            best = (distance, window)
    return None if best is None else best[1]


def _time_fit(
    claim: Claim, event: TimeWindow | None, published: datetime, since: datetime
) -> tuple[float, datetime | None, str] | None:
    due = claim.due
    if due is not None and due.start is not None and due.end is not None and not due.vague:
        lo, hi = due.start - SLACK, due.end + SLACK
        if event is not None:
            assert event.start is not None and event.end is not None
            if event.end <= lo or event.start >= hi:
                return None
            return 1.0, event.start, f"dated {event.start:%d %b %Y}, inside the due window"
        if published < lo:
            return None
        if published <= hi:
            return 0.8, None, f"reported {published:%d %b %Y}, inside the due window"
        if published <= due.end + LATE_REPORT:
            return 0.6, None, f"reported {published:%d %b %Y}, just after the due window"
        return None
    if event is not None:
        assert event.end is not None and event.start is not None
        if event.end <= since:
            return None
        return 0.9, event.start, f"dated {event.start:%d %b %Y}, after the promise"
    return 0.75, None, f"reported {published:%d %b %Y}, after the promise"


def _actor_fit(
    frame: Frame, sents: Sequence[Sentence], k: int, at: int, *, anywhere: bool = False
) -> tuple[float, str] | None:
    # The actor must be the subject: named before the verb, or after it in a passive
    # "by" phrase; an event noun takes it anywhere ("a meeting of military chiefs").
    toks = sents[k].toks
    if frame.actor is None:
        return 0.6, "actor unknown"
    found = find_actor(frame.actor, toks)
    if found is not None:
        score, index, how = found
        if anywhere or index <= at or any(t.low == "by" for t in toks[at:index]):
            return score, f"actor {how}"
    # "They met on Thursday." after a sentence naming them.
    if k > 0 and subject_pronoun_before(toks, at):
        prev = find_actor(frame.actor, sents[k - 1].toks)
        if prev is not None:
            return prev[0] * 0.7, f"actor {prev[2]} in the sentence before"
    # "The review was published on Tuesday.": a passive with no agent, whose subject is
    # what was promised, leaves the actor implied; a "by" phrase naming another rules it out.
    # "The library reopened on Monday" likewise: what was promised is the subject of a
    # verb that takes it so (open, close, end, rise...).
    if (
        (found is None or found[1] > at)
        and frame.objects
        and at < len(toks)
        and (
            any(t.low in _BE for t in toks[max(0, at - 3) : at])
            or classes_of(toks[at].stem) & _ERGATIVE
        )
        and frame.objects & {t.stem for t in toks[:at]}
        and not any(t.low == "by" for t in toks[at:])
    ):
        return 0.55, "actor not named (what was promised is the subject)"
    return None


_BE = frozenset({"was", "were", "been", "is", "are", "be"})
_ERGATIVE = frozenset({"open", "close", "end", "increase", "decrease"})


def _positive(
    claim: Claim, frame: Frame, source: Source, sents: Sequence[Sentence], since: datetime
) -> Iterator[_Finding]:
    assert source.published_at is not None
    for k, sentence in enumerate(sents):
        if not sentence.stems & frame.triggers:
            continue
        for hit in find_event(frame, sentence.toks, headline=sentence.headline):
            if hit.tense not in {"past", "progress"}:
                continue
            found = _judge(claim, frame, source, sents, k, hit, since)
            if found is not None:
                yield found


def _judge(
    claim: Claim,
    frame: Frame,
    source: Source,
    sents: Sequence[Sentence],
    k: int,
    hit: EventHit,
    since: datetime,
) -> _Finding | None:
    assert source.published_at is not None
    sentence = sents[k]
    actor = _actor_fit(frame, sents, k, hit.index, anywhere=hit.nominal)
    if actor is None:
        return None
    place = place_fit(frame.places, [p for p, _ in places_in(sentence.toks)])
    if place is None:
        return None
    event = _event_window(sentence, sentence.toks[hit.index].start, source.published_at)
    timing = _time_fit(claim, event, source.published_at, since)
    if timing is None:
        return None
    confidence = actor[0] * hit.score * place[0] * timing[0]
    if sentence.headline:
        confidence *= 0.85
    reasons = [actor[1], f"action {hit.how}", place[1], timing[2]]
    verdict = Verdict.KEPT
    reason = None
    if hit.negated:
        # "did not meet": counts against only once the window has closed (or the
        # sentence dates the miss); "have not yet met" during the window is no news.
        due_end = claim.due.end if claim.due is not None else None
        if due_end is not None and source.published_at < due_end and event is None:
            return None
        verdict, reason = Verdict.BROKEN, "did not happen"
    elif hit.tense == "progress":
        verdict = Verdict.IN_PROGRESS
    elif is_partial(sentence.toks):
        verdict = Verdict.PARTIALLY_KEPT
    elif (short := shortfall(amounts(frame.text), amounts(sentence.text))) is not None:
        # "built 150,000 homes" of 300,000 promised.
        verdict = Verdict.PARTIALLY_KEPT
        reasons.append(f"{short[0]:,.0f} of {short[1]:,.0f}")
    return _Finding(
        verdict=verdict,
        confidence=min(0.95, confidence),
        sentence=sentence,
        source=source,
        happened_at=timing[1],
        reason=reason,
        note="; ".join(r for r in reasons if r),
    )


def _negative(
    claim: Claim, frame: Frame, source: Source, sents: Sequence[Sentence]
) -> Iterator[_Finding]:
    assert source.published_at is not None
    due = claim.due
    for k, sentence in enumerate(sents):
        if not sentence.stems & frame.triggers:
            continue
        found = find_negative(frame, sentence.toks, headline=sentence.headline)
        if found is None:
            continue
        verdict, reason, _at, cue = found
        actor = _actor_fit(frame, sents, k, len(sentence.toks))
        if actor is None and frame.objects and frame.objects <= {t.stem for t in sentence.toks}:
            # "The signing of the minerals deal was called off": all that was promised
            # is named, so the unnamed actor is implied.
            actor = (0.55, "actor not named; everything promised is")
        if actor is None:
            continue
        place = place_fit(frame.places, [p for p, _ in places_in(sentence.toks)])
        if place is None:
            continue
        # A report long after the window closed is about something else.
        if (
            due is not None
            and due.end is not None
            and source.published_at > due.end + timedelta(days=30)
        ):
            continue
        yield _Finding(
            verdict=Verdict(verdict),
            confidence=min(0.9, actor[0] * 0.85 * place[0]),
            sentence=sentence,
            source=source,
            happened_at=None,
            reason=reason,
            note=f'"{cue}" near the action; {actor[1]}',
        )


def _condition(
    claim: Claim, frame: Frame, source: Source, sents: Sequence[Sentence], since: datetime
) -> Iterator[_Finding]:
    assert source.published_at is not None
    for k, sentence in enumerate(sents):
        if frame.nominal:
            found = nominal_condition(frame, sentence.toks)
            if found is None:
                continue
            outcome, _ = found
            verdict = Verdict.CONDITION_MET if outcome == "met" else Verdict.ANNULLED
            yield _Finding(
                verdict=verdict,
                confidence=0.6,
                sentence=sentence,
                source=source,
                happened_at=None,
                reason=None if verdict is Verdict.CONDITION_MET else "condition failed",
                note=f"condition {outcome}: {claim.condition}",
            )
            continue
        for hit in find_event(frame, sentence.toks, headline=sentence.headline):
            if hit.tense != "past":
                continue
            actor = _actor_fit(frame, sents, k, hit.index) if frame.actor else (0.7, "")
            if actor is None:
                continue
            verdict = Verdict.ANNULLED if hit.negated else Verdict.CONDITION_MET
            yield _Finding(
                verdict=verdict,
                confidence=min(0.8, 0.7 * actor[0] * hit.score),
                sentence=sentence,
                source=source,
                happened_at=None,
                reason=None if verdict is Verdict.CONDITION_MET else "condition failed",
                note=f"condition {'failed' if hit.negated else 'met'}: {claim.condition}; {actor[1]}",
            )


def check_commitment(
    claim: Claim, store: StoreView, as_of: datetime, *, now: datetime | None = None
) -> list[Evidence]:
    """Evidence about commitment ``claim`` from reports in ``store`` published after it
    was made and by ``as_of``: per report, the most confident finding for each verdict
    (kept, partially kept, in progress; broken, stalled, withdrawn; condition met,
    annulled).  Nothing for other kinds of claim, or when the commitment's time is
    unknown (no later reports can be told apart)."""
    if not claim.is_tracked:
        return []
    since = claim.asserted_at
    if since is None:
        try:
            since = store.get_source(claim.source_id).published_at
        except LookupError:
            since = None
    if since is None:
        return []
    actor = claim.actor or claim.speaker
    terms = None
    if actor is not None:
        known = store.get_actor(actor.id)
        terms = actor_terms(actor, known.aliases if known is not None else ())
    frame = action_frame(claim.action or claim.text, terms, phrase=bool(claim.action))
    if claim.action:
        # The place may be in the claim's words rather than its action ("set to meet in
        # London on Thursday" with action "meet").
        extra = action_frame(claim.text, terms).places
        if extra and not frame.places:
            frame = attrs.evolve(frame, places=extra)
    cond = condition_frame(claim.condition) if claim.condition else None
    stamp = now or datetime.now(timezone.utc)
    best: dict[tuple[str, Verdict], _Finding] = {}
    for source in store.sources(published_after=since, published_before=as_of):
        if source.id == claim.source_id or source.published_at is None:
            continue
        sents = _analyse(source.id, source.published_at, source.text, source.title)
        findings: list[_Finding] = []
        if frame.verb is not None:
            findings += _positive(claim, frame, source, sents, since)
            findings += _negative(claim, frame, source, sents)
        if cond is not None:
            findings += _condition(claim, cond, source, sents, since)
        for f in findings:
            key = (source.id, f.verdict)
            if f.confidence >= MIN_CONFIDENCE and (
                key not in best or f.confidence > best[key].confidence
            ):
                best[key] = f
    by = recorded_by()
    return [
        Evidence(
            claim_id=claim.id,
            verdict=f.verdict,
            source_id=f.source.id,
            uri=f.source.uri,
            excerpt=f.sentence.text,
            reason=f.reason,
            happened_at=f.happened_at,
            known_at=f.known_at,
            recorded_at=stamp,
            recorded_by=by,
            recorder=RecorderKind.CHECKER,
            confidence=round(f.confidence, 3),
            note=f.note,
        )
        for f in sorted(best.values(), key=lambda f: (f.known_at, f.verdict.value))
    ]

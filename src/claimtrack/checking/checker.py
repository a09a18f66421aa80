"""The built-in checker: reads later reports for evidence that an open promise was
kept, or was not.

For a promise (:class:`~.promise.PromiseView`) it reads only the sentences of reports
published after the promise and by ``as_of`` that carry one of its names (the report
index, :mod:`.reports`, built once per check), and in each:

1. **is it about this promise?** (:mod:`.identity`)  Its act shows (:mod:`.reading`: "met" for "convene",
   "talks were held", "began vaccinations"); no one else stands where the actor should
   ("the mayor of Bexley" for "the mayor of Ashford"); what the act is on is named in the
   sentence, or in the sentences it leans on when it says "it", "the campaign"; a name
   of the promise is in the sentence, its headline or the sentences before;
2. **where and when?**  its places against the promise's (:mod:`.places`); its time
   phrases, read as the past of its publication, against the due window;
3. **what became of it?**  the first verdict rule that applies (:mod:`.rules`) decides;
   its name, the sentence and a confidence go into the evidence.  The confidence is
   composed (:mod:`.confidence`) from the parts of the promise the sentence matches and
   the rule's reliability on the calibration set (:mod:`.calibration`).

A report yields at most one final verdict per promise: its most confident reading.
"""

from __future__ import annotations

from datetime import datetime, timezone

import attrs

from ..model import Claim, Evidence, RecorderKind, Verdict
from ..store import StoreView
from .confidence import Part, compose, describe
from .identity import identity, keys, name_parts
from .lexicon import STOPWORDS, phrase_key, place_key
from .promise import PromiseView, promise_mentions
from .report_readings import (
    act_readings,
    condition_readings,
    item_readings,
    theme_readings,
    time_part,
)
from .reports import ReportIndex, ReportSentence, report_index
from .rules import CONDITION_RULES, RULES, Reading, Rule, decide

__all__ = [
    "CHECKER",
    "MIN_CONFIDENCE",
    "Finding",
    "check_commitment",
    "check_promise",
    "promise_mentions",
    "recorded_by",
]

#: The name evidence from this checker is recorded under (with the version).
CHECKER = "claimtrack.checker"
#: Findings below this confidence are not recorded.
MIN_CONFIDENCE = 0.3


def recorded_by() -> str:
    """``claimtrack.checker <version>``."""
    from .. import __version__

    return f"{CHECKER} {__version__}"


@attrs.frozen
class Finding:
    """What one report sentence says of a promise, by which rule, how sure."""

    rule: Rule
    verdict: Verdict
    confidence: float
    where: ReportSentence
    happened_at: datetime | None
    note: str


# -- putting it together ----------------------------------------------------------------


def _anchors(view: PromiseView) -> frozenset[str]:
    anchors = set(view.anchors | view.title_anchors)
    if not view.anchors:
        # No name in the promise: the actor's words, the theme and the act's own words
        # must carry the search.
        anchors |= view.act.triggers | view.act.nouns
        if view.actor is not None:
            anchors |= {s for p in view.actor.phrases for s in p}
            if view.actor.head:
                anchors.add(view.actor.head)
        anchors |= view.act.theme
    if view.condition is not None:
        # What the promise waits on is looked for whatever names the promise has.
        anchors |= view.condition.triggers | view.condition.theme
    if view.act.places:
        from .lexicon import _CONTAINED_IN

        wanted = {place_key(p.key) for p in view.act.places}
        # Places known to lie inside the promised ones ("Northwood" for "the UK").
        for inner in _CONTAINED_IN:
            from .lexicon import within

            if any(within(inner, k) for k in wanted):
                anchors |= set(phrase_key(inner))
    named = view.anchors | view.title_anchors
    return frozenset((anchors - STOPWORDS - named) | keys(frozenset(named - STOPWORDS)))


def _finding(
    view: PromiseView,
    rs: ReportSentence,
    reading: Reading,
    note: str,
    parts: tuple[Part, ...],
    rules: tuple[Rule, ...],
) -> Finding | None:
    # What one reading says of the promise: the rule that decides it, and how sure.
    rule = decide(reading, rules)
    if rule is None or rule.verdict is None:
        return None
    if reading.timing == "before" or (rule.verdict is Verdict.KEPT and reading.timing == "unknown"):
        return None
    who: tuple[Part, ...] | None
    if rules is CONDITION_RULES:
        who = ()
    elif reading.item is not None:
        # One of the names the promise lists is itself what the report is about.
        who = () if not view.anchors else name_parts(view, rs) or None
    else:
        who = identity(view, rs, reading.mention)
    if who is None:
        return None
    every = (*who, *parts, time_part(reading))
    if rs.sentence.headline:
        every = (*every, Part("form", "headline"))
    return Finding(
        rule=rule,
        verdict=rule.verdict,
        confidence=compose(every, rule.confidence),
        where=rs,
        happened_at=reading.happened.start if reading.happened is not None else None,
        note=f"rule {rule.name}: {rule.summary}; {note}; {describe(every, rule.confidence)}",
    )


def check_promise(view: PromiseView, index: ReportIndex) -> list[Finding]:
    """Per report, the most confident final finding about ``view`` (and the most
    confident interim one, when no final), from the reports in ``index``."""
    triggers = view.act.triggers | view.act.nouns
    cond_triggers = (
        (view.condition.triggers | view.condition.theme) if view.condition else frozenset()
    )
    item_words = {w for name in view.act.items for w in name.split()}
    best: dict[tuple[str, bool], Finding] = {}
    anchors = _anchors(view)
    if len(view.act.theme) >= 2:
        # A report naming the whole theme may name no one: find it by its rarest word,
        # when that word is rare enough to tell one promise from another.
        rarest = min(sorted(view.act.theme), key=index.frequency)
        if index.frequency(rarest) <= max(20, index.sentence_count // 200):
            anchors |= {rarest}
    for rs in index.candidates(anchors, view.since, skip=view.source_ids):
        stems = rs.sentence.stems
        readings: list[tuple[Reading, str, tuple[Part, ...], tuple[Rule, ...]]] = []
        if stems & triggers and view.act.verb is not None:
            readings += [(r, n, p, RULES) for r, n, p in act_readings(view, view.act, rs)]
        if not readings and stems & view.act.theme:
            readings += [(r, n, p, RULES) for r, n, p in theme_readings(view, view.act, rs)]
        if item_words and {t.low for t in rs.sentence.toks} & item_words:
            readings += [(r, n, p, RULES) for r, n, p in item_readings(view, rs)]
        if cond_triggers and stems & cond_triggers:
            readings += [(r, n, p, CONDITION_RULES) for r, n, p in condition_readings(view, rs)]
        for reading, note, parts, rules in readings:
            finding = _finding(view, rs, reading, note, parts, rules)
            if finding is None:
                continue
            key = (rs.report.id, finding.verdict.is_final)
            held = best.get(key)
            if held is None or finding.confidence > held.confidence:
                best[key] = finding
    out = []
    for (report_id, final), f in best.items():
        if not final and (report_id, True) in best:
            continue  # a report that settles the promise says more than one of progress
        if f.confidence >= MIN_CONFIDENCE:
            out.append(f)
    return sorted(out, key=lambda f: (f.where.report.published_at, f.verdict.value))


def check_commitment(
    claim: Claim, store: StoreView, as_of: datetime, *, now: datetime | None = None
) -> list[Evidence]:
    """Evidence about commitment ``claim`` from reports in ``store`` published after it
    was made and by ``as_of``: per report, its most confident final verdict (kept,
    partially kept, broken, withdrawn, annulled), else an interim one (in progress,
    stalled) or ``condition_met``.  Nothing for claims that are not tracked, or when the
    promise cannot be placed in time."""
    if not claim.is_tracked:
        return []
    view = PromiseView.of(promise_mentions(claim, store), store)
    if view is None:
        return []
    findings = check_promise(view, report_index(store, as_of))
    stamp = now or datetime.now(timezone.utc)
    by = recorded_by()
    return [
        Evidence(
            claim_id=claim.id,
            verdict=f.verdict,
            source_id=f.where.report.id,
            uri=f.where.report.uri,
            excerpt=f.where.sentence.text,
            reason=f.rule.reason,
            happened_at=f.happened_at,
            known_at=f.where.report.published_at,
            recorded_at=stamp,
            recorded_by=by,
            recorder=RecorderKind.CHECKER,
            confidence=round(f.confidence, 3),
            note=f.note,
        )
        for f in findings
    ]

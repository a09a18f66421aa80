"""The verdict rules: what a reading of a report says of a promise.

Each rule is a named entry with what it decides, why, and examples (a promise, a later
report, the verdict) that ``tests/test_checker_rules.py`` runs through the whole
checker.  :func:`decide` tries them in order; the first that applies decides, and its
name goes into the evidence's note.  A rule with no verdict says the reading is no
evidence (a restatement, a risk).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import attrs

from ..model import TimeWindow, Verdict
from .reading import CueHit, Mention

__all__ = ["RULES", "Example", "Reading", "Rule", "decide"]

#: How far outside the due window a dated event may fall and still be on time (time
#: zones, a day-grain date against an hour-grain window).
SLACK = timedelta(hours=12)
#: An undated report of the past published this long after the window is still taken
#: as news of an event on time (yesterday's news).
GRACE = timedelta(days=1)
#: After this, an undated report cannot say when it happened.
STALE = timedelta(days=7)
#: Cue groups that say the act will not happen as promised.
_NEGATIVE = ("postpone", "cancel", "decline", "reverse", "miss")
#: Cue groups whose words count in any tense ("is scheduled", "could be").
_ALWAYS = frozenset({"schedule", "doubt", "continue", "partial", "late", "revise"})


@attrs.frozen
class Reading:
    """One mention of a promise's act in a report sentence, with what surrounds it."""

    mention: Mention
    cues: tuple[CueHit, ...]
    published: datetime
    since: datetime
    due: TimeWindow | None
    happened: TimeWindow | None = None
    new_date: TimeWindow | None = None
    place: str = "none"
    first: bool = False
    partial: bool = False
    event_act: bool = True
    item: str | None = None
    #: A cue of cancelling acts on the promiser's plan ("dropped its plan to").
    plan_dropped: bool = False

    def cue(self, group: str) -> CueHit | None:
        """A cue of ``group`` that is in force: reported as fact, not as a risk
        ("could be delayed") or denied ("was not postponed")."""
        for c in self.cues:
            if c.group == group and not c.negated and c.tense not in {"future", "unknown"}:
                return c
            if c.group == group and group in {
                "schedule",
                "doubt",
                "continue",
                "partial",
                "late",
                "revise",
            }:
                return c
        return None

    @property
    def negative(self) -> bool:
        """Whether a cue in force says it will not happen as promised."""
        return any(self.cue(g) is not None for g in _NEGATIVE)

    @property
    def happened_form(self) -> bool:
        """The act reported as done: "met", "has closed", "talks were held"."""
        return self.mention.tense == "past" and not self.mention.negated

    @property
    def past_due(self) -> bool:
        """Whether the report came out after the due window closed."""
        return (
            self.due is not None
            and self.due.end is not None
            and self.published >= self.due.end + SLACK
        )

    @property
    def timing(self) -> str:
        """When it happened against the window: in | early | late | unknown | before
        (before the promise was made: another event)."""
        due = self.due
        if self.happened is not None:
            assert self.happened.start is not None and self.happened.end is not None
            if self.happened.end <= self.since:
                return "before"
            if due is None or due.start is None or due.end is None:
                return "in"
            if self.happened.start >= due.end + SLACK:
                return "late"
            if self.happened.end <= due.start - SLACK:
                return "early"
            return "in"
        if due is None or due.start is None or due.end is None:
            return "in"
        if self.published < due.start:
            return "early"
        if self.published <= due.end + GRACE:
            return "in"
        if self.published <= due.end + STALE:
            return "late"
        return "unknown"

    @property
    def in_window(self) -> bool:
        """Whether the report came out inside the due window."""
        due = self.due
        if due is None or due.start is None or due.end is None:
            return True
        return due.start - SLACK <= self.published < due.end + SLACK


@attrs.frozen
class Example:
    """A promise (published at ``said``), a later report (at ``published``) and the
    verdict a person gives (None: the report is no evidence)."""

    promise: str
    said: str
    report: str
    published: str
    expect: Verdict | None
    actor: str | None = None
    condition: str | None = None


@attrs.frozen
class Rule:
    """A named verdict rule."""

    name: str
    verdict: Verdict | None
    reason: str | None
    confidence: float
    summary: str
    applies: Callable[[Reading], bool] = attrs.field(repr=False)
    examples: tuple[Example, ...] = ()


def _later(r: Reading) -> bool:
    # A new date that ends after the due window and does not start before it.
    d, n = r.due, r.new_date
    if d is None or n is None or d.end is None or n.end is None or d.start is None:
        return False
    assert n.start is not None
    # "until June" runs from the report to June: its end is the new date.
    open_start = n.text.lower().startswith(("until", "till", "to "))
    return n.end > d.end + SLACK and (open_start or n.start >= d.start - SLACK)


MON = "2025-03-10T12:00:00+00:00"  # a Monday
WED = "2025-03-12T12:00:00+00:00"

RULES: tuple[Rule, ...] = (
    Rule(
        "part_left_out",
        Verdict.PARTIALLY_KEPT,
        "reduced",
        0.75,
        "one of the names a promise lists is reported delayed or left out",
        lambda r: r.item is not None,
        (
            Example(
                "Trains will call at Alton, Bexley, Cowley and Dunmore when the line opens in May.",
                MON,
                "The station at Bexley is delayed and will not be ready until next year.",
                WED,
                Verdict.PARTIALLY_KEPT,
                actor="the rail operator",
            ),
        ),
    ),
    Rule(
        "risk_is_no_evidence",
        None,
        None,
        0.0,
        "a risk, a doubt or a warning is not an event",
        lambda r: r.cue("doubt") is not None and not r.negative,
        (
            Example(
                "The council will reopen the bridge on Friday.",
                MON,
                "The reopening of the bridge on Friday could be delayed by the floods.",
                WED,
                None,
                actor="the council",
            ),
        ),
    ),
    Rule(
        "plan_dropped",
        Verdict.WITHDRAWN,
        "reversed",
        0.8,
        "the one who promised dropped, scrapped or abandoned its plan to do it",
        lambda r: r.plan_dropped and r.cue("cancel") is not None,
        (
            Example(
                "The airline will open a base at Kelby airport in May.",
                MON,
                "The airline has dropped its plan to open a base at Kelby airport.",
                WED,
                Verdict.WITHDRAWN,
                actor="the airline",
            ),
        ),
    ),
    Rule(
        "cancelled",
        Verdict.BROKEN,
        "cancelled",
        0.86,
        "the act was cancelled, scrapped, called off or abandoned",
        lambda r: r.cue("cancel") is not None,
        (
            Example(
                "The council will hold a music festival in the park in July.",
                MON,
                "The council has cancelled the music festival in the park.",
                WED,
                Verdict.BROKEN,
                actor="the council",
            ),
        ),
    ),
    Rule(
        "declined_by_counterpart",
        Verdict.BROKEN,
        "declined",
        0.8,
        "the act was rejected, refused or blocked (by the other side, or refused by the actor)",
        lambda r: r.cue("decline") is not None,
        (
            Example(
                "The union will put a new pay offer to the employers this week.",
                MON,
                "The union's new pay offer was rejected by the employers on Tuesday.",
                WED,
                Verdict.BROKEN,
                actor="the union",
            ),
        ),
    ),
    Rule(
        "reversed",
        Verdict.WITHDRAWN,
        "reversed",
        0.75,
        "the one who promised took it back (a U-turn, reneged, backed out)",
        lambda r: r.cue("reverse") is not None,
        (
            Example(
                "The government will close the village library in June.",
                MON,
                "The government has reversed its decision to close the village library.",
                WED,
                Verdict.WITHDRAWN,
                actor="the government",
            ),
        ),
    ),
    Rule(
        "missed_deadline",
        Verdict.BROKEN,
        "missed",
        0.83,
        "after the window closed, the act is reported late, delayed or not done",
        lambda r: (
            r.past_due
            and not (r.mention.form == "verb" and r.happened_form)
            and (
                r.cue("miss") is not None
                or r.cue("postpone") is not None
                or (r.mention.negated and r.mention.tense in {"past", "present", "future"})
            )
        ),
        (
            Example(
                "The builders will complete the new hospital by September.",
                "2025-01-10T12:00:00+00:00",
                "The completion of the new hospital has been delayed again.",
                "2025-11-20T12:00:00+00:00",
                Verdict.BROKEN,
                actor="the builders",
            ),
        ),
    ),
    Rule(
        "replaced_by_later_date",
        Verdict.BROKEN,
        "postponed",
        0.83,
        "before it fell due, a later date replaced the promised one",
        lambda r: (
            not r.past_due
            and _later(r)
            and (
                r.cue("postpone") is not None
                or (
                    r.cue("revise") is not None and r.mention.tense in {"future", "present", "none"}
                )
            )
        ),
        (
            Example(
                "The council will reopen the library on Friday.",
                MON,
                "The reopening of the library, planned for Friday, has been postponed until June.",
                WED,
                Verdict.BROKEN,
                actor="the council",
            ),
            Example(
                "The shipyard will hand over the ferry in the second quarter of 2026.",
                "2025-08-01T12:00:00+00:00",
                "The shipyard now expects to hand over the ferry in the fourth quarter of 2026.",
                "2025-12-01T12:00:00+00:00",
                Verdict.BROKEN,
                actor="the shipyard",
            ),
        ),
    ),
    Rule(
        "postponed",
        Verdict.BROKEN,
        "postponed",
        0.75,
        "before it fell due, the act was postponed, delayed or suspended",
        lambda r: r.cue("postpone") is not None,
        (
            Example(
                "Leaders will hold a summit in Rome next month.",
                MON,
                "The summit of leaders in Rome has been postponed.",
                WED,
                Verdict.BROKEN,
                actor="leaders",
            ),
        ),
    ),
    Rule(
        "stalled",
        Verdict.STALLED,
        "stalled",
        0.75,
        "work on it is reported stalled or held up",
        lambda r: r.cue("stall") is not None,
        (
            Example(
                "The council will build a footbridge over the canal by June.",
                MON,
                "Work to build the footbridge over the canal has stalled.",
                WED,
                Verdict.STALLED,
                actor="the council",
            ),
        ),
    ),
    Rule(
        "not_as_promised",
        Verdict.BROKEN,
        "not_as_promised",
        0.67,
        "a promise of where it starts: it started somewhere else",
        lambda r: r.happened_form and r.first and r.place == "elsewhere",
        (
            Example(
                "The vaccination campaign will start in the three eastern provinces.",
                MON,
                "The vaccination campaign began in the capital on Tuesday.",
                WED,
                Verdict.BROKEN,
                actor="health officials",
            ),
        ),
    ),
    Rule(
        "restated_is_no_evidence",
        None,
        None,
        0.0,
        "the promise said again (will, is scheduled to, remains on track to) is a mention, not evidence",
        lambda r: (
            not r.happened_form and r.mention.tense != "progress" and r.cue("continue") is None
        ),
        (
            Example(
                "The ministers will meet in Geneva on Friday.",
                MON,
                "The ministers will meet in Geneva on Friday, officials said.",
                WED,
                None,
                actor="the ministers",
            ),
            Example(
                "The new tunnel will open to traffic on Friday.",
                MON,
                "The new tunnel is scheduled to open to traffic on Friday.",
                WED,
                None,
                actor="the tunnel operator",
            ),
        ),
    ),
    Rule(
        "happened_elsewhere",
        Verdict.PARTIALLY_KEPT,
        "elsewhere",
        0.6,
        "it happened, but somewhere other than promised",
        lambda r: r.happened_form and r.place == "elsewhere",
        (
            Example(
                "Defence ministers will meet in London on Thursday.",
                MON,
                "Defence ministers met in Paris on Thursday.",
                "2025-03-13T20:00:00+00:00",
                Verdict.PARTIALLY_KEPT,
                actor="defence ministers",
            ),
        ),
    ),
    Rule(
        "happened_late",
        Verdict.PARTIALLY_KEPT,
        "late",
        0.88,
        "it happened after the promised window",
        lambda r: r.happened_form and (r.timing == "late" or r.cue("late") is not None),
        (
            Example(
                "The vaccination campaign will start on 2 October.",
                "2025-09-10T12:00:00+00:00",
                "The vaccination campaign began on 5 October.",
                "2025-10-06T12:00:00+00:00",
                Verdict.PARTIALLY_KEPT,
                actor="health officials",
            ),
            Example(
                "The council will reopen the bridge to traffic on Friday.",
                MON,
                "The bridge reopened to traffic on Tuesday, four days after the promised date,"
                " with one lane still closed.",
                "2025-03-18T18:00:00+00:00",
                Verdict.PARTIALLY_KEPT,
                actor="the council",
            ),
        ),
    ),
    Rule(
        "happened_in_part",
        Verdict.PARTIALLY_KEPT,
        "reduced",
        0.75,
        "it happened in part, or less of it than promised",
        lambda r: r.happened_form and r.partial,
        (
            Example(
                "The council will reopen the bridge on Friday.",
                MON,
                "The council partly reopened the bridge on Friday.",
                "2025-03-14T18:00:00+00:00",
                Verdict.PARTIALLY_KEPT,
                actor="the council",
            ),
        ),
    ),
    Rule(
        "happening_in_window",
        Verdict.KEPT,
        None,
        0.67,
        "a one-off event reported as happening now, inside its window",
        lambda r: r.mention.tense == "progress" and r.event_act and r.in_window,
        (
            Example(
                "The country will hold a general election in May.",
                "2025-01-10T12:00:00+00:00",
                "The country is holding its general election today.",
                "2025-05-15T12:00:00+00:00",
                Verdict.KEPT,
                actor="the country",
            ),
        ),
    ),
    Rule(
        "under_way",
        Verdict.IN_PROGRESS,
        None,
        0.88,
        "it is reported continuing or under way, not done",
        lambda r: r.mention.tense == "progress" or r.cue("continue") is not None,
        (
            Example(
                "The council will recruit twenty wardens by May.",
                MON,
                "Recruitment of wardens by the council is continuing.",
                WED,
                Verdict.IN_PROGRESS,
                actor="the council",
            ),
        ),
    ),
    Rule(
        "happened_in_window",
        Verdict.KEPT,
        None,
        0.96,
        "it happened as promised, inside the window (or before it)",
        lambda r: r.happened_form and r.timing in {"in", "early"},
        (
            Example(
                "Defence chiefs will meet in London this week.",
                MON,
                "Defence chiefs met in Northwood on Thursday.",
                "2025-03-13T20:00:00+00:00",
                Verdict.KEPT,
                actor="defence chiefs",
            ),
        ),
    ),
)

#: Rules for a promise's condition: the reading is of the condition's act.
CONDITION_RULES: tuple[Rule, ...] = (
    Rule(
        "condition_failed",
        Verdict.ANNULLED,
        "condition_failed",
        0.8,
        "what the promise waited on failed: the promise is annulled",
        lambda r: r.cue("failed") is not None or (r.mention.negated and r.mention.tense == "past"),
        (
            Example(
                "The government will lift the tariffs if a trade deal is signed.",
                MON,
                "The trade deal collapsed on Tuesday.",
                WED,
                Verdict.ANNULLED,
                actor="the government",
                condition="if a trade deal is signed",
            ),
        ),
    ),
    Rule(
        "condition_met",
        Verdict.CONDITION_MET,
        None,
        0.8,
        "what the promise waited on happened: the promise is live",
        lambda r: r.happened_form or r.cue("met") is not None,
        (
            Example(
                "The government will lift the tariffs if a trade deal is signed.",
                MON,
                "The trade deal was signed on Tuesday.",
                WED,
                Verdict.CONDITION_MET,
                actor="the government",
                condition="if a trade deal is signed",
            ),
        ),
    ),
)


def decide(reading: Reading, rules: tuple[Rule, ...] = RULES) -> Rule | None:
    """The first rule that applies to ``reading``, or None."""
    for rule in rules:
        if rule.applies(reading):
            return rule
    return None

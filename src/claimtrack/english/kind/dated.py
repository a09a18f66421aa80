"""Dated schedules that are not a "will": a date named or fixed ("the new date is 30
September", "the opening date has been confirmed as December"), the article's dated
present ("Phase one ends on 28 March"), a progressive dated ahead ("is co-hosting next
summer's cup"), "a matter of weeks before X opens", and a dated absolute clause ("with
the earliest slot now falling later in 2027").
"""

from __future__ import annotations

from ...model import ClaimKind
from ..lexicon import DETERMINERS
from .analysis import Analysis
from .clauses import absolute_verb
from .common import DATE_NOUNS, commitment, has_date, quantity_subject
from .engine import Clause, Example, KindRule
from .schedule import decided_before
from .words import AUX, words

__all__ = ["RULES"]

C = ClaimKind.COMMITMENT
_ACTS = words("schedule_acts")
_AHEAD = words("ahead_words")
_PAST_MARKS = frozenset({"ago", "last", "yesterday", "earlier", "since"})
_LEAD_WORDS = frozenset({"with", "without", "after", "before", "since", "as", "in", "on", "at"})
_DATE_FIXING = words("date_fixing_participles")


def _progressive(clause: Clause, found: Analysis) -> Analysis | None:
    # "Portugal is co-hosting next summer's tournament": a present plan, dated ahead.
    toks = clause.toks
    n = len(toks)
    for i in range(1, n - 2):
        if toks[i].low not in {"is", "are"}:
            continue
        v = i + 3 if toks[i + 2].text == "-" and i + 3 < n else i + 1
        if not toks[v].low.endswith("ing") or decided_before(found, i):
            continue
        stem = toks[v].low[:-3]
        if not (stem in _ACTS or stem + "e" in _ACTS):
            continue
        if not any(t.low in _AHEAD for t in toks[v + 1 : v + 6]):
            return None
        return commitment(clause, found, "schedule.progressive", i, i + 1)
    return None


def _date_fixed(clause: Clause, found: Analysis) -> Analysis | None:
    # "The ferry's launch date has been fixed as April".
    toks = clause.toks
    n = len(toks)
    for i in range(2, n - 1):
        if toks[i].low not in _DATE_FIXING or toks[i + 1].low not in {"as", "for"}:
            continue
        if toks[i - 1].low not in {"been", "was", "is", "were", "are", "now"}:
            continue
        if decided_before(found, i) or not any(t.low in DATE_NOUNS for t in toks[:i]):
            return None
        return commitment(clause, found, "schedule.date-fixed", i, i, subject=None)
    return None


def _date_is(clause: Clause, found: Analysis) -> Analysis | None:
    # "The new date is 30 September", "the likeliest date will be early August".
    toks = clause.toks
    n = len(toks)
    if found.kind is C or found.kind is ClaimKind.DEMAND or found.condition is not None:
        return None  # "if the target is missed, ...": a hypothetical
    for i in range(1, min(n - 1, 10)):
        if toks[i].low not in {"is", "was", "be"}:
            continue
        if toks[i].low == "be" and toks[i - 1].low not in {"would", "will"}:
            return None
        before = toks[: i - 1 if toks[i].low == "be" else i]
        if not before or before[-1].low not in DATE_NOUNS or not has_date(toks[i + 1 :]):
            return None
        if any(t.low in {"original", "previous", "old", "earlier"} for t in before):
            return None  # "the original date was May": a past schedule
        return commitment(clause, found, "schedule.date-is", i, i, subject=None)
    return None


def _absolute_dated(clause: Clause, found: Analysis) -> Analysis | None:
    # "(with) the final shipment now arriving in 2028": a dated part of a plan.
    toks = clause.toks
    if found.kind is not ClaimKind.STATEMENT or not toks or not toks[0].is_word:
        return None
    first = toks[0]
    if not (first.low in DETERMINERS or first.is_cap) or first.low in _LEAD_WORDS:
        return None  # the clause opens on its subject, not "With its towers, ..."
    v = absolute_verb(toks, 0)
    if v < 1 or not has_date(toks[v + 1 :]) or quantity_subject(toks, (0, v)):
        return None
    if any(t.low in AUX or t.low in _PAST_MARKS for t in toks[:v]):
        return None
    return commitment(clause, found, "schedule.absolute-dated", v, v, subject=(0, v))


def _present_dated(clause: Clause, found: Analysis) -> Analysis | None:
    # The article's "Stage two starts on 4 June": a timetable.
    toks = clause.toks
    n = len(toks)
    if not clause.publisher or clause.headline or found.kind is not ClaimKind.STATEMENT:
        return None
    if not toks or not (toks[0].is_cap or toks[0].low in DETERMINERS):
        return None
    for i in range(1, min(n - 2, 7)):
        low = toks[i].low
        if not low.endswith("s") or low[:-1] not in _ACTS or toks[i - 1].low in DETERMINERS:
            continue
        if any(t.low in AUX or not t.is_word for t in toks[:i]):
            return None
        if toks[i + 1].low not in {"on", "in", "at", "from", "next", "this"}:
            return None
        if not has_date(toks[i + 1 : i + 5]):
            return None
        return commitment(clause, found, "schedule.present-dated", i, i, subject=(0, i))
    return None


def _matter_of(clause: Clause, found: Analysis) -> Analysis | None:
    # "It is now a matter of days until the ward reopens": its reopening is near.
    toks = clause.toks
    n = len(toks)
    for i in range(n - 4):
        if toks[i].low != "matter" or toks[i + 1].low != "of":
            continue
        if toks[i + 2].low not in {"days", "weeks", "months", "hours", "time"}:
            return None
        j = i + 3
        if j >= n or toks[j].low not in {"before", "until"}:
            return None
        if found.kind is ClaimKind.DEMAND or not (clause.publisher or clause.authority):
            return None
        return commitment(clause, found, "schedule.matter-of", j + 1, j + 1, subject=None)
    return None


RULES: tuple[KindRule, ...] = (
    KindRule(
        "schedule.date-is",
        "a date named as the date ('the new date is 30 September'): the speaker's schedule",
        _date_is,
        (
            Example('"The new date is 30 September," she said.\n', "new date is", C),
            Example(
                "The festival organiser said the likeliest date will be early August.\n",
                "likeliest date will be",
                C,
            ),
            Example('"The original date was in May," she said.\n', "original date", None),
            Example(
                "If the target is missed, it would be a third delay, he said.\n",
                "target is missed",
                None,
            ),
        ),
        needs=frozenset({"is", "was", "be"}),
    ),
    KindRule(
        "schedule.date-fixed",
        "a date confirmed or set ('the opening date has been confirmed as May'): a schedule",
        _date_fixed,
        (
            Example(
                "The ferry's launch date has been fixed as April after the sea trials.\n",
                "fixed as April",
                C,
            ),
            Example("The cause of the fire has now been confirmed as arson.\n", "arson", None),
        ),
        needs=_DATE_FIXING,
    ),
    KindRule(
        "schedule.progressive",
        "a present progressive dated ahead ('is co-hosting next summer's cup'): a plan",
        _progressive,
        (
            Example(
                "Portugal is co-hosting next summer's tournament with Spain.\n",
                "co-hosting",
                C,
            ),
            Example("Portugal is hosting a training camp for the squad.\n", "training camp", None),
        ),
        needs=frozenset({"is", "are"}),
    ),
    KindRule(
        "schedule.present-dated",
        "the article's present tense with a date ('Phase one ends on 28 March')",
        _present_dated,
        (
            Example("Stage two starts on 4 June with lane closures.\n", "Stage two starts", C),
            Example("Stage two starts with lane closures.\n", "Stage two", None),
        ),
    ),
    KindRule(
        "schedule.matter-of",
        "'a matter of days until X reopens': X's reopening is scheduled",
        _matter_of,
        (
            Example(
                '"It is now a matter of days until the children\'s ward reopens," the '
                "hospital director said.\n",
                "matter of days",
                C,
            ),
            Example(
                '"It is a matter of pride for us," the project director said.\n',
                "matter of pride",
                None,
            ),
        ),
        needs=frozenset({"matter"}),
    ),
    KindRule(
        "schedule.absolute-dated",
        "an absolute clause with a date ('with the earliest slot now falling in 2027')",
        _absolute_dated,
        (
            Example(
                "The order was split into three batches, with the final shipment now "
                "arriving in 2028.\n",
                "final shipment",
                C,
            ),
            Example(
                "The crowd left the ground, with fans singing in the rain.\n",
                "fans singing",
                None,
            ),
            Example(
                "With its four chimneys, the plant has been lighting the town since 1961.\n",
                "four chimneys",
                None,
            ),
        ),
    ),
)

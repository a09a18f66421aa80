"""How a later promise relates to an earlier one: named relation rules run in order.

Two mentions of one actor in two sources that grouping did not join (their windows or
their acts differ) may still be related: the later one may *revise* the earlier
promise (a moved deadline, a changed act or quantity), *reverse* it (the same act
negated), or be the next *occurrence* of a recurring act ("the council meets every
month": its April meeting revises nothing of its March one).  The first rule of
:data:`RELATION_RULES` that holds decides, and names itself; each outcome carries the
reason the earlier promise is broken with (``postponed``, ``changed``), withdrawn
with (``reversed``), or none (a recurrence leaves it as it was).

Every rule sees only pairs already known to be of one kind and actor head, the later
one published later in another source (see :func:`related`)."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .grouping_acts import Mention, actors_compatible, contained_words, most_words, same_act

__all__ = ["RECURS", "RELATION_RULES", "RelationRule", "related"]

#: The relation type of a new occurrence of a recurring act (the earlier is untouched).
RECURS = "recurs"


@attrs.frozen
class RelationRule:
    """A named relation rule: ``test(earlier, later)``; when it holds, the later
    promise has relation ``relation`` to the earlier one, which is then broken or
    withdrawn (``verdict``) with ``reason`` — no verdict for a recurrence.
    ``examples``: (earlier, later) pairs of (action, start day, days, published day)
    as an extractor gives them, one actor, that it decides."""

    name: str
    description: str
    relation: str
    verdict: str | None
    reason: str | None
    test: Callable[[Mention, Mention], bool]
    examples: tuple[tuple[tuple[str, int | None, int, int], tuple[str, int | None, int, int]], ...]


def _later_window(earlier: Mention, later: Mention) -> bool:
    if not earlier.dated or not later.dated:
        return False
    assert earlier.end_ts is not None and later.start_ts is not None
    return later.start_ts >= earlier.end_ts


def _recurs(earlier: Mention, later: Mention) -> bool:
    """A recurring act ("every month", "its monthly meeting", "the next round") stated
    again with a window a whole number of periods on: the next occurrence."""
    if earlier.negated or later.negated or earlier.verb != later.verb:
        return False
    period = later.period if later.period is not None else earlier.period
    if period is None or not _later_window(earlier, later):
        return False
    if not (same_act(earlier.content, later.content) or earlier.content == later.content):
        return False
    assert earlier.start_ts is not None and later.start_ts is not None
    if period == 0.0:  # "its next meeting": a new occurrence unless it says it moved
        return not later.changed
    gap = later.start_ts - earlier.start_ts
    k = round(gap / period)
    return k >= 1 and abs(gap - k * period) <= max(86400.0, period / 4)


def _postponed(earlier: Mention, later: Mention) -> bool:
    """The same act with a window wholly after the earlier one's: a moved deadline."""
    if earlier.verb != later.verb or earlier.negated != later.negated:
        return False
    if not _later_window(earlier, later) or _changed_quantity(earlier, later):
        return False
    if same_act(earlier.words, later.words):
        return True
    # A revision usually adds words ("now", "two weeks on"): most of the smaller
    # object's words are enough.
    shared = len(earlier.words & later.words)
    smaller = min(len(earlier.words), len(later.words))
    return shared >= 2 and shared / smaller >= 0.6


def _changed_act(earlier: Mention, later: Mention) -> bool:
    """A different verb for the same object, naming the earlier verb as what it
    replaces: "lease the site rather than sell it" after "sell the site"."""
    if earlier.negated or later.negated or not later.replaced_verb:
        return False
    if later.replaced_verb != earlier.verb or later.verb == earlier.verb:
        return False
    if not earlier.content:
        return False
    return contained_words(earlier.content, later.content | later.replaced) or most_words(
        earlier.content, later.content
    )


def _changed_quantity(earlier: Mention, later: Mention) -> bool:
    """The same act with another quantity, said to replace the earlier one ("cut 150
    jobs, not the 300 announced"; "will now cut 150 jobs" after "cut 300 jobs")."""
    if earlier.negated or later.negated or earlier.verb != later.verb:
        return False
    before, after = earlier.numbers, later.numbers
    if not before or not after or before <= after or after <= before:
        return False
    if not same_act(earlier.content, later.content):
        return False
    return bool(before & later.replaced) or later.changed


def _reverses(earlier: Mention, later: Mention) -> bool:
    """The same act negated: "will not reopen the depot" after "will reopen the depot"."""
    if earlier.negated or not later.negated or earlier.verb != later.verb:
        return False
    return same_act(earlier.words, later.words) or (not earlier.words and not later.words)


#: The relation rules, tried in this order.
RELATION_RULES: tuple[RelationRule, ...] = (
    RelationRule(
        "recurring_act_recurs",
        "a recurring act stated again, a whole number of periods on: its next occurrence",
        RECURS,
        None,
        None,
        _recurs,
        (
            (("hold its monthly meeting", 7, 1, 0), ("hold its monthly meeting", 35, 1, 20)),
            (("hold the annual regatta", 150, 2, 0), ("hold the annual regatta", 514, 2, 300)),
            (("hold its next meeting", 7, 1, 0), ("hold its next meeting", 19, 1, 10)),
        ),
    ),
    RelationRule(
        "later_window_revises",
        "the same act with a window wholly after the earlier one's: postponed",
        "revises",
        "broken",
        "postponed",
        _postponed,
        (
            (("reopen the depot", 0, 7, 0), ("reopen the depot", 20, 1, 3)),
            (("hold its monthly meeting", 7, 1, 0), ("hold its monthly meeting", 14, 1, 3)),
        ),
    ),
    RelationRule(
        "changed_act_revises",
        "another verb for the same object, naming the earlier verb as replaced: changed",
        "revises",
        "broken",
        "changed",
        _changed_act,
        (
            (
                ("sell the old depot site", 0, 90, 0),
                ("lease the old depot site rather than sell it", None, 0, 9),
            ),
            (
                ("close the branch library", None, 0, 0),
                ("merge the branch library instead of closing it", None, 0, 5),
            ),
        ),
    ),
    RelationRule(
        "changed_quantity_revises",
        "the same act with another quantity, said to replace the earlier one: changed",
        "revises",
        "broken",
        "changed",
        _changed_quantity,
        (
            (("cut 300 jobs", None, 0, 0), ("cut 150 jobs, not the 300 announced", None, 0, 9)),
            (("plant 5000 trees", 0, 200, 0), ("plant 2000 trees instead of 5000", None, 0, 4)),
        ),
    ),
    RelationRule(
        "later_negation_reverses",
        "the same act negated in a later source: taken back",
        "reverses",
        "withdrawn",
        "reversed",
        _reverses,
        ((("reopen the depot", None, 0, 0), ("not reopen the depot", None, 0, 2)),),
    ),
)


def related(earlier: Mention, later: Mention) -> RelationRule | None:
    """The first relation rule that holds of ``later`` to ``earlier`` (published
    later, in another source, by the same kind of claim and actor), or None."""
    if earlier.kind != later.kind or earlier.head != later.head:
        return None
    if earlier.source_id == later.source_id or not actors_compatible(earlier, later):
        return None
    if earlier.published_ts is None or later.published_ts is None:
        return None
    if later.published_ts <= earlier.published_ts:
        return None
    for rule in RELATION_RULES:
        if rule.test(earlier, later):
            return rule
    return None

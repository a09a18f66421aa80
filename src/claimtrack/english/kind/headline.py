"""Headlines and named dates: a headline that sets or moves a schedule ("Council sets
date for vote", "Airline delays new route to July") is a commitment of its subject; a
date confirmed or announced ("the club confirmed the return date") is the announcer's.

Headlines asserting a past or present fact ("Hospital misses its deadline") stay out:
the guideline annotates unattributed schedules and plans, not the article's own news.
"""

from __future__ import annotations

from ...model import ClaimKind
from ..lexicon import ANIMATE_NOUNS
from .analysis import Analysis, build
from .common import DATE_NOUNS, has_date
from .engine import Clause, Example, KindRule
from .grammar import is_verbish
from .words import AUX, words

__all__ = ["RULES", "keeps_headline_demand"]

C = ClaimKind.COMMITMENT
_VERBS = words("headline_schedule_verbs")
_NOUNS = words("schedule_nouns")
_DATE_CUES = words("date_setting_cues")
_DEADLINES = frozenset({"deadline", "ultimatum"})
_EVENTS = words("headline_event_nouns")
_CLAUSE_START = frozenset({"as", "that", "which", "when", "after", "because", "while"})


def _schedule_headline(clause: Clause, found: Analysis) -> Analysis | None:
    # "Council sets date for vote": the subject's schedule, its verb the act.
    toks = clause.toks
    if not (clause.headline and clause.publisher) or found.kind is not ClaimKind.STATEMENT:
        return None
    for i in range(1, min(len(toks) - 1, 8)):
        if toks[i].low not in _VERBS:
            continue
        if is_verbish(toks[:i]) or not toks[0].is_cap:
            return None
        rest = toks[i + 1 :]
        if not (any(t.low in _NOUNS for t in rest) or has_date(rest)):
            return None
        if any(t.low in _DEADLINES for t in rest[:4]):
            return None  # "Regulator sets March deadline": others must act (a demand)
        return build(toks, C, "headline.schedule-verb", (0, i), False, i, found.condition, None)
    return None


def _threat_headline(clause: Clause, found: Analysis) -> Analysis | None:
    # "Lecturers threaten walkout": a conditional undertaking of the subject.
    toks = clause.toks
    if not (clause.headline and clause.publisher) or found.kind is not ClaimKind.STATEMENT:
        return None
    for i in range(1, min(len(toks) - 1, 6)):
        if toks[i].low not in {"threaten", "threatens"}:
            continue
        head = toks[i - 1].low
        people = (
            head in ANIMATE_NOUNS
            or head.endswith(("ers", "ors", "ists"))
            or head
            in {
                "staff",
                "union",
                "unions",
            }
        )
        if is_verbish(toks[:i]) or not people:
            return None  # "Floods threaten homes": a danger, nobody's threat
        return build(toks, C, "headline.threat", (0, i), False, i, found.condition, None)
    return None


def _deadline_headline(clause: Clause, found: Analysis) -> Analysis | None:
    # "Regulator sets March deadline to retire old wagons": others are told to act.
    toks = clause.toks
    if not (clause.headline and clause.publisher) or found.kind is not ClaimKind.STATEMENT:
        return None
    for i in range(1, min(len(toks) - 1, 8)):
        if toks[i].low not in {"sets", "set", "issues", "gives", "imposes"}:
            continue
        if is_verbish(toks[:i]) or not any(t.low in _DEADLINES for t in toks[i + 1 : i + 5]):
            return None
        return build(toks, ClaimKind.DEMAND, "headline.deadline", (0, i), False, i, None, None)
    return None


def keeps_headline_demand(found: Analysis) -> bool:
    """Whether the article's own demand-reading sentence is a claim to keep: only a
    headline deadline (the article's other imperatives are not claims)."""
    return "headline.deadline" in found.rules


def _nominal_event(clause: Clause, found: Analysis) -> Analysis | None:
    # "Harbour Station: Closure of the town's oldest landmark": a scheduled event.
    toks = clause.toks
    if not (clause.headline and clause.publisher) or found.kind is not ClaimKind.STATEMENT:
        return None
    for k in range(1, len(toks) - 1):
        if toks[k].low not in _EVENTS or toks[k + 1].low != "of" or toks[k - 1].text != ":":
            continue  # "Place: Closure of ..."; "Closure of the mill sparks protest" is news
        if is_verbish([x for x in toks if x.low not in _EVENTS]):
            return None
        return build(toks, C, "headline.nominal-event", None, False, k, None, None)
    return None


def _confirmed_date(clause: Clause, found: Analysis) -> Analysis | None:
    # "X confirmed the opening date (as ...)": the date is X's to keep.
    toks = clause.toks
    if clause.cue not in _DATE_CUES or found.kind is not ClaimKind.STATEMENT:
        return None
    for t in toks[:8]:
        if t.low in DATE_NOUNS:
            return build(toks, C, "headline.confirmed-date", None, True, 0, found.condition, None)
        if t.low in AUX or t.low in _CLAUSE_START or not t.is_word:
            return None  # the object ended before a date: "confirmed the manager had left"
    return None


RULES: tuple[KindRule, ...] = (
    KindRule(
        "headline.deadline",
        "a headline deadline set for others ('Regulator sets March deadline to ...'): a demand",
        _deadline_headline,
        (
            Example(
                "Regulator sets June deadline to replace old meters\n\nSuppliers objected.\n",
                "Regulator sets June deadline",
                ClaimKind.DEMAND,
            ),
            Example(
                "Council sets date for vote on harbour plan\n\nThe vote will be held in May.\n",
                "Council sets date",
                None,
            ),
        ),
        needs=frozenset({"sets", "set", "issues", "gives", "imposes"}),
    ),
    KindRule(
        "headline.threat",
        "a headline threat ('Lecturers threaten walkout'): the subject's conditional act",
        _threat_headline,
        (
            Example(
                "Bus drivers threaten strike over rotas\n\nThe union said talks failed.\n",
                "threaten strike",
                C,
            ),
            Example(
                "Floods threaten homes in the valley\n\nThe river rose overnight.\n",
                "threaten homes",
                None,
            ),
        ),
        needs=frozenset({"threaten", "threatens"}),
    ),
    KindRule(
        "headline.schedule-verb",
        "a headline that sets or moves a schedule ('Council sets date for vote')",
        _schedule_headline,
        (
            Example(
                "Council sets date for vote on harbour plan\n\nThe vote will be held in May.\n",
                "Council sets date",
                C,
            ),
            Example(
                "Airline delays new route to July\n\nThe route was due to start in May.\n",
                "Airline delays new route",
                C,
            ),
            Example(
                "Hospital misses its completion deadline again\n\nThe builder said work "
                "continued.\n",
                "Hospital misses",
                None,
            ),
        ),
        needs=_VERBS,
    ),
    KindRule(
        "headline.nominal-event",
        "a verbless headline naming a scheduled event ('Harbour Station: Closure of ...')",
        _nominal_event,
        (
            Example(
                "Harbour Station: Closure of the town's oldest landmark\n\nThe station "
                "shuts in May.\n",
                "Closure of the town",
                C,
            ),
            Example(
                "Closure of the mill sparks protest\n\nWorkers marched on Friday.\n",
                "Closure of the mill",
                None,
            ),
        ),
        needs=_EVENTS,
    ),
    KindRule(
        "headline.confirmed-date",
        "a date confirmed or announced ('X confirm return date'): the announcer's",
        _confirmed_date,
        (
            Example(
                "Rovers confirm stadium return date\n\nThe club said work was done.\n",
                "stadium return date",
                C,
            ),
            Example("The club confirmed the manager had left.\n", "the manager had left", None),
        ),
    ),
)

"""Readings of clauses with no modal of their own that still look ahead.

"a full reopening before the final looks unlikely": the odds of an event, a forecast.

"requesting that the repairs be finished before winter", "(the unions insisted) the
ballot be held in May": a mandative subjunctive, the bare "be" after its subject, is a
demand on whoever must do it.  "The ferry line awaits the handover of two vessels from
next year": something awaited at a stated time is a forecast of its arrival.
"""

from __future__ import annotations

from ...model import ClaimKind
from .analysis import Analysis, build
from .common import has_date
from .engine import Clause, Example, KindRule
from .grammar import is_participle
from .words import words

__all__ = ["RULES"]

D = ClaimKind.DEMAND
P = ClaimKind.PREDICTION
_MANDATE_WORDS = words("mandate_words")
_AWAIT_VERBS = words("await_verbs")
_NOT_SUBJECT = frozenset({"to", "will", "would", "shall", "should", "must", "may", "might"}) | {
    "can",
    "could",
    "not",
    "that",
    "and",
    "or",
}


def _subjunctive(clause: Clause, found: Analysis) -> Analysis | None:
    # "requesting that the vote be held in May"; after "insisted": "the vote be held".
    if found.kind is not ClaimKind.STATEMENT:
        return None
    toks = clause.toks
    n = len(toks)
    k = 0
    if k < n and toks[k].low in _MANDATE_WORDS:
        k += 1
    elif clause.cue is None or clause.cue not in _MANDATE_WORDS:
        return None
    if k < n and toks[k].low == "that":
        k += 1
    start = k
    limit = min(n - 1, start + 9)
    while k < limit and toks[k].low != "be":
        if not toks[k].is_word or toks[k].low in _NOT_SUBJECT:
            return None
        k += 1
    if k == start or k >= limit or toks[k].low != "be":
        return None
    nxt = k + 1
    if nxt < n and toks[nxt].low in {"not", "also", "fully", "first"}:
        nxt += 1
    if nxt >= n or not is_participle(toks[nxt].low):
        return None
    made = build(toks, D, "subjunctive", (start, k), False, k, found.condition, None)
    return made._replace(rules=found.rules)


_LOOKS = frozenset({"looks", "look", "seems", "seem", "appears", "appear"})
_ODDS = frozenset({"unlikely", "likely", "doubtful", "improbable", "certain", "inevitable"})


def _looks_likely(clause: Clause, found: Analysis) -> Analysis | None:
    # "a full reopening before the final looks unlikely": a forecast of that event.
    if found.kind is not ClaimKind.STATEMENT:
        return None
    toks = clause.toks
    for k in range(1, min(len(toks) - 1, 16)):
        if toks[k].low not in _LOOKS:
            continue
        j = k + 1
        if j < len(toks) and toks[j].low in {"increasingly", "very", "highly", "more", "now"}:
            j += 1
        if (
            j < len(toks)
            and toks[j].low in _ODDS
            and (j + 1 == len(toks) or not toks[j + 1].is_word)
        ):
            made = build(toks, P, "looks-likely", (0, k), False, 0, found.condition, None)
            return made._replace(rules=found.rules)
        return None
    return None


_DOUBT_PARTICIPLES = frozenset(
    {"casting", "raising", "putting", "throwing", "threatening", "jeopardising", "jeopardizing"}
)
_EVENT_NOUNS = words("event_nouns")


def _event_in_doubt(clause: Clause, found: Analysis) -> Analysis | None:
    # "..., casting doubt on the friendly against Chile next month": the event named is
    # scheduled for then, whoever doubts it.
    if found.kind is not ClaimKind.STATEMENT:
        return None
    toks = clause.toks
    if len(toks) < 4 or toks[0].low not in _DOUBT_PARTICIPLES or not has_date(toks):
        return None
    at = next((k for k, t in enumerate(toks[:10]) if t.low in _EVENT_NOUNS), -1)
    if at < 0:
        return None
    start = at
    while start > 0 and toks[start - 1].low not in {"on", "over", "about", "into", "at"}:
        start -= 1
    made = build(
        toks,
        ClaimKind.COMMITMENT,
        "event-in-doubt",
        (start, at + 1),
        False,
        at,
        found.condition,
        None,
    )
    return made._replace(rules=found.rules)


def _awaited(clause: Clause, found: Analysis) -> Analysis | None:
    # "The ferry line awaits the handover of two vessels from next year": a forecast.
    if found.kind is not ClaimKind.STATEMENT or clause.headline:
        return None
    toks = clause.toks
    at = next((k for k, t in enumerate(toks[:12]) if t.low in _AWAIT_VERBS), -1)
    if at <= 0 or at + 1 >= len(toks) or not has_date(toks[at + 1 :]):
        return None
    end = at
    while end > 1 and toks[end - 1].low in {"is", "are", "was", "were", "now", "still", "also"}:
        end -= 1  # "The university is forecasting": the university
    made = build(toks, P, "awaited", (0, end), False, at, found.condition, None)
    return made._replace(rules=found.rules)


RULES: tuple[KindRule, ...] = (
    KindRule(
        "request.subjunctive",
        "'requesting that the vote be held', 'insisted the vote be held': a demand",
        _subjunctive,
        (
            Example(
                '"I will write to the housing trust requesting that the repairs be '
                "finished before the winter,\" the tenants' leader said.\n",
                "requesting that the repairs be finished",
                D,
            ),
            Example(
                "The two unions have pressed for a quicker timetable, insisting the "
                "ballot be held before the summer recess.\n",
                "the ballot be held",
                D,
            ),
            Example(
                "The council said the roads would be resurfaced before the winter.\n",
                "the roads would be resurfaced",
                None,
            ),
        ),
    ),
    KindRule(
        "forecast.looks-likely",
        "'a full reopening before the final looks unlikely': a forecast of that event",
        _looks_likely,
        (
            Example(
                "The club's owner said a full reopening before the cup final looks unlikely.\n",
                "a full reopening before the cup final looks unlikely",
                P,
            ),
            Example(
                "The owner said the plan looks unlikely to win support from residents.\n",
                "the plan looks unlikely",
                None,
            ),
        ),
        needs=_LOOKS,
    ),
    KindRule(
        "schedule.event-in-doubt",
        "', casting doubt on the friendly next month': the event is scheduled then",
        _event_in_doubt,
        (
            Example(
                "The owner said the pitch was not ready, casting doubt on the friendly "
                "against Chile next month.\n",
                "casting doubt on the friendly",
                ClaimKind.COMMITMENT,
            ),
            Example(
                "The owner said the pitch was not ready, casting doubt on the club's plans.\n",
                "casting doubt on the club",
                None,
            ),
        ),
        needs=_DOUBT_PARTICIPLES,
    ),
    KindRule(
        "forecast.awaited",
        "'awaits the handover of two vessels from next year', 'is forecasting a deficit this "
        "year': what is awaited or expected at a stated time is a forecast",
        _awaited,
        (
            Example(
                '"Our timetable will expand, while the ferry line awaits the handover of two '
                'vessels from next year," the operator said.\n',
                "awaits the handover",
                P,
            ),
            Example(
                "The college is forecasting a deficit of two million pounds this year, "
                "the bursar said.\n",
                "forecasting a deficit",
                P,
            ),
            Example(
                '"The town still awaits an apology from the owners," the mayor said.\n',
                "awaits an apology",
                None,
            ),
        ),
        needs=_AWAIT_VERBS,
    ),
)

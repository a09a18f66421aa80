"""Readings that look like undertakings but forecast or describe.

"The new route will strengthen ties between the cities" (an outcome, not an act);
"the handover now seems unlikely to happen before spring" (the writer hedges: a
forecast); "the hull is ready to be moved back to the yard" (a thing's state).
"""

from __future__ import annotations

from ...model import ClaimKind
from .analysis import Analysis
from .common import animate_subject, hedged, past_adverbs
from .engine import Clause, Example, KindRule
from .grammar import is_participle
from .words import words

__all__ = ["RULES"]

P = ClaimKind.PREDICTION
_OUTCOMES = words("outcome_verbs")


def _outcome(clause: Clause, found: Analysis) -> Analysis | None:
    # "This route will strengthen the ties between the two cities": a forecast.
    if found.kind is not ClaimKind.COMMITMENT or found.own_side or found.verb is None:
        return None
    if found.trigger not in {"future", "reported"}:
        return None
    v = past_adverbs(clause.toks, found.verb)
    if v < len(clause.toks) and clause.toks[v].low in _OUTCOMES:
        return found._replace(kind=P)
    return None


def _hedged(clause: Clause, found: Analysis) -> Analysis | None:
    # "Completion now seems unlikely before the spring": the writer forecasts.
    if found.kind is not ClaimKind.COMMITMENT or found.verb is None:
        return None
    if hedged(clause.toks, found.verb):
        return found._replace(kind=P)
    return None


def _thing_ready(clause: Clause, found: Analysis) -> Analysis | None:
    # "The hull is ready to be moved back to the yard": a state, nobody's undertaking.
    toks, v = clause.toks, found.verb
    if found.trigger != "readiness" or v is None or v + 1 >= len(toks):
        return None
    if toks[v].low != "be" or not is_participle(toks[v + 1].low):
        return None
    if found.subject is not None and found.own_side:
        return None
    if found.subject is not None and animate_subject(clause, found):
        return None
    return found._replace(kind=ClaimKind.STATEMENT, verb=None, action=None)


RULES: tuple[KindRule, ...] = (
    KindRule(
        "forecast.outcome",
        "another's 'will' whose verb is an outcome ('will strengthen ties'): a forecast",
        _outcome,
        (
            Example(
                '"This route will strengthen the ties between our two cities," the chief '
                "executive said.\n",
                "strengthen the ties",
                P,
            ),
            Example(
                '"The new route will start in May," the chief executive said.\n',
                "start in May",
                None,
            ),
        ),
    ),
    KindRule(
        "forecast.hedged",
        "a schedule the writer hedges ('now seems unlikely to be finished'): a forecast",
        _hedged,
        (
            Example(
                "Completion of new wing now seems unlikely to be finished until spring\n\n"
                "The builder said work went on.\n",
                "seems unlikely",
                P,
            ),
            Example("The new wing is due to open in the spring.\n", "new wing", None),
        ),
    ),
    KindRule(
        "state.thing-ready",
        "a thing 'ready to be moved': its state, not an undertaking",
        _thing_ready,
        (
            Example(
                '"Thanks to the crew, she now has a new hull and is ready to be moved back to '
                'the yard," the manager said.\n',
                "ready to be moved",
                ClaimKind.STATEMENT,
            ),
            Example(
                '"We are ready to be judged on results," the manager said.\n',
                "ready to be judged",
                None,
            ),
        ),
    ),
)

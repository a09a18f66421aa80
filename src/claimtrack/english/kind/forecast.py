"""Readings that look like undertakings but forecast or describe.

"The new route will strengthen ties between the cities" (an outcome, not an act);
"the handover now seems unlikely to happen before spring" (the writer hedges: a
forecast); "the organ is ready to be fitted in the chapel" (a thing's state).
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
_REACH_VERBS = frozenset({"meet", "hit", "miss", "reach", "achieve", "exceed", "surpass"})
_TARGETS = frozenset({"target", "targets", "goal", "goals", "forecast", "forecasts"})
_ENDURE = frozenset({"wait", "endure", "cope", "live", "suffer", "queue"})
_OUTCOMES = words("outcome_verbs")


def _outcome(clause: Clause, found: Analysis) -> Analysis | None:
    # "This route will strengthen the ties between the two cities": a forecast.
    if found.kind is not ClaimKind.COMMITMENT or found.own_side or found.verb is None:
        return None
    if found.trigger not in {"future", "reported"}:
        return None
    toks = clause.toks
    v = past_adverbs(toks, found.verb)
    if v < len(toks) and toks[v].low in _OUTCOMES:
        return found._replace(kind=P)
    # The article's or a commentator's "the UK will meet its target": an outcome (an
    # office-holder's "the city would meet its share" stays an undertaking).
    reaches = v < len(toks) and toks[v].low in _REACH_VERBS
    if (
        reaches
        and (clause.publisher or not clause.authority)
        and any(t.low in _TARGETS for t in toks[v + 1 : v + 6])
    ):
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
    # "The organ is ready to be fitted in the chapel": a state, nobody's undertaking.
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


def _must_wait(clause: Clause, found: Analysis) -> Analysis | None:
    # The article's "Commuters will have to wait another year", "..., which must approve the
    # venue": a consequence or a requirement it describes, nobody's undertaking.
    toks, v = clause.toks, found.verb
    if not clause.publisher or found.trigger != "obligation" or v is None or v >= len(toks):
        return None
    if toks[v].low in _ENDURE:
        return found._replace(kind=ClaimKind.STATEMENT, verb=None, action=None)
    subj = found.subject
    if subj is not None and toks[subj[0]].low in {"which", "who"}:
        return found._replace(kind=ClaimKind.STATEMENT, verb=None, action=None)
    if subj is None and v >= 2 and toks[v - 2].low in {"which", "who"}:
        return found._replace(kind=ClaimKind.STATEMENT, verb=None, action=None)
    return None


def _copula_view(clause: Clause, found: Analysis) -> Analysis | None:
    # "(The tunnel ...) is a testament to fine engineering", "will continue to be a
    # complex project": a description, not the plan of the clause it shares a subject
    # with (a named trigger keeps it from inheriting that clause's kind).
    toks = clause.toks
    n = len(toks)
    k = 0
    if n > 2 and toks[0].low in {"will", "would"} and toks[1].low == "continue":
        k = 2 if toks[2].low != "to" else 3
        if k >= n or toks[k].low != "be":
            return None
        k += 1
    elif n > 2 and toks[0].low in {"is", "are", "was", "were"}:
        k = 1
    else:
        return None
    if k >= n or toks[k].low not in {"a", "an"}:
        return None
    return found._replace(
        kind=ClaimKind.STATEMENT, trigger="state.copula-view", verb=None, action=None
    )


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
            Example(
                "It means the country will meet its target to end coal power in 2026.\n",
                "meet its target",
                P,
            ),
            Example(
                '"We will meet our target of 500 homes," the mayor said.\n',
                "meet our target",
                None,
            ),
            Example(
                "The mayor of Kelso said Kelso would meet its share of the target.\n",
                "meet its share",
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
        "state.copula-view",
        "'(X) is a testament to ...', 'will continue to be a complex project': a view",
        _copula_view,
        (
            Example(
                'Councillor Amir Patel toured the building.\n\n"The library is on course to reopen '
                'by the autumn and is a credit to its many volunteers," Patel '
                "said.\n",
                "is a credit",
                ClaimKind.STATEMENT,
            ),
            Example(
                '"The library is on course to reopen in October," he said.\n', "on course", None
            ),
        ),
    ),
    KindRule(
        "state.must-wait",
        "the article's 'commuters will have to wait', ', which must approve': no undertaking",
        _must_wait,
        (
            Example(
                "Commuters will have to wait another year for the faster trains.\n",
                "wait another year",
                ClaimKind.STATEMENT,
                dropped=True,
            ),
            Example(
                "The league said UEFA, which must approve the ground, had the papers.\n",
                "which must approve",
                None,
            ),
            Example(
                "Councils will have to publish their plans by March.\n",
                "publish their plans",
                None,
            ),
        ),
    ),
    KindRule(
        "state.thing-ready",
        "a thing 'ready to be moved': its state, not an undertaking",
        _thing_ready,
        (
            Example(
                '"After the repairs, the organ has fresh pipes and is ready to be fitted in '
                'the chapel," the curator said.\n',
                "ready to be fitted",
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

"""Commitments that are not a finite future clause.

Offers and readiness ("remains willing to negotiate", "has offered to host the next
round", "open to talks"), preparations ("is gearing up to launch"), and nominal plans:
"the firm's plan to hire 200 staff" is a plan; "the firm's plans to close the mill
were opposed" asserts the opposition, not the plan (a statement).  GUIDELINE
convention 5 makes offers, proposals and stated readiness commitments.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import ClaimKind
from ..lexicon import DETERMINERS, QUANTITY_VERBS
from ..text import Tok
from .analysis import Analysis
from .common import animate_subject, bare_verb, commitment, has_date, quantity_subject
from .engine import Clause, Example, KindRule
from .grammar import is_participle, is_verbish
from .words import AUX, VERB_FORMS, words

__all__ = ["RULES"]

C = ClaimKind.COMMITMENT
S = ClaimKind.STATEMENT
_READY = words("readiness_words")
_OPEN_TO = words("open_to_nouns")
_READY_VERBS = words("readiness_verbs")
_OFFERS = words("offer_verbs")
_PREPARING = words("preparing_verbs")
_PLAN_NOUNS = words("plan_nouns")
_PLEDGING = words("pledging_cues")
_FINITE = frozenset({"was", "were", "is", "are", "has", "have", "had"})
_PRESSING = frozenset({"pressing", "pushing", "going", "moving", "getting", "cracking"})


def _open(found: Analysis, at: int) -> bool:
    """No earlier trigger decided this clause (a rule may take it from ``at``)."""
    if found.kind is ClaimKind.DEMAND:
        return False
    return found.kind is not C or (found.verb is not None and found.verb > at)


def _commit(clause: Clause, found: Analysis, name: str, at: int, verb: int) -> Analysis | None:
    if clause.toks[verb].low in QUANTITY_VERBS:
        return None
    made = commitment(clause, found, name, at, verb)
    if quantity_subject(clause.toks, made.subject) or not animate_subject(clause, made):
        return None  # "plans are ready to move into a new phase": a thing's state
    return made


def _readiness(clause: Clause, found: Analysis) -> Analysis | None:
    # "The union remains willing to negotiate", "the city is open to talks".
    toks = clause.toks
    n = len(toks)
    for i in range(1, n - 2):
        low = toks[i].low
        if low not in _READY or toks[i + 1].low != "to" or toks[i - 1].low not in _READY_VERBS:
            continue
        if not _open(found, i):
            return None
        nxt = toks[i + 2]
        if low == "open":
            k = i + 2 + (toks[i + 2].low in {"a", "an", "new", "further", "direct"})
            if k >= n or toks[k].low not in _OPEN_TO:
                return None
            return _commit(clause, found, "offer.readiness", i - 1, i + 2)
        if not bare_verb(nxt) or (nxt.low == "be" and i + 3 < n and is_participle(toks[i + 3].low)):
            return None  # "ready to be moved": a state of a thing, not an offer
        return _commit(clause, found, "offer.readiness", i - 1, i + 2)
    return None


def _offered(clause: Clause, found: Analysis) -> Analysis | None:
    # "Norway has offered to host the next round": an offer of the subject's.
    toks = clause.toks
    for i in range(1, len(toks) - 2):
        if toks[i].low not in _OFFERS or toks[i + 1].low != "to" or not bare_verb(toks[i + 2]):
            continue
        if toks[i - 1].low in DETERMINERS or not _open(found, i):
            return None  # "an offer to": a noun (the plan rules read it)
        at = i - 1 if toks[i - 1].low in {"has", "have", "had"} else i
        return _commit(clause, found, "offer.offered", at, i + 2)
    return None


def _preparing(clause: Clause, found: Analysis) -> Analysis | None:
    # "The operator is gearing up to launch the service on 3 March".
    toks = clause.toks
    n = len(toks)
    for i in range(1, n - 2):
        if toks[i].low not in _PREPARING:
            continue
        to = i + 2 if toks[i + 1].low == "up" else i + 1
        if to + 1 >= n or toks[to].low != "to" or not bare_verb(toks[to + 1]):
            continue
        if not _open(found, i):
            return None
        return _commit(clause, found, "plan.preparing", i, to + 1)
    return None


def _wants_to(clause: Clause, found: Analysis) -> Analysis | None:
    # "The coach said he wanted to play two friendlies in January": his own dated plan.
    toks = clause.toks
    n = len(toks)
    for i in range(1, n - 2):
        if toks[i].low not in {"want", "wants", "wanted", "intend", "intends", "intended"}:
            continue
        if toks[i + 1].low != "to" or not bare_verb(toks[i + 2]) or not _open(found, i):
            return None
        if not has_date(toks[i + 2 :]):
            return None  # an undated wish is a view
        made = commitment(clause, found, "plan.wants-to", i, i + 2)
        own = made.own_side or (
            clause.reported
            and made.subject is not None
            and made.subject[1] - made.subject[0] == 1
            and toks[made.subject[0]].low in {"he", "she", "they", "it"}
        )
        return made._replace(own_side=True) if own else None
    return None


def _possessor(toks: Sequence[Tok], p: int) -> tuple[int, int] | None:
    """The owner of the plan noun at ``p``: "the council's" -> "the council's"
    (the name up to its article or the clause's verb), None for "its"/"their"."""
    k = p - 1
    if not toks[k].low.endswith(("'s", "’s")):
        return None
    a = k
    while a > 0 and a > k - 5:
        prev = toks[a - 1]
        if not prev.is_word or prev.low in VERB_FORMS or prev.low in AUX:
            break
        a -= 1
        if prev.low in DETERMINERS:
            break
    return (a, k + 1)


def _nominal_plan(clause: Clause, found: Analysis) -> Analysis | None:
    # A clause that is a nominal plan: "the club's intention to reopen the ground sector
    # by sector", "the government's target to end coal power in 2024".
    toks = clause.toks
    n = len(toks)
    if found.kind is not S or n < 4:
        return None
    for p in range(1, min(n - 2, 8)):
        if toks[p].low not in _PLAN_NOUNS or toks[p + 1].low != "to":
            continue
        if not bare_verb(toks[p + 2]) or is_verbish(toks[:p]):
            return None
        owner = _possessor(toks, p)
        if owner is None and toks[p - 1].low not in {"its", "their", "his", "her", "our"}:
            return None  # "a target to aim for": nobody's plan named
        return commitment(clause, found, "plan.nominal", p, p + 2, subject=owner)
    return None


def _nominal_owner(clause: Clause, found: Analysis) -> Analysis | None:
    # "The mayor praised the council's plan to build two schools": the council's plan;
    # "the council was pressing ahead with plans to open": the council's.
    toks = clause.toks
    if found.kind is not C or found.trigger != "plan" or found.verb is None:
        return None
    p = found.verb - 2
    if p < 1 or toks[p].low not in _PLAN_NOUNS:
        return None
    prev = toks[p - 1].low
    if prev in {"its", "their", "his", "her", "our", "my"}:
        return found._replace(subject=None, own_side=True)
    if prev == "with":
        k = p - 2
        while k > 0 and toks[k].low in {"ahead", "forward", "on"} | _PRESSING:
            k -= 1
        if k < p - 2 and toks[k].low in {"is", "are", "was", "were"}:
            return commitment(clause, found, "plan.nominal-owner", k, found.verb)
        return None
    owner = _possessor(toks, p)
    if owner is None or found.subject == owner:
        return None
    return commitment(clause, found, "plan.nominal-owner", p, found.verb, subject=owner)


def _elected_on(clause: Clause, found: Analysis) -> Analysis | None:
    # "She was elected in 2023 on a promise to cut fares": the past, not a new pledge.
    toks = clause.toks
    if found.kind is not C or found.trigger != "plan" or found.verb is None:
        return None
    p = found.verb - 2
    if p < 2 or toks[p].low not in _PLAN_NOUNS or toks[p - 1].low not in {"a", "an", "the"}:
        return None
    if toks[p - 2].low not in {"on", "upon"}:
        return None
    if not any(t.low in {"was", "were", "had"} for t in toks[: p - 2]):
        return None
    return found._replace(kind=S, subject=None, verb=None, action=None)


def _pledged_things(clause: Clause, found: Analysis) -> Analysis | None:
    # "..., promising free bus travel and 500,000 jobs if it is voted in": the things
    # promised, a commitment of the speaker (the condition aside).
    toks = clause.toks
    if clause.cue not in _PLEDGING or found.kind is not S or not toks or toks[0].low == "to":
        return None
    cond = found.condition
    outside = [t for k, t in enumerate(toks) if cond is None or not cond[0] <= k < cond[1]]
    if any(t.low in AUX or (t.low.endswith("ed") and t.low in VERB_FORMS) for t in outside):
        return None  # "promising that fares would fall", "after cracks forced": clauses
    return commitment(clause, found, "offer.pledged-things", 0, 0, subject=None)


def _plan_as_subject(clause: Clause, found: Analysis) -> Analysis | None:
    # "The firm's plans to close the mill were opposed by unions": about the plan.
    toks = clause.toks
    n = len(toks)
    if found.kind is not C or found.trigger != "plan" or found.verb is None:
        return None
    p = found.verb - 2
    if p < 1 or toks[p].low not in _PLAN_NOUNS or is_verbish(toks[:p]):
        return None
    if not (toks[p - 1].low.endswith(("'s", "’s")) or toks[p - 1].low in DETERMINERS):
        return None
    for k in range(found.verb + 1, n - 1):
        if toks[k].text in {",", ";", ":"}:
            return None
        if toks[k].low in _FINITE and (is_participle(toks[k + 1].low) or toks[k + 1].low == "been"):
            return found._replace(kind=S, subject=None, verb=None, action=None)
    return None


RULES: tuple[KindRule, ...] = (
    KindRule(
        "plan.as-subject",
        "a plan that is the subject of another verb ('plans to X were opposed'): a statement",
        _plan_as_subject,
        (
            Example(
                "The mill's owners said Corran's plans to close the mill were opposed by unions.\n",
                "plans to close",
                S,
            ),
            Example(
                "The council said its plans to build two schools would go ahead.\n",
                "plans to build",
                None,
            ),
        ),
        needs=_PLAN_NOUNS,
    ),
    KindRule(
        "plan.elected-on",
        "a past 'was elected on a promise to ...': a statement of what happened",
        _elected_on,
        (
            Example(
                "The report said Okafor was elected in 2022 on a promise to cut bus fares.\n",
                "promise to cut",
                S,
            ),
            Example(
                "Okafor said the council had a plan to cut bus fares by May.\n",
                "plan to cut",
                None,
            ),
        ),
        needs=_PLAN_NOUNS,
    ),
    KindRule(
        "plan.nominal",
        "a clause that is a nominal plan ('the club's intention to reopen the ground')",
        _nominal_plan,
        (
            Example(
                "The club said work went on despite the club's intention to reopen the "
                "ground stand by stand.\n",
                "intention to reopen",
                C,
            ),
            Example("The report called it a target to aim for.\n", "target to aim", None),
        ),
        needs=_PLAN_NOUNS,
    ),
    KindRule(
        "plan.nominal-owner",
        "a plan noun's owner acts ('the council's plan to build', 'pressing ahead with plans')",
        _nominal_owner,
        (
            Example(
                "The mayor praised the council's plan to build two schools by 2028.\n",
                "plan to build",
                C,
            ),
            Example(
                "The mayor said the council was pressing ahead with plans to open two schools.\n",
                "plans to open",
                C,
            ),
            Example(
                "The council said it plans to build two schools by 2028.\n",
                "plans to build",
                None,
            ),
        ),
        needs=_PLAN_NOUNS,
    ),
    KindRule(
        "offer.pledged-things",
        "the things a pledge cue names ('promising free bus travel and 500 jobs if ...')",
        _pledged_things,
        (
            Example(
                "The party launched its manifesto, promising free bus travel for pupils and "
                "500 new jobs if it is voted in.\n",
                "free bus travel",
                C,
            ),
            Example(
                "The party launched its manifesto, saying free bus travel was affordable.\n",
                "free bus travel",
                None,
            ),
            Example(
                "The bridge will reopen by May, the mayor has promised, four months after "
                "cracks forced its closure.\n",
                "four months after",
                None,
            ),
        ),
    ),
    KindRule(
        "offer.readiness",
        "stated readiness ('remains willing to negotiate', 'open to talks'): a commitment",
        _readiness,
        (
            Example(
                "The union remains willing to negotiate with the board, its leader said.\n",
                "willing to negotiate",
                C,
            ),
            Example(
                "The government said it was open to talks with the strikers.\n",
                "open to talks",
                C,
            ),
            Example(
                "The museum is open to the public on Sundays, the trust said.\n", "museum", None
            ),
            Example(
                "The minister said the plans were ready to move into a second phase.\n",
                "plans were ready",
                None,
            ),
        ),
        needs=_READY,
    ),
    KindRule(
        "offer.offered",
        "an offer ('has offered to host the next round'): a commitment of the offering side",
        _offered,
        (
            Example(
                "Norway has offered to host the next round of talks, the ministry said.\n",
                "offered to host",
                C,
            ),
            Example(
                "The mayor said the offer to host the games had lapsed.\n", "offer to host", None
            ),
        ),
        needs=_OFFERS,
    ),
    KindRule(
        "plan.wants-to",
        "the speaker's own dated intention ('he wanted to play two friendlies in January')",
        _wants_to,
        (
            Example(
                "The coach said he wanted to play two friendlies in January.\n",
                "wanted to play",
                C,
            ),
            Example("The fans said they wanted to see a new stadium.\n", "wanted to see", None),
            Example(
                "The coach said the fans wanted to see a win in January.\n", "fans wanted", None
            ),
        ),
        needs=frozenset({"want", "wants", "wanted", "intend", "intends", "intended"}),
    ),
    KindRule(
        "plan.preparing",
        "an act being prepared ('is gearing up to launch', 'preparing to shut'): a plan",
        _preparing,
        (
            Example(
                "Northfield Buses is gearing up to launch electric routes in June.\n",
                "gearing up to launch",
                C,
            ),
            Example(
                "Harbour Rail said prices were preparing to rise, an analyst said.\n",
                "prices",
                None,
            ),
        ),
        needs=_PREPARING,
    ),
)

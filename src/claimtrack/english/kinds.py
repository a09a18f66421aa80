"""What a claim does: commit, demand, predict or state; who must act; on what condition.

:func:`analyse` reads the tokens of one claim and finds, left to right, its condition
("if X", "in the event of X", "should X ..."), its first modal trigger ("will", "must",
"set to", "ready to", reported "would", "can't allow", an imperative) and the subject
of that trigger, then decides the kind:

- obligation ("must", "need to", "have to"): a commitment when the subject is the
  speaker's side ("we", "our coalition", the speaker), a demand when it is another;
- future ("will", "won't", "shall"): a commitment of the speaker's side, else a
  prediction (the publisher's own "X will" reports X's plan: a commitment);
- plans and schedules ("set to", "plans to", "agreed to", headline "X to meet"):
  commitments; "ready to"/"prepared to" only of someone who can act;
- imperatives and "let X ...": demands.

Every step is a bounded look around one token, so the whole is linear.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..model import ClaimKind
from .lexicon import (
    ADVERBS,
    AGREE_CUES,
    ANIMATE_NOUNS,
    CLAUSE_WORDS,
    DELIVERABLE_STATES,
    DETERMINERS,
    FACILITY_NOUNS,
    FIRST_PERSON,
    FORECAST_CUES,
    INCLUSIVE_GROUPS,
    IRREGULAR_PARTICIPLES,
    PARTICIPLE_CUES,
    PLAN_TRIGGERS,
    QUANTITY_NOUNS,
    QUANTITY_VERBS,
    VERBS,
)
from .text import Tok

__all__ = [
    "AUX",
    "VERB_FORMS",
    "Analysis",
    "analyse",
    "find_condition",
    "is_participle",
    "is_verbish",
    "skip_time_adverbial",
]

#: Auxiliaries and copulas: a clause with one of these has a finite verb.
AUX = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "need",
        "needs",
        "won't",
        "won’t",
        "can't",
        "can’t",
        "cannot",
        "don't",
        "don’t",
        "doesn't",
        "doesn’t",
        "didn't",
        "didn’t",
        "isn't",
        "isn’t",
        "aren't",
        "aren’t",
        "wasn't",
        "wasn’t",
        "it's",
        "it’s",
        "that's",
        "that’s",
        "he's",
        "he’s",
        "she's",
        "she’s",
        "there's",
        "there’s",
        "we're",
        "we’re",
        "they're",
        "they’re",
        "i'm",
        "i’m",
    ]
)
_IRREGULAR = frozenset(
    [
        "said",
        "told",
        "made",
        "took",
        "gave",
        "met",
        "held",
        "kept",
        "sent",
        "built",
        "brought",
        "got",
        "went",
        "came",
        "began",
        "ran",
        "stood",
        "won",
        "paid",
        "sold",
        "found",
        "thought",
        "saw",
        "knew",
        "became",
        "left",
        "led",
        "felt",
        "meant",
        "spent",
        "lost",
        "fell",
        "rose",
        "chose",
        "drove",
        "wrote",
        "spoke",
        "broke",
    ]
)


def _forms() -> frozenset[str]:
    out: set[str] = set(VERBS) | _IRREGULAR
    for v in VERBS:
        out.add(v + "s")
        out.add(v + "ed")
        out.add(v + "d" if v.endswith("e") else v + "ing")
        out.add(v[:-1] + "ing" if v.endswith("e") else v + "ing")
        if v.endswith(("ch", "sh", "ss", "x", "o")):
            out.add(v + "es")
        if v.endswith("y"):
            out.add(v[:-1] + "ies")
            out.add(v[:-1] + "ied")
    return frozenset(out)


#: Base verbs and their inflections (for "does this piece have a verb?").
VERB_FORMS = _forms()

_SUBJECT_SKIP = ADVERBS | {"is", "are", "was", "were", "be", "been", "being", "am", "also"}
_PREPS = frozenset(
    [
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "from",
        "with",
        "behind",
        "to",
        "into",
        "over",
        "under",
        "about",
        "across",
        "between",
        "against",
        "after",
        "before",
        "during",
        "without",
        "within",
        "around",
        "through",
        "set",
    ]
)
_EXPLETIVES = frozenset({"there", "it", "this", "that"})
_REFUSAL_VERBS = frozenset(
    {"allow", "let", "accept", "afford", "sit", "wait", "stand", "tolerate", "ignore", "give"}
)
_FUTURE = frozenset({"will", "shall", "won't", "won’t", "wont"})
_WOULD = frozenset({"would", "wouldn't", "wouldn’t"})
_CANT = frozenset({"can't", "can’t", "cannot"})
_PREDICTIVE_PLANS = frozenset({"expected", "likely"})
#: "I think/suspect ... will": the speaker forecasts rather than undertakes.
_HEDGES = frozenset({"think", "suspect", "believe", "guess", "reckon", "fear", "doubt"})
#: "would want/prefer/like": a wish or view, not an act undertaken.
_WISH_VERBS = frozenset({"want", "prefer", "like", "love", "hope", "imagine", "think"})
#: "expect to see/be/have": forecasts, not acts.
_EXPECT_NON_ACTS = frozenset(
    {"be", "see", "have", "remain", "receive", "get", "hear", "find", "happen", "grow", "need"}
)
_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_TIME_ADVERBS = frozenset(["yesterday", "today", "tonight", "overnight", "earlier", "later"])
_NEGATIVE_UNIVERSAL = frozenset({"nobody", "no-one", "noone", "none", "no", "nothing"})
_CONTROL_PAST = frozenset(
    {"asked", "urged", "told", "ordered", "called", "pressed", "instructed", "implored"}
)
_BE_FORMS = frozenset({"was", "were", "been", "be", "is", "are", "being"})
_IMPERSONAL_VERBS = frozenset(
    {"be", "seem", "appear", "take", "become", "get", "mean", "depend", "happen", "matter"}
)
_PROMISE_CUES = frozenset(
    {
        "promised",
        "promises",
        "pledged",
        "pledges",
        "vowed",
        "vows",
        "guaranteed",
        "guarantees",
        "undertook",
        "committed",
    }
)
_THIRD_PERSON = frozenset({"he", "she", "it", "they"})
_POSSESSIVE_3RD = frozenset({"his", "her", "its", "their"})
_COMPARATIVES = frozenset(
    ["worse", "better", "harder", "easier", "higher", "lower", "more", "less", "cheaper"]
)
_PRESENT_PLAN_VERBS = frozenset({"plans", "plan", "planned"})
_SCHEDULE_VERBS = frozenset(
    [
        *("go", "open", "close", "meet", "resume", "begin", "start", "return", "reopen"),
        *("face", "vote", "launch", "end", "expire", "head", "convene", "sit", "debate"),
        "hear",
    ]
)
_READINESS = frozenset({"ready", "prepared", "preparing", "determined"})
_NOT_IMPERATIVE_NEXT = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "must",
        "should",
        "may",
        "might",
        "of",
        "for",
        "'s",
        "’s",
    ]
)


class Analysis(NamedTuple):
    """The result of :func:`analyse`; ranges are token indexes ``[a, b)``."""

    kind: ClaimKind
    trigger: str | None
    subject: tuple[int, int] | None
    own_side: bool
    verb: int | None
    action: tuple[int, int] | None
    condition: tuple[int, int] | None
    addressee: tuple[int, int] | None
    imperative: bool
    #: Names of the rules that revised the kind after its trigger decided it.
    rules: tuple[str, ...] = ()


def is_verbish(toks: Sequence[Tok]) -> bool:
    """Whether ``toks`` hold something like a finite verb (a claim needs one)."""
    for t in toks:
        low = t.low
        if low in AUX or low in VERB_FORMS or low.endswith(("n't", "n’t")):
            return True
    return False


def _next_content(toks: Sequence[Tok], i: int) -> int:
    n = len(toks)
    while i < n and (toks[i].low in ADVERBS or toks[i].low in {"not", "n't", "never"}):
        i += 1
    return i


def find_condition(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The token range of the first condition clause, marker included, or None."""
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        size = 0
        if low in {"if", "unless"}:
            if i > 0 and toks[i - 1].low in {"as", "whether", "even"}:
                continue
            size = 1
        elif low in {"provided", "providing"} and i + 1 < n and toks[i + 1].low == "that":
            size = 2
        elif (
            low in {"provided", "providing"}
            and 0 < i < n - 2
            and toks[i - 1].text in {",", "—", "–"}
            and (
                toks[i + 1].low in DETERMINERS
                or toks[i + 1].low in {"he", "she", "they", "we", "it", "you", "i"}
                or toks[i + 1].is_cap
            )
        ):
            size = 1  # ", provided the recall goes smoothly"
        elif low == "until" and _finite_clause(toks, i + 1):
            size = 1  # "halt sales until a new charger passes testing": an order's condition
        elif (
            low == "in"
            and i + 3 < n
            and toks[i + 1].low == "the"
            and toks[i + 2].low in {"event", "case"}
            and toks[i + 3].low in {"of", "that"}
        ):
            size = 4
        elif (
            (
                low == "in"
                and i + 2 < n
                and toks[i + 1].low == "case"
                and toks[i + 2].low in {"of", "that"}
            )
            or (low == "as" and i + 2 < n and toks[i + 1].low == "long" and toks[i + 2].low == "as")
            or (
                low == "on"
                and i + 2 < n
                and toks[i + 1].low == "condition"
                and toks[i + 2].low == "that"
            )
        ):
            size = 3
        elif low == "should" and i + 1 < n:
            # Inversion ("should a deal be agreed") is a condition; "X should act" is not.
            nxt = toks[i + 1]
            if (
                nxt.low in DETERMINERS
                or nxt.low in {"he", "she", "they", "we", "it", "there", "i"}
                or (nxt.is_cap and nxt.low not in VERB_FORMS)
            ):
                size = 1
        if not size:
            continue
        j = i + size
        while j < n and toks[j].text not in {",", ";", ":", "—", "–"} and toks[j].low != "then":
            j += 1
        if j > i + size:
            return (i, j)
    return None


def _finite_clause(toks: Sequence[Tok], i: int) -> bool:
    """A subject and a finite verb within six tokens of ``i`` ("a new charger passes",
    "the money runs out"), as against a time phrase ("until the end of the year")."""
    n = len(toks)
    if i >= n or not (
        toks[i].low in DETERMINERS or toks[i].low in {"he", "she", "they", "it", "we"}
    ):
        return False
    for k in range(i + 1, min(n, i + 6)):
        low = toks[k].low
        if not toks[k].is_word:
            return False
        if low in {"is", "are", "was", "were", "has", "have", "does", "do"}:
            return True
        stem_ok = low[:-1] in VERB_FORMS or (low.endswith("es") and low[:-2] in VERB_FORMS)
        if low.endswith("s") and not low.endswith("ss") and stem_ok and k > i + 1:
            prev = toks[k - 1].low
            if prev not in DETERMINERS:
                return True
    return False


def skip_time_adverbial(toks: Sequence[Tok], i: int) -> int:
    """The index after a short time adverbial starting at ``i`` ("on Friday", "last
    week", "yesterday"), or ``i`` when there is none."""
    n = len(toks)
    if i < n and toks[i].low in _TIME_ADVERBS:
        return i + 1
    if i + 1 < n and toks[i].low == "on" and toks[i + 1].low in _WEEKDAYS:
        return i + 2
    if (
        i + 1 < n
        and toks[i].low in {"last", "this", "next"}
        and toks[i + 1].low in {"week", "month", "year", "weekend"} | _WEEKDAYS
    ):
        return i + 2
    return i


def is_participle(low: str) -> bool:
    """Whether ``low`` reads as a past participle ("frozen", "offered", "left")."""
    return (
        low in IRREGULAR_PARTICIPLES
        or (low.endswith("ed") and len(low) > 4)
        or (low.endswith("en") and len(low) > 4 and low not in {"often", "even", "green"})
    )


def _controlled(
    toks: Sequence[Tok], verb: int, head: Tok | None, animate: bool, authority: bool
) -> ClaimKind:
    """Kind of "X will VERB" when X is not the speaker's side.

    A thing as subject, or a passive with no agent, is done by somebody unnamed: an
    office-holder or organisation speaking of it undertakes it ("Fares will be frozen",
    "the hospital would open in April"); a commentator forecasts it.  Quantities
    ("prices will rise"), states ("Europe will be less secure") and other actors'
    own acts ("Putin will refuse") are forecasts.
    """
    n = len(toks)
    if not 0 <= verb < n:
        return ClaimKind.PREDICTION
    v = toks[verb].low
    nxt = toks[verb + 1].low if verb + 1 < n else ""
    if head is not None and head.low in QUANTITY_NOUNS:
        return ClaimKind.PREDICTION
    if v in QUANTITY_VERBS or nxt in _COMPARATIVES:
        return ClaimKind.PREDICTION
    if v == "be":
        k = _next_content(toks, verb + 1)
        after = toks[k].low if k < n else ""
        if not (is_participle(after) or after in DELIVERABLE_STATES):
            return ClaimKind.PREDICTION
        passive = True
    else:
        passive = False
    thing = head is not None and (head.low in FACILITY_NOUNS or not animate)
    if (passive or thing) and authority:
        return ClaimKind.COMMITMENT
    return ClaimKind.PREDICTION


def _subject(toks: Sequence[Tok], i: int, lo: int) -> tuple[int, int] | None:
    j = i - 1
    while j >= lo and toks[j].low in _SUBJECT_SKIP:
        j -= 1
    end = j + 1
    k = j
    while k >= lo and end - k <= 10:
        t = toks[k]
        if not t.is_word and t.text not in {"'", "’", "-"}:
            break
        if (t.low in CLAUSE_WORDS and t.low != "and") or (t.low in AGREE_CUES and k < j):
            break
        if t.low == "and" and not (k - 1 >= lo and toks[k - 1].is_cap and toks[k + 1].is_cap):
            break
        k -= 1
    start = k + 1
    if start >= end:
        return None
    return (start, end)


def _head(toks: Sequence[Tok], span: tuple[int, int]) -> Tok:
    a, b = span
    seen_noun = False
    for k in range(a, b):
        t = toks[k]
        if t.low in DETERMINERS or not t.is_word:
            continue
        if seen_noun and (t.low in _PREPS or t.low.endswith(("ed", "ing"))):
            return toks[k - 1]
        seen_noun = True
    return toks[b - 1]


def analyse(
    toks: Sequence[Tok],
    *,
    cue: str | None = None,
    publisher: bool = False,
    headline: bool = False,
    direct: bool = False,
    is_own: Callable[[str], bool] | None = None,
    is_known: Callable[[str], bool] | None = None,
    reported: bool = False,
    authority: bool = True,
) -> Analysis:
    """Classify the claim whose tokens are ``toks``.

    ``cue`` is the reporting verb that introduced it (lower case), ``publisher`` says
    the article itself asserts it, ``headline`` enables headline grammar ("X to meet
    Y"), ``direct`` enables imperatives.  ``is_own(text)`` says whether a subject is the
    speaker or the speaker's group; ``is_known(name)`` whether a name is a known actor.
    ``reported`` says the claim is indirect speech (its "would" is a reported "will",
    its "he"/"it" the speaker); ``authority`` that the speaker acts rather than comments
    (so a thing's future they speak of is theirs to deliver).
    """
    if cue in FORECAST_CUES:
        authority = False
    n = len(toks)
    cond = find_condition(toks)
    agree_seen = cue in AGREE_CUES if cue else False
    first_person_agree = False
    for i in range(n):
        if cond and cond[0] <= i < cond[1]:
            continue
        t = toks[i]
        low = t.low
        if low in PARTICIPLE_CUES and i > 0 and toks[i - 1].text == ",":
            break  # ", saying that ...": what follows is another speaker's claim
        if low in AGREE_CUES and i > 0:
            agree_seen = True
            first_person_agree = first_person_agree or toks[i - 1].low in FIRST_PERSON
        trig = ""
        verb = -1
        nxt = toks[i + 1].low if i + 1 < n else ""
        if low in {"must", "mustn't", "mustn’t"}:
            trig, verb = "obligation", _next_content(toks, i + 1)
        elif (
            (low in {"need", "needs"} and nxt == "to" and i > 0)
            or (
                low in {"have", "has"}
                and nxt == "to"
                and i + 2 < n
                and toks[i + 2].low in VERB_FORMS
            )
            or (low == "ought" and nxt == "to")
        ):
            trig, verb = "obligation", i + 2
        elif low == "should" and not (cond and cond[0] == i):
            v = _next_content(toks, i + 1)
            if v < n and (toks[v].low in VERB_FORMS or toks[v].low == "be"):
                trig, verb = "obligation", v
        elif low in _FUTURE or low.endswith(("'ll", "’ll")):
            v = _next_content(toks, i + 1)
            if v + 1 < n and toks[v].low in {"have", "has"} and toks[v + 1].low == "to":
                trig, verb = "obligation", v + 2
            elif v + 1 < n and toks[v].low == "have" and toks[v + 1].low == "until":
                # "X will have until March 31 to pull ...": a deadline set for X.
                to = next((k for k in range(v + 2, min(n - 1, v + 9)) if toks[k].low == "to"), -1)
                trig, verb = ("obligation", to + 1) if to > 0 else ("future", v)
            else:
                trig, verb = "future", v
        elif low in _WOULD and (agree_seen or reported):
            v = _next_content(toks, i + 1)
            if v + 1 < n and toks[v].low == "need" and toks[v + 1].low == "to":
                v += 2
            trig, verb = "reported", v
        elif (
            low in PLAN_TRIGGERS
            and i + 2 < n
            and (nxt == "to" or toks[min(n - 1, skip_time_adverbial(toks, i + 1))].low == "to")
            and not (low in _PRESENT_PLAN_VERBS and i > 0 and toks[i - 1].low in DETERMINERS)
        ):
            to_at = i + 1 if nxt == "to" else skip_time_adverbial(toks, i + 1)
            after = toks[to_at + 1].low if to_at + 1 < n else ""
            if low == "due" and after not in VERBS:
                pass  # "due to the weather" is a cause, not a schedule
            elif (
                low == "going"
                and after not in VERBS
                and not (
                    after
                    and after not in DETERMINERS
                    and to_at + 1 < n
                    and not toks[to_at + 1].is_cap
                    and any(t.low in FIRST_PERSON for t in toks[max(0, i - 4) : i])
                )
            ):
                pass  # ("we are not going to walk away": any verb after a first person)
            elif after in VERB_FORMS or after == "be" or after not in DETERMINERS:
                if low in _PREDICTIVE_PLANS or (
                    low == "going"
                    and after == "be"
                    and to_at + 2 < n
                    and not is_participle(toks[to_at + 2].low)
                    and not any(t.low in FIRST_PERSON for t in toks[max(0, i - 3) : i])
                ):
                    # "That is going to be expensive": a forecast, not a plan.
                    trig = "predictive"
                elif low in _READINESS:
                    trig = "readiness"
                else:
                    trig = "plan"
                verb = to_at + 1
        elif (
            low in _PRESENT_PLAN_VERBS
            and i > 0
            and i + 1 < n
            and toks[i - 1].low not in DETERMINERS
            and (toks[i - 1].is_cap or toks[i - 1].text == "," or toks[i - 1].low in ADVERBS)
            and (toks[i + 1].text[:1].isdigit() or toks[i + 1].low in {"a", "an", "new", "to"})
        ):
            trig, verb = "plan", i  # "Northwind plans 40 new stores": a plan with an object
        elif low in {"is", "are"} and nxt == "to" and i + 2 < n and toks[i + 2].low in VERBS:
            trig, verb = "scheduled", i + 2
        elif low in _CANT or (low == "can" and nxt == "not"):
            v = _next_content(toks, i + 1 if low != "can" else i + 2)
            if v < n and toks[v].low in _REFUSAL_VERBS:
                trig, verb = "refusal", v
        elif (
            low == "expected"
            and i > 0
            and toks[i - 1].low in _BE_FORMS
            and i + 1 < n
            and toks[i + 1].low in {"in", "by", "on", "next", "later", "this", "before", "within"}
        ):
            # "A formal application is expected in the spring": a forecast.
            return _build(toks, ClaimKind.PREDICTION, "expect", None, False, i, cond, None)
        elif (
            low in {"expects", "expect", "predicts", "forecasts", "anticipates", "expected"}
            and i > 0
            and not (low == "expected" and toks[i - 1].low in _BE_FORMS)
        ):
            to = next((k for k in range(i + 1, min(n, i + 8)) if toks[k].low in {"to", "that"}), -1)
            if to > i + 1 and low == "expect" and toks[i - 1].low in FIRST_PERSON:
                obj = toks[to - 1]
                if (
                    toks[to].low == "to"
                    and to + 1 < n
                    and toks[to + 1].low in VERBS
                    and (obj.low in ANIMATE_NOUNS or obj.low in {"party", "side", "everyone"})
                ):
                    # "we expect every party to bring ...": others are told to act.
                    return _build(
                        toks, ClaimKind.DEMAND, "want", None, False, to + 1, cond, (i + 1, to)
                    )
            if (
                to == i + 1
                and toks[to].low == "to"
                and to + 1 < n
                and toks[to + 1].is_word
                and not toks[to + 1].is_cap
                and toks[to + 1].low not in _EXPECT_NON_ACTS
                and toks[to + 1].low not in DETERMINERS
                and low in {"expects", "expect"}
                and (
                    toks[i - 1].low in FIRST_PERSON
                    or (reported and toks[i - 1].low in _THIRD_PERSON)
                    or (is_own is not None and toks[i - 1].is_cap and is_own(toks[i - 1].text))
                )
            ):
                # "it expects to file for approval next year": the speaker's own plan.
                subj_e = (i - 1, i)
                return _build(toks, ClaimKind.COMMITMENT, "plan", subj_e, True, to + 1, cond, None)
            if to >= 0:
                return _build(toks, ClaimKind.PREDICTION, "expect", None, False, i + 1, cond, None)
        elif low in {"could", "may", "might"} and cue in {
            "warned",
            "warns",
            "predicted",
            "predicts",
        }:
            return _build(toks, ClaimKind.PREDICTION, "warning", None, False, i + 1, cond, None)
        elif low in {"want", "wants", "wanted"} and i > 0:
            for k in range(i + 2, min(n, i + 8)):
                if toks[k].low == "to" and k + 1 < n and toks[k + 1].low in VERB_FORMS:
                    return _build(
                        toks, ClaimKind.DEMAND, "want", None, False, k + 1, cond, (i + 1, k)
                    )
        elif (
            low in _CONTROL_PAST
            and i > 0
            and toks[i - 1].is_word
            and toks[i - 1].low not in _BE_FORMS
            and cue not in FORECAST_CUES
        ):
            # "the group had asked the government to waive ...": others told to act.
            a = i + 2 if nxt in {"on", "upon"} else i + 1
            for k in range(a + 1, min(n - 1, a + 9)):
                if toks[k].low == "to" and toks[k + 1].low in VERB_FORMS:
                    return _build(toks, ClaimKind.DEMAND, "want", None, False, k + 1, cond, (a, k))
                if not toks[k].is_word or toks[k].low in AUX:
                    break
        elif low in {"call", "urge", "ask", "appeal"} and i > 0 and toks[i - 1].low in {"we", "i"}:
            # "We call on all coastal states to share ...": others are told to act.
            a = i + 2 if nxt in {"on", "upon", "to"} else i + 1
            for k in range(a + 1, min(n, a + 9)):
                if toks[k].low == "to" and k + 1 < n and toks[k + 1].low in VERB_FORMS:
                    return _build(toks, ClaimKind.DEMAND, "want", None, False, k + 1, cond, (a, k))
        elif (
            low == "to"
            and i > 0
            and toks[i - 1].text == ","
            and nxt == "be"
            and i + 2 < n
            and is_participle(toks[i + 2].low)
        ):
            # "..., to be completed by the end of 2027": scheduled.
            return _build(toks, ClaimKind.COMMITMENT, "plan", None, True, i + 2, cond, None)
        elif (
            low in {"are", "is", "am", "'re", "’re"}
            and i > 0
            and toks[i - 1].low in {"we", "i"}
            and i + 1 < n
            and nxt.endswith("ing")
            and nxt in VERB_FORMS
            and nxt != "going"
        ):
            # "We are adding staff from next month": a plan under way, if dated ahead.
            return _build(
                toks, ClaimKind.COMMITMENT, "progressive", (i - 1, i), True, i + 1, cond, None
            )
        elif (
            publisher
            and not headline
            and i > 1
            and low.endswith("s")
            and (
                low[:-1] in _SCHEDULE_VERBS or (low.endswith("es") and low[:-2] in _SCHEDULE_VERBS)
            )
            and (toks[i - 1].is_cap or toks[i - 1].low not in AUX)
            and toks[i - 1].is_word
            and toks[0].low in DETERMINERS | {"the"}
            and not any(t.low in AUX for t in toks[:i])
        ):
            # "The budget goes to a final vote on 24 June": the publisher's schedule.
            return _build(toks, ClaimKind.COMMITMENT, "schedule", (0, i), False, i, cond, None)
        elif (
            publisher
            and not headline
            and 1 < i <= 6
            and low in _SCHEDULE_VERBS
            and toks[i - 1].is_word
            and len(toks[i - 1].low) > 3
            and toks[i - 1].low.endswith("s")
            and not toks[i - 1].low.endswith("ss")
            and nxt in {"on", "in", "at", "next", "this", "from"}
            and (toks[0].low in DETERMINERS or toks[0].is_cap)
            and not any(t.low in AUX or t.low in VERBS for t in toks[1 : i - 1])
        ):
            # "Budget estimates hearings begin on June 2": a plural subject's schedule.
            return _build(toks, ClaimKind.COMMITMENT, "schedule", (0, i), False, i, cond, None)
        elif (
            publisher
            and not headline
            and low in {"scheduled", "slated"}
            and i > 1
            and toks[i - 1].low in {"is", "are"}
            and nxt in {"for", "on", "to"}
            and not any(t.low in AUX for t in toks[: i - 1])
        ):
            # "The next meeting is scheduled for April 23": the publisher's schedule.
            subj_s = (0, i - 1)
            return _build(toks, ClaimKind.COMMITMENT, "schedule", subj_s, False, i, cond, None)
        elif headline and low == "to" and i > 0 and nxt in VERBS:
            before = toks[:i]
            if not is_verbish(before):
                subj_h: tuple[int, int] = (0, i)
                return _build(
                    toks, ClaimKind.COMMITMENT, "headline", subj_h, False, i + 1, cond, None
                )
        if not trig:
            continue
        subj: tuple[int, int] | None = _subject(toks, i, 0)
        if (
            trig == "plan"
            and i > 0
            and (toks[i - 1].low in DETERMINERS or toks[i - 1].text[:1].isdigit())
        ):
            subj = None  # "a plan to rebuild": the noun, whose owner is the speaker
        if subj is not None and cond and subj[0] < cond[1] <= subj[1]:
            subj = (cond[1], subj[1]) if cond[1] < subj[1] else None
        head = _head(toks, subj) if subj else None
        subj_text = " ".join(t.text for t in toks[subj[0] : subj[1]]) if subj else ""
        subj_lows = {t.low for t in toks[subj[0] : subj[1]]} if subj else set()
        own = subj is None or bool(subj_lows & FIRST_PERSON)
        if not own and reported and subj is not None:
            first = toks[subj[0]].low
            # "X said it would comply", "... that his group would table": X's own side.
            own = (subj[1] - subj[0] == 1 and first in _THIRD_PERSON) or (
                first in _POSSESSIVE_3RD and head is not None and head.low not in FACILITY_NOUNS
            )
        if not own and head is not None and head.low in INCLUSIVE_GROUPS:
            own = True
        if not own and is_own is not None and subj_text:
            own = is_own(subj_text)
        expletive = (
            head is not None
            and head.low in _EXPLETIVES
            and subj is not None
            and subj[1] - subj[0] == 1
            and not (
                # "Orbis said it will hold a call": "it" is the speaker's organisation
                # when it does something; "it will be hard" stays impersonal.
                head.low == "it"
                and reported
                and 0 <= verb < n
                and toks[verb].low not in _IMPERSONAL_VERBS
                and toks[verb].low not in {"not", "never"}
            )
        )
        if expletive and subj is not None and toks[subj[0]].low == "it":
            own = False  # "it would be difficult": impersonal, nobody's undertaking
        animate = subj is None or own
        if head is not None and not animate:
            animate = head.low in ANIMATE_NOUNS or head.low in {"he", "she", "they", "you"}
            if not animate and head.is_cap:
                animate = head.start != toks[0].start or (
                    is_known is not None and is_known(head.text)
                )
        kind: ClaimKind | None = None
        revised: list[str] = []
        if trig == "obligation":
            if (
                subj is not None
                and toks[subj[0]].low in _NEGATIVE_UNIVERSAL
                and 0 <= verb < n
                and toks[verb].low == "be"
            ):
                # "nobody should be surprised if X": a forecast of X; "no one should be
                # in any doubt": a statement.  Nobody is told to act.
                kind = ClaimKind.PREDICTION if cond is not None else ClaimKind.STATEMENT
            elif expletive:
                kind = ClaimKind.STATEMENT
            else:
                kind = ClaimKind.COMMITMENT if own or publisher else ClaimKind.DEMAND
        elif trig == "future":
            be = verb < n and toks[verb].low == "be"
            if (own and not expletive) or (publisher and not be and not expletive and animate):
                kind = ClaimKind.COMMITMENT
            elif expletive or publisher:
                kind = ClaimKind.PREDICTION
            else:
                kind = _controlled(toks, verb, head, animate, authority)
        elif trig == "reported":
            if own or first_person_agree:
                kind = ClaimKind.COMMITMENT
            elif publisher:
                kind = ClaimKind.COMMITMENT if animate and not expletive else ClaimKind.PREDICTION
            elif expletive:
                kind = ClaimKind.PREDICTION
            else:
                kind = _controlled(toks, verb, head, animate, authority)
        elif trig == "plan":
            kind = ClaimKind.COMMITMENT
        elif trig == "predictive":
            kind = ClaimKind.PREDICTION
        elif trig == "readiness":
            kind = ClaimKind.COMMITMENT if animate else None
        elif trig == "scheduled":
            kind = ClaimKind.COMMITMENT if animate and not expletive else None
        elif trig == "refusal":
            kind = ClaimKind.COMMITMENT if own else None
        if (
            kind is ClaimKind.COMMITMENT
            and trig in {"future", "reported"}
            and 0 <= verb < n - 1
            and toks[verb].low == "be"
            and toks[verb + 1].low in {"forced", "compelled", "obliged"}
        ):
            kind = ClaimKind.PREDICTION  # "would be forced to cut rations": a consequence
            revised.append("kind.forced-consequence")
        if (
            kind is ClaimKind.PREDICTION
            and cue in _PROMISE_CUES
            and trig in {"future", "reported"}
            and not expletive
        ):
            kind = ClaimKind.COMMITMENT  # "X will build it, the chairman promised"
            revised.append("kind.promise-cue")
        if (
            kind is ClaimKind.COMMITMENT
            and trig in {"future", "reported", "predictive"}
            and subj is not None
            and any(
                toks[k].low in _HEDGES and toks[k - 1].low in FIRST_PERSON
                for k in range(max(1, i - 6), i)
            )
        ):
            kind = ClaimKind.PREDICTION  # "I think we will see more ballots": a forecast
            revised.append("kind.hedged")
        if (
            kind is ClaimKind.COMMITMENT
            and trig == "reported"
            and 0 <= verb < n
            and toks[verb].low in _WISH_VERBS
            and own
        ):
            kind = ClaimKind.STATEMENT  # "I would want monthly scans": a view
            revised.append("kind.wish")
        if (
            kind is not None
            and trig in {"future", "reported"}
            and subj is not None
            and any(
                toks[k].low in {"told", "promised", "assured"}
                and toks[k - 1].low in {"been", "was", "were"}
                for k in range(max(1, i - 8), i)
            )
        ):
            kind = ClaimKind.STATEMENT  # "we were told the bridge would reopen": a report
            revised.append("kind.told-report")
        if kind is None:
            continue
        found = _build(toks, kind, trig, subj, own, verb, cond, None)
        return found._replace(rules=tuple(revised)) if revised else found
    if cond is not None and cond[1] < n:
        present = _conditional_present(toks, cond, is_known, authority, is_own)
        if present is not None:
            return present
    if direct:
        imp = _imperative(toks)
        if imp is not None:
            verb, addressee = imp
            return _build(
                toks, ClaimKind.DEMAND, "imperative", None, False, verb, cond, addressee, True
            )
    return Analysis(ClaimKind.STATEMENT, None, None, False, None, None, cond, None, False)


_NOT_VERB_S = frozenset({"its", "his", "this", "was", "has", "is", "as", "us", "plus", "thus"})


def _conditional_present(
    toks: Sequence[Tok],
    cond: tuple[int, int],
    is_known: Callable[[str], bool] | None,
    authority: bool,
    is_own: Callable[[str], bool] | None,
) -> Analysis | None:
    """ "If the money comes, every clinic stays open": a present tense that looks ahead
    (the speaker's undertaking for a thing they run, else a forecast)."""
    n = len(toks)
    if any(t.is_word for t in toks[: cond[0]]) and toks[0].low not in {"but", "and", "so"}:
        return None  # the condition must open the sentence
    a = cond[1]
    while a < n and (not toks[a].is_word or toks[a].low == "then"):
        a += 1
    for k in range(a + 1, min(n, a + 6)):
        t = toks[k]
        low = t.low
        if not t.is_word or low in AUX:
            return None
        stem_ok = (
            low[:-1] in VERB_FORMS
            or (low.endswith("es") and low[:-2] in VERB_FORMS)
            or (toks[k - 1].is_cap and low not in DETERMINERS and low not in _NOT_VERB_S)
        )  # a name then "-s": "Vanta loses"
        if low.endswith("s") and not low.endswith("ss") and stem_ok and not t.is_cap:
            subj = (a, k)
            head = toks[k - 1]
            subj_text = " ".join(x.text for x in toks[a:k])
            own = is_own is not None and is_own(subj_text)
            animate = head.low in ANIMATE_NOUNS or (
                head.is_cap
                and (head.start != toks[0].start or bool(is_known and is_known(head.text)))
            )
            kind = ClaimKind.COMMITMENT if own else _controlled(toks, k, head, animate, authority)
            return _build(toks, kind, "conditional", subj, own, k, cond, None)
    return None


def _imperative(toks: Sequence[Tok]) -> tuple[int, tuple[int, int] | None] | None:
    n = len(toks)
    i = 0
    while i < n and (
        toks[i].low in ADVERBS
        or toks[i].low in {"and", "but", "so", "please"}
        or not toks[i].is_word
    ):
        i += 1
    starts = [i]
    starts.extend(k + 1 for k in range(i, n - 1) if toks[k].text in {",", ";", "—", "–"})
    for pos, k in enumerate(starts):
        if k >= n:
            continue
        low = toks[k].low
        nxt = toks[k + 1].low if k + 1 < n else ""
        if low == "let" and nxt not in {"me", "us", "'s", "’s", "alone"} and k + 1 < n:
            end = k + 1
            while end < n and end - k < 8 and toks[end].low not in VERBS:
                end += 1
            return k, (k + 1, end) if end > k + 1 else None
        if low in {"don't", "don’t"} and nxt in VERBS:
            return k + 1, None
        if pos == 0 and low in VERBS and nxt not in _NOT_IMPERATIVE_NEXT and k + 1 < n:
            return k, None
    return None


def _build(
    toks: Sequence[Tok],
    kind: ClaimKind,
    trigger: str,
    subject: tuple[int, int] | None,
    own: bool,
    verb: int,
    cond: tuple[int, int] | None,
    addressee: tuple[int, int] | None,
    imperative: bool = False,
) -> Analysis:
    n = len(toks)
    action: tuple[int, int] | None = None
    if 0 <= verb < n:
        end = n
        if cond is not None and cond[0] > verb:
            end = cond[0]
        while end > verb and not toks[end - 1].is_word:
            end -= 1
        if end > verb:
            action = (verb, end)
    return Analysis(
        kind,
        trigger,
        subject,
        own,
        verb if verb >= 0 else None,
        action,
        cond,
        addressee,
        imperative,
    )

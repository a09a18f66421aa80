"""Bounded looks around one token that the kind rules share: is there a finite verb, a
condition clause, a time adverbial, a participle, a subject; whose act is "X will VERB"."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import ClaimKind
from ..lexicon import (
    ADVERBS,
    AGREE_CUES,
    CLAUSE_WORDS,
    DELIVERABLE_STATES,
    DETERMINERS,
    FACILITY_NOUNS,
    IRREGULAR_PARTICIPLES,
    QUANTITY_NOUNS,
    QUANTITY_VERBS,
)
from ..text import Tok
from .words import AUX, VERB_FORMS, WEEKDAYS, words

_PREPS = words("preps")
_WEEKDAYS = WEEKDAYS
_TIME_ADVERBS = words("time_adverbs")
_COMPARATIVES = words("comparatives")
_SUBJECT_SKIP = ADVERBS | {"is", "are", "was", "were", "be", "been", "being", "am", "also"}


def is_verbish(toks: Sequence[Tok]) -> bool:
    """Whether ``toks`` hold something like a finite verb (a claim needs one)."""
    for t in toks:
        low = t.low
        if low in AUX or low in VERB_FORMS or low.endswith(("n't", "n’t")):
            return True
    return False


def next_content(toks: Sequence[Tok], i: int) -> int:
    n = len(toks)
    while i < n and (toks[i].low in ADVERBS or toks[i].low in {"not", "n't", "never"}):
        i += 1
    return i


#: The words a condition's marker starts with (every word :func:`find_condition`'s
#: branches compare a token's form with): any other token is passed by at once.
#: ``tests/test_rule_prefilters.py`` checks the list against the branches.
_CONDITION_WORDS = frozenset(
    {"if", "unless", "provided", "providing", "until", "in", "as", "on", "should"}
)


def find_condition(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The token range of the first condition clause, marker included, or None."""
    n = len(toks)
    for i, t in enumerate(toks):
        low = t.low
        if low not in _CONDITION_WORDS:
            continue
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


def controlled(
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
        k = next_content(toks, verb + 1)
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


def subject_before(toks: Sequence[Tok], i: int, lo: int) -> tuple[int, int] | None:
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


def head_of(toks: Sequence[Tok], span: tuple[int, int]) -> Tok:
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

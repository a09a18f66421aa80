"""Bounded looks at a sentence's tokens that the segmentation rules share: is there a
finite verb, does a clause (subject then finite verb) start here, does a stretch end
with a time phrase.  Each look reads at most a fixed number of tokens."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

from ...text import AUXILIARIES, MONTHS, WEEKDAYS
from ...text.words import parse_set
from ..inflect import inflections
from ..lexicon import ADVERBS, CUES, DETERMINERS, IRREGULAR_PARTICIPLES, VERBS
from ..text import Tok

__all__ = [
    "clause_verb",
    "ends_with_time",
    "finite",
    "first_finite",
    "has_finite",
    "verbish",
    "words",
]


@functools.cache
def words(name: str) -> frozenset[str]:
    """The segmentation word list ``data/<name>.txt`` (one lower-case entry a line)."""
    raw = resources.files(__package__).joinpath("data").joinpath(f"{name}.txt")
    return parse_set(name, raw.read_text(encoding="utf-8"))


_NOT_FINITE = frozenset({"be", "been", "being", "to"})
_MODALS = frozenset(
    {"will", "would", "could", "may", "might", "should", "must", "can", "shall", "cannot"}
)
_PREPOSITIONS = frozenset(
    {"to", "of", "in", "on", "at", "for", "with", "by", "from", "into", "onto", "about",
     "over", "under", "after", "before", "during", "between", "through", "without"}
)  # fmt: skip
_PRONOUN_SKIP = ADVERBS | frozenset({"in", "itself", "themselves", "alone", "too", "all"})
_NOT_SUBJECT = _PREPOSITIONS | frozenset(
    {"which", "who", "whom", "whose", "where", "that", "not", "than", "as", "if", "when"}
)


@functools.cache
def _forms() -> frozenset[str]:
    return frozenset(set(IRREGULAR_PARTICIPLES) | inflections(VERBS))


_FINITE = (AUXILIARIES | _MODALS | _forms() | words("verbs")) - _NOT_FINITE
_PRONOUNS = words("subject_pronouns")
_FRONTING = words("fronting")


def finite(tok: Tok, after_pronoun: bool = False) -> bool:
    """Whether ``tok`` reads as a finite verb: an auxiliary or modal, an inflected
    verb ("remains", "opened"), or a bare verb right after a pronoun ("we remain")."""
    low = tok.low
    if low in _FINITE:
        return True
    if low in _NOT_FINITE:
        return False
    if low.endswith(("n't", "n’t", "'ll", "’ll")):
        return True
    if after_pronoun and tok.is_word and not tok.is_cap:
        # "he disagreed", "it remains": after a subject pronoun an -ed or -s word is a verb.
        return low in VERBS or (len(low) > 3 and low.endswith(("ed", "s")))
    return False


def verbish(toks: Sequence[Tok], k: int, a: int = 0) -> bool:
    """Whether ``toks[k]`` reads as a verb of a clause: a finite verb, a past form
    ("arrived", "driven") or the verb of an infinitive ("to be nationalised")."""
    tok = toks[k]
    low = tok.low
    after = toks[k - 1].low if k > a else ""
    if finite(tok, after in _PRONOUNS):
        return True
    if low in IRREGULAR_PARTICIPLES or (low.endswith("ed") and len(low) > 4 and tok.is_word):
        return not tok.is_cap or k == a
    return after == "to" and low in VERBS


def first_finite(toks: Sequence[Tok], a: int, b: int) -> int:
    """The index of the first verb-like word (:func:`verbish`) in ``toks[a:b]``, or
    ``b`` when none."""
    for k in range(a, b):
        if verbish(toks, k, a):
            return k
    return b


def has_finite(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Whether ``toks[a:b]`` hold a finite verb."""
    return first_finite(toks, a, b) < b


def clause_verb(toks: Sequence[Tok], i: int, hi: int, reach: int = 12) -> int:
    """The index of the finite verb when a clause starts at ``i`` (a subject of at most
    ``reach`` tokens, no comma in it but a list's, then a finite verb before ``hi``),
    else -1.

    The subject opens with a pronoun, a determiner, a capitalised word, a number or a
    plain word that is not a preposition, relative word or verb; "the original budget
    of 1.4bn did ..." and "training trips will ..." qualify, "to open ...", "which
    will ..." and "said ..." do not.
    """
    if i >= hi:
        return -1
    first = toks[i]
    if first.low in _PRONOUNS:
        k = i + 1
        while k < min(hi, i + 4) and toks[k].low in _PRONOUN_SKIP:
            k += 1
        return k if k < hi and finite(toks[k], True) else -1
    if not first.is_word or first.low in _NOT_SUBJECT or first.low in CUES:
        return -1
    if first.low in _FRONTING:
        return -1
    if (
        first.low not in DETERMINERS
        and not first.is_cap
        and not first.text[:1].isdigit()
        and (
            first.low in _FINITE
            or first.low in VERBS
            or first.low in AUXILIARIES
            or first.low in ADVERBS
        )
    ):
        return -1  # "and ensure we can ...": a second verb, not a subject
    listed = False  # a comma in the subject: only a list "A, B and C" may hold one
    for k in range(i + 1, min(hi, i + reach + 1)):
        t = toks[k]
        if t.text == "," and k + 1 < hi and toks[k + 1].is_word and not finite(toks[k + 1]):
            listed = True  # "hurdles, safety concerns, and the costs have ...": go on
            continue
        if t.text in {",", ";", ":", "—", "–", "(", ")"} or t.low in {"and", "or", "but"}:
            if t.low in {"and", "or"} and k + 1 < hi and not finite(toks[k + 1]):
                listed = False  # "exemptions and discounts will ...": a coordinated subject
                continue
            return -1
        if t.low in {"that", "which", "who"}:
            return -1
        if t.low == "to" or toks[k - 1].low == "to":
            continue  # "the plan to sell the land will stall": an infinitive in it
        after_adverb = toks[k - 1].low in ADVERBS and t.low.endswith("s") and k - 1 > i
        if finite(t) or after_adverb or _s_verb(toks, k, i, hi):
            if t.low in CUES or _amount(toks[k - 1]) or listed:
                return -1  # "120 billion won": a currency; "A, B have": no list's "and"
            return k
    return -1


_OBJECT_OPENERS = DETERMINERS | frozenset({"us", "them", "him", "her", "me", "you"})


def _s_verb(toks: Sequence[Tok], k: int, i: int, hi: int) -> bool:
    """An "-s" verb the verb list lacks, told by its place: after a subject of two or
    more words and before an object ("the airline awaits the delivery", "every point
    on pay costs us")."""
    low = toks[k].low
    if k - i < 2 or k + 1 >= hi or not toks[k].is_word or toks[k].is_cap:
        return False
    if len(low) <= 3 or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")):
        return False
    return toks[k + 1].low in _OBJECT_OPENERS and toks[k - 1].is_word


def _amount(tok: Tok) -> bool:
    return tok.text[:1].isdigit() or tok.low in {"million", "billion", "thousand", "hundred"}


def ends_with_time(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Whether the stretch ``toks[a:b]`` ends with a time phrase ("from July 1", "in
    2026", "from this year", "from 2027 onwards"): a month, weekday, year or time
    word among its last four tokens, after a preposition or "this/next"."""
    time_words = words("time_words")
    lo = max(a, b - 4)
    for k in range(b - 1, lo - 1, -1):
        low = toks[k].low
        year = low.isdigit() and len(low) == 4 and low[:2] in {"19", "20"}
        day = low.isdigit() and len(low) <= 2
        if low in MONTHS or low in WEEKDAYS or year or low in time_words:
            return True
        if day and k > a and toks[k - 1].low in MONTHS:
            return True
    return False

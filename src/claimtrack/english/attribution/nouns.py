"""When a cue word is no reporting verb: "the prize-money pledge", "the opposition's
promises", "unless the federation guaranteed ..." — a noun, or a verb inside the
condition of a claim already attributed, names no new speaker."""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import NOMINAL_CUES
from ..text import Tok

__all__ = ["CONDITION_WORDS", "in_condition", "noun_use"]

_ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
#: Words that open a condition ("unless the federation guaranteed ...").
CONDITION_WORDS = frozenset({"unless", "if", "provided", "providing", "until", "once"})


def noun_use(toks: Sequence[Tok], i: int) -> bool:
    """Whether the cue word at ``toks[i]`` is a noun: a nominal cue after a possessive
    ("the opposition's promises") or after an article and a hyphenated compound ("the
    prize-money pledge")."""
    if toks[i].low not in NOMINAL_CUES or i == 0:
        return False
    prev = toks[i - 1]
    if prev.low.endswith(("'s", "’s")) or prev.text in {"'", "’"}:
        return True
    hyphen = False
    for k in range(i - 1, max(-1, i - 6), -1):
        t = toks[k]
        if t.text == "-":
            hyphen = True
            continue
        if not t.is_word:
            return False
        if t.low in _ARTICLES:
            return hyphen
    return False


def in_condition(toks: Sequence[Tok], i: int, subject_start: int) -> bool:
    """Whether the cue at ``toks[i]`` (its subject starting at ``subject_start``) sits in
    a condition: "... would vote against it unless the federation guaranteed ..."."""
    k = subject_start - 1
    return 0 <= k < i and toks[k].low in CONDITION_WORDS

"""The participle family: ", saying ...", ", insisting ...", ", adding that ..." report
what the subject of the clause they hang on said — the nearest clause: in "A said X,
but the unions have demanded Y, insisting Z", the unions insist."""

from __future__ import annotations

from collections.abc import Sequence

from ..kinds import AUX, VERB_FORMS
from ..lexicon import CUES, DETERMINERS
from ..text import Tok

__all__ = ["participle_subject", "plural_after_join"]

_JOINS = frozenset({"but", "and", "while", "whereas", "yet"})
_MAX_WORDS = 7
_MARKS = frozenset({"'", "’"})  # "the drivers' union"


def participle_subject(toks: Sequence[Tok], comma: int) -> tuple[int, int] | None:
    """The subject of the clause that the participle after ``toks[comma]`` hangs on,
    when that clause is joined to an earlier one (", but NP VERB ..."); else None."""
    join = -1
    for k in range(comma - 1, 0, -1):
        if toks[k].low in _JOINS and toks[k - 1].text in {",", ";"}:
            join = k
            break
        if toks[k].text == ";":
            join = k
            break
    if join < 0:
        return None
    a = join + 1
    b = a
    while b < comma and b - a < _MAX_WORDS and (toks[b].is_word or toks[b].text in _MARKS):
        low = toks[b].low
        if b > a and (low in AUX or low in VERB_FORMS or low in CUES):
            break
        b += 1
    if b == a or b >= comma or not toks[b].is_word:
        return None  # no verb after the phrase: not a clause's subject
    if all(t.low in DETERMINERS for t in toks[a:b]):
        return None
    return a, b


def plural_after_join(toks: Sequence[Tok], start: int, end: int) -> bool:
    """Whether ``toks[start:end]`` is a plural group opening a clause joined to an
    earlier one (", but several farm groups have asked ..."): a subject."""
    if start < 2 or toks[start - 1].low not in _JOINS or toks[start - 2].text != ",":
        return False
    head = toks[end - 1].low
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))

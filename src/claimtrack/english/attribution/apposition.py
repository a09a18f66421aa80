"""A name and its role before a cue: "Sam Ostrow, chief operating officer at Harbour
Lines said" — the name speaks, and the role (with its organisation) is an alias."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..lexicon import ROLE_WORDS, TITLES
from ..text import Tok

__all__ = ["role_apposition"]

#: Role heads that ROLE_WORDS, made for heads of government, does not hold.
ROLE_HEADS = ROLE_WORDS | frozenset(
    {"officer", "director", "manager", "chair", "chairman", "chairwoman", "founder",
     "head", "executive", "spokesman", "spokeswoman", "spokesperson", "engineer"}
)  # fmt: skip


def role_apposition(
    toks: Sequence[Tok],
    phrase: tuple[int, int],
    lo: int,
    np_before: Callable[[Sequence[Tok], int, int], tuple[int, int] | None],
) -> tuple[int, int, tuple[int, int] | None] | None:
    """When the subject ``phrase`` just before a cue is a role ("chief operating officer
    at Harbour Lines") after a comma and a name of two or more capitalised words, the
    name's span with the role as its apposition; else None."""
    a, b = phrase
    if a - 1 <= lo or toks[a - 1].text != ",":
        return None
    if not any(t.low in ROLE_HEADS for t in toks[a:b]):
        return None
    name = np_before(toks, a - 1, lo)
    if name is None:
        return None
    words = [t for t in toks[name[0] : name[1]] if t.is_word]
    if len(words) < 2 or not all(t.is_cap and t.low not in TITLES for t in words):
        return None
    return name[0], name[1], (a, b)

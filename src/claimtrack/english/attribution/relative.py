"""A relative "who said": "The panel heard from Dana Prill, the board's chair, who
said the ward would reopen" — the one the relative pronoun stands for speaks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text import Tok

__all__ = ["relative_antecedent"]

_MAX_BRACKET = 12


def relative_antecedent(
    toks: Sequence[Tok],
    comma: int,
    np_before: Callable[[Sequence[Tok], int, int], tuple[int, int] | None],
) -> tuple[int, int, tuple[int, int] | None] | None:
    """The speaker's span (and apposition) for ", who said" whose comma is ``toks[comma]``:
    the noun phrase before the comma, a bracketed acronym skipped ("the Harbour Board
    (HB), who"), and the name before it when that phrase is the name's apposition
    ("Dana Prill, the board's chair, who"). None when no phrase is found."""
    end = comma
    if end > 0 and toks[end - 1].text == ")":
        k = end - 1
        while k > 0 and end - k <= _MAX_BRACKET and toks[k].text != "(":
            k -= 1
        if toks[k].text != "(":
            return None
        end = k
    phrase = np_before(toks, end, 0)
    if phrase is None:
        return None
    a, b = phrase
    if b - a > 2 and toks[a].low == "according" and toks[a + 1].low == "to":
        a += 2  # "according to CEO Dana Prill, who confirmed ...": Dana Prill
    if a >= 2 and toks[a - 1].text == ",":
        k = a - 2  # the capitalised run before the apposition ("from Dana Prill, ...")
        while k >= 0 and toks[k].is_word and toks[k].is_cap and a - 2 - k < 5:
            k -= 1
        if a - 2 - k >= 2:
            return k + 1, a - 1, (a, b)
    return a, b, None

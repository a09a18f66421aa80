"""Where a sentence holds a second schedule of its own: the cuts that split it.

"Phase one ends in March, while the rest of the works will continue after the final";
"the site will become a terminal, which will cut the staff to 75 by 2027"; "a further
delay, with the ship now expected to be handed over in the autumn"; "the line opens in
December – but the third station will not be ready until the spring".  Each second
clause has its own subject and its own modal or schedule word, so it is its own claim.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import Tok

__all__ = ["pieces", "schedule_cuts"]

_MODALS = frozenset({"will", "would", "won't", "won’t", "shall"})
_FUTURE = frozenset({"will", "won't", "won’t", "shall"})
_SCHEDULE_WORDS = frozenset({"expected", "set", "due", "scheduled", "slated", "poised"})
_DASHES = frozenset({"–", "—", "-"})
_REACH = 10  # tokens a second clause's modal may sit after its first word


def _modal_ahead(toks: Sequence[Tok], k: int, words: frozenset[str] = _MODALS) -> bool:
    for j in range(k, min(len(toks), k + _REACH)):
        if toks[j].text in {",", ";", ":"} or toks[j].text in _DASHES:
            return False
        if toks[j].low in words:
            return True
    return False


def schedule_cuts(toks: Sequence[Tok], *, relative: bool = False) -> list[int]:
    """Token indexes where a second schedule clause starts (its marker dropped).

    ``relative`` also cuts at ", which will" (the article's own "the site will become a
    terminal, which will cut the staff": a second schedule, "which" kept); reported
    speech keeps its "which would" (a consequence the speaker draws, not a plan)."""
    cuts: list[int] = []
    n = len(toks)
    for k in range(1, n - 2):
        prev, low = toks[k - 1].text, toks[k].low
        if prev == "," and low == "while" and _modal_ahead(toks, k + 1):
            cuts.append(k + 1)
        elif relative and prev == "," and low == "which" and toks[k + 1].low in _FUTURE:
            cuts.append(k)
        elif (
            prev == ","
            and low == "with"
            and _modal_ahead(toks, k + 1, _SCHEDULE_WORDS)
            and any(toks[j].low == "to" for j in range(k + 2, min(n, k + 2 + _REACH)))
        ) or (prev in _DASHES and low == "but" and _modal_ahead(toks, k + 1)):
            cuts.append(k + 1)
    return cuts


def pieces(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """``toks`` as the token ranges between its :func:`schedule_cuts` (the whole when
    there are none), each without the punctuation and marker at its edges."""
    starts = [0, *schedule_cuts(toks, relative=True)]
    out: list[tuple[int, int]] = []
    for idx, a in enumerate(starts):
        b = starts[idx + 1] if idx + 1 < len(starts) else len(toks)
        if idx + 1 < len(starts):
            while b > a and (
                not toks[b - 1].is_word or toks[b - 1].low in {"while", "with", "but"}
            ):
                b -= 1
        if b > a:
            out.append((a, b))
    return out

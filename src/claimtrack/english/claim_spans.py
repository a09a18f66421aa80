"""A claim's text: trimming its span, cleaning a phrase, the sentence kept around it."""

from __future__ import annotations

from collections.abc import Sequence

from .text import CLOSE_MARKS, OPEN_MARKS, Tok, strip_span

_TRAIL = " ,.;:—–-…"


#: The longest context a claim's ``sentence`` keeps beyond the claim itself.  A run-on
#: "sentence" (a page with no full stops) would otherwise be copied whole into every
#: claim in it: quadratic memory on a megabyte-long line.
SENTENCE_CONTEXT = 400


def sentence_around(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> str:
    """The sentence holding ``span``, cut to ``SENTENCE_CONTEXT`` characters either side
    of the claim (at a space where one is near) when the sentence is longer."""
    lo, hi = sentence
    if hi - lo <= (span[1] - span[0]) + 2 * SENTENCE_CONTEXT:
        return text[lo:hi]
    start = max(lo, span[0] - SENTENCE_CONTEXT)
    end = min(hi, span[1] + SENTENCE_CONTEXT)
    if start > lo:
        space = text.find(" ", start, span[0])
        start = space + 1 if space != -1 else start
    if end < hi:
        space = text.rfind(" ", span[1], end)
        end = space if space != -1 else end
    return text[start:end]


def last_char(text: str, lo: int, hi: int) -> int:
    """The offset of the last non-space character in ``text[lo:hi]``, or -1."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi - 1 if hi > lo else -1


def clean(phrase: str) -> str:
    for mark in '"“”‘’«»„':
        phrase = phrase.replace(mark, "")
    phrase = phrase.replace(" '", " ").replace("' ", " ")
    return " ".join(phrase.split()).strip(" ,.;:'")


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim whitespace, trailing punctuation, and quote marks that pair at both ends."""
    a, b = strip_span(text, a, b)
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    while a < b and text[a] in " ,;:—–-…":
        a += 1
    if b - a >= 2 and text[a] in OPEN_MARKS and text[b - 1] in CLOSE_MARKS:
        inner = text[a + 1 : b - 1]
        if not any(ch in '"“”' for ch in inner):
            a, b = a + 1, b - 1
    a, b = strip_span(text, a, b)
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def fully_quoted(text: str, a: int, b: int) -> bool:
    a, b = strip_span(text, a, b)
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    if b - a < 2 or text[a] not in "\"“‘'" or text[b - 1] not in "\"”’'":
        return False
    return not any(ch in '"“”' for ch in text[a + 1 : b - 1])


def negated(toks: Sequence[Tok], verb: int) -> bool:
    """Whether the modal before ``verb`` is negated ("won't sit back", "will not")."""
    for k in range(max(0, verb - 3), verb):
        low = toks[k].low
        if low in {"not", "never", "cannot"} or low.endswith(("n't", "n’t")):
            return True
    return False

"""The sentence splitter: where one sentence of a paragraph ends and the next begins.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets
after it) when whitespace and then a capital, a digit, an opening quote or a bracket
follow; not after an abbreviation or honorific from the ``abbreviations`` word list
("Dr.", "Sept."), not after an initial ("J. Smith"; a one-letter word after a lower-case
word ends the sentence when a sentence opener follows: "a post on X. The rollout"), and
never inside a protected range
(an inline quotation).  A run-on sentence is also cut where a capitalised word from the
``runon_starters`` list follows a lower-case word ("... to delay It's very simple").  A
dateline opening the text ("BOSTON — ...") is left out.  One scan of the terminators and
one of the run-on pattern: linear in the input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .quotes import OPEN_MARKS, scan_quotes
from .spans import paragraphs, strip_span
from .words import ABBREVIATIONS, RUNON_STARTERS, SENTENCE_OPENERS

__all__ = ["sentence_spans", "split_sentences"]

_TERMINATOR = re.compile(r"[.!?…]+")
_CLOSERS_AFTER_STOP = frozenset("\"”’')]»")
# Abbreviations that end a sentence unless a number follows ("No. 10", "vol. 3").
_BEFORE_NUMBER = frozenset({"no", "nos", "vol", "fig"})
#: A dateline opening a story: "BOSTON —", "NEW YORK, May 3 —" (capitals, then a dash).
_DATELINE = re.compile(r"[A-Z][A-Z'.]{1,20}(?:[ ,]{1,2}[A-Z][A-Za-z'.]{0,20}){0,3} [—–] ")
_RUNON = re.compile(r"[a-z] [A-Z][a-z]*(?:['’][a-z]+)? ")


def _word_before(text: str, pos: int, lo: int) -> str:
    i = pos
    while i > lo and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return text[i:pos]


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _letter_ends(text: str, stop_at: int, nxt: int, lo: int, hi: int) -> bool:
    """Whether the one-letter word before the full stop at ``stop_at`` ends its
    sentence ("a post on X. The rollout") rather than being an initial ("J. K.
    Rowling", "George W. Bush", "by J. Smith"): the word before the letter is lower case
    and not an initial, and the next word is a sentence opener that no initial follows.
    Looks at two words either side: constant work."""
    i = stop_at - 1  # the letter
    j = i
    floor = max(lo, i - 40)
    while j > floor and text[j - 1] == " ":
        j -= 1
    if floor < j < i:
        before = text[max(lo, j - 2) : j]
        if before.endswith(".") and len(before) == 2 and before[0].isupper():
            return False  # "J. K." : a run of initials
        w = j
        while w > floor and text[w - 1].isalpha():
            w -= 1
        if w < j and text[w].isupper():
            return False  # "George W. Bush": a first name before the initial
    m = _WORD.match(text, nxt, min(hi, nxt + 40))
    if m is None:
        return False
    after = m.end()
    if after < hi and text[after] == "." and after - nxt == 1:
        return False  # "X. Y. Zed": another initial follows
    return m.group().lower() in SENTENCE_OPENERS


def split_sentences(
    text: str,
    start: int = 0,
    end: int | None = None,
    protect: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as (start, end) offsets into ``text``, in
    order, trimmed of whitespace.  ``protect`` lists sorted, non-overlapping ranges
    (inline quotations) that no sentence boundary may fall inside."""
    stop = len(text) if end is None else end
    cuts: list[tuple[int, int]] = []  # (end of sentence, start of next)
    guards = list(protect or ())
    gi = 0
    for m in _TERMINATOR.finditer(text, start, stop):
        ms, me = m.start(), m.end()
        while gi < len(guards) and guards[gi][1] <= ms:
            gi += 1
        if gi < len(guards) and guards[gi][0] <= ms < guards[gi][1]:
            continue
        j = me
        while j < stop and text[j] in _CLOSERS_AFTER_STOP:
            j += 1
        if j >= stop or not text[j].isspace():
            continue
        k = j
        while k < stop and text[k].isspace():
            k += 1
        if k >= stop:
            continue
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in OPEN_MARKS or nxt == "("):
            continue
        if m.group() == "." and j == me:
            word = _word_before(text, ms, start)
            low = word.lower()
            if low in ABBREVIATIONS and low not in _BEFORE_NUMBER:
                continue
            if low in _BEFORE_NUMBER and nxt.isdigit():
                continue
            if len(word) == 1 and word.isupper() and not _letter_ends(text, ms, k, start, stop):
                continue
        cuts.append((j, k))
    cuts.extend(_runon_cuts(text, start, stop, guards))
    cuts.sort()
    out: list[tuple[int, int]] = []
    s = start
    while s < stop and text[s].isspace():
        s += 1
    dl = _DATELINE.match(text, s, min(stop, s + 80))
    if dl is not None and dl.end() < stop:
        s = dl.end()  # "BOSTON — Veridan said ...": the dateline is no part of the claim
    for e, nxt_start in cuts:
        if e <= s:
            continue
        a, b = strip_span(text, s, e)
        if b > a:
            out.append((a, b))
        s = nxt_start
    a, b = strip_span(text, s, stop)
    if b > a:
        out.append((a, b))
    return out


def _runon_cuts(
    text: str, start: int, end: int, guards: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    cuts: list[tuple[int, int]] = []
    guard_ends = [b for _a, b in guards]
    for m in _RUNON.finditer(text, start, end):
        word = m.group()[2:-1]
        if word.lower() not in RUNON_STARTERS:
            continue
        pos = m.start() + 2
        g = bisect_left(guard_ends, pos + 1)
        if g < len(guards) and guards[g][0] <= pos:
            continue
        cuts.append((m.start() + 1, pos))
    return cuts


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a whole text, paragraph by paragraph: a line break always ends
    a sentence, so a headline without a full stop is a sentence of its own.  Quotations
    are protected (:func:`~claimtrack.text.quotes.scan_quotes`): a full stop inside
    ``"We will. We must."`` does not end the sentence that quotes it, though the one
    closing the quotation may."""
    out: list[tuple[int, int]] = []
    for s, e in paragraphs(text):
        # The quotation's last character stays unguarded: '"We must." The mayor ...'.
        guards = [(q.open, max(q.open, q.inner_end - 1)) for q in scan_quotes(text, s, e)]
        out.extend(split_sentences(text, s, e, guards))
    return out

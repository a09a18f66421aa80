"""Quotation marks: which mark opens, which closes, and the quoted spans they make.

Curly marks say which way they face; straight ones and apostrophes are told apart by
their neighbours (a mark between two letters is an apostrophe).  One pass over the
marks of a paragraph with a small stack: linear in the input.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .spans import paragraphs, strip_span

__all__ = ["CLOSE_MARKS", "OPEN_MARKS", "QuoteSeg", "quote_spans", "scan_quotes"]

#: Marks that can open a quotation.
OPEN_MARKS = frozenset("\"“‘'«„")
#: Marks that can close a quotation.
CLOSE_MARKS = frozenset("\"”’'»")
_QUOTE_MARK = re.compile("[\"“”‘’'«»„]")
_OPENERS_BEFORE_WORD = frozenset(" \t\n([{—–-/“\"‘'")


class QuoteSeg(NamedTuple):
    """One top-level quotation in a paragraph.

    ``open`` is the opening mark's offset, ``inner_start``/``inner_end`` the quoted
    text's range (trimmed of whitespace), ``end`` the offset after the closing mark (or
    the paragraph's end when unclosed), ``closed`` whether a closing mark was found, and
    ``continued`` says it carries on a quotation from the paragraph before.
    """

    open: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool
    continued: bool


def scan_quotes(text: str, start: int, end: int, continuing: bool = False) -> list[QuoteSeg]:
    """The top-level quotations of the paragraph ``text[start:end]``, in order.

    A single quote left open at the end of the paragraph was an apostrophe after all; a
    double quote left open continues into the next paragraph (``closed`` False).
    ``continuing`` says the paragraph before ended inside a quotation, so a quotation
    opening the paragraph is marked ``continued``.
    """
    stack: list[tuple[str, int]] = []  # (kind "d"/"s", offset of the opening mark)
    segs: list[QuoteSeg] = []
    top_open = -1
    for m in _QUOTE_MARK.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        action = ""
        if ch in "“„«":
            action = "open-d"
        elif ch in "”»":
            action = "close-d"
        elif ch == '"':
            action = "close-d" if any(k == "d" for k, _ in stack) else "open-d"
        elif ch == "‘":
            action = "" if prev.isalnum() else "open-s"
        else:  # ’ or '
            if prev.isalnum() and nxt.isalnum():
                action = ""
            elif stack and stack[-1][0] == "s" and not prev.isspace() and not nxt.isalnum():
                action = "close-s"
            elif ch == "'" and prev in _OPENERS_BEFORE_WORD and nxt.isalnum():
                action = "open-s"
        if action.startswith("open"):
            if not stack:
                top_open = i
            stack.append((action[-1], i))
        elif action.startswith("close"):
            kind = action[-1]
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), -1)
            if depth < 0:
                continue
            del stack[depth:]
            if not stack and top_open >= 0:
                segs.append(_seg(text, top_open, i, i + 1, True, continuing and not segs, start))
                top_open = -1
    if stack and top_open >= 0:
        # Only an unclosed double quote continues; open single quotes were apostrophes.
        first_double = next((off for k, off in stack if k == "d"), -1)
        if first_double >= 0:
            segs.append(_seg(text, first_double, end, end, False, continuing and not segs, start))
    return segs


def _seg(
    text: str, open_at: int, close_at: int, end: int, closed: bool, continued: bool, para: int
) -> QuoteSeg:
    inner_s, inner_e = strip_span(text, open_at + 1, close_at)
    return QuoteSeg(open_at, inner_s, inner_e, end, closed, continued and open_at == para)


def quote_spans(text: str) -> list[QuoteSeg]:
    """Every top-level quotation of ``text``, paragraph by paragraph (one line is one
    paragraph), following a double quote left open into the next paragraph."""
    out: list[QuoteSeg] = []
    continuing = False
    for s, e in paragraphs(text):
        segs = scan_quotes(text, s, e, continuing)
        out.extend(segs)
        continuing = bool(segs) and not segs[-1].closed
    return out

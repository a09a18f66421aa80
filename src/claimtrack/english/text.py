"""Tokens, paragraphs, page furniture, sentences and quotation marks.

Every function here works on absolute code-point offsets into the source text, so a
claim's span never has to be translated back.  The scans are single passes over the
characters or over simple, non-nested regular expressions: linear in the input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from .lexicon import ABBREVIATIONS, FURNITURE, RUNON_STARTERS

__all__ = [
    "CLOSE_MARKS",
    "OPEN_MARKS",
    "QuoteSeg",
    "Tok",
    "TokenIndex",
    "byline_publisher",
    "is_byline",
    "is_furniture",
    "paragraphs",
    "scan_quotes",
    "split_sentences",
    "strip_span",
    "tokens",
]

# A word (letters/digits, with one inner apostrophe: "won't", "Putin's") or any other
# single non-space character.  No nested quantifiers: each character is read once.
# A capitalised word joined by hyphens ("Soo-yeon", "Joon-ho") is one name token.
_TOKEN = re.compile(r"[A-Z][^\W_]*(?:-[^\W_]+)+|[^\W_]+(?:['’][^\W_]+)?|\S")
_QUOTE_MARK = re.compile("[\"“”‘’'«»„]")
_TERMINATOR = re.compile(r"[.!?…]+")

OPEN_MARKS = frozenset("\"“‘'«„")
CLOSE_MARKS = frozenset("\"”’'»")
_CLOSERS_AFTER_STOP = frozenset("\"”’')]»")
_OPENERS_BEFORE_WORD = frozenset(" \t\n([{—–-/“\"‘'")


class Tok(NamedTuple):
    """One token: its offsets, its text and its lower-case form."""

    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        """Whether this token is a word (not punctuation)."""
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        """Whether this token is a capitalised word."""
        return self.text[:1].isupper()


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``text[start:end]`` with absolute offsets."""
    return [
        Tok(m.start(), m.end(), m.group(), m.group().lower())
        for m in _TOKEN.finditer(text, start, end)
    ]


class TokenIndex:
    """All tokens of one text, read once; :meth:`slice` gives a range's tokens.

    Tokenising each paragraph, sentence and claim again would read the text several
    times over; slicing one list by binary search keeps the work linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text, 0, len(text))
        self.starts = [t.start for t in self.toks]

    def slice(self, start: int, end: int) -> list[Tok]:
        """The tokens lying wholly inside ``[start, end)``."""
        a = bisect_left(self.starts, start)
        b = bisect_left(self.starts, end, a)
        while b > a and self.toks[b - 1].end > end:
            b -= 1
        return self.toks[a:b]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as (start, end), trimmed of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = strip_span(text, pos, nl)
        if e > s:
            out.append((s, e))
        pos = nl + 1
    return out


def strip_span(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading and trailing ``chars`` (default: whitespace)."""
    if chars is None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end


def _fold(line: str) -> str:
    return " ".join(line.casefold().split()).rstrip(".…:!").strip()


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture ("Listen to this article", a caption)."""
    folded = _fold(line)
    if not folded or folded in FURNITURE:
        return True
    if len(folded) < 60 and folded.startswith(("published", "updated", "last updated")):
        return any(ch.isdigit() for ch in folded)
    # Captions carry a credit: "Sir Keir in Downing Street. Picture: Getty".
    return any(tag in line for tag in ("Picture:", "Image:", "Photo:", "Credit:", "Photograph:"))


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline ("by Alice Padgett · LBC")."""
    words = line.split()
    if not 2 <= len(words) <= 14 or words[0].casefold() != "by":
        return False
    return words[1][:1].isupper()


def byline_publisher(line: str) -> str | None:
    """The organisation named in a byline after a separator, if any ("LBC")."""
    for sep in ("·", "|", "•", " - ", " – ", " — ", ","):
        if sep in line:
            rest = line.split(sep, 1)[1]
            # Scraped bylines often repeat themselves glued on: "LBCBy Alice Padgett".
            cut = rest.find("By ")
            if cut > 0:
                rest = rest[:cut]
            rest = rest.strip(" .,;:")
            if rest and len(rest.split()) <= 5 and rest[:1].isalnum():
                return rest
    return None


def _word_before(text: str, pos: int, lo: int) -> str:
    i = pos
    while i > lo and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return text[i:pos]


def split_sentences(
    text: str, start: int, end: int, protect: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``: at ., !, ?, … before a capital, digit or
    opening quote, except after abbreviations and initials, and never inside a
    ``protect`` range (inline quotations).  Also splits run-on sentences where a
    capitalised pronoun follows a lower-case word ("... to delay It's very simple")."""
    cuts: list[tuple[int, int]] = []  # (end of sentence, start of next)
    guards = protect or []
    gi = 0
    for m in _TERMINATOR.finditer(text, start, end):
        ms, me = m.start(), m.end()
        while gi < len(guards) and guards[gi][1] <= ms:
            gi += 1
        if gi < len(guards) and guards[gi][0] <= ms < guards[gi][1]:
            continue
        j = me
        while j < end and text[j] in _CLOSERS_AFTER_STOP:
            j += 1
        if j >= end or not text[j].isspace():
            continue
        k = j
        while k < end and text[k].isspace():
            k += 1
        if k >= end:
            continue
        nxt = text[k]
        if not (nxt.isupper() or nxt.isdigit() or nxt in OPEN_MARKS or nxt == "("):
            continue
        if m.group() == "." and j == me:
            word = _word_before(text, ms, start)
            low = word.lower()
            if low in ABBREVIATIONS and low not in {"no", "nos", "vol", "fig"}:
                continue
            if low in {"no", "nos", "vol", "fig"} and nxt.isdigit():
                continue
            if len(word) == 1 and word.isupper():
                continue
        cuts.append((j, k))
    cuts.extend(_runon_cuts(text, start, end, guards))
    cuts.sort()
    out: list[tuple[int, int]] = []
    s = start
    while s < end and text[s].isspace():
        s += 1
    dl = _DATELINE.match(text, s, min(end, s + 80))
    if dl is not None and dl.end() < end:
        s = dl.end()  # "BOSTON — Veridan said ...": the dateline is no part of the claim
    for e, nxt_start in cuts:
        if e <= s:
            continue
        a, b = strip_span(text, s, e)
        if b > a:
            out.append((a, b))
        s = nxt_start
    a, b = strip_span(text, s, end)
    if b > a:
        out.append((a, b))
    return out


#: A dateline opening a story: "BOSTON —", "NEW YORK, May 3 —" (capitals, then a dash).
_DATELINE = re.compile(r"[A-Z][A-Z'.]{1,20}(?:[ ,]{1,2}[A-Z][A-Za-z'.]{0,20}){0,3} [—–] ")

_RUNON = re.compile(r"[a-z] [A-Z][a-z]*(?:['’][a-z]+)? ")


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


class QuoteSeg(NamedTuple):
    """One top-level quotation in a paragraph.

    ``open`` is the opening mark's offset, ``inner`` the quoted text's range, ``end``
    the offset after the closing mark (or the paragraph's end when unclosed), and
    ``continued`` says it carries on a quotation from the paragraph before.
    """

    open: int
    inner_start: int
    inner_end: int
    end: int
    closed: bool
    continued: bool


def scan_quotes(text: str, start: int, end: int, continuing: bool = False) -> list[QuoteSeg]:
    """The top-level quotations of the paragraph ``text[start:end]``.

    Curly marks say which way they face; straight ones and apostrophes are told apart
    by their neighbours (a mark between two letters is an apostrophe).  A single quote
    left open at the end of the paragraph was an apostrophe after all; a double quote
    left open continues into the next paragraph (``closed`` False).
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

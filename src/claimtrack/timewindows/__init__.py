"""Resolve the time expressions of news text to :class:`~claimtrack.model.TimeWindow` values.

Two entry points:

- :func:`parse_window` reads one time phrase ("by the end of March", "on Thursday",
  "within 30 days") and returns its window, or None when the text is not a time
  expression.
- :func:`find_windows` finds every time expression in a sentence, with its span.

Both resolve against a *reference* instant (a source's publication time) and the tense
of the clause ("past", "future" or None), following the conventions documented in
``docs/time-windows.md``: ISO weeks (Monday first), windows as ``[start, end)`` in the
reference's zone, deadlines from the reference to the end of the named period, vague
phrases flagged ``vague``.

The grammar (``_grammar``) is claimtrack's own: a tokenizer and a recursive-descent
parser whose every production reads a bounded number of tokens, so work is linear in the
input.  ``dateparser`` is consulted only by :func:`parse_window`, only for a short phrase
the grammar cannot read that looks like a date in another language or format.
"""

from __future__ import annotations

from datetime import datetime, timezone

from claimtrack.model import Grain, TimeWindow

from . import _lexicon as lex
from ._grammar import FUTURE, PAST, Ctx, Parser, Span
from ._tokens import Tok, tokenize

__all__ = ["find_windows", "parse_window"]

# Without a reference, a phrase is resolved against two far-apart instants: if both give
# the same window it is absolute ("20 March 2025"); otherwise it is relative and stays
# unresolved, as DESIGN says, rather than being resolved against today.
_PROBES = (
    datetime(2001, 1, 3, 12, 0, tzinfo=timezone.utc),
    datetime(2027, 8, 19, 7, 30, tzinfo=timezone.utc),
)
# Phrases longer than this are not handed to dateparser (it is slow, and a long text is
# a sentence, not a date).
_DATEPARSER_MAX_CHARS = 48
# Tokens a time expression can start with; find_windows tries no others.
_START_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "next",
        "last",
        "coming",
        "past",
        "following",
        "previous",
        "preceding",
        "current",
        "early",
        "mid",
        "late",
        "end",
        "start",
        "beginning",
        "middle",
        "close",
        "cob",
        "midweek",
        "eob",
        "ytd",
        "so",
        "financial",
        "turn",
        "year",
        "month",
        "quarter",
        "week",
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "overnight",
        "noon",
        "midday",
        "midnight",
        "recent",
        "q",
        "h",
        "fy",
        "fiscal",
        "half",
        "couple",
        "few",
        "several",
        "some",
        "many",
        "le",
        "el",
        "il",
        "am",
        "den",
        "hundred",
        "between",
    }
)


def _start_words() -> frozenset[str]:
    words = set(_START_WORDS)
    for table in (
        lex.WEEKDAYS,
        lex.WEEKDAY_ABBR,
        lex.MONTHS,
        lex.MONTH_ABBR,
        lex.NUMBER_WORDS,
        lex.TENS_WORDS,
        lex.ORDINAL_WORDS,
        lex.SEASONS,
    ):
        words.update(table)
    words.update(lex.HOLIDAY_FIRST)
    words.update(key[0] for key in lex.VAGUE)
    from ._grammar import _DEADLINE

    words.update(key[0] for key in _DEADLINE)
    return frozenset(words)


_STARTS = _start_words()
_TRIM = ".,;:!?\"“”'‘’()[]"


def _check_tense(tense: str | None) -> str | None:
    if tense in (None, PAST, FUTURE):
        return tense
    return None


def _check_month(month: int) -> int:
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"fiscal_year_start must be a month number 1-12, not {month!r}")
    return month


def _can_start(tok: Tok) -> bool:
    if tok.kind in ("n", "o"):
        return True
    if tok.kind == "w":
        return tok.base in _STARTS
    return tok.text in "'’"


def _window(span: Span, text: str, reference: datetime | None) -> TimeWindow:
    return TimeWindow(
        start=span.start,
        end=span.end,
        grain=span.grain,
        text=text,
        reference=reference,
        vague=span.vague,
    )


def _unresolved(span: Span, text: str) -> TimeWindow:
    return TimeWindow(start=None, end=None, grain=span.grain, text=text, vague=span.vague)


def _parse_tokens(
    toks: list[Tok], reference: datetime, tense: str | None, day_first: bool, fiscal: int = 1
) -> Span | None:
    parser = Parser(toks, Ctx(reference, tense, day_first, fiscal), find=False)
    try:
        r = parser.phrase(0)
    except (ValueError, OverflowError, ArithmeticError):
        return None
    if r is None or r[1] != len(toks) or r[0].end <= r[0].start:
        return None
    return r[0]


def _strip(toks: list[Tok]) -> list[Tok]:
    lo, hi = 0, len(toks)
    while lo < hi and toks[lo].kind == "p" and toks[lo].text in _TRIM:
        lo += 1
    while hi > lo and toks[hi - 1].kind == "p" and toks[hi - 1].text in _TRIM:
        # Keep the full stop of an abbreviation ("Dec.") — the grammar reads it.
        if toks[hi - 1].text == "." and hi - 2 >= lo and toks[hi - 2].base in lex.MONTH_ABBR:
            break
        hi -= 1
    return toks[lo:hi]


def parse_window(
    text: str,
    reference: datetime | None,
    *,
    tense: str | None = None,
    day_first: bool = True,
    fiscal_year_start: int = 1,
) -> TimeWindow | None:
    """Resolve one time phrase against ``reference``; None when it is not a time expression.

    ``text`` is the phrase alone, optionally with a leading preposition ("on", "by",
    "in", "within", "from", "until", "before", "after", "since" ...): the whole text must
    be a time expression ("March on parliament" is None).  ``reference`` is the instant
    the phrase was written at (a source's publication time, timezone-aware); the window
    is in its zone.  ``tense`` is "past", "future" or None: the tense of the clause the
    phrase sits in, which decides which Thursday "on Thursday" is.  ``day_first`` reads
    "1/3/2024" as 1 March (False: as 3 January).  ``fiscal_year_start`` is the month
    (1-12) a fiscal or financial year starts in for this source: 4 for the UK government
    (April), 10 for the US federal government; a fiscal year is named by the calendar
    year it ends in ("FY2026" from October: October 2025 - September 2026).  The default,
    1, reads fiscal years as calendar years.

    With ``reference`` None, an absolute phrase ("20 March 2025") still resolves (in
    UTC); a relative one ("next week") returns a window with ``start`` and ``end`` None
    and its text kept.  Never raises on any text.
    """
    tense = _check_tense(tense)
    fiscal = _check_month(fiscal_year_start)
    toks = _strip(tokenize(text))
    if not toks:
        return None
    phrase = text.strip()
    if reference is not None:
        if reference.tzinfo is None or reference.utcoffset() is None:
            reference = reference.replace(tzinfo=timezone.utc)
        span = _parse_tokens(toks, reference, tense, day_first, fiscal)
        if span is None:
            span = _fallback(phrase, reference, tense, day_first)
        return None if span is None else _window(span, phrase, reference)
    spans = [_parse_tokens(toks, probe, tense, day_first, fiscal) for probe in _PROBES]
    if spans[0] is None or spans[1] is None:
        fb = [_fallback(phrase, probe, tense, day_first) for probe in _PROBES]
        if fb[0] is None or fb[1] is None:
            return None
        spans = fb
    a, b = spans[0], spans[1]
    assert a is not None and b is not None
    if (a.start, a.end) == (b.start, b.end):
        return _window(a, phrase, None)
    return _unresolved(a, phrase)


def find_windows(
    sentence: str,
    reference: datetime | None,
    *,
    tense: str | None = None,
    day_first: bool = True,
    fiscal_year_start: int = 1,
) -> list[tuple[tuple[int, int], TimeWindow]]:
    """Every time expression in ``sentence`` as ``((start, end), window)``, left to right.

    Spans are code-point offsets into ``sentence`` (``sentence[start:end]`` is the
    window's ``text``); they do not overlap, and at each position the longest expression
    wins, its leading preposition included ("by the end of March").  Words that only
    look like dates are not matched: "We", "may", "March" as a verb, "Sir Keir", "a
    second", "Theresa May", "the Sunday Times".  ``reference``, ``tense`` and
    ``day_first`` and ``fiscal_year_start`` mean what they mean for :func:`parse_window`.  Work is linear in the
    length of the sentence; never raises on any text.
    """
    tense = _check_tense(tense)
    fiscal = _check_month(fiscal_year_start)
    toks = tokenize(sentence)
    if reference is not None and (reference.tzinfo is None or reference.utcoffset() is None):
        reference = reference.replace(tzinfo=timezone.utc)
    probes = (reference,) if reference is not None else _PROBES
    parsers = [Parser(toks, Ctx(p, tense, day_first, fiscal), find=True) for p in probes]
    out: list[tuple[tuple[int, int], TimeWindow]] = []
    i = 0
    n = len(toks)
    while i < n:
        tok = toks[i]
        found = None
        if _can_start(tok) and not _glued_to_word(toks, i):
            found = _match_at(parsers, toks, i)
        if found is None:
            i += 1
            continue
        spans, j = found
        start, end = toks[i].start, toks[j - 1].end
        text = sentence[start:end]
        a = spans[0]
        if reference is not None:
            window = _window(a, text, reference)
        elif len(spans) == 2 and (a.start, a.end) == (spans[1].start, spans[1].end):
            window = _window(a, text, None)
        else:
            window = _unresolved(a, text)
        out.append(((start, end), window))
        i = j
    return out


def _glued_to_word(toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` continues the word or number before it ("B2025", "x-ray")."""
    return i > 0 and not toks[i].gap and toks[i - 1].kind in ("w", "n", "o")


_NAME_WORDS = frozenset(lex.WEEKDAYS) | frozenset(lex.MONTHS) | lex.HOLIDAY_FIRST


def _match_at(parsers: list[Parser], toks: list[Tok], i: int) -> tuple[list[Span], int] | None:
    spans: list[Span] = []
    end = -1
    for parser in parsers:
        try:
            r = parser.phrase(i)
        except (ValueError, OverflowError, ArithmeticError):
            return None
        if r is None or r[0].end <= r[0].start:
            return None
        if end >= 0 and r[1] != end:
            return None
        spans.append(r[0])
        end = r[1]
    if end <= i:
        return None
    # A match must not end inside a word or number ("2025abc").
    if end < len(toks) and not toks[end].gap and toks[end].kind in ("w", "n", "o"):
        return None
    if toks[end - 1].kind == "p" and toks[end - 1].text not in ".'’":
        return None
    if _looks_like_name(toks, i, end) or _the_name(toks, i, end):
        return None
    return spans, end


_SEASON_WORDS = frozenset(lex.SEASONS)


def _the_name(toks: list[Tok], i: int, end: int) -> bool:
    """ "the Autumn Budget", "the Easter Rising", "the Summer Olympics": "the" and a
    capitalised date word that a capitalised word follows name a thing, not a time."""
    last = toks[end - 1]
    if end - 2 < i or toks[end - 2].base != "the" or end >= len(toks):
        return False
    if last.kind != "w" or not last.cap or last.base not in _NAME_WORDS | _SEASON_WORDS:
        return False
    nxt = toks[end]
    return nxt.kind == "w" and nxt.cap and nxt.gap and nxt.base not in _NAME_WORDS


def _looks_like_name(toks: list[Tok], i: int, end: int) -> bool:
    """A bare capitalised date word inside a name: "the Sunday Times", "Bloody Sunday"."""
    first = toks[i]
    if first.kind != "w" or not first.cap or first.base not in _NAME_WORDS:
        return False
    if end < len(toks):
        nxt = toks[end]
        if nxt.kind == "w" and nxt.cap and nxt.gap and nxt.base not in _NAME_WORDS:
            return True
    if i > 0:
        prev = toks[i - 1]
        if prev.kind == "w" and prev.cap and prev.base not in lex.CUES:
            at_start = i - 1 == 0 or (toks[i - 2].kind == "p" and toks[i - 2].text in ".!?:;\"“‘'(")
            if not at_start and prev.base not in _NAME_WORDS:
                return True
    return False


def _fallback(phrase: str, reference: datetime, tense: str | None, day_first: bool) -> Span | None:
    """dateparser, for a short phrase in another language or format the grammar lacks."""
    if len(phrase) > _DATEPARSER_MAX_CHARS or not any(ch.isdigit() for ch in phrase):
        return None
    from ._dateparser_fallback import parse_with_dateparser

    return parse_with_dateparser(phrase, reference, tense, day_first)


# Re-exported for the tests and the benchmark; not public API.
_ = (Grain,)

"""Resolve the time expressions of news text to :class:`~claimtrack.model.TimeWindow` values.

Two entry points:

- :func:`parse_window` reads one time phrase ("by the end of March", "on Thursday",
  "within 30 days") and returns its window, or None when the text is not a time
  expression; with ``explain=True`` a :class:`Trace` that also names the rules that
  read it.
- :func:`find_windows` finds every time expression in a sentence, with its span (from
  the sentence's text, or from tokens a caller already has).

Both resolve against a *reference* instant (a source's publication time) and the tense
of the clause ("past", "future" or None), following the conventions documented in
``docs/time-windows.md``: ISO weeks (Monday first), windows as ``[start, end)`` in the
reference's zone, deadlines from the reference to the end of the named period, vague
phrases flagged ``vague``.

How it works: a table of named rules (``_rules_*``) read by one engine (``_engine``)
that finds, at each token, the longest match, in time bounded per token; the match is
an underspecified value (``_values``) that a separate step resolves against the
reference, the tense, the date order and the fiscal year.  ``dateparser`` is consulted
only by :func:`parse_window`, only for a short phrase in a non-Latin script the rules
cannot read, with the languages of that script named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Literal, overload

from claimtrack.model import TimeWindow

from . import _lexicon as lex
from ._engine import Node
from ._grammar import candidates, parser, resolve_node, whole
from ._tokens import Tok, tokenize
from ._values import FUTURE, PAST, Ctx, Span

__all__ = ["Trace", "find_windows", "parse_window"]

# Without a reference, a phrase is resolved against two far-apart instants: if both give
# the same window it is absolute ("20 March 2025"); otherwise it is relative and stays
# unresolved, as DESIGN says, rather than being resolved against today.
_PROBES = (
    datetime(2001, 1, 3, 12, 0, tzinfo=timezone.utc),
    datetime(2027, 8, 19, 7, 30, tzinfo=timezone.utc),
)
_TRIM = ".,;:!?\"“”'‘’()[]"
_ABBREVIATIONS = frozenset(lex.MONTH_ABBR) | frozenset(lex.WEEKDAY_ABBR)


@dataclass(frozen=True, slots=True)
class Trace:
    """What :func:`parse_window` read, and how: the window (or None), the names of the
    rules that fired (outermost first) and the match as an indented tree of rules and
    the words each covered (empty when no rule read the whole phrase; ``fallback`` is
    True when dateparser read it instead)."""

    window: TimeWindow | None
    rules: tuple[str, ...]
    tree: str
    fallback: bool = False

    def __str__(self) -> str:
        if self.window is None:
            return "not a time expression"
        if self.fallback:
            return f"{self.window.text}: read by dateparser (another language)"
        return self.tree


def _check_tense(tense: str | None) -> str | None:
    if tense in (None, PAST, FUTURE):
        return tense
    return None


def _check_month(month: int) -> int:
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"fiscal_year_start must be a month number 1-12, not {month!r}")
    return month


def _aware(reference: datetime | None) -> datetime | None:
    if reference is not None and (reference.tzinfo is None or reference.utcoffset() is None):
        return reference.replace(tzinfo=timezone.utc)
    return reference


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


def _strip(toks: list[Tok]) -> list[Tok]:
    lo, hi = 0, len(toks)
    while lo < hi and toks[lo].kind == "p" and toks[lo].text in _TRIM:
        lo += 1
    while hi > lo and toks[hi - 1].kind == "p" and toks[hi - 1].text in _TRIM:
        # Keep the full stop of an abbreviation ("Dec.", "Wed.") — the rules read it.
        if toks[hi - 1].text == "." and hi - 2 >= lo and toks[hi - 2].base in _ABBREVIATIONS:
            break
        hi -= 1
    return toks[lo:hi]


@lru_cache(maxsize=256)
def _ctx(reference: datetime, tense: str | None, day_first: bool, fiscal: int) -> Ctx:
    # The phrases of one source share its reference: its context is made once.
    return Ctx(reference, tense, day_first, fiscal)


def _resolve(
    node: Node, probes: Sequence[datetime], tense: str | None, day_first: bool, fiscal: int
) -> list[Span] | None:
    spans: list[Span] = []
    for probe in probes:
        span = resolve_node(node, _ctx(probe, tense, day_first, fiscal))
        if span is None:
            return None
        spans.append(span)
    return spans


def _as_window(spans: list[Span], text: str, reference: datetime | None) -> TimeWindow:
    a = spans[0]
    if reference is not None:
        return _window(a, text, reference)
    if len(spans) == 2 and (a.start, a.end) == (spans[1].start, spans[1].end):
        return _window(a, text, None)
    return _unresolved(a, text)


@overload
def parse_window(
    text: str,
    reference: datetime | None,
    *,
    tense: str | None = ...,
    day_first: bool = ...,
    fiscal_year_start: int = ...,
    explain: Literal[False] = ...,
) -> TimeWindow | None: ...


@overload
def parse_window(
    text: str,
    reference: datetime | None,
    *,
    tense: str | None = ...,
    day_first: bool = ...,
    fiscal_year_start: int = ...,
    explain: Literal[True],
) -> Trace: ...


def parse_window(
    text: str,
    reference: datetime | None,
    *,
    tense: str | None = None,
    day_first: bool = True,
    fiscal_year_start: int = 1,
    explain: bool = False,
) -> TimeWindow | Trace | None:
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
    and its text kept.  With ``explain=True`` the result is a :class:`Trace`: the window
    and the rules that read it.  Never raises on any text.
    """
    tense = _check_tense(tense)
    fiscal = _check_month(fiscal_year_start)
    reference = _aware(reference)
    toks = _strip(tokenize(text))
    phrase = text.strip()
    probes = (reference,) if reference is not None else _PROBES
    nodes = whole(parser(toks, find=False)) if toks else []
    for node in nodes:
        spans = _resolve(node, probes, tense, day_first, fiscal)
        if spans is not None:
            window = _as_window(spans, phrase, reference)
            if explain:
                return Trace(window, tuple(node.rules()), node.show(toks))
            return window
    found = _fallback(phrase, toks, probes, tense, day_first, reference)
    if explain:
        return Trace(found, (), "", fallback=found is not None)
    return found


def find_windows(
    sentence: str,
    reference: datetime | None,
    *,
    tense: str | None = None,
    day_first: bool = True,
    fiscal_year_start: int = 1,
    tokens: Sequence[Tok] | None = None,
    base: int = 0,
) -> list[tuple[tuple[int, int], TimeWindow]]:
    """Every time expression in ``sentence`` as ``((start, end), window)``, left to right.

    Spans are code-point offsets into ``sentence`` (``sentence[start:end]`` is the
    window's ``text``); they do not overlap, and at each position the longest expression
    wins, its leading preposition included ("by the end of March").  Words that only
    look like dates are not matched: "We", "may", "March" as a verb, "Sir Keir", "a
    second", "Theresa May", "the Sunday Times".  ``reference``, ``tense``,
    ``day_first`` and ``fiscal_year_start`` mean what they mean for :func:`parse_window`.

    A caller that has already tokenised the text passes ``tokens`` (from
    :func:`claimtrack.timewindows._tokens.tokenize` or its shared equivalent) whose
    offsets count from ``base``: the sentence is ``text[base:base + len(sentence)]`` of
    the text they were made from, and the result's spans are still offsets into
    ``sentence``.  Work is linear in the length of the sentence; never raises on any text.
    """
    tense = _check_tense(tense)
    fiscal = _check_month(fiscal_year_start)
    reference = _aware(reference)
    toks = list(tokens) if tokens is not None else tokenize(sentence)
    if tokens is None:
        base = 0
    probes = (reference,) if reference is not None else _PROBES
    p = parser(toks, find=True)
    out: list[tuple[tuple[int, int], TimeWindow]] = []
    i, n = 0, len(toks)
    forget_at = _FORGET_EVERY
    while i < n:
        if i >= forget_at:
            # Matches start at the scan or after it: what the parser holds for tokens
            # behind it is dropped, so memory stays bounded on any length of text.
            p.forget(i)
            forget_at = i + _FORGET_EVERY
        for node in candidates(p, i):
            spans = _resolve(node, probes, tense, day_first, fiscal)
            if spans is None:
                continue
            start, end = toks[i].start - base, toks[node.end - 1].end - base
            text = sentence[start:end]
            out.append(((start, end), _as_window(spans, text, reference)))
            i = node.end - 1
            break
        i += 1
    return out


# How many tokens find_windows scans between two clean-ups of the parser's memo.
_FORGET_EVERY = 512

# Phrases longer than this are not handed to dateparser (it is slow, and a long text is
# a sentence, not a date).
_DATEPARSER_MAX_CHARS = 48


def _fallback(
    phrase: str,
    toks: list[Tok],
    probes: Sequence[datetime],
    tense: str | None,
    day_first: bool,
    reference: datetime | None,
) -> TimeWindow | None:
    """dateparser, for a short phrase in another script that names an absolute date."""
    if len(phrase) > _DATEPARSER_MAX_CHARS or not any(ch.isdigit() for ch in phrase):
        return None
    from ._dateparser_fallback import languages_of, parse_with_dateparser

    languages = languages_of(phrase)
    if not languages:
        return None
    spans: list[Span] = []
    for probe in probes:
        span = parse_with_dateparser(phrase, probe, tense, day_first, languages)
        if span is None:
            return None
        spans.append(span)
    return _as_window(spans, phrase, reference)

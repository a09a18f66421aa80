"""The time grammar: every rule table, compiled once, and the scan over a sentence.

The tables, by what they read: ``_rules_numbers`` (numbers, ordinals, durations),
``_rules_dates`` (written dates, months, years), ``_rules_days`` (relative days,
weekdays, days of a month, holidays), ``_rules_periods`` (weeks to centuries, seasons,
parts of periods), ``_rules_clock`` (clock times, parts of the day) and
``_rules_phrases`` (prepositions, ranges, offsets, rolling and vague windows, the top
category ``phrase``).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import _lexicon as lex
from . import (
    _rules_clock,
    _rules_dates,
    _rules_days,
    _rules_numbers,
    _rules_parts,
    _rules_periods,
    _rules_phrases,
    _rules_spans,
)
from ._engine import Grammar, Node
from ._parser import Parser
from ._tokens import Tok
from ._values import Ctx, Span, T, merge

GRAMMAR = Grammar(
    [
        *_rules_numbers.RULES,
        *_rules_dates.RULES,
        *_rules_days.RULES,
        *_rules_periods.RULES,
        *_rules_parts.RULES,
        *_rules_clock.RULES,
        *_rules_spans.RULES,
        *_rules_phrases.RULES,
    ],
    merge=merge,
)
TOP = "phrase"
STARTS = GRAMMAR.first[TOP]

_NAME_WORDS = frozenset(lex.WEEKDAYS) | frozenset(lex.MONTHS) | lex.HOLIDAY_FIRST
_SEASON_WORDS = frozenset(lex.SEASONS)


def parser(toks: Sequence[Tok], *, find: bool) -> Parser:
    return Parser(GRAMMAR, toks, find=find)


def resolve_node(node: Node, ctx: Ctx) -> Span | None:
    """The window of a match in ``ctx``; None when it has none there."""
    value = node.value
    if not isinstance(value, T):
        return None
    try:
        span = value.resolve(ctx)
    except (ValueError, OverflowError, ArithmeticError, KeyError, AttributeError, ImportError):
        # An impossible date ("30 February"), a year out of range, a calendar the
        # holiday library lacks: no window.
        return None
    if span is None or span.end <= span.start:
        return None
    return span


def whole(p: Parser) -> list[Node]:
    """Matches of the whole token sequence, as a phrase."""
    node = p.match(TOP, 0).get(p.n)
    return [] if node is None else [node]


def candidates(p: Parser, i: int) -> list[Node]:
    """Matches starting at token ``i`` that may stand in running text, longest first."""
    toks = p.toks
    if p.keys[i] not in STARTS or glued_to_word(toks, i):
        return []
    found = p.match(TOP, i)
    out: list[Node] = []
    for end in sorted(found, reverse=True):
        if _fits(toks, i, end):
            out.append(found[end])
    return out


def glued_to_word(toks: Sequence[Tok], i: int) -> bool:
    """Whether token ``i`` continues the word or number before it ("B2025", "x-ray")."""
    return i > 0 and not toks[i].gap and toks[i - 1].kind in ("w", "n", "o")


def _fits(toks: Sequence[Tok], i: int, end: int) -> bool:
    # A match must not end inside a word or number ("2025abc").
    if end < len(toks) and not toks[end].gap and toks[end].kind in ("w", "n", "o"):
        return False
    if toks[end - 1].kind == "p" and toks[end - 1].text not in ".'’":
        return False
    return not (_looks_like_name(toks, i, end) or _the_name(toks, i, end))


def _the_name(toks: Sequence[Tok], i: int, end: int) -> bool:
    """ "the Autumn Budget", "the Easter Rising", "the Summer Olympics": "the" and a
    capitalised date word that a capitalised word follows name a thing, not a time."""
    last = toks[end - 1]
    if end - 2 < i or toks[end - 2].base != "the" or end >= len(toks):
        return False
    if last.kind != "w" or not last.cap or last.base not in _NAME_WORDS | _SEASON_WORDS:
        return False
    nxt = toks[end]
    return nxt.kind == "w" and nxt.cap and nxt.gap and nxt.base not in _NAME_WORDS


def _looks_like_name(toks: Sequence[Tok], i: int, end: int) -> bool:
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

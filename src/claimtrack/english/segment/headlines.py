"""Headline rules: a headline packs two claims with a comma or "as" where prose would
use a sentence each ("Council holds rents, signals rise next year", "Nurses threaten
strike as board sets Friday deadline")."""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import DETERMINERS, VERBS
from ..text import Tok
from .engine import Context, Example, Piece, SegmentRule
from .grammar import finite, first_finite

__all__ = ["RULES"]

_PREPOSITIONS = frozenset({"at", "in", "on", "for", "of", "to", "by", "from", "with", "as"})


def _as_clause(toks: Sequence[Tok], piece: Piece, ctx: Context) -> list[Piece] | None:
    # "Nurses threaten strike as board sets Friday deadline": two events, one each.
    if not ctx.headline:
        return None
    for k in range(piece.start + 2, piece.end - 3):
        if toks[k].low != "as" or not _headline_clause(toks, k + 1, piece.end):
            continue
        return [Piece(piece.start, k, shares=piece.shares), Piece(k + 1, piece.end)]
    return None


def _headline_verb(tok: Tok) -> bool:
    low = tok.low
    if not tok.is_word or tok.is_cap:
        return False
    s_form = len(low) > 3 and low.endswith("s") and not low.endswith("ss")
    return finite(tok) or low in VERBS or s_form


def _headline_clause(toks: Sequence[Tok], i: int, hi: int) -> bool:
    """A headline clause at ``i``: a subject of one to three words ("health board"),
    then a present verb ("sets", "demand") with words after it."""
    if toks[i].low in DETERMINERS - {"the"} or not toks[i].is_word:
        return False
    for k in range(i + 1, min(hi - 1, i + 4)):
        if not toks[k].is_word:
            return False
        if _headline_verb(toks[k]) and toks[k + 1].low not in _PREPOSITIONS:
            return True
    return False


def _comma_verb(toks: Sequence[Tok], piece: Piece, ctx: Context) -> list[Piece] | None:
    # "Bank holds rates, signals no cut before spring": a second verb of one subject.
    if not ctx.headline:
        return None
    verb = first_finite(toks, piece.start, piece.end)
    for k in range(verb + 2, piece.end - 2):
        nxt = toks[k + 1]
        if toks[k].text != "," or not _headline_verb(nxt) or not nxt.low.endswith("s"):
            continue
        if k + 2 >= piece.end or toks[k + 2].low in _PREPOSITIONS:
            continue  # "Plant to close, jobs at risk": a noun, not a verb
        return [
            Piece(piece.start, k, shares=piece.shares),
            Piece(k + 1, piece.end, shares="subject"),
        ]
    return None


RULES: tuple[SegmentRule, ...] = (
    SegmentRule(
        "segment.headline-as",
        "a headline's 'X does A as Y does B': one claim each",
        _as_clause,
        (
            Example(
                "Nurses threaten strike as health board sets Friday deadline",
                ("Nurses threaten strike", "health board sets Friday deadline"),
                Context(publisher=True, headline=True),
            ),
            Example(
                "Nurses see pay as a key issue",
                (),
                Context(publisher=True, headline=True),
            ),
            Example(
                "The council opened the pool as the heatwave hit the city.",
                (),
                Context(publisher=True),
            ),
        ),
        needs=frozenset({"as"}),
    ),
    SegmentRule(
        "segment.headline-verbs",
        "a headline's 'X does A, does B': a second verb of the same subject",
        _comma_verb,
        (
            Example(
                "Bank holds rates, signals no cut before spring",
                ("Bank holds rates", "signals no cut before spring"),
                Context(publisher=True, headline=True),
            ),
            Example(
                "Bank holds rates, Paris and Rome protest",
                (),
                Context(publisher=True, headline=True),
            ),
            Example(
                "Plant to close, jobs at risk",
                (),
                Context(publisher=True, headline=True),
            ),
        ),
        needs=frozenset({","}),
    ),
)

"""Frame rules: words that open a sentence without being its claim: a linking adverb
("However, the plant will close") or the speaker's feeling about the news ("We are
pleased that the line will open in May", "I am glad we can now confirm that ...")."""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import ADVERBS
from ..text import Tok
from .engine import Context, Example, Piece, SegmentRule
from .grammar import clause_verb, words

__all__ = ["RULES"]

_DISCOURSE = words("discourse_adverbs")
_FEELINGS = words("frame_adjectives")
_FRAME_VERBS = words("frame_verbs")

_ANNOUNCING = _FRAME_VERBS | frozenset(
    {"telling", "tell", "assure", "assuring", "confirming", "announcing", "promise"}
)
_WHEN_WORDS = frozenset({"now", "today", "tonight", "also", "finally", "happily"})
_BE = frozenset({"am", "are", "is", "'m", "’m", "'re", "’re"})
_SPEAKERS = frozenset({"i", "we", "i'm", "i’m", "we're", "we’re"})


def _discourse(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    a = piece.start
    if toks[a].low not in _DISCOURSE:
        return None
    b = a + 1
    if b < piece.end and toks[b].text == ",":
        b += 1
    if clause_verb(toks, b, piece.end) < 0:
        return None
    return [Piece(b, piece.end, shares=piece.shares)]


def _skip_that(toks: Sequence[Tok], k: int, hi: int) -> int:
    return k + 1 if k < hi and toks[k].low == "that" else k


def _feeling(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "We are (very) pleased that X", "I'm delighted we can now confirm that X" -> X.
    a, hi = piece.start, piece.end
    if toks[a].low not in _SPEAKERS:
        return None
    k = a + 1
    if toks[a].low in {"i", "we"}:
        if k >= hi or toks[k].low not in _BE:
            return None
        k += 1
    while k < hi and toks[k].low in ADVERBS | {"very", "so", "really"}:
        k += 1
    if k >= hi or toks[k].low not in _FEELINGS:
        return None
    k = _skip_that(toks, k + 1, hi)
    # "... that I could (today) announce that": the announcing words are frame too.
    j = k
    if j + 1 < hi and toks[j].low in {"we", "i"} and toks[j + 1].low in {"can", "could"}:
        j += 2
        while j < hi and toks[j].low in ADVERBS:
            j += 1
        if j < hi and toks[j].low in _FRAME_VERBS:
            k = _skip_that(toks, j + 1, hi)
    if clause_verb(toks, k, hi) < 0:
        return None
    return [Piece(k, hi, shares=piece.shares)]


def _announcing(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "We can now confirm that X", "I am telling you tonight that X", "I can assure you
    # X" -> X: the speaker announcing is the frame, X the claim.
    a, hi = piece.start, piece.end
    if toks[a].low not in {"i", "we"}:
        return None
    k = a + 1
    if k < hi and toks[k].low in {"can", "could", "am", "are", "'m", "’m"}:
        k += 1
    while k < hi and toks[k].low in _WHEN_WORDS:
        k += 1
    if k >= hi or toks[k].low not in _ANNOUNCING:
        return None
    k += 1
    if k < hi and toks[k].low in {"you", "everyone"}:
        k += 1
    while k < hi and toks[k].low in _WHEN_WORDS:
        k += 1
    k = _skip_that(toks, k, hi)
    if clause_verb(toks, k, hi) < 0:
        return None
    return [Piece(k, hi, shares=piece.shares)]


RULES: tuple[SegmentRule, ...] = (
    SegmentRule(
        "segment.discourse-adverb",
        "a linking adverb that opens the sentence ('However, ...') is not part of the claim",
        _discourse,
        (
            Example(
                "However, the bridge will stay closed until June.",
                ("the bridge will stay closed until June",),
            ),
            Example("Still more homes will be built next year."),
        ),
    ),
    SegmentRule(
        "segment.feeling-frame",
        "'We are pleased that X', 'I'm glad we can now confirm that X': the claim is X",
        _feeling,
        (
            Example(
                "I'm glad that we can now announce that the pool will reopen on 12 June.",
                ("the pool will reopen on 12 June",),
                Context(direct=True),
            ),
            Example(
                "We are delighted that the new wing will open in the autumn.",
                ("the new wing will open in the autumn",),
                Context(direct=True),
            ),
            Example("We are pleased with the result.", (), Context(direct=True)),
        ),
    ),
    SegmentRule(
        "segment.announcing-frame",
        "'We can now confirm that X', 'I am telling you tonight that X': the claim is X",
        _announcing,
        (
            Example(
                "We can today reveal that the pool will reopen on 12 June.",
                ("the pool will reopen on 12 June",),
                Context(direct=True),
            ),
            Example(
                "I am telling you tonight that buses will be back on the bridge by June.",
                ("buses will be back on the bridge by June",),
                Context(direct=True),
            ),
            Example("We can confirm the date later.", (), Context(direct=True)),
        ),
    ),
)

"""Adjunct rules: a clause carries a second claim in a phrase hung on it after a
comma: an absolute clause (", with the ward now expected to close in May"), a
relative clause with a modal of its own (", which will cut 400 jobs"), a dated item
of a list (", including the final on 9 July"), a participle that asserts ("marking
the first new crossing in decades") or an embedded request ("requesting that the
vote be held in May")."""

from __future__ import annotations

from collections.abc import Sequence

from ..text import Tok
from .engine import Context, Example, Piece, SegmentRule
from .grammar import clause_verb, ends_with_time, finite, first_finite, has_finite, words

__all__ = ["RULES"]

_MARKED = words("absolute_verbs")
_MODALS_WILL = words("relative_modals")
_HYPOTHETICAL = words("hypothetical_modals")
_TAILS = words("tail_participles")
_ASKS = words("request_participles")

_RELATIVE = frozenset({"which", "who"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_EXPECT_CUES = frozenset({"expected", "expects", "hoped", "hopes", "predicted", "predicts"})
_TIME_RELATIVE = (("at", "which", "time"), ("by", "which", "time"), ("at", "which", "point"))


def _absolute(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # ", with the bridge now expected to reopen in June", ", with crews focusing on ...".
    for k in range(piece.start + 3, piece.end - 3):
        if toks[k - 1].text != "," or toks[k].low != "with":
            continue
        if first_finite(toks, piece.start, k - 1) >= k - 1:
            return None
        for j in range(k + 2, min(piece.end, k + 10)):
            t = toks[j]
            if t.text in {",", ";"} or (finite(t) and t.low not in _MARKED):
                break
            participle = t.low.endswith("ing") and len(t.low) > 5
            if participle or t.low in _MARKED:
                if any(x.text in {",", ";"} for x in toks[j + 1 : piece.end]):
                    return None  # the main clause runs on past it: "..., with X, from May"
                return [Piece(piece.start, k - 1, shares=piece.shares), Piece(k + 1, piece.end)]
    return None


def _relative_end(toks: Sequence[Tok], k: int, hi: int) -> int:
    for j in range(k, hi):
        if toks[j].text in {",", ";", "—", "–"}:
            return j
    return hi


def _relative(toks: Sequence[Tok], piece: Piece, ctx: Context) -> list[Piece] | None:
    # ", which will cut 400 jobs": a forecast or undertaking of its own.  At the end of
    # the article's own clause it is cut off; inside a clause ("The routes, which will
    # be free for a year, open in May") it is an extra claim and the clause stays whole.
    # A piece an earlier cut opened with the relative ("which will be free for a year,
    # will open in May") gets the relative as an extra claim too.
    for k in range(piece.start, piece.end - 2):
        opens = k == piece.start
        if not (opens or toks[k - 1].text == ",") or toks[k].low not in _RELATIVE:
            continue
        modal = toks[k + 1].low
        if (
            not opens
            and k + 3 < piece.end
            and modal in _SPEAKER_PRONOUNS
            and toks[k + 2].low in _EXPECT_CUES
            and toks[k + 3].low == "to"
        ):
            # ", which he expected to happen within a week": the speaker's own forecast.
            return [Piece(piece.start, k - 1, shares=piece.shares), Piece(k, piece.end)]
        if modal not in _MODALS_WILL and modal not in _HYPOTHETICAL:
            continue
        end = _relative_end(toks, k + 2, piece.end)
        if end >= piece.end - 1:
            if opens:
                return None  # the piece is the relative clause itself
            if modal in _HYPOTHETICAL:
                # ", which could draw more fans": a possible consequence, no claim of
                # its own; at the end of the clause it is cut from it.
                return [Piece(piece.start, k - 1, shares=piece.shares)]
            if not ctx.publisher:
                return None  # a speaker's "X, which will Y" stays one claim, due and all
            return [Piece(piece.start, k - 1, shares=piece.shares), Piece(k, piece.end)]
        if modal in _MODALS_WILL and has_finite(toks, end + 1, min(piece.end, end + 3)):
            return [piece, Piece(k, end, extra=True)]
        return None
    return None


def _time_relative(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # ", at which time the pitches will be relaid", ", when the club will host ...".
    modals = _MODALS_WILL
    for k in range(piece.start + 3, piece.end - 3):
        if toks[k - 1].text != "," or toks[k].low not in {"at", "by", "when"}:
            continue
        three = tuple(t.low for t in toks[k : k + 3])
        if three in _TIME_RELATIVE:
            start = k + 3
        elif toks[k].low == "when":
            start = k
        else:
            continue
        verb = clause_verb(toks, k + 1 if start == k else start, piece.end)
        if verb < 0 or toks[verb].low not in modals:
            continue
        return [Piece(piece.start, k - 1, shares=piece.shares), Piece(start, piece.end)]
    return None


def _dated_inclusion(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "will host five matches, including the final on 9 July": a dated event of its own.
    for k in range(piece.start + 3, piece.end - 2):
        if toks[k - 1].text != "," or toks[k].low != "including":
            continue
        if not ends_with_time(toks, k + 1, piece.end) or has_finite(toks, k + 1, piece.end):
            return None
        return [Piece(piece.start, k - 1, shares=piece.shares), Piece(k, piece.end, shares="verb")]
    return None


def _tail_participle(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # ", marking the city's first new crossing in decades": an assertion of its own.
    tails = _TAILS
    for k in range(piece.start + 3, piece.end - 2):
        nxt = toks[k + 1]
        if toks[k - 1].text != "," or toks[k].low not in tails:
            continue
        if not nxt.is_word or nxt.low == "and" or not has_finite(toks, piece.start, k):
            return None
        return [Piece(piece.start, k - 1, shares=piece.shares), Piece(k, piece.end)]
    return None


def _request(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "I will write to the board requesting that the vote be held in May".
    asks = _ASKS
    for k in range(piece.start + 3, piece.end - 3):
        if toks[k].low in asks and toks[k + 1].low == "that":
            if not has_finite(toks, piece.start, k):
                return None
            return [Piece(piece.start, k, shares=piece.shares), Piece(k, piece.end)]
    return None


RULES: tuple[SegmentRule, ...] = (
    SegmentRule(
        "segment.absolute-clause",
        "', with NP VERB-ing/expected ...' after a clause: a claim of its own",
        _absolute,
        (
            Example(
                "The yard has announced another delay to the ferry, with the ship now "
                "expected to sail in the spring.",
                (
                    "The yard has announced another delay to the ferry",
                    "the ship now expected to sail in the spring",
                ),
            ),
            Example(
                "The drive will begin on Monday, with nurses visiting the worst-hit "
                "districts first.",
                ("The drive will begin on Monday", "nurses visiting the worst-hit districts first"),
            ),
            Example("The plant will close in May, with the loss of 300 jobs."),
            Example("The fair will be held in two towns, with 40 stalls taking part, in May."),
        ),
        needs=frozenset({"with"}),
    ),
    SegmentRule(
        "segment.relative-modal",
        "', which will ...': a relative clause with its own future is a claim (cut off "
        "at the end of the article's own sentence, an extra claim inside a clause); a "
        "trailing ', which could ...' is cut from the clause",
        _relative,
        (
            Example(
                "The depot will become a bus garage, which will cut the staff from 90 "
                "to 20 over two years.",
                (
                    "The depot will become a bus garage",
                    "which will cut the staff from 90 to 20 over two years",
                ),
                Context(publisher=True),
            ),
            Example(
                "New ferry routes, which will be free for the first month, will also "
                "start that day.",
                (
                    "New ferry routes, which will be free for the first month, will also "
                    "start that day",
                    "which will be free for the first month",
                ),
            ),
            Example(
                "The club is set for its return home, which could draw more fans than ever.",
                ("The club is set for its return home",),
                Context(publisher=True),
            ),
            Example(
                "which will be free for the first month, will also start that day.",
                (
                    "which will be free for the first month, will also start that day",
                    "which will be free for the first month",
                ),
            ),
            Example(
                "the report would be published once the lawyers agree, which she expected "
                "to happen within a week",
                (
                    "the report would be published once the lawyers agree",
                    "which she expected to happen within a week",
                ),
                Context(cue="said"),
            ),
            Example("The firm, which has grown fast, will open a shop in May."),
        ),
        needs=_RELATIVE,
    ),
    SegmentRule(
        "segment.time-relative",
        "', at which time ...' or ', when X will ...' after a clause: the later event "
        "is a claim of its own",
        _time_relative,
        (
            Example(
                "The agency will survey every dam by late March, at which time some "
                "gates will be replaced.",
                (
                    "The agency will survey every dam by late March",
                    "some gates will be replaced",
                ),
            ),
            Example(
                "The club confirmed its return to the old ground, set for 9 August, when "
                "the team will host a friendly.",
                (
                    "The club confirmed its return to the old ground, set for 9 August",
                    "when the team will host a friendly",
                ),
            ),
            Example("He will retire in the autumn, when the plant stops production."),
        ),
        needs=frozenset({"at", "by", "when"}),
    ),
    SegmentRule(
        "segment.dated-inclusion",
        "', including NP on DATE' at the end of a clause: a dated event of its own",
        _dated_inclusion,
        (
            Example(
                "The arena will host six concerts, including the opening night on 12 June.",
                ("The arena will host six concerts", "including the opening night on 12 June"),
            ),
            Example("The firm will cut costs, including travel and catering."),
        ),
        needs=frozenset({"including"}),
    ),
    SegmentRule(
        "segment.tail-participle",
        "', marking ...' after a clause: the participle's assertion is a claim of its own",
        _tail_participle,
        (
            Example(
                "The new tram line is due to open on 3 May, marking the city's first new "
                "line in forty years.",
                (
                    "The new tram line is due to open on 3 May",
                    "marking the city's first new line in forty years",
                ),
            ),
            Example("Marking the anniversary, the mayor will lay a wreath."),
            Example("The works cover six stations, signalling and track."),
        ),
        needs=_TAILS,
    ),
    SegmentRule(
        "segment.embedded-request",
        "'requesting that ...' inside an undertaking: the request is a claim of its own",
        _request,
        (
            Example(
                "I will write to the housing trust requesting that the repairs be "
                "finished before the winter.",
                (
                    "I will write to the housing trust",
                    "requesting that the repairs be finished before the winter",
                ),
                Context(direct=True),
            ),
            Example("The letter asked for a delay.", (), Context(direct=True)),
        ),
        needs=_ASKS,
    ),
)

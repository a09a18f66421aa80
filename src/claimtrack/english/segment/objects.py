"""Object rules: one verb with two dated objects ("will open the north route from 1 July
and the south route from 2 July") holds one undertaking per object; the second object
shares the verb (and so the kind) of the first."""

from __future__ import annotations

from collections.abc import Sequence

from ...text import MONTHS, WEEKDAYS
from ..lexicon import DETERMINERS, IRREGULAR_PARTICIPLES
from ..text import Tok
from .engine import Context, Example, Piece, SegmentRule
from .grammar import ends_with_time, finite, first_finite, has_finite, words

__all__ = ["RULES"]


_TIME_GLUE = frozenset(
    {"the", "this", "next", "then", "again", "from", "in", "on", "at", "by", "until", "of",
     "early", "late", "mid", "end", "start", "onwards", "onward"}
)  # fmt: skip


def _content(tok: Tok) -> bool:
    """Whether ``tok`` names something besides a time ("service" in "the Oslo service
    from 3 July", not "then", "in" or "October")."""
    low = tok.low
    if not tok.is_word or low.isdigit() or low in _TIME_GLUE:
        return False
    return low not in MONTHS and low not in WEEKDAYS and low not in words("time_words")


def _dated_objects(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    verb = first_finite(toks, piece.start, piece.end)
    if verb >= piece.end or not ends_with_time(toks, verb + 1, piece.end):
        return None  # the last object must end with its date
    for k in range(verb + 2, piece.end - 2):
        if toks[k].low != "and" or not ends_with_time(toks, verb + 1, k):
            continue
        if has_finite(toks, k + 1, piece.end):
            return None
        if not any(_content(t) for t in toks[k + 1 : piece.end]):
            return None  # "in May and then in June", "on 16 and 23 April": one window
        return [Piece(piece.start, k, shares=piece.shares), Piece(k + 1, piece.end, shares="verb")]
    return None


RULES: tuple[SegmentRule, ...] = (
    SegmentRule(
        "segment.dated-objects",
        "one verb, two objects each with its own date: one claim per object",
        _dated_objects,
        (
            Example(
                "The carrier will launch its Leeds route from 1 July and the Oslo service "
                "from 3 July.",
                (
                    "The carrier will launch its Leeds route from 1 July",
                    "the Oslo service from 3 July",
                ),
            ),
            Example("The carrier will launch routes to Leeds and Oslo in July."),
            Example("The bridge was to reopen in September and then in October."),
            Example("Voting will be held in two rounds on 16 April and 23 April."),
        ),
        needs=frozenset({"and"}),
    ),
)


def _gerund_objects(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "committed to doing all we can to speed delivery and being open about it": two
    # undertakings, each an -ing object of the same "to".
    first = -1
    for k in range(piece.start + 1, piece.end - 2):
        t = toks[k]
        if first < 0:
            if toks[k - 1].low == "to" and _gerund(t):
                first = k
            continue
        if t.low == "and" and _gerund(toks[k + 1]) and k - first >= 3:
            return [
                Piece(piece.start, k, shares=piece.shares),
                Piece(k + 1, piece.end, shares="verb"),
            ]
        if t.text in {",", ";"} and k + 1 < piece.end and not _gerund(toks[k + 1]):
            return None
    return None


def _gerund(tok: Tok) -> bool:
    return tok.is_word and not tok.is_cap and tok.low.endswith("ing") and len(tok.low) > 4


RULES = (
    *RULES,
    SegmentRule(
        "segment.gerund-objects",
        "'committed to doing X and being Y': one undertaking per -ing object",
        _gerund_objects,
        (
            Example(
                "We are committed to doing all we can to speed up delivery and being open "
                "about every delay.",
                (
                    "We are committed to doing all we can to speed up delivery",
                    "being open about every delay",
                ),
                Context(direct=True),
            ),
            Example("We look forward to meeting and greeting them.", (), Context(direct=True)),
        ),
        needs=frozenset({"and"}),
    ),
)


_PROMISE_CUES = words("promise_cues")
_NUMBER_WORDS = words("number_words")


def _clause_verb(toks: Sequence[Tok], k: int) -> bool:
    # A finite verb, not a participle or the end of a compound ("state-run buses").
    t = toks[k]
    if k > 0 and toks[k - 1].text == "-" and toks[k - 1].end == t.start:
        return False
    return finite(t) and t.low not in IRREGULAR_PARTICIPLES


def _item_start(tok: Tok) -> bool:
    return tok.low in DETERMINERS or tok.text[:1].isdigit() or tok.low in _NUMBER_WORDS


def _promise_list(toks: Sequence[Tok], piece: Piece, ctx: Context) -> list[Piece] | None:
    # "promising free rides for pupils, a monthly grant for carers and 5,000 jobs": the
    # object of a promise cue is a list of undertakings, one claim each.
    if ctx.cue is None or ctx.cue.split()[0] not in _PROMISE_CUES:
        return None
    if toks[piece.start].low == "to" or finite(toks[piece.start]):
        return None  # "promised to keep ...": an undertaking, not a list of things
    cond = next(
        (k for k in range(piece.start, piece.end) if toks[k].low in {"if", "unless"}), piece.end
    )
    if any(_clause_verb(toks, k) for k in range(piece.start, cond)):
        return None  # a clause, not a list of things promised ("if it wins" may follow)
    cuts: list[int] = []
    for k in range(piece.start + 2, cond - 1):
        t = toks[k]
        if t.text == "," and toks[k + 1].start == t.end:
            continue  # "5,000": a number, not a list
        if t.text == ",":
            j = k + 1
            if toks[j].low == "and":
                j += 1
            if j >= piece.end or not _item_start(toks[j]):
                return None  # ", in 2009 and 2016", ", but only if ...": no list of things
            cuts.append(k)
        elif t.low == "and" and toks[k - 1].text != "," and _item_start(toks[k + 1]):
            cuts.append(k)
    if not cuts:
        return None
    out: list[Piece] = []
    start = piece.start
    for c in cuts:
        out.append(Piece(start, c, shares="verb" if out else piece.shares))
        start = c
    out.append(Piece(start, piece.end, shares="verb"))
    return out


RULES = (
    *RULES,
    SegmentRule(
        "segment.promise-list",
        "the object of a promise cue listing several things: one undertaking each",
        _promise_list,
        (
            Example(
                "free rides for pupils, a monthly grant for carers and 5,000 new jobs",
                ("free rides for pupils", "a monthly grant for carers", "5,000 new jobs"),
                Context(cue="promising"),
            ),
            Example("free rides for pupils and carers", (), Context(cue="promising")),
            Example(
                "a new ground twice before, in 2009 and 2016, and both plans failed",
                (),
                Context(cue="promised"),
            ),
            Example(
                "to keep the clinics open, but only if donors pay, and the state helps",
                (),
                Context(cue="promised"),
            ),
            Example("free rides for pupils, a grant and jobs", (), Context(cue="said")),
        ),
    ),
)

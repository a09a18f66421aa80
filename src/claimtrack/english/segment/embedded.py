"""Embedded rules: a claim inside another that is kept whole, given as an extra,
overlapping piece: a nominal plan in object position ("will meet the government's
target to end coal power by 2024"), the clause of "the fact that" ("cannot let that
hide the fact that the line will open this year"), an appositive infinitive ("The
route, to be flown three times a week, will ...")."""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import CUES, DETERMINERS, VERBS
from ..text import Tok
from .engine import Context, Example, Piece, SegmentRule
from .grammar import clause_verb, finite, verbish, words

__all__ = ["RULES"]

_PLAN_NOUNS = words("plan_nouns")

_STOPS = frozenset({",", ";", ":", "—", "–"})
_TIME_NOUNS = words("time_words") | {"day", "days", "time", "date", "years", "months", "weeks"}
_WILL = frozenset({"will", "won't", "won’t"})
_ARTICLES = frozenset({"a", "an", "the"})
_PREPOSITIONS = frozenset({"on", "in", "at", "by", "from", "to", "into", "over", "after", "before"})
_OBJECT_OPENERS = frozenset({"despite", "of", "with", "for", "under", "in", "towards"})


def _phrase_end(toks: Sequence[Tok], k: int, hi: int) -> int:
    """Where a phrase from ``k`` ends: at a comma, dash, "or"/"and" before a determiner,
    or a finite verb; else at ``hi``."""
    for j in range(k, hi):
        t = toks[j]
        if t.text in _STOPS or finite(t):
            return j
        if t.low in {"or", "and"} and j + 1 < hi and toks[j + 1].low in DETERMINERS:
            return j
    return hi


def _verb(toks: Sequence[Tok], k: int) -> bool:
    return verbish(toks, k) or (toks[k].low in VERBS and not toks[k].is_cap)


def _nominal_plan(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    nouns = _PLAN_NOUNS
    for k in range(piece.start + 2, piece.end - 2):
        if toks[k].low not in nouns or toks[k + 1].low != "to":
            continue
        verb = toks[k + 2]
        if not verb.is_word or verb.is_cap or verb.low in DETERMINERS or verb.low.endswith("ing"):
            continue  # "its commitment to offering ...": a gerund, not an infinitive
        if toks[k - 1].low in {"on", "off"}:
            continue  # "on target to open": a schedule, read by the kind rules
        # The noun phrase: back over its determiner, possessor and modifiers.
        a = k
        while a > piece.start and k - a < 5:
            prev = toks[a - 1]
            if prev.text in _STOPS or prev.low in _OBJECT_OPENERS or _verb(toks, a - 1):
                break
            if prev.low in _PREPOSITIONS or prev.text[:1].isdigit() or not prev.is_word:
                break  # "elected in 2023 on a promise to ...": the phrase starts after "on"
            a -= 1
        if a == piece.start:
            return None  # the plan is the subject: the piece is the claim
        before = toks[a - 1]
        if not (_verb(toks, a - 1) or before.low in _OBJECT_OPENERS or before.text == ","):
            return None
        end = _phrase_end(toks, k + 3, piece.end)
        return [piece, Piece(a, end, extra=True, plan=True)]
    return None


def _fact_that(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    for k in range(piece.start + 1, piece.end - 3):
        if toks[k - 1].low != "the" or toks[k].low != "fact" or toks[k + 1].low != "that":
            continue
        start = k + 2
        verb = clause_verb(toks, start, piece.end)
        if verb < 0:
            return None
        return [piece, Piece(start, _phrase_end(toks, verb + 1, piece.end), extra=True)]
    return None


def _that_will(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "... into a library that will soon draw pupils": the noun and its future.
    for k in range(piece.start + 3, piece.end - 3):
        if toks[k].low not in {"that", "which"} or toks[k + 1].low not in _WILL:
            continue
        noun = toks[k - 1]
        if not noun.is_word or _verb(toks, k - 1) or noun.low in CUES:
            return None  # "said that will ...": "that" opens the cue's complement
        if noun.low in _TIME_NOUNS:
            return None  # "by the end of the month that will be none": "that" is the subject
        a = next(
            (j for j in range(k - 2, max(piece.start, k - 5) - 1, -1) if toks[j].low in _ARTICLES),
            -1,
        )
        if a <= piece.start:
            return None  # the noun is the clause's subject: the piece is the claim
        end = next((j for j in range(k + 2, piece.end) if toks[j].text in _STOPS), piece.end)
        return [piece, Piece(a, end, extra=True)]
    return None


def _appositive(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "The route, to be flown three times a week, will ...": the infinitive is a plan.
    for k in range(piece.start + 2, piece.end - 4):
        if toks[k - 1].text != "," or toks[k].low != "to" or toks[k + 1].low != "be":
            continue
        close = next((j for j in range(k + 2, min(piece.end, k + 20)) if toks[j].text == ","), -1)
        if close < 0 or close + 1 >= piece.end or not finite(toks[close + 1]):
            return None
        return [piece, Piece(k, close, extra=True)]
    return None


RULES: tuple[SegmentRule, ...] = (
    SegmentRule(
        "segment.nominal-plan",
        "a plan noun with its infinitive in object position ('will meet the "
        "government's target to end coal power in 2024'): an extra claim",
        _nominal_plan,
        (
            Example(
                "It means the country will meet the government's target to end coal power in 2024.",
                (
                    "It means the country will meet the government's target to end coal "
                    "power in 2024",
                    "the government's target to end coal power in 2024",
                ),
            ),
            Example(
                "The licence was refused, despite the club's intention to reopen the "
                "ground in stages.",
                (
                    "The licence was refused, despite the club's intention to reopen the "
                    "ground in stages",
                    "the club's intention to reopen the ground in stages",
                ),
            ),
            Example("The council's plan to build two schools was approved."),
            Example("She was elected in 2023 on a promise to cut fares."),
            Example("The deal shows its commitment to offering cheaper fares."),
        ),
        needs=_PLAN_NOUNS,
    ),
    SegmentRule(
        "segment.fact-that",
        "'the fact that X': X is a claim of its own inside the sentence",
        _fact_that,
        (
            Example(
                "We cannot let that hide the fact that the line will open this year or the "
                "good it will do.",
                (
                    "We cannot let that hide the fact that the line will open this year or "
                    "the good it will do",
                    "the line will open this year",
                ),
                Context(direct=True),
            ),
            Example("The fact is that nobody knows.", (), Context(direct=True)),
        ),
        needs=frozenset({"fact"}),
    ),
    SegmentRule(
        "segment.noun-that-will",
        "'a NOUN that will ...' inside a clause: the noun's future is a claim of its own",
        _that_will,
        (
            Example(
                "It has taken months to convert the empty warehouse into a library that "
                "will soon be visited by hundreds of pupils.",
                (
                    "It has taken months to convert the empty warehouse into a library that "
                    "will soon be visited by hundreds of pupils",
                    "a library that will soon be visited by hundreds of pupils",
                ),
                Context(direct=True),
            ),
            Example("The minister said that will not happen.", (), Context(direct=True)),
            Example("The bridge that will replace it opens in May."),
            Example("Six wards are open, but by the end of the month that will be none."),
        ),
        needs=frozenset({"that", "which"}),
    ),
    SegmentRule(
        "segment.appositive-infinitive",
        "', to be VERBed ..., ' between a subject and its verb: a plan of its own",
        _appositive,
        (
            Example(
                "The new route, to be flown three times a week, will link the two cities.",
                (
                    "The new route, to be flown three times a week, will link the two cities",
                    "to be flown three times a week",
                ),
            ),
            Example("The new route is to be flown three times a week."),
        ),
        needs=frozenset({"be"}),
    ),
)

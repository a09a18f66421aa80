"""Clause rules: a sentence of two clauses joined by a conjunction, a semicolon, a dash
or a bare comma holds two claims ("The depot will close in May, and the staff will move
to the new site").  Each side must be a clause of its own: a subject and a finite verb
after the join, a finite verb before it, so "cyclists and buses will be free" (one
subject of two nouns) stays whole."""

from __future__ import annotations

from collections.abc import Sequence

from ...text import AUXILIARIES
from ..lexicon import ADVERBS, CUES, DETERMINERS, IRREGULAR_PARTICIPLES, VERBS
from ..text import CLOSE_MARKS, OPEN_MARKS, Tok
from .engine import Context, Example, Piece, SegmentRule
from .grammar import clause_verb, first_finite, verbish, words

__all__ = ["RULES"]

_OPENING = words("subordinators") | words("fronting")
_SPLICE_SUBJECTS = words("subject_pronouns") | {"our", "their", "my", "his", "her", "its"}
_PRONOUNS = words("subject_pronouns")
_CONJ = words("conjunctions")
_FRONTING = words("fronting")

_DASHES = frozenset({"—", "–", "-"})
_NOT_VERBS = frozenset({"the", "a", "an", "date", "time", "be", "this", "that", "his", "her"})
_PAST = words("past_verbs") | IRREGULAR_PARTICIPLES
_BE = frozenset({"be", "been", "being", "is", "are", "was", "were"})
_COMPLEMENT_STARTS = (
    DETERMINERS | _PRONOUNS | frozenset({"to", "that", "them", "him", "us", "me", "it"})
)
_MODALS = frozenset({"will", "would", "could", "should", "can", "may", "might", "must"})


def _cut(piece: Piece, cuts: Sequence[int], shares: str = "") -> list[Piece] | None:
    """``piece`` cut before each index in ``cuts`` (sorted, inside the piece)."""
    if not cuts:
        return None
    out: list[Piece] = []
    start = piece.start
    for k, c in enumerate(cuts):
        out.append(Piece(start, c, shares=piece.shares if k == 0 else ""))
        start = c
    out.append(Piece(start, piece.end, shares=shares))
    return out


def _bare(tok: Tok) -> bool:
    low = tok.low
    return not (low in DETERMINERS or low in _PRONOUNS or tok.is_cap)


def _listed(toks: Sequence[Tok], lo: int, k: int) -> bool:
    """Whether the words just before the "and" at ``k`` follow a comma with no verb
    between: a list ("Leeds, York and Hull"), not the end of a clause."""
    for j in range(k - 1, max(lo, k - 8) - 1, -1):
        if toks[j].text == ",":
            return True
        if verbish(toks, j, lo):
            return False
    return False


def _quoted(toks: Sequence[Tok], piece: Piece) -> list[bool]:
    """For each token of ``piece``, whether it lies inside quotation marks opened in it."""
    out: list[bool] = []
    inside = False
    for t in toks[piece.start : piece.end]:
        if t.text in OPEN_MARKS and t.text in CLOSE_MARKS:
            inside = not inside  # a straight mark opens and closes
        elif t.text in OPEN_MARKS:
            inside = True
        elif t.text in CLOSE_MARKS:
            inside = False
        out.append(inside)
    return out


def _but(toks: Sequence[Tok], j: int) -> bool:
    return toks[j].low == "but" and toks[j - 1].text == ","


def _conjoined(toks: Sequence[Tok], piece: Piece, ctx: Context) -> list[Piece] | None:
    conj = _CONJ
    cuts: list[int] = []
    k = first_finite(toks, piece.start, piece.end) + 1  # the first clause's verb
    if ctx.cue is not None:
        # "promised a revolution, but costs have ...": the cue's object, then ", but".
        but = next((j for j in range(piece.start + 2, min(k, piece.end - 2)) if _but(toks, j)), -1)
        if but > 0 and clause_verb(toks, but + 1, piece.end, reach=15) >= 0:
            cuts = [but]
    quoted: list[bool] | None = None  # read once a join is found
    while k < piece.end - 2:
        t = toks[k]
        join = -1
        if (
            (t.low in conj and (toks[k - 1].text == "," or t.low == "but"))
            or (t.low == "and" and toks[k - 1].is_word)
            or t.text == ";"
        ):
            join = k + 1
        elif t.text in _DASHES and toks[k + 1].low in conj:
            join = k + 2
        if join < 0 or join >= piece.end:
            k += 1
            continue
        if quoted is None:
            quoted = _quoted(toks, piece) if not ctx.direct else []
        if quoted and quoted[k - piece.start]:
            k += 1  # inside a partial quotation: its words stay together
            continue
        if t.low == "and" and toks[k - 1].text != "," and toks[join].low in AUXILIARIES:
            k += 1
            continue
        if ctx.direct and t.low == "and" and toks[join].low in _PRONOUNS:
            k += 1  # a speaker's "we waited and we have had enough" is one claim
            continue
        second = clause_verb(toks, join, piece.end)
        if second < 0 or (toks[k - 1].text != "," and t.low == "and" and _bare(toks[join])):
            k += 1  # "a just and lasting peace is ...": without a comma, "and" must open
            continue  # a subject with a determiner, a pronoun or a name
        if toks[k - 1].text != "," and t.low == "and" and _listed(toks, piece.start, k):
            k += 1  # "but Leeds, York and Hull will ...": "and" ends a list of subjects
            continue
        cuts.append(k)
        k = second + 1  # the next join needs a verb of this clause before it
    return _cut(piece, cuts)


def _shared_subject(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "The club is talking to the council and will tell its members of any news": a
    # second verb phrase of the same subject, its own modal or copula after "and".
    verb = -1
    for k in range(piece.start + 3, piece.end - 2):
        if toks[k].low != "and":
            continue
        nxt = toks[k + 1]
        if nxt.low not in _MODALS and nxt.low not in {"is", "are", "was", "were"}:
            continue
        prev = toks[k - 1]
        if not prev.is_word and prev.text not in CLOSE_MARKS:
            continue  # ", and will ...": the comma keeps the two phrases one claim
        if prev.low in AUXILIARIES or prev.low in {"been", "be", "not"}:
            continue  # "has been and will stay open": one verb group
        if verb < 0:
            verb = first_finite(toks, piece.start, piece.end)
        if verb >= k or k - verb < 4:
            continue
        j = k + 2
        while j < piece.end and (
            toks[j].low in ADVERBS | {"therefore", "then", "now"} or toks[j].text in OPEN_MARKS
        ):
            j += 1
        if j >= piece.end or not toks[j].is_word:
            continue
        return _cut(piece, [k], shares="subject")
    return None


def _fronted(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "... and given the delays on this site, that in itself will be an achievement":
    # "and" opens a fronted adverbial, then the second clause after its comma.
    fronting = _FRONTING
    verb = first_finite(toks, piece.start, piece.end)
    for k in range(verb + 1, piece.end - 4):
        if toks[k].low not in {"and", "but"} or toks[k + 1].low not in fronting:
            continue
        comma = next((j for j in range(k + 2, min(piece.end, k + 18)) if toks[j].text == ","), -1)
        if comma < 0 or clause_verb(toks, comma + 1, piece.end) < 0:
            continue
        return _cut(piece, [k])
    return None


def _comma_splice(toks: Sequence[Tok], piece: Piece, ctx: Context) -> list[Piece] | None:
    # "We are pleased the stations will open soon, our teams have worked hard": two
    # clauses with only a comma between them (a speaker's run-on sentence).
    opening = _OPENING
    pronouns = _SPLICE_SUBJECTS
    first = clause_verb(toks, piece.start, piece.end)
    if first < 0:
        return None  # the piece must open with a clause of its own
    for k in range(piece.start, piece.end - 3):
        if toks[k].low in opening or toks[k].low in {"case", "event"}:
            return None  # a subordinate clause before the comma: "..., if X, we will"
        if toks[k].text != "," or toks[k + 1].low not in pronouns or k <= first:
            continue
        if sum(1 for t in toks[piece.start : k] if t.is_word) < 5:
            return None  # "It's very simple, we ...": a short lead-in, not a claim
        verb = clause_verb(toks, k + 1, piece.end, reach=6)
        if verb < 0 or toks[verb].low in CUES:
            continue
        return _cut(piece, [k])
    return None


RULES: tuple[SegmentRule, ...] = (
    SegmentRule(
        "segment.conjoined-clauses",
        "two clauses joined by ', and', 'but', ', while', ';' or '– but': one claim each",
        _conjoined,
        (
            Example(
                "The depot will close in May, and the staff will move to the new site.",
                ("The depot will close in May", "the staff will move to the new site"),
            ),
            Example(
                "The pool is open again but the gym will stay shut until the spring.",
                ("The pool is open again", "the gym will stay shut until the spring"),
            ),
            Example(
                "The fares will rise in June, while season tickets will be frozen.",
                ("The fares will rise in June", "season tickets will be frozen"),
            ),
            Example(
                "The minister said the report was sent to her on Monday and it was "
                "too soon to judge it.",
                (
                    "The minister said the report was sent to her on Monday",
                    "it was too soon to judge it",
                ),
            ),
            Example(
                "a new age of travel, but rising costs, safety fears, and the law have slowed it",
                ("a new age of travel", "rising costs, safety fears, and the law have slowed it"),
                Context(cue="promised"),
            ),
            Example(
                "The road is shut, and the long detour dwarfs the old route.",
                ("The road is shut", "the long detour dwarfs the old route"),
            ),
            Example("Cyclists and pedestrians will be able to cross for free."),
            Example('The envoy said "the plan is sound and we back it".'),
            Example(
                "Our crews have waited for months and they have had enough.",
                (),
                Context(direct=True),
            ),
            Example("The council will repair the roof and the windows by March."),
            Example(
                "Two lines open in May, but Leeds, York and Hull will wait until June.",
                ("Two lines open in May", "Leeds, York and Hull will wait until June"),
            ),
            Example("The trams, the buses and the ferries will be free in May."),
        ),
        needs=_CONJ | {"and", "but", ";"},
    ),
    SegmentRule(
        "segment.shared-subject",
        "a second verb phrase of the same subject ('... and will tell its members'): its own claim",
        _shared_subject,
        (
            Example(
                "The trust is talking to the unions about the rota and will publish a "
                "new one in May.",
                (
                    "The trust is talking to the unions about the rota",
                    "will publish a new one in May",
                ),
            ),
            Example("The bridge has been and will remain a costly project."),
            Example("Three clinics are still being refurbished, and will not reopen this spring."),
            Example("The plan is ambitious and is popular."),
        ),
        needs=frozenset({"and"}),
    ),
    SegmentRule(
        "segment.fronted-adverbial",
        "'and' then a fronted adverbial and a new clause ('and given the delays, the "
        "opening will slip'): a claim before and after",
        _fronted,
        (
            Example(
                "The ward will reopen in a few weeks and given the problems we had, that "
                "will be a relief.",
                (
                    "The ward will reopen in a few weeks",
                    "given the problems we had, that will be a relief",
                ),
            ),
            Example("The club will play at home and in May, away."),
        ),
        needs=frozenset({"and", "but"}),
    ),
    SegmentRule(
        "segment.comma-splice",
        "two clauses with only a comma between them, the second opened by a pronoun",
        _comma_splice,
        (
            Example(
                "The first trams will run soon, our crews have worked hard on the line.",
                ("The first trams will run soon", "our crews have worked hard on the line"),
                Context(direct=True),
            ),
            Example("When the plant closes, we will lose the jobs.", (), Context(direct=True)),
            Example("The plant will close, they said.", (), Context(direct=True)),
            Example(
                "Regrettably, given the cost involved, it has not been feasible.",
                (),
                Context(direct=True),
            ),
        ),
        needs=frozenset({","}),
    ),
)


def _past_verb(toks: Sequence[Tok], j: int) -> bool:
    """A past-tense verb at ``j`` ("wanted", "described", "invited")."""
    t = toks[j]
    low = t.low
    if not t.is_word or t.is_cap or low in VERBS:
        return False  # "put", "set": a base form too ("Put the date in writing and put ...")
    return low in _PAST or (low.endswith("ed") and len(low) > 4)


def _second_verb(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "the state would not fund it and wanted to see a contract first": a second verb
    # phrase of the same subject in the past tense, its own claim.
    verb = first_finite(toks, piece.start, piece.end)
    for k in range(verb + 4, piece.end - 2):
        t = toks[k]
        prev = toks[k - 1]
        if t.low not in {"and", "but"} or not (prev.is_word or prev.text in CLOSE_MARKS):
            continue  # ", and returned losses": the comma keeps one list of facts
        if toks[k - 1].low in AUXILIARIES or not _past_verb(toks, k + 1):
            continue
        if toks[k + 2].low not in _COMPLEMENT_STARTS:
            continue  # "a painted hull and polished propeller": no object opens after it
        if any(x.low in _BE for x in toks[max(piece.start, k - 5) : k]):
            continue  # "to be signed off and handed over": one passive
        return _cut(piece, [k], shares="subject")
    return None


def _infinitive_verb(tok: Tok) -> bool:
    low = tok.low
    if not tok.is_word or tok.is_cap or low.isdigit():
        return False
    return low in VERBS or not (low in DETERMINERS or low in _PRONOUNS or low in _NOT_VERBS)


def _infinitives(toks: Sequence[Tok], piece: Piece, _ctx: Context) -> list[Piece] | None:
    # "called on the city to double the fund and to guarantee ...": one demand or
    # undertaking per infinitive of the same verb.
    last = -1  # the previous infinitive's "to"
    cuts: list[int] = []
    for k in range(piece.start, piece.end - 2):
        t = toks[k]
        if t.low == "to" and _infinitive_verb(toks[k + 1]):
            object_between = last >= 0 and k - 1 - last >= 3
            if object_between and toks[k - 1].low == "and" and toks[k - 2].is_word:
                cuts.append(k - 1)
            last = k
    return _cut(piece, cuts, shares="verb") if cuts else None


RULES = (
    *RULES,
    SegmentRule(
        "segment.second-verb",
        "'... and wanted to see X': a second past-tense verb of the same subject is its own claim",
        _second_verb,
        (
            Example(
                "The minister said the state would not fund the stadium and wanted to see "
                "a signed contract first.",
                (
                    "The minister said the state would not fund the stadium",
                    "wanted to see a signed contract first",
                ),
            ),
            Example(
                'The minister said the state would not fund "a wish list" and wanted to see '
                "a contract first.",
                (
                    'The minister said the state would not fund "a wish list"',
                    "wanted to see a contract first",
                ),
            ),
            Example("The club was founded in 1901 and owned by a brewer."),
            Example("Put the date in writing and put a fine in the contract."),
            Example("The library now has a newly tiled roof and repaired gutters."),
            Example("The firm had invested heavily, and returned losses every year."),
        ),
        needs=frozenset({"and", "but"}),
    ),
    SegmentRule(
        "segment.infinitive-list",
        "'to A and to B' after one verb: one claim per infinitive",
        _infinitives,
        (
            Example(
                "The mayor called on the province to double the fund and to guarantee "
                "every grant already promised.",
                (
                    "The mayor called on the province to double the fund",
                    "to guarantee every grant already promised",
                ),
            ),
            Example("The plan is to build and to run two clinics."),
            Example(
                "The regulator ordered the firm to file a report within 30 days and to "
                "explain its errors.",
                (
                    "The regulator ordered the firm to file a report within 30 days",
                    "to explain its errors",
                ),
            ),
        ),
        needs=frozenset({"and"}),
    ),
)

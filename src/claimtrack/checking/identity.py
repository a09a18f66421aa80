"""Is a report sentence about this promise?  Its act shows, no one else stands where the
actor should ("the mayor of Bexley" for "the mayor of Ashford"), what the act is on is
named in the sentence or in the sentences it leans on when it says "it", "the campaign",
and a name of the promise is in the sentence, its headline or the sentences before.

:func:`identity` answers with the parts of the promise the sentence matches
(:class:`~.confidence.Part`: the actor, what the act is on, the promise's names), which
:mod:`.confidence` weighs, or None where something rules the sentence out.
"""

from __future__ import annotations

from collections.abc import Sequence

from .actors import find_actor, other_actor
from .confidence import Part
from .lexicon import STOPWORDS
from .promise import PromiseView
from .reading import DETERMINERS, Mention
from .reports import ReportSentence, anchor_key, name_anchor, related
from .text import Tok, stem, tokens

__all__ = [
    "another_one",
    "identity",
    "keys",
    "meant_for_another",
    "name_parts",
    "name_runs",
    "theme_in",
]

_PRONOUNS = frozenset(["they", "he", "she", "we", "it", "this", "these"])
_ANAPHORIC_HEADS = frozenset(
    stem(w)
    for w in [
        "campaign",
        "programme",
        "program",
        "project",
        "scheme",
        "service",
        "plan",
        "operation",
        "line",
        "work",
        "works",
        "event",
    ]
)


def keys(stems: frozenset[str]) -> frozenset[str]:
    """The :func:`~.reports.name_anchor` of each stem."""
    return frozenset(name_anchor(s) for s in stems)


def name_runs(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """Runs of capitalised words as token ranges."""
    # Runs of capitalised words ("Harbour Street", "MV Saint Kilda") as token ranges.
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if toks[k].is_cap and toks[k].low not in STOPWORDS:
            j = k
            while j < len(toks) and toks[j].is_cap and toks[j].low not in STOPWORDS:
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return out


def theme_in(
    view: PromiseView, toks: Sequence[Tok], *, nouns: bool, skip: range = range(0)
) -> set[str]:
    """The promise's theme words in ``toks`` (with its event nouns when ``nouns``: "the
    vaccinations" before "the campaign began"), leaving out the tokens in ``skip``.  A
    word of a name counts only when the name ends as the promise's does: "Harbour
    Street" is not "Harbour Bridge"."""
    theme = view.act.theme | (view.act.nouns if nouns else frozenset())
    promise_names = _promise_names(view)
    found: set[str] = set()
    runs = name_runs(toks)
    for k, t in enumerate(toks):
        if t.stem not in theme or k in skip:
            continue
        run = next(((a, b) for a, b in runs if a <= k < b), None)
        if run is not None and run[1] - run[0] > 1:
            last = toks[run[1] - 1].stem
            mine = [n for n in promise_names if t.stem in n]
            if mine and not any(n[-1] == last or last in n for n in mine):
                continue
        found.add(t.stem)
    return found


def _promise_names(view: PromiseView) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for claim in view.mentions:
        toks = tokens(claim.text)
        out += [tuple(t.stem for t in toks[a:b]) for a, b in name_runs(toks)]
    return out


def _anaphoric(toks: Sequence[Tok], at: int) -> bool:
    # The act's subject or object is "it", "they", "the campaign", "the line": what
    # it is about is in the sentences before.
    window = toks[max(0, at - 4) : at + 4]
    return any(t.low in _PRONOUNS or t.stem in _ANAPHORIC_HEADS for t in window)


def _name_before(toks: Sequence[Tok], at: int, view: PromiseView) -> bool:
    mine = view.anchors | view.title_anchors
    return any(
        t.is_cap and t.low not in STOPWORDS and not any(related(t.stem, n) for n in mine)
        for t in toks[:at]
    )


#: Words a report uses for whoever is in charge, whoever promised.
_STAND_INS = frozenset(
    ["officials", "authorities", "organisers", "organizers", "leaders", "bosses"]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "on",
        "from",
        "of",
        "for",
        "with",
        "by",
        "to",
        "into",
        "near",
        "over",
        "under",
        "after",
        "before",
        "during",
    ]
)
_VERBISH = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "did",
        "does",
        "do",
        "said",
        "says",
    ]
)


def _subject_head(toks: Sequence[Tok], at: int) -> Tok | None:
    # The head of the noun phrase that opens the sentence, when the act follows it:
    # "The Eastfield Gas Plant in Fenshire has closed" -> "Plant".
    k = 0
    while k < at and toks[k].low in DETERMINERS:
        k += 1
    head: Tok | None = None
    while k < at and toks[k].low not in _PREPOSITIONS and toks[k].low not in _VERBISH:
        head = toks[k]
        k += 1
    return head if head is not None and k <= at else None


def _named_subject(toks: Sequence[Tok], at: int, view: PromiseView) -> str | None:
    # A name that is no part of the promise opens the sentence, as the one who acted:
    # "Cobalt Stores opened a store" for what Brightwater promised.  A sentence's first
    # word alone is no name (it is capitalised whatever it is).
    k = 0
    while k < at and toks[k].low in DETERMINERS:
        k += 1
    lo = k
    while k < at and toks[k].low not in _PREPOSITIONS and toks[k].low not in _VERBISH:
        k += 1
    if k != at:
        return None
    mine = view.anchors | view.title_anchors
    if view.actor is not None:
        mine |= {s for p in view.actor.phrases for s in p}
    for a, b in name_runs(toks[lo:at]):
        if a + lo == 0 and b - a == 1:
            continue
        run = toks[lo + a : lo + b]
        if all(t.stem in view.act.theme for t in run):
            continue  # "Harbour Bridge" itself, capitalised
        if not any(related(t.stem, n) or t.stem == n for t in run for n in mine):
            return " ".join(t.text for t in run)
    return None


def _by_another(toks: Sequence[Tok], at: int) -> bool:
    # A passive's "by" phrase after the act, naming someone (the actor was not found).
    for k in range(at + 1, min(len(toks) - 1, at + 4)):
        if toks[k].low == "by":
            nxt = toks[k + 1]
            return nxt.low == "the" or nxt.is_cap
    return False


#: Words saying that what follows is not the one spoken of before.
_ANOTHER = frozenset(["rival", "another", "other", "separate", "different", "competing"])


def another_one(toks: Sequence[Tok], stems: frozenset[str]) -> bool:
    """Whether one of ``stems`` follows a word saying it is another one: "a rival
    operator", "a separate pay deal"."""
    for k, t in enumerate(toks):
        if t.low in _ANOTHER and any(u.stem in stems for u in toks[k + 1 : k + 3]):
            return True
    return False


def meant_for_another(toks: Sequence[Tok], stems: frozenset[str], own: frozenset[str]) -> bool:
    """Whether one of ``stems`` is said to be for something new, sharing no word with
    ``own`` (the promise's words): "approved a subsidy for a steelworks" is not the
    subsidy a battery plant waited on; "a subsidy for a new battery plant" may be.
    Only an indefinite object counts ("for a", "for an"): it brings in something not
    spoken of before, where "for the project" or "for two years" does not."""
    for k, t in enumerate(toks):
        if t.stem not in stems:
            continue
        for j in range(k + 1, min(k + 3, len(toks) - 1)):
            if toks[j].low != "for":
                continue
            if toks[j + 1].low not in {"a", "an"}:
                break
            words = [
                u.stem
                for u in toks[j + 2 : j + 6]
                if u.low not in STOPWORDS and u.low not in DETERMINERS and u.text.isalpha()
            ]
            if words and not set(words) & own:
                return True
            break
    return False


def _names_here(rs: ReportSentence, names: frozenset[str]) -> bool:
    # One of the names in the sentence itself (not only in its headline or before).
    stems = rs.sentence.stems
    by_key: dict[str, list[str]] = {}
    for s in stems:
        by_key.setdefault(anchor_key(s), []).append(s)
    return any(related(n, s) for n in names for s in by_key.get(anchor_key(n), ()))


def name_parts(view: PromiseView, rs: ReportSentence) -> tuple[Part, ...]:
    """Where the promise's names stand: in the sentence, in its context, or nowhere
    (no part)."""
    names = view.anchors | view.title_anchors
    if not view.anchors:
        return ()
    if _names_here(rs, names):
        return (Part("name", "in the sentence"),)
    if rs.names_any(names):
        return (Part("name", "in its context"),)
    return ()


def _actor_part(score: float, how: str) -> Part:
    grade = "named" if score >= 1.0 else "partly named" if score >= 0.9 else "head only"
    return Part("actor", grade, how)


def identity(
    view: PromiseView, rs: ReportSentence, mention: Mention | None
) -> tuple[Part, ...] | None:
    """The parts of ``view`` that sentence ``rs`` matches around ``mention`` (the act's
    words in it), or None when it cannot be about this promise: someone else stands
    where the actor should, the promise's names are missing, what the act is on is not
    said, or someone else is said to have done it."""
    toks = rs.sentence.toks
    if view.actor is not None and other_actor(view.actor, toks) is not None:
        return None
    who = {view.actor.head} if view.actor is not None and view.actor.head else set()
    if another_one(toks, frozenset(who) | view.act.theme):
        return None  # "a rival operator launched", "another bridge opened"
    found = find_actor(view.actor, toks) if view.actor is not None else None
    # The act's own words are not what it is on; a theme word standing for the act
    # ("cancelled the concerts") is.
    own = mention is not None and mention.form != "theme"
    span = range(mention.index, mention.end) if own and mention is not None else range(0)
    theme_here = theme_in(view, toks, nouns=False, skip=span)
    needs_theme = bool(view.act.theme) and not view.act.object_free
    context_theme: set[str] = set()
    if not theme_here:
        for s in rs.context:
            context_theme |= theme_in(view, s.toks, nouns=True)
    at = mention.index if mention is not None else 0
    # A promise that names someone or something must be named: "Ashford" for the mayor
    # of Ashford's bridge (its source's headline may name it instead).
    # All of a theme of two words or more ("the minerals deal") is as good as a name.
    # Not when a name stands before the act ("Bexley council cancelled the new bridge"):
    # that is someone else's.
    whole_theme = (
        len(view.act.theme) >= 2
        and view.act.theme <= rs.sentence.stems
        and not _name_before(toks, mention.index if mention is not None else len(toks), view)
    )
    names = view.anchors | view.title_anchors
    if view.anchors and not whole_theme and not rs.names_any(names):
        return None
    if needs_theme and not theme_here and not (context_theme and _anaphoric(toks, at)):
        return None
    parts: list[Part] = []
    if theme_here:
        grade = "whole" if whole_theme else "named"
        parts.append(Part("theme", grade, ", ".join(sorted(theme_here))))
    elif context_theme:
        parts.append(Part("theme", "just before", ", ".join(sorted(context_theme))))
    parts += name_parts(view, rs) or ((Part("name", "absent"),) if view.anchors else ())
    if found is not None:
        score, _at, how = found
        return (*parts, _actor_part(score, how))
    if view.actor is not None and any(t.low in _PRONOUNS for t in toks[max(0, at - 3) : at]):
        # "They met on Thursday." after a sentence naming them.
        for s in reversed(rs.context):
            before = find_actor(view.actor, s.toks)
            if before is not None:
                return (*parts, Part("actor", "in a sentence before", before[2]))
    if own and _by_another(toks, at):
        return None  # "was published by the Senate": someone else did it
    if view.actor is not None and _named_subject(toks, at, view) is not None:
        return None  # "Cobalt Stores opened a store in Kelby": someone else did it
    head = _subject_head(toks, at)
    if (
        view.actor is not None
        and head is not None
        and head.stem not in view.act.theme
        and head.low.endswith("s")
        and not head.low.endswith("ss")
        and head.low not in _PRONOUNS
        and head.low not in _STAND_INS
    ):
        return None  # "Military chiefs gathered" is no report of what planners promised
    if theme_here or context_theme:
        return (*parts, Part("actor", "implied" if view.actor is not None else "unknown"))
    if not needs_theme and view.act.object_free and view.actor is None:
        return (*parts, Part("actor", "unknown"))
    return None

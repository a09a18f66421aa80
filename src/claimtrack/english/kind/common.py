"""Small readings the kind rule families share: a subject's side, a clause's date."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import ClaimKind
from ..lexicon import ADVERBS, ANIMATE_NOUNS, DETERMINERS, FIRST_PERSON, QUANTITY_NOUNS
from ..text import Tok
from .analysis import Analysis, build
from .engine import Clause
from .grammar import head_of, subject_before
from .words import DATE_WORDS, words

__all__ = [
    "DATE_NOUNS",
    "animate_subject",
    "bare_verb",
    "commitment",
    "has_date",
    "hedged",
    "past_adverbs",
    "quantity_subject",
]

_DATE_WORDS = DATE_WORDS


#: Nouns that name a schedule's date ("the new date", "the opening timetable").
DATE_NOUNS = words("date_nouns")


def bare_verb(tok: Tok) -> bool:
    """Whether ``tok`` can be the verb of "to ...": a lower-case word, no article."""
    return tok.is_word and not tok.is_cap and tok.low not in DETERMINERS


#: The writer's hedges: "it now seems the works will not finish", "unlikely to open".
HEDGES = frozenset({"seems", "seem", "seemed", "appears", "appear", "unlikely", "doubtful"})


def hedged(toks: Sequence[Tok], verb: int) -> bool:
    """Whether a hedge ("seems", "unlikely") comes before the verb at ``verb``."""
    return any(t.low in HEDGES for t in toks[:verb])


def past_adverbs(toks: Sequence[Tok], k: int) -> int:
    """``k`` past adverbs and "-ly" words ("fully signed off", "not only serve")."""
    n = len(toks)
    while k < n and (
        toks[k].low in ADVERBS
        or toks[k].low in {"not", "only", "also", "even", "further", "still", "now", "soon"}
        or (toks[k].low.endswith("ly") and len(toks[k].low) > 3)
    ):
        k += 1
    return k


def has_date(toks: Sequence[Tok]) -> bool:
    """Whether the clause names a time: a month, weekday, season or time noun ("next
    week"), or a year (1900-2199); a bare number ("the 16th time") is no date."""
    for k, t in enumerate(toks):
        low = t.low
        if low in _DATE_WORDS:
            return True
        if low == "may" and k > 0 and (t.is_cap or toks[k - 1].text[:1].isdigit()):
            return True  # "on 9 May", "in May" (not the modal "may")
        if len(low) == 4 and low.isdigit() and 1900 <= int(low) < 2200:
            return True
    return False


def quantity_subject(toks: Sequence[Tok], subject: tuple[int, int] | None) -> bool:
    """Whether the subject is a quantity ("prices", "the number of jobs")."""
    if subject is None:
        return False
    a, b = subject
    return head_of(toks, subject).low in QUANTITY_NOUNS or any(
        toks[k].low in QUANTITY_NOUNS for k in range(a, min(b, a + 3))
    )


def commitment(
    clause: Clause,
    found: Analysis,
    trigger: str,
    at: int,
    verb: int,
    subject: tuple[int, int] | bool | None = True,
) -> Analysis:
    """A commitment whose trigger sits at token ``at`` and whose act starts at ``verb``;
    its subject is the phrase before ``at`` (``subject=True``), the given span, or none.
    The subject is the speaker's side when it is "we", or ``clause.is_own`` says so."""
    toks = clause.toks
    subj = subject_before(toks, at, 0) if subject is True else subject or None
    own = subj is None
    if subj is not None:
        words_ = [t.low for t in toks[subj[0] : subj[1]]]
        own = bool(set(words_) & FIRST_PERSON)
        if not own and clause.is_own is not None:
            own = clause.is_own(" ".join(t.text for t in toks[subj[0] : subj[1]]))
    return build(toks, ClaimKind.COMMITMENT, trigger, subj, own, verb, found.condition, None)


def animate_subject(clause: Clause, made: Analysis) -> bool:
    """Whether the reading's subject can act: a person or body ("the union", "Norway",
    "we"; "it" in reported speech, the speaker's organisation), or none (the speaker)."""
    if made.subject is None or made.own_side:
        return True
    head = head_of(clause.toks, made.subject)
    if head.low in {"we", "i", "they", "he", "she", "you"} or head.low in ANIMATE_NOUNS:
        return True
    if head.low == "it":
        return clause.reported
    return head.is_cap

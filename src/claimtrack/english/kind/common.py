"""Small readings the kind rule families share: a subject's side, a clause's date."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import ClaimKind
from ..lexicon import ANIMATE_NOUNS, FIRST_PERSON, QUANTITY_NOUNS
from ..text import Tok
from .analysis import Analysis, build
from .engine import Clause
from .grammar import head_of, subject_before
from .words import words

__all__ = ["animate_subject", "commitment", "has_date", "quantity_subject"]

_DATE_WORDS = words("date_words")


def has_date(toks: Sequence[Tok]) -> bool:
    """Whether the clause names a time (a month, weekday, season, year, "next ...")."""
    return any(t.low in _DATE_WORDS or t.text[:1].isdigit() for t in toks)


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

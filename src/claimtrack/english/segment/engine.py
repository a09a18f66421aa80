"""The segmentation engine: an ordered tuple of named rules that cut a sentence into
the claims it holds.

A sentence (or the reported complement of a cue) starts as one :class:`Piece`.  Each
:class:`SegmentRule` in turn is offered every current piece; a rule either passes
(returns None) or returns the pieces that replace it: the two clauses of "The depot
will close, and the staff will move", the clause left when a frame ("We are pleased
that ...") is dropped, or an extra overlapping piece for a relative clause.  The rule's
name is added to every piece it returns, so the claim made from a piece says which
rules drew its boundaries (``Claim.rules``).

Every rule is linear in its piece and looks a bounded number of tokens around each
token, so segmentation stays linear in the sentence.  Every rule carries
:class:`Example` sentences that ``tests/test_segment_rules.py`` runs: the positive
ones must give the listed pieces, named by the rule, the negative ones must not be
cut by it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ..text import Tok

__all__ = ["PLAIN", "Context", "Example", "Piece", "SegmentRule", "segment"]


@attrs.frozen
class Context:
    """How the sentence was said: ``direct`` inside quotation marks, ``publisher``
    asserted by the article itself (no speaker), ``headline`` a headline; ``cue`` is
    the reporting word whose complement the tokens are ("promising", "said"), if any."""

    direct: bool = False
    publisher: bool = False
    headline: bool = False
    cue: str | None = None


#: The context of a sentence said by someone in their own words (not quoted).
PLAIN = Context()


@attrs.frozen
class Piece:
    """One claim's token range ``[start, end)`` in the sentence's tokens.

    ``rules`` names the rules that drew its boundaries; ``shares`` says the piece has
    no subject or verb of its own and reads them from the piece before it ("verb" for
    a second object of the same verb, "subject" for a second verb phrase of the same
    subject); ``extra`` marks a piece that overlaps another (a relative clause inside
    a clause that is kept whole); ``plan`` that the piece names a plan by its form
    ("the club's intention to reopen the ground"), so the article's own sentence keeps
    it as a claim whatever kind its words get.
    """

    start: int
    end: int
    rules: tuple[str, ...] = ()
    shares: str = ""
    extra: bool = False
    plan: bool = False


@attrs.frozen
class Example:
    """A sentence and the pieces a rule gives it (empty: a negative example, which the
    rule must leave alone).  ``context`` says how the sentence was said."""

    text: str
    pieces: tuple[str, ...] = ()
    context: Context = PLAIN


@attrs.frozen
class SegmentRule:
    """A named rule: ``apply(toks, piece, context)`` returns the pieces that replace
    ``piece`` (in text order), or None to pass.

    ``needs`` is the rule's cheap skip-check: lower-case token forms (``Tok.low``) at
    least one of which a sentence must hold for the rule to cut it (the words its body
    cuts at, named by the same word lists it reads); empty for a rule that can cut any
    sentence.  :func:`segment` reads a sentence's words once and does not offer its
    pieces to a rule whose needs are all absent.  ``tests/test_segment_prefilters.py``
    checks that no rule ever cuts a sentence its needs would skip.
    """

    name: str
    summary: str
    apply: Callable[[Sequence[Tok], Piece, Context], list[Piece] | None] = attrs.field(repr=False)
    examples: tuple[Example, ...] = ()
    needs: frozenset[str] = frozenset()


_LEAD = frozenset({",", ";", ":", "-", "—", "–", "and", "but", "or", "so", "while", "whereas"})
_TAIL = frozenset({",", ";", ":", ".", "?", "-", "—", "–", "and", "but", "or", "so"})


def tidy(toks: Sequence[Tok], piece: Piece) -> Piece | None:
    """``piece`` without the joining words and punctuation at its ends; None when no
    word is left."""
    span = _tidy_span(toks, piece.start, piece.end)
    return None if span is None else attrs.evolve(piece, start=span[0], end=span[1])


def _tidy_span(toks: Sequence[Tok], a: int, b: int) -> tuple[int, int] | None:
    # tidy's bounds, without building the piece (segment() builds it once, named).
    while a < b and toks[a].low in _LEAD:
        a += 1
    while b > a and toks[b - 1].low in _TAIL:
        b -= 1
    if not any(t.is_word for t in toks[a:b]):
        return None
    return a, b


def segment(
    toks: Sequence[Tok], rules: Sequence[SegmentRule], context: Context = PLAIN
) -> list[Piece]:
    """The pieces of ``toks`` after every rule of ``rules`` has been offered each piece."""
    pieces = [Piece(0, len(toks))] if toks else []
    present = {t.low for t in toks}  # for the rules' needs, read once
    for rule in rules:
        if rule.needs and present.isdisjoint(rule.needs):
            continue  # none of the words the rule cuts at: it would pass every piece
        apply = rule.apply
        out: list[Piece] | None = None  # made at the rule's first cut: most rules pass
        for k, piece in enumerate(pieces):
            made = apply(toks, piece, context)
            if made is None:
                if out is not None:
                    out.append(piece)
                continue
            if out is None:
                out = pieces[:k]
            named = (*piece.rules, rule.name)
            for new in made:
                span = _tidy_span(toks, new.start, new.end)
                if span is not None:
                    out.append(attrs.evolve(new, start=span[0], end=span[1], rules=named))
        if out is not None:
            pieces = out
    return pieces

"""Claim segmentation: where one claim ends and the next begins inside a sentence.

:func:`refine` takes the pieces the extractor's first cut found (its own list and
coordination splits) and offers each to the named rules of :mod:`.rules`; it returns
them with the names of the rules that drew their boundaries.  See ``docs/segment.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import Tok
from .engine import PLAIN, Context, Example, Piece, SegmentRule, segment
from .rules import RULES

__all__ = ["RULES", "Context", "Example", "Piece", "SegmentRule", "refine", "segment", "split"]

#: A first-cut piece: (start, end, flags, head) token range of the extractor's own splitter.
FirstCut = tuple[int, int, frozenset[str], "int | None"]
#: A refined piece: the first cut's fields plus the segmentation rules that made it.
Refined = tuple[int, int, frozenset[str], "int | None", tuple[str, ...]]


def split(toks: Sequence[Tok], context: Context = PLAIN) -> list[Piece]:
    """The claim pieces of one sentence's tokens under the bundled :data:`RULES`."""
    return segment(toks, RULES, context)


def refine(
    toks: Sequence[Tok], pieces: Sequence[FirstCut], context: Context = PLAIN
) -> list[Refined]:
    """Each first-cut piece of ``toks`` cut again by the segmentation rules.

    A piece no rule cuts comes back as it was (no rule names).  A piece a rule drew
    carries the flag "segmented"; one that shares the verb or subject of the piece
    before it gets that piece as its ``head`` (and the flag "elided" when it shares the
    subject), so it inherits its kind the way the first cut's coordinated items do.
    Heads are re-numbered to the output.
    """
    out: list[Refined] = []
    first_of: dict[int, int] = {}
    for index, (start, end, flags, head) in enumerate(pieces):
        first_of[index] = len(out)
        sub = segment(toks[start:end], RULES, context)
        if not sub:
            continue
        if len(sub) == 1 and not sub[0].rules:
            out.append((start, end, flags, first_of.get(head) if head is not None else None, ()))
            continue
        previous = -1
        for k, p in enumerate(sub):
            a, b = start + p.start, start + p.end
            if k == 0:
                item_flags, item_head = flags, first_of.get(head) if head is not None else None
            else:
                item_flags, item_head = frozenset(), None
            # "segmented": a rule drew this piece as a claim (a clause, or a phrase that
            # shares the verb before it), so it stands though it may lack a verb the
            # extractor knows; "elided": its subject is its head's.
            item_flags = item_flags | {"segmented"}
            if p.shares and previous >= 0:
                item_head = previous
                if p.shares == "subject":
                    item_flags = item_flags | {"elided"}
            out.append((a, b, item_flags, item_head, p.rules))
            if not p.extra:
                previous = len(out) - 1
    return out

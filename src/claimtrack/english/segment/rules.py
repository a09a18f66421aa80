"""The segmentation rules, in the order the engine offers them a piece.

Frames go first (so a clause rule sees the claim, not "We are pleased that"), then the
adjunct rules (each cuts a phrase hung on a clause), then the clause rules, and last
the object rules, which read one clause's verb and its objects; the embedded rules add
an overlapping claim inside a clause that is kept whole."""

from __future__ import annotations

from .adjuncts import RULES as ADJUNCT_RULES
from .clauses import RULES as CLAUSE_RULES
from .embedded import RULES as EMBEDDED_RULES
from .engine import SegmentRule
from .frames import RULES as FRAME_RULES
from .headlines import RULES as HEADLINE_RULES
from .objects import RULES as OBJECT_RULES

__all__ = ["RULES"]

RULES: tuple[SegmentRule, ...] = (
    *FRAME_RULES,
    *HEADLINE_RULES,
    *ADJUNCT_RULES,
    *CLAUSE_RULES,
    *OBJECT_RULES,
    *EMBEDDED_RULES,
)

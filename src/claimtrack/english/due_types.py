"""The values the due rules pass around: the claim's clause (:class:`DueContext`), one
time phrase in it (:class:`Candidate`) and the window picked (:class:`Choice`)."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..model import TimeWindow
from .rulebook import Example

__all__ = ["BOUNDARIES", "DEADLINE_WORDS", "Candidate", "Choice", "DueContext", "due_example"]

BOUNDARIES = (", ", "; ", "(", ")", " – ", " — ", " - ", ": ")  # "75,000" is no boundary
DEADLINE_WORDS = frozenset({"before", "until", "till", "by"})


@attrs.frozen
class DueContext:
    """The claim's clause, where its act's verb starts in it (-1: unknown), the
    condition's span, how to read a phrase again (for a negated deadline), and the
    last day-grain due window of the article's earlier claims (for "the same day")."""

    clause: str
    verb_at: int
    condition: tuple[int, int] | None
    reparse: Callable[[str], TimeWindow | None]
    previous: TimeWindow | None = None  # the last day the article's claims were due
    last_due: TimeWindow | None = None  # the last due window of the article's claims


@attrs.frozen
class Candidate:
    """One time phrase of the clause: ``clause[start:end]`` read as ``window``."""

    start: int
    end: int
    window: TimeWindow
    ctx: DueContext

    @property
    def phrase(self) -> str:
        return self.ctx.clause[self.start : self.end].strip().lower()

    @property
    def before(self) -> list[str]:
        return self.ctx.clause[max(0, self.start - 8) : self.start].lower().split()

    def local(self) -> tuple[int, int]:
        """The stretch between the clause boundaries on either side of the phrase."""
        clause = self.ctx.clause
        lo = max(clause.rfind(b, 0, self.start) + len(b) for b in BOUNDARIES)
        lo = max(lo, 0)
        his = [clause.find(b, self.end) for b in BOUNDARIES]
        hi = min([h for h in his if h >= 0], default=len(clause))
        return lo, hi


@attrs.frozen
class Choice:
    """The due window picked, the rule that picked it and how sure it is."""

    window: TimeWindow
    rule: str
    confidence: float


def due_example(rule: str, text: str, claim: str, due: str | None) -> Example:
    """An example of a due rule: in ``text``, the claim holding ``claim`` is due
    ``due`` (the window's text)."""
    return Example(text=text, claim=claim, field="due", expected=due)

"""A claim's due window: the time phrases of its clause (or, failing those, of its
sentence before it) through ``context.find_windows`` and :mod:`due`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Grain, TimeWindow
from .claim_spans import SENTENCE_CONTEXT
from .due import Choice as DueChoice
from .due import DueContext, needs_sentence
from .due import choose as choose_due
from .due import from_sentence as due_from_sentence
from .kinds import Analysis
from .lexicon import VERBS
from .pieces import LIST_TRIGGERS
from .reader_state import ReaderState, Unit
from .text import Tok

TIME_WORDS = frozenset(
    [
        "today",
        "tomorrow",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "weekend",
        "month",
        "year",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


# Words every time phrase holds at least one of (with digits): a cheap filter before
# the time grammar.  Broad on purpose: a false hint costs only time.
_TIME_HINTS = TIME_WORDS | frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "weekends",
        "month",
        "months",
        "year",
        "years",
        "quarter",
        "quarters",
        "decade",
        "decades",
        "century",
        "hour",
        "hours",
        "minute",
        "minutes",
        "fortnight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "midnight",
        "noon",
        "dawn",
        "dusk",
        "soon",
        "shortly",
        "imminently",
        "immediately",
        "later",
        "earlier",
        "recently",
        "ago",
        "future",
        "course",
        "yesterday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "christmas",
        "easter",
        "thanksgiving",
        "ramadan",
        "eid",
        "diwali",
        "hanukkah",
        "halloween",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "term",
        "session",
        "half",
        "deadline",
    ]
)


_AHEAD_WORDS = frozenset(
    {"could", "might", "may", "can", "going", "plans", "plan", "until", "by", "next", "expects"}
)


_PAST_MARKERS = frozenset({"had", "was", "were", "did", "ago", "last"})


def _clause_tense(toks: Sequence[Tok]) -> str:
    """ "past" for a clause with a past marker and nothing that looks ahead, else
    "future" (the tense ``find_windows`` resolves bare weekdays and months in)."""
    past = False
    for k, t in enumerate(toks):
        low = t.low
        if low in LIST_TRIGGERS or low in _AHEAD_WORDS or low.endswith(("'ll", "’ll")):
            return "future"
        if low == "to" and k + 1 < len(toks) and toks[k + 1].low in VERBS:
            return "future"
        if low in _PAST_MARKERS:
            past = True
    return "past" if past else "future"


def _may_hold_time(toks: Sequence[Tok]) -> bool:
    """Whether a clause has a digit or a word that time phrases are made of."""
    return any(t.low in _TIME_HINTS or t.text[:1].isdigit() for t in toks)


class DueReading(ReaderState):
    """Finds the due window of a unit."""

    def _due_from_sentence(
        self, u: Unit, base: int, clause: str, toks: Sequence[Tok]
    ) -> DueChoice | None:
        # A clause with no time phrase of its own: its sentence may give one before it.
        lo = max(u.sentence[0], base - SENTENCE_CONTEXT)
        prefix = self.text[lo:base]
        if not needs_sentence(prefix, clause):
            return None
        try:
            windows = self.context.find_windows(prefix, tense=_clause_tense(toks))
        except Exception:  # a failing time grammar must not lose the claim itself
            return None

        def reparse(phrase: str) -> TimeWindow | None:
            again = self.context.find_windows(phrase, tense=_clause_tense(toks))
            return again[0][1] if again else None

        return due_from_sentence(prefix, windows, clause, reparse)

    def _due(self, u: Unit, found: Analysis, toks: Sequence[Tok]) -> DueChoice | None:
        if not toks:
            return None
        base = toks[0].start
        clause = self.text[base : toks[-1].end]
        skip: tuple[int, int] | None = None
        if found.condition is not None:
            a, b = found.condition
            skip = (toks[a].start - base, toks[b - 1].end - base)
        # The time grammar is the costliest step: clauses with no hint skip it.
        windows: list[tuple[tuple[int, int], TimeWindow]] = []
        try:
            if _may_hold_time(toks):
                windows = self.context.find_windows(clause, tense=_clause_tense(toks))
        except Exception:  # a failing time grammar must not lose the claim itself
            return None
        verb_at = -1
        if found.verb is not None and 0 <= found.verb < len(toks):
            verb_at = toks[found.verb].start - base

        def reparse(phrase: str) -> TimeWindow | None:
            again = self.context.find_windows(phrase, tense=_clause_tense(toks))
            return again[0][1] if again else None

        ctx = DueContext(clause, verb_at, skip, reparse, self._last_day, self._last_due)
        picked = choose_due(windows, ctx)
        if picked is None and u.sentence[0] < base:
            picked = self._due_from_sentence(u, base, clause, toks)
        if picked is not None and picked.window.resolved:
            if picked.window.grain is Grain.DAY:
                self._last_day = picked.window
            self._last_due = picked.window
        return picked

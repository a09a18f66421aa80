"""Guards the rules share: what the words around a match say about it."""

from __future__ import annotations

from . import _lexicon as lex
from ._engine import M

# Before a weekday, words that make it habitual ("on a Saturday", "every Monday").
HABITUAL = frozenset({"a", "an", "every", "each"})
# Words joining the two ends of a range ("October to December", "Monday through Friday").
RANGE_WORDS = frozenset({"to", "until", "till", "through", "thru"})
# Cue words that also stand before counts ("and 2030 drones", "about 2000 people").
WEAK_CUES = frozenset({"and", "or", "than", "about", "around", "to", "of", "for", "as"})


def cued(m: M, k: int | None = None) -> bool:
    """Whether a cue word stands before token ``k`` (the match's start by default):
    always outside find mode, and inside a value its parent marked as cued."""
    if not m.find or m.cue_flag:
        return True
    k = m.i if k is None else k
    prev = m.base(k - 1)
    if prev in lex.CUES:
        return True
    t = m.tok(k - 1)
    if t is not None and t.kind == "p" and t.text in "-–" and m.base(k - 2) in lex.THIRD_WORDS:
        return True
    return prev in ("week", "weekend", "day") and m.base(k - 2) == "the"


def punct(m: M, k: int, chars: str) -> bool:
    t = m.tok(k)
    return t is not None and t.kind == "p" and t.text in chars


def ends_clause(m: M, k: int) -> bool:
    """Whether token ``k`` is past the end or punctuation."""
    t = m.tok(k)
    return t is None or t.kind == "p"


def habit_word(m: M, k: int) -> bool:
    prev = m.base(k - 1)
    if prev in HABITUAL:
        return True
    return prev in ("other", "second", "third") and m.base(k - 2) in ("every", "each")


def habitual(m: M, k: int) -> bool:
    """Whether the name at ``k`` is habitual ("on a Saturday", "every Monday", "each
    March", "every other Friday"): a recurring day, not one date."""
    if habit_word(m, k):
        return True
    # the end of a habitual range: "every Monday to Friday", "on Mondays-Fridays"
    at = k - 2 if m.base(k - 1) in RANGE_WORDS or punct(m, k - 1, "-–—") else -1
    return (
        at >= 0 and m.base(at) in lex.WEEKDAYS and (m.base(at).endswith("s") or habit_word(m, at))
    )

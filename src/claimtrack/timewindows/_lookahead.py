"""Two-token lookahead for the rule engine: which rules can start with a pair of tokens.

The engine indexes rules by the token key a match can start with.  Most rules tried at
a token still fail at the next one ("the minister": every rule that can start with
"the" wants a date word after it), and each failed try costs sub-matches.  This module
answers, once per (category or rule, first key, second key), whether a match can begin
with those two keys, so the engine tries only the rules that can:

- ``single(cat)``: the keys of one-token matches of ``cat`` (computed at build);
- ``rule_can_start(rule, k1, k2)``: whether ``rule`` has a one-token match ``k1`` or a
  longer match starting ``k1 k2`` (``k2`` is :data:`END` past the last token).

The answers ignore glue (``~``) and what productions and token classes reject, so they
only ever say "maybe" where a match is impossible, never "no" where one is possible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._engine import Elem, Rule

# The second key of a token that is the last one.
END = "\0"


class Lookahead:
    """Two-token lookahead over a compiled rule table (see the module docstring)."""

    def __init__(self, by_cat: dict[str, list[Rule]]) -> None:
        self.by_cat = by_cat
        self.single: dict[str, frozenset[str]] = self._singles()
        self._two: dict[tuple[str, str, str], bool] = {}

    def _singles(self) -> dict[str, frozenset[str]]:
        single: dict[str, set[str]] = {cat: set() for cat in self.by_cat}
        changed = True
        while changed:
            changed = False
            for cat, rules in self.by_cat.items():
                for rule in rules:
                    found = self._seq_single(rule.elems, single)
                    if not found <= single[cat]:
                        single[cat] |= found
                        changed = True
        return {cat: frozenset(keys) for cat, keys in single.items()}

    @staticmethod
    def _seq_single(elems: Sequence[Elem], single: dict[str, set[str]]) -> set[str]:
        """The keys of one-token matches of a pattern: one element takes the token,
        every other one is optional."""
        out: set[str] = set()
        required = [k for k, e in enumerate(elems) if not e.optional]
        for k, e in enumerate(elems):
            if required and required != [k]:
                continue
            out |= single[e.cat] if e.what == "c" else e.words
        return out

    def rule_can_start(self, rule: Rule, k1: str, k2: str) -> bool:
        """Whether ``rule`` can match a single token ``k1``, or more tokens starting
        ``k1 k2``."""
        elems = rule.elems
        for k, e in enumerate(elems):
            if k1 in e.words:
                one = self.single[e.cat] if e.what == "c" else e.words
                if k1 in one and _rest_starts(elems, k + 1, k2):
                    return True
                if e.what == "c" and k2 != END and self.two(e.cat, k1, k2):
                    return True
            if not e.optional:
                return False
        return False

    def two(self, cat: str, k1: str, k2: str) -> bool:
        """Whether ``cat`` has a match of two or more tokens starting ``k1 k2``."""
        key = (cat, k1, k2)
        found = self._two.get(key)
        if found is None:
            if len(self._two) > 100_000:
                self._two.clear()  # bounded memory on any stream of texts
            # A category that reaches itself at one token (none does today) is
            # answered "maybe" while it is being worked out: never a wrong "no".
            self._two[key] = True
            found = any(self._two_of(rule, k1, k2) for rule in self.by_cat[cat])
            self._two[key] = found
        return found

    def _two_of(self, rule: Rule, k1: str, k2: str) -> bool:
        elems = rule.elems
        for k, e in enumerate(elems):
            if k1 in e.words:
                one = self.single[e.cat] if e.what == "c" else e.words
                if k1 in one and k2 != END and _rest_first(elems, k + 1, k2):
                    return True
                if e.what == "c" and self.two(e.cat, k1, k2):
                    return True
            if not e.optional:
                return False
        return False


def _rest_first(elems: Sequence[Elem], k: int, key: str) -> bool:
    """Whether the elements from ``k`` on can start with ``key``."""
    for e in elems[k:]:
        if key in e.words:
            return True
        if not e.optional:
            return False
    return False


def _rest_starts(elems: Sequence[Elem], k: int, k2: str) -> bool:
    """After a one-token element at ``k - 1``: whether the rest can be skipped (the
    match ends there, whatever follows) or can start with ``k2``."""
    if all(e.optional for e in elems[k:]):
        return True
    return k2 != END and _rest_first(elems, k, k2)

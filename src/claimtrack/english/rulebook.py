"""Named rules: the unit every decision of the extractor is made by.

A :class:`Rule` is a name, the function that applies it and the examples that show it
(short texts of our own with the value the rule must give).  Rules are grouped in
ordered tuples, one per stage (attribution, actor, due); :func:`first` runs a group as a
sieve — the first rule to give an answer decides, and its name goes into the claim's
``rules``, so a wrong claim shows where to look.  ``tests/test_named_rules.py`` runs
every example of every rule through the whole extractor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["Example", "Rule", "first"]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., object])


@attrs.frozen
class Example:
    """A text of our own and what the rule must make of it.

    ``text`` is an article body (published on Wednesday 12 March 2025 at noon UTC by
    "The Courier"); the claim whose text contains ``claim`` must carry the rule's name
    in its ``rules`` and have ``field`` (``"speaker"``, ``"actor"`` or ``"due"``, read
    as the actor's name or the window's text) equal to ``expected`` (None: no value).
    """

    text: str
    claim: str
    field: str
    expected: str | None

    def __attrs_post_init__(self) -> None:
        if self.field not in {"speaker", "actor", "due"}:
            raise ValueError(f"an example checks speaker, actor or due, not {self.field!r}")
        if self.claim not in self.text:
            raise ValueError(f"the example's claim {self.claim!r} is not in its text")


@attrs.frozen
class Rule(Generic[F]):
    """One named rule: ``apply`` decides, ``examples`` show what it decides."""

    name: str
    apply: F
    examples: tuple[Example, ...] = ()
    doc: str = ""


def first(rules: Sequence[Rule[Callable[..., T | None]]], *args: object) -> tuple[str, T] | None:
    """Run ``rules`` in order on ``args``; the first non-None answer, with its rule's name."""
    for rule in rules:
        found = rule.apply(*args)
        if found is not None:
            return rule.name, found
    return None

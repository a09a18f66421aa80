"""Invariants of the kind engine on any token sequence: it never raises, every range it
returns lies inside the clause, a rule's name is recorded only when it decided, and the
work is bounded by the clause's length (each rule looks a bounded way around a token)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.english.kind.clauses import pieces
from claimtrack.english.kind.engine import Clause, revise
from claimtrack.english.kind.rules import RULES
from claimtrack.english.kinds import analyse
from claimtrack.english.text import Tok, TokenIndex

WORDS = [
    "the", "council", "will", "is", "to", "be", "freed", "on", "track", "set", "for",
    "expected", "open", "in", "May", "2027", ",", "while", "which", "with", "–", "but",
    "plans", "plan", "council's", "willing", "offered", "host", "date", "confirmed", "as",
    "it", "seems", "unlikely", "matter", "of", "weeks", "before", "sets", "deadline",
    "we", "are", "pleased", "that", "can", "now", "confirm", "falling", "later", "?",
    "Council", "Rovers", "Phase", "one", "ends", "co", "-", "hosting", "next", "and",
]  # fmt: skip


def _toks(words: list[str]) -> list[Tok]:
    text = " ".join(words)
    return TokenIndex(text).slice(0, len(text))


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(WORDS), max_size=40),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_analyse_never_raises_and_stays_in_range(
    words: list[str], publisher: bool, headline: bool, reported: bool
) -> None:
    toks = _toks(words)
    found = analyse(
        toks, publisher=publisher, headline=headline, reported=reported, cue="announced"
    )
    n = len(toks)
    for span in (found.subject, found.action, found.condition, found.addressee):
        assert span is None or 0 <= span[0] < span[1] <= n
    assert found.verb is None or 0 <= found.verb < n
    assert len(set(found.rules)) == len(found.rules)


@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_a_rule_name_is_recorded_only_when_the_rule_decided(words: list[str]) -> None:
    toks = _toks(words)
    clause = Clause(toks=toks, publisher=True)
    base = analyse(toks, publisher=True)._replace(rules=())
    out = revise(clause, base, RULES)
    decided = [r.name for r in RULES if r.name in out.rules]
    assert len(decided) <= 1
    if not decided:
        assert out == base


class _Counting(Sequence[Tok]):
    """A token sequence that counts how many tokens the code under test reads."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.reads = 0

    def __len__(self) -> int:
        return len(self.toks)

    @overload
    def __getitem__(self, i: int) -> Tok: ...
    @overload
    def __getitem__(self, i: slice) -> list[Tok]: ...
    def __getitem__(self, i: int | slice) -> Tok | list[Tok]:
        got = self.toks[i]
        self.reads += len(got) if isinstance(got, list) else 1
        return got


def _reads(unit: str, times: int) -> tuple[int, int]:
    toks = _Counting(_toks((unit * times).split()))
    analyse(toks, publisher=True)
    a = toks.reads
    toks.reads = 0
    pieces(toks)
    return a, toks.reads


@pytest.mark.parametrize(
    "unit",
    [
        "the council is to be freed on track set for , with it falling later in May ",
        "the plans of the council's plan to , while it will open , and we will , when ",
        "X will , with the slot falling in 2027 , with teams coming , with ",
    ],
)
def test_reading_a_clause_touches_a_number_of_tokens_linear_in_its_length(unit: str) -> None:
    small = _reads(unit, 20)
    large = _reads(unit, 80)
    for s, big in zip(small, large, strict=True):
        assert big <= 4 * s * 1.25 + 50, (small, large)

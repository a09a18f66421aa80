"""The rule tables' own examples: each rule reads the phrases written beside it and
none of the phrases it lists as rejects; names are unique; the engine's work is bounded
per token."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.timewindows._engine import MAX_SPAN, M, Rule
from claimtrack.timewindows._grammar import GRAMMAR, parser
from claimtrack.timewindows._parser import Parser
from claimtrack.timewindows._tokens import tokenize
from claimtrack.timewindows._values import Ctx, T

REF = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)
RULES = [r for r in GRAMMAR.rules if r.prod is not None]


def reads(rule: Rule, text: str) -> list[object]:
    """The values ``rule`` gives for the whole of ``text`` (parse_window's mode)."""
    toks = tokenize(text)
    p = parser(toks, find=False)
    out: list[object] = []
    assert rule.prod is not None
    for end, (caps, _kids) in p._seq(rule.elems, 0, False).items():
        if end == len(toks):
            value = rule.prod(M(rule, caps, toks, 0, end, False, False))
            if value is not None:
                out.append(value)
    return out


EXAMPLES = [(r.name, text) for r in RULES for text in r.examples]
REJECTS = [(r.name, text) for r in RULES for text in r.rejects]
BY_NAME = {r.name: r for r in GRAMMAR.rules}


def test_rule_names_are_unique() -> None:
    names = [r.name for r in GRAMMAR.rules]
    assert len(names) == len(set(names))


def test_most_rules_show_an_example() -> None:
    # Rules generated from word lists (holiday names, prepositions, vague phrases) are
    # their own examples; the hand-written ones carry theirs.
    written = [r for r in RULES if " " not in r.name]
    assert sum(bool(r.examples) for r in written) >= 0.6 * len(written)


@pytest.mark.parametrize(("name", "text"), EXAMPLES)
def test_rule_reads_its_examples(name: str, text: str) -> None:
    values = reads(BY_NAME[name], text)
    assert values, f"{name} does not read {text!r}"
    for value in values:
        if isinstance(value, T):
            # Resolution in some context gives a window (or None for a date the
            # context lacks, never an error).
            for tense in (None, "past", "future"):
                value.resolve(Ctx(REF, tense))


@pytest.mark.parametrize(("name", "text"), REJECTS)
def test_rule_rejects_its_negatives(name: str, text: str) -> None:
    assert not reads(BY_NAME[name], text), f"{name} reads {text!r}"


WORDS = st.sampled_from(
    [
        "by",
        "the",
        "end",
        "of",
        "March",
        "next",
        "week",
        "from",
        "5",
        "to",
        "16",
        "August",
        "-",
        ",",
        ".",
        "2025",
        "20th",
        "on",
        "Friday",
        "in",
        "within",
        "days",
        "of",
        "3pm",
        "Q3",
        "the",
        "second",
        "half",
        "2026/27",
        "since",
        "for",
        "and",
        "or",
        "early",
        "mid",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=120))
def test_work_is_bounded_per_token(words: list[str]) -> None:
    """Every memo entry is one (category, token, cue) and reaches at most MAX_SPAN
    tokens on: the scan's work grows with the number of tokens, not faster."""
    toks = tokenize(" ".join(words))
    p = Parser(GRAMMAR, toks, find=True)
    for i in range(len(toks)):
        p.match("phrase", i)
    entries = p.entries()
    assert len(entries) <= 2 * len(GRAMMAR.by_cat) * (len(toks) + 1)
    for _cat, i, _cue, ends in entries:
        assert all(i < end <= i + MAX_SPAN for end in ends)

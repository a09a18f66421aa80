"""Every named segmentation rule's examples: a positive example's sentence is cut into
the listed pieces, each naming the rule; a negative example is left alone by the rule.
Through the whole extractor, a piece that becomes a claim names the rule in its
``rules``.  Plus the engine's invariants, as properties."""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.english.segment import RULES, Context, Example, SegmentRule, grammar, refine, split
from claimtrack.testing import extract_english
from claimtrack.text import tokenize

PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)

CASES = [
    pytest.param(rule, example, id=f"{rule.name}-{n}")
    for rule in RULES
    for n, example in enumerate(rule.examples)
]


def _texts(text: str, context: Context, name: str) -> list[str]:
    toks = tokenize(text)
    return [
        text[toks[p.start].start : toks[p.end - 1].end]
        for p in split(toks, context)
        if name in p.rules
    ]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example_pieces(rule: SegmentRule, example: Example) -> None:
    assert sorted(_texts(example.text, example.context, rule.name)) == sorted(example.pieces)


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example_through_the_extractor(rule: SegmentRule, example: Example) -> None:
    # The whole extractor keeps the pieces apart (whichever stage cuts them first), and
    # a negative example's claims never name the rule.
    text = example.text
    if example.context.direct:
        text = f'"{text}" the director said.'
    elif example.context.cue:
        text = f"The party released its plan on Monday, {example.context.cue} {text}."
    claims = extract_english(text, published=PUBLISHED, publisher="Example Gazette")
    if not example.pieces:
        assert all(rule.name not in c.rules for c in claims), [c.rules for c in claims]
        return
    apart = [p for p in example.pieces if not any(p != q and p in q for q in example.pieces)]
    for claim in claims:
        held = [p for p in apart if p in claim.text]
        assert len(held) <= 1, (claim.text, held)


def test_every_rule_has_a_positive_and_a_negative_example() -> None:
    for rule in RULES:
        assert {bool(e.pieces) for e in rule.examples} == {True, False}, rule.name


def test_rule_names_are_unique_and_dotted_by_family() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(name.startswith("segment.") and name.count(".") == 1 for name in names)


def test_a_split_claim_names_its_rule_in_the_record() -> None:
    claims = extract_english(
        "The mayor said the pool is open again but the gym will stay shut until the spring.",
        published=PUBLISHED,
    )
    texts = {c.text: c.rules for c in claims}
    assert "the gym will stay shut until the spring" in texts
    assert "segment.conjoined-clauses" in texts["the gym will stay shut until the spring"]


def test_a_second_dated_object_keeps_the_verb_kind() -> None:
    claims = extract_english(
        "The carrier will launch its Leeds route from 1 July and the Oslo service from "
        "3 July, the company said.",
        published=PUBLISHED,
    )
    second = next(c for c in claims if c.text == "the Oslo service from 3 July")
    assert second.kind.value == "commitment"


WORDS = st.sampled_from(
    ["the", "depot", "will", "close", "and", "but", ",", "which", "with", "staff",
     "expected", "we", "are", "pleased", "that", "from", "July", "1", "including", ";",
     "it", "was", "said", "marking", "requesting", "However", "given", "opened", "."]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_pieces_lie_inside_the_sentence_in_order(words: list[str]) -> None:
    text = " ".join(words)
    toks = tokenize(text)
    pieces = split(toks)
    plain = [p for p in pieces if not p.extra]
    for p in pieces:
        assert 0 <= p.start < p.end <= len(toks)
        assert not p.rules or any(t.is_word for t in toks[p.start : p.end])
    for a, b in itertools.pairwise(plain):
        assert a.end <= b.start


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_refine_keeps_heads_pointing_backwards(words: list[str]) -> None:
    toks = tokenize(" ".join(words))
    out = refine(toks, [(0, len(toks), frozenset(), None)] if toks else [])
    for index, (_a, _b, _flags, head, _rules) in enumerate(out):
        assert head is None or 0 <= head < index


def test_segmentation_work_grows_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = grammar.finite

    def counting(tok: object, after_pronoun: bool = False) -> bool:
        nonlocal calls
        calls += 1
        return real(tok, after_pronoun)  # type: ignore[arg-type]

    for module in ("clauses", "adjuncts", "objects", "grammar"):
        monkeypatch.setattr(f"claimtrack.english.segment.{module}.finite", counting, raising=False)
    sentence = "the depot will close in May and the staff will move , with crews expected to go"
    counts = []
    for k in (10, 40):
        calls = 0
        split(tokenize(" and ".join([sentence] * k)))
        counts.append(calls)
    assert counts[1] <= 4 * counts[0] * 1.5

"""Every named kind rule's examples, run through the whole English extractor: a
positive example's claim comes out with the rule's kind and names the rule; on a
negative example the rule does not fire."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack.english.kind.engine import Example, KindRule
from claimtrack.english.kind.rules import RULES
from claimtrack.english.kinds import analyse
from claimtrack.english.text import TokenIndex
from claimtrack.testing import extract_english

# A Wednesday.
PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)

CASES = [
    pytest.param(rule, example, id=f"{rule.name}-{n}")
    for rule in RULES
    for n, example in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: KindRule, example: Example) -> None:
    claims = extract_english(example.text, published=PUBLISHED, publisher=example.publisher)
    found = [c for c in claims if example.claim in c.text]
    if example.dropped:
        assert not found, [c.text for c in found]
        text = example.text.strip()
        reading = analyse(TokenIndex(text).slice(0, len(text)), publisher=True)
        assert rule.name in reading.rules and reading.kind is example.kind
        return
    if example.kind is None:
        assert all(rule.name not in c.rules for c in found), [c.rules for c in found]
        return
    assert found, f"no claim holds {example.claim!r}: {[c.text for c in claims]}"
    # the claim the rule made, when a wider one (its sentence) also holds the words
    (claim,) = [c for c in found if rule.name in c.rules][:1] or found[:1]
    assert claim.kind is example.kind, claim.rules
    assert rule.name in claim.rules


def test_every_rule_has_a_positive_and_a_negative_example() -> None:
    for rule in RULES:
        kinds = {e.kind is None for e in rule.examples}
        assert kinds == {True, False}, rule.name


def test_rule_names_are_unique_and_dotted_by_family() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(name.count(".") == 1 for name in names)

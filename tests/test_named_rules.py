"""Every named rule of the attribution, actor and due stages shows what it decides: its
examples (sentences of our own) run through the whole extractor, and the claim they
name carries the rule's name in ``Claim.rules`` with the value the example expects."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack import ExtractContext, Source
from claimtrack.english import actor, attribution, due, extract_claims
from claimtrack.english.rulebook import Example, Rule, first
from claimtrack.model import Claim

PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)
STAGES: dict[str, tuple[Rule[object], ...]] = {
    "attribution": attribution.RULES,  # type: ignore[dict-item]
    "actor": actor.RULES,  # type: ignore[dict-item]
    "due": due.SKIP_RULES + due.PICK_RULES + due.SENTENCE_RULES,  # type: ignore[dict-item]
}
ALL = [rule for rules in STAGES.values() for rule in rules]
EXAMPLES = [(rule.name, ex) for rule in ALL for ex in rule.examples]


def claims_of(text: str) -> list[Claim]:
    source = Source.from_text(text, published_at=PUBLISHED, publisher="The Courier")
    return list(extract_claims(source, ExtractContext(reference=PUBLISHED)))


def value(claim: Claim, field: str) -> str | None:
    if field == "speaker":
        return claim.speaker.name if claim.speaker else None
    if field == "actor":
        return claim.actor.name if claim.actor else None
    return claim.due.text if claim.due else None


@pytest.mark.parametrize(
    ("name", "example"), EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)]
)
def test_rule_example_holds(name: str, example: Example) -> None:
    claims = [c for c in claims_of(example.text) if example.claim in c.text]
    assert claims, f"{name}: no claim holds {example.claim!r}"
    made = [c for c in claims if name in c.rules]
    assert made, f"{name}: the claim was made by {claims[0].rules}, not by this rule"
    assert value(made[0], example.field) == example.expected


def test_rule_names_are_unique_and_name_their_stage() -> None:
    names = [rule.name for rule in ALL]
    assert len(names) == len(set(names))
    for stage, rules in STAGES.items():
        assert all(rule.name.startswith(stage + ".") for rule in rules)


def test_every_rule_says_what_it_does() -> None:
    assert all(rule.doc or rule.examples for rule in ALL)


def test_claims_name_only_known_rules() -> None:
    known = {rule.name for rule in ALL} | {"due.condition"}
    text = " ".join(ex.text for _, ex in EXAMPLES[:12])
    for claim in claims_of(text):
        mine = [r for r in claim.rules if r.split(".")[0] in STAGES]
        assert mine, claim.text
        assert set(mine) <= known, claim.rules


def test_a_sieve_answers_with_its_first_rule() -> None:
    rules = (
        Rule("t.none", lambda x: None),
        Rule("t.even", lambda x: "even" if x % 2 == 0 else None),
        Rule("t.any", lambda x: "any"),
    )
    assert first(rules, 4) == ("t.even", "even")
    assert first(rules, 3) == ("t.any", "any")
    assert first(rules[:1], 3) is None


def test_an_example_must_hold_its_claim() -> None:
    with pytest.raises(ValueError, match="not in its text"):
        Example(text="The depot will open.", claim="the bridge", field="due", expected=None)
    with pytest.raises(ValueError, match="speaker, actor or due"):
        Example(text="The depot will open.", claim="depot", field="kind", expected=None)

"""The English extractor on the seed article: the fine-grained behaviours the gold shows."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from claimtrack import Claim, ClaimKind, ExtractContext
from claimtrack.english import extract_claims
from claimtrack.loading import source_from_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4f9421fb867c1b8c.txt"
PUBLISHED = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def seed_claims() -> list[Claim]:
    if not SEED.exists():
        pytest.skip("seed article not present")
    source = source_from_text(SEED.read_text(encoding="utf-8"))
    source = type(source)(
        **{
            **{f: getattr(source, f) for f in ("id", "text", "uri", "title", "language")},
            "published_at": PUBLISHED,
        }
    )
    return list(extract_claims(source, ExtractContext(reference=PUBLISHED)))


def by_text(claims: list[Claim], words: str) -> list[Claim]:
    return [c for c in claims if words in c.text]


def test_publisher_from_byline(seed_claims: list[Claim]) -> None:
    headline = by_text(seed_claims, "Military chiefs to meet in UK next week")[0]
    assert headline.speaker is not None and headline.speaker.name == "LBC"
    assert headline.kind is ClaimKind.COMMITMENT


def test_no_claims_from_furniture(seed_claims: list[Claim]) -> None:
    for c in seed_claims:
        assert "Listen to this article" not in c.text
        assert "Loading audio" not in c.text
        assert "Alice Padgett" not in c.text


def test_one_actor_one_id(seed_claims: list[Claim]) -> None:
    starmer = {c.speaker.id for c in seed_claims if c.speaker and "operational" in c.text}
    pm = {c.speaker.id for c in by_text(seed_claims, "not good enough")}  # "The Prime Minister"
    he = {c.speaker.id for c in by_text(seed_claims, "Stop and agree")}  # "he said"
    sir_keir = {c.speaker.id for c in by_text(seed_claims, "weaken their war machine")}
    assert len(starmer | pm | he | sir_keir) == 1


def test_coordinated_commitments_split(seed_claims: list[Claim]) -> None:
    for words in (
        "accelerate our military support",
        "tighten our sanctions",
        "continue to explore",
    ):
        hits = by_text(seed_claims, words)
        assert len(hits) == 1 and hits[0].kind is ClaimKind.COMMITMENT
    assert by_text(seed_claims, "tighten our sanctions")[0].actor is not None


def test_joint_attribution_gives_two_claims(seed_claims: list[Claim]) -> None:
    hits = by_text(seed_claims, "of adding unnecessary complications")
    assert len(hits) == 2
    assert {c.speaker.name for c in hits if c.speaker} == {"Volodymyr Zelenskyy", "Emmanuel Macron"}


def test_role_phrase_through_apposition(seed_claims: list[Claim]) -> None:
    davey = by_text(seed_claims, "Putin could end this war today")[0]
    assert davey.speaker is not None and davey.speaker.name == "Ed Davey"


def test_conditions_and_we(seed_claims: list[Claim]) -> None:
    ready = by_text(seed_claims, "be ready to deploy")[0]
    assert ready.condition == "in the event of a peace deal"
    assert ready.actor is not None and ready.actor.name == "coalition of the willing"


def test_due_windows_when_time_grammar_resolves(seed_claims: list[Claim]) -> None:
    meet = by_text(seed_claims, "set to meet in London on Thursday")[0]
    assert meet.due is not None and meet.due.text == "on Thursday"
    if meet.due.start is not None:
        assert meet.due.start.date().isoformat() == "2025-03-20"

"""Commitments that are not a finite future clause name who is to act: the owner of a
nominal plan ("the council's plan to build"), the subject of "pressing ahead with plans
to", the offering side of an offer, the one who stands ready."""

from __future__ import annotations

from datetime import datetime, timezone

from claimtrack import Claim, ClaimKind
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english

PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)


def run(text: str) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher="Valley Herald")


def actor(claim: Claim) -> str:
    assert claim.actor is not None
    return claim.actor.name.lower()


def test_pressing_ahead_with_plans_is_the_subjects_commitment() -> None:
    claim = find(
        run("The mayor said the council was pressing ahead with plans to open two schools.\n"),
        "plans to open",
    )
    assert claim.kind is ClaimKind.COMMITMENT
    assert actor(claim) == "the council"
    assert claim.action == "open two schools"


def test_a_possessive_plan_is_its_owners() -> None:
    claim = find(
        run("The mayor praised the trust's plan to build two clinics by 2028.\n"), "plan to build"
    )
    assert claim.kind is ClaimKind.COMMITMENT
    assert "trust" in actor(claim) and "mayor" not in actor(claim)
    assert claim.due is not None and claim.due.end is not None and claim.due.end.year == 2029


def test_an_offer_is_the_offering_sides() -> None:
    claim = find(
        run("Norway has offered to host the next round of talks, the ministry said.\n"),
        "offered to host",
    )
    assert claim.kind is ClaimKind.COMMITMENT
    assert actor(claim) == "norway"


def test_readiness_is_the_ready_sides() -> None:
    claim = find(
        run("The union remains willing to negotiate with the board, its leader said.\n"), "willing"
    )
    assert claim.kind is ClaimKind.COMMITMENT
    assert actor(claim) == "the union"
    assert claim.action is not None and claim.action.startswith("negotiate")


def test_a_negative_resolve_is_a_commitment() -> None:
    claim = find(run("The city will not sell the land, the mayor said.\n"), "not sell")
    assert claim.kind is ClaimKind.COMMITMENT
    assert claim.action == "not sell the land"


def test_an_infinitival_passive_is_scheduled() -> None:
    claim = find(run("The detainees are to be freed in stages, the mediators said.\n"), "freed")
    assert claim.kind is ClaimKind.COMMITMENT
    assert "schedule.is-to" in claim.rules

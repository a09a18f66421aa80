"""What re-extracting a source does to its stored claims, decided without a database:
each rule of :mod:`claimtrack.reextraction` by an example, then the invariants of the
whole plan over arbitrary held and new claims."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Claim
from claimtrack.reextraction import (
    HeldClaim,
    carried_note,
    is_replaced,
    keeps_its_own,
    plan_reextraction,
    successor,
)

SOURCE = "s" * 16


def new(start: int, end: int, extractor: str | None = "english") -> Claim:
    return Claim.build(
        source_id=SOURCE,
        span=(start, end),
        speaker=None,
        kind="statement",
        text="x" * (end - start),
        extractor=extractor,
    )


def test_replaced_only_the_extractors_that_ran() -> None:
    assert is_replaced("english", None)
    assert is_replaced("english", {"english"})
    assert not is_replaced("dates", {"english"})


def test_kept_own_a_claim_an_extractor_not_run_now_holds() -> None:
    assert keeps_its_own(True, "dates", {"english"})
    assert not keeps_its_own(False, "dates", {"english"})  # retired: made again
    assert not keeps_its_own(True, "english", {"english"})
    assert not keeps_its_own(True, "dates", None)


def test_person_stays_a_claim_a_person_recorded_is_never_retired() -> None:
    held = [HeldClaim("mine", (0, 10), "person:ana"), HeldClaim("old", (0, 10), "english")]
    plan = plan_reextraction(held, [new(0, 12)], None)
    assert plan.retire == ["old"] and plan.replaced == ["mine", "old"]


def test_retired_what_the_new_run_did_not_make_again() -> None:
    again = new(0, 10)
    held = [HeldClaim(again.id, (0, 10), "english"), HeldClaim("gone", (20, 30), "english")]
    plan = plan_reextraction(held, [again], None)
    assert plan.retire == ["gone"] and plan.moves == {}


def test_carried_to_the_most_overlapping_claim_of_the_same_extractor() -> None:
    small, big, other = new(0, 4), new(3, 12), new(0, 12, "dates")
    assert successor((2, 10), "english", [small, big, other]) == big.id
    assert successor((2, 10), "dates", [small, big, other]) == other.id
    assert successor((20, 30), "english", [small, big]) is None
    tie_a, tie_b = new(0, 5), new(5, 12)
    assert successor((3, 7), "english", [tie_a, tie_b]) == tie_a.id  # the first on a tie


def test_carried_note_says_where_it_came_from() -> None:
    assert carried_note("abc", None) == "moved from claim abc when the source was re-extracted"
    assert carried_note("abc", "seen") == (
        "moved from claim abc when the source was re-extracted; seen"
    )


EXTRACTORS = st.sampled_from(["english", "dates", "person:ana", None])
SPANS = st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1]))
held_claims = st.lists(
    st.builds(
        lambda i, span, ex: HeldClaim(f"h{i}", span, ex), st.integers(0, 30), SPANS, EXTRACTORS
    ),
    max_size=8,
    unique_by=lambda h: h.id,
)
new_claims = st.lists(
    st.builds(lambda span, ex: new(*span, extractor=ex), SPANS, EXTRACTORS),
    max_size=8,
    unique_by=lambda c: c.id,
)
replaces = st.none() | st.frozensets(st.sampled_from(["english", "dates", "person:ana"]))


@given(held_claims, new_claims, replaces)
def test_a_plan_retires_only_replaced_claims_not_made_again(
    held: list[HeldClaim], claims: list[Claim], replace: frozenset[str] | None
) -> None:
    plan = plan_reextraction(held, claims, replace)
    by_id = {h.id: h for h in held}
    new_ids = {c.id for c in claims}
    assert plan.replaced == [h.id for h in held if is_replaced(h.extractor, replace)]
    assert set(plan.retire) <= set(plan.replaced)
    assert not set(plan.retire) & new_ids
    for cid in plan.retire:
        assert not str(by_id[cid].extractor or "").startswith("person")
    for h in held:  # every replaced, non-person claim not made again is retired
        if h.id in plan.replaced and h.id not in new_ids:
            assert (h.id in plan.retire) != str(h.extractor or "").startswith("person")


@given(held_claims, new_claims, replaces)
def test_evidence_moves_only_to_an_overlapping_claim_of_its_own_extractor(
    held: list[HeldClaim], claims: list[Claim], replace: frozenset[str] | None
) -> None:
    plan = plan_reextraction(held, claims, replace)
    by_id = {h.id: h for h in held}
    made = {c.id: c for c in claims}
    assert set(plan.moves) <= set(plan.retire)
    for old, target in plan.moves.items():
        h, c = by_id[old], made[target]
        assert c.extractor == h.extractor
        overlap = min(h.span[1], c.span[1]) - max(h.span[0], c.span[0])
        assert overlap > 0
        for other in claims:  # none of its extractor overlaps more
            if other.extractor == h.extractor:
                assert min(h.span[1], other.span[1]) - max(h.span[0], other.span[0]) <= overlap
    for cid in plan.retire:  # a retired claim with an overlapping successor always moves
        h = by_id[cid]
        if any(
            c.extractor == h.extractor and min(h.span[1], c.span[1]) > max(h.span[0], c.span[0])
            for c in claims
        ):
            assert cid in plan.moves


@given(held_claims, new_claims)
def test_extracting_the_same_claims_again_retires_nothing(
    held: list[HeldClaim], claims: list[Claim]
) -> None:
    now_held = [HeldClaim(c.id, c.span, c.extractor) for c in claims]
    plan = plan_reextraction(now_held, claims, None)
    assert plan.retire == [] and plan.moves == {}

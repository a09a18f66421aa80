"""Failure classes found on the blind2 set, checked on our own short sentences."""

from __future__ import annotations

import claimtrack
from claimtrack.model import ClaimKind

PUB = "2025-03-15T12:00:00+00:00"


def _kinds(text: str) -> dict[str, ClaimKind]:
    return {c.text: c.kind for c in claimtrack.extract(text, published=PUB)}


def _kind_of(text: str, fragment: str) -> ClaimKind:
    for t, k in _kinds(text).items():
        if fragment in t:
            return k
    raise AssertionError(f"no claim with {fragment!r} in {_kinds(text)}")


def test_union_official_speaks_for_members() -> None:
    text = (
        "The regional secretary of the nurses' union, Paula Grey, spoke on Monday.\n\n"
        '"Unless the trust improves its offer, members will strike on May 4," Ms Grey said.'
    )
    assert _kind_of(text, "members will strike") is ClaimKind.COMMITMENT


def test_central_bank_forward_guidance() -> None:
    text = (
        "The governor of the Northland central bank, Tom Reyes, spoke after the meeting.\n\n"
        "Mr Reyes said rates would stay on hold until wage growth slowed."
    )
    assert _kind_of(text, "rates would stay on hold") is ClaimKind.COMMITMENT


def test_hedged_first_person_future_is_a_forecast() -> None:
    text = (
        "Economist Lara Dunn was sceptical.\n\n"
        '"I think we will see more closures before summer," Ms Dunn said.'
    )
    assert _kind_of(text, "we will see more closures") is ClaimKind.PREDICTION


def test_going_to_be_adjective_is_a_forecast() -> None:
    text = 'Analyst Sam Oduya was cautious.\n\n"That is going to be costly," Mr Oduya said.'
    kinds = _kinds(text)
    assert all(k is not ClaimKind.COMMITMENT for k in kinds.values()), kinds


def test_expects_to_of_the_speaker_is_a_plan() -> None:
    text = (
        "Brightwell Foods said on Tuesday that it expects to open a new plant in Leeds next year."
    )
    assert _kind_of(text, "open a new plant") is ClaimKind.COMMITMENT


def test_passive_told_is_not_a_new_speaker() -> None:
    text = "Tenant leader Omar Vance said his neighbours had been told the lifts would be fixed."
    claims = claimtrack.extract(text, published=PUB)
    assert claims
    assert all("Vance" in c.speaker.name for c in claims), [c.speaker.name for c in claims]


def test_person_with_organisation_role_is_a_person() -> None:
    text = (
        "Mayor Tom Hale spoke first.\n\n"
        "Council senior planner Aoife Brennan told the meeting that work would start in May. "
        "She said the design had been approved."
    )
    claims = claimtrack.extract(text, published=PUB)
    last = [c for c in claims if "design" in c.text]
    assert last and "Brennan" in last[0].speaker.name, [(c.text, c.speaker.name) for c in claims]


def test_dateline_is_not_part_of_the_claim() -> None:
    text = "LISBON — Marlow Foods said on Monday that it would open a plant in Porto next year."
    claims = claimtrack.extract(text, published=PUB)
    assert claims and all("LISBON" not in c.text for c in claims)
    assert any("Marlow" in c.speaker.name for c in claims), [c.speaker.name for c in claims]


def test_said_that_definite_clause_with_past_verb_is_a_claim() -> None:
    text = (
        "Drug maker results\n\n"
        "Orbis Health said on Monday that its new drug, a daily pill, slowed weight gain.\n"
        "Mr Jones said the pill halved costs."
    )
    claims = claimtrack.extract(text, published=PUB)
    by = {c.speaker.name for c in claims}
    assert any("Orbis" in n for n in by), [(c.speaker.name, c.text) for c in claims]
    assert any("Jones" in n for n in by), [(c.speaker.name, c.text) for c in claims]


def test_second_complement_with_expects_to_is_split() -> None:
    text = (
        "Results day\n\n"
        "Kestrel Labs said on Monday that its sales rose by 4 per cent, "
        "and that it expects to file a patent in the spring."
    )
    claims = claimtrack.extract(text, published=PUB)
    plan = [c for c in claims if "file a patent" in c.text]
    assert plan and plan[0].kind is ClaimKind.COMMITMENT, [(c.kind, c.text) for c in claims]
    assert "sales rose" not in plan[0].text


def test_publisher_schedules() -> None:
    text = (
        "Council budget row\n\n"
        "The council met on Tuesday.\n\n"
        "The next full council meeting is scheduled for April 23.\n\n"
        "Select committee hearings begin on May 2."
    )
    kinds = _kinds(text)
    assert kinds.get("The next full council meeting is scheduled for April 23") is (
        ClaimKind.COMMITMENT
    ), kinds
    assert kinds.get("Select committee hearings begin on May 2") is ClaimKind.COMMITMENT, kinds


def test_inverted_cue_with_without_tail() -> None:
    text = (
        "Trial news\n\n"
        "The full data will be published in a journal, the company said, without giving a date."
    )
    claims = claimtrack.extract(text, published=PUB)
    assert any("will be published" in c.text for c in claims), [c.text for c in claims]
    assert not any(c.text.startswith("without") for c in claims), [c.text for c in claims]


def test_reported_promise_heard_by_others_is_a_statement() -> None:
    text = (
        "Rail anger\n\n"
        "Commuter group chair Lena Ortiz said passengers had been told the line would reopen "
        "in May."
    )
    assert _kind_of(text, "would reopen") is ClaimKind.STATEMENT

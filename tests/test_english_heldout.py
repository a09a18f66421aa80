"""Behaviours the held-out articles (benchmarks/data/articles) exposed, pinned on short
texts written for these tests: none of these sentences is in either benchmark."""

from __future__ import annotations

from datetime import date, datetime, timezone

from claimtrack import Claim, ClaimKind
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english
from claimtrack.testing import speaker_name as speaker

# A Wednesday.
PUBLISHED = datetime(2025, 4, 16, 10, 0, tzinfo=timezone.utc)


def run(text: str, publisher: str | None = "Valley Post") -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher=publisher)


def test_passive_future_of_an_office_holder_is_a_commitment() -> None:
    claims = run(
        "Health Secretary Anna Lindqvist said on Tuesday that parking charges at "
        "hospitals would be scrapped by the end of June.\n"
    )
    c = find(claims, "parking charges")
    assert c.kind is ClaimKind.COMMITMENT
    assert c.due is not None and c.due.end is not None and c.due.end.date() == date(2025, 7, 1)


def test_a_thing_that_the_speaker_runs_is_a_commitment_a_quantity_is_a_forecast() -> None:
    claims = run(
        "Mayor Tomas Reyes said the new swimming pool would open in August.\n"
        "Mayor Tomas Reyes said water bills would rise next year.\n"
    )
    assert find(claims, "swimming pool").kind is ClaimKind.COMMITMENT
    assert find(claims, "water bills").kind is ClaimKind.PREDICTION


def test_analysts_forecast_what_officials_would_promise() -> None:
    claims = run("Economists at Harlow Bank forecast that the bridge will reopen in May.\n")
    c = find(claims, "bridge will reopen")
    assert c.kind is ClaimKind.PREDICTION
    assert "Harlow Bank" in speaker(c)


def test_pronouns_follow_gender_not_just_recency() -> None:
    claims = run(
        "Foreign Minister Ingrid Solberg said the talks had been useful.\n"
        "Her Danish counterpart, Lars Holm, was less upbeat.\n"
        "He said the deal was fragile and warned that fishing fleets might ignore it.\n"
        "She said Norway would host the next round in June.\n"
    )
    assert speaker(find(claims, "deal was fragile")) == "Lars Holm"
    assert speaker(find(claims, "fishing fleets")) == "Lars Holm"
    host = find(claims, "Norway would host")
    assert "Ingrid Solberg" in speaker(host)


def test_country_capital_and_demonym_are_the_speakers_side() -> None:
    claims = run(
        "Poland's defence minister, Marek Nowak, said Warsaw would send two engineering "
        "units to the border.\n"
    )
    c = find(claims, "Warsaw would send")
    assert speaker(c) == "Marek Nowak"
    assert c.kind is ClaimKind.COMMITMENT


def test_speech_verbs_beyond_said() -> None:
    claims = run(
        "Councillor Ben Arthur quipped that the roundabout had a fan club.\n"
        "Chief executive Ruth Okoye vowed that the factory would stay open.\n"
        "Ms Okoye tweeted that the first orders had shipped.\n"
    )
    assert speaker(find(claims, "fan club")) == "Ben Arthur"
    vow = find(claims, "factory would stay open")
    assert speaker(vow) == "Ruth Okoye" and vow.kind is ClaimKind.COMMITMENT
    assert speaker(find(claims, "first orders")) == "Ruth Okoye"


def test_final_weak_cue_and_inverted_headline_cue() -> None:
    claims = run(
        "Library fines to be scrapped next month, council leader says\n"
        "Council leader Omar Haddad told residents the library would stay open on Sundays.\n"
        "The first branch would reopen in May, he added.\n"
    )
    head = find(claims, "Library fines")
    assert speaker(head) != "Valley Post"
    assert head.kind is ClaimKind.COMMITMENT
    added = find(claims, "first branch would reopen")
    assert speaker(added) == "Omar Haddad"
    assert added.due is not None and added.due.start is not None
    assert added.due.start.date() == date(2025, 5, 1)


def test_second_clause_with_its_own_subject_splits() -> None:
    claims = run(
        '"We will cut the waiting list by June, and every clinic will open on Saturdays '
        'from September," said Dr Ana Ruiz.\n'
    )
    first = find(claims, "waiting list")
    second = find(claims, "every clinic")
    assert first is not second
    assert second.due is not None and second.due.start is not None
    assert second.due.start.date() == date(2025, 9, 1)


def test_due_is_the_actions_window_not_the_sayings_or_a_modifier() -> None:
    claims = run(
        "Mining ministers agreed on Monday to publish a joint safety code within 60 days.\n"
        "The insurer will publish its third-quarter figures on 30 October.\n"
    )
    code = find(claims, "safety code")
    assert code.due is not None and code.due.end is not None
    assert code.due.end.date() == date(2025, 6, 15)
    figures = find(claims, "third-quarter figures")
    assert figures.due is not None and figures.due.start is not None
    assert figures.due.start.date() == date(2025, 10, 30)


def test_publisher_schedule_in_the_present_and_plans_under_way() -> None:
    claims = run(
        "The inquiry resumes on 3 May.\n"
        "Weber: We are hiring forty drivers from next month.\n"
        "Weber: We are proud of the drivers.\n"
    )
    inquiry = find(claims, "inquiry resumes")
    assert inquiry.kind is ClaimKind.COMMITMENT and speaker(inquiry) == "Valley Post"
    assert find(claims, "hiring forty drivers").kind is ClaimKind.COMMITMENT
    assert find(claims, "proud of the drivers").kind is ClaimKind.STATEMENT


def test_we_call_on_and_we_expect_others_to_act_are_demands() -> None:
    claims = run(
        '"We call on the regulator to publish its findings within two weeks," '
        "said union leader Kate Barnes.\n"
        '"We expect every operator to sign the charter," she added.\n'
    )
    call = find(claims, "publish its findings")
    assert call.kind is ClaimKind.DEMAND
    assert call.due is not None and call.due.end is not None
    assert call.due.end.date() == date(2025, 4, 30)
    assert find(claims, "sign the charter").kind is ClaimKind.DEMAND


def test_subject_with_apposition_before_but_said() -> None:
    claims = run(
        "Brazil's trade minister, Paulo Lima, skipped the dinner but said in a statement "
        "that Brasilia would lift the tariff.\n"
    )
    c = find(claims, "lift the tariff")
    assert speaker(c) == "Paulo Lima"
    assert c.kind is ClaimKind.COMMITMENT


def test_announced_a_thing_is_no_claim() -> None:
    claims = run("Premier Joan Pike announced the scheme on Friday alongside Tom Rhys.\n")
    assert not any("scheme on Friday" in c.text for c in claims)


def test_claims_that_with_nobody_named_are_unnamed() -> None:
    claims = run("The vote comes amid claims that the ballot papers were misprinted.\n")
    assert speaker(find(claims, "ballot papers")) == "unnamed"


def test_according_to_a_release_speaks_for_the_company() -> None:
    claims = run(
        "Harrow Foods reported a 4% rise in sales.\n"
        "The group will close two plants by 2027, according to the release.\n"
    )
    assert speaker(find(claims, "close two plants")) == "Harrow Foods"

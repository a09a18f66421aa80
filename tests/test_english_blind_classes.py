"""Failure classes the blind evaluation (benchmarks/data/blind-findings.md) exposed,
pinned on short texts written for these tests: none of these sentences is in any
benchmark."""

from __future__ import annotations

from datetime import datetime, timezone

from claimtrack import Claim, ClaimKind
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english
from claimtrack.testing import speaker_name as speaker

# A Thursday.
PUBLISHED = datetime(2025, 11, 20, 12, 0, tzinfo=timezone.utc)


def run(text: str, publisher: str | None = "Fenland Courier") -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher=publisher)


# -- 1. joined clauses ---------------------------------------------------------------


def test_and_that_with_a_modal_starts_a_second_claim() -> None:
    claims = run(
        "Mayor Ruth Okafor said the ferry had been unreliable for years and that a new "
        "vessel would enter service in April.\n"
    )
    first = find(claims, "the ferry had been unreliable")
    second = find(claims, "a new vessel would enter service")
    assert first is not second
    assert not second.text.startswith(("and", "that"))
    assert second.kind is ClaimKind.COMMITMENT
    assert second.due is not None and second.due.start is not None
    assert second.due.start.month == 4


def test_and_that_without_a_modal_stays_one_claim() -> None:
    claims = run(
        "Mayor Ruth Okafor said residents wanted cleaner streets, and that the plan "
        "delivered them.\n"
    )
    assert len(claims) == 1


def test_and_would_with_the_subject_elided_is_its_own_claim() -> None:
    claims = run(
        "Mayor Ruth Okafor said the city would reopen the library on Monday and would "
        "publish its repair bill before Christmas.\n"
    )
    first = find(claims, "reopen the library")
    second = find(claims, "publish its repair bill")
    assert first is not second
    assert second.kind is ClaimKind.COMMITMENT
    assert speaker(second) == "Ruth Okafor"


def test_elided_subject_inherits_a_forecast() -> None:
    claims = run(
        "Economist Lars Berg said inflation would ease next year but would stay above target.\n"
    )
    assert find(claims, "stay above target").kind is ClaimKind.PREDICTION


def test_bare_verb_phrases_under_one_modal_split_in_reported_speech() -> None:
    claims = run(
        "Analysts at Brookline Capital estimated the merger would cost 3,000 jobs and "
        "cut profits by a fifth.\n"
    )
    assert find(claims, "cost 3,000 jobs").kind is ClaimKind.PREDICTION
    assert find(claims, "cut profits by a fifth").kind is ClaimKind.PREDICTION
    assert "Brookline" in speaker(find(claims, "cost 3,000 jobs"))


def test_told_x_to_a_and_to_b_gives_two_demands() -> None:
    claims = run(
        "The regulator told Vanta to stop selling the heaters, and to report every fire "
        "within a week.\n"
    )
    first = find(claims, "Vanta to stop selling")
    second = find(claims, "to report every fire")
    assert first is not second
    assert first.kind is ClaimKind.DEMAND
    assert second.kind is ClaimKind.DEMAND
    assert second.due is not None


# -- 2. commitments of the speaker's own organisation ---------------------------------


def test_postposed_promise_makes_a_commitment() -> None:
    claims = run(
        "Northfield Rovers will open a new training ground next spring, the club's "
        "chairman promised on Friday.\n"
    )
    assert find(claims, "open a new training ground").kind is ClaimKind.COMMITMENT


def test_it_in_an_organisations_reported_speech_is_its_own_side() -> None:
    claims = run("Vanta Appliances said it will hold a press briefing on Monday.\n")
    c = find(claims, "hold a press briefing")
    assert c.kind is ClaimKind.COMMITMENT
    assert c.due is not None


def test_impersonal_it_stays_a_prediction() -> None:
    claims = run("Vanta Appliances said it would be difficult to meet demand this winter.\n")
    assert find(claims, "difficult").kind is not ClaimKind.COMMITMENT


def test_organisation_named_as_subject_by_its_spokesperson() -> None:
    claims = run(
        "Vanta Appliances recalled 20,000 heaters on Tuesday.\n\n"
        "Vanta will publish a list of affected serial numbers on Friday, the company said.\n"
    )
    assert find(claims, "publish a list").kind is ClaimKind.COMMITMENT


# -- 3. pronouns after a newly introduced speaker --------------------------------------


def test_she_said_after_a_new_speaker_in_the_same_paragraph() -> None:
    claims = run(
        'Councillor Mark Doyle said the budget was tight. "We will cope," he said.\n\n'
        "Not everyone agreed. Lena Holt, an economist at Baywater Partners, said the "
        'cuts would bite. "Nobody budgets for a bad winter," she said.\n'
    )
    assert speaker(find(claims, "Nobody budgets")) == "Lena Holt"


def test_he_said_after_a_role_and_hyphenated_name_subject() -> None:
    claims = run(
        "Vanta Appliances said the heaters were safe.\n\n"
        "Chief executive Lim Dae-ho apologised at a briefing in Busan. "
        '"We failed our customers," he said.\n'
    )
    assert speaker(find(claims, "We failed our customers")) == "Lim Dae-ho"


def test_pronoun_in_the_same_sentence_goes_to_its_subject() -> None:
    claims = run(
        "Councillor Jane Moss said the scheme was popular.\n\n"
        "Councillor Omar Haddad said the scheme had worked, though he acknowledged that "
        "costs had risen.\n"
    )
    assert speaker(find(claims, "costs had risen")) == "Omar Haddad"


def test_role_words_before_a_name_are_not_part_of_a_group() -> None:
    claims = run(
        "Mayor Ruth Okafor said the pool would reopen.\n\n"
        "Residents' forum secretary Tom Hale said people were tired of waiting. "
        '"Open it first," he said.\n'
    )
    assert speaker(find(claims, "Open it first")) == "Tom Hale"


# -- 4. long appositions and indefinite subjects ---------------------------------------


def test_speaker_before_a_long_relative_apposition() -> None:
    claims = run(
        "Rep. Alma Ortiz, a Republican from Arizona who sits on the House committee on "
        "water and power, said the dam inspections were overdue.\n"
    )
    assert speaker(find(claims, "dam inspections were overdue")) == "Alma Ortiz"


def test_organisation_before_a_which_clause() -> None:
    claims = run(
        "Harbour Relief, which runs nine shelters along the eastern coast of the "
        "island, said on Monday that it had food for six weeks.\n"
    )
    assert "Harbour Relief" in speaker(find(claims, "food for six weeks"))


def test_indefinite_subject_with_modifiers_is_a_speaker() -> None:
    claims = run(
        "LAGOS — A leading shipping firm has promised to reopen its container terminal by March.\n"
    )
    c = find(claims, "reopen its container terminal")
    assert speaker(c) == "A leading shipping firm"
    assert c.kind is ClaimKind.COMMITMENT
    assert "LAGOS" not in c.text


def test_bare_plural_expect_is_a_forecast_of_its_subject() -> None:
    claims = run("Forecasters expect the winter to be milder than usual.\n")
    c = find(claims, "milder than usual")
    assert speaker(c) == "Forecasters"
    assert c.kind is ClaimKind.PREDICTION


# -- 5. demands and non-demands ---------------------------------------------------------


def test_imperative_inside_a_quote_is_a_demand() -> None:
    claims = run('"We have waited long enough. Show us the plans," said Councillor Omar Haddad.\n')
    assert find(claims, "Show us the plans").kind is ClaimKind.DEMAND


def test_asked_whether_is_a_request() -> None:
    claims = run(
        "Councillor Jane Moss asked whether the mayor would meet the families before Christmas.\n"
    )
    c = find(claims, "meet the families")
    assert c.kind is ClaimKind.DEMAND
    assert speaker(c) == "Jane Moss"


def test_reported_asked_x_to_is_a_demand() -> None:
    claims = run("Councillor Jane Moss said the tenants had asked the council to freeze rents.\n")
    assert find(claims, "freeze rents").kind is ClaimKind.DEMAND


def test_negative_universal_should_be_is_not_a_demand() -> None:
    claims = run(
        '"Nobody in this chamber should be under any illusion," said Councillor Omar '
        'Haddad. "But nobody should be shocked if bus fares rise this winter."\n'
    )
    assert find(claims, "under any illusion").kind is ClaimKind.STATEMENT
    shocked = find(claims, "bus fares rise")
    assert shocked.kind is ClaimKind.PREDICTION
    assert shocked.due is not None and shocked.due.start is not None
    assert shocked.due.start.month == 12


# -- 6. due windows -------------------------------------------------------------------


def test_since_is_never_a_due_window() -> None:
    claims = run(
        "Minister Tom Reyes said the state had delivered 900 tonnes of grain since "
        "July and would send 400 more before the end of January.\n"
    )
    send = find(claims, "send 400 more")
    assert send.kind is ClaimKind.COMMITMENT
    assert send.due is not None and send.due.end is not None
    assert send.due.end.year == 2026
    for c in claims:
        assert c.due is None or "since" not in (c.due.text or "")


def test_indefinite_weekday_is_a_habit() -> None:
    claims = run(
        "Eva Lund, who runs the traders' association, said the market was packed on a "
        "Sunday and that her members would oppose any closure.\n"
    )
    for c in claims:
        assert c.due is None


# -- 7. conditions ----------------------------------------------------------------------


def test_provided_without_that_is_a_condition() -> None:
    claims = run(
        "Analyst Mia Cole expects the firm to return to profit next year, provided the "
        "merger goes smoothly.\n"
    )
    c = find(claims, "return to profit")
    assert c.kind is ClaimKind.PREDICTION
    assert c.condition == "provided the merger goes smoothly"
    assert c.due is not None


def test_until_clause_on_an_order_is_a_condition_but_until_a_date_is_a_window() -> None:
    claims = run(
        "The regulator told Vanta to stop selling the heaters until a new model passes "
        "safety tests.\n\n"
        "Mayor Ruth Okafor said the shelters would stay open until the end of March.\n"
    )
    order = find(claims, "stop selling")
    assert order.condition == "until a new model passes safety tests"
    shelters = find(claims, "stay open")
    assert shelters.condition is None
    assert shelters.due is not None


def test_headline_condition_after_a_dash() -> None:
    claims = run("Charity pledges to keep shelters open all winter – if the council pays\n")
    c = find(claims, "keep shelters open")
    assert c.condition == "if the council pays"


# -- further: deadlines, forecasts, pledged things, participial tails -------------------


def test_will_have_until_a_date_to_act_is_a_deadline_set_for_them() -> None:
    claims = run(
        "Airlines will have until June 30 to refit older jets with new sensors, the "
        "aviation agency said Monday, rejecting a request for more time.\n"
    )
    c = find(claims, "refit older jets")
    assert c.kind is ClaimKind.DEMAND
    assert speaker(c) == "the aviation agency"
    assert not any(x.text.startswith("Monday") for x in claims)


def test_is_expected_with_a_time_is_a_forecast() -> None:
    claims = run("A decision on the bridge is expected in the spring.\n")
    assert find(claims, "is expected in the spring").kind is ClaimKind.PREDICTION


def test_adding_that_ends_the_first_claim_and_expected_forecasts() -> None:
    claims = run(
        "Judith Park said the scheme had worked, adding that she expected fares to fall "
        "by the autumn.\n"
    )
    first = find(claims, "the scheme had worked")
    assert "adding" not in first.text
    fares = find(claims, "fares to fall")
    assert fares.kind is ClaimKind.PREDICTION
    assert fares.due is not None and fares.due.text == "by the autumn"


def test_promised_thing_in_a_headline_is_a_commitment() -> None:
    claims = run("Council leader promises new swimming pool by 2027\n\nBody text follows.\n")
    c = find(claims, "new swimming pool")
    assert c.kind is ClaimKind.COMMITMENT
    assert c.due is not None


def test_it_opening_a_sentence_is_the_organisation_just_quoted() -> None:
    claims = run(
        "Vanta Appliances recalled 20,000 heaters on Tuesday. A consumer group, Safe "
        "Homes Now, said the company had been slow. It demanded that Vanta publish every "
        "complaint and said it would file a lawsuit next week.\n"
    )
    demand = find(claims, "Vanta publish every complaint")
    assert demand.kind is ClaimKind.DEMAND
    assert speaker(demand) == "Safe Homes Now"
    suit = find(claims, "file a lawsuit")
    assert suit.kind is ClaimKind.COMMITMENT
    assert speaker(suit) == "Safe Homes Now"


def test_named_company_subject_with_an_inverted_the_company_said() -> None:
    claims = run(
        "Vanta will publish a list of affected serial numbers on Friday, the company said.\n"
    )
    assert find(claims, "publish a list").kind is ClaimKind.COMMITMENT


def test_a_country_is_not_a_surname() -> None:
    claims = run(
        "South Korea's safety regulator said the heaters were unsafe.\n\n"
        "A consumer group, Safe Home Korea, said the company had been slow to act.\n"
    )
    assert speaker(find(claims, "slow to act")) == "Safe Home Korea"


def test_negated_going_to_of_the_speaker_is_a_commitment() -> None:
    claims = run('"We are not going to abandon these tenants," Mayor Ruth Okafor said.\n')
    assert find(claims, "abandon these tenants").kind is ClaimKind.COMMITMENT


def test_present_tense_after_an_opening_condition_looks_ahead() -> None:
    claims = run(
        '"If the grant arrives, every shelter stays open through March," Mayor Ruth '
        "Okafor said.\n\n"
        '"If the launch slips, Vanta loses the holiday season to its rivals," said Mia '
        "Cole, an analyst at Brookline Capital.\n"
    )
    shelters = find(claims, "every shelter stays open")
    assert shelters.kind is ClaimKind.COMMITMENT
    assert shelters.condition == "If the grant arrives"
    assert find(claims, "Vanta loses").kind is ClaimKind.PREDICTION


def test_mid_sentence_cue_before_a_conjunction_attributes_both_halves() -> None:
    claims = run(
        "Mayor Ruth Okafor spoke to reporters. Three banks had offered loans, she said, "
        "but none had signed a contract.\n"
    )
    before = find(claims, "Three banks had offered loans")
    after = find(claims, "none had signed a contract")
    assert speaker(before) == "Ruth Okafor"
    assert speaker(after) == "Ruth Okafor"
    assert "she said" not in before.text


def test_first_half_of_a_quoted_but_is_kept() -> None:
    claims = run(
        '"We hope the club stays, but we will not give away the park," said Councillor '
        "Omar Haddad.\n"
    )
    find(claims, "We hope the club stays")
    assert find(claims, "give away the park").kind is ClaimKind.COMMITMENT


def test_a_body_of_the_speakers_own_organisation_acts_for_it() -> None:
    claims = run(
        "Cllr Neil Barr, the council's cabinet member for housing, said the council's "
        "cabinet would vote on the sale in January.\n"
    )
    assert find(claims, "cabinet would vote").kind is ClaimKind.COMMITMENT


def test_a_speech_verb_under_a_modal_is_an_undertaking_not_a_cue() -> None:
    claims = run(
        "The Kestrel Fund said it remained committed to the programme and would "
        "announce its next grants in the coming weeks.\n"
    )
    c = find(claims, "announce its next grants")
    assert c.kind is ClaimKind.COMMITMENT
    assert c.due is not None and c.due.vague


def test_being_forced_to_act_is_a_consequence_not_an_undertaking() -> None:
    claims = run(
        "Shelter director Ana Ruiz said the charity would be forced to close two "
        "kitchens by March.\n"
    )
    assert find(claims, "forced to close").kind is ClaimKind.PREDICTION

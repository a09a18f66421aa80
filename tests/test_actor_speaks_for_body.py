"""Who acts when a person speaks for an organisation, or the article itself schedules a
thing: the organisation, never the outlet, never a pronoun or a sentence's first capital.
Sentences of our own."""

from __future__ import annotations

from datetime import datetime, timezone

from claimtrack.model import Claim, ClaimKind
from claimtrack.testing import extract_english

PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)


def claim_with(text: str, words: str, publisher: str = "The Courier") -> Claim:
    claims = extract_english(text, published=PUBLISHED, publisher=publisher)
    found = [c for c in claims if words in c.text]
    assert found, [c.text for c in claims]
    return found[0]


def actor_of(text: str, words: str) -> str | None:
    claim = claim_with(text, words)
    return claim.actor.name if claim.actor else None


def test_a_role_phrase_before_a_name_gives_the_speakers_organisation() -> None:
    text = (
        "Harbour Rail Trust programme director Mara Lind said: “We remain on course to "
        "reopen the line in May.”"
    )
    assert actor_of(text, "reopen the line") == "Harbour Rail Trust"


def test_the_team_and_i_is_the_speakers_side() -> None:
    text = (
        "Ada Finch, chief executive of Orrin Yards, said the delay was regrettable. "
        '"The team and I remain set on finishing the ferry by spring."'
    )
    assert actor_of(text, "finishing the ferry") == "Orrin Yards"


def test_its_chief_executive_speaks_for_the_organisation_named_before() -> None:
    text = (
        "Orrin Yards has delayed the ferry again. Its chief executive, Ada Finch, said "
        'the delay was regrettable. "We will finish the ferry by spring," she said.'
    )
    assert actor_of(text, "finish the ferry") == "Orrin Yards"


def test_the_articles_own_schedule_of_a_service_is_the_story_organisations() -> None:
    text = (
        "Harbour Lines said on Monday that the new ferry would sail in June.\n\n"
        "Discounts will be available to island residents from the first day.\n\n"
        "The terminal will open two new cafes."
    )
    assert actor_of(text, "Discounts will be available") == "Harbour Lines"
    assert actor_of(text, "The terminal will open") == "Harbour Lines"


def test_the_outlet_is_never_the_actor_of_its_own_schedule() -> None:
    text = (
        "Kelby Arena, shut since the spring for repairs, will host four concerts in "
        "March, including the opening night on 6 March."
    )
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    assert claims
    assert all(c.actor is None or c.actor.name != "The Courier" for c in claims)


def test_a_sentences_first_capital_is_no_name_for_later_claims() -> None:
    text = (
        "Harbour Lines said on Monday that fares would rise.\n\n"
        "Discounts will be available to island residents.\n\n"
        "The terminal will open in June."
    )
    assert actor_of(text, "The terminal will open") == "Harbour Lines"


def test_a_subjunctive_request_binds_the_one_written_to() -> None:
    text = (
        '"I will write to the Harbour Board requesting that the pier be repaired by May," '
        "the mayor said."
    )
    claim = claim_with(text, "the pier be repaired")
    assert claim.kind is ClaimKind.DEMAND
    assert claim.actor is not None and claim.actor.name == "the Harbour Board"
    assert claim.due is not None and claim.due.text == "by May"


def test_an_insisted_subjunctive_is_a_demand_on_someone_else() -> None:
    text = (
        "The two unions have pressed for a quicker timetable, insisting the ballot be "
        "held before the summer recess."
    )
    claim = claim_with(text, "the ballot be held")
    assert claim.kind is ClaimKind.DEMAND
    assert claim.actor is None or claim.actor.name != "The two unions"


def test_by_early_runs_to_the_end_of_the_month() -> None:
    claim = claim_with(
        "The agency will inspect every dam by early April, the minister said.", "dam"
    )
    assert claim.due is not None and claim.due.end is not None
    assert claim.due.end.date().isoformat() == "2026-05-01"
    assert claim.due.start == PUBLISHED


def test_an_awaited_delivery_at_a_stated_time_is_a_forecast() -> None:
    text = (
        '"Our timetable will expand, while the ferry line awaits the handover of two '
        'vessels from next year," the operator said.'
    )
    claim = claim_with(text, "awaits the handover")
    assert claim.kind is ClaimKind.PREDICTION
    assert claim.due is not None and claim.due.text == "from next year"


def test_an_organisation_defined_by_its_initials_runs_the_things_it_schedules() -> None:
    text = (
        "The Kelby crossing is run by Harbour Transport Kelby (HTK), which also runs "
        "the ferries.\n\n"
        "The Blackmoor Bridge, which opened in 1990, is closed for repairs.\n\n"
        "The toll amount will vary with the type of vehicle.\n\n"
        "Discounts will be available for local residents."
    )
    assert actor_of(text, "Discounts will be available") == "Harbour Transport Kelby"


def test_initials_are_learnt_as_the_organisations_alias() -> None:
    text = (
        "The Kelby Water Board (KWB) met on Monday.\n\n"
        "KWB said it would replace the old pipes in May."
    )
    claim = claim_with(text, "replace the old pipes")
    assert claim.speaker is not None and claim.speaker.name == "Kelby Water Board"


def test_a_definite_description_is_the_organisation_named_before() -> None:
    text = (
        "The Federal Grain Administration fined two traders on Monday.\n\n"
        "The agency will publish the list of traders in June, a spokesman said.\n\n"
        "Farmers urged the agency to publish it by May."
    )
    assert actor_of(text, "publish the list") == "Federal Grain Administration"
    assert actor_of(text, "publish it by May") == "Federal Grain Administration"


def test_a_definite_description_is_not_the_organisation_of_another_kind() -> None:
    text = (
        "Harwick Borough Council owns half of the land.\n\n"
        "The club will run shuttle buses on match days, its chairman said."
    )
    assert actor_of(text, "run shuttle buses") != "Harwick Borough Council"


def test_on_behalf_of_a_body_i_act_myself_and_we_is_that_body() -> None:
    text = (
        '"On behalf of the harbour board, I will write to the ministry this week," '
        'Dana Moss said. "We will reopen the pier in May," she said.'
    )
    assert actor_of(text, "I will write to the ministry") == "Dana Moss"
    assert actor_of(text, "reopen the pier") == "the harbour board"


def test_the_owner_named_in_a_subject_acts() -> None:
    text = "Kelby Motors’ new bus service is set for a launch in the city on 22 June."
    assert actor_of(text, "new bus service") == "Kelby Motors"


def test_the_articles_schedule_with_no_organisation_near_is_the_storys_subject() -> None:
    text = (
        "Kelby Tramways has won approval for its new line. Work on the Kelby Tramways "
        "extension began in 2024, and Kelby Tramways expects more riders.\n\n"
        + "The city has grown fast in recent years, with new homes on the old docks. " * 40
        + "\n\nThe remaining two stops are scheduled to open throughout 2027."
    )
    assert actor_of(text, "remaining two stops") == "Kelby Tramways"


def test_the_articles_schedule_of_a_named_thing_is_run_by_the_defined_organisation() -> None:
    text = (
        "The Kelby Tunnel will open to traffic on 12 May.\n\n"
        "Harbour Transport Kelby (HTK) confirmed the date on Monday."
    )
    assert actor_of(text, "The Kelby Tunnel will open") == "Harbour Transport Kelby"


def test_a_named_thing_with_no_defined_organisation_keeps_its_name() -> None:
    text = "The Kelby Tunnel will open to traffic on 12 May."
    assert actor_of(text, "The Kelby Tunnel will open") == "The Kelby Tunnel"


def test_an_apposition_is_no_owner() -> None:
    text = (
        "Kelby Mill in Ashdale - the county's last cotton mill - will stop work in "
        "three months' time."
    )
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    assert all("actor.possessor" not in c.rules for c in claims)


def test_his_members_are_the_body_the_speaker_speaks_for() -> None:
    text = (
        "Tom Hale, chairman of the Kelby Growers' Union, said his members would stop "
        "deliveries in May."
    )
    assert actor_of(text, "his members would stop") == "Kelby Growers' Union"


def test_a_function_after_of_is_no_organisation() -> None:
    text = (
        "Prairie Valley Energy said power would return this week.\n\n"
        '"We will make this right for our customers," Dana Whit, the company\'s vice '
        "president of operations, said."
    )
    assert actor_of(text, "make this right") == "Prairie Valley Energy"

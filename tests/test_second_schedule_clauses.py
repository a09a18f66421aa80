"""A sentence holding a second schedule of its own ("…, while the rest will …",
"…, which will …", "…, with X now expected to …", "… – but Y will …") gives two
claims; a reported "which would" (a consequence) stays part of its claim."""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Claim, ClaimKind
from claimtrack.english.kind.clauses import named_cuts, pieces, schedule_cuts
from claimtrack.english.text import TokenIndex
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english

PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)


def run(text: str) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher="Valley Herald")


def test_while_clause_is_a_second_commitment() -> None:
    claims = run(
        "The first phase of the works ends on 28 March, while the rest of the works "
        "will continue after the festival.\n"
    )
    rest = find(claims, "the rest of the works will continue")
    assert rest.kind is ClaimKind.COMMITMENT
    assert not rest.text.startswith("while")
    first = find(claims, "ends on 28 March")
    assert first is not rest and "while" not in first.text


def test_article_relative_which_will_is_its_own_claim() -> None:
    claims = run(
        "The depot will become a parcel hub, which will cut its staff from 300 to 90 "
        "over the next two years.\n"
    )
    hub = find(claims, "become a parcel hub")
    cut = find(claims, "which will cut its staff")
    assert hub is not cut and "which" not in hub.text
    assert cut.text.startswith("which")


def test_with_expected_clause_is_split_off() -> None:
    claims = run(
        "The yard announced another delay to the ferry, with the ship now expected to "
        "be handed over in the autumn.\n"
    )
    ship = find(claims, "expected to be handed over")
    assert ship.text.startswith("the ship")
    assert ship.kind is ClaimKind.COMMITMENT


def test_dash_but_clause_is_a_second_claim() -> None:
    claims = run(
        "The museum remains on track to open in April – but the stop at Kelso Road "
        "will not be ready before the winter.\n"
    )
    assert find(claims, "on track to open").kind is ClaimKind.COMMITMENT
    stop = find(claims, "will not be ready")
    assert stop.text.startswith("the stop")


def test_reported_which_would_stays_in_its_claim() -> None:
    claims = run(
        "The charity said it had asked ministers to waive the fees, which would cut "
        "delivery times.\n"
    )
    assert not any(c.text.startswith("which") for c in claims)


@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "line",
                ",",
                "while",
                "which",
                "will",
                "–",
                "but",
                "with",
                "expected",
                "to",
                "open",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_pieces_are_ordered_disjoint_and_inside(words: list[str]) -> None:
    text = " ".join(words)
    toks = TokenIndex(text).slice(0, len(text))
    got = pieces(toks)
    assert all(0 <= a < b <= len(toks) for a, b, _, _ in got)
    # pieces follow one another; an embedded relative lies inside one of them
    for (_, b1, _, _), (a2, b2, _, _) in pairwise(got):
        assert b1 <= a2 or any(a <= a2 and b2 <= b for a, b, _, _ in got if (a, b) != (a2, b2))


def test_and_with_a_new_subject_and_modal_is_a_second_claim() -> None:
    claims = run("A test tram reached the depot on Monday, and driver training will now start.\n")
    training = find(claims, "driver training will now start")
    assert training.text.startswith("driver training")
    assert training.kind is ClaimKind.COMMITMENT


def test_when_clause_with_its_own_will_is_a_second_claim() -> None:
    claims = run(
        "The club announced its return to the old ground, set for 9 May, when the club "
        "will host the county final.\n"
    )
    final = find(claims, "will host the county final")
    assert final.text.startswith("when the club")
    assert "9 May" not in final.text


def test_a_speakers_preamble_is_not_part_of_the_claim() -> None:
    claims = run(
        'Mayor Ines Duarte opened the site.\n\n"I am glad we are able to announce that '
        'the footbridge will open on 7 April," Duarte said.\n'
    )
    bridge = find(claims, "footbridge will open")
    assert bridge.text.startswith("the footbridge")
    assert bridge.kind is ClaimKind.COMMITMENT


def test_a_leading_adverbial_that_is_no_time_is_left_out() -> None:
    claims = run("After two seasons away, the rowing club is set for its return to the river.\n")
    club = find(claims, "set for its return")
    assert club.text.startswith("the rowing club")


def test_at_which_time_starts_a_second_schedule() -> None:
    claims = run(
        "The board will audit every school by late March, at which time the pitches "
        "will be relaid.\n"
    )
    pitches = find(claims, "pitches will be relaid")
    assert pitches.text.startswith("the pitches")
    assert "inspect" not in pitches.text


def test_and_will_after_a_present_clause_is_a_second_act() -> None:
    claims = run(
        'Rovers spoke to fans.\n\n"The club is talking to the council and will tell its '
        'members of any news," a spokesman said.\n'
    )
    tell = find(claims, "will tell its members")
    assert tell.kind is ClaimKind.COMMITMENT
    assert "talking" not in tell.text
    assert find(claims, "talking to the council") is not tell


def test_rising_quantities_are_not_cut() -> None:
    claims = run('"Prices are rising and will keep rising," the economist said.\n')
    assert len([c for c in claims if "rising" in c.text]) == 1


def test_an_absolute_with_clause_shares_the_plan_of_its_sentence() -> None:
    claims = run(
        "A vaccination drive in the region will begin on 2 October, with nurses "
        "visiting the worst-hit villages first.\n"
    )
    drive = find(claims, "will begin on 2 October")
    nurses = find(claims, "nurses visiting")
    assert drive is not nurses and nurses.text.startswith("nurses")
    assert nurses.kind is ClaimKind.COMMITMENT
    assert "kind.coordinated" in nurses.rules


def test_an_absolute_after_a_past_sentence_is_no_claim() -> None:
    claims = run("The crowd left the ground early, with fans singing in the rain.\n")
    assert not any("fans singing" in c.text for c in claims)


def test_were_unable_and_would_have_to_is_a_second_claim() -> None:
    claims = run(
        "The club said they were unable to get the permits from the council and would "
        "therefore have to delay the opening.\n"
    )
    delay = find(claims, "have to delay the opening")
    assert "permits" not in delay.text
    assert delay.kind is ClaimKind.COMMITMENT


def test_and_given_starts_a_second_claim() -> None:
    claims = run(
        '"It is now a matter of days until the ward reopens and given the storms we '
        'faced, that alone will be a relief," the director said.\n'
    )
    opening = find(claims, "matter of days")
    assert opening.kind is ClaimKind.COMMITMENT
    assert "relief" not in opening.text


def test_an_absolute_the_main_clause_runs_past_is_not_cut() -> None:
    claims = run(
        "The cup will be staged in three countries, with 48 teams taking part, from "
        "11 June to 19 July.\n"
    )
    cup = find(claims, "will be staged")
    assert "11 June" in cup.text


def test_an_embedded_relative_schedule_is_a_claim_inside_its_sentence() -> None:
    claims = run(
        "Two river ferries, which will be free for children until June, will "
        "also start on that day.\n"
    )
    whole = find(claims, "will also start on that day")
    assert whole.text.startswith("Two river ferries")
    (free,) = [c for c in claims if c.text == "which will be free for children until June"]
    assert free.kind is ClaimKind.COMMITMENT


def test_a_second_dated_object_of_one_verb_is_a_second_claim() -> None:
    claims = run(
        "Kestrel Air said it will start Leeds-Oslo flights from 1 July and the "
        "Leeds-Bergen service from 2 July.\n"
    )
    oslo = find(claims, "Leeds-Oslo flights from 1 July")
    bergen = find(claims, "Leeds-Bergen service from 2 July")
    assert oslo is not bergen and "Bergen" not in oslo.text
    assert bergen.kind is ClaimKind.COMMITMENT
    assert bergen.due is not None and bergen.due.start is not None
    assert bergen.due.start.day == 2


def test_a_dated_and_clause_with_its_own_modal_is_left_to_the_clause_rules() -> None:
    claims = run("The depot closes on 1 July and it will reopen in May, the owners said.\n")
    assert not any("kind.coordinated" in c.rules for c in claims)


def test_reported_and_it_was_is_a_second_reported_claim() -> None:
    claims = run(
        "The treasurer said the audit landed on Friday night and it was too early "
        "to judge the new date.\n"
    )
    second = find(claims, "too early to judge")
    assert second.text.startswith("it was")
    assert "Friday" not in second.text


def test_each_cut_is_named_in_the_claims_rules() -> None:
    claims = run(
        "The first phase of the works ends on 28 March, while the rest of the works "
        "will continue after the festival.\n"
    )
    rest = find(claims, "the rest of the works will continue")
    assert "clause.while" in rest.rules
    text = "the depot will close , while the rest will move"
    toks = TokenIndex(text).slice(0, len(text))
    assert [name for _, name in named_cuts(toks)] == ["clause.while"]
    assert schedule_cuts(toks) == [k for k, _ in named_cuts(toks)]


def test_a_headline_of_two_clauses_joined_by_as_is_two_claims() -> None:
    claims = run("Bus drivers threaten strike as union sets Friday deadline\n\nTalks failed.\n")
    threat = find(claims, "threaten strike")
    deadline = find(claims, "union sets Friday deadline")
    assert threat is not deadline
    assert threat.kind is ClaimKind.COMMITMENT and deadline.kind is ClaimKind.DEMAND


def test_a_comma_splice_in_a_quotation_is_two_claims() -> None:
    claims = run(
        '"We are glad that the two new wards will be opening soon, our nurses have been '
        'training for months to staff them," the hospital said.\n'
    )
    stops = find(claims, "wards will be opening soon")
    assert "nurses" not in stops.text
    assert stops.kind is ClaimKind.COMMITMENT


def test_an_apposition_is_no_comma_splice() -> None:
    claims = run('"The plan, our biggest yet, is ready," the director said.\n')
    assert len(claims) == 1

"""Speakers in wire copy: datelines, posts, statements, reporters, relayed sources,
roles in apposition and quotations running on (sentences written for these tests)."""

from __future__ import annotations

from datetime import datetime, timezone

from claimtrack import Claim
from claimtrack.english.attribution import dash_dateline, is_dateline, source_words
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english

# A Wednesday.
PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)


def run(text: str) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher="Kelby Courier")


def speaker(claims: list[Claim], words: str) -> str | None:
    claim = find(claims, words)
    return claim.speaker.name if claim.speaker else None


def test_a_colon_dateline_is_a_place_not_a_speaker() -> None:
    claims = run(
        "Ferry line to add crossing\n\nPORTSMOUTH: Harbour Lines will add a night crossing "
        "in April, its chair Ann Cole said.\n"
    )
    claim = find(claims, "night crossing")
    assert claim.speaker is not None and claim.speaker.name == "Ann Cole"
    assert not claim.text.startswith("PORTSMOUTH")
    assert claim.rules[0] == "attribution.dateline"


def test_a_dash_dateline_with_an_agency_is_set_apart() -> None:
    claims = run(
        "Ferry line to add crossing\n\nKELBY (Wire) — Harbour Lines will add a night "
        "crossing in April, its chair Ann Cole said.\n"
    )
    assert speaker(claims, "night crossing") == "Ann Cole"
    assert "(Wire)" not in find(claims, "night crossing").text


def test_a_transcript_label_used_again_is_a_speaker_not_a_dateline() -> None:
    assert not is_dateline(["Jo", "Tamsin"], first_paragraph=True, used_again=True)
    assert not is_dateline(["Jo", "Tamsin"], first_paragraph=False, used_again=False)
    assert is_dateline(["New", "Port"], first_paragraph=True, used_again=False)
    assert is_dateline(["KELBY"], first_paragraph=True, used_again=True) is False
    assert dash_dateline("KELBY CITY (Wire) — The board") == len("KELBY CITY (Wire) — ")
    assert dash_dateline("The board — a body of five — said") == 0


def test_a_post_and_reporters_name_their_author() -> None:
    claims = run(
        "Ferries for the city\n\nThe mayor, Jo Pell, wrote in a post on Tuesday that the city "
        "would buy two ferries by June.\n\nRavi Holt told reporters the depot would reopen "
        "next week.\n"
    )
    assert speaker(claims, "two ferries") == "Jo Pell"
    assert speaker(claims, "depot would reopen") == "Ravi Holt"


def test_a_statement_from_an_organisation_is_the_organisation_s() -> None:
    claims = run(
        "Crossing plans\n\nThe ferry line will add a night crossing in April, according to a "
        "statement from Harbour Lines.\n\nIn a statement on its website, the Fenwick Trust "
        "said it would close the museum in July.\n"
    )
    assert speaker(claims, "night crossing") == "Harbour Lines"
    assert speaker(claims, "close the museum") == "the Fenwick Trust"
    assert source_words(["a", "written", "statement", "from", "Harbour", "Lines"]) == [
        "Harbour",
        "Lines",
    ]
    assert source_words(["the", "chief", "executive"]) == ["the", "chief", "executive"]


def test_a_relayed_source_is_the_one_who_said_it() -> None:
    claims = run(
        "Tram plans\n\nThe regional paper reports that the mayor, Jo Pell, said the tram "
        "line would open in the autumn.\n"
    )
    assert speaker(claims, "tram line would open") == "Jo Pell"


def test_a_relative_who_said_names_the_person_before_it() -> None:
    claims = run(
        "Ward to reopen\n\nThe panel heard from Dana Prill, the chair of the Kelby Health "
        "Board (KHB), who said the ward would reopen in May.\n"
    )
    assert speaker(claims, "ward would reopen") == "Dana Prill"


def test_a_role_at_an_organisation_after_a_name_leaves_the_name_speaking() -> None:
    claims = run(
        'Quay to open\n\nSam Ostrow, chief operating officer at Harbour Lines said: "We will '
        'open the new quay in June."\n'
    )
    assert speaker(claims, "new quay") == "Sam Ostrow"


def test_an_adverb_before_the_cue_keeps_the_subject() -> None:
    claims = run(
        "Crossing\n\nHarbour Lines has formally announced that it will add a night crossing "
        "in April.\n"
    )
    assert speaker(claims, "night crossing") == "Harbour Lines"


def test_a_role_before_a_name_after_a_determiner_is_that_person() -> None:
    claims = run(
        "Night bus\n\nThe firm's CEO Dana Prill said the change would help shift workers. \"We "
        'will start selling tickets for our late bus to Aberlin next week," she added.\n'
    )
    assert speaker(claims, "late bus to Aberlin") == "Dana Prill"


def test_a_given_name_alone_is_a_person_for_the_he_that_follows() -> None:
    claims = run(
        'Bakery shuts\n\nOn March 12, the corner bakery will shut for good.\n\nTom said: "I '
        'grew up here."\n\nHe added: "I would not swap this town for any other."\n'
    )
    assert speaker(claims, "swap this town") == "Tom"


def test_a_quotation_running_over_paragraphs_keeps_its_speaker() -> None:
    claims = run(
        'Buses\n\nRavi Holt, the depot\'s manager, said: "We will hire 50 drivers.\n\n"We will '
        'also buy ten new buses by the summer."\n'
    )
    claim = find(claims, "ten new buses")
    assert claim.speaker is not None and claim.speaker.name == "Ravi Holt"
    assert "attribution.chain" in claim.rules


def test_an_aged_description_is_the_person_in_focus() -> None:
    claims = run(
        "Ballot\n\nInterim chair Lena Varga said on Friday that a ballot would take place in June."
        "\n\nThe 79-year-old retired surgeon is running the board until the ballot and "
        "has pledged to hand over the role once the count ends.\n"
    )
    assert speaker(claims, "hand over the role") == "Lena Varga"


def test_a_spokesperson_for_someone_is_not_that_someone() -> None:
    claims = run(
        "Mayors\n\nPremier Janet Corl met the mayors. A spokesperson for Corl said the premier "
        "would hold a call with the mayors on Monday.\n"
    )
    name = speaker(claims, "hold a call")
    assert name is not None and "spokesperson" in name


def test_a_cue_word_used_as_a_noun_names_no_speaker() -> None:
    claims = run(
        "Pay\n\nThe captain of the national team, Ola Brandt, welcomed the prize-money pledge "
        "but urged the league to introduce a minimum salary for players.\n"
    )
    assert speaker(claims, "minimum salary") == "Ola Brandt"


def test_a_possessive_before_a_cue_word_makes_it_a_noun() -> None:
    claims = run(
        "Budget\n\nChief Minister Ravi Naidu said the opposition's promises would bankrupt the "
        "state within two years.\n"
    )
    assert speaker(claims, "bankrupt the state") == "Ravi Naidu"


def test_a_cue_inside_a_condition_is_no_new_speaker() -> None:
    claims = run(
        "Vote\n\nAdam Kral, chairman of the clubs' association, said his members would vote "
        "against the package unless the league guaranteed payments for two seasons.\n"
    )
    for claim in claims:
        assert claim.speaker is not None and claim.speaker.name != "the league"


def test_an_auxiliary_ends_the_subject_before_a_cue() -> None:
    claims = run(
        "Farmers\n\nKiran Das, secretary of the farmers' union, said the union would campaign "
        "for whichever party wrote the higher price into law, and urged both parties to open "
        "procurement centres.\n"
    )
    for claim in claims:
        assert claim.speaker is not None and "whichever" not in claim.speaker.name
        assert "would" not in claim.speaker.name.split()


def test_a_possessive_role_opening_the_clause_is_the_participle_s_subject() -> None:
    claims = run(
        "Rates\n\nThe finance ministry said it respected the bank. Italy's economy minister, "
        "however, urged the bank to act at once, saying that every month of waiting cost "
        "jobs.\n"
    )
    assert speaker(claims, "every month of waiting") == "Italy's economy minister"


def test_a_passive_agent_takes_the_position_one_claim_each() -> None:
    claims = run(
        "Library\n\nThe proposals to sell the Dunmore library were criticised by school governors "
        "and parish councillors over the shorter hours.\n\nThe Rural Party called for "
        "the car park to be closed, but this was disputed by the county board.\n"
    )
    opposed = [c for c in claims if "were criticised" in c.text]
    names = sorted(c.speaker.name for c in opposed if c.speaker)
    assert names == ["parish councillors", "school governors"]
    assert all("attribution.passive-agent" in c.rules for c in opposed)
    assert speaker(claims, "this was disputed") == "the county board"
    assert speaker(claims, "car park to be closed") == "The Rural Party"


def test_a_passive_agent_inside_a_report_leaves_the_report_standing() -> None:
    claims = run(
        "Mill\n\nThe mill's owners said the plans to close the mill were opposed by unions.\n"
    )
    assert speaker(claims, "plans to close") == "The mill's owners"

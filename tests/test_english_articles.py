"""The English extractor on articles of different shapes, written for these tests."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack import Claim, ClaimKind
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english

PUBLISHED = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)


def run(text: str, publisher: str | None = None) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher=publisher)


PRESS_RELEASE = """Northfield Council announces £40m plan to rebuild riverside schools

By Tom Ellery | Northfield Gazette

Northfield Council will rebuild three riverside primary schools by September 2027, the council's leader confirmed on Tuesday.

Cllr Priya Mandal, leader of the council, said the first school would open its new classrooms in January.

"We will hire forty additional teaching assistants and publish a full timetable next month," she said. "Families deserve certainty."

Share this article

Opposition councillors urged the authority to freeze car parking charges until the works are finished.
"""

EARNINGS = """Harbourline Shipping lifts forecast as freight volumes recover

Harbourline Shipping said on Thursday that it expects full-year revenue to rise by about 8%, after container volumes recovered in the second quarter.

Chief executive Marta Olsen told analysts that the company plans to return £200m to shareholders through a buyback starting next quarter.

"We are committed to cutting our emissions by half by 2030, and we will not compromise on safety," Ms Olsen said.

According to the finance director, Lee Chang, the group will cut its net debt below £1bn by the end of the year.

Analysts at Kestrel Bank warned that fuel costs could erode margins if oil prices keep climbing.
"""

INTERVIEW = """Interview: the mayor on housing, buses and the budget

Q: Will you build the homes you promised?

Mayor Dana Whitlock: Yes. We will deliver 5,000 affordable homes before the next election, and I will publish progress figures every quarter.

Q: What about bus fares?

Whitlock: If the government cuts our grant, we must find savings elsewhere. Ministers need to give cities longer funding settlements.
"""

REPORTED = """Ministers agree to review farm subsidies

The Environment Secretary, Helen Marsh, said the government would publish a review of farm subsidies in the spring. She added that the scheme was working.

Farming unions warned that many smaller farms could close within five years unless payments were increased.

Mrs Marsh told the Commons that officials are set to meet union leaders next week. Dr. John Pike of the U.S. Department of Agriculture, who advised on the scheme, said it was "a sensible start".
"""


def test_press_release_publisher_from_byline_and_furniture_skipped() -> None:
    claims = run(PRESS_RELEASE)
    assert not any("Share this" in c.text for c in claims)
    assert not any("Tom Ellery" in c.text for c in claims)
    hire = find(claims, "hire forty additional teaching assistants")
    assert hire.kind is ClaimKind.COMMITMENT
    assert hire.speaker is not None and hire.speaker.name == "Priya Mandal"
    assert hire.direct and hire.cue == "said"
    assert hire.due is not None and hire.due.text == "next month"


def test_press_release_inverted_attribution_and_demand() -> None:
    claims = run(PRESS_RELEASE)
    rebuild = find(claims, "will rebuild three riverside primary schools")
    assert rebuild.kind is ClaimKind.COMMITMENT
    assert rebuild.speaker is not None and "leader" in rebuild.speaker.name
    assert rebuild.due is not None and rebuild.due.text == "by September 2027"
    urge = find(claims, "freeze car parking charges")
    assert urge.kind is ClaimKind.DEMAND
    assert urge.actor is not None and urge.actor.name == "the authority"


def test_earnings_statement() -> None:
    claims = run(EARNINGS)
    revenue = find(claims, "expects full-year revenue to rise")
    assert revenue.kind is ClaimKind.PREDICTION
    assert revenue.speaker is not None and revenue.speaker.name == "Harbourline Shipping"
    buyback = find(claims, "plans to return £200m")
    assert buyback.kind is ClaimKind.COMMITMENT
    assert buyback.speaker is not None and buyback.speaker.name == "Marta Olsen"
    # one quotation, two undertakings: each is its own claim
    emissions = find(claims, "cutting our emissions by half")
    safety = find(claims, "we will not compromise on safety")
    assert emissions.span != safety.span
    assert safety.action == "not compromise on safety"
    assert emissions.due is not None and emissions.due.text == "by 2030"
    debt = find(claims, "cut its net debt")
    assert debt.speaker is not None and debt.speaker.name == "Lee Chang"
    assert debt.cue == "according to"
    margins = find(claims, "fuel costs could erode margins")
    assert margins.kind is ClaimKind.PREDICTION
    assert margins.condition == "if oil prices keep climbing"


def test_interview_labels_speak_and_questions_do_not() -> None:
    claims = run(INTERVIEW)
    assert not any("?" in c.text for c in claims)
    homes = find(claims, "deliver 5,000 affordable homes")
    assert homes.speaker is not None and homes.speaker.name == "Dana Whitlock"
    assert homes.kind is ClaimKind.COMMITMENT
    figures = find(claims, "publish progress figures")
    assert figures.span != homes.span
    savings = find(claims, "find savings elsewhere")
    assert savings.speaker is not None and savings.speaker.id == homes.speaker.id
    assert savings.kind is ClaimKind.COMMITMENT
    assert savings.condition == "If the government cuts our grant"
    ministers = find(claims, "Ministers need to give cities")
    assert ministers.kind is ClaimKind.DEMAND


def test_reported_speech_without_quotes() -> None:
    claims = run(REPORTED)
    headline = find(claims, "Ministers agree to review farm subsidies")
    assert headline.kind is ClaimKind.COMMITMENT
    review = find(claims, "the government would publish a review")
    assert review.speaker is not None and review.speaker.name == "Helen Marsh"
    assert review.kind is ClaimKind.COMMITMENT
    added = find(claims, "the scheme was working")
    assert added.speaker is not None and added.speaker.id == review.speaker.id  # "She"
    meeting = find(claims, "officials are set to meet union leaders")
    assert meeting.speaker is not None and meeting.speaker.id == review.speaker.id  # "Mrs Marsh"
    assert meeting.due is not None and meeting.due.text == "next week"
    pike = find(claims, "a sensible start")
    assert pike.speaker is not None and pike.speaker.name == "John Pike"
    farms = find(claims, "many smaller farms could close")
    assert farms.kind is ClaimKind.PREDICTION
    assert farms.condition == "unless payments were increased"


def test_abbreviations_do_not_split_sentences() -> None:
    claims = run('Mr. Jones said the U.S. Army would not leave. Gen. Clark said: "We will stay."')
    jones = find(claims, "Army would not leave")
    assert jones.speaker is not None and jones.speaker.name == "Jones"
    stay = find(claims, "We will stay")
    assert stay.speaker is not None and stay.speaker.name == "Clark"


def test_quote_before_and_after_attribution_and_across_paragraphs() -> None:
    text = (
        "The minister spoke on Monday.\n\n"
        "\u201cWe will open the bridge by June,\u201d said Anna Berg, \u201cand we will not raise tolls.\n\n"
        "\u201cThe council must approve the budget first.\u201d\n\n"
        "'Roads matter to everyone,' she added."
    )
    claims = run(text)
    bridge = find(claims, "open the bridge by June")
    assert bridge.speaker is not None and bridge.speaker.name == "Anna Berg"
    tolls = find(claims, "not raise tolls")
    council = find(claims, "The council must approve the budget first")
    assert tolls.speaker == bridge.speaker == council.speaker
    assert council.kind is ClaimKind.DEMAND
    roads = find(claims, "Roads matter")
    assert roads.speaker is not None and roads.speaker.id == bridge.speaker.id


@pytest.mark.parametrize(
    ("sentence", "kind", "condition"),
    [
        (
            '"We are ready to deploy troops in the event of a truce," he said.',
            "commitment",
            "in the event of a truce",
        ),
        ('"Stop the shelling now," he said.', "demand", None),
        ('"The rebels must lay down their arms," he said.', "demand", None),
        ('"Prices will fall next year," he said.', "prediction", None),
        ('"The talks were useful," he said.', "statement", None),
        (
            '"Should the vote fail, we will call an election," he said.',
            "commitment",
            "Should the vote fail",
        ),
    ],
)
def test_kinds_and_conditions(sentence: str, kind: str, condition: str | None) -> None:
    claims = run("Sam Reed arrived.\n" + sentence)
    claim = claims[-1]
    assert claim.kind.value == kind
    assert claim.condition == condition
    assert claim.speaker is not None and claim.speaker.name == "Sam Reed"


def test_confidences_are_in_range() -> None:
    for text in (PRESS_RELEASE, EARNINGS, INTERVIEW, REPORTED):
        for claim in run(text):
            assert 0.0 <= claim.confidence <= 1.0
            assert claim.confidences["speaker"] is not None
            if claim.kind is ClaimKind.STATEMENT:
                assert claim.due is None and claim.actor is None

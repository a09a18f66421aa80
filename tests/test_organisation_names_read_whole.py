"""An organisation's name is read whole and printed as written: its leading words
before a plural possessive or an "of" are kept, and a possessive actor loses only its
mark.  Sentences of our own."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack.testing import extract_english

PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)


def speaker_and_actor(text: str, words: str) -> tuple[str | None, str | None]:
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    found = [c for c in claims if words in c.text]
    assert found, [c.text for c in claims]
    c = found[0]
    return (c.speaker.name if c.speaker else None, c.actor.name if c.actor else None)


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_plural_possessive_inside_a_name_keeps_its_leading_words(mark: str) -> None:
    text = f"The Walkers{mark} Union said it would hold a march on Friday."
    speaker, actor = speaker_and_actor(text, "hold a march")
    assert speaker == f"The Walkers{mark} Union"  # as written
    assert actor == speaker


def test_an_of_name_with_an_article_is_one_name() -> None:
    text = "The Guild of Harbour Pilots said it would stop night work in March."
    speaker, _ = speaker_and_actor(text, "stop night work")
    assert speaker == "The Guild of Harbour Pilots"


def test_a_person_of_an_organisation_is_still_the_person() -> None:
    text = "Dr Lena Voss of the Kelby Water Board said the pipes would be replaced in May."
    speaker, _ = speaker_and_actor(text, "the pipes would be replaced")
    assert speaker == "Lena Voss"


def test_a_possessive_actor_loses_only_its_mark() -> None:
    text = "The club’s plan to rebuild the north stand will go ahead next year, the mayor said."
    _, actor = speaker_and_actor(text, "rebuild the north stand")
    assert actor is not None and actor.lower() == "the club"


def test_a_possessive_inside_an_addressee_is_kept() -> None:
    text = "The union urged the councils' leaders to publish the audit by June."
    _, actor = speaker_and_actor(text, "publish the audit")
    assert actor == "the councils' leaders"


def test_a_place_name_with_a_possessive_is_no_owner() -> None:
    text = "Queen's Park has to come to the table with real money by February, the mayor said."
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    assert all("actor.possessor" not in c.rules for c in claims)


def test_a_given_name_after_an_interview_setting_is_the_speaker() -> None:
    text = (
        "Angela Hale has worked at the plant for years. In an interview with the "
        'Courier Angela said: "I started here as a teenager."'
    )
    speaker, _ = speaker_and_actor(text, "I started here")
    assert speaker == "Angela"

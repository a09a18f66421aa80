"""Who must act is someone: pronouns resolve to the organisation or person they stand
for, an event's participants act, an agentless passive falls to the speaker's side
with low confidence, and no fragment ("It", "thats", "has") is ever an actor."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Claim, ClaimKind
from claimtrack.english.actor import FRAGMENTS
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english

PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)


def run(text: str) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher="Kelby Courier")


def actor(claims: list[Claim], words: str) -> str | None:
    claim = find(claims, words)
    return claim.actor.name if claim.actor else None


def test_it_is_the_organisation_that_said_it() -> None:
    claims = run("Jobs\n\nThe Alder Group said it would cut 40 jobs next year.\n")
    assert actor(claims, "cut 40 jobs") == "The Alder Group"
    assert "actor.pronoun" in find(claims, "cut 40 jobs").rules


def test_they_is_the_group_that_said_it() -> None:
    claims = run("Strike\n\nThe Kelby Nurses Union said they would strike in May.\n")
    assert actor(claims, "would strike") == "The Kelby Nurses Union"


def test_it_in_the_article_s_own_sentence_is_the_organisation_in_the_news() -> None:
    claims = run(
        "Depot\n\nHarbour Lines said on Monday that fares would rise.\n\nIt will open a new "
        "depot in June.\n"
    )
    assert actor(claims, "new depot") == "Harbour Lines"


def test_an_event_s_participants_act() -> None:
    claims = run(
        "Talks\n\nTalks between the two unions will take place on Friday, the mediator said.\n"
    )
    assert actor(claims, "take place") == "the two unions"
    assert "actor.event-participants" in find(claims, "take place").rules


def test_an_agentless_passive_falls_to_the_speaker_s_side_with_low_confidence() -> None:
    claims = run("Permits\n\nPermits would be issued within weeks, the planning office said.\n")
    claim = find(claims, "Permits would be issued")
    assert claim.actor is not None and claim.actor.name == "the planning office"
    assert (claim.confidences["actor"] or 1.0) < 0.5
    assert "actor.agentless-passive" in claim.rules


def test_a_passive_with_its_agent_is_the_agent_s() -> None:
    claims = run("Bridge\n\nThe bridge will be built by Orland Works, the council said.\n")
    assert actor(claims, "bridge will be built") != "the council"


def test_a_process_is_run_by_the_speaker_s_side() -> None:
    claims = run("Plant\n\nTesting will resume at the Tollby plant in August, Brant Motors said.\n")
    assert actor(claims, "Testing will resume") == "Brant Motors"


def test_a_time_phrase_before_the_subject_is_not_the_actor() -> None:
    claims = run(
        "Depot\n\nBrant Dairy said last spring it was planning to sell the Tollby depot.\n"
    )
    claim = find(claims, "planning to sell")
    if claim.actor is not None:
        assert not claim.actor.name.lower().startswith("last")


TEMPLATES = [
    "{subj} will close the depot in May, the Alder Group said.",
    "The Alder Group said {subj} would close the depot in May.",
    "{subj} would be closed in May, the Alder Group said.",
    "{subj} will take place on Friday, the mediator said.",
    "The Alder Group said that, in May, {low} would close the depot.",
]
SUBJECTS = ["It", "They", "This", "That", "There", "You", "Thats", "Which", "Business"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(TEMPLATES), st.sampled_from(SUBJECTS))
def test_no_actor_is_a_pronoun_or_a_fragment(template: str, subj: str) -> None:
    if subj == "Business" and "{low}" not in template:
        return  # a capitalised word opening a sentence may be a name ("Tesla will ...")
    text = "Headline words here\n\n" + template.format(subj=subj, low=subj.lower()) + "\n"
    for claim in run(text):
        if claim.kind is ClaimKind.STATEMENT or claim.actor is None:
            continue
        name = claim.actor.name.lower().replace("’", "'")
        assert name not in FRAGMENTS | {"it", "they", "them", "he", "she", "has", "business"}


def test_a_thing_is_run_by_the_organisation_in_the_news() -> None:
    claims = run(
        "Terminal\n\nHarbour Lines said on Monday that fares would rise.\n\nThe new terminal "
        "will open in June.\n"
    )
    claim = find(claims, "new terminal")
    assert claim.actor is not None and claim.actor.name == "Harbour Lines"
    assert (claim.confidences["actor"] or 1.0) < 0.5


def test_a_named_thing_keeps_its_name() -> None:
    claims = run(
        "Line\n\nHarbour Lines said on Monday that fares would rise.\n\nThe Kelby Line will "
        "open in June.\n"
    )
    assert actor(claims, "Kelby Line") == "The Kelby Line"

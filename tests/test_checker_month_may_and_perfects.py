"""The month of May is no modal ("reopened on 19 May" is no risk, "due on 30 May, has
been pushed back" no future), and a perfect of a verb the same in the past ("has
shut", "have cut") reports what happened."""

from __future__ import annotations

import pytest

from claimtrack.checking.reading import Mention, find_cues, verb_tense
from claimtrack.checking.text import tokens


def _at(text: str, word: str) -> int:
    return next(i for i, t in enumerate(tokens(text)) if t.low == word)


@pytest.mark.parametrize(
    "text",
    [
        "The bridge reopened on Monday 19 May, ten days late.",
        "The hall opened in May after a long delay.",
    ],
)
def test_the_month_of_may_is_no_doubt(text: str) -> None:
    toks = tokens(text)
    k = _at(text, "reopened" if "reopened" in text else "opened")
    mention = Mention(k, k + 1, "verb", frozenset({"open"}), "past", False, "opened")
    assert "doubt" not in {h.group for h in find_cues(toks, text, mention, headline=False)}


def test_may_the_modal_is_still_doubt() -> None:
    text = "The bridge may be delayed by the floods."
    toks = tokens(text)
    mention = Mention(1, 2, "noun", frozenset(), "none", False, "bridge")
    assert "doubt" in {h.group for h in find_cues(toks, text, mention, headline=False)}


def test_a_date_in_may_before_the_verb_is_no_future() -> None:
    text = "The opening, due on 30 May, has been pushed back to September."
    assert verb_tense(tokens(text), _at(text, "pushed"))[0] == "past"


@pytest.mark.parametrize(
    ("text", "word"),
    [("Kestrel Energy has shut its plant.", "shut"), ("The banks have cut their rates.", "cut")],
)
def test_a_perfect_of_a_verb_the_same_in_the_past_is_past(text: str, word: str) -> None:
    assert verb_tense(tokens(text), _at(text, word))[0] == "past"


@pytest.mark.parametrize(
    ("actor", "text", "other"),
    [
        ("Greyfield Council", "Marsham Council reopened its baths.", "Marsham"),
        ("Solway Water", "Tyne Water published its plan.", "Tyne"),
        ("Lena Brandt", "Mayor Tomas Brandt signed an order.", "Tomas Brandt"),
        ("Ostrava Steel", "Kladno Steel restarted its furnace.", "Kladno Steel"),
        ("Greyfield Council", "Greyfield Council reopened its baths.", None),
        ("Lena Brandt", "Mayor Brandt signed the order.", None),
        ("Lena Brandt", "Brandt signed the order.", None),
    ],
)
def test_someone_else_of_the_same_kind_of_name(actor: str, text: str, other: str | None) -> None:
    from claimtrack.checking.actors import actor_terms, other_actor
    from claimtrack.model import Actor, ActorKind

    kind = ActorKind.PERSON if actor == "Lena Brandt" else ActorKind.UNKNOWN
    assert other_actor(actor_terms(Actor.named(actor, kind)), tokens(text)) == other

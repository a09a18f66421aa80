"""Organisations a text defines by their initials ("Transport for London (TfL)"): the
initials are always those of the name found, and a bracket that is no such definition
gives nothing.  Sentences of our own, and generated ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.english.actor_bodies import defined_organisations


def test_names_with_their_initials() -> None:
    text = (
        "Works by Transport for London (TfL) and the Kelby Water Board (KWB), said "
        "Mara Lind (45), of the Ash Valley Trust (AVT)."
    )
    assert defined_organisations(text) == [
        ("Transport for London", "TfL"),
        ("Kelby Water Board", "KWB"),
        ("Ash Valley Trust", "AVT"),
    ]


def test_brackets_that_define_nothing() -> None:
    assert defined_organisations("The mayor (who spoke first) left (UK).") == []


WORD = st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True)


@given(st.lists(WORD, min_size=2, max_size=5), st.text(max_size=40))
def test_the_initials_are_the_names(words: list[str], noise: str) -> None:
    initials = "".join(w[0] for w in words)
    text = f"{noise} {' '.join(words)} ({initials}) said"
    for name, found in defined_organisations(text):
        assert "".join(w[0] for w in name.split() if w[:1].isupper()).lower() == found.lower()
    assert (" ".join(words), initials) in defined_organisations(text)

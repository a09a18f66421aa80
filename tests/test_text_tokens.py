"""The shared tokeniser: offsets are exact, tokens ordered and disjoint, nothing lost."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.text import WORD_TOKENS, Token, TokenIndex, tokenize

PIECES = [
    "The council's",
    "won't",
    "Soo-yeon Park",
    "long-term",
    "didn’t",
    "U.S.",
    "20th",
    "£5m",
    "—",
    "“",
    "”",
    "'",
    "_",
    "\n",
    "\t",
    "é",
    "ÉCOLE",
    "x-",
    "-y",
]
texty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join)
patterns = st.sampled_from([None, WORD_TOKENS])


def _tokens(text: str, pattern: object, start: int = 0, end: int | None = None) -> list[Token]:
    if pattern is None:
        return tokenize(text, start, end)
    return tokenize(text, start, end, pattern=WORD_TOKENS)


@settings(max_examples=300, deadline=None)
@given(st.one_of(texty, st.text(max_size=200)), patterns)
def test_tokens_are_ordered_disjoint_and_exact(text: str, pattern: object) -> None:
    toks = _tokens(text, pattern)
    last_end = 0
    for t in toks:
        assert last_end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.low == t.text.lower()
        assert t.is_word == t.text[:1].isalnum()
        assert t.is_cap == t.text[:1].isupper()
        last_end = t.end
    assert len(toks) <= len(text)  # each token reads at least one character


@settings(max_examples=200, deadline=None)
@given(st.one_of(texty, st.text(max_size=200)))
def test_news_tokens_cover_every_non_space_character(text: str) -> None:
    covered = "".join(t.text for t in tokenize(text))
    assert covered == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.one_of(texty, st.text(max_size=120)), st.data())
def test_a_range_is_tokenised_within_the_range(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    for t in tokenize(text, a, b):
        assert a <= t.start < t.end <= b
    index = TokenIndex(text)
    assert index.slice(a, b) == [t for t in tokenize(text) if a <= t.start and t.end <= b]


def test_news_words_keep_one_apostrophe_and_hyphenated_names() -> None:
    text = "Soo-yeon said the council's plan won't slip; a long-term deal."
    assert [t.text for t in tokenize(text)] == [
        "Soo-yeon",
        "said",
        "the",
        "council's",
        "plan",
        "won't",
        "slip",
        ";",
        "a",
        "long",
        "-",
        "term",
        "deal",
        ".",
    ]


def test_word_tokens_keep_hyphenated_words_and_skip_punctuation() -> None:
    text = "A long-term deal, they didn't say."
    assert [t.text for t in tokenize(text, pattern=WORD_TOKENS)] == [
        "A",
        "long-term",
        "deal",
        "they",
        "didn't",
        "say",
    ]


def test_a_token_is_built_from_four_fields_and_is_frozen() -> None:
    token = Token(4, 9, "Mayor", "mayor")
    assert token.is_word and token.is_cap
    assert not Token(0, 1, ",", ",").is_word
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        token.start = 0  # type: ignore[misc]

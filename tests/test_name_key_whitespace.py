"""A name's lookup key reads any run of whitespace as one space, as the regular
expression ``\\s+`` does (the key is made with ``str.split``, which is faster)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.actors import normalise_name

_SPACE = re.compile(r"\s+")


def _by_pattern(name: str) -> str:
    key = _SPACE.sub(" ", name.replace("\u2019", "'")).strip().casefold()
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip(" .,;:")


def test_every_whitespace_character_splits_a_name_as_the_pattern_does() -> None:
    for code in range(0x110000):
        ch = chr(code)
        assert ch.isspace() == bool(_SPACE.fullmatch(ch)), hex(code)


@given(st.text(alphabet=st.sampled_from("ab T'’s.\t\n\u00a0\u2028\u3000\x1chE"), max_size=30))
def test_the_key_is_the_pattern_key(name: str) -> None:
    assert normalise_name(name) == _by_pattern(name)


def test_a_spaced_title_and_possessive_fold_to_one_key() -> None:
    assert normalise_name("  The\u00a0Harbour   Board’s ") == "harbour board"

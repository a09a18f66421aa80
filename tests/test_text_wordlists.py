"""The shared word lists: data files, read once, checked as they are read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import ClaimtrackError
from claimtrack.text import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    WordListError,
    list_names,
    numbered,
    parse_numbered,
    parse_set,
    word_set,
)


def test_every_bundled_list_loads() -> None:
    names = list_names()
    assert {"months", "weekdays", "titles", "abbreviations", "auxiliaries"} <= set(names)
    for name in names:
        try:
            assert numbered(name), name
        except WordListError:  # not a numbered list: a set list
            assert word_set(name), name


def test_calendar_names_number_the_calendar() -> None:
    assert sorted(MONTHS.values()) == list(range(1, 13))
    assert sorted(WEEKDAYS.values()) == list(range(7))
    assert set(MONTH_ABBREVIATIONS.values()) == set(range(1, 13)) - {5}  # "may" is whole
    assert set(WEEKDAY_ABBREVIATIONS.values()) == set(range(7))
    for abbr, month in MONTH_ABBREVIATIONS.items():
        assert next(m for m, n in MONTHS.items() if n == month).startswith(abbr)


def test_shared_lists_cannot_be_changed_by_a_reader() -> None:
    with pytest.raises(TypeError):
        MONTHS["smarch"] = 13  # type: ignore[index]


def test_a_missing_list_names_itself_and_the_known_lists() -> None:
    with pytest.raises(WordListError, match=r"no word list 'planets'.*months") as err:
        word_set("planets")
    assert isinstance(err.value, ClaimtrackError)


def test_comments_and_blank_lines_are_skipped() -> None:
    raw = "# the seasons\n\nspring 1  # the first\nsummer 2\n"
    assert parse_numbered("seasons", raw) == {"spring": 1, "summer": 2}
    assert parse_set("colours", "# colours\nred\n\n green \n") == {"red", "green"}


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("spring one\n", "line 1: want a lower-case word and a number"),
        ("spring 1\nSummer 2\n", "line 2: want a lower-case word and a number"),
        ("spring 1\nspring 2\n", "line 2: 'spring' is listed twice"),
    ],
)
def test_a_malformed_numbered_line_is_named(raw: str, problem: str) -> None:
    with pytest.raises(WordListError, match=re.escape(f"seasons.txt {problem}")):
        parse_numbered("seasons", raw)


@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=8), max_size=20))
def test_a_set_list_holds_exactly_its_stripped_lines(lines: list[str]) -> None:
    assert parse_set("test", "\n".join(lines)) == {ln.strip() for ln in lines if ln.strip()}


def test_an_upper_case_set_entry_is_refused() -> None:
    with pytest.raises(WordListError, match=r"titles\.txt line 2: 'Dame' is not lower case"):
        parse_set("titles", "sir\nDame\n")

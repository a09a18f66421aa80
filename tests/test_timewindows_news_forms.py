"""Time forms of news copy the grammar learned from real articles' due windows.

Every phrase here is written for the tests; each window was worked out by hand from
the bench conventions (``../shared/bench/README.md``): "in N months' time" is the one
day that far ahead, "later in <a period not yet begun>" is that whole period, "in the
new year" is the calendar year about to begin, and a month name before "deadline" is
that month even with no preposition before it.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack.timewindows import find_windows, parse_window

REF = datetime(2027, 10, 20, 15, 0, tzinfo=timezone.utc)  # a Wednesday


def days(text: str, tense: str | None = "future") -> tuple[str, str]:
    w = parse_window(text, REF, tense=tense)
    assert w is not None, text
    assert w.start is not None and w.end is not None
    return w.start.strftime("%Y-%m-%d %H:%M"), w.end.strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a hedge word between "in" and the duration changes nothing
        ("in just two months' time", ("2027-12-20 00:00", "2027-12-21 00:00")),
        ("in only six weeks", ("2027-12-01 00:00", "2027-12-02 00:00")),
        ("within just 10 days", ("2027-10-20 15:00", "2027-10-30 15:00")),
        # "later in" a year not yet begun: all of it; under way: the rest of it
        ("later in 2029", ("2029-01-01 00:00", "2030-01-01 00:00")),
        ("later in the year", ("2027-10-20 15:00", "2028-01-01 00:00")),
        ("later in November", ("2027-11-01 00:00", "2027-12-01 00:00")),
        # "in the new year": the calendar year about to begin
        ("in the new year", ("2028-01-01 00:00", "2029-01-01 00:00")),
        ("during the New Year", ("2028-01-01 00:00", "2029-01-01 00:00")),
        # ... while "by the new year" is still a deadline at New Year's Day
        ("by the new year", ("2027-10-20 15:00", "2028-01-02 00:00")),
    ],
)
def test_news_form(text: str, want: tuple[str, str]) -> None:
    assert days(text) == want


def test_new_year_said_in_january_is_the_year_begun() -> None:
    ref = datetime(2028, 1, 3, 9, 0, tzinfo=timezone.utc)
    w = parse_window("in the new year", ref, tense="future")
    assert w is not None and w.start is not None and w.end is not None
    assert (w.start.year, w.end.year) == (2028, 2029)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("Ministers set a June deadline for the new contracts.", ["June"]),
        ("The league sets November target for the stadium audit", ["November"]),
    ],
)
def test_month_before_a_deadline_noun_is_a_month(sentence: str, want: list[str]) -> None:
    found = find_windows(sentence, REF, tense="future")
    assert [w.text for _, w in found] == want


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands will March to the town hall on a route agreed with police.",
        "The group's members may deadline-chase all week.",
        "March organisers said the route was agreed.",
    ],
)
def test_month_words_without_a_cue_stay_words(sentence: str) -> None:
    assert find_windows(sentence, REF, tense="future") == []


def test_every_duration_from_a_day_is_a_frequency_then_a_start() -> None:
    found = find_windows(
        "A relief bus will run every ten minutes from Friday.", REF, tense="future"
    )
    assert [w.text for _, w in found] == ["from Friday"]
    w = found[0][1]
    assert w.start is not None and w.start.strftime("%Y-%m-%d") == "2027-10-22"
    # without "every" the duration is an offset from the day
    again = find_windows("The vote comes two weeks from Friday.", REF, tense="future")
    assert [w.text for _, w in again] == ["two weeks from Friday"]

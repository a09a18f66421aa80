"""The classes of expression the rule tables read beyond the first grammar: ordinals in
words, weekdays with dates, abbreviations, counted weekdays, parts of periods, quarters
and halves in every spelling, ranges, computed holidays, numbers in words, working days
and fortnights, compact dates; and the rule trace, the token entry point and the
dateparser fallback's languages.

The reference is Thursday 10 September 2026, 09:00 UTC.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack.timewindows import Trace, find_windows, parse_window
from claimtrack.timewindows._dateparser_fallback import languages_of
from claimtrack.timewindows._tokens import tokenize

REF = datetime(2026, 9, 10, 9, 0, tzinfo=timezone.utc)


def window(text: str, tense: str | None = "future") -> tuple[str, str]:
    w = parse_window(text, REF, tense=tense)
    assert w is not None, text
    assert w.start is not None and w.end is not None
    return w.start.strftime("%Y-%m-%d %H:%M"), w.end.strftime("%Y-%m-%d %H:%M")


def days(a: str, b: str) -> tuple[str, str]:
    return f"{a} 00:00", f"{b} 00:00"


CASES: list[tuple[str, str | None, tuple[str, str]]] = [
    # ordinal days in words
    ("the fifth of October", "future", days("2026-10-05", "2026-10-06")),
    ("October fifth", "future", days("2026-10-05", "2026-10-06")),
    ("the third day of December", "future", days("2026-12-03", "2026-12-04")),
    ("the 2nd of the following month", "future", days("2026-10-02", "2026-10-03")),
    # a weekday with a date: they agree
    ("Friday the 13th", "future", days("2026-11-13", "2026-11-14")),
    ("Thu, Dec 3", "future", days("2026-12-03", "2026-12-04")),
    ("Wednesday 10 September", "future", days("2025-09-10", "2025-09-11")),
    # abbreviations
    ("Oct. 19", "future", days("2026-10-19", "2026-10-20")),
    ("by Tues", "future", ("2026-09-10 09:00", "2026-09-16 00:00")),
    # counted weekdays, "after next"
    ("four Mondays from now", "future", days("2026-10-05", "2026-10-06")),
    ("3 Fridays ago", "past", days("2026-08-21", "2026-08-22")),
    ("Friday after next", "future", days("2026-09-25", "2026-09-26")),
    ("four days after tomorrow", "future", days("2026-09-15", "2026-09-16")),
    ("the Easter after next", "future", days("2028-04-16", "2028-04-17")),
    # parts of periods
    ("the final day of February", "future", days("2027-02-28", "2027-03-01")),
    ("the first week of 2027", None, days("2027-01-04", "2027-01-11")),
    ("the tenth month of 2026", None, days("2026-10-01", "2026-11-01")),
    # quarters, halves, fiscal years
    ("2027-Q1", None, days("2027-01-01", "2027-04-01")),
    ("4Q 2026", None, days("2026-10-01", "2027-01-01")),
    ("2027 H1", None, days("2027-01-01", "2027-07-01")),
    ("FY28", None, days("2028-01-01", "2029-01-01")),
    ("the quarter just ended", "past", days("2026-04-01", "2026-07-01")),
    # ranges
    ("Nov 2 – Dec 4, 2026", None, days("2026-11-02", "2026-12-05")),
    ("21-23 October", "future", days("2026-10-21", "2026-10-24")),
    ("from October to December 2027", None, days("2027-10-01", "2028-01-01")),
    ("for five days from 1 October", "future", days("2026-10-01", "2026-10-06")),
    ("a week starting Monday", "future", days("2026-09-14", "2026-09-21")),
    # holidays of lunar calendars, and relative to a year or count
    ("Yom Kippur", "future", days("2026-09-21", "2026-09-22")),
    ("Hanukkah", "future", days("2026-12-05", "2026-12-13")),
    ("Chinese New Year", "future", days("2027-02-06", "2027-02-07")),
    ("Diwali", "future", days("2026-11-08", "2026-11-09")),
    ("Christmas 2027", None, days("2027-12-25", "2027-12-26")),
    ("Easter in three years", "future", days("2029-04-01", "2029-04-02")),
    # numbers in words
    ("twenty twenty-eight", None, days("2028-01-01", "2029-01-01")),
    ("nineteen eighty-four", None, days("1984-01-01", "1985-01-01")),
    ("in forty days", "future", days("2026-10-20", "2026-10-21")),
    # working days and fortnights
    ("within three working days", "future", ("2026-09-10 09:00", "2026-09-15 09:00")),
    ("next working week", "future", days("2026-09-14", "2026-09-19")),
    ("two fortnights hence", "future", days("2026-10-08", "2026-10-09")),
    # compact forms
    ("20270214", None, days("2027-02-14", "2027-02-15")),
    ("2027-03", None, days("2027-03-01", "2027-04-01")),
    ("11/2026", None, days("2026-11-01", "2026-12-01")),
    ("2026-09-30T08:15", None, ("2026-09-30 08:15", "2026-09-30 08:16")),
]


@pytest.mark.parametrize(("text", "tense", "expected"), CASES)
def test_window(text: str, tense: str | None, expected: tuple[str, str]) -> None:
    assert window(text, tense) == expected


def test_ramadan_runs_to_eid() -> None:
    # Ramadan 2026 has ended by the reference: the coming one, until Eid al-Fitr.
    w = parse_window("Ramadan", REF, tense="future")
    eid = parse_window("Eid al-Fitr", REF, tense="future")
    assert w is not None and eid is not None and w.start is not None
    assert w.start.year == 2027 and w.end == eid.start


@pytest.mark.parametrize(
    "text", ["Monday the 32nd", "the thirty-second of May", "Q5 2026", "2026-13", "three Tuesdays"]
)
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_window(text, REF, tense="future") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "We may see what happens.",
        "Theresa May spoke to the Sunday Times.",
        "He sat down and the sun set.",
        "Fans of Easter Island came in their thousands.",
    ],
)
def test_names_and_words_are_not_times(sentence: str) -> None:
    assert find_windows(sentence, REF, tense="future") == []


def test_lower_case_abbreviation_is_a_day_only_after_a_cue_in_a_phrase() -> None:
    assert parse_window("sat", REF) is None
    assert window("on sat") == days("2026-09-12", "2026-09-13")
    found = find_windows("She sat on the panel on Saturday.", REF, tense="future")
    assert [w.text for _span, w in found] == ["on Saturday"]


def test_explain_names_the_rules_that_fired() -> None:
    trace = parse_window("by the end of March", REF, tense="future", explain=True)
    assert isinstance(trace, Trace)
    assert trace.window is not None and trace.window.text == "by the end of March"
    assert trace.rules[0] == "prep-window"
    assert {"part-of", "month-name"} <= set(trace.rules)
    assert "part-of: the end of March" in str(trace)
    none = parse_window("the minister said", REF, explain=True)
    assert none.window is None and none.rules == () and str(none) == "not a time expression"


def test_tokens_of_a_longer_text_give_the_same_windows() -> None:
    doc = "Headline here. The vote is due by Friday, and talks end on 3 October."
    base = doc.index("The vote")
    sentence = doc[base:]
    toks = [t for t in tokenize(doc) if t.start >= base]
    assert find_windows(sentence, REF, tense="future", tokens=toks, base=base) == find_windows(
        sentence, REF, tense="future"
    )


def test_dateparser_is_asked_only_with_the_script_languages() -> None:
    assert languages_of("20 March 2026") == []
    assert "ru" in languages_of("3 февраля 2026")
    assert window("3 февраля 2027", None) == days("2027-02-03", "2027-02-04")

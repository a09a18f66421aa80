"""Unit cases for the time grammar: one or more per construction.

The reference is Wednesday 11 June 2025, 10:00 at +01:00 (a British summer morning),
unless a case says otherwise; SAT is Saturday 7 June 2025 at noon UTC.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from claimtrack.model import Grain
from claimtrack.timewindows import find_windows, parse_window

BST = timezone(timedelta(hours=1))
WED = datetime(2025, 6, 11, 10, 0, tzinfo=BST)
SAT = datetime(2025, 6, 7, 12, 0, tzinfo=timezone.utc)


def d(day: str, hm: str = "00:00", tz: timezone = BST) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}").replace(tzinfo=tz)


def window(text: str, tense: str | None = "future", ref: datetime = WED) -> tuple[str, str]:
    w = parse_window(text, ref, tense=tense)
    assert w is not None, text
    assert w.start is not None and w.end is not None
    tz = ref.tzinfo
    return (
        w.start.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        w.end.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
    )


def days(a: str, b: str) -> tuple[str, str]:
    return f"{a} 00:00", f"{b} 00:00"


# -- days -------------------------------------------------------------------------------

CASES: list[tuple[str, str | None, tuple[str, str]]] = [
    # relative days
    ("today", None, days("2025-06-11", "2025-06-12")),
    ("tomorrow", "future", days("2025-06-12", "2025-06-13")),
    ("yesterday", "past", days("2025-06-10", "2025-06-11")),
    ("the day before yesterday", "past", days("2025-06-09", "2025-06-10")),
    ("the day after tomorrow", "future", days("2025-06-13", "2025-06-14")),
    # weekdays, tense-aware
    ("on Friday", "future", days("2025-06-13", "2025-06-14")),
    ("on Friday", "past", days("2025-06-06", "2025-06-07")),
    ("Wednesday", "past", days("2025-06-11", "2025-06-12")),
    ("Wednesday", "future", days("2025-06-18", "2025-06-19")),
    ("this Tuesday", "future", days("2025-06-17", "2025-06-18")),
    ("next Monday", "future", days("2025-06-16", "2025-06-17")),
    ("next Friday", "future", days("2025-06-20", "2025-06-21")),
    ("last Tuesday", "past", days("2025-06-10", "2025-06-11")),
    ("last Wednesday", "past", days("2025-06-04", "2025-06-05")),
    ("the Friday after next", "future", days("2025-06-27", "2025-06-28")),
    ("Tuesday week", "future", days("2025-06-24", "2025-06-25")),
    # dates
    ("Tuesday 1 July", "future", days("2025-07-01", "2025-07-02")),
    ("Tuesday, July 1", "future", days("2025-07-01", "2025-07-02")),
    ("2 July", "future", days("2025-07-02", "2025-07-03")),
    ("2 May", "future", days("2026-05-02", "2026-05-03")),
    ("2 May", "past", days("2025-05-02", "2025-05-03")),
    ("July 2nd", "future", days("2025-07-02", "2025-07-03")),
    ("the second of July", "future", days("2025-07-02", "2025-07-03")),
    ("the twenty-third of July", "future", days("2025-07-23", "2025-07-24")),
    ("Sept. 9, 2027", None, days("2027-09-09", "2027-09-10")),
    ("9 September 2027", None, days("2027-09-09", "2027-09-10")),
    ("09/10/2027", None, days("2027-10-09", "2027-10-10")),
    ("9.10.2027", None, days("2027-10-09", "2027-10-10")),
    ("2027-10-09", None, days("2027-10-09", "2027-10-10")),
    ("13/12/27", None, days("2027-12-13", "2027-12-14")),
    ("on the 14th", "future", days("2025-06-14", "2025-06-15")),
    ("the 3rd", "future", days("2025-07-03", "2025-07-04")),
    ("the 3rd", "past", days("2025-06-03", "2025-06-04")),
    ("the 3rd of next month", "future", days("2025-07-03", "2025-07-04")),
    ("29 February", "future", days("2028-02-29", "2028-03-01")),
    # ordinal weekdays of a month
    ("the third Tuesday of July", "future", days("2025-07-15", "2025-07-16")),
    ("the last Monday in August", "future", days("2025-08-25", "2025-08-26")),
    ("the first Sunday of next month", "future", days("2025-07-06", "2025-07-07")),
    # holidays, computed
    ("Easter", "future", days("2026-04-05", "2026-04-06")),
    ("Easter 2027", None, days("2027-03-28", "2027-03-29")),
    ("Good Friday", "past", days("2025-04-18", "2025-04-19")),
    ("Whit Monday", "future", days("2026-05-25", "2026-05-26")),
    ("Shrove Tuesday", "future", days("2026-02-17", "2026-02-18")),
    ("Thanksgiving", "future", days("2025-11-27", "2025-11-28")),
    ("Thanksgiving 2026", None, days("2026-11-26", "2026-11-27")),
    ("Labor Day", "future", days("2025-09-01", "2025-09-02")),
    ("Memorial Day", "past", days("2025-05-26", "2025-05-27")),
    ("Christmas Eve", "future", days("2025-12-24", "2025-12-25")),
    ("last Christmas", "past", days("2024-12-25", "2024-12-26")),
    ("New Year's Eve", "future", days("2025-12-31", "2026-01-01")),
    ("St Andrew's Day", "future", days("2025-11-30", "2025-12-01")),
    ("the Fourth of July", "future", days("2025-07-04", "2025-07-05")),
    ("the day after Boxing Day", "future", days("2025-12-27", "2025-12-28")),
    ("the Easter weekend", "future", days("2026-04-03", "2026-04-07")),
    # parts of the day and clock times
    ("this morning", "past", ("2025-06-11 06:00", "2025-06-11 12:00")),
    ("tonight", "future", ("2025-06-11 18:00", "2025-06-12 00:00")),
    ("tomorrow afternoon", "future", ("2025-06-12 12:00", "2025-06-12 18:00")),
    ("on Friday evening", "future", ("2025-06-13 18:00", "2025-06-14 00:00")),
    ("the morning of 2 July", "future", ("2025-07-02 06:00", "2025-07-02 12:00")),
    ("at 4pm on Thursday", "future", ("2025-06-12 16:00", "2025-06-12 17:00")),
    ("Thursday at 16:45", "future", ("2025-06-12 16:45", "2025-06-12 16:46")),
    ("at 8.30 a.m. tomorrow", "future", ("2025-06-12 08:30", "2025-06-12 08:31")),
    ("midday on Friday", "future", ("2025-06-13 12:00", "2025-06-13 13:00")),
    ("at 3pm GMT on Friday", "future", ("2025-06-13 16:00", "2025-06-13 17:00")),
    # weeks and weekends
    ("this week", "future", days("2025-06-09", "2025-06-16")),
    ("next week", "future", days("2025-06-16", "2025-06-23")),
    ("last week", "past", days("2025-06-02", "2025-06-09")),
    ("the coming week", "future", days("2025-06-16", "2025-06-23")),
    ("the week after next", "future", days("2025-06-23", "2025-06-30")),
    ("the week of 30 June", "future", days("2025-06-30", "2025-07-07")),
    ("the first week of July", "future", days("2025-06-30", "2025-07-07")),
    ("the last week of next month", "future", days("2025-07-28", "2025-08-04")),
    ("this weekend", "future", days("2025-06-14", "2025-06-16")),
    ("this weekend", "past", days("2025-06-07", "2025-06-09")),
    ("next weekend", "future", days("2025-06-21", "2025-06-23")),
    ("at the weekend", "future", days("2025-06-14", "2025-06-16")),
    # months, quarters, halves, years, decades, centuries, seasons
    ("this month", None, days("2025-06-01", "2025-07-01")),
    ("next month", "future", days("2025-07-01", "2025-08-01")),
    ("in February", "future", days("2026-02-01", "2026-03-01")),
    ("in February", "past", days("2025-02-01", "2025-03-01")),
    ("in June", "future", days("2025-06-01", "2025-07-01")),
    ("next October", "future", days("2025-10-01", "2025-11-01")),
    ("October 2026", None, days("2026-10-01", "2026-11-01")),
    ("October of next year", "future", days("2026-10-01", "2026-11-01")),
    ("early July", "future", days("2025-07-01", "2025-07-11")),
    ("mid-July", "future", days("2025-07-11", "2025-07-21")),
    ("late July", "future", days("2025-07-21", "2025-08-01")),
    ("Q2", "past", days("2025-04-01", "2025-07-01")),
    ("Q1", "future", days("2026-01-01", "2026-04-01")),
    ("Q4 2026", None, days("2026-10-01", "2027-01-01")),
    ("the fourth quarter", "future", days("2025-10-01", "2026-01-01")),
    ("next quarter", "future", days("2025-07-01", "2025-10-01")),
    ("H2 2027", None, days("2027-07-01", "2028-01-01")),
    ("the second half of next year", "future", days("2026-07-01", "2027-01-01")),
    ("in 2028", "future", days("2028-01-01", "2029-01-01")),
    ("next year", "future", days("2026-01-01", "2027-01-01")),
    ("the 1970s", None, days("1970-01-01", "1980-01-01")),
    ("the '60s", None, days("1960-01-01", "1970-01-01")),
    ("the seventies", None, days("1970-01-01", "1980-01-01")),
    ("the 19th century", None, days("1800-01-01", "1900-01-01")),
    ("the twenty-first century", None, days("2000-01-01", "2100-01-01")),
    ("this decade", None, days("2020-01-01", "2030-01-01")),
    ("next summer", "future", days("2026-06-01", "2026-09-01")),
    ("the winter of 2026", None, days("2026-12-01", "2027-03-01")),
    ("late 2026", None, days("2026-09-01", "2027-01-01")),
    ("the first six months of 2026", None, days("2026-01-01", "2026-07-01")),
    # offsets
    ("in 12 days", "future", days("2025-06-23", "2025-06-24")),
    ("in four weeks", "future", days("2025-07-09", "2025-07-10")),
    ("in eighteen months", "future", days("2026-12-11", "2026-12-12")),
    ("in two weeks' time", "future", days("2025-06-25", "2025-06-26")),
    ("in a year and a half", "future", days("2026-12-11", "2026-12-12")),
    ("in one hundred and one days", "future", days("2025-09-20", "2025-09-21")),
    ("three days ago", "past", days("2025-06-08", "2025-06-09")),
    ("a month ago", "past", days("2025-05-11", "2025-05-12")),
    ("5 years 2 months later", "future", days("2030-08-11", "2030-08-12")),
    ("two weeks from Monday", "future", days("2025-06-30", "2025-07-01")),
    ("a week on Friday", "future", days("2025-06-20", "2025-06-21")),
    ("ten days after Christmas", "future", days("2026-01-04", "2026-01-05")),
    ("in three hours", "future", ("2025-06-11 13:00", "2025-06-11 14:00")),
    # deadlines
    ("by Monday", "future", ("2025-06-11 10:00", "2025-06-17 00:00")),
    ("by the end of June", "future", ("2025-06-11 10:00", "2025-07-01 00:00")),
    ("by the end of next month", "future", ("2025-06-11 10:00", "2025-08-01 00:00")),
    ("before the end of the year", "future", ("2025-06-11 10:00", "2026-01-01 00:00")),
    ("by 2035", "future", ("2025-06-11 10:00", "2036-01-01 00:00")),
    ("by Halloween", "future", ("2025-06-11 10:00", "2025-11-01 00:00")),
    ("by noon tomorrow", "future", ("2025-06-11 10:00", "2025-06-12 12:00")),
    ("no later than 31 July", "future", ("2025-06-11 10:00", "2025-08-01 00:00")),
    ("until the end of the month", "future", ("2025-06-11 10:00", "2025-07-01 00:00")),
    ("before September", "future", ("2025-06-11 10:00", "2025-09-01 00:00")),
    ("within 14 days", "future", ("2025-06-11 10:00", "2025-06-25 10:00")),
    ("within a month", "future", ("2025-06-11 10:00", "2025-07-11 10:00")),
    ("within 48 hours", "future", ("2025-06-11 10:00", "2025-06-13 10:00")),
    ("within five working days", "future", ("2025-06-11 10:00", "2025-06-18 10:00")),
    ("over the next six months", "future", ("2025-06-11 10:00", "2025-12-11 10:00")),
    ("in the next 10 days", "future", ("2025-06-11 10:00", "2025-06-21 10:00")),
    ("over the past two years", "past", ("2023-06-11 10:00", "2025-06-11 10:00")),
    ("later this month", "future", ("2025-06-11 10:00", "2025-07-01 00:00")),
    ("later this week", "future", ("2025-06-11 10:00", "2025-06-16 00:00")),
    ("earlier this year", "past", ("2025-01-01 00:00", "2025-06-11 10:00")),
    ("the rest of the week", "future", ("2025-06-11 10:00", "2025-06-16 00:00")),
    ("by Friday at the latest", "future", ("2025-06-11 10:00", "2025-06-14 00:00")),
    ("since March", "past", ("2025-03-01 00:00", "2025-06-11 10:00")),
    # explicit ranges: the last day is included
    ("from 2 to 4 July", "future", days("2025-07-02", "2025-07-05")),
    ("from July 2 to July 4", "future", days("2025-07-02", "2025-07-05")),
    ("2-4 July", "future", days("2025-07-02", "2025-07-05")),
    ("July 2-4", "future", days("2025-07-02", "2025-07-05")),
    ("between Tuesday and Thursday", "future", days("2025-06-17", "2025-06-20")),
    ("from Thursday to Tuesday", "future", days("2025-06-12", "2025-06-18")),
    ("between 2026 and 2028", None, days("2026-01-01", "2029-01-01")),
    ("from 9am to 5pm on Friday", "future", ("2025-06-13 09:00", "2025-06-13 17:00")),
    ("between July and September", "future", days("2025-07-01", "2025-10-01")),
    # other languages' dates
    ("14 juillet 2026", None, days("2026-07-14", "2026-07-15")),
    ("3. Oktober 2026", None, days("2026-10-03", "2026-10-04")),
    ("12 de octubre de 2026", None, days("2026-10-12", "2026-10-13")),
]


@pytest.mark.parametrize(("text", "tense", "expected"), CASES)
def test_parse_window(text: str, tense: str | None, expected: tuple[str, str]) -> None:
    assert window(text, tense) == expected


def test_saturday_reference_weekend_rule() -> None:
    assert window("this week", "future", SAT) == days("2025-06-09", "2025-06-16")
    assert window("this week", "past", SAT) == days("2025-06-02", "2025-06-09")
    assert window("this weekend", None, SAT) == days("2025-06-07", "2025-06-09")
    assert window("on Saturday afternoon", "past", SAT) == ("2025-06-07 12:00", "2025-06-07 18:00")
    assert window("on Saturday afternoon", "future", SAT) == (
        "2025-06-14 12:00",
        "2025-06-14 18:00",
    )


def test_windows_carry_grain_text_and_reference() -> None:
    w = parse_window("by the end of June", WED, tense="future")
    assert w is not None
    assert w.grain is Grain.MONTH
    assert w.text == "by the end of June"
    assert w.reference == WED
    assert w.start == WED
    assert w.start.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    "text",
    [
        "in the coming weeks",
        "shortly",
        "soon",
        "any day now",
        "in the near future",
        "within days",
        "in a few months",
        "over the next few years",
        "in the days ahead",
    ],
)
def test_vague_phrases_start_at_the_reference(text: str) -> None:
    w = parse_window(text, WED, tense="future")
    assert w is not None and w.vague
    assert w.start == WED
    assert w.end is not None and w.end > WED


@pytest.mark.parametrize("text", ["recently", "in recent weeks", "a few days ago", "lately"])
def test_vague_past_phrases_end_at_the_reference(text: str) -> None:
    w = parse_window(text, WED, tense="past")
    assert w is not None and w.vague
    assert w.end == WED


@pytest.mark.parametrize(
    "text",
    [
        "We",
        "we",
        "may",
        "Will",
        "Mark",
        "Sir Keir",
        "a second",
        "the second",
        "the Kremlin",
        "an august occasion",
        "March on Westminster",
        "the Sunday Telegraph",
        "Easter Island",
        "3 ministers",
        "10 Downing Street",
        "the 20th anniversary",
        "second",
        "",
        "   ",
        "2",
        "Tuesdays are busy",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert parse_window(text, WED) is None


def test_no_reference_keeps_relative_phrases_unresolved() -> None:
    w = parse_window("next week", None, tense="future")
    assert w is not None
    assert w.start is None and w.end is None
    assert w.text == "next week"
    assert w.grain is Grain.WEEK


def test_no_reference_resolves_absolute_dates_in_utc() -> None:
    w = parse_window("9 September 2027", None)
    assert w is not None
    assert w.start == d("2027-09-09", tz=timezone.utc)
    assert w.end == d("2027-09-10", tz=timezone.utc)


def test_day_first_can_be_switched_off() -> None:
    assert window("03/04/2027", None) == days("2027-04-03", "2027-04-04")
    w = parse_window("03/04/2027", WED, day_first=False)
    assert w is not None and w.start == d("2027-03-04")
    # an impossible month reading falls back to the other order
    w = parse_window("04/23/2027", WED)
    assert w is not None and w.start == d("2027-04-23")


def test_naive_reference_is_read_as_utc() -> None:
    w = parse_window("tomorrow", datetime(2025, 6, 11, 10, 0))
    assert w is not None and w.start == d("2025-06-12", tz=timezone.utc)


# -- find_windows -----------------------------------------------------------------------


def found(sentence: str, tense: str | None = "future") -> list[str]:
    return [sentence[a:b] for (a, b), _w in find_windows(sentence, WED, tense=tense)]


@pytest.mark.parametrize(
    ("sentence", "tense", "expected"),
    [
        (
            "We expect the report by the end of July and a vote within 60 days.",
            "future",
            ["by the end of July", "within 60 days"],
        ),
        (
            "The minister said on Tuesday that talks held from 2 to 4 June had stalled.",
            "past",
            ["on Tuesday", "from 2 to 4 June"],
        ),
        (
            "Theresa May may march on Whitehall in May, the Sunday Times said.",
            "future",
            ["in May"],
        ),
        ("A second round is planned for the 30th anniversary in August.", "future", ["in August"]),
        ("Will and Mark met April at the Kremlin.", "past", []),
        ("About 2,000 troops and 2030 drones will deploy by 2030.", "future", ["by 2030"]),
        (
            "Version 2.1.3 shipped at 09:15 GMT on 3/6/2025, as planned last month.",
            "past",
            ["at 09:15 GMT on 3/6/2025", "last month"],
        ),
        ("The Bloody Sunday report was published in 2010.", "past", ["in 2010"]),
        ("Sir Keir will travel to Washington next Thursday.", "future", ["next Thursday"]),
        (
            "Prices should ease in the second half of the year.",
            "future",
            ["in the second half of the year"],
        ),
        ("They led in the second half before losing.", "past", []),
    ],
)
def test_find_windows(sentence: str, tense: str | None, expected: list[str]) -> None:
    assert found(sentence, tense) == expected


def test_find_windows_spans_index_the_sentence_and_resolve() -> None:
    sentence = "Leaders meet on 2 July; a decision is due later this year."
    hits = find_windows(sentence, WED, tense="future")
    a, b = sentence.index("on 2 July"), sentence.index("later this year")
    assert [h[0] for h in hits] == [(a, a + 9), (b, b + 15)]
    (span, w) = hits[0]
    assert sentence[span[0] : span[1]] == w.text == "on 2 July"
    assert w.start == d("2025-07-02")
    assert hits[1][1].end == d("2026-01-01")


def test_find_windows_without_reference() -> None:
    hits = find_windows("Due on 9 September 2027, or next week at worst.", None)
    assert [h[1].text for h in hits] == ["on 9 September 2027", "next week"]
    assert hits[0][1].start == d("2027-09-09", tz=timezone.utc)
    assert hits[1][1].start is None and hits[1][1].end is None

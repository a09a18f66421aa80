"""Properties of the time grammar that hold for every reference and every text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimtrack.timewindows import find_windows, parse_window

ZONES = st.sampled_from(
    [
        timezone.utc,
        timezone(timedelta(hours=1)),
        timezone(timedelta(hours=-5)),
        timezone(timedelta(hours=5, minutes=30)),
    ]
)
REFERENCES = st.builds(
    lambda day, minutes, tz: datetime(2000, 1, 1, tzinfo=tz) + timedelta(days=day, minutes=minutes),
    st.integers(min_value=0, max_value=365 * 60),
    st.integers(min_value=0, max_value=24 * 60 - 1),
    ZONES,
)
TENSES = st.sampled_from([None, "past", "future"])

PHRASES = [
    "today",
    "tomorrow",
    "yesterday",
    "on Friday",
    "next Tuesday",
    "last Sunday",
    "this Thursday",
    "this week",
    "next week",
    "last week",
    "this weekend",
    "next weekend",
    "in March",
    "this month",
    "next month",
    "Q3",
    "H1",
    "next year",
    "by Friday",
    "by the end of March",
    "within 30 days",
    "over the next two weeks",
    "later this year",
    "by 2030",
    "by Christmas",
    "from 5 to 16 August",
    "between Monday and Wednesday",
    "the first half of 2026",
    "the 2020s",
    "the 21st century",
    "Easter",
    "Thanksgiving",
    "three weeks from tomorrow",
    "2 years 21 days later",
    "14 days ago",
    "at 3pm on Friday",
    "Friday at 9:30",
    "noon tomorrow",
    "the 20th",
    "the second Sunday of May",
    "the week after next",
    "the coming week",
    "soon",
    "in the coming days",
    "shortly",
    "early next month",
    "mid-2027",
    "the last week of last month",
    "in 90 minutes",
    "tonight",
]
# Windows counted in days and weeks from the reference: a shift by whole weeks moves
# them by exactly as much.
WEEK_RELATIVE = [
    "today",
    "tomorrow",
    "yesterday",
    "on Friday",
    "next Tuesday",
    "last Sunday",
    "this Thursday",
    "next week",
    "last week",
    "next weekend",
    "the week after next",
    "the coming week",
    "in 10 days",
    "three weeks from tomorrow",
    "14 days ago",
    "at 3pm on Friday",
    "Friday at 9:30",
    "within 30 days",
    "by Friday",
    "over the next two weeks",
    "in six weeks",
    "a week from Friday",
    "tonight",
    "this week",
    "this weekend",
    "Monday",
]


@given(REFERENCES, st.sampled_from(PHRASES), TENSES)
def test_windows_start_before_they_end(ref: datetime, text: str, tense: str | None) -> None:
    w = parse_window(text, ref, tense=tense)
    assert w is not None, text
    assert w.start is not None and w.end is not None
    assert w.start < w.end
    assert w.start.utcoffset() is not None


@given(REFERENCES, st.sampled_from(WEEK_RELATIVE), TENSES, st.integers(-300, 300))
def test_shifting_reference_by_weeks_shifts_windows(
    ref: datetime, text: str, tense: str | None, weeks: int
) -> None:
    shift = timedelta(weeks=weeks)
    a = parse_window(text, ref, tense=tense)
    b = parse_window(text, ref + shift, tense=tense)
    assert a is not None and b is not None
    assert a.start is not None and b.start is not None and a.end is not None
    assert b.start - a.start == shift
    assert b.end is not None and b.end - a.end == shift


@given(REFERENCES, TENSES)
def test_next_week_is_this_week_plus_seven_days(ref: datetime, tense: str | None) -> None:
    # The weekend rule moves "this week" of a future event said on a weekend.
    assume(not (tense == "future" and ref.weekday() >= 5))
    this = parse_window("this week", ref, tense=tense)
    nxt = parse_window("next week", ref, tense=tense)
    assert this is not None and nxt is not None
    assert this.start is not None and nxt.start is not None
    assert nxt.start - this.start == timedelta(days=7)
    assert this.end is not None and nxt.end is not None
    assert nxt.end - this.end == timedelta(days=7)


# No deadline: the first text with a digit loads dateparser's languages (seconds, once).
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), REFERENCES, TENSES, st.booleans())
def test_parse_window_never_raises(text: str, ref: datetime, tense: str | None, df: bool) -> None:
    w = parse_window(text, ref, tense=tense, day_first=df)
    if w is not None and w.start is not None:
        assert w.end is not None and w.start < w.end


VOCAB = st.sampled_from(
    [
        "on",
        "by",
        "in",
        "within",
        "from",
        "until",
        "before",
        "after",
        "since",
        "the",
        "a",
        "next",
        "last",
        "this",
        "of",
        "and",
        "to",
        "-",
        "/",
        ":",
        ".",
        ",",
        "'",
        "2025",
        "20",
        "3",
        "31",
        "99",
        "1/3/2024",
        "9:30",
        "3pm",
        "March",
        "May",
        "may",
        "Friday",
        "Fri",
        "Sat",
        "week",
        "weekend",
        "month",
        "year",
        "Q3",
        "H2",
        "end",
        "early",
        "mid",
        "late",
        "days",
        "weeks",
        "ago",
        "later",
        "soon",
        "Christmas",
        "Easter",
        "twenty",
        "one",
        "hundred",
        "half",
        "coming",
        "past",
        "2020s",
        "century",
        "We",
        "Sir",
        "Keir",
        "second",
    ]
)


@settings(max_examples=300)
@given(st.lists(VOCAB, max_size=25), st.one_of(st.none(), REFERENCES), TENSES)
def test_find_windows_never_raises_and_spans_index_the_sentence(
    words: list[str], ref: datetime | None, tense: str | None
) -> None:
    sentence = " ".join(words)
    hits = find_windows(sentence, ref, tense=tense)
    last = 0
    for (start, end), w in hits:
        assert last <= start < end <= len(sentence)
        assert sentence[start:end] == w.text
        last = end
        if w.start is not None:
            assert w.end is not None and w.start < w.end


@settings(max_examples=200)
@given(st.text(max_size=120), REFERENCES)
def test_find_windows_never_raises_on_any_text(text: str, ref: datetime) -> None:
    for (start, end), w in find_windows(text, ref):
        assert text[start:end] == w.text


@given(st.sampled_from(PHRASES), REFERENCES, TENSES)
def test_phrase_alone_in_a_sentence_is_found(text: str, ref: datetime, tense: str | None) -> None:
    sentence = f"They said it would happen {text}."
    hits = find_windows(sentence, ref, tense=tense)
    alone = parse_window(text, ref, tense=tense)
    assert alone is not None
    assert any(w.text.endswith(text) or text.endswith(w.text) for _s, w in hits), hits

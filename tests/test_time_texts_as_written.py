"""Rules **kept-text** and **same-instant** (:mod:`claimtrack.time_texts`), without a
database: which time texts PostgreSQL would not give back, and when a kept text is
written again."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.time_texts import as_written, instant, needs_keeping, utc_text


def test_kept_text_another_offset_or_none_is_kept_utc_is_not() -> None:
    assert needs_keeping("2025-03-03T10:00:00+01:00")
    assert needs_keeping("2025-03-03T09:00:00")  # no offset: PostgreSQL adds one
    assert needs_keeping("2025-03-03T09:00:00Z")
    assert not needs_keeping("2025-03-03T09:00:00+00:00")
    assert not needs_keeping("not a time")


def test_same_instant_a_kept_text_comes_back_only_for_its_instant() -> None:
    given_back = "2025-03-03T09:00:00+00:00"
    assert as_written(given_back, "2025-03-03T10:00:00+01:00") == "2025-03-03T10:00:00+01:00"
    assert as_written(given_back, "2025-03-04T10:00:00+01:00") == given_back  # re-dated since
    assert as_written(given_back, None) == given_back
    assert as_written(None, "2025-03-03T10:00:00+01:00") is None


OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
TIMES = st.builds(
    lambda when, tz: when.replace(tzinfo=timezone.utc).astimezone(tz),
    st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2200, 1, 1)),
    OFFSETS,
)


@given(TIMES)
def test_what_is_kept_and_written_again_is_the_text_as_written(when: datetime) -> None:
    text = when.isoformat()
    back = utc_text(text)  # what timestamptz gives back
    assert instant(back) == instant(text)
    kept = text if needs_keeping(text) else None
    assert as_written(back, kept) == text

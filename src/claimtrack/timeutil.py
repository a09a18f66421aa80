"""Reading the moments people type: ``--published``, ``--as-of``, ``--happened``, header dates.

A date without a time means 12:00 UTC of that day for a publication or an event; an
``as_of`` date means the end of that day (everything known on 1 April counts "as of
1 April").  Naive times are read as UTC.  Anything else is refused with a message that
says what was expected.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from .errors import InputError

__all__ = [
    "EARLIEST_PUBLISHED",
    "TYPED_RANGE",
    "check_published",
    "check_typed",
    "check_verdict_times",
    "iso",
    "parse_published",
    "parse_when",
    "to_utc",
]

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Publication times before this are refused as implausible (a typo or a feed's junk).
EARLIEST_PUBLISHED = datetime(1800, 1, 1, tzinfo=timezone.utc)
#: How far after now a publication time may lie (embargoed releases are dated ahead;
#: "3025" for "2025" is a typo that would push every relative date a millennium away).
MAX_PUBLISHED_AHEAD = timedelta(days=5 * 366)


def to_utc(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime (naive values are taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with offset, or None."""
    return None if value is None else value.isoformat()


def parse_when(
    value: str | date | datetime | None,
    *,
    what: str = "date",
    end_of_day: bool = False,
    now: datetime | None = None,
) -> datetime | None:
    """Read a moment from ``value``: an aware datetime, a date, ISO 8601 text, or
    "now"/"today"/"yesterday"/"tomorrow".

    A date alone is 12:00 UTC of that day, or the end of it (the last microsecond) when
    ``end_of_day``.  ``what`` names the value in the error, e.g. "--published".
    Returns None for None or an empty string.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return to_utc(value) if value.tzinfo is None else value
    if isinstance(value, date):
        return _day_time(value, end_of_day)
    text = str(value).strip()
    if not text:
        return None
    current = now or datetime.now(timezone.utc)
    word = text.lower()
    if word == "now":
        return current
    if word in {"today", "yesterday", "tomorrow"}:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
        try:
            return _day_time(current.date() + timedelta(days=shift), end_of_day)
        except OverflowError as exc:
            raise InputError(f"{what}: {word} is out of range for {current:%Y-%m-%d}") from exc
    if _DATE_ONLY.fullmatch(text):
        try:
            return _day_time(date.fromisoformat(text), end_of_day)
        except ValueError as exc:
            raise InputError(f"{what}: {_shown(text)} is not a real date ({exc})") from exc
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        parsed = _fallback(text)
        if parsed is None:
            raise InputError(
                f"{what}: cannot read {_shown(text)} as a date; use ISO 8601 such as "
                "2025-03-15 or 2025-03-15T14:30:00+00:00"
            ) from None
    return to_utc(parsed) if parsed.tzinfo is None else parsed


def check_published(
    value: datetime | None, *, what: str = "published", now: datetime | None = None
) -> datetime | None:
    """``value`` unchanged when it is a plausible publication time: not before
    :data:`EARLIEST_PUBLISHED` nor more than five years after ``now``.  Otherwise an
    :class:`InputError` naming ``what`` says why.  None passes (unknown)."""
    if value is None:
        return None
    current = now or datetime.now(timezone.utc)
    if value < EARLIEST_PUBLISHED:
        raise InputError(
            f"{what}: {value.isoformat()} is before {EARLIEST_PUBLISHED.year}; is the year right?"
        )
    if value > current + MAX_PUBLISHED_AHEAD:
        raise InputError(
            f"{what}: {value.isoformat()} is more than five years in the future; is the year right?"
        )
    return value


#: The moments a person may type for --as-of, --since, --happened, --known: far
#: enough either way for any news, and far from the calendar's ends, where adding a
#: few days ("due within 7 days") would overflow.
TYPED_RANGE = (datetime(1800, 1, 1, tzinfo=timezone.utc), datetime(2200, 1, 1, tzinfo=timezone.utc))


def check_typed(value: datetime | None, *, what: str = "date") -> datetime | None:
    """``value`` unchanged when it lies in :data:`TYPED_RANGE` (None passes); else an
    :class:`InputError` naming ``what`` and the range."""
    if value is None:
        return None
    lo, hi = TYPED_RANGE
    if not lo <= value < hi:
        raise InputError(
            f"{what}: {value.year:04d}-{value.month:02d}-{value.day:02d} is out of range (years {lo.year} to {hi.year - 1}); "
            "is the year right?"
        )
    return value


def parse_published(
    value: str | date | datetime | None, *, what: str = "published", now: datetime | None = None
) -> datetime | None:
    """:func:`parse_when` for a publication time, refusing implausible ones
    (:func:`check_published`)."""
    return check_published(parse_when(value, what=what, now=now), what=what, now=now)


def _shown(text: str) -> str:
    # An error line stays one readable line, whatever was typed or scraped.
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _day_time(day: date, end_of_day: bool) -> datetime:
    if end_of_day:
        return datetime.combine(day, time.max, tzinfo=timezone.utc)
    return datetime.combine(day, time(12), tzinfo=timezone.utc)


def _fallback(text: str) -> datetime | None:
    # Dates as people write them in headers and feeds ("Sat, 15 Mar 2025 14:02:00 GMT",
    # "15 March 2025"): dateparser reads these well.  Day first, as in most news.
    if len(text) > 64:
        return None
    import dateparser

    try:
        return dateparser.parse(
            text,
            languages=["en"],
            settings={
                "DATE_ORDER": "DMY",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PREFER_DAY_OF_MONTH": "first",
            },
        )
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError, IndexError):
        # dateparser raises on some junk instead of returning None; junk is not a date.
        return None


#: How far ahead of the clock a verdict's moments may be (clocks differ a little).
_CLOCK_SLACK = timedelta(minutes=5)


def check_verdict_times(
    happened: datetime | None, known: datetime, *, said: datetime | None, now: datetime
) -> None:
    """Refuse the moments of a person's verdict that cannot be, naming the option:
    ``--known`` or ``--happened`` in the future, ``--happened`` on a later day than
    ``--known`` (it became known before it happened), ``--known`` on a day before the
    promise was made (``said``).  Days are compared, not hours: a bare date means noon,
    and a promise made at 14:00 can be kept and known the same day."""

    def day(moment: datetime) -> str:
        return f"{moment:%Y-%m-%d}"

    if known > now + _CLOCK_SLACK:
        raise InputError(
            f"--known {day(known)} is in the future; a verdict counts from when it became "
            "known (leave out --known for now)"
        )
    if happened is not None and happened > now + _CLOCK_SLACK:
        raise InputError(f"--happened {day(happened)} is in the future; record it once it has")
    if happened is not None and happened.date() > known.date():
        raise InputError(
            f"--happened {day(happened)} is after --known {day(known)}: it cannot have become "
            "known before it happened; give --known on or after --happened"
        )
    if (
        said is not None
        and known.astimezone(timezone.utc).date() < said.astimezone(timezone.utc).date()
    ):
        raise InputError(
            f"--known {day(known)} is before the promise was made ({day(said)}); give when "
            "the outcome became known, on or after that day"
        )

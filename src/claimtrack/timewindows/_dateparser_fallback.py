"""The guarded dateparser fallback: absolute dates in formats and languages the grammar
does not know ("3 февраля 2025", "2025年3月20日")."""

from __future__ import annotations

from datetime import datetime, timedelta

from claimtrack.model import Grain

from ._calendar import at, month_start
from ._grammar import PAST, Span

_PERIODS = {"day": Grain.DAY, "month": Grain.MONTH, "year": Grain.YEAR}


def parse_with_dateparser(
    phrase: str, reference: datetime, tense: str | None, day_first: bool
) -> Span | None:
    """A day, month or year window from dateparser, or None.

    Only explicit dates count: the result must name a month (so "3 ministers" is not a
    date) and dateparser's relative readings ("in 2 days") are the grammar's business.
    """
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = {
        "RELATIVE_BASE": reference.replace(tzinfo=None),
        "PREFER_DATES_FROM": "past" if tense == PAST else "future",
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "REQUIRE_PARTS": ["month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time", "custom-formats"],
    }
    try:
        data = DateDataParser(settings=settings).get_date_data(phrase)
    except Exception:  # dateparser raises many kinds on odd input; none is ours to show
        return None
    when = data.date_obj
    grain = _PERIODS.get(data.period or "")
    if when is None or grain is None:
        return None
    tz = reference.tzinfo
    assert tz is not None
    d = when.date()
    if grain is Grain.DAY:
        return Span(at(d, tz), at(d + timedelta(days=1), tz), grain, day=d)
    if grain is Grain.MONTH:
        return Span(at(d.replace(day=1), tz), at(month_start(d.year, d.month + 1), tz), grain)
    return Span(
        at(d.replace(month=1, day=1), tz), at(d.replace(year=d.year + 1, month=1, day=1), tz), grain
    )

"""Calendar arithmetic: months of different lengths, ISO weeks, the Easter computus."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, tzinfo

_MIDNIGHT = time(0, 0)


def easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def days_in_month(year: int, month: int) -> int:
    """How many days ``month`` of ``year`` has."""
    return calendar.monthrange(year, month)[1]


def month_start(year: int, month: int) -> date:
    """The first day of a month, with ``month`` allowed to run past 1..12."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, 1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    first = month_start(day.year, day.month + months)
    return first.replace(day=min(day.day, days_in_month(first.year, first.month)))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th (1-based) ``weekday`` (Monday 0) of a month; ValueError if none."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if day.month != month:
        raise ValueError(f"no {n}th weekday {weekday} in {year}-{month:02d}")
    return day


def last_weekday(year: int, month: int, weekday: int) -> date:
    """The last ``weekday`` (Monday 0) of a month."""
    last = date(year, month, days_in_month(year, month))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def monday(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def add_business_days(day: date, n: int) -> date:
    """``day`` moved by ``n`` working days (Monday to Friday); negative goes back."""
    step = 1 if n >= 0 else -1
    if day.weekday() >= 5:
        # From a weekend, counting starts as if from the nearest working day behind it.
        day += timedelta(days=(4 - day.weekday()) if step > 0 else (7 - day.weekday()))
    # Whole weeks first, so the loop below runs at most a handful of times.
    weeks, left = divmod(abs(n), 5)
    day += timedelta(days=7 * weeks * step)
    while left:
        day += timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day


def at(day: date, tz: tzinfo, hour: int = 0, minute: int = 0) -> datetime:
    """``day`` at a wall-clock time in ``tz``; hour 24 and beyond roll into later days."""
    if not hour and not minute:
        return datetime.combine(day, _MIDNIGHT, tz)
    extra, hour = divmod(hour, 24)
    if extra:
        day += timedelta(days=extra)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)

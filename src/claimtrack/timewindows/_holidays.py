"""Holidays of lunar and lunisolar calendars, from the ``holidays`` package.

The Islamic dates follow the Umm al-Qura calendar (Saudi Arabia's), with the package's
estimates for years it has no published dates for; Diwali is India's date; the Jewish
feasts are civil days as kept outside Israel, the first day being the one after the
sunset the feast begins at; Chinese (Lunar) New Year is the first day of the first lunar
month; Orthodox Easter is the Julian computus (``dateutil``).  Each rule maps a year to
the first day of the holiday in that year; a holiday with no date in a year raises
ValueError, which the resolver skips.  Nothing is imported until a phrase names one of
these holidays, so the first call of ``parse_window`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any

Rule = Callable[[int], date]


@cache
def _calendar(name: str) -> Any:
    if name == "islamic":
        from holidays.calendars.islamic import _IslamicLunar

        return _IslamicLunar()
    if name == "hebrew":
        from holidays.calendars.hebrew import _HebrewLunisolar

        return _HebrewLunisolar()
    if name == "hindu":
        from holidays.calendars.hindu import _HinduLunisolar

        return _HinduLunisolar()
    from holidays.calendars.chinese import _ChineseLunisolar

    return _ChineseLunisolar()


def _first_in(year: int, found: Any) -> date:
    """The first date of ``found`` (dates, or (date, estimated) pairs) in ``year``."""
    days: list[date] = []
    for item in found or ():
        d = item[0] if isinstance(item, tuple) else item
        if isinstance(d, date) and d.year == year:
            days.append(d)
    if not days:
        raise ValueError(f"no date in {year}")
    return min(days)


def _islamic(method: str) -> Rule:
    def rule(year: int) -> date:
        return _first_in(year, getattr(_calendar("islamic"), method)(year))

    return rule


def _hebrew(method: str) -> Rule:
    def rule(year: int) -> date:
        found = getattr(_calendar("hebrew"), method)(year)
        return _first_in(year, found if isinstance(found, set | list) else [found])

    return rule


def _hindu(method: str) -> Rule:
    def rule(year: int) -> date:
        return _first_in(year, [getattr(_calendar("hindu"), method)(year)])

    return rule


def _lunar_new_year(year: int) -> date:
    return _first_in(year, [_calendar("chinese").lunar_new_year_date(year)])


def _orthodox_easter(year: int) -> date:
    from dateutil.easter import EASTER_ORTHODOX, easter

    d: date = easter(year, EASTER_ORTHODOX)
    return d


@cache
def _ramadan_length(year: int) -> int:
    start = _islamic("ramadan_beginning_dates")(year)
    end = _islamic("eid_al_fitr_dates")
    for y in (year, year + 1):
        try:
            e = end(y)
        except ValueError:
            continue
        if e > start:
            return (e - start).days
    return 30


def _ramadan(year: int) -> date:
    return _islamic("ramadan_beginning_dates")(year)


# words (token bases) -> (first day from the year, days; 0: Ramadan's own length)
LUNAR: list[tuple[str, Rule, int]] = [
    ("ramadan", _ramadan, 0),
    ("ramazan", _ramadan, 0),
    ("ramzan", _ramadan, 0),
    ("eid", _islamic("eid_al_fitr_dates"), 1),
    ("eid al fitr", _islamic("eid_al_fitr_dates"), 1),
    ("eid ul fitr", _islamic("eid_al_fitr_dates"), 1),
    ("eid el fitr", _islamic("eid_al_fitr_dates"), 1),
    ("eid al adha", _islamic("eid_al_adha_dates"), 1),
    ("eid ul adha", _islamic("eid_al_adha_dates"), 1),
    ("eid el adha", _islamic("eid_al_adha_dates"), 1),
    ("islamic new year", _islamic("hijri_new_year_dates"), 1),
    ("ashura", _islamic("ashura_dates"), 1),
    ("mawlid", _islamic("mawlid_dates"), 1),
    ("rosh hashanah", _hebrew("rosh_hashanah_date"), 2),
    ("rosh hashana", _hebrew("rosh_hashanah_date"), 2),
    ("yom kippur", _hebrew("yom_kippur_date"), 1),
    ("sukkot", _hebrew("sukkot_date"), 7),
    ("hanukkah", _hebrew("hanukkah_date"), 8),
    ("chanukah", _hebrew("hanukkah_date"), 8),
    ("hanukah", _hebrew("hanukkah_date"), 8),
    ("passover", _hebrew("passover_date"), 8),
    ("pesach", _hebrew("passover_date"), 8),
    ("purim", _hebrew("purim_date"), 1),
    ("shavuot", _hebrew("shavuot_date"), 2),
    ("diwali", _hindu("diwali_india_date"), 1),
    ("deepavali", _hindu("diwali_india_date"), 1),
    ("holi", _hindu("holi_date"), 1),
    ("chinese new year", _lunar_new_year, 1),
    ("lunar new year", _lunar_new_year, 1),
    ("orthodox easter", _orthodox_easter, 1),
    ("orthodox easter sunday", _orthodox_easter, 1),
    ("orthodox good friday", lambda y: _orthodox_easter(y) - timedelta(days=2), 1),
    ("orthodox christmas", lambda y: date(y, 1, 7), 1),
]


# A holiday's date in a year never changes: each is computed once per process.
LUNAR = [(words, cache(rule), days) for words, rule, days in LUNAR]


def length(words: str, year: int) -> int:
    """The number of days the holiday lasts in ``year``."""
    for w, _rule, days in LUNAR:
        if w == words:
            return days or _ramadan_length(year)
    raise KeyError(words)

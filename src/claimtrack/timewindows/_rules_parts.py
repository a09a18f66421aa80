"""Rules for parts of periods and periods around dates: "the end of March", "the
first six months of 2025", "the second half of the month", "the week of 24 March", "the
first week of March", "this time next year"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from claimtrack.model import Grain

from . import _lexicon as lex
from ._calendar import last_weekday, monday, nth_weekday
from ._engine import M, Rule
from ._rules_dates import MonthRef, YSpec, year_of
from ._rules_days import in_month, week_monday
from ._rules_numbers import R
from ._rules_periods import THIRD, period, r_decade, r_unit
from ._values import DAY, WEEK, Ctx, Span, T, resolve, third, whole


def r_week_of(ctx: Ctx, x: T, how: str) -> Span | None:
    s = resolve(x, ctx)
    if s is None or (s.day is None and s.grain != Grain.DAY):
        return None
    on = s.day or ctx.local(s.start)
    if how in ("ending", "ended"):
        return ctx.days(on - 6 * DAY, on + DAY, Grain.WEEK)
    if how == "weekend":
        return ctx.weekend(monday(on) + timedelta(days=5))
    return ctx.week(monday(on))


def _nth_week_at(ctx: Ctx, nth: int, unit: str) -> Callable[[int, int], Span]:
    def week(y: int, m: int) -> Span:
        if unit == "weekend":  # the weekend of the month's nth (last) Saturday
            sat = last_weekday(y, m, 5) if nth == -1 else nth_weekday(y, m, 5, nth)
            return ctx.weekend(sat)
        thursday = last_weekday(y, m, 3) if nth == -1 else nth_weekday(y, m, 3, nth)
        return ctx.week(monday(thursday))

    return week


def r_nth_week(ctx: Ctx, nth: int, unit: str, ref: MonthRef | int) -> Span | None:
    return in_month(ctx, ref, _nth_week_at(ctx, nth, unit))


def r_nth_week_of_year(ctx: Ctx, nth: int, ys: YSpec) -> Span:
    """The ISO week holding the year's nth (last) Thursday."""
    y = year_of(ctx, ys)
    if nth == -1:
        return ctx.week(monday(last_weekday(y, 12, 3)))
    return ctx.week(monday(nth_weekday(y, 1, 3, 1)) + (nth - 1) * WEEK)


def r_month_of_year(ctx: Ctx, n: int, ys: YSpec) -> Span:
    return ctx.month(year_of(ctx, ys), n)


def r_third(ctx: Ctx, which: int, x: T) -> Span | None:
    s = resolve(x, ctx)
    return None if s is None else third(ctx, s, which)


def r_third_range(ctx: Ctx, a: int, b: int, x: T) -> Span | None:
    s = resolve(x, ctx)
    if s is None:
        return None
    return Span(third(ctx, s, a).start, third(ctx, s, b).end, s.grain)


def r_now_third(ctx: Ctx, unit: str, which: int) -> Span | None:
    s = r_unit(ctx, unit, 0, "") if unit != "week" else ctx.week(monday(ctx.today))
    return None if s is None else third(ctx, s, which)


def r_midweek(ctx: Ctx) -> Span:
    return third(ctx, ctx.week(week_monday(ctx, 0)), 1)


def r_turn(ctx: Ctx, x: T) -> Span | None:
    """ "the turn of the century": the late years of the decade before its start and
    the early years of its first decade (1997-2003 for 2000)."""
    s = resolve(x, ctx)
    if s is None or s.grain != Grain.CENTURY:
        return None
    y = ctx.local(s.start).year
    return ctx.days(date(y - 3, 1, 1), date(y + 4, 1, 1), Grain.DECADE)


def r_first_n(ctx: Ctx, first: bool, terms: Any, grain: Grain, x: T) -> Span | None:
    s = resolve(x, ctx)
    if s is None:
        return None
    if first:
        return Span(s.start, min(ctx.add(s.start, terms, 1), s.end), grain)
    return Span(max(ctx.add(s.end, terms, -1), s.start), s.end, grain)


def r_this_time(ctx: Ctx, terms: Any, sign: int) -> Span:
    return ctx.day(ctx.add(ctx.ref, terms, sign).date())


def r_new_year(ctx: Ctx) -> Span | None:
    return ctx.pick(lambda y: ctx.month(y, 1), "next")


def _week_of(m: M) -> T | None:
    how = m["how"]
    if how == "of" and not m.has("the"):
        return None  # "week of action": "the week of" needs its article
    x = m.get("day") or m.get("range")
    return period(r_week_of, x, "weekend" if m.has("weekend") else how)


def _nth_week(m: M) -> T | None:
    nth = m["ordl"]
    if not (nth == -1 or 1 <= nth <= 5):
        return None
    if m.has("yspec"):
        return period(r_nth_week_of_year, nth, m["yspec"]) if m["u"] == "week" else None
    return period(r_nth_week, nth, m["u"], m["mref"])


def _third(m: M) -> T | None:
    w = m["w"]
    x: T = m.get("period") or m.get("day")
    if w == "mid" and x.kind == "day":
        return None
    if w == "turn":
        return period(r_turn, x)
    return period(r_third, THIRD[w], x)


def _first_n(m: M) -> T | None:
    first = m["fl"] == "first"
    qty = m.get("qty")
    base, mult, plural, word = m["unit"]
    if qty is None and plural:
        # "the last days of March", "the first weeks of the year": its early/late part
        return period(r_third, 0 if first else 2, m["period"])
    amount, vague = qty if qty is not None else (1.0, False)
    if vague:
        return None
    grain = Grain.WEEK if word in ("week", "weeks") else lex.UNIT_GRAIN[base]
    return period(r_first_n, first, whole(((base, amount * mult),)), grain, m["period"])


RULES: list[Rule] = [
    # -- weeks in and around dates ---------------------------------------------------
    R("week-of", "period", "the? week:u of:how <day>", _week_of, ("the week of 24 March",)),
    R("week-of-range", "period", "the? week:u of:how <range>", _week_of),
    R(
        "weekend-of",
        "period",
        "the? weekend:weekend of:how <day>",
        lambda m: period(r_week_of, m["day"], "weekend"),
    ),
    R(
        "weekend-of-range",
        "period",
        "the? weekend:weekend of:how <range>",
        lambda m: period(r_week_of, m["range"], "weekend"),
        ("the weekend of 12-13 April",),
    ),
    R(
        "week-beginning",
        "period",
        "the? week beginning|commencing|starting|ending|ended:how <day>",
        _week_of,
        ("the week beginning 24 March", "the week ending 22 March"),
    ),
    R(
        "nth-week-of-month",
        "period",
        "the? <ordl> week|weekend:u of|in <mref>",
        _nth_week,
        ("the first week of March", "the last weekend of June"),
    ),
    R(
        "nth-week-of-year",
        "period",
        "the? <ordl> week:u of|in <yspec>",
        _nth_week,
        ("the final week of 2026",),
    ),
    R(
        "nth-month-of-year",
        "period",
        "the <ord> month of <yspec>",
        lambda m: period(r_month_of_year, m["ord"], m["yspec"]) if 1 <= m["ord"] <= 12 else None,
        ("the fourth month of 2027",),
    ),
    # -- parts of periods ----------------------------------------------------------------
    R(
        "unit-end",
        "period",
        "the? year|month|quarter|week:u ~%-? end",
        lambda m: (
            period(r_now_third, m["u"], 2)
            if m.has("p") or m.base(m.i + (2 if m.has("the") else 1)) == "end"
            else None
        ),
        ("year-end", "the month end"),
    ),
    R(
        "midweek",
        "period",
        "the? midweek",
        lambda m: None if m.base(m.j) in ("next", "last", "this") else period(r_midweek),
        ("midweek",),
    ),
    R(
        "mid-week",
        "period",
        "the? mid %- week",
        lambda m: None if m.base(m.j) in ("next", "last", "this") else period(r_midweek),
        ("mid-week",),
    ),
    R(
        "part-of",
        "period",
        "the? end|start|beginning|middle|close|turn:w of <period!>",
        _third,
        ("the end of March", "the turn of the century"),
    ),
    R(
        "part-of-day",
        "period",
        "the? end|start|beginning|middle|close:w of <day>",
        _third,
        ("the end of today",),
    ),
    R(
        "part-of-tail",
        "period",
        "the? tail|back|very end:w2 of <period!>",
        lambda m: period(r_third, 2, m["period"]),
        ("the tail end of the year",),
    ),
    R(
        "part-hyphen",
        "period",
        "end|start|beginning|middle|close:w ~%- <period!>",
        _third,
        ("end-March",),
    ),
    R(
        "early-mid-late",
        "period",
        "the? early|mid|late:w %-–? <period!>",
        lambda m: (
            _third(m) if m.has("p") or not m.has("the") or m["period"].fn is r_decade else None
        ),
        ("early March", "mid-2026", "late next week", "the mid-2020s", "the early 1990s"),
    ),
    R("early-late-day", "period", "early|late:w <day>", _third, ("late Tuesday",)),
    R(
        "early-to-late",
        "period",
        "the? early|mid:w %-? to %-? mid|late:w2 %-? <period!>",
        lambda m: (
            period(r_third_range, THIRD[m["w"]], THIRD[m["w2"]], m["period"])
            if THIRD[m["w2"]] > THIRD[m["w"]]
            else None
        ),
        ("mid-to-late March", "early to mid 2026"),
    ),
    R(
        "first-n-of",
        "period",
        "the first|last|final:fl <qty>? <unit> of <period!>",
        _first_n,
        (
            "the first six months of 2025",
            "the last two weeks of March",
            "the last days of March",
            "the last day of October",
        ),
    ),
    R(
        "this-time-day",
        "period",
        "this time tomorrow|yesterday:w",
        lambda m: T(
            "day", lambda ctx, s: ctx.day(ctx.today + s * DAY), (1 if m["w"] == "tomorrow" else -1,)
        ),
    ),
    R(
        "this-time",
        "period",
        "this time next|last:w week|month|year:u",
        lambda m: T(
            "day",
            r_this_time,
            (
                {"week": (("day", 7.0),), "month": (("month", 1.0),), "year": (("year", 1.0),)}[
                    m["u"]
                ],
                1 if m["w"] == "next" else -1,
            ),
        ),
        ("this time next year",),
    ),
    R("the-new-year", "period", "the new year", lambda m: period(r_new_year), ("the new year",)),
]

"""Rules for single days: relative days, weekdays, dates, days of a month, holidays.

Every value is a :class:`~._values.T`; kind "day" resolves to one calendar day, kind
"period" to a stretch of days (a holiday of several days).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from claimtrack.model import Grain

from . import _holidays
from . import _lexicon as lex
from ._calendar import days_in_month, last_weekday, month_start, nth_weekday
from ._engine import M, Rule
from ._guards import cued, ends_clause, habitual
from ._rules_dates import DateP, MonthRef, year_of
from ._rules_numbers import R, alts
from ._values import FUTURE, WEEK, Ctx, Span, T, resolve

_PLURALS = {w: v for w, v in lex.WEEKDAYS.items() if w.endswith("s")}
_SINGULAR = {w: v for w, v in lex.WEEKDAYS.items() if not w.endswith("s")}
_MOD_HOW = {"": "bare", "on": "bare", "this": "bare", "next": "next", "last": "last"}
_MOD_HOW |= {"coming": "fwd", "past": "last"}
_PICK = {"": "", "this": "this", "next": "next", "last": "last", "coming": "next", "past": "last"}

# -- resolvers -------------------------------------------------------------------------


def r_rel(ctx: Ctx, delta: int) -> Span:
    return ctx.day(ctx.today + timedelta(days=delta))


def r_around(ctx: Ctx, anchor: T, delta: int) -> Span | None:
    a = resolve(anchor, ctx)
    return None if a is None or a.day is None else ctx.day(a.day + timedelta(days=delta))


def r_weekday(ctx: Ctx, wd: int, how: str, weeks: int, cycle: int) -> Span:
    if how == "bare":
        how = "back" if ctx.past else "fwd"
    return ctx.day(ctx.weekday(wd, how) + weeks * WEEK, cycle=cycle)


def week_monday(ctx: Ctx, n: int) -> date:
    """The Monday of the ISO week ``n`` weeks from the reference's; "this week" of a
    future event said on a weekend is the coming one."""
    mon = ctx.today - timedelta(days=ctx.today.weekday())
    if n == 0 and ctx.today.weekday() >= 5 and ctx.tense == FUTURE:
        mon += WEEK
    return mon + n * WEEK


def r_weekday_of_week(ctx: Ctx, wd: int, n: int) -> Span:
    return ctx.day(week_monday(ctx, n) + timedelta(days=wd))


def r_counted(ctx: Ctx, wd: int, n: int, sign: int) -> Span:
    """The ``n``-th ``wd`` after (sign 1) or before (-1) the reference day."""
    first = ctx.weekday(wd, "fwd" if sign > 0 else "last")
    return ctx.day(first + sign * (n - 1) * WEEK)


def r_date(ctx: Ctx, p: DateP) -> Span | None:
    if p.year is not None:
        return ctx.day(p.on(ctx, year_of(ctx, p.year)))
    return ctx.pick(lambda y: ctx.day(p.on(ctx, y), cycle=1), ctx.bare())


def r_weekday_date(ctx: Ctx, wd: int, p: DateP) -> Span | None:
    """A weekday with a date: the date's year is the one they agree in."""
    plain = r_date(ctx, p)
    if p.year is not None or plain is None or plain.day is None or plain.day.weekday() == wd:
        return plain
    y0 = plain.day.year
    best: date | None = None
    for y in range(y0 - 11, y0 + 12):
        try:
            d = p.on(ctx, y)
        except ValueError:
            continue
        if d.weekday() == wd and (best is None or abs(d - ctx.today) < abs(best - ctx.today)):
            best = d
    return plain if best is None else ctx.day(best)


def r_weekday_dom(ctx: Ctx, wd: int, dom: int) -> Span | None:
    """ "Monday the 9th": the nearest such day in the tense's direction that agrees."""
    today = ctx.today
    step = -1 if ctx.past else 1
    for k in range(0, 15 * step, step):
        first = month_start(today.year, today.month + k)
        if dom > days_in_month(first.year, first.month):
            continue
        d = first.replace(day=dom)
        if (d < today if step > 0 else d > today) or d.weekday() != wd:
            continue
        return ctx.day(d)
    return None


def r_dom(ctx: Ctx, dom: int) -> Span | None:
    """ "the 20th": the next (past: the last) 20th of a month, the reference day counting."""
    today = ctx.today
    step = -1 if ctx.past else 1
    for k in range(0, 13 * step, step):
        first = month_start(today.year, today.month + k)
        if dom <= days_in_month(first.year, first.month):
            d = first.replace(day=dom)
            if (d >= today) if step > 0 else (d <= today):
                return ctx.day(d)
    return None


def r_dom_of(ctx: Ctx, dom: int, delta: int) -> Span:
    first = month_start(ctx.today.year, ctx.today.month + delta)
    return ctx.day(first.replace(day=dom))


HolidayRule = Callable[[int], date]


def holiday_span(ctx: Ctx, words: str, rule: HolidayRule, length: int, y: int) -> Span:
    d0 = rule(y)
    n = length if length else _holidays.length(words, y)
    if n == 1:
        return ctx.day(d0, cycle=1)
    return ctx.days(d0, d0 + timedelta(days=n), Grain.SPAN, cycle=1)


def r_holiday(ctx: Ctx, h: tuple[str, HolidayRule, int], how: str, ys: Any) -> Span | None:
    words, rule, length = h

    def make(y: int) -> Span:
        return holiday_span(ctx, words, rule, length, y)

    if isinstance(ys, tuple):
        return make(year_of(ctx, ys))
    if isinstance(ys, int):  # "Thanksgiving in two years"
        return make(ctx.today.year + ys)
    return ctx.pick(make, how or ctx.bare())


def in_month(ctx: Ctx, ref: MonthRef | int, at: Callable[[int, int], Span]) -> Span | None:
    """``at(year, month)`` of the month ``ref`` names: counted from the reference's
    (int), or a name with its year, its "next/last", or neither (the tense picks)."""
    if isinstance(ref, int):
        first = month_start(ctx.today.year, ctx.today.month + ref)
        return at(first.year, first.month)
    if ref.year is not None:
        return at(year_of(ctx, ref.year), ref.month)
    if ref.mod:
        s = ctx.pick(lambda y: ctx.month(y, ref.month), ref.mod)
        return None if s is None else at(s.start.year, ref.month)
    return ctx.pick(lambda y: at(y, ref.month), ctx.bare())


def r_nth_weekday(ctx: Ctx, nth: int, wd: int, ref: MonthRef | int) -> Span | None:
    def on(y: int, m: int) -> Span:
        return ctx.day(last_weekday(y, m, wd) if nth == -1 else nth_weekday(y, m, wd, nth))

    return in_month(ctx, ref, on)


# -- productions -----------------------------------------------------------------------


def day(fn: Any, *args: Any) -> T:
    return T("day", fn, args)


def _wd(m: M) -> tuple[int, bool] | None:
    w: str = m["w"]
    if w in _PLURALS or habitual(m, m.i):
        return None  # "on Saturdays", "on a Saturday": habitual, not a date
    return lex.WEEKDAYS[w], False


def _wd_abbr(m: M) -> tuple[int, bool] | None:
    if not m.toks[m.i].cap and (m.find or m.i == 0):
        return None  # "sat", "sun", "wed" in lower case are words, unless a cue precedes
    if habitual(m, m.i):
        return None
    return lex.WEEKDAY_ABBR[m["w"]], True


def _weekday(m: M) -> T | None:
    wd, abbr = m["wd"]
    if abbr and m.find and not m.has("on") and not cued(m):
        return None
    return day(r_weekday, wd, "bare", 0, 7)


def _weekday_mod(m: M) -> T:
    mod = m["mod"]
    if m.has("this"):
        mod = "coming" if mod == "coming" else "past"
    how = _MOD_HOW[mod]
    return day(r_weekday, m["wd"][0], how, 0, 7 if how == "bare" else 0)


def _weekday_british(m: M) -> T | None:
    if m.base(m.j) in lex.UNITS:
        return None  # "Monday next week" is another rule's
    return day(r_weekday, m["wd"][0], m["mod"], 0, 0)


def _weekday_week(m: M) -> T | None:
    if not ends_clause(m, m.j):
        return None  # British "Friday week", not "Friday week-long talks"
    return day(r_weekday, m["wd"][0], "bare", 1, 0)


def _weekday_date(m: M) -> T:
    return day(r_weekday_date, m["wd"][0], m["date"])


def _counted(m: M) -> T | None:
    n = m["count"]
    if n != int(n) or not 1 <= n <= 52:
        return None
    return day(r_counted, _PLURALS[m["w"]], int(n), -1 if "ago" in m.rule.names else 1)


def _nth_from_now(m: M) -> T | None:
    n = m["ord"]
    return day(r_counted, m["wd"][0], n, 1) if 1 <= n <= 52 else None


def _dom_alone(m: M) -> T | None:
    dom = m["ord"]
    if not 1 <= dom <= 31:
        return None
    nxt = m.base(m.j)
    if m.find and nxt and nxt not in lex.CUES and nxt not in lex.WEEKDAYS:
        return None  # "the 20th anniversary"
    return day(r_dom, dom)


def _dom_of(m: M) -> T | None:
    dom = m["ord"]
    return day(r_dom_of, dom, m["mrel"]) if 1 <= dom <= 31 else None


def _holiday_name(words: str, rule: HolidayRule, length: int) -> Callable[[M], Any]:
    first = words.split()[0]

    def prod(m: M) -> Any:
        cap = m.toks[m.i].cap
        if first in lex.AMBIGUOUS_MONTHS and not cap:
            return None
        if first in lex.HOLIDAY_CAPITALISED and not cap:
            return None
        return (words, rule, length)

    return prod


def _holiday(m: M) -> T | None:
    h = m["hname"]
    if h[0].split()[0] in lex.HOLIDAY_CAPITALISED and not m.has("mod") and not cued(m):
        return None  # "Lent" in running text needs a cue: "during Lent"
    ys: Any = m["yspec"] if m.has("yspec") else None
    if m.has("years"):
        n = m["count"]
        if n != int(n):
            return None
        ys = int(n)
    how = _PICK[m.get("mod") or ""]
    if m.has("after"):
        how = "after" if m["after"] == "after" else "before"
    kind = "day" if h[2] == 1 else "period"
    return T(kind, r_holiday, (h, how, ys))


def _holiday_rules() -> list[Rule]:
    out: list[Rule] = []
    table = [(" ".join(k), r, n) for k, (r, n) in lex.HOLIDAYS.items()]
    table += _holidays.LUNAR
    for words, rule, length in table:
        pattern = " %-.'’? ".join(words.split())
        out.append(R(f"holiday {words}", "hname", pattern, _holiday_name(words, rule, length)))
    return out


_MOD = "this|next|last|coming|past:mod"

RULES: list[Rule] = [
    # -- relative days ------------------------------------------------------------------
    R(
        "today-tomorrow-yesterday",
        "day",
        "today|tomorrow|yesterday:w",
        lambda m: day(r_rel, {"today": 0, "tomorrow": 1, "yesterday": -1}[m["w"]]),
        ("today", "tomorrow"),
    ),
    R(
        "the-next-day",
        "day",
        "the next|following|previous|preceding|same:w day",
        lambda m: day(r_rel, {"next": 1, "following": 1, "same": 0}.get(m["w"], -1)),
        ("the following day", "the previous day"),
    ),
    R(
        "the-day-after-x",
        "day",
        "the day after|before:w <day>",
        lambda m: (
            day(r_around, m["day"], 1 if m["w"] == "after" else -1)
            if m["day"].kind == "day"
            else None
        ),
        ("the day after tomorrow", "the day before yesterday"),
    ),
    R(
        "the-day-after",
        "day",
        "the day after|before:w",
        lambda m: day(r_rel, 1 if m["w"] == "after" else -1) if ends_clause(m, m.j) else None,
        ("the day after",),
    ),
    # -- weekdays -----------------------------------------------------------------------
    R("weekday-name", "wd", f"{alts(lex.WEEKDAYS)}:w", _wd, ("Monday",), ("Mondays",)),
    R("weekday-abbreviation", "wd", f"{alts(lex.WEEKDAY_ABBR)}:w ~%.?", _wd_abbr, ("Wed.", "Sat")),
    R("weekday", "day", "on? <wd>", _weekday, ("on Friday", "Thursday")),
    R(
        "weekday-relative",
        "day",
        "this? this|next|last|coming|past:mod <wd>",
        _weekday_mod,
        ("next Monday", "this coming Friday", "last Tuesday"),
    ),
    R(
        "weekday-after-next",
        "day",
        "the? <wd> after|before:after next|last:w",
        lambda m: (
            day(r_weekday, m["wd"][0], "next", 1, 0)
            if (m["after"], m["w"]) == ("after", "next")
            else day(r_weekday, m["wd"][0], "last", -1, 0)
            if (m["after"], m["w"]) == ("before", "last")
            else None
        ),
        ("the Friday after next", "Monday after next", "the Monday before last"),
    ),
    R(
        "weekday-of-week",
        "day",
        "on? <wd> of? this|next|last:mod week",
        lambda m: day(r_weekday_of_week, m["wd"][0], {"this": 0, "next": 1, "last": -1}[m["mod"]]),
        ("Monday next week", "Friday of last week"),
    ),
    R("weekday-next-british", "day", "on? <wd> next|last:mod", _weekday_british, ("Monday next",)),
    R("weekday-week-british", "day", "on? <wd> week", _weekday_week, ("Friday week",)),
    R(
        "weekday-with-date",
        "day",
        "on|this|next|last:mod? <wd> %,? <date>",
        _weekday_date,
        ("Thursday 20 March", "Wed, Nov 4", "Monday 2 March", "this Saturday 14/11"),
    ),
    R(
        "weekday-with-day-of-month",
        "day",
        "on? <wd> %,? the? <dom>",
        lambda m: day(r_weekday_dom, m["wd"][0], m["dom"]),
        ("Monday the 9th", "Thursday the 26th"),
    ),
    R(
        "weekdays-counted",
        "day",
        f"<count> {alts(_PLURALS)}:w from now|today",
        _counted,
        ("three Tuesdays from now",),
    ),
    R("weekdays-counted-hence", "day", f"<count> {alts(_PLURALS)}:w hence", _counted),
    R(
        "weekdays-counted-ago",
        "day",
        f"<count> {alts(_PLURALS)}:w ago",
        _counted,
        ("2 Sundays ago",),
    ),
    R(
        "nth-weekday-from-now",
        "day",
        "the <ord> <wd> from now|today",
        _nth_from_now,
        ("the third Friday from now",),
    ),
    # -- dates and days of a month ----------------------------------------------------------
    R("date", "day", "<date>", lambda m: day(r_date, m["date"]), ("20 March", "2025-03-20")),
    R(
        "day-of-month",
        "day",
        "the? #ord",
        _dom_alone,
        ("the 20th", "the 1st"),
        ("the 20th anniversary",),
    ),
    R(
        "day-of-counted-month",
        "day",
        "the? <ord> day? of <mrel>",
        _dom_of,
        ("the 3rd of next month", "the second day of next month", "the 3rd of the coming month"),
    ),
    R(
        "nth-weekday-of-month",
        "day",
        "the? <ordl> <wd> of|in <mref>",
        lambda m: (
            day(r_nth_weekday, m["ordl"], m["wd"][0], m["mref"])
            if m["ordl"] == -1 or 1 <= m["ordl"] <= 5
            else None
        ),
        ("the second Sunday of May", "the last Friday in February"),
    ),
    R("month-for-nth", "mref", "<mrel>", None),
    R("month-name-for-nth", "mref", "<monthref!>", None),
    # -- holidays ------------------------------------------------------------------------
    R(
        "holiday",
        "day",
        f"{_MOD}? the? <hname> <yspec>?",
        _holiday,
        ("Christmas", "next Easter", "Easter 2027", "the August bank holiday", "Ramadan"),
        ("he lent me",),
    ),
    R(
        "holiday-after-next",
        "day",
        "the <hname> after|before:after next|last:w",
        lambda m: (
            _holiday(m) if (m["after"], m["w"]) in (("after", "next"), ("before", "last")) else None
        ),
        ("the Christmas after next",),
    ),
    R(
        "holiday-in-years",
        "day",
        "<hname> in <count> years:years %'? time?",
        _holiday,
        ("Thanksgiving in two years",),
    ),
    *_holiday_rules(),
]

"""Rules for calendar periods: weeks, months, quarters, halves, years, decades,
centuries, seasons, and the parts of any of them ("the end of March", "the first six
months of 2025", "the second half of the month")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from claimtrack.model import Grain

from . import _lexicon as lex
from ._calendar import add_months, at, last_weekday, monday, month_start, nth_weekday
from ._engine import M, Rule
from ._guards import WEAK_CUES, cued, punct
from ._rules_dates import MonthRef, YSpec, year_of
from ._rules_days import in_month, week_monday
from ._rules_numbers import R, alts
from ._values import DAY, WEEK, Ctx, Span, T, resolve, third, whole

# After a season, nouns naming an institutional period inside it ("the summer recess"):
# its dates vary by country, body and year, so only the season bounds it (vague).
SEASON_EVENTS = frozenset(
    {"recess", "break", "holiday", "holidays", "hols", "vacation", "term", "session", "sitting"}
)
_REL = {"this": 0, "current": 0, "the": 0, "next": 1, "last": -1, "coming": 1, "following": 1}
_REL |= {"previous": -1, "past": -1}
_THIRD = {"early": 0, "mid": 1, "late": 2, "end": 2, "start": 0, "beginning": 0, "middle": 1}
_THIRD |= {"close": 2, "turn": 0}
_HALF = {"latter": 2, "back": 2, "front": 1, "last": 2, "final": 2}


def period(fn: Any, *args: Any) -> T:
    return T("period", fn, args)


# -- resolvers -------------------------------------------------------------------------


def r_unit(ctx: Ctx, unit: str, n: int, mod: str) -> Span | None:
    """ "this week", "next month", "last quarter", "the coming weekend", "this decade"."""
    today = ctx.today
    if unit in ("week", "fortnight", "wweek"):
        mon = week_monday(ctx, n)
        if unit == "fortnight":
            return ctx.days(mon, mon + 2 * WEEK, Grain.WEEK)
        if unit == "wweek":  # a working week: Monday to Friday
            return ctx.days(mon, mon + 5 * DAY, Grain.WEEK)
        return ctx.week(mon)
    if unit == "weekend":
        sat = monday(today) + timedelta(days=5)
        if mod == "coming":
            n = 0 if today.weekday() < 5 else 1
        elif n == 0 and ctx.past and today.weekday() < 5:
            n = -1
        return ctx.weekend(sat + n * WEEK)
    if unit == "month":
        first = month_start(today.year, today.month + n)
        return ctx.month(first.year, first.month)
    if unit == "quarter":
        q = (today.month - 1) // 3 + n
        return ctx.quarter(today.year + q // 4, q % 4 + 1)
    if unit == "fyear":
        return ctx.fiscal_now(n)
    if unit == "year":
        return ctx.year(today.year + n)
    size = 10 if unit == "decade" else 100
    y = today.year // size * size + size * n
    return ctx.days(date(y, 1, 1), date(y + size, 1, 1), Grain.DECADE if size == 10 else Grain.CENTURY)


def r_month(ctx: Ctx, ref: MonthRef) -> Span | None:
    if ref.year is not None:
        return ctx.month(year_of(ctx, ref.year), ref.month)
    how = ref.mod or ctx.bare()
    return ctx.pick(lambda y: ctx.month(y, ref.month, cycle=0 if ref.mod else 1), how)


def r_year(ctx: Ctx, y: int, fiscal: bool) -> Span:
    return ctx.fiscal_year(y) if fiscal else ctx.year(y)


def r_years(ctx: Ctx, y0: int, y1: int) -> Span:
    return ctx.days(date(y0, 1, 1), date(y1 + 1, 1, 1), Grain.SPAN)


def _fiscal_part(ctx: Ctx, ys: YSpec, months: int, k: int, grain: Grain) -> Span:
    """Part ``k`` (1-based) of ``months`` months of the (fiscal) year ``ys`` names."""
    y = year_of(ctx, ys)
    first = month_start(y - 1, ctx.fiscal_start) if ys[0] == "f" and ctx.fiscal_start > 1 else date(y, 1, 1)
    a = add_months(first, months * (k - 1))
    return ctx.days(a, add_months(a, months), grain)


def r_quarter(ctx: Ctx, q: int, ys: YSpec | None) -> Span | None:
    if ys is not None:
        return _fiscal_part(ctx, ys, 3, q, Grain.QUARTER)
    return ctx.pick(lambda y: ctx.quarter(y, q, cycle=1), ctx.bare())


def r_half(ctx: Ctx, h: int, ys: YSpec | None) -> Span | None:
    if ys is not None:
        return _fiscal_part(ctx, ys, 6, h, Grain.HALF)
    return ctx.pick(lambda y: ctx.half(y, h, cycle=1), ctx.bare())


def r_half_of(ctx: Ctx, h: int, x: T) -> Span | None:
    p = resolve(x, ctx)
    if p is None:
        return None
    mid = p.start + (p.end - p.start) / 2
    if p.grain in (Grain.DECADE, Grain.CENTURY, Grain.YEAR):
        y0, y1 = ctx.local(p.start).year, ctx.local(p.end).year
        mid = at(add_months(date(y0, 1, 1), 6 * (y1 - y0)), ctx.tz)
    elif p.grain not in (Grain.HOUR, Grain.MINUTE):
        mid = at(ctx.local(mid), ctx.tz)
    return Span(p.start, mid, p.grain) if h == 1 else Span(mid, p.end, p.grain)


def r_decade(ctx: Ctx, v: int, nd: int) -> Span:
    if nd == 2:
        y = 2000 + v if 2000 + v <= ctx.today.year else 1900 + v
    elif v % 100 == 0 and v != 2000:
        # "the 1800s" is a century; "the 2000s" is the decade people mean.
        return ctx.days(date(v, 1, 1), date(v + 100, 1, 1), Grain.CENTURY)
    else:
        y = v
    return ctx.days(date(y, 1, 1), date(y + 10, 1, 1), Grain.DECADE)


def r_century(ctx: Ctx, n: int) -> Span:
    y = (n - 1) * 100
    return ctx.days(date(max(y, 1), 1, 1), date(y + 100, 1, 1), Grain.CENTURY)


def season_span(ctx: Ctx, y: int, first: int) -> Span:
    return ctx.days(month_start(y, first), month_start(y, first + 3), Grain.SPAN, cycle=1)


def r_season(ctx: Ctx, first: int, mod: str, ys: YSpec | None, event: bool) -> Span | None:
    if ys is not None:
        return season_span(ctx, year_of(ctx, ys), first)
    s: Span | None
    if mod == "this":
        # The season now under way; otherwise the coming one (past: the one just gone).
        y0 = ctx.today.year - (1 if first == 12 and ctx.today.month < 3 else 0)
        now = season_span(ctx, y0, first)
        mod = "" if not (now.start <= ctx.ref < now.end) else mod
        if mod:
            s = now
    if mod != "this":
        s = ctx.pick(lambda y: season_span(ctx, y, first), mod or ctx.bare())
    if s is None or not event:
        return s
    # "the summer recess", "the winter break": an institutional period whose dates vary
    # by country, body and year.  Only its season bounds it: a vague window, which in
    # future context never starts before the reference.
    start = s.start if ctx.past or s.start > ctx.ref else ctx.ref
    return Span(start, s.end, Grain.SPAN, vague=True, inside=True)


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


# -- productions -----------------------------------------------------------------------


def _rel(m: M) -> T | None:
    mod = m.get("mod") or "the"
    if m.has("this"):
        mod = "last" if mod == "past" else "coming"
    unit = m["punit"]
    if m.has("the") and mod in ("next", "last") and unit != "wweek":
        return None  # "the next week", "the last month": rolling, not calendar
    n = _REL[mod]
    if m.has("coming2"):
        mod, n = "coming", 1  # "this weekend coming"
    if m.has("after"):
        n = 2 if m["after"] == "after" else -2
    elif m.has("ended"):
        n = -1
    elif mod == "the" and not cued(m):
        return None
    return period(r_unit, unit, n, mod)


def _year(m: M) -> T | None:
    y = m["year"]
    fiscal = m.has("fy")
    if not (fiscal or m.has("theyear") or cued(m)):
        return None
    nxt = m.tok(m.j)
    if nxt is not None and not nxt.gap and (nxt.base == "s" or nxt.text in "'’"):
        return None  # a decade
    if m.find and not fiscal and m.base(m.i - 1) in WEAK_CUES:
        if nxt is not None and nxt.kind == "w" and not nxt.cap and nxt.base not in lex.CUES:
            return None  # "and 2030 drones": a count, not a year
    return period(r_year, y, fiscal)


def _split_year(m: M) -> T | None:
    y, v = m["year"], m["num"]
    nd = m.toks[m.j - 1].ndig
    last = y // 100 * 100 + v if nd == 2 and v > y % 100 else -1
    if nd == 2 and v == 0 and y % 100 == 99:
        last = y + 1  # "1999/00"
    if last < 0 and nd == 4 and v == y + 1 and m["p"] == "/":
        last = v
    if last < 0 and nd == 4 and v > y and m["p"] in "-–":
        last = v
    return period(r_years, y, last) if last > 0 else None


def _iso_month(m: M) -> T | None:
    y, v = m["year"], m["d2"]
    if m.toks[m.j - 1].ndig != 2 or not 1 <= v <= 12 or v > y % 100:
        return None  # "2026-27" is a split year
    return period(r_month, MonthRef(v, ("y", y)))


def _month_year_numeric(m: M) -> T | None:
    v = m["d2"]
    if not 1 <= v <= 12 or not cued(m):
        return None
    return period(r_month, MonthRef(v, ("y", m["year"])))


def _quarter(m: M) -> T | None:
    q = m.get("qn")
    if q is None:
        o = m["ordl"]
        q = 4 if o == -1 else o
    elif m.toks[m.i + 1 if m.base(m.i) == "q" else m.i].ndig != 1:
        return None
    if not 1 <= q <= 4:
        return None
    return period(r_quarter, q, m.get("yspec"))


def _half(m: M) -> T | None:
    h = m.get("hn")
    if h is None:
        w = m.get("hw")
        h = _HALF[w] if w in _HALF else m.get("ord")
        if m.find and not m.has("yspec") and not m.has("of"):
            return None  # "the second half" of a match
    if h not in (1, 2):
        return None
    if m.has("period"):
        return period(r_half_of, h, m["period"])
    return period(r_half, h, m.get("yspec"))


def _decade_word(m: M) -> T:
    d = lex.DECADE_WORDS[m["w"]]
    return period(r_decade, d, 2)


def _decade(m: M) -> T | None:
    v = m["num"]
    nd = m.toks[m.i + (1 if m.has("the") else 0) + (1 if m.has("q") else 0)].ndig
    if v % 10 or nd not in (2, 4) or (nd == 4 and not 1000 <= v <= 2990):
        return None
    return period(r_decade, v, nd)


def _season(m: M) -> T | None:
    mod = m.get("mod") or ""
    mod = {"coming": "next", "past": "last"}.get(mod, mod)
    ys = m.get("yspec")
    if ys is not None and mod:
        return None
    if not mod and ys is None and not cued(m):
        return None
    return period(r_season, lex.SEASONS[m["w"]], mod, ys, m.has("event"))


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
    return period(r_third, _THIRD[w], x)


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


_MODS = "this|next|last|coming|following|previous|current:mod"
_PUNITS = "week|weekend|fortnight|month|quarter|year|decade|century:u"
_HALF_WORDS = "latter|back|front|last|final:hw"

RULES: list[Rule] = [
    R("period-unit", "punit", _PUNITS, lambda m: m["u"]),
    R("period-unit-fiscal", "punit", "financial|fiscal year", lambda m: "fyear", ("fiscal year",)),
    R("period-unit-working-week", "punit", "working|work|business week", lambda m: "wweek"),
    R("period-relative", "period", f"the? {_MODS} <punit>", _rel, ("next week", "this month", "the coming week")),
    R("period-this-past", "period", "this past|coming:mod <punit>", _rel, ("this past week",)),
    R("period-the", "period", "the:mod <punit>", _rel, ("the week",)),
    R("period-this-coming", "period", "this:mod <punit> coming:coming2", _rel, ("this weekend coming",)),
    R(
        "period-after-next",
        "period",
        "the:mod <punit> after|before:after next|last:w",
        lambda m: _rel(m) if (m["after"], m["w"]) in (("after", "next"), ("before", "last")) else None,
        ("the week after next", "the month before last"),
    ),
    R(
        "period-just-ended",
        "period",
        "the:mod <punit> just? ended|gone|finished:ended",
        _rel,
        ("the quarter just ended",),
    ),
    R("month-after-next", "period", "the <month> after|before:after next|last:w", lambda m: period(r_month, MonthRef(m["month"], None, "after" if m["after"] == "after" else "before")) if (m["after"], m["w"]) in (("after", "next"), ("before", "last")) else None, ("the June after next",)),
    R("month", "period", "<monthref>", lambda m: period(r_month, m["monthref"]), ("in April", "May 2026")),
    R("iso-month", "period", "#year ~%- ~#d2", _iso_month, ("2026-10",), ("2026-27",)),
    R("month-slash-year", "period", "#d2 ~%/.-:p ~#year", _month_year_numeric, ("10/2026",)),
    R("year", "period", "#year", _year, ("2026",)),
    R("the-year", "period", "the year:theyear #year", _year, ("the year 2026",)),
    R("year-fiscal", "period", "fy|fiscal|financial:fy year? #year", _year, ("FY2026", "fiscal 2026")),
    R("year-fiscal-short", "period", "fy:fy ~#d2", lambda m: period(r_year, 2000 + m["d2"], True), ("FY27",)),
    R("year-in-words", "period", "<yearw>", lambda m: period(r_year, m["yearw"], False) if cued(m) else None),
    R("split-year", "period", "#year ~%/-–:p ~#num", _split_year, ("2025/26", "2026-28", "2025–2028")),
    # -- quarters and halves ----------------------------------------------------------
    R("quarter-q", "period", "q ~#num:qn of? %,? <yspec>?", _quarter, ("Q3", "Q1 2026", "Q2 FY2027")),
    R("quarter-year-q", "period", "#year:y %-? q ~#num:qn", lambda m: period(r_quarter, m["qn"], ("y", m["y"])) if 1 <= m["qn"] <= 4 else None, ("2026-Q3",)),
    R("quarter-nq", "period", "#num:qn ~q <yspec>?", _quarter, ("3Q 2026",)),
    R(
        "quarter-ordinal",
        "period",
        "the? <ordl> %-? quarter of? %,? <yspec>?",
        _quarter,
        ("the third quarter", "the fourth quarter of 2026", "the first quarter of next year"),
    ),
    R("half-h", "period", "h ~#num:hn of? %,? <yspec>?", _half, ("H2", "H1 2026")),
    R("half-year-h", "period", "#year:y h ~#num:hn", lambda m: period(r_half, m["hn"], ("y", m["y"])) if m["hn"] in (1, 2) else None, ("2026 H2",)),
    R("half-nh", "period", "#num:hn ~h <yspec>?", _half, ("1H 2027",)),
    R("half-ordinal", "period", "the? <ord> %-? half of? %,? <yspec>?", _half, ("the first half of 2026",), ("the second half",)),
    R("half-word", "period", f"the? {_HALF_WORDS} %-? half of? %,? <yspec>?", _half),
    R("half-of", "period", "the? <ord> %-? half of <period!>", _half, ("the second half of March",)),
    R("half-word-of", "period", f"the? {_HALF_WORDS} %-? half of <period!>", _half),
    # -- decades, centuries, seasons -----------------------------------------------------
    R("decade-word", "period", f"the {alts(lex.DECADE_WORDS)}:w", _decade_word, ("the nineties",)),
    R("decade", "period", "the? %'’:q? #num ~%'’? ~s", _decade, ("the 2020s", "the '90s", "the 1990's")),
    R("century", "period", "the? <ord> %-? century", lambda m: period(r_century, m["ord"]) if 1 <= m["ord"] <= 29 else None, ("the 21st century",)),
    R("season", "period", f"this|next|last|coming|past:mod? the? {alts(lex.SEASONS)}:w", _season, ("this summer", "next spring")),
    R("season-of-year", "period", f"the? {alts(lex.SEASONS)}:w of? <yspec>", _season, ("the winter of 2026", "the spring of next year")),
    R("season-event", "period", f"this|next|last|coming|past:mod? the? {alts(lex.SEASONS)}:w {alts(SEASON_EVENTS)}:event", _season, ("the summer recess",)),
    # -- weeks in and around dates ---------------------------------------------------
    R("week-of", "period", "the? week:u of:how <day>", _week_of, ("the week of 24 March",)),
    R("week-of-range", "period", "the? week:u of:how <range>", _week_of),
    R("weekend-of", "period", "the? weekend:weekend of:how <day>", lambda m: period(r_week_of, m["day"], "weekend")),
    R("weekend-of-range", "period", "the? weekend:weekend of:how <range>", lambda m: period(r_week_of, m["range"], "weekend"), ("the weekend of 12-13 April",)),
    R("week-beginning", "period", "the? week beginning|commencing|starting|ending|ended:how <day>", _week_of, ("the week beginning 24 March", "the week ending 22 March")),
    R("nth-week-of-month", "period", "the? <ordl> week|weekend:u of|in <mref>", _nth_week, ("the first week of March", "the last weekend of June")),
    R("nth-week-of-year", "period", "the? <ordl> week:u of|in <yspec>", _nth_week, ("the final week of 2026",)),
    R("nth-month-of-year", "period", "the <ord> month of <yspec>", lambda m: period(r_month_of_year, m["ord"], m["yspec"]) if 1 <= m["ord"] <= 12 else None, ("the fourth month of 2027",)),
    # -- parts of periods ----------------------------------------------------------------
    R("unit-end", "period", "the? year|month|quarter|week:u ~%-? end", lambda m: period(r_now_third, m["u"], 2) if m.has("p") or m.base(m.i + (2 if m.has("the") else 1)) == "end" else None, ("year-end", "the month end")),
    R("midweek", "period", "the? midweek", lambda m: None if m.base(m.j) in ("next", "last", "this") else period(r_midweek), ("midweek",)),
    R("mid-week", "period", "the? mid %- week", lambda m: None if m.base(m.j) in ("next", "last", "this") else period(r_midweek), ("mid-week",)),
    R("part-of", "period", "the? end|start|beginning|middle|close|turn:w of <period!>", _third, ("the end of March", "the turn of the century")),
    R("part-of-day", "period", "the? end|start|beginning|middle|close:w of <day>", _third, ("the end of today",)),
    R("part-of-tail", "period", "the? tail|back|very end:w2 of <period!>", lambda m: period(r_third, 2, m["period"]), ("the tail end of the year",)),
    R("part-hyphen", "period", "end|start|beginning|middle|close:w ~%- <period!>", _third, ("end-March",)),
    R("early-mid-late", "period", "the? early|mid|late:w %-–? <period!>", lambda m: _third(m) if m.has("p") or not m.has("the") or m["period"].fn is r_decade else None, ("early March", "mid-2026", "late next week", "the mid-2020s", "the early 1990s")),
    R("early-late-day", "period", "early|late:w <day>", _third, ("late Tuesday",)),
    R(
        "early-to-late",
        "period",
        "the? early|mid:w %-? to %-? mid|late:w2 %-? <period!>",
        lambda m: period(r_third_range, _THIRD[m["w"]], _THIRD[m["w2"]], m["period"]) if _THIRD[m["w2"]] > _THIRD[m["w"]] else None,
        ("mid-to-late March", "early to mid 2026"),
    ),
    R("first-n-of", "period", "the first|last|final:fl <qty>? <unit> of <period!>", _first_n, ("the first six months of 2025", "the last two weeks of March", "the last days of March", "the last day of October")),
    R("this-time-day", "period", "this time tomorrow|yesterday:w", lambda m: T("day", lambda ctx, s: ctx.day(ctx.today + s * DAY), (1 if m["w"] == "tomorrow" else -1,))),
    R("this-time", "period", "this time next|last:w week|month|year:u", lambda m: T("day", r_this_time, ({"week": (("day", 7.0),), "month": (("month", 1.0),), "year": (("year", 1.0),)}[m["u"]], 1 if m["w"] == "next" else -1)), ("this time next year",)),
    R("the-new-year", "period", "the new year", lambda m: period(r_new_year), ("the new year",)),
]

_ = punct

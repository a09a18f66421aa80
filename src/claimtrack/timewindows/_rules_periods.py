"""Rules for calendar periods: weeks, months, quarters, halves, years, decades,
centuries, seasons, and the parts of any of them ("the end of March", "the first six
months of 2025", "the second half of the month")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from claimtrack.model import Grain

from . import _lexicon as lex
from ._calendar import add_months, at, monday, month_start
from ._engine import M, Rule
from ._guards import WEAK_CUES, cued
from ._rules_dates import MonthRef, YSpec, year_of
from ._rules_days import week_monday
from ._rules_numbers import R, alts
from ._values import DAY, WEEK, Ctx, Span, T, resolve

# After a season, nouns naming an institutional period inside it ("the summer recess"):
# its dates vary by country, body and year, so only the season bounds it (vague).
SEASON_EVENTS = frozenset(
    {"recess", "break", "holiday", "holidays", "hols", "vacation", "term", "session", "sitting"}
)
_REL = {"this": 0, "current": 0, "the": 0, "next": 1, "last": -1, "coming": 1, "following": 1}
_REL |= {"previous": -1, "past": -1}
THIRD = {"early": 0, "mid": 1, "late": 2, "end": 2, "start": 0, "beginning": 0, "middle": 1}
THIRD |= {"close": 2, "turn": 0}
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
    return ctx.days(
        date(y, 1, 1), date(y + size, 1, 1), Grain.DECADE if size == 10 else Grain.CENTURY
    )


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
    first = (
        month_start(y - 1, ctx.fiscal_start)
        if ys[0] == "f" and ctx.fiscal_start > 1
        else date(y, 1, 1)
    )
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
    weak = m.find and not fiscal and m.base(m.i - 1) in WEAK_CUES
    if weak and nxt is not None and nxt.kind == "w" and not nxt.cap and nxt.base not in lex.CUES:
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


_MODS = "this|next|last|coming|following|previous|current:mod"
_PUNITS = "week|weekend|fortnight|month|quarter|year|decade|century:u"
_HALF_WORDS = "latter|back|front|last|final:hw"

RULES: list[Rule] = [
    R("period-unit", "punit", _PUNITS, lambda m: m["u"]),
    R("period-unit-fiscal", "punit", "financial|fiscal year", lambda m: "fyear", ("fiscal year",)),
    R("period-unit-working-week", "punit", "working|work|business week", lambda m: "wweek"),
    R(
        "period-relative",
        "period",
        f"the? {_MODS} <punit>",
        _rel,
        ("next week", "this month", "the coming week"),
    ),
    R("period-this-past", "period", "this past|coming:mod <punit>", _rel, ("this past week",)),
    R("period-the", "period", "the:mod <punit>", _rel, ("the week",)),
    R(
        "period-this-coming",
        "period",
        "this:mod <punit> coming:coming2",
        _rel,
        ("this weekend coming",),
    ),
    R(
        "period-after-next",
        "period",
        "the:mod <punit> after|before:after next|last:w",
        lambda m: (
            _rel(m) if (m["after"], m["w"]) in (("after", "next"), ("before", "last")) else None
        ),
        ("the week after next", "the month before last"),
    ),
    R(
        "period-just-ended",
        "period",
        "the:mod <punit> just? ended|gone|finished:ended",
        _rel,
        ("the quarter just ended",),
    ),
    R(
        "month-after-next",
        "period",
        "the <month> after|before:after next|last:w",
        lambda m: (
            period(
                r_month, MonthRef(m["month"], None, "after" if m["after"] == "after" else "before")
            )
            if (m["after"], m["w"]) in (("after", "next"), ("before", "last"))
            else None
        ),
        ("the June after next",),
    ),
    R(
        "month",
        "period",
        "<monthref>",
        lambda m: period(r_month, m["monthref"]),
        ("April", "May 2026"),
    ),
    R("iso-month", "period", "#year ~%- ~#d2", _iso_month, ("2026-10",), ("2026-27",)),
    R("month-slash-year", "period", "#d2 ~%/.-:p ~#year", _month_year_numeric, ("10/2026",)),
    R("year", "period", "#year", _year, ("2026",)),
    R("the-year", "period", "the year:theyear #year", _year, ("the year 2026",)),
    R(
        "year-fiscal",
        "period",
        "fy|fiscal|financial:fy year? #year",
        _year,
        ("FY2026", "fiscal 2026"),
    ),
    R(
        "year-fiscal-short",
        "period",
        "fy:fy ~#d2",
        lambda m: period(r_year, 2000 + m["d2"], True),
        ("FY27",),
    ),
    R(
        "year-in-words",
        "period",
        "<yearw>",
        lambda m: period(r_year, m["yearw"], False) if cued(m) else None,
    ),
    R(
        "split-year",
        "period",
        "#year ~%/-–:p ~#num",
        _split_year,
        ("2025/26", "2026-28", "2025–2028"),
    ),
    # -- quarters and halves ----------------------------------------------------------
    R(
        "quarter-q",
        "period",
        "q ~#num:qn of? %,? <yspec>?",
        _quarter,
        ("Q3", "Q1 2026", "Q2 FY2027"),
    ),
    R(
        "quarter-year-q",
        "period",
        "#year:y %-? q ~#num:qn",
        lambda m: period(r_quarter, m["qn"], ("y", m["y"])) if 1 <= m["qn"] <= 4 else None,
        ("2026-Q3",),
    ),
    R("quarter-nq", "period", "#num:qn ~q <yspec>?", _quarter, ("3Q 2026",)),
    R(
        "quarter-ordinal",
        "period",
        "the? <ordl> %-? quarter of? %,? <yspec>?",
        _quarter,
        ("the third quarter", "the fourth quarter of 2026", "the first quarter of next year"),
    ),
    R("half-h", "period", "h ~#num:hn of? %,? <yspec>?", _half, ("H2", "H1 2026")),
    R(
        "half-year-h",
        "period",
        "#year:y h ~#num:hn",
        lambda m: period(r_half, m["hn"], ("y", m["y"])) if m["hn"] in (1, 2) else None,
        ("2026 H2",),
    ),
    R("half-nh", "period", "#num:hn ~h <yspec>?", _half, ("1H 2027",)),
    R(
        "half-ordinal",
        "period",
        "the? <ord> %-? half of? %,? <yspec>?",
        _half,
        ("the first half of 2026",),
    ),
    R("half-word", "period", f"the? {_HALF_WORDS} %-? half of? %,? <yspec>?", _half),
    # -- decades, centuries, seasons -----------------------------------------------------
    R("decade-word", "period", f"the {alts(lex.DECADE_WORDS)}:w", _decade_word, ("the nineties",)),
    R(
        "decade",
        "period",
        "the? %'’:q? #num ~%'’? ~s",
        _decade,
        ("the 2020s", "the '90s", "the 1990's"),
    ),
    R(
        "century",
        "period",
        "the? <ord> %-? century",
        lambda m: period(r_century, m["ord"]) if 1 <= m["ord"] <= 29 else None,
        ("the 21st century",),
    ),
    R(
        "season",
        "period",
        f"this|next|last|coming|past:mod? the? {alts(lex.SEASONS)}:w",
        _season,
        ("this summer", "next spring"),
    ),
    R(
        "season-of-year",
        "period",
        f"the? {alts(lex.SEASONS)}:w of? <yspec>",
        _season,
        ("the winter of 2026", "the spring of next year"),
    ),
    R(
        "season-event",
        "period",
        f"this|next|last|coming|past:mod? the? {alts(lex.SEASONS)}:w {alts(SEASON_EVENTS)}:event",
        _season,
        ("the summer recess",),
    ),
    R(
        "half-of",
        "period",
        "the? <ord> %-? half of <period!>",
        _half,
        ("the second half of March",),
    ),
    R("half-word-of", "period", f"the? {_HALF_WORDS} %-? half of <period!>", _half),
]

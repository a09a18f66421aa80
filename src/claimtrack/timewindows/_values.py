"""Values and their resolution: what the rules produce, and how a value becomes a window.

A rule produces a :class:`T`, an *underspecified* time value: what the text says ("the
weekday Thursday, the next one", "20 March, no year", "by <that>") without the reference
it is read against.  :func:`resolve` turns it into a :class:`Span` from a :class:`Ctx`
(the reference instant and zone, the clause's tense, the date order, the fiscal year).
Parsing never reads the reference; resolving never reads the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from claimtrack.model import Grain

from ._calendar import add_business_days, add_months, at, month_start

_MIDNIGHT = time(0, 0)
_combine = datetime.combine
_DAY = Grain.DAY

PAST = "past"
FUTURE = "future"
DAY = timedelta(days=1)
WEEK = timedelta(days=7)

UNIT_ORDER = {"year": 0, "month": 1, "bday": 2, "day": 3, "hour": 4, "minute": 5, "second": 6}
UNIT_GRAIN: dict[str, Grain] = {
    "second": Grain.MINUTE,
    "minute": Grain.MINUTE,
    "hour": Grain.HOUR,
    "day": Grain.DAY,
    "bday": Grain.DAY,
    "month": Grain.MONTH,
    "year": Grain.YEAR,
}


@dataclass(slots=True)
class Span:
    """A resolved window ``[start, end)`` (never changed once made: a new one is made
    with ``dataclasses.replace``; not frozen, which would make each one slower to make).

    ``day`` is set when the window is exactly one calendar day (clock times and offsets
    compose with it); ``cycle`` says how a window resolved from a recurring name may
    move when a range needs it later: 7 (days, a weekday) or 1 (years, a yearless date,
    month or holiday); ``hours`` is set for a part of the day.  ``inside`` marks a window
    that only bounds an event somewhere within it ("the summer recess": the summer), so
    "before" it can only be bounded by its end.
    """

    start: datetime
    end: datetime
    grain: Grain
    vague: bool = False
    day: date | None = None
    cycle: int = 0
    hours: tuple[int, int] | None = None
    inside: bool = False


Resolver = Callable[..., "Span | None"]


@dataclass(slots=True)
class T:
    """An underspecified time value: ``fn(ctx, *args)`` resolves it.

    ``kind`` says what it resolves to, for rules that compose values: "day" (one
    calendar day), "part" (a part of a day), "clock" (a clock time), "period" (a
    calendar period or a stretch of days) or "span" (anything else: deadlines, rolling
    windows, ranges, vague phrases).  Never changed once made (not frozen: a frozen
    value is slower to make, and rules make many).
    """

    kind: str
    fn: Resolver
    args: tuple[Any, ...] = ()

    def resolve(self, ctx: Ctx) -> Span | None:
        return self.fn(ctx, *self.args)


def resolve(value: T, ctx: Ctx) -> Span | None:
    """The window ``value`` denotes in ``ctx``; None when it denotes none there."""
    return value.fn(ctx, *value.args)


Terms = tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Dur:
    """A duration: terms (base unit, amount), largest first when applied; ``vague`` for
    "a few weeks", "days"; ``unit`` the unit word the text used (its vague span)."""

    terms: Terms
    vague: bool = False
    unit: str = "day"


class Ctx:
    """What resolution needs: the reference instant, its zone, the tense, date order."""

    def __init__(
        self, reference: datetime, tense: str | None, day_first: bool = True, fiscal_start: int = 1
    ) -> None:
        self.ref = reference
        self.fiscal_start = fiscal_start
        tz = reference.tzinfo
        self.tz: tzinfo = tz if tz is not None else timezone.utc
        self.today = reference.date()
        self.past = tense == PAST
        self.tense = tense
        self.day_first = day_first
        self._as_past: Ctx | None = None

    def as_past(self) -> Ctx:
        """This context read in past context ("since June" is a June gone)."""
        if self.past:
            return self
        if self._as_past is None:
            self._as_past = Ctx(self.ref, PAST, self.day_first, self.fiscal_start)
        return self._as_past

    # -- spans ------------------------------------------------------------------------

    def day(self, d: date, cycle: int = 0) -> Span:
        tz = self.tz
        return Span(
            _combine(d, _MIDNIGHT, tz), _combine(d + DAY, _MIDNIGHT, tz), _DAY, False, d, cycle
        )

    def days(self, d0: date, d1: date, grain: Grain, cycle: int = 0) -> Span:
        tz = self.tz
        return Span(
            _combine(d0, _MIDNIGHT, tz), _combine(d1, _MIDNIGHT, tz), grain, False, None, cycle
        )

    def month(self, y: int, m: int, cycle: int = 0) -> Span:
        return self.days(month_start(y, m), month_start(y, m + 1), Grain.MONTH, cycle)

    def quarter(self, y: int, q: int, cycle: int = 0) -> Span:
        m = 3 * (q - 1) + 1
        return self.days(month_start(y, m), month_start(y, m + 3), Grain.QUARTER, cycle)

    def half(self, y: int, h: int, cycle: int = 0) -> Span:
        m = 6 * (h - 1) + 1
        return self.days(month_start(y, m), month_start(y, m + 6), Grain.HALF, cycle)

    def year(self, y: int) -> Span:
        return self.days(date(y, 1, 1), date(y + 1, 1, 1), Grain.YEAR)

    def fiscal_year(self, y: int) -> Span:
        """The fiscal year named ``y``: the twelve months starting in month
        ``fiscal_start`` and ending in year ``y`` (FY2026 from October: Oct 2025 - Sep
        2026); with the default start, January, the calendar year."""
        fs = self.fiscal_start
        if fs == 1:
            return self.year(y)
        return self.days(month_start(y - 1, fs), month_start(y, fs), Grain.YEAR)

    def fiscal_now(self, n: int) -> Span:
        """The fiscal year holding the reference, moved by ``n`` years."""
        today = self.today
        end_year = today.year + (1 if today.month >= self.fiscal_start > 1 else 0)
        return self.fiscal_year(end_year + n)

    def week(self, mon: date) -> Span:
        return self.days(mon, mon + WEEK, Grain.WEEK)

    def weekend(self, sat: date) -> Span:
        return self.days(sat, sat + 2 * DAY, Grain.WEEKEND)

    def instant(self, start: datetime, grain: Grain) -> Span:
        length = {Grain.MINUTE: timedelta(minutes=1), Grain.HOUR: timedelta(hours=1)}
        return Span(start, start + length.get(grain, DAY), grain)

    def rolling(self, a: datetime, b: datetime, grain: Grain, vague: bool = False) -> Span:
        return Span(min(a, b), max(a, b), grain, vague=vague)

    def local(self, when: datetime) -> date:
        """The calendar date of an instant in the reference's zone."""
        return when.astimezone(self.tz).date()

    # -- resolving recurring names ------------------------------------------------------

    def pick(self, make: Callable[[int], Span], how: str) -> Span | None:
        """The occurrence of a yearly thing (``make(year)``) the context means.

        fwd: the first not yet over; back: the last already begun; next: the first not
        yet begun; last: the last already over; this: the reference year's; "after" and
        "before": the one after next, the one before last.
        """
        y0 = self.today.year
        if how == "this":
            return make(y0)
        ref = self.ref
        # A yearly thing's window lies within a year of the year it is named by, so the
        # one of two years before the reference's has ended before it (and the one two
        # years after has not begun): the scans start a year nearer.
        if how in ("fwd", "next", "after"):
            seen = 0
            for y in range(y0 - 1, y0 + 10):
                try:
                    s = make(y)
                except (ValueError, OverflowError, KeyError):
                    continue
                if (how == "fwd" and s.end > ref) or (how != "fwd" and s.start > ref):
                    seen += 1
                    if how != "after" or seen == 2:
                        return s
            return None
        seen = 0
        for y in range(y0 + 1, y0 - 10, -1):
            try:
                s = make(y)
            except (ValueError, OverflowError, KeyError):
                continue
            if (how == "back" and s.start <= ref) or (how != "back" and s.end <= ref):
                seen += 1
                if how != "before" or seen == 2:
                    return s
        return None

    def bare(self) -> str:
        """How a bare name resolves: backward in past context, else forward."""
        return "back" if self.past else "fwd"

    def weekday(self, wd: int, how: str) -> date:
        """A weekday: next (the following ISO week), last (before today), fwd (after
        today), back (today or before)."""
        today = self.today
        if how == "next":
            return today - timedelta(days=today.weekday()) + timedelta(days=7 + wd)
        if how == "last":
            return today - timedelta(days=(today.weekday() - wd - 1) % 7 + 1)
        if how == "back":
            return today - timedelta(days=(today.weekday() - wd) % 7)
        return today + timedelta(days=(wd - today.weekday() - 1) % 7 + 1)

    def add(self, when: datetime, terms: Terms, sign: int) -> datetime:
        """``when`` moved by duration terms, the larger unit first."""
        for base, amount in sorted(terms, key=lambda t: UNIT_ORDER[t[0]]):
            n = int(amount) * sign
            if base in ("year", "month"):
                d = add_months(when.date(), n * (12 if base == "year" else 1))
                when = datetime.combine(d, when.timetz())
            elif base == "bday":
                d = add_business_days(when.date(), n)
                when = datetime.combine(d, when.timetz())
            else:
                when = when + timedelta(**{base + "s": n})
        return when

    def deadline(self, x: Span) -> Span:
        """From the reference to the end of ``x`` ("by Friday")."""
        # "by 5pm" means before five o'clock, not before six.
        end = x.start if x.grain in (Grain.HOUR, Grain.MINUTE) else x.end
        if end > self.ref:
            return Span(self.ref, end, x.grain, x.vague)
        return x


def whole(terms: Terms) -> Terms:
    """Turn fractional amounts ("a year and a half") into whole smaller units."""
    smaller = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24)}
    smaller |= {"bday": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}
    out: list[tuple[str, float]] = []
    for base, amount in terms:
        n = int(amount)
        frac = amount - n
        if n:
            out.append((base, n))
        if frac > 1e-9 and base in smaller:
            sub, k = smaller[base]
            out.append((sub, round(frac * k)))
    return tuple(out)


def smallest(terms: Terms) -> str:
    return max((t[0] for t in terms), key=lambda b: UNIT_ORDER[b])


_THIRDS: dict[Grain, tuple[str, tuple[tuple[int, int], ...]]] = {
    # outer grain -> (sub-unit, (early, mid, late) as [from, to) in sub-units)
    Grain.MONTH: ("day", ((0, 10), (10, 20), (20, 31))),
    Grain.YEAR: ("month", ((0, 4), (4, 8), (8, 12))),
    Grain.WEEK: ("day", ((0, 3), (2, 4), (3, 7))),
    Grain.QUARTER: ("month", ((0, 1), (1, 2), (2, 3))),
    Grain.HALF: ("month", ((0, 2), (2, 4), (4, 6))),
    Grain.DECADE: ("year", ((0, 4), (3, 7), (7, 10))),
    Grain.CENTURY: ("year", ((0, 34), (33, 67), (67, 100))),
    Grain.SPAN: ("month", ((0, 1), (1, 2), (2, 3))),
    Grain.DAY: ("hour", ((0, 12), (10, 14), (18, 24))),
}


def third(ctx: Ctx, s: Span, which: int) -> Span:
    """The early (0), middle (1) or late (2) part of a window."""
    spec = _THIRDS.get(s.grain)
    if spec is None:
        return s
    sub, parts = spec
    lo, hi = parts[which]
    tz = ctx.tz
    d0 = ctx.local(s.start)
    d1 = ctx.local(s.end)
    if s.grain == Grain.SPAN and add_months(d0, 3) != d1 and d1 > d0:
        # a span that is not a season ("Lent", "2025-2030"): thirds of its days
        n = (d1 - d0).days
        a, b = d0 + timedelta(days=n * which // 3), d0 + timedelta(days=n * (which + 1) // 3)
        return Span(at(a, tz), at(b, tz), s.grain) if b > a else s
    if sub == "day":
        a = d0 + timedelta(days=lo)
        bnd = min(d0 + timedelta(days=hi), d1)
        return Span(at(a, tz), at(bnd, tz), s.grain)
    if sub == "month":
        return Span(at(add_months(d0, lo), tz), at(add_months(d0, hi), tz), s.grain)
    if sub == "year":
        return Span(at(add_months(d0, 12 * lo), tz), at(add_months(d0, 12 * hi), tz), s.grain)
    return Span(at(d0, tz, lo), at(d0, tz, hi), s.grain)


def shift(s: Span, sign: int) -> Span:
    """A recurring window moved by one cycle (a week, or a year)."""
    if s.cycle == 7:
        d = WEEK * sign
        return replace(s, start=s.start + d, end=s.end + d, day=s.day and s.day + d)
    return replace(
        s,
        start=s.start.replace(year=s.start.year + sign),
        end=s.end.replace(year=s.end.year + sign),
        day=s.day and s.day.replace(year=s.day.year + sign),
    )


def offset_span(ctx: Ctx, anchor: datetime, terms: Terms, sign: int, day: bool = False) -> Span:
    """The one unit-sized window an offset lands on ("in 30 days": that day)."""
    when = ctx.add(anchor, terms, sign)
    unit = smallest(terms)
    if unit in ("second", "minute", "hour") and not day:
        return ctx.instant(when, Grain.MINUTE if unit != "hour" else Grain.HOUR)
    return ctx.day(when.date())


def r_first(ctx: Ctx, *alts: T) -> Span | None:
    """The first of several readings of the same words that resolves."""
    for alt in alts:
        try:
            s = alt.fn(ctx, *alt.args)
        except (ValueError, OverflowError, ArithmeticError, KeyError):
            continue
        if s is not None and s.end > s.start:
            return s
    return None


def merge(first: Any, later: Any) -> Any:
    """Two readings of the same words: the first that resolves, in rule order."""
    if not isinstance(first, T) or not isinstance(later, T):
        return None
    if first.fn is r_first:
        return T(first.kind, r_first, (*first.args, later))
    return T(first.kind, r_first, (first, later))

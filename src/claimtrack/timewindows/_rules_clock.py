"""Rules for clock times, time zones, parts of the day, and days with a time on them.

Values: ``clock`` a :data:`Clock` tuple ``(hour, minute, grain, zone, marked)`` (marked:
written with am/pm, "o'clock" or a name such as "noon"); ``zone`` a tzinfo or "local";
``part`` a T of kind "part"; ``timed`` a T of kind "clock", "part" or "day".
"""

from __future__ import annotations

from datetime import date, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from claimtrack.model import Grain

from . import _lexicon as lex
from ._calendar import at
from ._engine import M, Rule
from ._guards import cued
from ._rules_numbers import R, alts
from ._values import DAY, FUTURE, Ctx, Span, T, resolve

Clock = tuple[int, int, Grain, "tzinfo | None", bool]
_PARTS = {w: h for w, h in lex.PARTS_OF_DAY.items() if w != "overnight"}


def clock_span(ctx: Ctx, d: date, c: Clock, pm: bool = False) -> Span:
    h, minute, grain, tz, marked = c
    if pm and not marked and h < 12:
        h += 12
    start = at(d, tz or ctx.tz, h, minute)
    if tz is not None:
        start = start.astimezone(ctx.tz)
    return ctx.instant(start, grain)


def r_clock(ctx: Ctx, c: Clock, pm: bool) -> Span:
    """A clock time alone: today's, or in future context the next one."""
    s = clock_span(ctx, ctx.today, c, pm)
    if not ctx.past and ctx.tense == FUTURE and s.end <= ctx.ref:
        s = clock_span(ctx, ctx.today + DAY, c, pm)
    elif ctx.past and s.start > ctx.ref:
        s = clock_span(ctx, ctx.today - DAY, c, pm)
    return s


def r_clock_on(ctx: Ctx, c: Clock, x: T, pm: bool) -> Span | None:
    s = resolve(x, ctx)
    if s is None:
        return None
    if s.hours is not None:
        pm = pm or s.hours[0] >= 12
    return clock_span(ctx, s.day or s.start.date(), c, pm)


def part_span(ctx: Ctx, d: date, hours: tuple[int, int]) -> Span:
    tz = ctx.tz
    return Span(at(d, tz, hours[0]), at(d, tz, hours[1]), Grain.PART_OF_DAY, hours=hours)


def r_part_today(ctx: Ctx, hours: tuple[int, int], delta: int) -> Span:
    return part_span(ctx, ctx.today + timedelta(days=delta), hours)


def r_overnight(ctx: Ctx) -> Span:
    night = ctx.today - DAY if ctx.past else ctx.today
    return part_span(ctx, night, lex.PARTS_OF_DAY["overnight"])


def r_part_near(ctx: Ctx, hours: tuple[int, int]) -> Span:
    """ "(in) the morning": today's, or the next one (past: the last one)."""
    s = part_span(ctx, ctx.today, hours)
    if not ctx.past and s.end <= ctx.ref:
        s = part_span(ctx, ctx.today + DAY, hours)
    elif ctx.past and s.start > ctx.ref:
        s = part_span(ctx, ctx.today - DAY, hours)
    return s


def r_part_of(ctx: Ctx, hours: tuple[int, int], x: T) -> Span | None:
    s = resolve(x, ctx)
    return None if s is None or s.day is None else part_span(ctx, s.day, hours)


# -- productions -----------------------------------------------------------------------


def _zone_abbr(m: M) -> Any:
    if not m.toks[m.i].text.isupper():
        return None
    z = lex.TIMEZONES[m["z"]]
    return ZoneInfo(z) if isinstance(z, str) else timezone(timedelta(minutes=z))


def _zone_name(m: M) -> Any:
    if not m.toks[m.i].cap:
        return None
    if not m.has("time") and m["z"] not in lex.ZONE_NAMES_ALONE:
        return None
    return ZoneInfo(lex.ZONE_NAMES[m["z"]])


def _zone(m: M) -> tzinfo | None:
    z = m.get("zone")
    return z if isinstance(z, tzinfo) else None


def _clock_hm(m: M) -> Clock | None:
    h, mm = m["h"], m["mm"]
    if m.toks[m.i].ndig > 2 or m.toks[m.i + 2].ndig != 2 or mm > 59:
        return None
    ap = m.get("ap")
    if ap is None:
        if m["sep"] != ":":
            return None
    else:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap == "pm" else 0)
    if h > 24 or (h == 24 and mm):
        return None
    return h, mm, Grain.MINUTE, _zone(m), ap is not None


def _clock_h(m: M) -> Clock | None:
    h = m["h"]
    if m.toks[m.i].ndig > 2:
        return None
    ap = m["ap"]
    if ap in ("am", "pm"):
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap == "pm" else 0)
    elif h > 24:
        return None
    return h, 0, Grain.HOUR, _zone(m), True


def _upper(m: M, value: Clock) -> Clock | None:
    return value if m.toks[m.i].text.isupper() else None


def _clock_alone(m: M) -> T | None:
    c: Clock = m["clock"]
    if not c[4] and m.find:
        return None  # "at 5" is a score or a count as often as a time
    return T("clock", r_clock, (c, False))


def _clock_on(m: M) -> T:
    return T("clock", r_clock_on, (m["clock"], m["day"], False))


def _clock_in_part(m: M) -> T:
    c: Clock = m["clock"]
    return T("clock", r_clock, (c, m["w"] != "morning"))


def _part_of(m: M) -> T | None:
    x: T = m["day"]
    return T("part", r_part_of, (m["pw"], x)) if x.kind == "day" else None


def _part_alone(m: M) -> T | None:
    if not m.has("the") and m.base(m.i - 1) != "at":
        return None
    if m.has("the") and not cued(m):
        return None
    return T("part", r_part_near, (m["pw"],))


def _iso_time(m: M) -> T | None:
    from ._rules_days import r_date

    h, mm = m["h"], m["mm"]
    if h > 23 or mm > 59:
        return None
    c: Clock = (h, mm, Grain.MINUTE, _zone(m), True)
    return T("clock", r_clock_on, (c, T("day", r_date, (m["date"],)), False))


def _part_clock(m: M) -> T | None:
    c: Clock = m["clock"]
    if not (c[4] or m.get("at") == "at"):
        return None  # "Friday 5" is no time; "Friday at 5" is
    x: T = m["first"]
    if x.kind not in ("day", "part"):
        return None
    return T("clock", r_clock_on, (c, x, False))


_CLOCK_OF_DAY = (
    "noon on Friday",
    "3pm on Friday",
    "noon tomorrow",
    "9am Monday",
)

RULES: list[Rule] = [
    R("zone-abbreviation", "zone", f"{alts(lex.TIMEZONES)}:z time?", _zone_abbr, ("GMT", "ET")),
    R("zone-local", "zone", "local time", lambda m: "local", ("local time",)),
    R("zone-name", "zone", f"{alts(lex.ZONE_NAMES)}:z time?", _zone_name, ("UK time", "Eastern")),
    R(
        "clock-noon",
        "clock",
        "noon|midday <zone>?",
        lambda m: (12, 0, Grain.HOUR, _zone(m), True),
        ("noon",),
    ),
    R(
        "close-of-business",
        "clock",
        "the? close|end of business|play day?",
        lambda m: (17, 0, Grain.HOUR, None, True),
        ("close of business", "the end of play"),
    ),
    R(
        "close-of-business-abbr",
        "clock",
        "cob|eob",
        lambda m: _upper(m, (17, 0, Grain.HOUR, None, True)),
        ("COB",),
    ),
    R(
        "end-of-day",
        "clock",
        "the? end of the? day",
        lambda m: (24, 0, Grain.MINUTE, None, True),
        ("end of day", "the end of the day"),
    ),
    R(
        "end-of-day-abbr",
        "clock",
        "eod",
        lambda m: _upper(m, (24, 0, Grain.MINUTE, None, True)),
        ("EOD",),
    ),
    R("midnight", "clock", "midnight", lambda m: (24, 0, Grain.MINUTE, None, True), ("midnight",)),
    R(
        "clock-hour-minute",
        "clock",
        "#num:h ~%:.:sep ~#num:mm am|pm:ap? <zone>?",
        _clock_hm,
        ("9:30", "15:00 GMT", "7.45pm"),
    ),
    R(
        "clock-hour",
        "clock",
        "#num:h am|pm|o'clock:ap <zone>?",
        _clock_h,
        ("3pm", "10am UK time", "8 o'clock"),
    ),
    # -- parts of the day --------------------------------------------------------------
    R("part-word", "pw", f"{alts(_PARTS)}:w", lambda m: _PARTS[m["w"]], ("morning",)),
    R("part-small-hours", "pw", "early|small|wee hours", lambda m: (0, 6), ("small hours",)),
    R(
        "tonight",
        "part",
        "tonight",
        lambda m: T("part", r_part_today, (lex.PARTS_OF_DAY["evening"], 0)),
        ("tonight",),
    ),
    R("overnight", "part", "overnight", lambda m: T("part", r_overnight), ("overnight",)),
    R(
        "last-night",
        "part",
        "last night",
        lambda m: T("part", r_part_today, (lex.PARTS_OF_DAY["night"], -1)),
        ("last night",),
    ),
    R(
        "this-part",
        "part",
        "this <pw>",
        lambda m: T("part", r_part_today, (m["pw"], 0)),
        ("this morning",),
    ),
    R("the-part-of-day", "part", "the <pw> of <day>", _part_of, ("the morning of 20 March",)),
    R(
        "part-on-day",
        "part",
        "<pw> on <day>",
        lambda m: _part_of(m) if m.base(m.i - 1) == "at" else None,
        (),
    ),
    R("the-part", "part", "the? <pw>", _part_alone, ("the morning",)),
    R("day-part", "part", "<day> <pw>", _part_of, ("Friday night", "tomorrow morning")),
    # -- clock times on days ------------------------------------------------------------
    R("clock", "timed", "<clock>", _clock_alone, ("3pm", "noon")),
    R("clock-on-day", "timed", "<clock> %,? on? <day>", _clock_on, _CLOCK_OF_DAY),
    R(
        "day-at-clock",
        "timed",
        "<day>:first %,? at|from:at? <clock>",
        lambda m: _part_clock(m),
        ("Friday at 9:30",),
    ),
    R(
        "part-at-clock",
        "timed",
        "<part>:first %,? at|from:at? <clock>",
        lambda m: _part_clock(m),
        ("Friday evening at 8:30",),
    ),
    R(
        "clock-in-part",
        "timed",
        "<clock> in the morning|afternoon|evening:w",
        _clock_in_part,
        ("10 o'clock in the morning",),
    ),
    R("clock-at-night", "timed", "<clock> at night:w", _clock_in_part, ("8 o'clock at night",)),
    R(
        "iso-date-time",
        "timed",
        "<date> ~t ~#num:h ~%: ~#num:mm <zone>?",
        _iso_time,
        ("2026-10-16T14:30",),
    ),
    R("timed-part", "timed", "<part>", None),
    R("timed-day", "timed", "<day>", None),
]

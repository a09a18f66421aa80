"""Rules for windows counted from the reference or a day: offsets ("14 days ago", "three
weeks from tomorrow"), rolling windows ("the next 30 days"), vague phrases ("soon", "in
the coming weeks"), "the year to March", and stretches from a day ("for ten days from
18 December")."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from claimtrack.model import Grain

from . import _lexicon as lex
from ._engine import M, Rule
from ._rules_numbers import ROLLING_WORDS, R, alts
from ._rules_periods import r_unit
from ._values import Ctx, Dur, Span, T, offset_span, resolve, whole

_UNIT_ALIASES = {"wk": "week", "wks": "week", "hr": "hour", "hrs": "hour"}
_VAGUE_GRAIN = {"week": Grain.WEEK, "fortnight": Grain.WEEK, "quarter": Grain.QUARTER}
_VAGUE_GRAIN |= {"decade": Grain.DECADE, "century": Grain.CENTURY}
# After a vague phrase, words that tie it to an event of the story rather than to the
# reference ("shortly after the vote", "soon afterwards").
_ANAPHORIC = frozenset({"after", "afterwards", "afterward", "thereafter", "before"})


def span(fn: Any, *args: Any) -> T:
    return T("span", fn, args)


def r_vague_unit(ctx: Ctx, unit: str, direction: int) -> Span:
    unit = _UNIT_ALIASES.get(unit, unit)
    length = lex.VAGUE_UNIT_SPAN.get(unit, timedelta(days=7))
    grain = _VAGUE_GRAIN.get(unit) or lex.UNIT_GRAIN.get(unit, Grain.DAY)
    ref = ctx.ref
    if direction < 0:
        return Span(ref - length, ref, grain, vague=True)
    return Span(ref, ref + length, grain, vague=True)


def r_vague(ctx: Ctx, direction: int, length: timedelta) -> Span:
    ref = ctx.ref
    if direction < 0:
        return Span(ref - length, ref, Grain.DAY, vague=True)
    return Span(ref, ref + length, Grain.DAY, vague=True)


def r_offset(ctx: Ctx, d: Dur, sign: int, anchor: T | None) -> Span | None:
    if d.vague:
        return r_vague_unit(ctx, d.unit, sign)
    if anchor is None:
        return offset_span(ctx, ctx.ref, d.terms, sign)
    a = resolve(anchor, ctx)
    if a is None or a.day is None:
        return None
    return offset_span(ctx, a.start, d.terms, sign)


def r_offset_day(ctx: Ctx, d: Dur, days: int) -> Span:
    """British "a week today", "a fortnight tomorrow"."""
    from ._calendar import at

    return offset_span(ctx, at(ctx.today + timedelta(days=days), ctx.tz), d.terms, 1)


def r_rolling(ctx: Ctx, d: Dur, direction: int, grain: Grain) -> Span:
    if d.vague:
        return r_vague_unit(ctx, d.unit, direction)
    return ctx.rolling(ctx.ref, ctx.add(ctx.ref, d.terms, direction), grain)


def r_stretch_from(ctx: Ctx, d: Dur, x: T) -> Span | None:
    """ "for ten days from 18 December", "a fortnight starting Monday"."""
    s = resolve(x, ctx)
    if s is None:
        return None
    return Span(s.start, ctx.add(s.start, d.terms, 1), Grain.DAY)


def r_unit_to_date(ctx: Ctx, unit: str) -> Span | None:
    cur = _unit_now(ctx, unit)
    return None if cur is None or cur.start >= ctx.ref else Span(cur.start, ctx.ref, cur.grain)


def _unit_now(ctx: Ctx, unit: str) -> Span | None:
    if unit == "week":
        return ctx.week(ctx.today - timedelta(days=ctx.today.weekday()))
    if unit in ("year", "month", "quarter"):
        return r_unit(ctx, unit, 0, "")
    return None


def r_unit_to(ctx: Ctx, terms: Any, grain: Grain, x: T) -> Span | None:
    """ "the year to March": that long, ending with the named period."""
    s = resolve(x, ctx)
    return None if s is None else Span(ctx.add(s.end, terms, -1), s.end, grain)


def _offset(m: M) -> T | None:
    d: Dur = m["dur"]
    w = m["w"]
    if w == "earlier" and m.find:
        return None
    sign = -1 if w in ("ago", "earlier") else 1
    return span(r_offset, d, sign, None)


#: Words that make the duration after them a frequency ("every ten minutes").
_FREQUENCY = frozenset({"every", "each"})


def _offset_from(m: M) -> T | None:
    d: Dur = m["dur"]
    x: T = m["timed"]
    if d.vague or (x.kind != "day" and x.kind != "clock"):
        return None
    if m.base(m.i - 1) in _FREQUENCY:
        return None  # "every ten minutes from Monday": how often, then when it starts
    return T("day", r_offset, (d, -1 if m["w"] == "before" else 1, x))


def _rolling(m: M) -> T | None:
    w = m["w"]
    direction = 1 if w in ("next", "coming", "following") else -1
    the = m.has("the")
    d: Dur | None = m.get("dur")
    if d is None:
        base, mult, plural, word = m["unit"]
        if (
            not the
            or w in ("coming", "following", "previous")
            or plural
            or word in ("day", "night")
        ):
            return None  # "the next day" is the day after: a day, not 24 hours
        d = Dur(((base, float(mult)),), False, word)
        unit_word = word
    else:
        unit_word = m.base(m.j - 1)
        first = m.tok(m.i + (2 if the else 1))
        counted = first is not None and (
            first.kind == "n" or first.base in lex.NUMBER_WORDS or first.base in lex.TENS_WORDS
        )
        if not d.vague and not the and not counted:
            return None
    if d.vague:
        return span(r_vague_unit, d.unit, direction)
    if unit_word == "weekend":
        return None
    grain = lex.UNIT_GRAIN[d.terms[0][0]]
    if unit_word in ("week", "weeks", "fortnight"):
        grain = Grain.WEEK
    return span(r_rolling, d, direction, grain)


def _vague_rule(words: str, direction: int, length: timedelta) -> Rule:
    def prod(m: M) -> T | None:
        if m.base(m.j) in _ANAPHORIC:
            return None  # "shortly after the speech": after the story's event, not now
        return span(r_vague, direction, length)

    return R(f"vague {words}", "vague", " %-.'’? ".join(words.split()), prod)


def _unit_to(m: M) -> T | None:
    qty = m.get("qty")
    base, mult, _plural, word = m["unit"]
    if qty is not None and qty[1]:
        return None
    if qty is None and not m.has("the"):
        return None  # "year to March" needs "the": "from year to year"
    amount = 1.0 if qty is None else qty[0]
    x: T = m.get("period") or m["day"]
    grain = Grain.WEEK if word in ("week", "weeks") else lex.UNIT_GRAIN[base]
    return span(r_unit_to, whole(((base, amount * mult),)), grain, x)


RULES: list[Rule] = [
    # -- offsets --------------------------------------------------------------------------
    R(
        "offset",
        "offset",
        "<dur> ago|later|hence|earlier:w",
        _offset,
        ("14 days ago", "2 years 21 days later"),
    ),
    R(
        "offset-from-now",
        "offset",
        "<dur> from now:w",
        lambda m: span(r_offset, m["dur"], 1, None),
        ("a year from now",),
    ),
    R(
        "offset-in-the-future",
        "offset",
        "<dur> in the future:w",
        lambda m: None if m["dur"].vague else span(r_offset, m["dur"], 1, None),
        ("six weeks in the future",),
    ),
    R(
        "offset-from-day",
        "offset",
        "<dur> from|after|before|on:w <timed>",
        _offset_from,
        ("three weeks from tomorrow", "two days after Christmas", "two days after tomorrow"),
    ),
    R(
        "offset-after-alone",
        "offset",
        "<dur> after|before:w",
        lambda m: (
            span(r_offset, m["dur"], 1 if m["w"] == "after" else -1, None)
            if not m.find and m.j == len(m.toks) and not m["dur"].vague
            else None
        ),
    ),
    R(
        "offset-today",
        "offset",
        "<dur> today|tomorrow:w",
        lambda m: (
            None
            if m["dur"].vague
            else T("day", r_offset_day, (m["dur"], 1 if m["w"] == "tomorrow" else 0))
        ),
        ("a week today", "a fortnight tomorrow"),
    ),
    # -- rolling and vague windows -----------------------------------------------------
    R(
        "rolling",
        "rolling",
        f"the? {alts(ROLLING_WORDS | {'preceding'})}:w <dur>",
        _rolling,
        ("the next 30 days", "the past two years", "next two weeks"),
    ),
    R(
        "rolling-unit",
        "rolling",
        f"the? {alts(ROLLING_WORDS | {'preceding'})}:w <unit>",
        _rolling,
        ("the past week",),
    ),
    R(
        "rolling-plural",
        "rolling",
        f"the? {alts(ROLLING_WORDS | {'preceding'})}:w {alts(w for w in lex.UNITS if w.endswith('s'))}:u",
        lambda m: span(
            r_vague_unit, m["u"].rstrip("s"), 1 if m["w"] in ("next", "coming", "following") else -1
        ),
        ("the coming days",),
    ),
    R(
        "rolling-or-two",
        "rolling",
        f"the? {alts(ROLLING_WORDS | {'preceding'})}:w <unit> or <count>",
        lambda m: (
            span(
                r_vague_unit,
                m["unit"][3].rstrip("s"),
                1 if m["w"] in ("next", "coming", "following") else -1,
            )
            if m["count"] > 1
            else None
        ),
        ("the next day or two",),
    ),
    R(
        "recent-units",
        "rolling",
        "the? recent <unit>",
        lambda m: span(r_vague_unit, m["unit"][3].rstrip("s"), -1) if m["unit"][2] else None,
        ("recent weeks",),
    ),
    R(
        "units-ahead",
        "rolling",
        "the <unit> ahead|to:w come:c?",
        lambda m: (
            span(r_vague_unit, m["unit"][3].rstrip("s"), 1)
            if m["unit"][2] and (m["w"] == "ahead") != m.has("c")
            else None
        ),
        ("the days ahead", "the weeks to come"),
    ),
    *[_vague_rule(" ".join(k), d, n) for k, (d, n) in lex.VAGUE.items()],
    R(
        "ytd",
        "unit_to",
        "ytd",
        lambda m: span(r_unit_to_date, "year") if m.toks[m.i].text.isupper() else None,
        ("YTD",),
    ),
    R(
        "so-far-this",
        "unit_to",
        "so far this year|month|quarter|week:u",
        lambda m: span(r_unit_to_date, m["u"]),
        ("so far this month",),
    ),
    R(
        "unit-to-date",
        "unit_to",
        "the? year|month|quarter|week:u %-? to %-? date",
        lambda m: span(r_unit_to_date, m["u"]),
        ("the year to date", "year-to-date"),
    ),
    R(
        "unit-to-period",
        "unit_to",
        "the? <qty>? <unit> to <period!>",
        _unit_to,
        ("the year to March", "the three months to September"),
    ),
    R("unit-to-day", "unit_to", "the? <qty>? <unit> to <day>", _unit_to, ("the week to Friday",)),
    # -- stretches from a day -------------------------------------------------------------
    R(
        "stretch-from",
        "range",
        "for <dur> from|starting|beginning <timed>",
        lambda m: None if m["dur"].vague else span(r_stretch_from, m["dur"], m["timed"]),
        ("for ten days from 18 December",),
    ),
    R(
        "stretch-starting",
        "range",
        "<dur> starting|beginning <timed>",
        lambda m: None if m["dur"].vague else span(r_stretch_from, m["dur"], m["timed"]),
        ("a fortnight starting Monday",),
    ),
]

"""Rules for whole phrases: prepositions and deadlines, ranges, offsets, rolling and
vague windows, "the year to March", and the top category ``phrase``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from claimtrack.model import Grain

from . import _lexicon as lex
from ._engine import M, Rule
from ._rules_clock import clock_span, r_clock
from ._rules_numbers import ROLLING_WORDS, R, alts
from ._rules_periods import r_unit
from ._values import Ctx, Dur, Span, T, offset_span, resolve, shift, third, whole

# Prepositions and what they make of the window after them.
PREPS: dict[str, str] = {
    "by no later than": "end", "no later than": "end", "not later than": "end", "by": "end",
    "until": "end", "till": "end", "til": "end", "up to": "end", "up until": "end",
    "through to": "end", "through": "end", "thru": "end", "on or before": "end",
    "before": "start", "ahead of": "start", "prior to": "start", "in advance of": "start",
    "earlier than": "start", "on or after": "same", "ever since": "since", "since": "since",
    "after": "after", "following": "after", "later than": "after", "no earlier than": "after",
    "within": "within", "inside": "within", "in under": "within", "in less than": "within",
    "not until": "same", "not before": "same", "no sooner than": "same", "towards": "same",
    "toward": "same", "near": "same", "shortly after": "same", "shortly before": "same",
    "just after": "same", "just before": "same", "soon after": "same", "in": "in",
    "on": "same", "at": "same", "during": "same", "throughout": "same", "over": "same",
    "for": "for", "around": "same", "about": "same", "circa": "same", "from": "same",
    "as of": "same", "as from": "same", "as early as": "same", "as late as": "same",
    "starting": "same", "beginning": "same", "effective": "same", "sometime in": "same",
    "some time in": "same", "sometime": "same", "some time": "same", "across": "same",
    "later in": "later", "earlier in": "earlier", "later": "later", "earlier": "earlier",
    "for the rest of": "rest", "the rest of": "rest", "the remainder of": "rest",
    "the balance of": "rest", "rest of": "rest",
}
# After a vague phrase, words that tie it to an event of the story rather than to the
# reference ("shortly after the vote", "soon afterwards").
_ANAPHORIC = frozenset({"after", "afterwards", "afterward", "thereafter", "before"})
# After "for" and a duration, words that make it an offset or a past stretch.
_DURATION_TAIL = frozenset({"ago", "later", "earlier", "from", "after", "before", "hence"})
_VAGUE_GRAIN = {"week": Grain.WEEK, "fortnight": Grain.WEEK, "quarter": Grain.QUARTER}
_VAGUE_GRAIN |= {"decade": Grain.DECADE, "century": Grain.CENTURY}
_UNIT_ALIASES = {"wk": "week", "wks": "week", "hr": "hour", "hrs": "hour"}


def span(fn: Any, *args: Any) -> T:
    return T("span", fn, args)


# -- resolvers -------------------------------------------------------------------------


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


def r_within(ctx: Ctx, d: Dur) -> Span:
    return ctx.rolling(ctx.ref, ctx.add(ctx.ref, d.terms, 1), lex.UNIT_GRAIN[d.terms[0][0]])


def r_for(ctx: Ctx, d: Dur) -> Span | None:
    # In past context the stretch is anchored to the story's events, not the reference.
    return None if ctx.past else r_within(ctx, d)


def r_in(ctx: Ctx, d: Dur) -> Span:
    return offset_span(ctx, ctx.ref, d.terms, 1)


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


def r_prep(ctx: Ctx, how: str, x: T) -> Span | None:
    """What a preposition makes of the window after it."""
    if how == "since":
        # "since" looks back: its period is read in past context and must have begun.
        s = resolve(x, ctx.as_past())
        if s is None or s.start >= ctx.ref:
            return None
        return Span(s.start, ctx.ref, s.grain, s.vague)
    s = resolve(x, ctx)
    if s is None:
        return None
    ref = ctx.ref
    if how == "for":
        # "(leave) for the summer" under way: from the reference to its end.  Only a
        # season: "scheduled for this week" is still the week.
        season = s.grain == Grain.SPAN and s.cycle == 1
        if season and not ctx.past and s.start < ref < s.end:
            return Span(ref, s.end, s.grain, s.vague)
        return s
    if how in ("same", "in"):
        return s
    if how in ("end", "within"):
        return ctx.deadline(s)
    if how == "start":
        if s.inside and s.end > ref:
            # "before the summer recess": the recess starts somewhere in the summer.
            return Span(ref, s.end, s.grain, True)
        if s.start > ref:
            return Span(ref, s.start, s.grain)
        return Span(s.start - (s.end - s.start), s.start, s.grain, True)
    if how == "after":
        return Span(s.end, s.end + (s.end - s.start), s.grain, True)
    if how == "rest":
        return Span(ref, s.end, s.grain) if s.start <= ref < s.end else s
    if how == "later":
        return Span(ref, s.end, s.grain) if s.start <= ref < s.end else third(ctx, s, 2)
    if how == "earlier":
        return Span(s.start, ref, s.grain) if s.start < ref <= s.end else third(ctx, s, 0)
    return None


def r_until_start(ctx: Ctx, x: T) -> Span | None:
    """ "by the start of next year": from the reference to where it starts."""
    s = resolve(x, ctx)
    return None if s is None or s.start <= ctx.ref else Span(ctx.ref, s.start, s.grain)


def r_deadline(ctx: Ctx, x: T) -> Span | None:
    s = resolve(x, ctx)
    return None if s is None else ctx.deadline(s)


def r_now_until(ctx: Ctx, x: T) -> Span | None:
    """ "between now and 2030", "from now until Friday": the reference to X's end."""
    s = r_deadline(ctx, x)
    return s if s is not None and s.start == ctx.ref else None


def _part(ctx: Ctx, x: Any) -> Span | int | None:
    if isinstance(x, tuple):
        return int(x[1])
    return resolve(x, ctx)


def _day_of(ctx: Ctx, x: Any) -> Span | None:
    return resolve(x[2], ctx) if isinstance(x, tuple) and x[2] is not None else None


def r_range(ctx: Ctx, x: Any, y: Any, either: bool) -> Span | None:
    a, b = _part(ctx, x), _part(ctx, y)
    if isinstance(a, int) and isinstance(b, int):
        a, b = _day_of(ctx, x), _day_of(ctx, y)
    if a is None or b is None:
        return None
    if isinstance(a, Span) and isinstance(b, Span) and a.cycle == 1 and b.cycle == 0:
        # "from June to August 2027": the year written once holds both ends.
        a = _same_year(a, b)
    if either and (not isinstance(a, Span) or not isinstance(b, Span) or a.grain != b.grain):
        return None
    if isinstance(a, Span) and isinstance(b, Span) and isinstance(x, T) and x.fn is r_clock:
        if b.grain in (Grain.HOUR, Grain.MINUTE):
            # "between 9am and 5pm on Friday": the first clock is on the second's day.
            a = clock_span(ctx, ctx.local(b.start), x.args[0])
    return join(ctx, a, b)


def _same_year(a: Span, b: Span) -> Span:
    for _ in range(12):
        if a.start > b.start:
            a = shift(a, -1)
        elif shift(a, 1).start <= b.start:
            a = shift(a, 1)
        else:
            break
    return a


def join(ctx: Ctx, a: Span | int, b: Span | int) -> Span | None:
    """The range from window (or day number) ``a`` to ``b``, both included."""
    from ._calendar import add_months, at

    if isinstance(a, int):
        if isinstance(b, int) or b.day is None or b.grain != Grain.DAY:
            return None
        first = b.day.replace(day=a)
        if first > b.day:
            first = add_months(first, -1).replace(day=a)
        return Span(at(first, ctx.tz), b.end, Grain.DAY)
    if isinstance(b, int):
        if a.day is None or a.grain != Grain.DAY:
            return None
        last = a.day.replace(day=b)
        if last < a.day:
            last = add_months(last, 1)
        return Span(a.start, at(last + timedelta(days=1), ctx.tz), Grain.DAY)
    if a.start <= b.start and b.end <= a.end and b.end - b.start < a.end - a.start:
        return None  # "2026-Q3": an end inside the start is no range
    if b.start < a.start:
        back = shift(a, -1) if a.cycle else a
        if ctx.past and a.cycle:
            a = back
        elif a.cycle == 1 == b.cycle and back.start <= b.start and b.end > ctx.ref:
            # "October to December" said in November: the yearly range under way
            # (a weekday range still moves to the next week, the convention of days).
            a = back
        elif b.cycle:
            b = shift(b, 1)
    if b.start < a.start:
        return None
    # A clock time ends the range where it starts ("from 9am to 5pm").
    end = b.start if b.grain in (Grain.HOUR, Grain.MINUTE) else b.end
    if end <= a.start:
        return None
    return Span(a.start, end, a.grain if a.grain == b.grain else Grain.SPAN)


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


# -- productions -----------------------------------------------------------------------


def _prep(m: M) -> T | None:
    return span(r_prep, m["prepw"], m["core"])


def _prep_duration(m: M) -> T | None:
    how: str = m["prepw"]
    d: Dur = m["dur"]
    if how not in ("within", "in") or (m.has("time") and how != "in"):
        return None
    if d.vague:
        return span(r_vague_unit, d.unit, 1)
    return span(r_within if how == "within" else r_in, d)


def _prep_plural(m: M) -> T | None:
    """ "within days", "in weeks": a plural unit alone is vague."""
    if m["prepw"] not in ("within", "in"):
        return None
    _base, _mult, plural, word = m["unit"]
    if not plural or word in ("second", "seconds"):
        return None
    return span(r_vague_unit, word.rstrip("s"), 1)


def _prep_for(m: M) -> T | None:
    d: Dur = m["dur"]
    if m["prepw"] != "for" or d.vague or m.base(m.j) in _DURATION_TAIL:
        return None
    return span(r_for, d)


def _offset(m: M) -> T | None:
    d: Dur = m["dur"]
    w = m["w"]
    if w == "earlier" and m.find:
        return None
    sign = -1 if w in ("ago", "earlier") else 1
    return span(r_offset, d, sign, None)


def _offset_from(m: M) -> T | None:
    d: Dur = m["dur"]
    x: T = m["timed"]
    if d.vague or x.kind != "day" and x.kind != "clock":
        return None
    return T("day", r_offset, (d, -1 if m["w"] == "before" else 1, x))


def _rolling(m: M) -> T | None:
    w = m["w"]
    direction = 1 if w in ("next", "coming", "following") else -1
    the = m.has("the")
    d: Dur | None = m.get("dur")
    if d is None:
        base, mult, plural, word = m["unit"]
        if not the or w in ("coming", "following", "previous") or plural or word in ("day", "night"):
            return None  # "the next day" is the day after: a day, not 24 hours
        d = Dur(((base, float(mult)),), False, word)
        unit_word = word
    else:
        unit_word = m.base(m.j - 1)
        first = m.tok(m.i + (2 if the else 1))
        counted = first is not None and (first.kind == "n" or first.base in lex.NUMBER_WORDS or first.base in lex.TENS_WORDS)
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


def _range(m: M) -> T | None:
    lead = m.get("lead")
    sep = m.get("sep")
    if lead == "between" and sep != "and":
        return None
    if sep == "and" and lead != "between":
        return None
    if sep == "to" and m.base(_sep_index(m) + 1) == "the" and lead != "from":
        return None
    either = sep == "or"
    if either and (lead == "from" or isinstance(m["a"], tuple)):
        return None
    return span(r_range, m["a"], m["b"], either)


def _sep_index(m: M) -> int:
    for k in range(m.i, m.j):
        t = m.toks[k]
        if t.base in ("to", "until", "till", "through", "thru", "and", "or") and k > m.i:
            return k
    return m.i


def _rpart_day_number(m: M) -> Any:
    v = m.get("d2") if m.has("d2") else m.get("ord")
    if v is None or not 1 <= v <= 31:
        return None
    return ("dom", v, m.get("day"))


def _tail(m: M) -> T:
    x: T = m["phrase0"]
    return span(r_deadline, x) if m.has("latest") else x


_RANGE_SEP = "to|until|till|through|thru|or|and:sep"

RULES: list[Rule] = [
    *[R(f"prep {w}", "prepw", w, (lambda how: lambda m: how)(how)) for w, how in sorted(PREPS.items(), key=lambda kv: -len(kv[0].split()))],
    R("prep-duration", "prep", "<prepw> <dur> time?", _prep_duration, ("within 30 days", "in two weeks' time")),
    R("prep-plural-unit", "prep", "<prepw> <unit>", _prep_plural, ("within days",)),
    R("prep-for-duration", "prep", "<prepw> <dur>", _prep_for, ("for three months",)),
    R("prep-start-of", "prep", "<prepw> the? start|beginning of <period!>", lambda m: span(r_until_start, m["period"]) if m["prepw"] == "end" else None, ("by the start of next year",)),
    R("prep-start-of-day", "prep", "<prepw> the? start|beginning of <timed>", lambda m: span(r_until_start, m["timed"]) if m["prepw"] == "end" else None),
    R("prep-end-of", "prep", "<prepw> the? end of <period!>", lambda m: span(r_deadline, m["period"]) if m["prepw"] == "start" else None, ("before the end of March",)),
    R("prep-end-of-day", "prep", "<prepw> the? end of <timed>", lambda m: span(r_deadline, m["timed"]) if m["prepw"] == "start" else None),
    R("prep-window", "prep", "<prepw> <core>", _prep, ("by Friday", "since March", "later this year")),
    # -- offsets --------------------------------------------------------------------------
    R("offset", "offset", "<dur> ago|later|hence|earlier:w", _offset, ("14 days ago", "2 years 21 days later")),
    R("offset-from-now", "offset", "<dur> from now:w", lambda m: span(r_offset, m["dur"], 1, None), ("a year from now",)),
    R("offset-in-the-future", "offset", "<dur> in the future:w", lambda m: None if m["dur"].vague else span(r_offset, m["dur"], 1, None), ("six weeks in the future",)),
    R("offset-from-day", "offset", "<dur> from|after|before|on:w <timed>", _offset_from, ("three weeks from tomorrow", "two days after Christmas", "two days after tomorrow")),
    R("offset-after-alone", "offset", "<dur> after|before:w", lambda m: span(r_offset, m["dur"], 1 if m["w"] == "after" else -1, None) if not m.find and m.j == len(m.toks) and not m["dur"].vague else None),
    R("offset-today", "offset", "<dur> today|tomorrow:w", lambda m: None if m["dur"].vague else T("day", r_offset_day, (m["dur"], 1 if m["w"] == "tomorrow" else 0)), ("a week today", "a fortnight tomorrow")),
    # -- rolling and vague windows -----------------------------------------------------
    R("rolling", "rolling", f"the? {alts(ROLLING_WORDS | {'preceding'})}:w <dur>", _rolling, ("the next 30 days", "over the past two years", "the coming days")),
    R("rolling-unit", "rolling", f"the? {alts(ROLLING_WORDS | {'preceding'})}:w <unit>", _rolling, ("the past week",)),
    R("rolling-plural", "rolling", f"the? {alts(ROLLING_WORDS | {'preceding'})}:w {alts(w for w in lex.UNITS if w.endswith('s'))}:u", lambda m: span(r_vague_unit, m["u"].rstrip("s"), 1 if m["w"] in ("next", "coming", "following") else -1), ("the coming days",)),
    R("rolling-or-two", "rolling", f"the? {alts(ROLLING_WORDS | {'preceding'})}:w <unit> or <count>", lambda m: span(r_vague_unit, m["unit"][3].rstrip("s"), 1 if m["w"] in ("next", "coming", "following") else -1) if m["count"] > 1 else None, ("the next day or two",)),
    R("recent-units", "rolling", "the? recent <unit>", lambda m: span(r_vague_unit, m["unit"][3].rstrip("s"), -1) if m["unit"][2] else None, ("recent weeks",)),
    R("units-ahead", "rolling", "the <unit> ahead|to:w come:c?", lambda m: span(r_vague_unit, m["unit"][3].rstrip("s"), 1) if m["unit"][2] and (m["w"] == "ahead") != m.has("c") else None, ("the days ahead", "the weeks to come")),
    *[_vague_rule(" ".join(k), d, n) for k, (d, n) in lex.VAGUE.items()],
    R("ytd", "unit_to", "ytd", lambda m: span(r_unit_to_date, "year") if m.toks[m.i].text.isupper() else None, ("YTD",)),
    R("so-far-this", "unit_to", "so far this year|month|quarter|week:u", lambda m: span(r_unit_to_date, m["u"]), ("so far this month",)),
    R("unit-to-date", "unit_to", "the? year|month|quarter|week:u %-? to %-? date", lambda m: span(r_unit_to_date, m["u"]), ("the year to date", "year-to-date")),
    R("unit-to-period", "unit_to", "the? <qty>? <unit> to <period!>", _unit_to, ("the year to March", "the three months to September")),
    R("unit-to-day", "unit_to", "the? <qty>? <unit> to <day>", _unit_to, ("the week to Friday",)),
    # -- stretches from a day -------------------------------------------------------------
    R("stretch-from", "range", "for <dur> from|starting|beginning <timed>", lambda m: None if m["dur"].vague else span(r_stretch_from, m["dur"], m["timed"]), ("for ten days from 18 December",)),
    R("stretch-starting", "range", "<dur> starting|beginning <timed>", lambda m: None if m["dur"].vague else span(r_stretch_from, m["dur"], m["timed"]), ("a fortnight starting Monday",)),
    # -- ranges ---------------------------------------------------------------------------
    R("range-day-number", "rpart", "the? #ord", _rpart_day_number),
    R("range-day-digits", "rpart", "#d2", _rpart_day_number),
    R("range-timed", "rpart", "<timed>", None),
    R("range-period", "rpart", "<period!>", None),
    R("range", "range", f"from|between:lead? <rpart!>:a {_RANGE_SEP} <rpart!>:b", _range, ("from 5 to 16 August", "between Monday and Wednesday", "late March or early April")),
    R("range-dash", "range", "from:lead? <rpart!>:a %-–—:d <rpart!>:b", _range, ("5–16 August", "2025–2030", "13-15 July", "Sep 2nd - 5th")),
    R("range-dash-words", "range", "from:lead? <rpart!>:a %-–— to|through|thru|until|till:sep %-–— <rpart!>:b", _range, ("October-to-December",)),
    R("now-until", "range", "from now to|until|till <rpart!>", lambda m: span(r_now_until, m["rpart"]) if isinstance(m["rpart"], T) else None, ("from now until Friday",)),
    R("between-now-and", "range", "between now and <rpart!>", lambda m: span(r_now_until, m["rpart"]) if isinstance(m["rpart"], T) else None, ("between now and 2030",)),
    # -- the top --------------------------------------------------------------------------
    R("core", "core", "<unit_to>", None),
    R("core-vague", "core", "<vague>", None),
    R("core-rolling", "core", "<rolling>", None),
    R("core-offset", "core", "<offset>", None),
    R("core-timed", "core", "<timed>", None),
    R("core-period", "core", "<period>", None),
    R("phrase-unit-to", "phrase0", "<unit_to>", None),
    R("phrase-range", "phrase0", "<range>", None),
    R("phrase-prep", "phrase0", "<prep>", None),
    R("phrase-core", "phrase0", "<core>", None),
    R("at-the-latest", "phrase", "<phrase0> at the latest:latest", _tail, ("by Friday at the latest",)),
    R("or-later", "phrase", "<phrase0> onwards|onward", _tail, ("from June onwards",)),
    R("or-later-words", "phrase", "<phrase0> or later", _tail),
    R("at-the-earliest", "phrase", "<phrase0> at the earliest", _tail),
    R("phrase", "phrase", "<phrase0>", None),
]

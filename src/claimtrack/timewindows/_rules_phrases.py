"""Rules for whole phrases: prepositions and deadlines, ranges, offsets, rolling and
vague windows, "the year to March", and the top category ``phrase``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from claimtrack.model import Grain

from . import _lexicon as lex
from ._engine import M, Rule
from ._rules_clock import clock_span, r_clock
from ._rules_numbers import R
from ._rules_spans import r_vague_unit, span
from ._values import Ctx, Dur, Span, T, offset_span, resolve, shift, third

# Prepositions and what they make of the window after them.
PREPS: dict[str, str] = {
    "by no later than": "end",
    "no later than": "end",
    "not later than": "end",
    "by": "end",
    "until": "end",
    "till": "end",
    "til": "end",
    "up to": "end",
    "up until": "end",
    "through to": "end",
    "through": "end",
    "thru": "end",
    "on or before": "end",
    "before": "start",
    "ahead of": "start",
    "prior to": "start",
    "in advance of": "start",
    "earlier than": "start",
    "on or after": "same",
    "ever since": "since",
    "since": "since",
    "after": "after",
    "following": "after",
    "later than": "after",
    "no earlier than": "after",
    "within": "within",
    "inside": "within",
    "in under": "within",
    "in less than": "within",
    "not until": "same",
    "not before": "same",
    "no sooner than": "same",
    "towards": "same",
    "toward": "same",
    "near": "same",
    "shortly after": "same",
    "shortly before": "same",
    "just after": "same",
    "just before": "same",
    "soon after": "same",
    "in": "in",
    "on": "same",
    "at": "same",
    "during": "same",
    "throughout": "same",
    "over": "same",
    "for": "for",
    "around": "same",
    "about": "same",
    "circa": "same",
    "from": "same",
    "as of": "same",
    "as from": "same",
    "as early as": "same",
    "as late as": "same",
    "starting": "same",
    "beginning": "same",
    "effective": "same",
    "sometime in": "same",
    "some time in": "same",
    "sometime": "same",
    "some time": "same",
    "across": "same",
    "later in": "later-in",
    "earlier in": "earlier",
    "later": "later",
    "earlier": "earlier",
    "for the rest of": "rest",
    "the rest of": "rest",
    "the remainder of": "rest",
    "the balance of": "rest",
    "rest of": "rest",
}
# After "for" and a duration, words that make it an offset or a past stretch.
_DURATION_TAIL = frozenset({"ago", "later", "earlier", "from", "after", "before", "hence"})


# -- resolvers -------------------------------------------------------------------------


def r_within(ctx: Ctx, d: Dur) -> Span:
    return ctx.rolling(ctx.ref, ctx.add(ctx.ref, d.terms, 1), lex.UNIT_GRAIN[d.terms[0][0]])


def r_for(ctx: Ctx, d: Dur) -> Span | None:
    # In past context the stretch is anchored to the story's events, not the reference.
    return None if ctx.past else r_within(ctx, d)


def r_in(ctx: Ctx, d: Dur) -> Span:
    return offset_span(ctx, ctx.ref, d.terms, 1)


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
    if how == "later-in":
        # "later in 2026" said in 2025: all of 2026 is later than now; "later in the
        # year" under way: the rest of it.
        if s.start <= ref < s.end:
            return Span(ref, s.end, s.grain)
        return s if s.start >= ref else third(ctx, s, 2)
    if how == "earlier":
        return Span(s.start, ref, s.grain) if s.start < ref <= s.end else third(ctx, s, 0)
    return None


def r_in_new_year(ctx: Ctx) -> Span:
    """ "in the new year": the calendar year about to begin (in January, the one just
    begun) — a period, where "by the new year" keeps New Year's Day as its deadline."""
    today = ctx.today
    return ctx.year(today.year + (0 if today.month == 1 else 1))


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
    clock_to_clock = isinstance(x, T) and x.fn is r_clock and isinstance(b, Span)
    if clock_to_clock and isinstance(b, Span) and b.grain in (Grain.HOUR, Grain.MINUTE):
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


def _prep_rule(words: str, how: str) -> Rule:
    """A preposition (longer ones first: "by no later than" before "by")."""
    return R(f"prep {words}", "prepw", words, lambda m: how)


def _tail(m: M) -> T:
    x: T = m["phrase0"]
    return span(r_deadline, x) if m.has("latest") else x


_RANGE_SEP = "to|until|till|through|thru|or|and:sep"

RULES: list[Rule] = [
    *[_prep_rule(w, how) for w, how in sorted(PREPS.items(), key=lambda kv: -len(kv[0].split()))],
    R(
        "prep-duration",
        "prep",
        "<prepw> just|only|barely? <dur> time?",
        _prep_duration,
        (
            "within 30 days",
            "in two weeks' time",
            "in just three months' time",
            "within only 10 days",
        ),
    ),
    R("prep-plural-unit", "prep", "<prepw> <unit>", _prep_plural, ("within days",)),
    R("prep-for-duration", "prep", "<prepw> <dur>", _prep_for, ("for three months",)),
    R(
        "prep-start-of",
        "prep",
        "<prepw> the? start|beginning of <period!>",
        lambda m: span(r_until_start, m["period"]) if m["prepw"] == "end" else None,
        ("by the start of next year",),
    ),
    R(
        "prep-start-of-day",
        "prep",
        "<prepw> the? start|beginning of <timed>",
        lambda m: span(r_until_start, m["timed"]) if m["prepw"] == "end" else None,
    ),
    R(
        "prep-end-of",
        "prep",
        "<prepw> the? end of <period!>",
        lambda m: span(r_deadline, m["period"]) if m["prepw"] == "start" else None,
        ("before the end of March",),
    ),
    R(
        "prep-end-of-day",
        "prep",
        "<prepw> the? end of <timed>",
        lambda m: span(r_deadline, m["timed"]) if m["prepw"] == "start" else None,
    ),
    R(
        "prep-in-new-year",
        "prep",
        "in|during|into:w the new year",
        lambda m: span(r_in_new_year),
        ("in the new year", "during the new year"),
    ),
    R(
        "prep-window",
        "prep",
        "<prepw> <core>",
        _prep,
        ("by Friday", "since March", "later this year"),
    ),
    # -- ranges ---------------------------------------------------------------------------
    R("range-day-number", "rpart", "the? #ord", _rpart_day_number),
    R("range-day-digits", "rpart", "#d2", _rpart_day_number),
    R("range-timed", "rpart", "<timed>", None),
    R("range-period", "rpart", "<period!>", None),
    R(
        "range",
        "range",
        f"from|between:lead? <rpart!>:a {_RANGE_SEP} <rpart!>:b",
        _range,
        ("from 5 to 16 August", "between Monday and Wednesday", "late March or early April"),
    ),
    R(
        "range-dash",
        "range",
        "from:lead? <rpart!>:a %-–—:d <rpart!>:b",
        _range,
        ("5–16 August", "2025–2030", "13-15 July", "Sep 2nd - 5th"),
    ),
    R(
        "range-dash-words",
        "range",
        "from:lead? <rpart!>:a %-–— to|through|thru|until|till:sep %-–— <rpart!>:b",
        _range,
        ("October-to-December",),
    ),
    R(
        "now-until",
        "range",
        "from now to|until|till <rpart!>",
        lambda m: span(r_now_until, m["rpart"]) if isinstance(m["rpart"], T) else None,
        ("from now until Friday",),
    ),
    R(
        "between-now-and",
        "range",
        "between now and <rpart!>",
        lambda m: span(r_now_until, m["rpart"]) if isinstance(m["rpart"], T) else None,
        ("between now and 2030",),
    ),
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
    R(
        "at-the-latest",
        "phrase",
        "<phrase0> at the latest:latest",
        _tail,
        ("by Friday at the latest",),
    ),
    R("or-later", "phrase", "<phrase0> onwards|onward", _tail, ("from June onwards",)),
    R("or-later-words", "phrase", "<phrase0> or later", _tail),
    R("at-the-earliest", "phrase", "<phrase0> at the earliest", _tail),
    R("phrase", "phrase", "<phrase0>", None),
]

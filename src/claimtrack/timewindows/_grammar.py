"""The time grammar: a recursive-descent parser over tokens that resolves as it parses.

Each production is a method ``name(i) -> (Span, j) | None``: it reads tokens from index
``i`` and, on success, returns the window it denotes and the index after it.  Where a
production has alternatives it keeps the longest.  Every production reads a bounded
number of tokens (no production loops over the input), so parsing at one start token
costs constant work, and scanning a sentence is linear in its length.

Resolution needs the reference instant and the clause's tense; they live in ``Ctx``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from claimtrack.model import Grain

from . import _lexicon as lex
from ._calendar import (
    add_business_days,
    add_months,
    at,
    days_in_month,
    last_weekday,
    monday,
    month_start,
    nth_weekday,
)
from ._tokens import Tok

PAST = "past"
FUTURE = "future"
_DAY = timedelta(days=1)
_WEEK = timedelta(days=7)
_MAX_TERMS = 6  # "2 years 21 days 3 hours ..." : terms of one duration


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved window ``[start, end)``.

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


R = tuple[Span, int] | None
Pick = str  # how a recurring name resolves: "fwd", "back", "next", "last", "this"


def longest(*results: R) -> R:
    """The result that consumed the most tokens (the first of equals)."""
    best: R = None
    for r in results:
        if r is not None and (best is None or r[1] > best[1]):
            best = r
    return best


class Ctx:
    """What resolution needs: the reference instant, its zone, the tense, date order."""

    def __init__(
        self, reference: datetime, tense: str | None, day_first: bool, fiscal_start: int = 1
    ) -> None:
        self.ref = reference
        self.fiscal_start = fiscal_start
        tz = reference.tzinfo
        self.tz: tzinfo = tz if tz is not None else timezone.utc
        self.today = reference.date()
        self.past = tense == PAST
        self.tense = tense
        self.day_first = day_first

    # -- spans ------------------------------------------------------------------------

    def day(self, d: date, cycle: int = 0) -> Span:
        return Span(at(d, self.tz), at(d + _DAY, self.tz), Grain.DAY, day=d, cycle=cycle)

    def days(self, d0: date, d1: date, grain: Grain, cycle: int = 0) -> Span:
        return Span(at(d0, self.tz), at(d1, self.tz), grain, cycle=cycle)

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
        return self.days(mon, mon + _WEEK, Grain.WEEK)

    def weekend(self, sat: date) -> Span:
        return self.days(sat, sat + 2 * _DAY, Grain.WEEKEND)

    def instant(self, start: datetime, grain: Grain) -> Span:
        length = {Grain.MINUTE: timedelta(minutes=1), Grain.HOUR: timedelta(hours=1)}
        return Span(start, start + length.get(grain, _DAY), grain)

    def rolling(self, a: datetime, b: datetime, grain: Grain, vague: bool = False) -> Span:
        return Span(min(a, b), max(a, b), grain, vague=vague)

    # -- resolving recurring names ------------------------------------------------------

    def pick(self, make: Callable[[int], Span], how: Pick) -> Span | None:
        """The occurrence of a yearly thing (``make(year)``) the context means.

        fwd: the first not yet over; back: the last already begun; next: the first not
        yet begun; last: the last already over; this: the reference year's.
        """
        y0 = self.today.year
        if how == "this":
            return make(y0)
        ref = self.ref
        found: list[Span] = []
        for y in range(y0 - 9, y0 + 10):
            try:
                found.append(make(y))
            except (ValueError, OverflowError):
                continue
        chosen: Span | None = None
        for s in found:
            if (how == "fwd" and s.end > ref) or (how == "next" and s.start > ref):
                return s
            if (how == "back" and s.start <= ref) or (how == "last" and s.end <= ref):
                chosen = s
        return chosen

    def bare(self) -> Pick:
        """How a bare name resolves: backward in past context, else forward."""
        return "back" if self.past else "fwd"

    def weekday(self, wd: int, how: str) -> date:
        """A weekday: next (the following ISO week), last (before today), fwd (after
        today), back (today or before)."""
        today = self.today
        if how == "next":
            return monday(today) + timedelta(days=7 + wd)
        if how == "last":
            return today - timedelta(days=(today.weekday() - wd - 1) % 7 + 1)
        if how == "back":
            return today - timedelta(days=(today.weekday() - wd) % 7)
        return today + timedelta(days=(wd - today.weekday() - 1) % 7 + 1)

    def add(self, when: datetime, terms: list[tuple[str, float]], sign: int) -> datetime:
        """``when`` moved by duration terms, the larger unit first."""
        for base, amount in sorted(terms, key=lambda t: lex.UNIT_ORDER[t[0]]):
            n = int(amount) * sign
            if base == "year":
                d = add_months(when.date(), 12 * n)
                when = datetime.combine(d, when.timetz())
            elif base == "month":
                d = add_months(when.date(), n)
                when = datetime.combine(d, when.timetz())
            elif base == "bday":
                d = add_business_days(when.date(), n)
                when = datetime.combine(d, when.timetz())
            else:
                when = when + timedelta(**{base + "s": n})
        return when


def _whole(terms: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Turn fractional amounts ("a year and a half") into whole smaller units."""
    smaller = {"year": ("month", 12), "month": ("day", 30), "day": ("hour", 24)}
    smaller |= {"bday": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}
    out: list[tuple[str, float]] = []
    for base, amount in terms:
        whole = int(amount)
        frac = amount - whole
        if whole:
            out.append((base, whole))
        if frac > 1e-9 and base in smaller:
            sub, k = smaller[base]
            out.append((sub, round(frac * k)))
    return out


def _smallest(terms: list[tuple[str, float]]) -> str:
    return max((t[0] for t in terms), key=lambda b: lex.UNIT_ORDER[b])


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

_VAGUE_GRAIN = {
    "week": Grain.WEEK,
    "fortnight": Grain.WEEK,
    "quarter": Grain.QUARTER,
    "decade": Grain.DECADE,
    "century": Grain.CENTURY,
}

# After a vague phrase, words that tie it to an event of the story rather than to the
# reference ("shortly after the vote", "soon afterwards").
_ANAPHORIC = frozenset({"after", "afterwards", "afterward", "thereafter", "before"})

# Cue words that also stand before counts ("and 2030 drones", "about 2000 people").
_WEAK_CUES = frozenset({"and", "or", "than", "about", "around", "to", "of", "for", "as"})

# Before a weekday, words that make it habitual ("on a Saturday", "every Monday").
_HABITUAL = frozenset({"a", "an", "every", "each"})

# After a season, nouns naming an institutional period inside it ("the summer recess"):
# its dates vary by country, body and year, so only the season bounds it (vague).
_SEASON_EVENTS = frozenset(
    {"recess", "break", "holiday", "holidays", "hols", "vacation", "term", "session", "sitting"}
)

# After "for" and a duration, words that make it an offset or a past stretch ("for two
# weeks ago" never occurs; "for a year from now" is read by the offset rule).
_DURATION_TAIL = frozenset({"ago", "later", "earlier", "from", "after", "before", "hence"})

# Words before a count of a rolling window ("the next hundred years").
_ROLLING_WORDS = frozenset({"next", "coming", "following", "past", "last", "previous"})

# Words joining the two ends of a range ("October to December", "Monday through Friday").
_RANGE_WORDS = frozenset({"to", "until", "till", "through", "thru"})

_MOD_WORDS = {
    "early": 0,
    "mid": 1,
    "late": 2,
    "end": 2,
    "start": 0,
    "beginning": 0,
    "middle": 1,
    "close": 2,
    "turn": 0,
}

_DEADLINE = {
    ("by",): "end",
    ("no", "later", "than"): "end",
    ("not", "later", "than"): "end",
    ("by", "no", "later", "than"): "end",
    ("until",): "end",
    ("till",): "end",
    ("til",): "end",
    ("up", "to"): "end",
    ("up", "until"): "end",
    ("through",): "end",
    ("thru",): "end",
    ("through", "to"): "end",
    ("before",): "start",
    ("on", "or", "before"): "end",
    ("on", "or", "after"): "same",
    ("ahead", "of"): "start",
    ("prior", "to"): "start",
    ("in", "advance", "of"): "start",
    ("earlier", "than"): "start",
    ("since",): "since",
    ("ever", "since"): "since",
    ("after",): "after",
    ("following",): "after",
    ("later", "than"): "after",
    ("no", "earlier", "than"): "after",
    ("within",): "within",
    ("inside",): "within",
    ("in", "under"): "within",
    ("in", "less", "than"): "within",
    ("not", "until"): "same",
    ("not", "before"): "same",
    ("no", "sooner", "than"): "same",
    ("towards",): "same",
    ("toward",): "same",
    ("near",): "same",
    ("shortly", "after"): "same",
    ("shortly", "before"): "same",
    ("just", "after"): "same",
    ("just", "before"): "same",
    ("soon", "after"): "same",
    ("in",): "in",
    ("on",): "same",
    ("at",): "same",
    ("during",): "same",
    ("throughout",): "same",
    ("over",): "same",
    ("for",): "for",
    ("around",): "same",
    ("about",): "same",
    ("circa",): "same",
    ("from",): "same",
    ("as", "of"): "same",
    ("as", "from"): "same",
    ("as", "early", "as"): "same",
    ("as", "late", "as"): "same",
    ("starting",): "same",
    ("beginning",): "same",
    ("effective",): "same",
    ("sometime",): "same",
    ("some", "time"): "same",
    ("sometime", "in"): "same",
    ("some", "time", "in"): "same",
    ("across",): "same",
    ("later", "in"): "later",
    ("earlier", "in"): "earlier",
    ("later",): "later",
    ("earlier",): "earlier",
    ("the", "rest", "of"): "rest",
    ("the", "remainder", "of"): "rest",
    ("the", "balance", "of"): "rest",
    ("rest", "of"): "rest",
    ("for", "the", "rest", "of"): "rest",
}
_PREP_MAX = max(len(k) for k in _DEADLINE)


class Parser:
    """Parse time expressions from a token list.

    ``find`` is True when scanning running text for expressions: bare month names,
    years and weekday abbreviations then need a cue word before them ("in May", not
    "Theresa May"; "by 2030", not "2030 people").
    """

    def __init__(self, toks: list[Tok], ctx: Ctx, *, find: bool) -> None:
        self.t = toks
        self.n = len(toks)
        self.ctx = ctx
        self.find = find
        self._memo: dict[tuple[str, int], R] = {}
        self._past: Parser | None = None

    def past(self) -> Parser:
        """This text read in past context ("since June" is a June gone, whatever the
        tense of its clause); built once, with its own memo."""
        if self.ctx.past:
            return self
        if self._past is None:
            ctx = self.ctx
            past = Ctx(ctx.ref, PAST, ctx.day_first, ctx.fiscal_start)
            self._past = Parser(self.t, past, find=self.find)
        return self._past

    # -- token helpers -------------------------------------------------------------------

    def b(self, i: int) -> str:
        """The base of the word at ``i``, or "" (not a word, or past the end)."""
        if 0 <= i < self.n and self.t[i].kind == "w":
            return self.t[i].base
        return ""

    def punct(self, i: int, chars: str) -> bool:
        return 0 <= i < self.n and self.t[i].kind == "p" and self.t[i].text in chars

    def glued(self, i: int) -> bool:
        """Whether token ``i`` touches the one before it (no whitespace)."""
        return 0 < i < self.n and not self.t[i].gap

    def seq(self, i: int, words: tuple[str, ...]) -> int:
        """The index after ``words`` matched from ``i`` (hyphens skipped), or -1."""
        for w in words:
            if self.punct(i, "-"):
                i += 1
            if self.b(i) != w:
                return -1
            i += 1
        return i

    def num(self, i: int) -> int | None:
        if 0 <= i < self.n and self.t[i].kind == "n" and self.t[i].val >= 0:
            return self.t[i].val
        return None

    def year_num(self, i: int) -> int | None:
        v = self.num(i)
        if v is not None and self.t[i].ndig == 4 and 1000 <= v <= 2999:
            return v
        return None

    def cued(self, i: int) -> bool:
        """Whether a cue word stands before token ``i`` (always, outside find mode)."""
        if not self.find:
            return True
        prev = self.b(i - 1)
        if prev in lex.CUES:
            return True
        if self.punct(i - 1, "-–") and self.b(i - 2) in ("mid", "end", "early", "late"):
            return True
        return self.b(i - 1) in ("week", "weekend", "day") and self.b(i - 2) in ("the",)

    def memo(self, key: str, i: int, fn: Callable[[int], R]) -> R:
        k = (key, i)
        if k not in self._memo:
            self._memo[k] = fn(i)
        return self._memo[k]

    # -- words -------------------------------------------------------------------------

    def habitual(self, i: int) -> bool:
        """Whether the name at ``i`` is habitual ("on a Saturday", "every Monday", "each
        March", "every other Friday"): a recurring day, not one date."""
        if self.habit_word(i):
            return True
        # the end of a habitual range: "every Monday to Friday", "on Mondays-Fridays"
        at = i - 2 if self.b(i - 1) in _RANGE_WORDS or self.punct(i - 1, "-–—") else -1
        return (
            at >= 0
            and self.b(at) in lex.WEEKDAYS
            and (self.b(at).endswith("s") or self.habit_word(at))
        )

    def habit_word(self, i: int) -> bool:
        prev = self.b(i - 1)
        if prev in _HABITUAL:
            return True
        return prev in ("other", "second", "third") and self.b(i - 2) in ("every", "each")

    def weekday_word(self, i: int) -> tuple[int, int, bool] | None:
        """(weekday, next index, abbreviated)."""
        w = self.b(i)
        if w in lex.WEEKDAYS:
            if w.endswith("s") or self.habitual(i):
                return None  # "on Saturdays", "on a Saturday": habitual, not a date
            return lex.WEEKDAYS[w], i + 1, False
        if w in lex.WEEKDAY_ABBR and self.t[i].cap:
            j = i + 1
            if self.punct(j, ".") and self.glued(j):
                j += 1
            return lex.WEEKDAY_ABBR[w], j, True
        return None

    def month_word(self, i: int) -> tuple[int, int] | None:
        w = self.b(i)
        if not w:
            return None
        m = lex.MONTHS.get(w) or lex.MONTH_ABBR.get(w)
        if m is None:
            return None
        if w in lex.AMBIGUOUS_MONTHS and not self.t[i].cap:
            return None
        if self.b(i - 1) in ("every", "each"):
            return None  # "every March": a recurring month, not one
        j = i + 1
        if w in lex.MONTH_ABBR and self.punct(j, ".") and self.glued(j):
            j += 1
        return m, j

    def small_number(self, i: int) -> tuple[int, int] | None:
        """A number written in words below 100: "seven", "twenty-one", "twenty one"."""
        w = self.b(i)
        if w in lex.NUMBER_WORDS:
            return lex.NUMBER_WORDS[w], i + 1
        if w in lex.TENS_WORDS:
            v = lex.TENS_WORDS[w]
            j = i + 1
            k = j + 1 if self.punct(j, "-") else j
            u = self.b(k)
            if u in lex.NUMBER_WORDS and 0 < lex.NUMBER_WORDS[u] < 10:
                return v + lex.NUMBER_WORDS[u], k + 1
            return v, j
        return None

    def number(self, i: int) -> tuple[float, int] | None:
        """A count: digits ("30", "1.5") or words up to the hundreds."""
        v = self.num(i)
        if v is not None:
            j = i + 1
            if self.punct(j, ".") and self.glued(j) and self.glued(j + 1):
                frac = self.num(j + 1)
                if frac is not None:
                    return v + frac / 10 ** self.t[j + 1].ndig, j + 2
            return float(v), j
        total = 0
        j = i
        r = self.small_number(j)
        if r is None:
            if self.b(j) in ("a", "an", "one") and self.b(j + 1) == "hundred":
                r = (1, j + 1)
            elif self.b(j) == "hundred" and self.b(j - 1) in _ROLLING_WORDS:
                r = (1, j)  # "the next hundred years"
            else:
                return None
        v, j = r
        if self.b(j) == "hundred":
            total = v * 100
            j += 1
            k = j + 1 if self.b(j) == "and" else j
            rest = self.small_number(k)
            if rest is not None:
                total += rest[0]
                j = rest[1]
            return float(total), j
        return float(v), j

    def ordinal(self, i: int, last: bool = False) -> tuple[int, int] | None:
        """An ordinal: "20th", "third", "twenty-first", and "last" as -1 if allowed."""
        if 0 <= i < self.n and self.t[i].kind == "o" and self.t[i].val >= 0:
            return self.t[i].val, i + 1
        w = self.b(i)
        if w in lex.ORDINAL_WORDS:
            return lex.ORDINAL_WORDS[w], i + 1
        if w in lex.ORDINAL_TENS:
            k = i + 2 if self.punct(i + 1, "-") else i + 1
            u = self.b(k)
            if u in lex.ORDINAL_WORDS and lex.ORDINAL_WORDS[u] < 10:
                return lex.ORDINAL_TENS[w] + lex.ORDINAL_WORDS[u], k + 1
        if last and w in ("last", "final"):
            return -1, i + 1
        return None

    def day_number(self, i: int) -> tuple[int, int] | None:
        """A day of the month: "20", "20th", "twentieth"."""
        v = self.num(i)
        if v is not None:
            if self.punct(i + 1, ":/") and self.glued(i + 1):
                return None  # a clock time or a numeric date
            if self.t[i].ndig <= 2 and 1 <= v <= 31:
                return v, i + 1
            return None
        r = self.ordinal(i)
        if r is not None and 1 <= r[0] <= 31:
            return r
        return None

    # -- the top ----------------------------------------------------------------------------

    def phrase(self, i: int) -> R:
        """A whole time expression starting at ``i``, longest first."""
        # "the year to March" is twelve months, not a range from this year to March.
        r = longest(self.unit_to(i), self.range_(i), self.prep(i), self.core(i))
        if r is None:
            return None
        span, j = r
        k = self.seq(j, ("at", "the", "latest"))
        if k > 0:
            return self.deadline(span), k
        for tail in (("onwards",), ("onward",), ("or", "later"), ("at", "the", "earliest")):
            k = self.seq(j, tail)
            if k > 0:
                return span, k
        return r

    def core(self, i: int) -> R:
        return self.memo("core", i, self._core)

    def _core(self, i: int) -> R:
        return longest(
            self.unit_to(i),
            self.vague(i),
            self.rolling(i),
            self.offset(i),
            self.timed(i),
            self.period(i, cued=False),
        )

    # -- prepositions and deadlines -------------------------------------------------------

    def deadline(self, x: Span) -> Span:
        """From the reference to the end of ``x`` ("by Friday")."""
        ref = self.ctx.ref
        # "by 5pm" means before five o'clock, not before six.
        end = x.start if x.grain in (Grain.HOUR, Grain.MINUTE) else x.end
        if end > ref:
            return Span(ref, end, x.grain, x.vague)
        return x

    def prep(self, i: int) -> R:
        best: R = None
        for size in range(min(_PREP_MAX, self.n - i), 0, -1):
            key = tuple(self.b(i + k) for k in range(size))
            how = _DEADLINE.get(key)
            if how is not None:
                best = longest(best, self.after_prep(how, i + size))
        return best

    def after_prep(self, how: str, j: int) -> R:
        ctx = self.ctx
        if how in ("within", "in"):
            r = self.duration(j, bare_plural=True)
            if r is not None:
                terms, vague, k = r
                if how == "in":
                    k2 = self.seq(k, ("time",))
                    k = k2 if k2 > 0 else k
                if vague:
                    return self.vague_span(terms, 1), k
                if how == "within":
                    end = ctx.add(ctx.ref, terms, 1)
                    return ctx.rolling(ctx.ref, end, lex.UNIT_GRAIN[terms[0][0]]), k
                return self.offset_span(ctx.ref, terms, 1), k
        if how == "since":
            # "since" looks back: its period is read in past context and must have begun.
            x = self.past().core(j)
            if x is None or x[0].start >= ctx.ref:
                return None
            return Span(x[0].start, ctx.ref, x[0].grain, x[0].vague), x[1]
        if how == "for" and not ctx.past:
            # "for three months", "for a year": that long from the reference.  In past
            # context the stretch is anchored to the story's events, not the reference.
            r = self.duration(j)
            if r is not None and not r[1] and self.b(r[2]) not in _DURATION_TAIL:
                terms, _vague, k = r
                end = ctx.add(ctx.ref, terms, 1)
                return ctx.rolling(ctx.ref, end, lex.UNIT_GRAIN[terms[0][0]]), k
        if how == "before":
            how = "start"
        # "by the start of next year" ends where next year starts.
        if how == "end":
            for lead in (("the", "start", "of"), ("the", "beginning", "of"), ("start", "of")):
                k = self.seq(j, lead)
                if k > 0:
                    x = self.period(k, cued=True) or self.timed(k)
                    if x is not None and x[0].start > ctx.ref:
                        return Span(ctx.ref, x[0].start, x[0].grain), x[1]
        # "before the end of March" is a deadline at the end of March.
        if how == "start":
            for lead in (("the", "end", "of"), ("end", "of")):
                k = self.seq(j, lead)
                if k > 0:
                    x = self.period(k, cued=True) or self.timed(k)
                    if x is not None:
                        return self.deadline(x[0]), x[1]
        x = self.core(j)
        if x is None:
            return None
        span, k = x
        ref = ctx.ref
        if how == "for":
            # "(leave) for the summer" under way: from the reference to its end.  Only a
            # season: "scheduled for this week" is still the week.
            season = span.grain == Grain.SPAN and span.cycle == 1
            if season and not ctx.past and span.start < ref < span.end:
                return Span(ref, span.end, span.grain, span.vague), k
            return x
        if how == "same" or how == "in":
            return x
        if how == "end":
            return self.deadline(span), k
        if how == "within":
            return self.deadline(span), k
        if how == "start":
            if span.inside and span.end > ref:
                # "before the summer recess": the recess starts somewhere in the summer.
                return Span(ref, span.end, span.grain, True), k
            if span.start > ref:
                return Span(ref, span.start, span.grain), k
            return Span(span.start - (span.end - span.start), span.start, span.grain, True), k
        if how == "after":
            length = span.end - span.start
            return Span(span.end, span.end + length, span.grain, True), k
        if how == "rest":
            if span.start <= ref < span.end:
                return Span(ref, span.end, span.grain), k
            return x
        if how == "later":
            if span.start <= ref < span.end:
                return Span(ref, span.end, span.grain), k
            return self.third(span, 2), k
        if how == "earlier":
            if span.start < ref <= span.end:
                return Span(span.start, ref, span.grain), k
            return self.third(span, 0), k
        return None

    # -- ranges -------------------------------------------------------------------------

    def range_part(self, i: int) -> tuple[Span | int, int] | None:
        """One side of a range: a window, or a bare day number ("5" of "5 to 16 August")."""
        r = longest(self.timed(i), self.period(i, cued=True))
        if r is not None:
            return r
        v = self.num(i)
        if v is not None and 1 <= v <= 31 and self.t[i].ndig <= 2:
            return v, i + 1
        o = self.ordinal(i)
        if o is not None and 1 <= o[0] <= 31 and self.t[i].kind == "o":
            return o
        return None

    def range_(self, i: int) -> R:
        j = i
        lead = self.b(i)
        if lead in ("from", "between"):
            j += 1
        j0 = j
        if lead in ("from", "between") and self.b(j) == "now":
            return self.now_until(j + 1, lead)
        x = self.range_part(j)
        if x is None:
            return None
        a, j = x
        either = False
        if lead == "between":
            if self.b(j) != "and":
                return None
        elif self.b(j) == "or" and lead != "from" and isinstance(a, Span):
            either = True  # "late March or early April": the window covering both
        elif self.b(j) in _RANGE_WORDS or self.punct(j, "-–—"):
            if self.b(j) == "to" and self.b(j + 1) in ("the",) and lead != "from":
                return None
            if self.punct(j, "-–—") and self.b(j + 1) in _RANGE_WORDS and self.punct(j + 2, "-–—"):
                j += 2  # "October-to-December", "Monday-through-Friday"
        else:
            return None
        y = self.range_part(j + 1)
        if y is None:
            return None
        bb, k = y
        if either and (not isinstance(a, Span) or not isinstance(bb, Span) or bb.grain != a.grain):
            return None
        if isinstance(a, Span) and isinstance(bb, Span) and self.bare_clock(j0, j):
            # "between 9am and 5pm on Friday": the first clock is on the second's day.
            c = self.clock(j0)
            if c is not None and bb.grain in (Grain.HOUR, Grain.MINUTE):
                a = self.clock_span(bb.start.astimezone(self.ctx.tz).date(), c)
        span = self.join(a, bb)
        if span is None:
            return None
        return span, k

    def now_until(self, j: int, lead: str) -> R:
        """ "between now and 2030", "from now until Friday": the reference to X's end."""
        sep = self.b(j)
        if (lead == "between") != (sep == "and") or sep not in ("and", "to", "until", "till"):
            return None
        y = self.range_part(j + 1)
        if y is None or isinstance(y[0], int):
            return None
        span = self.deadline(y[0])
        return (span, y[1]) if span.start == self.ctx.ref else None

    def bare_clock(self, i: int, end: int) -> bool:
        c = self.clock(i)
        return c is not None and c[3] == end

    def join(self, a: Span | int, b: Span | int) -> Span | None:
        ctx = self.ctx
        if isinstance(a, int):
            if isinstance(b, int) or b.day is None or b.grain != Grain.DAY:
                return None
            d = b.day
            try:
                first = d.replace(day=a)
            except ValueError:
                return None
            if first > d:
                first = add_months(first, -1).replace(day=a)
            return Span(at(first, ctx.tz), b.end, Grain.DAY)
        if isinstance(b, int):
            if a.day is None or a.grain != Grain.DAY:
                return None
            d = a.day
            try:
                last = d.replace(day=b)
            except ValueError:
                return None
            if last < d:
                last = add_months(last, 1)
            return Span(a.start, at(last + _DAY, ctx.tz), Grain.DAY)
        if b.start < a.start:
            back = self.shift(a, -1) if a.cycle else a
            if ctx.past and a.cycle:
                a = back
            elif a.cycle == 1 == b.cycle and back.start <= b.start and b.end > ctx.ref:
                # "October to December" said in November: the yearly range under way
                # (a weekday range still moves to the next week, the convention of days).
                a = back
            elif b.cycle:
                b = self.shift(b, 1)
        if b.start < a.start:
            return None
        # A clock time ends the range where it starts ("from 9am to 5pm").
        end = b.start if b.grain in (Grain.HOUR, Grain.MINUTE) else b.end
        if end <= a.start:
            return None
        grain = a.grain if a.grain == b.grain else Grain.SPAN
        return Span(a.start, end, grain)

    def shift(self, s: Span, sign: int) -> Span:
        if s.cycle == 7:
            d = _WEEK * sign
            return replace(s, start=s.start + d, end=s.end + d, day=s.day and s.day + d)
        y = sign
        return replace(
            s,
            start=s.start.replace(year=s.start.year + y),
            end=s.end.replace(year=s.end.year + y),
            day=s.day and s.day.replace(year=s.day.year + y),
        )

    # -- vague phrases, rolling spans, offsets -----------------------------------------

    def words(self, i: int, limit: int) -> list[tuple[str, int]]:
        """Up to ``limit`` words from ``i`` with their end indices, skipping "-" "." "'"."""
        out: list[tuple[str, int]] = []
        j = i
        while j < self.n and len(out) < limit:
            tok = self.t[j]
            if tok.kind == "w":
                out.append((tok.base, j + 1))
            elif tok.kind != "p" or tok.text not in "-.'’" or not out:
                break
            j += 1
        return out

    def vague(self, i: int) -> R:
        ws = self.words(i, 7)
        best: R = None
        for size in range(1, len(ws) + 1):
            key = tuple(w for w, _ in ws[:size])
            hit = lex.VAGUE.get(key)
            if hit is not None:
                direction, length = hit
                ref = self.ctx.ref
                span = Span(ref, ref + length, Grain.DAY, vague=True)
                if direction < 0:
                    span = Span(ref - length, ref, Grain.DAY, vague=True)
                best = (span, ws[size - 1][1])
        if best is not None and self.b(best[1]) in _ANAPHORIC:
            return None  # "shortly after the speech": after the story's event, not now
        return best

    def vague_span(self, terms: list[tuple[str, float]], direction: int) -> Span:
        unit = terms[0][0] if terms else "day"
        unit = {"wk": "week", "wks": "week", "hr": "hour", "hrs": "hour"}.get(unit, unit)
        length = lex.VAGUE_UNIT_SPAN.get(unit, 7 * _DAY)
        ref = self.ctx.ref
        grain = _VAGUE_GRAIN.get(unit) or lex.UNIT_GRAIN.get(unit, Grain.DAY)
        if direction < 0:
            return Span(ref - length, ref, grain, vague=True)
        return Span(ref, ref + length, grain, vague=True)

    def unit(self, i: int) -> tuple[str, int, int, bool] | None:
        """(base unit, multiplier, next index, plural)."""
        w = self.b(i)
        if w in lex.BUSINESS_ADJ and self.b(i + 1) in ("day", "days"):
            return "bday", 1, i + 2, self.b(i + 1) == "days"
        if w == "calendar" and self.b(i + 1) in ("day", "days"):
            return "day", 1, i + 2, self.b(i + 1) == "days"
        u = lex.UNITS.get(w)
        if u is None:
            return None
        key = w.rstrip("'")
        if key == "week" and u[0] == "day":
            key = "week"
        plural = w.endswith("s") or w in ("centuries",)
        base = u[0]
        # "week" is a unit of 7 days, but its vague span is its own.
        if w in ("week", "weeks", "wk", "wks"):
            base = "day"
        return base, u[1], i + 1, plural

    def quantity(self, i: int) -> tuple[float, bool, int] | None:
        """(amount, vague, next index)."""
        w = self.b(i)
        if w in ("a", "an") and self.b(i + 1) == "couple" and self.b(i + 2) == "of":
            return 2.0, False, i + 3
        if w == "couple" and self.b(i + 1) == "of":
            return 2.0, False, i + 2
        if w in ("a", "an") and self.b(i + 1) == "few":
            return 3.0, True, i + 2
        if w in ("few", "several", "some", "many"):
            return 3.0, True, i + 1
        if w in ("a", "an") and self.b(i + 1) == "number" and self.b(i + 2) == "of":
            return 3.0, True, i + 3
        if w in ("a", "an") and self.b(i + 1) == "dozen":
            return 12.0, False, i + 2
        if w == "half" and self.b(i + 1) in ("a", "an"):
            return 0.5, False, i + 2
        r = self.number(i)
        if r is not None:
            v, j = r
            if self.b(j) in ("or", "to") or self.punct(j, "-–"):
                r2 = self.number(j + 1)
                if r2 is not None and r2[0] > v:
                    return r2[0], True, r2[1]  # "two or three", "five to ten": vague
            k = self.seq(j, ("and", "a", "half"))
            if k > 0 and self.unit(k) is not None:
                return v + 0.5, False, k
            return v, False, j
        if w in ("a", "an"):
            return 1.0, False, i + 1
        return None

    def duration(
        self, i: int, bare_plural: bool = False
    ) -> tuple[list[tuple[str, float]], bool, int] | None:
        """Duration terms ("2 years 21 days", "a year and a half"), vague flag, end."""
        terms: list[tuple[str, float]] = []
        vague = False
        j = i
        names: list[str] = []
        while len(terms) < _MAX_TERMS:
            k = j
            if terms and (self.b(k) == "and" or self.punct(k, ",")):
                k += 1
            q = self.quantity(k)
            if q is None:
                if not terms and bare_plural:
                    # "within days", "in weeks": a plural unit alone is vague.
                    u = self.unit(k)
                    if u is not None and u[3] and self.b(k) not in ("second", "seconds"):
                        return [(self.b(u[2] - 1).rstrip("s"), 1.0)], True, u[2]
                break
            amount, qv, k = q
            u = self.unit(k)
            if u is None:
                break
            base, mult, k2, _plural = u
            if self.b(k) in ("second", "seconds") and self.b(k - 1) in ("a", "an"):
                break  # "a second" is an ordinal far more often than a unit
            k3 = self.seq(k2, ("and", "a", "half"))
            if k3 > 0:
                amount += 0.5
                k2 = k3
            if self.b(k2) == "or":
                r2 = self.number(k2 + 1)
                if r2 is not None and r2[0] > amount:
                    # "a day or two", "a week or so"
                    qv, k2 = True, r2[1]
                    u2 = self.unit(k2)
                    if u2 is not None and u2[0] == base:
                        k2 = u2[2]
                elif self.b(k2 + 1) == "so":
                    qv, k2 = True, k2 + 2
            terms.append((base, amount * mult))
            names.append(self.b(k))
            vague = vague or qv
            j = k2
        if not terms:
            return None
        if vague:
            unit_word = names[0].rstrip("s")
            return [(unit_word, 1.0)], True, j
        return _whole(terms), False, j

    def offset_span(
        self, anchor: datetime, terms: list[tuple[str, float]], sign: int, day: bool = False
    ) -> Span:
        """The one unit-sized window an offset lands on ("in 30 days": that day)."""
        ctx = self.ctx
        smallest = _smallest(terms)
        when = ctx.add(anchor, terms, sign)
        if smallest in ("second", "minute", "hour") and not day:
            grain = Grain.MINUTE if smallest != "hour" else Grain.HOUR
            return ctx.instant(when, grain)
        return ctx.day(when.date())

    def offset(self, i: int) -> R:
        r = self.duration(i)
        if r is None:
            return None
        terms, vague, j = r
        ctx = self.ctx
        w = self.b(j)
        if w == "ago" or (w == "earlier" and not self.find):
            if vague:
                return self.vague_span(terms, -1), j + 1
            return self.offset_span(ctx.ref, terms, -1), j + 1
        if w in ("later", "hence") or self.seq(j, ("from", "now")) > 0:
            k = j + 1 if w in ("later", "hence") else j + 2
            if vague:
                return self.vague_span(terms, 1), k
            return self.offset_span(ctx.ref, terms, 1), k
        if vague:
            return None
        if w in ("from", "after", "before", "on"):
            anchor = self.timed(j + 1)
            if anchor is None or anchor[0].day is None:
                if w in ("after", "before") and self.find is False and j + 1 == self.n:
                    return self.offset_span(ctx.ref, terms, 1 if w == "after" else -1), j + 1
                return None
            a, k = anchor
            sign = -1 if w == "before" else 1
            if a.grain == Grain.DAY:
                return self.offset_span(a.start, terms, sign), k
            return self.offset_span(a.start, terms, sign, day=False), k
        if w in ("today", "tomorrow"):
            # British "a week today", "a fortnight tomorrow".
            base = ctx.today + (_DAY if w == "tomorrow" else timedelta(0))
            return self.offset_span(at(base, ctx.tz), terms, 1), j + 1
        return None

    def rolling(self, i: int) -> R:
        """ "the next 30 days", "the past week", "the coming days", "recent weeks"."""
        ctx = self.ctx
        j = i
        the = self.b(j) == "the"
        if the:
            j += 1
        w = self.b(j)
        if w == "recent":
            u = self.unit(j + 1)
            if u is not None and u[3]:
                return self.vague_span([(self.b(j + 1).rstrip("s"), 1.0)], -1), u[2]
            return None
        if w in ("next", "coming", "following"):
            direction = 1
        elif w in ("past", "last", "previous", "preceding"):
            direction = -1
        else:
            # "the days ahead", "the weeks to come"
            u = self.unit(j)
            if the and u is not None and u[3]:
                k = self.seq(u[2], ("ahead",))
                if k < 0:
                    k = self.seq(u[2], ("to", "come"))
                if k > 0:
                    return self.vague_span([(self.b(j).rstrip("s"), 1.0)], 1), k
            return None
        j += 1
        d = self.duration(j, bare_plural=True)
        u0 = self.unit(j) if d is None and self.b(j + 1) == "or" else None
        r2 = self.number(j + 2) if u0 is not None else None
        if u0 is not None and r2 is not None and r2[0] > 1:
            # "the next day or two": vague (only with "or": "the next day" is a day)
            return self.vague_span([(self.b(j).rstrip("s"), 1.0)], direction), r2[1]
        if d is None:
            u = self.unit(j)
            if u is None or not the or w in ("coming", "following", "previous"):
                return None
            if u[3] or self.b(j) in ("day", "night"):
                return None  # "the next day" is the day after: a day, not 24 hours
            terms: list[tuple[str, float]] = [(u[0], float(u[1]))]
            vague = False
            k = u[2]
            unit_word = self.b(j)
        else:
            terms, vague, k = d
            unit_word = self.b(k - 1)
            if not vague and not the and self.num(j) is None and self.small_number(j) is None:
                return None
        if vague:
            return self.vague_span(terms, direction), k
        if unit_word == "weekend":
            return None
        grain = lex.UNIT_GRAIN[terms[0][0]]
        if unit_word in ("week", "weeks", "fortnight"):
            grain = Grain.WEEK
        end = ctx.add(ctx.ref, terms, direction)
        return ctx.rolling(ctx.ref, end, grain), k

    # -- days, parts of days, clock times ---------------------------------------------------

    def timed(self, i: int) -> R:
        return self.memo("timed", i, self._timed)

    def _timed(self, i: int) -> R:
        return longest(self.clock_day(i), self.day_part(i), self.day(i))

    def day(self, i: int) -> R:
        return self.memo("day", i, self._day)

    def _day(self, i: int) -> R:
        return longest(
            self.rel_day(i),
            self.weekday_day(i),
            self.date_day(i),
            self.holiday(i),
            self.nth_weekday(i),
            self.day_of_month(i),
        )

    def rel_day(self, i: int) -> R:
        ctx = self.ctx
        w = self.b(i)
        if w in ("today", "tomorrow", "yesterday"):
            delta = {"today": 0, "tomorrow": 1, "yesterday": -1}[w]
            return ctx.day(ctx.today + timedelta(days=delta)), i + 1
        if w != "the":
            return None
        for words, delta in (
            (("the", "next", "day"), 1),
            (("the", "following", "day"), 1),
            (("the", "previous", "day"), -1),
            (("the", "preceding", "day"), -1),
            (("the", "same", "day"), 0),
        ):
            k = self.seq(i, words)
            if k > 0:
                return ctx.day(ctx.today + timedelta(days=delta)), k
        for words, sign in ((("the", "day", "after"), 1), (("the", "day", "before"), -1)):
            k = self.seq(i, words)
            if k < 0:
                continue
            anchor = self.day(k)
            if anchor is not None and anchor[0].day is not None:
                return ctx.day(anchor[0].day + timedelta(days=sign)), anchor[1]
            # "the day after" on its own: after the reference day.
            if k >= self.n or self.t[k].kind == "p":
                return ctx.day(ctx.today + timedelta(days=sign)), k
        return None

    def weekday_day(self, i: int) -> R:
        ctx = self.ctx
        j = i
        mod = self.b(j)
        if mod == "the":
            # "the Friday after next", "the Monday before last"
            r0 = self.weekday_word(j + 1)
            if r0 is None:
                return None
            for words, weeks, how in (
                (("after", "next"), 1, "next"),
                (("before", "last"), -1, "last"),
            ):
                k0 = self.seq(r0[1], words)
                if k0 > 0:
                    return ctx.day(ctx.weekday(r0[0], how) + weeks * _WEEK), k0
            return None
        if mod == "this" and self.b(j + 1) in ("past", "coming"):
            mod = self.b(j + 1)
            j += 2
        elif mod in ("this", "next", "last", "coming", "past", "on"):
            j += 1
        else:
            mod = ""
        r = self.weekday_word(j)
        if r is None:
            return None
        wd, k, abbr = r
        # "Thursday 20 March", "Thursday, March 20": the date decides.
        tail_at = k + 1 if self.punct(k, ",") else k
        tail = self.date_day(tail_at)
        if tail is None:
            tail = self.day_of_month(tail_at, after_weekday=True)
        if tail is not None and mod in ("", "on", "this", "next", "last"):
            return tail
        if abbr and self.find and not mod and not self.cued(i):
            return None
        if mod in ("", "on") or mod == "this":
            how = "back" if ctx.past else "fwd"
        elif mod == "coming":
            how = "fwd"
        elif mod == "past":
            how = "last"
        else:
            how = mod
        post = self.b(k)
        if mod in ("", "on"):
            # "Monday next week", "Friday of last week": that weekday of that week
            k1 = k + 1 if post == "of" else k
            if self.b(k1) in ("this", "next", "last") and self.b(k1 + 1) == "week":
                wk = self.rel_period(k1, cued=True)
                if wk is not None:
                    d0 = wk[0].start.astimezone(ctx.tz).date()
                    return ctx.day(d0 + timedelta(days=wd)), wk[1]
        if not mod and post in ("next", "last") and self.b(k + 1) not in lex.UNITS:
            # "on Monday next", "Monday last": the formal British order
            how, k = post, k + 1
        d = ctx.weekday(wd, how)
        if self.b(k) == "week" and (k + 1 >= self.n or self.t[k + 1].kind == "p"):
            return ctx.day(d + _WEEK), k + 1  # British "Friday week"
        return ctx.day(d, cycle=7 if mod in ("", "on", "this") else 0), k

    def year_after(self, j: int) -> tuple[int, int] | None:
        k = j + 1 if self.punct(j, ",") else j
        y = self.year_num(k)
        if y is not None:
            return y, k + 1
        # "20 March next year"
        if self.b(k) in ("this", "next", "last") and self.b(k + 1) == "year":
            y0 = self.ctx.today.year
            return y0 + {"this": 0, "next": 1, "last": -1}[self.b(k)], k + 2
        return None

    def date_parts(self, i: int) -> tuple[int, int, int | None, int] | None:
        """(day, month, year or None, next index) of a written date."""
        return longest_parts(self.dmy(i), self.mdy(i), self.numeric(i), self.foreign(i))

    def dmy(self, i: int) -> tuple[int, int, int | None, int] | None:
        j = i
        the = self.b(j) == "the"
        if the:
            j += 1
        d = self.day_number(j)
        if d is None:
            return None
        day, k = d
        if self.b(k) == "of":
            k += 1
        elif the or self.t[j].kind == "w":
            return None  # "the twentieth" needs "of": "the twentieth of March"
        mw = self.month_word(k)
        if mw is None:
            return None
        month, k = mw
        y = self.year_after(k)
        if y is not None:
            return day, month, y[0], y[1]
        return day, month, None, k

    def mdy(self, i: int) -> tuple[int, int, int | None, int] | None:
        mw = self.month_word(i)
        if mw is None:
            return None
        month, k = mw
        if self.b(k) == "the":
            k += 1
        d = self.day_number(k)
        if d is None:
            return None
        day, k = d
        if self.punct(k, ":") or self.b(k) in ("am", "pm"):
            return None
        y = self.year_after(k)
        if y is not None:
            return day, month, y[0], y[1]
        return day, month, None, k

    def foreign(self, i: int) -> tuple[int, int, int | None, int] | None:
        j = i + 1 if self.b(i) in ("le", "el", "il", "am", "den") else i
        v = self.num(j)
        if v is None or not 1 <= v <= 31 or self.t[j].ndig > 2:
            return None
        k = j + 1
        if self.punct(k, ".") and self.glued(k):
            k += 1
        if self.b(k) in lex.FOREIGN_GLUE:
            k += 1
        month = lex.FOREIGN_MONTHS.get(self.b(k))
        if month is None:
            return None
        k += 1
        kk = k + 1 if self.b(k) in lex.FOREIGN_GLUE or self.punct(k, ",") else k
        y = self.year_num(kk)
        if y is not None:
            return v, month, y, kk + 1
        return v, month, None, k

    def numeric(self, i: int) -> tuple[int, int, int | None, int] | None:
        a = self.num(i)
        if a is None or not self.punct(i + 1, "/.-") or not self.glued(i + 1):
            return None
        sep = self.t[i + 1].text
        b = self.num(i + 2)
        if b is None or not self.glued(i + 2) or self.t[i + 2].ndig > 2:
            return None
        c: int | None = None
        k = i + 3
        if self.punct(k, sep) and self.glued(k) and self.glued(k + 1):
            c = self.num(k + 1)
            if c is None:
                return None
            k += 2
        if self.punct(k, "/.-:") and self.glued(k) and self.num(k + 1) is not None:
            return None  # more parts than a date has: a version or a score
        if self.t[i].ndig == 4:
            if c is None or sep == "." or self.t[k - 1].ndig > 2:
                return None
            return c, b, a, k
        if self.t[i].ndig > 2:
            return None
        year: int | None = None
        if c is not None:
            nd = self.t[k - 1].ndig
            if nd == 4:
                year = c
            elif nd == 2:
                year = 2000 + c
            else:
                return None
        elif sep != "/":
            return None
        day, month = (a, b) if self.ctx.day_first else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if year is None and self.find and not self.cued(i):
            return None
        return day, month, year, k

    def date_day(self, i: int) -> R:
        p = self.date_parts(i)
        if p is None:
            return None
        day, month, year, k = p
        ctx = self.ctx
        if year is not None:
            try:
                return ctx.day(date(year, month, day)), k
            except ValueError:
                return None
        s = ctx.pick(lambda y: ctx.day(date(y, month, day), cycle=1), ctx.bare())
        return (s, k) if s is not None else None

    def day_of_month(self, i: int, after_weekday: bool = False) -> R:
        """ "the 20th", "on the 1st", "the 20th of next month"."""
        ctx = self.ctx
        j = i
        the = self.b(j) == "the"
        if the:
            j += 1
        r = self.ordinal(j)
        if r is None or (self.t[j].kind != "o" and self.b(r[1]) != "of"):
            return None  # "the second" alone is no date; "the second of next month" is
        if r is None or not 1 <= r[0] <= 31:
            return None
        dom, k = r
        rel = self.seq(k, ("of", "this", "month"))
        for words, delta in (
            (("of", "this", "month"), 0),
            (("of", "next", "month"), 1),
            (("of", "last", "month"), -1),
            (("of", "the", "month"), 0),
        ):
            rel = self.seq(k, words)
            if rel > 0:
                first = month_start(ctx.today.year, ctx.today.month + delta)
                try:
                    return ctx.day(first.replace(day=dom)), rel
                except ValueError:
                    return None
        if self.find and not after_weekday:
            nxt = self.b(k)
            if nxt and nxt not in lex.CUES and nxt not in lex.WEEKDAYS:
                return None  # "the 20th anniversary"
        today = ctx.today
        cands: list[date] = []
        for delta in range(-12, 13):
            first = month_start(today.year, today.month + delta)
            if dom <= days_in_month(first.year, first.month):
                cands.append(first.replace(day=dom))
        if ctx.past:
            past = [d for d in cands if d <= today]
            return (ctx.day(past[-1]), k) if past else None
        future = [d for d in cands if d >= today]
        return (ctx.day(future[0]), k) if future else None

    def holiday(self, i: int) -> R:
        ctx = self.ctx
        j = i
        mod = self.b(j)
        if mod in ("this", "next", "last", "coming", "past"):
            j += 1
        else:
            mod = ""
            if self.b(j) == "the":  # "the August bank holiday", "the Fourth of July"
                j += 1
        ws = self.words(j, lex.HOLIDAY_MAX_WORDS)
        if not ws or ws[0][0] not in lex.HOLIDAY_FIRST:
            return None
        if ws[0][0] in lex.AMBIGUOUS_MONTHS and not self.t[j].cap:
            return None
        common_word = ws[0][0] in lex.HOLIDAY_CAPITALISED
        if common_word and (not self.t[j].cap or (self.find and not mod and not self.cued(j))):
            return None
        hit: tuple[tuple[lex.Rule, int], int] | None = None
        for size in range(1, len(ws) + 1):
            key = tuple(w for w, _ in ws[:size])
            if key in lex.HOLIDAYS:
                hit = (lex.HOLIDAYS[key], ws[size - 1][1])
        if hit is None:
            return None
        (rule, length), k = hit

        def make(y: int) -> Span:
            d0 = rule(y)
            if length == 1:
                return ctx.day(d0, cycle=1)
            return ctx.days(d0, d0 + timedelta(days=length), Grain.SPAN, cycle=1)

        y = self.year_num(k)
        if y is not None and not mod:
            return make(y), k + 1
        how = {"": ctx.bare(), "this": "this", "next": "next", "last": "last"}
        how |= {"coming": "next", "past": "last"}
        s = ctx.pick(make, how[mod])
        return (s, k) if s is not None else None

    def month_ref(self, i: int, cued: bool) -> tuple[int, int | None, int] | None:
        """A month with an optional year: (month, year or None, next index)."""
        ctx = self.ctx
        j = i
        mod = self.b(j)
        if mod in ("this", "next", "last", "coming", "past"):
            j += 1
        else:
            mod = ""
        if self.b(j) == "the" and self.b(j + 1) == "month" and self.b(j + 2) == "of":
            j += 3
        mw = self.month_word(j)
        if mw is None:
            return None
        month, k = mw
        year: int | None = None
        kk = k + 1 if self.b(k) == "of" or self.punct(k, ",") else k
        y = self.year_num(kk)
        if y is not None:
            year, k = y, kk + 1
        else:
            y2 = self.year_after(kk if self.b(k) == "of" else k)
            if y2 is not None:
                year, k = y2
        if mod:
            if year is not None:
                return None
            pick = {"this": "this", "next": "next", "last": "last", "coming": "next"}
            pick["past"] = "last"
            s = ctx.pick(lambda y: ctx.month(y, month), pick[mod])
            if s is None:
                return None
            return month, s.start.year, k
        if year is None and self.find and not cued and not self.cued(j):
            return None
        abbr = self.b(j) in lex.AMBIGUOUS_MONTHS and self.b(j) in lex.MONTH_ABBR
        if year is None and self.find and abbr and self.b(j - 1) in _WEAK_CUES:
            return None  # "Ant and Dec": a bare abbreviation needs a real cue
        return month, year, k

    def nth_weekday(self, i: int) -> R:
        """ "the second Sunday of May", "the last Friday in February"."""
        ctx = self.ctx
        j = i + 1 if self.b(i) == "the" else i
        o = self.ordinal(j, last=True)
        if o is None or not (o[0] == -1 or 1 <= o[0] <= 5):
            return None
        nth, k = o
        wdw = self.weekday_word(k)
        if wdw is None or self.b(wdw[1]) not in ("of", "in"):
            return None
        wd, k = wdw[0], wdw[1] + 1

        def on(y: int, m: int) -> Span:
            if nth == -1:
                return ctx.day(last_weekday(y, m, wd))
            return ctx.day(nth_weekday(y, m, wd, nth))

        return self.in_month(k, on)

    def in_month(self, k: int, at: Callable[[int, int], Span]) -> tuple[Span, int] | None:
        """The month named at token ``k`` ("this month", "March", "May 2026") and
        ``at(year, month)`` of it (a day or week inside it), with the next token index.
        A bare month is picked by the context's tense; a date the month lacks is None."""
        ctx = self.ctx
        rel = self.rel_month(k)
        if rel is not None:
            (y, m), k2 = rel
            try:
                return at(y, m), k2
            except ValueError:
                return None
        mr = self.month_ref(k, cued=True)
        if mr is None:
            return None
        month, year, k2 = mr
        if year is not None:
            try:
                return at(year, month), k2
            except ValueError:
                return None
        s = ctx.pick(lambda y: at(y, month), ctx.bare())
        return (s, k2) if s is not None else None

    def rel_month(self, i: int) -> tuple[tuple[int, int], int] | None:
        """ "this month", "next month", "last month", "the month" as (year, month)."""
        ctx = self.ctx
        j = i + 1 if self.b(i) == "the" else i
        w = self.b(j)
        delta = {"this": 0, "next": 1, "last": -1, "following": 1, "previous": -1}.get(w)
        if delta is None and w == "month" and j > i:
            delta, k = 0, j + 1
        elif delta is not None and self.b(j + 1) == "month":
            k = j + 2
        else:
            return None
        first = month_start(ctx.today.year, ctx.today.month + delta)
        return (first.year, first.month), k

    def part_word(self, i: int) -> tuple[tuple[int, int], int] | None:
        w = self.b(i)
        if w in lex.PARTS_OF_DAY and w != "overnight":
            return lex.PARTS_OF_DAY[w], i + 1
        if w in ("early", "small", "wee") and self.b(i + 1) == "hours":
            return (0, 6), i + 2  # "the early hours", "the small hours"
        return None

    def part_span(self, d: date, hours: tuple[int, int]) -> Span:
        tz = self.ctx.tz
        return Span(at(d, tz, hours[0]), at(d, tz, hours[1]), Grain.PART_OF_DAY, hours=hours)

    def day_part(self, i: int) -> R:
        ctx = self.ctx
        w = self.b(i)
        today = ctx.today
        if w == "tonight":
            return self.part_span(today, lex.PARTS_OF_DAY["evening"]), i + 1
        if w == "overnight":
            night = today - _DAY if ctx.past else today
            return self.part_span(night, lex.PARTS_OF_DAY["overnight"]), i + 1
        if w == "last" and self.b(i + 1) == "night":
            return self.part_span(today - _DAY, lex.PARTS_OF_DAY["night"]), i + 2
        if w == "this":
            p = self.part_word(i + 1)
            if p is not None:
                return self.part_span(today, p[0]), p[1]
        if w == "the" or (w in lex.PARTS_OF_DAY and self.b(i - 1) == "at"):
            # "the morning of 20 March"; "(in) the morning": today's, or the next one;
            # "at lunchtime (on Friday)".
            p = self.part_word(i + 1 if w == "the" else i)
            if p is None:
                return None
            hours, k = p
            if self.b(k) == "of" or (w != "the" and self.b(k) == "on"):
                d = self.day(k + 1)
                if d is not None and d[0].day is not None:
                    return self.part_span(d[0].day, hours), d[1]
                return None
            if not self.cued(i):
                return None
            s = self.part_span(today, hours)
            if not ctx.past and s.end <= ctx.ref:
                s = self.part_span(today + _DAY, hours)
            elif ctx.past and s.start > ctx.ref:
                s = self.part_span(today - _DAY, hours)
            return s, k
        d = self.day(i)
        if d is None or d[0].day is None:
            return None
        day_span, k = d
        p = self.part_word(k)
        if p is None:
            return None
        assert day_span.day is not None
        return self.part_span(day_span.day, p[0]), p[1]

    def clock(self, i: int) -> tuple[int, int, Grain, int, tzinfo | None, bool] | None:
        """(hour, minute, grain, next index, zone, has am/pm) of a clock time."""
        w = self.b(i)
        if w in ("noon", "midday"):
            return 12, 0, Grain.HOUR, i + 1, *self.zone(i + 1)[:1], True
        cob = self.close_of_business(i)
        if cob > 0:
            return 17, 0, Grain.HOUR, cob, None, True
        eod = self.end_of_day(i)
        if eod > 0:
            return 24, 0, Grain.MINUTE, eod, None, True
        if w == "midnight":
            return 24, 0, Grain.MINUTE, i + 1, None, True
        h = self.num(i)
        if h is None or self.t[i].ndig > 2:
            return None
        j = i + 1
        minute = 0
        grain = Grain.HOUR
        sep = ""
        if self.punct(j, ":.") and self.glued(j) and self.glued(j + 1):
            m = self.num(j + 1)
            if m is None or self.t[j + 1].ndig != 2 or m > 59:
                return None
            sep = self.t[j].text
            minute = m
            grain = Grain.MINUTE
            j += 2
        ap = self.b(j)
        if ap in ("am", "pm"):
            if not 1 <= h <= 12:
                return None
            h = h % 12 + (12 if ap == "pm" else 0)
            j += 1
            marked = True
        elif ap == "o'clock" and sep == "":
            j += 1
            marked = True
        else:
            if sep != ":":
                return None
            marked = False
        if h > 24 or (h == 24 and minute):
            return None
        tz, j = self.zone(j)
        return h, minute, grain, j, tz, marked

    def close_of_business(self, i: int) -> int:
        """ "(the) close/end of business/play", "COB": 17:00. The index after it, or -1."""
        if self.b(i) in ("cob", "eob") and self.t[i].text.isupper():
            return i + 1
        j = i + 1 if self.b(i) == "the" else i
        for lead in ("close", "end"):
            for what in ("business", "play"):
                k = self.seq(j, (lead, "of", what))
                if k > 0:
                    return k + 1 if self.b(k) == "day" else k
        return -1

    def end_of_day(self, i: int) -> int:
        """ "end of day", "(the) end of the day", "EOD": midnight at the day's end."""
        if self.b(i) == "eod" and self.t[i].text.isupper():
            return i + 1
        j = i + 1 if self.b(i) == "the" else i
        k = self.seq(j, ("end", "of", "day"))
        if k < 0:
            k = self.seq(j, ("end", "of", "the", "day"))
        return k

    def zone(self, j: int) -> tuple[tzinfo | None, int]:
        if 0 <= j < self.n and self.t[j].kind == "w" and self.t[j].text.isupper():
            z = lex.TIMEZONES.get(self.t[j].base)
            if z is not None:
                k = j + 2 if self.b(j + 1) == "time" else j + 1
                if isinstance(z, str):
                    return ZoneInfo(z), k
                return timezone(timedelta(minutes=z)), k
        # "local time" (the source's own), "UK time", "Eastern (time)", "Paris time"
        if self.b(j) == "local" and self.b(j + 1) == "time":
            return None, j + 2
        if 0 <= j < self.n and self.t[j].kind == "w" and self.t[j].cap:
            name = lex.ZONE_NAMES.get(self.b(j))
            if name is not None:
                has_time = self.b(j + 1) == "time"
                if has_time or self.b(j) in lex.ZONE_NAMES_ALONE:
                    return ZoneInfo(name), j + (2 if has_time else 1)
        return None, j

    def clock_span(
        self, d: date, c: tuple[int, int, Grain, int, tzinfo | None, bool], pm: bool = False
    ) -> Span:
        h, minute, grain, _j, tz, marked = c
        if pm and not marked and h < 12:
            h += 12
        zone = tz or self.ctx.tz
        start = at(d, zone, h, minute)
        if tz is not None:
            start = start.astimezone(self.ctx.tz)
        span = self.ctx.instant(start, grain)
        return span

    def clock_day(self, i: int) -> R:
        ctx = self.ctx
        best: R = None
        # CLOCK [,] [on] DAY | CLOCK alone
        c = self.clock(i)
        if c is not None:
            k = c[3]
            k2 = k + 1 if self.punct(k, ",") else k
            k2 = k2 + 1 if self.b(k2) == "on" else k2
            d = longest(self.day_part(k2), self.day(k2))
            if d is not None and d[0].day is None and d[0].hours is not None:
                d = None
            if d is not None:
                span, k3 = d
                dd = span.day or span.start.date()
                pm = span.hours is not None and span.hours[0] >= 12
                best = (self.clock_span(dd, c, pm), k3)
            elif c[5] or not self.find:
                s = self.clock_span(ctx.today, c)
                if not ctx.past and ctx.tense == FUTURE and s.end <= ctx.ref:
                    s = self.clock_span(ctx.today + _DAY, c)
                elif ctx.past and s.start > ctx.ref:
                    s = self.clock_span(ctx.today - _DAY, c)
                best = (s, k)
            if best is not None:
                # "at 9 in the morning", "8 at night"
                for words, pm in (
                    (("in", "the", "morning"), False),
                    (("in", "the", "afternoon"), True),
                    (("in", "the", "evening"), True),
                    (("at", "night"), True),
                ):
                    k4 = self.seq(best[1], words)
                    if k4 > 0 and best[0].day is None:
                        day = best[0].start.astimezone(ctx.tz).date()
                        best = (self.clock_span(day, c, pm), k4)
        # DAY [,] [at] CLOCK
        d = longest(self.day_part(i), self.day(i))
        if d is not None:
            span, k = d
            on = span.day
            if on is None and span.hours is not None:
                on = span.start.date()
            if on is not None:
                k2 = k + 1 if self.punct(k, ",") else k
                k2 = k2 + 1 if self.b(k2) in ("at", "from") else k2
                c2 = self.clock(k2)
                if c2 is not None and (c2[5] or self.b(k2 - 1) == "at"):
                    pm = span.hours is not None and span.hours[0] >= 12
                    best = longest(best, (self.clock_span(on, c2, pm), c2[3]))
        return best

    # -- periods -------------------------------------------------------------------------

    def period(self, i: int, cued: bool) -> R:
        return self.memo("period_c" if cued else "period", i, lambda k: self._period(k, cued))

    def _period(self, i: int, cued: bool) -> R:
        return longest(
            self.rel_period(i, cued),
            self.month_period(i, cued),
            self.year_period(i, cued),
            self.quarter(i),
            self.half(i, cued),
            self.decade(i, cued),
            self.century(i),
            self.season(i, cued),
            self.week_of(i),
            self.nth_week(i),
            self.modified(i),
            self.first_n_of(i),
            self.this_time(i),
            self.new_year(i),
        )

    def rel_period(self, i: int, cued: bool) -> R:
        ctx = self.ctx
        j = i
        the = self.b(j) == "the"
        if the:
            j += 1
        mod = self.b(j)
        if mod == "this" and self.b(j + 1) in ("past", "coming"):
            mod = "last" if self.b(j + 1) == "past" else "coming"
            j += 2
        elif mod in ("this", "next", "last", "coming", "following", "previous", "current"):
            j += 1
        elif the:
            mod = "the"
        else:
            return None
        if the and mod in ("next", "last"):
            return None  # "the next week", "the last month": rolling, not calendar
        unit = self.b(j)
        k = j + 1
        fiscal = unit in ("financial", "fiscal") and self.b(j + 1) == "year"
        if fiscal:
            unit, k = "year", j + 2  # the caller's fiscal_start says whose year (default: calendar)
        if unit not in lex.PERIOD_UNITS or unit == "day":
            return None
        step = {"this": 0, "current": 0, "the": 0, "next": 1, "last": -1}
        step |= {"coming": 1, "following": 1, "previous": -1}
        n = step[mod]
        if mod == "this" and unit in ("week", "weekend") and self.b(k) == "coming":
            mod, k = "coming", k + 1  # "this weekend coming"
            n = 1
        if mod == "the":
            after = self.seq(k, ("after", "next"))
            before = self.seq(k, ("before", "last"))
            if after > 0:
                n, k = 2, after
            elif before > 0:
                n, k = -2, before
            elif not cued and not self.cued(i):
                return None
        today = ctx.today
        if unit == "week" or unit == "fortnight":
            mon = monday(today)
            if n == 0 and today.weekday() >= 5 and ctx.tense == FUTURE:
                mon += _WEEK  # on a weekend, "this week" of a future event is the next
            span = ctx.week(mon + n * _WEEK)
            if unit == "fortnight":
                span = ctx.days(mon + n * _WEEK, mon + (n + 2) * _WEEK, Grain.WEEK)
            return span, k
        if unit == "weekend":
            sat = monday(today) + timedelta(days=5)
            if mod == "coming":
                n = 0 if today.weekday() < 5 else 1
            elif n == 0 and ctx.past and today.weekday() < 5:
                n = -1
            return ctx.weekend(sat + n * _WEEK), k
        if unit == "month":
            first = month_start(today.year, today.month + n)
            return ctx.month(first.year, first.month), k
        if unit == "quarter":
            q = (today.month - 1) // 3 + n
            y, q = today.year + q // 4, q % 4 + 1
            return ctx.quarter(y, q), k
        if unit == "year":
            return (ctx.fiscal_now(n) if fiscal else ctx.year(today.year + n)), k
        if unit == "decade":
            y = today.year // 10 * 10 + 10 * n
            return ctx.days(date(y, 1, 1), date(y + 10, 1, 1), Grain.DECADE), k
        if unit == "century":
            y = today.year // 100 * 100 + 100 * n
            return ctx.days(date(y, 1, 1), date(y + 100, 1, 1), Grain.CENTURY), k
        return None

    def month_period(self, i: int, cued: bool) -> R:
        ctx = self.ctx
        mr = self.month_ref(i, cued)
        if mr is None:
            return None
        month, year, k = mr
        if year is not None:
            return ctx.month(year, month), k
        s = ctx.pick(lambda y: ctx.month(y, month, cycle=1), ctx.bare())
        return (s, k) if s is not None else None

    def yspec(self, i: int) -> tuple[int, int] | None:
        """A year: "2026", "this year", "next year", "last year", "the year"."""
        y = self.year_num(i)
        if y is not None:
            return y, i + 1
        j = i + 1 if self.b(i) == "the" else i
        w = self.b(j)
        delta = {"this": 0, "next": 1, "last": -1, "current": 0, "following": 1}
        delta |= {"previous": -1, "coming": 1}
        if w in delta and self.b(j + 1) == "year":
            if j > i and w in ("next", "last"):
                return None
            return self.ctx.today.year + delta[w], j + 2
        if j > i and w == "year":
            return self.ctx.today.year, j + 1
        return None

    def year_period(self, i: int, cued: bool) -> R:
        j = i
        fiscal = False
        if self.seq(j, ("the", "year")) > 0:
            j += 2
            cued = True
        elif self.b(j) in ("fy", "fiscal", "financial"):
            j += 1
            fiscal = True
            cued = True  # "fiscal 2026" is a year, whatever stands before it
            if self.b(j) == "year":
                j += 1
        y = self.year_num(j)
        if y is None:
            return None
        if self.find and not cued and not self.cued(j):
            return None
        if self.b(j + 1) == "s" or self.punct(j + 1, "'"):
            return None  # a decade
        # A split year ("2025/26", "2025-26": a financial year or a season): both years.
        v = self.num(j + 2) if self.punct(j + 1, "/-–") and self.glued(j + 1) else None
        if v is not None and self.glued(j + 2):
            nd = self.t[j + 2].ndig
            # "2026-28": the last year written without its century
            last = y // 100 * 100 + v if nd == 2 and v > y % 100 else -1
            if nd == 2 and v == 0 and y % 100 == 99:
                last = y + 1  # "1999/00"
            if last < 0 and nd == 4 and v == y + 1 and self.punct(j + 1, "/"):
                last = v
            if last > 0:
                span = self.ctx.days(date(y, 1, 1), date(last + 1, 1, 1), Grain.SPAN)
                return span, j + 3
        if self.find and self.b(j - 1) in _WEAK_CUES:
            nxt = self.t[j + 1] if j + 1 < self.n else None
            if nxt is not None and nxt.kind == "w" and not nxt.cap and nxt.base not in lex.CUES:
                return None  # "and 2030 drones": a count, not a year
        return (self.ctx.fiscal_year(y) if fiscal else self.ctx.year(y)), j + 1

    def quarter(self, i: int) -> R:
        ctx = self.ctx
        q: int | None = None
        k = i
        if self.b(i) == "q" and self.glued(i + 1):
            q = self.num(i + 1)
            k = i + 2
            if self.t[i + 1].ndig != 1:
                return None
        else:
            j = i + 1 if self.b(i) == "the" else i
            o = self.ordinal(j, last=True)
            if o is not None:
                k = o[1] + 1 if self.punct(o[1], "-") else o[1]
                if self.b(k) == "quarter":
                    q, k = (4 if o[0] == -1 else o[0]), k + 1
        if q is None or not 1 <= q <= 4:
            return None
        qq = q
        kk = k + 1 if self.b(k) == "of" or self.punct(k, ",") else k
        ys = self.yspec(kk)
        if ys is not None:
            return ctx.quarter(ys[0], qq), ys[1]
        s = ctx.pick(lambda y: ctx.quarter(y, qq, cycle=1), ctx.bare())
        return (s, k) if s is not None else None

    def half(self, i: int, cued: bool) -> R:
        ctx = self.ctx
        h: int | None = None
        k = i
        if self.b(i) == "h" and self.glued(i + 1):
            h = self.num(i + 1)
            k = i + 2
        else:
            j = i + 1 if self.b(i) == "the" else i
            w = self.b(j)
            o = self.ordinal(j)
            which = {"latter": 2, "back": 2, "front": 1, "last": 2, "final": 2, "second": 2}
            if o is not None and o[0] in (1, 2):
                h, k = o[0], o[1]
            elif w in which:
                h, k = which[w], j + 1
            else:
                return None
            if self.punct(k, "-"):
                k += 1
            if self.b(k) != "half":
                return None
            k += 1
            if self.find and self.b(k) != "of" and not (self.year_num(k) is not None):
                return None  # "the second half" of a match
        if h is None or not 1 <= h <= 2:
            return None
        hh = h
        kk = k + 1 if self.b(k) == "of" or self.punct(k, ",") else k
        ys = self.yspec(kk)
        if ys is not None:
            return ctx.half(ys[0], hh), ys[1]
        if self.b(k) == "of":
            # "the second half of March", "the first half of the decade"
            x = self.period(k + 1, cued=True)
            if x is None:
                return None
            p, k2 = x
            mid = p.start + (p.end - p.start) / 2
            if p.grain in (Grain.DECADE, Grain.CENTURY, Grain.YEAR):
                y0, y1 = p.start.astimezone(ctx.tz).year, p.end.astimezone(ctx.tz).year
                mid = at(add_months(date(y0, 1, 1), 6 * (y1 - y0)), ctx.tz)
            elif p.grain not in (Grain.HOUR, Grain.MINUTE):
                mid = at(mid.astimezone(ctx.tz).date(), ctx.tz)
            if hh == 1:
                return Span(p.start, mid, p.grain), k2
            return Span(mid, p.end, p.grain), k2
        s = ctx.pick(lambda y: ctx.half(y, hh, cycle=1), ctx.bare())
        return (s, k) if s is not None else None

    def decade(self, i: int, cued: bool) -> R:
        ctx = self.ctx
        j = i + 1 if self.b(i) == "the" else i
        w = self.b(j)
        if w in lex.DECADE_WORDS and j > i:
            d = lex.DECADE_WORDS[w]
            y = 2000 + d if 2000 + d <= ctx.today.year else 1900 + d
            return ctx.days(date(y, 1, 1), date(y + 10, 1, 1), Grain.DECADE), j + 1
        k = j
        if self.punct(k, "'’"):
            k += 1
        v = self.num(k)
        if v is None or v % 10:
            return None
        nd = self.t[k].ndig
        k2 = k + 1
        if self.punct(k2, "'’") and self.glued(k2):
            k2 += 1
        if self.b(k2) != "s" or not self.glued(k2):
            return None
        if nd == 2:
            y = 2000 + v if 2000 + v <= ctx.today.year else 1900 + v
        elif nd == 4 and 1000 <= v <= 2990:
            y = v
            if v % 100 == 0 and v != 2000:
                # "the 1800s" is a century; "the 2000s" is the decade people mean.
                return ctx.days(date(v, 1, 1), date(v + 100, 1, 1), Grain.CENTURY), k2 + 1
        else:
            return None
        return ctx.days(date(y, 1, 1), date(y + 10, 1, 1), Grain.DECADE), k2 + 1

    def century(self, i: int) -> R:
        j = i + 1 if self.b(i) == "the" else i
        o = self.ordinal(j)
        if o is None or not 1 <= o[0] <= 29:
            return None
        k = o[1] + 1 if self.punct(o[1], "-") else o[1]
        if self.b(k) != "century":
            return None
        y = (o[0] - 1) * 100
        return self.ctx.days(date(max(y, 1), 1, 1), date(y + 100, 1, 1), Grain.CENTURY), k + 1

    def season_span(self, y: int, first: int) -> Span:
        return self.ctx.days(month_start(y, first), month_start(y, first + 3), Grain.SPAN, cycle=1)

    def season(self, i: int, cued: bool) -> R:
        ctx = self.ctx
        j = i
        mod = self.b(j)
        if mod in ("this", "next", "last", "coming", "past"):
            j += 1
        else:
            mod = ""
        if not mod and self.b(j) == "the":
            j += 1
        w = self.b(j)
        if w not in lex.SEASONS:
            return None
        first = lex.SEASONS[w]
        k = j + 1
        kk = k + 1 if self.b(k) == "of" else k
        y = self.year_num(kk)
        if y is not None and not mod:
            return self.season_span(y, first), kk + 1
        ys = self.yspec(kk) if kk > k and not mod else None
        if ys is not None:  # "the spring of next year"
            return self.season_span(ys[0], first), ys[1]
        if self.find and not mod and not cued and not self.cued(i):
            return None
        if mod == "this":
            # The season now under way; otherwise the coming one (past: the one just gone).
            y0 = ctx.today.year - (1 if first == 12 and ctx.today.month < 3 else 0)
            now = self.season_span(y0, first)
            if now.start <= ctx.ref < now.end:
                return now, k
            mod = ""
        how = {"": ctx.bare(), "next": "next", "coming": "next", "last": "last", "past": "last"}
        s = ctx.pick(lambda y: self.season_span(y, first), how[mod])
        if s is None:
            return None
        if self.b(k) in _SEASON_EVENTS:
            # "the summer recess", "the winter break": an institutional period whose dates
            # vary by country, body and year.  Only its season bounds it: a vague window,
            # which in future context never starts before the reference.
            start = s.start if ctx.past or s.start > ctx.ref else ctx.ref
            return Span(start, s.end, Grain.SPAN, vague=True, inside=True), k + 1
        return s, k

    def week_of(self, i: int) -> R:
        ctx = self.ctx
        j = i + 1 if self.b(i) == "the" else i
        for words, weekend in (
            (("week", "of"), False),
            (("weekend", "of"), True),
            (("week", "beginning"), False),
            (("week", "commencing"), False),
            (("week", "starting"), False),
            (("week", "ending"), False),
            (("week", "ended"), False),
        ):
            if j == i and words[1] == "of":
                continue  # "week of action": "the week of" needs its article
            k = self.seq(j, words)
            if k < 0:
                continue
            d = longest(self.day(k), self.range_(k))
            if d is None or (d[0].day is None and d[0].grain != Grain.DAY):
                return None
            on = d[0].day or d[0].start.astimezone(ctx.tz).date()
            if words[1] in ("ending", "ended"):
                return ctx.days(on - 6 * _DAY, on + _DAY, Grain.WEEK), d[1]
            mon = monday(on)
            if weekend:
                return ctx.weekend(mon + timedelta(days=5)), d[1]
            return ctx.week(mon), d[1]
        return None

    def nth_week(self, i: int) -> R:
        """ "the first week of March": the ISO week holding the month's first Thursday."""
        ctx = self.ctx
        j = i + 1 if self.b(i) == "the" else i
        o = self.ordinal(j, last=True)
        if o is None or not (o[0] == -1 or 1 <= o[0] <= 5):
            return None
        nth, k = o
        unit = self.b(k)
        if unit not in ("week", "weekend") or self.b(k + 1) not in ("of", "in"):
            return None
        k += 2

        def week(y: int, m: int) -> Span:
            if unit == "weekend":  # the weekend of the month's nth (last) Saturday
                sat = last_weekday(y, m, 5) if nth == -1 else nth_weekday(y, m, 5, nth)
                return ctx.weekend(sat)
            thursday = last_weekday(y, m, 3) if nth == -1 else nth_weekday(y, m, 3, nth)
            return ctx.week(monday(thursday))

        return self.in_month(k, week)

    def third(self, s: Span, which: int) -> Span:
        """The early (0), middle (1) or late (2) part of a window."""
        spec = _THIRDS.get(s.grain)
        ctx = self.ctx
        if spec is None:
            return s
        sub, parts = spec
        lo, hi = parts[which]
        start = s.start.astimezone(ctx.tz) if s.start.tzinfo is not None else s.start
        d0 = start.date()
        d1 = s.end.astimezone(ctx.tz).date()
        if s.grain == Grain.SPAN and add_months(d0, 3) != d1 and d1 > d0:
            # a span that is not a season ("Lent", "2025-2030"): thirds of its days
            n = (d1 - d0).days
            a, b = d0 + timedelta(days=n * which // 3), d0 + timedelta(days=n * (which + 1) // 3)
            return Span(at(a, ctx.tz), at(b, ctx.tz), s.grain) if b > a else s
        if sub == "day":
            a = d0 + timedelta(days=lo)
            bnd = min(d0 + timedelta(days=hi), s.end.astimezone(ctx.tz).date())
            return Span(at(a, ctx.tz), at(bnd, ctx.tz), s.grain)
        if sub == "month":
            return Span(at(add_months(d0, lo), ctx.tz), at(add_months(d0, hi), ctx.tz), s.grain)
        if sub == "year":
            return Span(
                at(add_months(d0, 12 * lo), ctx.tz), at(add_months(d0, 12 * hi), ctx.tz), s.grain
            )
        return Span(at(d0, ctx.tz, lo), at(d0, ctx.tz, hi), s.grain)

    def modified(self, i: int) -> R:
        """ "early March", "mid-2026", "the end of the year", "late next week", "year-end"."""
        j = i
        the = self.b(j) == "the"
        if the:
            j += 1
        w = self.b(j)
        # "year-end", "the month-end"
        if w in ("year", "month", "quarter", "week") and self.seq(j + 1, ("end",)) > 0:
            if self.glued(j + 1) or self.b(j + 1) == "end":
                k = self.seq(j + 1, ("end",))
                unit_span = self.unit_now(w)
                if unit_span is not None:
                    return self.third(unit_span, 2), k
            return None
        if w == "midweek" or (w == "mid" and self.punct(j + 1, "-") and self.b(j + 2) == "week"):
            # "midweek", "by mid-week": the middle of this week (the weekend rule applies)
            k = j + 1 if w == "midweek" else j + 3
            if self.b(k) in ("next", "last", "this"):
                return None
            this_week = self.week_now()
            return self.third(this_week, 1), k
        if w in ("tail", "back", "very") and self.b(j + 1) == "end":
            w, j = "end", j + 1  # "the tail end of the year"
        which = _MOD_WORDS.get(w)
        if which is None:
            return None
        k0 = self.seq(j + 1, ("to",)) if w in ("early", "mid") else -1
        if k0 > 0:
            # "mid-to-late March", "early-to-mid 2026": from one part to the other
            if self.punct(k0, "-"):
                k0 += 1
            w2 = self.b(k0)
            if w2 in ("mid", "late") and _MOD_WORDS[w2] > which:
                k1 = k0 + 2 if self.punct(k0 + 1, "-") else k0 + 1
                x = self.period(k1, cued=True)
                if x is not None:
                    a, b = self.third(x[0], which), self.third(x[0], _MOD_WORDS[w2])
                    return Span(a.start, b.end, x[0].grain), x[1]
        k = j + 1
        if w in ("end", "start", "beginning", "middle", "close", "turn"):
            if self.b(k) == "of" or (self.punct(k, "-") and self.glued(k) and not the):
                k += 1
            else:
                return None
        elif self.punct(k, "-–"):
            k += 1
        elif the:
            # "the early 1990s"
            dec = self.decade(k, cued=True)
            if dec is not None and w in ("early", "mid", "late"):
                return self.third(dec[0], which), dec[1]
            return None
        x = longest(self.period(k, cued=True), self.day(k) if w != "mid" else None)
        if x is None:
            return None
        span, k2 = x
        if w == "turn":
            turn = self.turn_of(span)
            return (turn, k2) if turn is not None else None
        if span.grain == Grain.DAY and w == "mid":
            return None
        return self.third(span, which), k2

    def unit_to(self, i: int) -> R:
        return self.memo("unit_to", i, self._unit_to)

    def _unit_to(self, i: int) -> R:
        """ "the year to date", "so far this month", "YTD": the period's start to the
        reference; "the year to March", "the three months to September" (as statistics
        are reported): that long, ending with the named period."""
        ctx = self.ctx
        if self.b(i) == "ytd" and self.t[i].text.isupper():
            return Span(ctx.year(ctx.today.year).start, ctx.ref, Grain.YEAR), i + 1
        k = self.seq(i, ("so", "far", "this"))
        if k > 0:
            cur = self.unit_now(self.b(k))
            if cur is not None and cur.start < ctx.ref:
                return Span(cur.start, ctx.ref, cur.grain), k + 1
            return None
        j = i + 1 if self.b(i) == "the" else i
        q = self.quantity(j)
        amount, k = (1.0, j) if q is None or self.b(j) in ("a", "an") else (q[0], q[2])
        if q is not None and q[1]:
            return None
        unit = self.b(k)
        u = self.unit(k)
        if u is None:
            return None
        k2 = self.seq(u[2], ("to",))
        if k2 < 0:
            return None
        if self.b(k2) == "date" or self.punct(k2, "-"):
            k3 = self.seq(k2, ("date",))
            cur = self.unit_now(unit) if amount == 1.0 else None
            if k3 < 0 or cur is None or cur.start >= ctx.ref:
                return None
            return Span(cur.start, ctx.ref, cur.grain), k3
        if j == i and q is None:
            return None  # "year to March" needs "the": "from year to year"
        x = longest(self.period(k2, cued=True), self.day(k2))
        if x is None:
            return None
        base, mult = u[0], u[1]
        end = x[0].end
        start = ctx.add(end, _whole([(base, amount * mult)]), -1)
        grain = Grain.WEEK if unit in ("week", "weeks") else lex.UNIT_GRAIN[base]
        return Span(start, end, grain), x[1]

    def turn_of(self, span: Span) -> Span | None:
        """ "the turn of the century": the late years of the decade before its start and
        the early years of its first decade (1997-2003 for 2000)."""
        if span.grain != Grain.CENTURY:
            return None
        y = span.start.astimezone(self.ctx.tz).year
        return self.ctx.days(date(y - 3, 1, 1), date(y + 4, 1, 1), Grain.DECADE)

    def week_now(self) -> Span:
        """ "this week": on a weekend, of a future event, the coming one."""
        ctx = self.ctx
        mon = monday(ctx.today)
        if ctx.today.weekday() >= 5 and ctx.tense == FUTURE:
            mon += _WEEK
        return ctx.week(mon)

    def unit_now(self, unit: str) -> Span | None:
        ctx = self.ctx
        today = ctx.today
        if unit == "year":
            return ctx.year(today.year)
        if unit == "month":
            return ctx.month(today.year, today.month)
        if unit == "quarter":
            return ctx.quarter(today.year, (today.month - 1) // 3 + 1)
        if unit == "week":
            return ctx.week(monday(today))
        return None

    def first_n_of(self, i: int) -> R:
        """ "the first six months of 2025", "the last two weeks of March"."""
        ctx = self.ctx
        if self.b(i) != "the" or self.b(i + 1) not in ("first", "last", "final"):
            return None
        first = self.b(i + 1) == "first"
        q = self.quantity(i + 2)
        amount, k = (1.0, i + 2) if q is None else (q[0], q[2])
        if q is not None and q[1]:
            return None
        u = self.unit(k)
        if u is None or self.b(u[2]) != "of":
            return None
        if q is None and u[3]:
            # "the last days of March", "the first weeks of the year": its early/late part
            x0 = self.period(u[2] + 1, cued=True)
            if x0 is None:
                return None
            return self.third(x0[0], 0 if first else 2), x0[1]
        base, mult, k2, _plural = u
        x = self.period(k2 + 1, cued=True)
        if x is None:
            return None
        span, k3 = x
        terms = _whole([(base, amount * mult)])
        grain = lex.UNIT_GRAIN[base]
        if self.b(k) in ("week", "weeks"):
            grain = Grain.WEEK
        if first:
            return Span(span.start, min(ctx.add(span.start, terms, 1), span.end), grain), k3
        return Span(max(ctx.add(span.end, terms, -1), span.start), span.end, grain), k3

    def this_time(self, i: int) -> R:
        """ "this time next year", "this time last week"."""
        ctx = self.ctx
        k = self.seq(i, ("this", "time"))
        if k < 0:
            return None
        w = self.b(k)
        if w in ("tomorrow", "yesterday"):
            return ctx.day(ctx.today + (_DAY if w == "tomorrow" else -_DAY)), k + 1
        unit = self.b(k + 1)
        if w not in ("next", "last") or unit not in ("week", "month", "year"):
            return None
        sign = 1 if w == "next" else -1
        terms: list[tuple[str, float]] = [
            {"week": ("day", 7.0), "month": ("month", 1.0), "year": ("year", 1.0)}[unit]
        ]
        return ctx.day(ctx.add(ctx.ref, terms, sign).date()), k + 2

    def new_year(self, i: int) -> R:
        """ "(in) the new year": the coming January."""
        ctx = self.ctx
        k = self.seq(i, ("the", "new", "year"))
        if k < 0:
            return None
        s = ctx.pick(lambda y: ctx.month(y, 1), "next")
        return (s, k) if s is not None else None


def longest_parts(
    *results: tuple[int, int, int | None, int] | None,
) -> tuple[int, int, int | None, int] | None:
    best: tuple[int, int, int | None, int] | None = None
    for r in results:
        if r is not None and (best is None or r[3] > best[3]):
            best = r
    return best

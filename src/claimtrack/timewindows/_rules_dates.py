"""Rules for written dates, month names and year specifications.

Values: ``month`` a month number; ``yspec`` and ``yafter`` a :data:`YSpec`; ``date`` a
:class:`DateP` (day, month and maybe a year, as written: a numeric date keeps its two
numbers in writing order, for the resolver's date order to read); ``monthref`` a
:class:`MonthRef`; ``mrel`` a month counted from the reference's (int).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import _lexicon as lex
from ._engine import M, Rule
from ._guards import WEAK_CUES, cued, punct
from ._rules_numbers import R, alts
from ._values import Ctx

# A year as written: ("y", 2026), ("d", +1) for "next year", ("f", 2027) for "FY2027".
YSpec = tuple[str, int]

_MONTH_WORDS = {**lex.MONTHS, **lex.MONTH_ABBR}
_REL = {"this": 0, "current": 0, "next": 1, "last": -1, "following": 1, "previous": -1}
_REL |= {"coming": 1}


def year_of(ctx: Ctx, ys: YSpec) -> int:
    """The calendar year a year specification names (a fiscal year: the year it ends in)."""
    return ctx.today.year + ys[1] if ys[0] == "d" else ys[1]


@dataclass(frozen=True, slots=True)
class DateP:
    """A written date: ``day``/``month`` (for a numeric date, its first and second
    numbers), the year if written, and whether it was numeric ("20/03")."""

    day: int
    month: int
    year: YSpec | None = None
    numeric: bool = False

    def parts(self, ctx: Ctx) -> tuple[int, int]:
        """(day, month) in the context's date order; ValueError if no order fits."""
        if not self.numeric:
            return self.day, self.month
        d, m = (self.day, self.month) if ctx.day_first else (self.month, self.day)
        if m > 12 and d <= 12:
            d, m = m, d
        if not (1 <= m <= 12 and 1 <= d <= 31):
            raise ValueError("no such date")
        return d, m

    def on(self, ctx: Ctx, year: int) -> date:
        d, m = self.parts(ctx)
        return date(year, m, d)


@dataclass(frozen=True, slots=True)
class MonthRef:
    """A month: its number, the year if written, "this/next/last/..." if said."""

    month: int
    year: YSpec | None = None
    mod: str = ""


def _month(m: M) -> int | None:
    w: str = m["w"]
    if m.has("p") and w not in lex.MONTH_ABBR:
        return None
    if w in lex.AMBIGUOUS_MONTHS and not m.toks[m.i].cap:
        return None  # "may", "march": the verbs
    if m.base(m.i - 1) in ("every", "each"):
        return None  # "every March": a recurring month, not one
    return _MONTH_WORDS[w]


def _dom_num(m: M) -> int | None:
    v: int = m["d2"]
    nxt = m.tok(m.j)
    if nxt is not None and not nxt.gap and nxt.kind == "p" and nxt.text in ":/":
        return None  # a clock time or a numeric date
    return v if 1 <= v <= 31 else None


def _dom_ord(m: M) -> int | None:
    v: int = m["ord"]
    return v if 1 <= v <= 31 else None


def _ys_rel(m: M) -> YSpec | None:
    if m.has("the") and m["mod"] in ("next", "last"):
        return None  # "the next year" is a rolling year, not the calendar one
    return ("d", _REL[m["mod"]])


def _dmy(m: M) -> DateP | None:
    word_ord = m.toks[m.i + (1 if m.has("the") else 0)].kind == "w"
    if (m.has("the") or word_ord) and not m.has("of"):
        return None  # "the twentieth" needs "of": "the twentieth of March"
    return DateP(m["dom"], m["month"], m["yafter"])


def _mdy(m: M) -> DateP | None:
    if not m.has("yafter"):
        nxt = m.tok(m.j)
        if m.base(m.j) in ("am", "pm") or (nxt is not None and nxt.text == ":"):
            return None  # "March 3:30" is no date
    return DateP(m["dom"], m["month"], m["yafter"])


def _numeric(m: M) -> DateP | None:
    toks = m.toks
    a, b = m["a"], m["b"]
    sep = m["s1"]
    three = m.has("c")
    if m.has("s2") != three:
        return None
    if toks[m.i + 2].ndig > 2:
        return None
    if three and m["s2"] != sep:
        return None
    if punct(m, m.j, "/.-:") and not toks[m.j].gap:
        nxt = m.tok(m.j + 1)
        if nxt is not None and nxt.kind == "n" and not nxt.gap:
            return None  # more parts than a date has: a version or a score
    if toks[m.i].ndig == 4:
        if not three or sep == "." or toks[m.j - 1].ndig > 2:
            return None
        return DateP(m["c"], b, ("y", a))
    if toks[m.i].ndig > 2:
        return None
    year: YSpec | None = None
    if three:
        nd = toks[m.j - 1].ndig
        if nd == 4:
            year = ("y", m["c"])
        elif nd == 2:
            year = ("y", 2000 + m["c"])
        else:
            return None
    elif sep != "/":
        return None
    if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
        return None
    if year is None and not cued(m):
        return None
    return DateP(a, b, year, numeric=True)


def _compact(m: M) -> DateP | None:
    t = m.toks[m.i]
    if t.ndig != 8 or not cued(m):
        return None
    y, md = divmod(t.val, 10000)
    mo, d = divmod(md, 100)
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return DateP(d, mo, ("y", y)) if 1900 <= y <= 2100 else None


def _foreign(m: M) -> DateP | None:
    v: int = m["d2"]
    if not 1 <= v <= 31:
        return None
    return DateP(v, lex.FOREIGN_MONTHS[m["fm"]], ("y", m["year"]) if m.has("year") else None)


def _monthref_year(m: M) -> MonthRef:
    return MonthRef(m["month"], m["yafter"])


def _monthref_mod(m: M) -> MonthRef:
    return MonthRef(m["month"], None, {"coming": "next", "past": "last"}.get(m["mod"], m["mod"]))


#: Nouns a month name before them dates: "sets a March deadline", "a June target".
_DATED_NOUNS = frozenset({"deadline", "deadlines", "target", "cutoff", "cut-off"})


def _monthref_bare(m: M) -> MonthRef | None:
    if not cued(m) and m.base(m.j) not in _DATED_NOUNS:
        return None
    w = m.base(m.i)
    if (
        m.find
        and w in lex.AMBIGUOUS_MONTHS
        and w in lex.MONTH_ABBR
        and m.base(m.i - 1) in WEAK_CUES
    ):
        return None  # "Ant and Dec": a bare abbreviation needs a real cue
    return MonthRef(m["month"])


_YEAR_WORDS = "this|next|last|current|following|previous|coming:mod"

RULES: list[Rule] = [
    R(
        "month-name",
        "month",
        f"{alts(_MONTH_WORDS)}:w ~%.?",
        _month,
        ("March", "Sept.", "oct"),
        ("may", "march"),
    ),
    R("day-number", "dom", "#d2", _dom_num, ("20",)),
    R("day-ordinal", "dom", "<ord>", _dom_ord, ("20th", "twenty-first", "first")),
    # -- years ------------------------------------------------------------------------
    R("year-digits", "yspec", "#year", lambda m: ("y", m["year"]), ("2026",)),
    R("year-words", "yspec", "<yearw>", lambda m: ("y", m["yearw"]), ("twenty twenty-six",)),
    R("year-relative", "yspec", f"the? {_YEAR_WORDS} year", _ys_rel, ("next year",)),
    R("year-the", "yspec", "the year", lambda m: ("d", 0), ("the year",)),
    R(
        "yspec-fiscal",
        "yspec",
        "fy|fiscal|financial year? #year",
        lambda m: ("f", m["year"]),
        ("FY2027", "fiscal year 2026"),
    ),
    R("yspec-fiscal-short", "yspec", "fy ~#d2", lambda m: ("f", 2000 + m["d2"]), ("FY27",)),
    R("date-year", "yafter", "%,? #year", lambda m: ("y", m["year"]), (", 2026",)),
    R("date-year-words", "yafter", "%,? <yearw>", lambda m: ("y", m["yearw"])),
    R(
        "date-year-relative",
        "yafter",
        "%,? this|next|last:mod year",
        lambda m: ("d", _REL[m["mod"]]),
        ("next year",),
    ),
    # -- written dates ------------------------------------------------------------------
    R(
        "date-day-month",
        "date",
        "the? <dom> of? <month> <yafter>?",
        _dmy,
        ("20 March", "the 20th of March 2025", "the twelfth of May 2027", "3 Dec."),
        ("the twentieth March",),
    ),
    R(
        "date-nth-day-of-month",
        "date",
        "the? <dom> day of <month> <yafter>?",
        lambda m: DateP(m["dom"], m["month"], m["yafter"]),
        ("the ninth day of November",),
    ),
    R(
        "date-month-day",
        "date",
        "<month> the? <dom> <yafter>?",
        _mdy,
        ("March 20th", "Sept. 9, 2027", "June first", "October the 5th", "March twenty-first"),
    ),
    R(
        "date-numeric",
        "date",
        "#num:a ~%/.-:s1 ~#num:b ~%/.-:s2? ~#num:c?",
        _numeric,
        ("20/03/2025", "2025-03-20", "20.03.2025", "20/03/25"),
        ("1.2.3",),
    ),
    R("date-compact", "date", "#num", _compact, ("20261016",), ("20261399",)),
    R(
        "date-foreign",
        "date",
        f"le|el|il|am|den? #d2 ~%.? de|del|di? {alts(lex.FOREIGN_MONTHS)}:fm de|del|di|%,? #year?",
        _foreign,
        ("20 mars 2025", "20. März", "20 de marzo de 2025"),
    ),
    # -- months -----------------------------------------------------------------------
    R("month-with-year", "monthref", "<month> of? <yafter>", _monthref_year, ("March 2026",)),
    R(
        "month-relative",
        "monthref",
        "this|next|last|coming|past:mod <month>",
        _monthref_mod,
        ("next March",),
    ),
    R("month-bare", "monthref", "<month>", _monthref_bare, ("March",)),
    R(
        "the-month-of",
        "monthref",
        "the month of <monthref>",
        lambda m: m["monthref"],
        ("the month of May",),
    ),
    R(
        "month-counted",
        "mrel",
        "the? this|next|last|following|previous|coming|current:mod month",
        lambda m: _REL[m["mod"]],
        ("next month", "the coming month"),
    ),
    R("month-the", "mrel", "the month", lambda m: 0, ("the month",)),
]

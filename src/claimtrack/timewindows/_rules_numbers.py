"""Rules for numbers, ordinals, years in words, units and durations.

Values: ``small`` and ``count`` are numbers (int, float), ``ord`` an ordinal (int, -1
for "last"), ``yearw`` a year written in words (int), ``unit`` a
``(base, multiplier, plural, word)`` tuple, ``qty`` an ``(amount, vague)`` pair,
``term`` one ``(base, amount, vague, word)`` term of a duration, ``dur`` a
:class:`~._values.Dur`.
"""

from __future__ import annotations

from typing import Any

from . import _lexicon as lex
from ._engine import M, Rule
from ._values import Dur, whole

ROLLING_WORDS = frozenset({"next", "coming", "following", "past", "last", "previous"})
_UNIT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
_UNIT_WORDS |= {6: "six", 7: "seven", 8: "eight", 9: "nine"}


def alts(words: Any) -> str:
    """A pattern element matching any of ``words``."""
    return "|".join(sorted(words))


def R(
    name: str,
    cat: str,
    pattern: str,
    prod: Any,
    examples: tuple[str, ...] = (),
    rejects: tuple[str, ...] = (),
) -> Rule:
    return Rule(name, cat, pattern, prod, examples, rejects)


def _tens(m: M) -> int | None:
    v: int = lex.TENS_WORDS[m["tens"]]
    if m.has("unit"):
        return v + lex.NUMBER_WORDS[m["unit"]]
    if m.has("p"):
        return None
    return v


def _decimal(m: M) -> float:
    frac = m.toks[m.j - 1]
    value: float = m["x"] + m["y"] / 10**frac.ndig
    return value


def _hundreds(m: M) -> float | None:
    a = m["x"] if m.has("x") else 1
    b = m["y"] if m.has("y") else 0
    if m.has("and") and not m.has("y"):
        return None
    return float(a * 100 + b)


def _bare_hundred(m: M) -> float | None:
    if m.base(m.i - 1) not in ROLLING_WORDS:
        return None  # "the next hundred years"; elsewhere "hundred" needs a count
    return _hundreds(m)


def _year_thousand(m: M) -> int | None:
    a, b = m["x"], m["y"] if m.has("y") else 0
    if a not in (1, 2) or (m.has("and") and not m.has("y")):
        return None
    return int(1000 * a + b)


def _year_pair(m: M) -> int | None:
    a, b = m["x"], m["y"]
    if not 10 <= a <= 29 or not 10 <= b <= 99:
        return None  # "nineteen ninety-six", "twenty twenty-six"; not "three twenty"
    return int(100 * a + b)


def _ord_tens(m: M) -> int | None:
    u = lex.ORDINAL_WORDS[m["u"]]
    return lex.ORDINAL_TENS[m["tens"]] + u if u < 10 else None


def _unit(m: M) -> tuple[str, int, bool, str]:
    w: str = m["u"]
    base, mult = lex.UNITS[w]
    plural = w.endswith("s") or w == "centuries"
    return base, mult, plural, w


def _qty_range(m: M) -> tuple[float, bool] | None:
    a, b = m["x"], m["y"]
    return (b, True) if b > a else None  # "two or three", "five to ten": vague


def _qty_half(m: M) -> tuple[float, bool]:
    return m["x"] + 0.5, False


def _term(m: M) -> tuple[str, float, bool, str] | None:
    amount, vague = m["qty"]
    base, mult, _plural, word = m["unit"]
    if word in ("second", "seconds") and m.base(m.j - 2) in ("a", "an"):
        return None  # "a second" is an ordinal far more often than a unit
    if "half" in m.rule.names:
        amount += 0.5
    if "or" in m.rule.names:
        if "so" in m.rule.names:
            vague = True
        elif m["more"] > amount:
            vague = True  # "a day or two"
            if m.has("unit2") and m["unit2"][0] != base:
                return None
        else:
            return None
    return base, amount * mult, vague, word


def _dur(m: M) -> Dur | None:
    first = m["term"]
    terms = [first]
    if m.has("dur"):
        rest: Dur = m["dur"]
        if rest.vague or len(rest.terms) >= 6:
            return None
        terms.extend((b, a, False, "") for b, a in rest.terms)
    elif m.has("sep"):
        return None
    if first[2]:
        if len(terms) > 1:
            return None
        return Dur(((first[3].rstrip("s"), 1.0),), True, first[3].rstrip("s"))
    return Dur(whole(tuple((t[0], t[1]) for t in terms)), False, first[3].rstrip("s"))


def _count_small(m: M) -> float:
    return float(m["small"])


RULES: list[Rule] = [
    # -- numbers in words -----------------------------------------------------------
    R(
        "number-word",
        "small",
        alts(lex.NUMBER_WORDS) + ":w",
        lambda m: lex.NUMBER_WORDS[m["w"]],
        ("seven",),
    ),
    R(
        "number-tens",
        "small",
        f"{alts(lex.TENS_WORDS)}:tens %-? {alts(_UNIT_WORDS.values())}:unit?",
        _tens,
        ("twenty-one", "forty two", "ninety"),
    ),
    R("count-digits", "count", "#num", lambda m: float(m["num"]), ("30",)),
    R("count-decimal", "count", "#num:x ~%. ~#num:y", _decimal, ("1.5",)),
    R("count-words", "count", "<small>", _count_small, ("three",)),
    R(
        "count-hundreds",
        "count",
        "<small:x> hundred and? <small:y>?",
        _hundreds,
        ("two hundred and fifty", "three hundred"),
    ),
    R("count-a-hundred", "count", "a|an hundred and? <small:y>?", _hundreds, ("a hundred",)),
    R("count-bare-hundred", "count", "hundred and? <small:y>?", _bare_hundred),
    # -- years in words -------------------------------------------------------------
    R(
        "year-thousand-words",
        "yearw",
        "<small:x> thousand and? <small:y>?",
        _year_thousand,
        ("two thousand and twenty-six", "two thousand"),
    ),
    R(
        "year-pair-words",
        "yearw",
        "<small:x> <small:y>",
        _year_pair,
        ("nineteen ninety-six", "twenty twenty-seven"),
        ("three twenty",),
    ),
    # -- ordinals -------------------------------------------------------------------
    R("ordinal-digits", "ord", "#ord", lambda m: m["ord"], ("20th", "1st")),
    R("ordinal-word", "ord", alts(lex.ORDINAL_WORDS) + ":w", lambda m: lex.ORDINAL_WORDS[m["w"]]),
    R(
        "ordinal-tens",
        "ord",
        f"twenty|thirty:tens %-? {alts(lex.ORDINAL_WORDS)}:u",
        _ord_tens,
        ("twenty-first", "thirty first"),
    ),
    R("ordinal-or-last", "ordl", "<ord>", None),
    R("ordinal-last", "ordl", "last|final", lambda m: -1, ("last", "final")),
    # -- units and quantities ---------------------------------------------------------
    R("unit", "unit", alts(lex.UNITS) + ":u", _unit, ("days", "fortnight", "hrs")),
    R(
        "unit-business-days",
        "unit",
        f"{alts(lex.BUSINESS_ADJ)} day|days:u",
        lambda m: ("bday", 1, m["u"] == "days", m["u"]),
        ("business days", "working day"),
    ),
    R(
        "unit-calendar-days",
        "unit",
        "calendar day|days:u",
        lambda m: ("day", 1, m["u"] == "days", m["u"]),
    ),
    R("qty-couple", "qty", "a|an? couple of", lambda m: (2.0, False), ("a couple of",)),
    R("qty-a-few", "qty", "a|an few", lambda m: (3.0, True)),
    R("qty-few", "qty", "few|several|some|many", lambda m: (3.0, True), ("several",)),
    R("qty-a-number", "qty", "a|an number of", lambda m: (3.0, True)),
    R("qty-dozen", "qty", "a|an dozen", lambda m: (12.0, False)),
    R("qty-half-a", "qty", "half a|an", lambda m: (0.5, False), ("half an",)),
    R("qty-range", "qty", "<count:x> or|to <count:y>", _qty_range, ("two or three",)),
    R("qty-range-dash", "qty", "<count:x> %-– <count:y>", _qty_range, ("3-4",)),
    R("qty-and-a-half", "qty", "<count:x> and a half", _qty_half, ("two and a half",)),
    R("qty-count", "qty", "<count>", lambda m: (m["count"], False), ("30", "three")),
    R("qty-a", "qty", "a|an", lambda m: (1.0, False)),
    # -- durations ------------------------------------------------------------------
    R(
        "duration-term",
        "term",
        "<qty> <unit>",
        _term,
        ("30 days", "a fortnight", "three weeks"),
        ("a second",),
    ),
    R("duration-term-and-a-half", "term", "<qty> <unit> and a half", _term, ("a year and a half",)),
    R(
        "duration-term-or-more",
        "term",
        "<qty> <unit> or <count:more> <unit:unit2>?",
        _term,
        ("a day or two", "a week or two weeks"),
    ),
    R("duration-term-or-so", "term", "<qty> <unit> or so", _term, ("a week or so",)),
    R(
        "duration",
        "dur",
        "<term> %,:sep? and? <dur>?",
        _dur,
        ("2 years 21 days", "a year and a half", "three weeks"),
    ),
]

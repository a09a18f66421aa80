"""Word lists of the time grammar: numbers, units, calendar names, holidays, cues.

Everything is keyed by the lower-case *base* of a token (see ``_tokens``): the word with
a possessive ``'s`` or trailing ``'`` removed, so "year's" and "years'" key as "year"
and "years".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from claimtrack.model import Grain
from claimtrack.text import words

from ._calendar import easter, last_weekday, nth_weekday

# Weekday and month names come from the shared word lists (claimtrack/text/wordlists).
WEEKDAYS: dict[str, int] = dict(words.WEEKDAYS)
# Plurals: "on Mondays" is a habit, not one day.
WEEKDAYS.update({f"{w}s": v for w, v in words.WEEKDAYS.items()})
# Abbreviations double as ordinary words ("Sun", "Sat", "Wed"), so they count only
# next to a date, after a cue, or with a full stop.
WEEKDAY_ABBR: dict[str, int] = dict(words.WEEKDAY_ABBREVIATIONS)

MONTHS: dict[str, int] = dict(words.MONTHS)
MONTH_ABBR: dict[str, int] = dict(words.MONTH_ABBREVIATIONS)
# Month names that are also common English words: they count only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "mar", "jan", "jun", "dec", "sept"})

# Month names of other languages news is written in.  They count only beside a day
# number ("20 mars 2025", "20. März", "20 de marzo de 2025"): alone, "Mars" is a planet.
FOREIGN_MONTHS: dict[str, int] = {
    # French
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    # German
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    # Spanish
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # Italian
    "gennaio": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "settembre": 9,
    "ottobre": 10,
    "dicembre": 12,
    # Portuguese
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "setembro": 9,
    "outubro": 10,
    "dezembro": 12,
    # Dutch
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "mei": 5,
    "augustus": 8,
}
# Words that join a foreign day, month and year ("20 de marzo de 2025", "le 20 mars").
FOREIGN_GLUE = frozenset({"de", "del", "di"})

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINAL_WORDS: dict[str, int] = dict(words.ORDINALS)
ORDINAL_TENS: dict[str, int] = {"twenty": 20, "thirty": 30}
# Decades written as words ("the nineties"); the century is chosen from the reference.
DECADE_WORDS: dict[str, int] = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
    "noughties": 0,
}

# Duration units: base unit and multiplier.  Bases are applied largest first.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("second", 1),
    "seconds": ("second", 1),
    "sec": ("second", 1),
    "secs": ("second", 1),
    "minute": ("minute", 1),
    "minutes": ("minute", 1),
    "min": ("minute", 1),
    "mins": ("minute", 1),
    "hour": ("hour", 1),
    "hours": ("hour", 1),
    "hr": ("hour", 1),
    "hrs": ("hour", 1),
    "day": ("day", 1),
    "days": ("day", 1),
    "night": ("day", 1),
    "nights": ("day", 1),
    "week": ("day", 7),
    "weeks": ("day", 7),
    "wk": ("day", 7),
    "wks": ("day", 7),
    "fortnight": ("day", 14),
    "fortnights": ("day", 14),
    "month": ("month", 1),
    "months": ("month", 1),
    "quarter": ("month", 3),
    "quarters": ("month", 3),
    "year": ("year", 1),
    "years": ("year", 1),
    "yr": ("year", 1),
    "yrs": ("year", 1),
    "decade": ("year", 10),
    "decades": ("year", 10),
    "century": ("year", 100),
    "centuries": ("year", 100),
    "weekday": ("bday", 1),
    "weekdays": ("bday", 1),
}
# "business days", "working days", "trading days": weekends skipped.
BUSINESS_ADJ = frozenset({"business", "working", "work", "trading", "school"})
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

# Calendar periods named by "this/next/last <unit>".
PERIOD_UNITS = frozenset(
    {"day", "week", "weekend", "fortnight", "month", "quarter", "year", "decade", "century"}
)

PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    # (start hour, end hour) on the day; end may pass midnight.
    "morning": (6, 12),
    "afternoon": (12, 18),
    "evening": (18, 24),
    "night": (18, 24),
    "lunchtime": (12, 14),
    "overnight": (18, 30),
}

SEASONS: dict[str, int] = {
    # meteorological seasons of the northern hemisphere: first month
    "spring": 3,
    "summer": 6,
    "autumn": 9,
    "fall": 9,
    "winter": 12,
}

# Time-zone abbreviations: an IANA zone, or a fixed offset in minutes.
TIMEZONES: dict[str, str | int] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "et": "America/New_York",
    "est": -300,
    "edt": -240,
    "ct": "America/Chicago",
    "cst": -360,
    "cdt": -300,
    "mt": "America/Denver",
    "mst": -420,
    "mdt": -360,
    "pt": "America/Los_Angeles",
    "pst": -480,
    "pdt": -420,
    "jst": 540,
    "kst": 540,
    "hkt": 480,
    "sgt": 480,
    "aest": 600,
    "aedt": 660,
}

# Zones named in words, after a clock time: "10am UK time", "3pm Eastern".
ZONE_NAMES: dict[str, str] = {
    "uk": "Europe/London",
    "london": "Europe/London",
    "british": "Europe/London",
    "irish": "Europe/Dublin",
    "paris": "Europe/Paris",
    "brussels": "Europe/Brussels",
    "berlin": "Europe/Berlin",
    "moscow": "Europe/Moscow",
    "kyiv": "Europe/Kyiv",
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "washington": "America/New_York",
    "beijing": "Asia/Shanghai",
    "tokyo": "Asia/Tokyo",
    "delhi": "Asia/Kolkata",
    "indian": "Asia/Kolkata",
    "sydney": "Australia/Sydney",
}
# The ones that name a zone without "time" after them.
ZONE_NAMES_ALONE = frozenset({"eastern", "pacific"})

# Words that, just before a bare month or year, make it a date rather than a name or a
# count ("in May" vs "Theresa May", "by 2030" vs "2030 people").
CUES = frozenset(
    {
        "in",
        "on",
        "by",
        "since",
        "until",
        "till",
        "til",
        "from",
        "before",
        "after",
        "during",
        "of",
        "through",
        "throughout",
        "to",
        "between",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "end",
        "start",
        "beginning",
        "last",
        "next",
        "this",
        "past",
        "coming",
        "around",
        "about",
        "circa",
        "for",
        "than",
        "as",
        "into",
        "within",
        "at",
        "via",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    }
)


Rule = Callable[[int], date]


def _fixed(month: int, day: int) -> Rule:
    return lambda y: date(y, month, day)


def _easter_plus(days: int) -> Rule:
    return lambda y: easter(y) + timedelta(days=days)


def _nth(month: int, weekday: int, n: int) -> Rule:
    return lambda y: nth_weekday(y, month, weekday, n)


def _last(month: int, weekday: int) -> Rule:
    return lambda y: last_weekday(y, month, weekday)


def _us_election(y: int) -> date:
    # The Tuesday after the first Monday of November.
    return nth_weekday(y, 11, 0, 1) + timedelta(days=1)


# Holidays: words (token bases, full stops skipped) -> (first day from the year, days).
# Computed from rules, never tabulated by year.
_H: list[tuple[str, Rule, int]] = [
    ("christmas", _fixed(12, 25), 1),
    ("christmas day", _fixed(12, 25), 1),
    ("xmas", _fixed(12, 25), 1),
    ("xmas day", _fixed(12, 25), 1),
    ("christmas eve", _fixed(12, 24), 1),
    ("boxing day", _fixed(12, 26), 1),
    ("st stephen day", _fixed(12, 26), 1),
    ("new year day", _fixed(1, 1), 1),
    ("new years day", _fixed(1, 1), 1),
    ("new year", _fixed(1, 1), 1),
    ("new year eve", _fixed(12, 31), 1),
    ("new years eve", _fixed(12, 31), 1),
    ("hogmanay", _fixed(12, 31), 1),
    ("epiphany", _fixed(1, 6), 1),
    ("twelfth night", _fixed(1, 5), 1),
    ("burns night", _fixed(1, 25), 1),
    ("australia day", _fixed(1, 26), 1),
    ("groundhog day", _fixed(2, 2), 1),
    ("valentine day", _fixed(2, 14), 1),
    ("valentines day", _fixed(2, 14), 1),
    ("st valentine day", _fixed(2, 14), 1),
    ("saint valentine day", _fixed(2, 14), 1),
    ("st david day", _fixed(3, 1), 1),
    ("saint david day", _fixed(3, 1), 1),
    ("international women day", _fixed(3, 8), 1),
    ("women day", _fixed(3, 8), 1),
    ("st patrick day", _fixed(3, 17), 1),
    ("saint patrick day", _fixed(3, 17), 1),
    ("st paddy day", _fixed(3, 17), 1),
    ("april fools day", _fixed(4, 1), 1),
    ("april fool day", _fixed(4, 1), 1),
    ("earth day", _fixed(4, 22), 1),
    ("st george day", _fixed(4, 23), 1),
    ("saint george day", _fixed(4, 23), 1),
    ("anzac day", _fixed(4, 25), 1),
    ("may day", _fixed(5, 1), 1),
    ("labour day", _fixed(5, 1), 1),
    ("ve day", _fixed(5, 8), 1),
    ("v e day", _fixed(5, 8), 1),
    ("juneteenth", _fixed(6, 19), 1),
    ("canada day", _fixed(7, 1), 1),
    ("independence day", _fixed(7, 4), 1),
    ("fourth of july", _fixed(7, 4), 1),
    ("the fourth of july", _fixed(7, 4), 1),
    ("bastille day", _fixed(7, 14), 1),
    ("halloween", _fixed(10, 31), 1),
    ("hallowe'en", _fixed(10, 31), 1),
    ("all saints day", _fixed(11, 1), 1),
    ("all souls day", _fixed(11, 2), 1),
    ("bonfire night", _fixed(11, 5), 1),
    ("guy fawkes night", _fixed(11, 5), 1),
    ("guy fawkes day", _fixed(11, 5), 1),
    ("armistice day", _fixed(11, 11), 1),
    ("remembrance day", _fixed(11, 11), 1),
    ("veterans day", _fixed(11, 11), 1),
    ("st andrew day", _fixed(11, 30), 1),
    ("saint andrew day", _fixed(11, 30), 1),
    # Moveable feasts, from the Gregorian computus.
    ("easter", _easter_plus(0), 1),
    ("easter sunday", _easter_plus(0), 1),
    ("easter day", _easter_plus(0), 1),
    ("easter monday", _easter_plus(1), 1),
    ("easter saturday", _easter_plus(-1), 1),
    ("holy saturday", _easter_plus(-1), 1),
    ("good friday", _easter_plus(-2), 1),
    ("maundy thursday", _easter_plus(-3), 1),
    ("holy thursday", _easter_plus(-3), 1),
    ("palm sunday", _easter_plus(-7), 1),
    ("mothering sunday", _easter_plus(-21), 1),
    ("ash wednesday", _easter_plus(-46), 1),
    ("shrove tuesday", _easter_plus(-47), 1),
    ("pancake day", _easter_plus(-47), 1),
    ("mardi gras", _easter_plus(-47), 1),
    ("ascension day", _easter_plus(39), 1),
    ("pentecost", _easter_plus(49), 1),
    ("whit sunday", _easter_plus(49), 1),
    ("whitsunday", _easter_plus(49), 1),
    ("whitsun", _easter_plus(49), 1),
    ("whit monday", _easter_plus(50), 1),
    ("corpus christi", _easter_plus(60), 1),
    ("lent", _easter_plus(-46), 46),  # Ash Wednesday to Holy Saturday
    ("holy week", _easter_plus(-7), 7),  # Palm Sunday to Holy Saturday
    ("easter weekend", _easter_plus(-2), 4),
    ("the easter weekend", _easter_plus(-2), 4),
    ("easter bank holiday", _easter_plus(1), 1),
    # Fixed by weekday.
    ("thanksgiving", _nth(11, 3, 4), 1),
    ("thanksgiving day", _nth(11, 3, 4), 1),
    ("thanksgiving weekend", _nth(11, 3, 4), 4),
    ("black friday", lambda y: nth_weekday(y, 11, 3, 4) + timedelta(days=1), 1),
    ("cyber monday", lambda y: nth_weekday(y, 11, 3, 4) + timedelta(days=4), 1),
    ("martin luther king day", _nth(1, 0, 3), 1),
    ("martin luther king jr day", _nth(1, 0, 3), 1),
    ("mlk day", _nth(1, 0, 3), 1),
    ("presidents day", _nth(2, 0, 3), 1),
    ("president day", _nth(2, 0, 3), 1),
    ("washington birthday", _nth(2, 0, 3), 1),
    ("mother day", _nth(5, 6, 2), 1),
    ("mothers day", _nth(5, 6, 2), 1),
    ("memorial day", _last(5, 0), 1),
    ("father day", _nth(6, 6, 3), 1),
    ("fathers day", _nth(6, 6, 3), 1),
    ("labor day", _nth(9, 0, 1), 1),
    ("columbus day", _nth(10, 0, 2), 1),
    ("indigenous peoples day", _nth(10, 0, 2), 1),
    ("election day", _us_election, 1),
    ("remembrance sunday", _nth(11, 6, 2), 1),
    ("early may bank holiday", _nth(5, 0, 1), 1),
    ("may bank holiday", _nth(5, 0, 1), 1),
    ("spring bank holiday", _last(5, 0), 1),
    ("late may bank holiday", _last(5, 0), 1),
    ("summer bank holiday", _last(8, 0), 1),
    ("august bank holiday", _last(8, 0), 1),
]
HOLIDAYS: dict[tuple[str, ...], tuple[Rule, int]] = {
    tuple(words.split()): (rule, length) for words, rule, length in _H
}
HOLIDAY_FIRST = frozenset(key[0] for key in HOLIDAYS)
# Holiday names that are also common words ("he lent me"): only capitalised, and in
# running text only after a cue ("during Lent").
HOLIDAY_CAPITALISED = frozenset({"lent"})
HOLIDAY_MAX_WORDS = max(len(key) for key in HOLIDAYS)

# Vague phrases: (words, direction, span).  Direction +1 runs forward from the reference,
# -1 backward to it.  Spans are the documented guesses (docs/time-windows.md).
_DAY = timedelta(days=1)
VAGUE: dict[tuple[str, ...], tuple[int, timedelta]] = {}


def _vague(direction: int, span: timedelta, *phrases: str) -> None:
    for phrase in phrases:
        VAGUE[tuple(phrase.split())] = (direction, span)


_vague(1, 30 * _DAY, "soon", "very soon", "before long", "as soon as possible", "asap")
_vague(1, 30 * _DAY, "sooner or later", "at the earliest opportunity", "quickly")
_vague(1, 7 * _DAY, "shortly", "imminently", "any day now", "any time now", "in short order")
_vague(1, _DAY, "immediately", "straight away", "straightaway", "right away", "at once")
_vague(1, 90 * _DAY, "in the near future", "in the near term", "in the not too distant future")
_vague(1, 90 * _DAY, "in the not distant future", "near term")
_vague(1, 365 * _DAY, "in the foreseeable future", "in due course", "at a later date")
_vague(1, 365 * _DAY, "at a later stage", "at some point", "at some stage", "in the short term")
_vague(1, 5 * 365 * _DAY, "in the medium term", "over the medium term", "in the years ahead")
_vague(1, 10 * 365 * _DAY, "in the long term", "in the longer term", "over the long term")
_vague(1, 10 * 365 * _DAY, "eventually", "in the long run", "some day", "someday")
# "one day" is left out: far more often a length ("a one-day strike", "one day later").
_vague(-1, 30 * _DAY, "recently", "lately", "of late", "just recently", "in recent times")
_vague(-1, 365 * _DAY, "in the recent past")

# Vague spans by unit, for "in the coming days", "within weeks", "a few months ago".
VAGUE_UNIT_SPAN: dict[str, timedelta] = {
    "second": timedelta(minutes=1),
    "minute": timedelta(hours=1),
    "hour": _DAY,
    "day": 7 * _DAY,
    "bday": 7 * _DAY,
    "week": 42 * _DAY,
    "fortnight": 42 * _DAY,
    "month": 182 * _DAY,
    "quarter": 365 * _DAY,
    "year": 5 * 365 * _DAY,
    "decade": 30 * 365 * _DAY,
    "century": 300 * 365 * _DAY,
}
VAGUE_QUANTITY = frozenset({"few", "several", "some", "many", "coming", "next"})

# Words before a hyphen that cue the date after it ("mid-March", "late-2026").
THIRD_WORDS = frozenset({"mid", "end", "early", "late"})

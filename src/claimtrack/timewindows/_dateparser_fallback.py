"""The guarded dateparser fallback: absolute dates written in scripts the rules do not
read ("3 февраля 2025", "2025年3月20日"), with the script's languages named so that
dateparser never probes every locale it knows."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta

from claimtrack.model import Grain

from ._calendar import at, month_start
from ._values import PAST, Span

_PERIODS = {"day": Grain.DAY, "month": Grain.MONTH, "year": Grain.YEAR}
# The first word of a letter's Unicode name -> the languages news in it is written in.
_SCRIPTS: dict[str, tuple[str, ...]] = {
    "CYRILLIC": ("ru", "uk", "bg", "sr"),
    "GREEK": ("el",),
    "ARABIC": ("ar", "fa", "ur"),
    "HEBREW": ("he",),
    "CJK": ("zh", "ja"),
    "HIRAGANA": ("ja",),
    "KATAKANA": ("ja",),
    "HANGUL": ("ko",),
    "DEVANAGARI": ("hi",),
    "THAI": ("th",),
    "BENGALI": ("bn",),
    "TAMIL": ("ta",),
    "GEORGIAN": ("ka",),
    "ARMENIAN": ("hy",),
}


def languages_of(phrase: str) -> list[str]:
    """The languages of the non-Latin scripts ``phrase`` is written in; empty for Latin
    script (the rules read its languages' dates themselves)."""
    out: list[str] = []
    for ch in phrase:
        if ch.isalpha() and ord(ch) > 0x24F:
            script = unicodedata.name(ch, "").split(" ")[0]
            for lang in _SCRIPTS.get(script, ()):
                if lang not in out:
                    out.append(lang)
    return out


def parse_with_dateparser(
    phrase: str, reference: datetime, tense: str | None, day_first: bool, languages: list[str]
) -> Span | None:
    """A day, month or year window from dateparser, or None.

    Only explicit dates count: the result must name a month (so "3 ministers" is not a
    date) and dateparser's relative readings ("in 2 days") are the rules' business.
    """
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = {
        "RELATIVE_BASE": reference.replace(tzinfo=None),
        "PREFER_DATES_FROM": "past" if tense == PAST else "future",
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "REQUIRE_PARTS": ["month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time", "custom-formats"],
    }
    try:
        data = DateDataParser(languages=languages, settings=settings).get_date_data(phrase)
    except Exception:  # dateparser raises many kinds on odd input; none is ours to show
        return None
    when = data.date_obj
    grain = _PERIODS.get(data.period or "")
    if when is None or grain is None:
        return None
    tz = reference.tzinfo
    assert tz is not None
    d = when.date()
    if grain is Grain.DAY:
        return Span(at(d, tz), at(d + timedelta(days=1), tz), grain, day=d)
    if grain is Grain.MONTH:
        return Span(at(d.replace(day=1), tz), at(month_start(d.year, d.month + 1), tz), grain)
    return Span(
        at(d.replace(month=1, day=1), tz), at(d.replace(year=d.year + 1, month=1, day=1), tz), grain
    )

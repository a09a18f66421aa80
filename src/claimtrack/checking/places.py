"""Where a text says an act happens: "in London", "at Northwood, in north-west London",
"in the northern town of Alder", "in Kent, Essex and Suffolk counties", "in the
capital" -- and how a report's places stand to a promise's (the same, inside it, vaguer,
elsewhere, or not to be told).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..text import MONTHS, WEEKDAYS
from .lexicon import STOPWORDS, known_place, place_key, within
from .text import Tok

__all__ = ["Place", "place_fit", "places_in"]

_LEADS = frozenset(["in", "at", "across", "throughout", "inside"])
_LEVELS = {
    "city": "city",
    "cities": "city",
    "town": "city",
    "towns": "city",
    "village": "city",
    "capital": "city",
    "province": "province",
    "provinces": "province",
    "state": "province",
    "states": "province",
    "county": "county",
    "counties": "county",
    "region": "region",
    "regions": "region",
    "district": "district",
    "districts": "district",
    "borough": "district",
    "country": "country",
    "countries": "country",
}
_DESCRIBING = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north-west",
        "north-east",
        "south-west",
        "south-east",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "greater",
        "inner",
        "outer",
        "three",
        "two",
        "four",
        "five",
        "six",
        "seven",
        "several",
        "most",
        "affected",
        "remote",
        "rural",
        "coastal",
    ]
)
_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


@attrs.frozen
class Place:
    """A place a text names: its key, its level (city, province, ...) when the text
    says, whether it is only described ("the capital"), and its first token."""

    key: str
    level: str | None
    described: bool
    index: int


def _name_token(t: Tok) -> bool:
    return t.is_cap and t.low not in STOPWORDS and t.low not in _NOT_NAMES and not t.low.isdigit()


def places_in(toks: Sequence[Tok], text: str) -> tuple[list[Place], dict[str, str]]:
    """The places named after "in", "at" ..., and the containment the text states
    itself ("Alder in Fen county" -> {"alder": "fen"})."""
    found: list[Place] = []
    groups: list[int] = []  # which "in ..." phrase each place came from
    stated: dict[str, str] = {}
    i = 0
    while i < len(toks):
        if toks[i].low not in _LEADS:
            i += 1
            continue
        j = i + 1
        level: str | None = None
        while j < len(toks) and (
            toks[j].low == "the" or (toks[j].low in _DESCRIBING and not toks[j].is_cap)
        ):
            j += 1
        # "the northern town of Alder", "the province of X"
        if j + 1 < len(toks) and toks[j].low in _LEVELS and toks[j + 1].low == "of":
            level = _LEVELS[toks[j].low]
            j += 2
        names: list[tuple[int, list[Tok]]] = []
        current: list[Tok] = []
        start = k = j
        while k < len(toks):
            t = toks[k]
            if _name_token(t):
                if current and "," in text[toks[k - 1].end : t.start]:
                    names.append((start, current))
                    current = []
                if not current:
                    start = k
                current.append(t)
            elif t.low == "and" and current and k + 1 < len(toks) and _name_token(toks[k + 1]):
                names.append((start, current))
                current = []
            else:
                break
            k += 1
        if current:
            names.append((start, current))
        if k < len(toks) and toks[k].low in _LEVELS and names:
            level = level or _LEVELS[toks[k].low]
        if names:
            found.extend(
                Place(place_key(" ".join(t.text for t in n)), level, False, at) for at, n in names
            )
            groups.extend([i] * len(names))
            i = k
            continue
        # A known place in lower case ("in the uk") or a described one ("in the capital",
        # "in the three eastern provinces").
        if j < len(toks):
            two = f"{toks[j].low} {toks[j + 1].low}" if j + 1 < len(toks) else ""
            if two and known_place(two):
                found.append(Place(place_key(two), None, False, j))
                groups.append(i)
            elif known_place(toks[j].low) and toks[j].low not in STOPWORDS:
                found.append(Place(place_key(toks[j].low), None, False, j))
                groups.append(i)
            elif toks[j].low in _LEVELS:
                words = " ".join(t.low for t in toks[i + 1 : j + 1] if t.low != "the")
                found.append(Place(words, _LEVELS[toks[j].low], True, j))
                groups.append(i)
        i = j if j > i else i + 1
    for n in range(len(found) - 1):
        # "Alder in Fen county", "Northwood, in north-west London": the second holds the
        # first (not so the names of one list: "in Leeds, York and Hull").
        a, b = found[n], found[n + 1]
        if (
            groups[n] != groups[n + 1]
            and not a.described
            and not b.described
            and b.index - a.index <= 8
        ):
            stated.setdefault(a.key, b.key)
    return found, stated


def place_fit(
    wanted: Sequence[Place], said: Sequence[Place], stated: dict[str, str] | None = None
) -> tuple[str, str]:
    """How a report's places stand to a promise's: ("none" | "same" | "inside" | "vaguer"
    | "unstated" | "elsewhere" | "unknown", words saying so)."""
    if not wanted:
        return "none", ""
    if not said:
        return "unstated", "place not stated"
    for s in said:
        for w in wanted:
            if s.key == w.key:
                return "same", f"in {w.key}"
            if within(s.key, w.key, stated):
                return "inside", f"{s.key} is in {w.key}"
    for s in said:
        for w in wanted:
            if within(w.key, s.key, stated):
                return "vaguer", f"{w.key} is in {s.key}"
    for s in said:
        if all(_apart(s, w, stated) for w in wanted):
            return "elsewhere", f"in {s.key}, not in {' or '.join(w.key for w in wanted)}"
    return "unknown", "place not to be told"


def _apart(s: Place, w: Place, stated: dict[str, str] | None) -> bool:
    # Known to be different places: both in the gazetteer (and neither in the other),
    # two named places of the same level, or two described places of different levels.
    if within(s.key, w.key, stated) or within(w.key, s.key, stated):
        return False
    if not s.described and not w.described and known_place(s.key) and known_place(w.key):
        return True
    if not s.described and not w.described and s.level and s.level == w.level:
        return True
    # "began in the capital" for "in the three eastern provinces"
    return bool(s.described and w.described and s.level and w.level and s.level != w.level)

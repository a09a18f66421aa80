"""The regular inflections of English verbs, made from their base forms."""

from __future__ import annotations

from collections.abc import Iterable


def inflections(verbs: Iterable[str]) -> set[str]:
    """The regular "-s" and "-ed" forms of each base verb ("announce": "announces",
    "announced"; "reach": "reaches"; "carry": "carries", "carried").  These are words to
    look up, so the odd form a rule makes that English never uses ("delaies" beside
    "delays") costs nothing."""
    out: set[str] = set()
    for v in verbs:
        out.add(v + "s")
        out.add(v + "ed")
        if v.endswith("e"):
            out.add(v + "d")
        if v.endswith(("ch", "sh", "ss", "x", "o")):
            out.add(v + "es")
        if v.endswith("y"):
            out.add(v[:-1] + "ies")
            out.add(v[:-1] + "ied")
    return out


def present_participle(verb: str) -> str:
    """The "-ing" form: "announce" -> "announcing", "meet" -> "meeting"."""
    return verb[:-1] + "ing" if verb.endswith("e") else verb + "ing"

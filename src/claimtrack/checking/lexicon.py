"""What the checker knows of English news, read from the word lists in ``data/``:
which acts fulfil one another (``acts.txt``), which verbs take their act from their
event noun (``light_verbs.txt``), which phrases say how rather than on what
(``manner.txt``), which words say what became of an act (``cues.txt``)
and which places lie inside which (``places.txt``).

Words are compared by :func:`~claimtrack.checking.text.stem`; a phrase ("roll out",
"called off") by the stems of its words in order.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources

import attrs

from ..text import WEEKDAYS
from .text import stem

__all__ = [
    "ACTS",
    "ADVERBS",
    "LIGHT_VERBS",
    "STOPWORDS",
    "Act",
    "cue_groups",
    "cues",
    "phrase_key",
    "place_key",
    "within",
]

Phrase = tuple[str, ...]


def phrase_key(words: str) -> Phrase:
    """A word or phrase as the stems of its words ("rolled out" -> ("roll", "out"))."""
    return tuple(stem(w) for w in words.replace("-", " ").split())


def _lines(name: str) -> Iterable[str]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@attrs.frozen
class Act:
    """A class of acts that fulfil one another: its verbs and event nouns (as stem
    phrases) and whether it is a one-off ``event`` or a ``process``."""

    name: str
    kind: str
    verbs: frozenset[Phrase]
    nouns: frozenset[Phrase]
    noun_words: frozenset[str] = frozenset()


def _read_acts() -> dict[str, Act]:
    out: dict[str, Act] = {}
    for line in _lines("acts.txt"):
        head, _, body = line.partition(":")
        name, _, kind = head.partition("[")
        verbs, _, nouns = body.partition("|")
        out[name.strip()] = Act(
            name=name.strip(),
            kind=kind.strip(" ]") or "event",
            verbs=frozenset(phrase_key(w) for w in verbs.split(",") if w.strip()),
            nouns=frozenset(phrase_key(w) for w in nouns.split(",") if w.strip()),
            noun_words=frozenset(
                form
                for w in nouns.split(",")
                if w.strip()
                for form in (w.strip().lower().split()[0], w.strip().lower().split()[0] + "s")
            ),
        )
    return out


#: Every act class by name.
ACTS: dict[str, Act] = _read_acts()
#: Verbs whose act is that of the event noun they govern ("hold talks", "took place").
LIGHT_VERBS: frozenset[Phrase] = frozenset(phrase_key(w) for w in _lines("light_verbs.txt"))
#: Phrases of manner or duration ("for good", "once and for all"): never a theme.
MANNER: frozenset[Phrase] = frozenset(phrase_key(w) for w in _lines("manner.txt"))


def _read_cues() -> dict[str, frozenset[Phrase]]:
    out: dict[str, frozenset[Phrase]] = {}
    for line in _lines("cues.txt"):
        group, _, words = line.partition(":")
        out[group.strip()] = frozenset(phrase_key(w) for w in words.split(",") if w.strip())
    return out


_CUES = _read_cues()


def cues(group: str) -> frozenset[Phrase]:
    """The stem phrases of one cue group of ``cues.txt`` ("postpone", "cancel", ...)."""
    return _CUES[group]


def cue_groups() -> tuple[str, ...]:
    """The names of the cue groups."""
    return tuple(_CUES)


@functools.lru_cache(maxsize=1)
def _verb_index() -> dict[Phrase, frozenset[str]]:
    index: dict[Phrase, set[str]] = {}
    for act in ACTS.values():
        for verb in act.verbs:
            index.setdefault(verb, set()).add(act.name)
    return {k: frozenset(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def _noun_index() -> dict[Phrase, frozenset[str]]:
    index: dict[Phrase, set[str]] = {}
    for act in ACTS.values():
        for noun in act.nouns:
            index.setdefault(noun, set()).add(act.name)
    return {k: frozenset(v) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def _noun_words() -> frozenset[str]:
    return frozenset(w for act in ACTS.values() for w in act.noun_words)


def is_noun_form(word: str) -> bool:
    """Whether ``word`` (lower case) is written as an event noun of some act: "meeting"
    and "talks" are, "meet" is not (though they share a stem)."""
    return word.replace("’", "'") in _noun_words()


def verb_classes(key: Phrase) -> frozenset[str]:
    """The act classes a verb (stem phrase) belongs to."""
    return _verb_index().get(key, frozenset())


def noun_classes(key: Phrase) -> frozenset[str]:
    """The act classes an event noun (stem phrase) names."""
    return _noun_index().get(key, frozenset())


#: The longest phrase in any list, in words: how far a phrase match looks ahead.
LONGEST = max(
    len(p)
    for p in (
        *_verb_index(),
        *_noun_index(),
        *LIGHT_VERBS,
        *(p for group in _CUES.values() for p in group),
    )
)


# -- places -------------------------------------------------------------------------


def _read_places() -> tuple[dict[str, str], dict[str, str]]:
    inside: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for line in _lines("places.txt"):
        if ">" in line:
            inner, _, outer = line.partition(">")
            inside[inner.strip()] = outer.strip()
        elif "=" in line:
            name, _, canonical = line.partition("=")
            aliases[name.strip()] = canonical.strip()
    return inside, aliases


_CONTAINED_IN, _ALIASES = _read_places()
#: Every place name the gazetteer knows, lower case.
PLACES = frozenset(_CONTAINED_IN) | frozenset(_CONTAINED_IN.values()) | frozenset(_ALIASES)


def place_key(name: str) -> str:
    """The canonical key of a place name ("Britain" -> "uk")."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key.startswith("the ") and key not in _ALIASES and key not in _CONTAINED_IN:
        key = key[4:]
    return _ALIASES.get(key, key)


def within(inner: str, outer: str, extra: dict[str, str] | None = None) -> bool:
    """Whether place ``inner`` is ``outer`` or lies inside it (Northwood in the UK);
    ``extra`` adds pairs a report states itself ("Alder, in Fen county")."""
    here: str | None = place_key(inner)
    target = place_key(outer)
    seen: set[str] = set()
    while here is not None and here not in seen:
        if here == target:
            return True
        seen.add(here)
        here = (extra or {}).get(here) or _CONTAINED_IN.get(here)
    return False


def known_place(name: str) -> bool:
    """Whether the gazetteer knows this place."""
    key = place_key(name)
    return key in PLACES


# -- grammar words ------------------------------------------------------------------

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "from",
        "with",
        "to",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "across",
        "between",
        "against",
        "after",
        "before",
        "during",
        "without",
        "within",
        "around",
        "through",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "as",
        "than",
        "then",
        "also",
        "again",
        "its",
        "it",
        "their",
        "they",
        "them",
        "we",
        "our",
        "us",
        "he",
        "his",
        "she",
        "her",
        "him",
        "i",
        "my",
        "me",
        "you",
        "your",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "every",
        "other",
        "such",
        "own",
        "same",
        "new",
        "further",
        "up",
        "down",
        "out",
        "off",
        "very",
        "just",
        "now",
        "here",
        "there",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "today",
        "tomorrow",
        "yesterday",
        "morning",
        "afternoon",
        "evening",
        "night",
        "next",
        "last",
        "coming",
        "soon",
        "later",
        "early",
        "end",
        "start",
        "ready",
        "able",
        "set",
        "plan",
        "plans",
        "practical",
        "way",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "long-awaited",
    ]
) | frozenset(WEEKDAYS)

#: Words that may stand between an auxiliary and its verb.
ADVERBS = frozenset(
    [
        "also",
        "again",
        "finally",
        "already",
        "still",
        "just",
        "now",
        "then",
        "successfully",
        "formally",
        "officially",
        "eventually",
        "indeed",
        "once",
        "jointly",
        "quietly",
        "briefly",
        "recently",
        "duly",
        "firmly",
        "fully",
    ]
)

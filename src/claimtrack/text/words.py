"""Shared word lists, kept as data files in ``claimtrack/text/wordlists/``.

A list file holds one entry per line; ``#`` starts a comment and blank lines are
skipped.  A *set* list has one lower-case word (or phrase) per line; a *numbered* list
has a word and an integer ("january 1").  Files are read once, on first use, through
:mod:`importlib.resources`, so they work from a wheel or a zip as well as a checkout.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from ..errors import ClaimtrackError

__all__ = [
    "ABBREVIATIONS",
    "AUXILIARIES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "ORDINALS",
    "RUNON_STARTERS",
    "SENTENCE_OPENERS",
    "TITLES",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "WordListError",
    "list_names",
    "numbered",
    "parse_numbered",
    "parse_set",
    "word_set",
]


class WordListError(ClaimtrackError, ValueError):
    """A word list file is missing or has a malformed line (the message names both)."""


def _entries(name: str, raw: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for number, line in enumerate(raw.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append((number, entry))
    return out


def parse_set(name: str, raw: str) -> frozenset[str]:
    """The entries of a set list's text ``raw`` (``name`` is for the error message);
    raises :class:`WordListError` naming the file and line of an entry not in lower case."""
    words: set[str] = set()
    for number, entry in _entries(name, raw):
        if entry != entry.lower():
            raise WordListError(f"{name}.txt line {number}: {entry!r} is not lower case")
        words.add(entry)
    return frozenset(words)


def parse_numbered(name: str, raw: str) -> dict[str, int]:
    """The entries of a numbered list's text ``raw``, in file order; raises
    :class:`WordListError` naming the file and line of a malformed entry."""
    pairs: dict[str, int] = {}
    for number, entry in _entries(name, raw):
        word, _, value = entry.rpartition(" ")
        word = word.strip()
        if not word or not value.lstrip("-").isdigit() or word != word.lower():
            raise WordListError(
                f"{name}.txt line {number}: want a lower-case word and a number, got {entry!r}"
            )
        if word in pairs:
            raise WordListError(f"{name}.txt line {number}: {word!r} is listed twice")
        pairs[word] = int(value)
    return pairs


def _read(name: str) -> str:
    ref = resources.files(__package__).joinpath("wordlists").joinpath(f"{name}.txt")
    try:
        return ref.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WordListError(
            f"no word list {name!r}: add claimtrack/text/wordlists/{name}.txt "
            f"(known lists: {', '.join(list_names())})"
        ) from None


def list_names() -> list[str]:
    """The names of the bundled word lists (file names without ``.txt``), sorted."""
    folder = resources.files(__package__).joinpath("wordlists")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The bundled set list ``name`` (``wordlists/<name>.txt``); raises
    :class:`WordListError` when it does not exist or an entry is not lower case."""
    return parse_set(name, _read(name))


@functools.cache
def numbered(name: str) -> Mapping[str, int]:
    """The bundled numbered list ``name`` as a read-only mapping word -> number, in
    file order (copy it with ``dict()`` to add to it); raises :class:`WordListError`
    for a missing list or a malformed line."""
    return MappingProxyType(parse_numbered(name, _read(name)))


#: Words written with a full stop that does not end a sentence ("dr", "e.g", "sept").
ABBREVIATIONS = word_set("abbreviations")
#: Auxiliary and modal verbs and their negative contractions ("will", "won't").
AUXILIARIES = word_set("auxiliaries")
#: Honorifics and titles that precede a name ("mr", "dame", "minister").
TITLES = word_set("titles")
#: Capitalised words that may open a sentence with no full stop before them.
RUNON_STARTERS = word_set("runon_starters")
#: Words that open a sentence and are never a surname (see ``text.sentences``).
SENTENCE_OPENERS = word_set("sentence_openers")
#: Month names -> month number (January = 1).
MONTHS: Mapping[str, int] = numbered("months")
#: Abbreviated month names -> month number ("sept" = 9).
MONTH_ABBREVIATIONS: Mapping[str, int] = numbered("month_abbreviations")
#: Weekday names -> weekday number (Monday = 0, as :meth:`datetime.date.weekday`).
WEEKDAYS: Mapping[str, int] = numbered("weekdays")
#: Abbreviated weekday names -> weekday number ("thurs" = 3).
WEEKDAY_ABBREVIATIONS: Mapping[str, int] = numbered("weekday_abbreviations")
#: Ordinal number words -> value ("twelfth" = 12).
ORDINALS: Mapping[str, int] = numbered("ordinals")

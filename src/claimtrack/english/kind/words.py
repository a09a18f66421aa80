"""The kind rules' word lists, read once from ``data/words.txt``.

The file holds one list a section (``[name]`` then its words); :func:`words` returns a
list by name and fails loudly on a name the file lacks, so a renamed section is caught
at import, not by a rule that silently never fires.
"""

from __future__ import annotations

import functools
from importlib import resources

from ...text.words import AUXILIARIES, MONTH_ABBREVIATIONS, MONTHS
from ...text.words import WEEKDAYS as SHARED_WEEKDAYS
from ..inflect import inflections, present_participle
from ..lexicon import VERBS

__all__ = ["AUX", "DATE_WORDS", "VERB_FORMS", "WEEKDAYS", "words"]


@functools.cache
def _sections() -> dict[str, frozenset[str]]:
    text = (
        resources.files(__package__)
        .joinpath("data")
        .joinpath("words.txt")
        .read_text(encoding="utf-8")
    )
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], set())
        elif current is None:
            raise ValueError(f"words.txt: {line!r} comes before any [section]")
        else:
            current.update(line.split())
    return {name: frozenset(ws) for name, ws in out.items()}


def words(name: str) -> frozenset[str]:
    """The word list ``name`` of ``data/words.txt``; KeyError naming it when absent."""
    try:
        return _sections()[name]
    except KeyError:
        raise KeyError(f"data/words.txt has no [{name}] section") from None


def _forms() -> frozenset[str]:
    out: set[str] = set(VERBS) | words("irregular") | inflections(VERBS)
    out.update(present_participle(v) for v in VERBS)
    return frozenset(out)


#: Auxiliaries and copulas: a clause with one of these has a finite verb.
AUX = AUXILIARIES
#: Weekday names (the shared list).
WEEKDAYS = frozenset(SHARED_WEEKDAYS)
#: Words that date a clause: months (not "may", a modal), weekdays, and time nouns.
DATE_WORDS = ((frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS) | WEEKDAYS) - {"may"}) | words(
    "date_words"
)
#: Base verbs and their inflections (for "does this piece have a verb?").
VERB_FORMS = _forms()

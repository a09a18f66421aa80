"""Wire datelines: "PORTSMOUTH:", "New Delhi:" open a story with its place, not a speaker.

An interview transcript's "Name: ..." lines look the same; a dateline is told apart by
where it stands (the first paragraph of the body) and by being used once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["dash_dateline", "is_dateline"]

_MAX_WORDS = 3


def is_dateline(words: Sequence[str], *, first_paragraph: bool, used_again: bool) -> bool:
    """Whether the label ``words`` before a colon are a dateline.

    ``first_paragraph``: the label opens the first paragraph of the body;
    ``used_again``: the same label opens another paragraph later (a transcript's speaker).
    A label all in capitals ("DHAKA", "MEXICO CITY") is a dateline in the first paragraph
    whatever follows; a capitalised one ("New Delhi") when it is not used again.
    """
    if not words or len(words) > _MAX_WORDS or not first_paragraph or used_again:
        return False
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters:
        return False
    if all(w.isupper() and len(w) > 1 for w in letters):
        return True
    return all(w[:1].isupper() for w in letters)


#: "MEXICO CITY (AP) — ", "BHUBANESWAR – ", "LONDON, March 4 - ": a place in capitals,
#: an agency or a date, and a dash.
_DASH_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}(?:,? \([^()\n]{1,40}\))?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? ?[—–-] "
)


def dash_dateline(paragraph: str) -> int:
    """The length of a dash dateline opening ``paragraph`` ("MEXICO CITY (AP) — "), or 0."""
    m = _DASH_DATELINE.match(paragraph[:80])
    return m.end() if m else 0

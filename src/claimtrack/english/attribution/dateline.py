"""Wire datelines: "PORTSMOUTH:", "New Delhi:" open a story with its place, not a speaker.

An interview transcript's "Name: ..." lines look the same; a dateline is told apart by
where it stands (the first paragraph of the body) and by being used once.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["is_dateline"]

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

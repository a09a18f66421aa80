"""The kind rules' word lists (english/kind/data/words.txt): every section is read by a
rule module, entries are single lower-case tokens, and an unknown name fails loudly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimtrack.english.kind import words as kind_words

KIND = Path(kind_words.__file__).parent
DATA = (KIND / "data" / "words.txt").read_text(encoding="utf-8")


def test_every_section_is_used_by_a_module() -> None:
    sections = re.findall(r"^\[([a-z_]+)\]$", DATA, flags=re.M)
    sources = "".join(
        p.read_text(encoding="utf-8") for p in (*KIND.glob("*.py"), KIND.parent / "kinds.py")
    )
    unused = [s for s in sections if not re.search(rf"words\(\s*\"{s}\"", sources)]
    assert not unused, unused


def test_entries_are_single_lower_case_tokens() -> None:
    for name in re.findall(r"^\[([a-z_]+)\]$", DATA, flags=re.M):
        for w in kind_words.words(name):
            assert w == w.lower() and " " not in w, (name, w)


def test_an_unknown_list_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match=r"\[no_such_list\]"):
        kind_words.words("no_such_list")

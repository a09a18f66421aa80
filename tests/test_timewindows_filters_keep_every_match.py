"""The parser's shortcuts change its speed, never its matches.

The rules tried at a token are filtered by the token's key, the next token's key
(``_lookahead``) and the needs the tokens from there on meet; ``find_windows`` drops
its memo behind the scan; the tokenizer reads a chunk of letters or digits without its
character loop.  Each is checked here against the slow way on random input.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack.timewindows as tw
from claimtrack.timewindows import find_windows
from claimtrack.timewindows._engine import Grammar, Rule, key_of
from claimtrack.timewindows._grammar import GRAMMAR
from claimtrack.timewindows._parser import Parser
from claimtrack.timewindows._tokens import tokenize

REF = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)


class Unfiltered(Grammar):
    """The same rules, every one tried wherever its first key fits."""

    def viable(
        self, cat: str, key: str, nxt: str, missing: int, missing_after: int
    ) -> list[tuple[Rule, bool]]:
        return list(self.flat[cat].get(key, ()))


UNFILTERED = Unfiltered([copy.copy(r) for r in GRAMMAR.rules], merge=GRAMMAR.merge)

VOCABULARY = [
    "by",
    "the",
    "end",
    "of",
    "March",
    "next",
    "week",
    "on",
    "Thursday",
    "in",
    "30",
    "days",
    "from",
    "5",
    "to",
    "16",
    "August",
    "2025",
    "-",
    "/",
    "03",
    "20",
    "within",
    "early",
    "mid",
    "late",
    "Q3",
    "first",
    "half",
    "second",
    "last",
    "year",
    "Christmas",
    "Eve",
    "at",
    "3pm",
    "noon",
    ",",
    "and",
    "or",
    "between",
    "since",
    "until",
    "a",
    "every",
    "Monday",
    "weekend",
    "this",
    "month",
    "quarter",
    "ago",
    "two",
    "twenty-one",
    "hundred",
    "summer",
    "20th",
    "Sept",
    ".",
    "May",
    "fiscal",
    "FY27",
    "2026/27",
    "day",
    "after",
    "tomorrow",
    "Ramadan",
    "Easter",
    "minister",
    "said",
    "Sunday",
    "Times",
    "four",
    "weeks",
    "time",
    "midnight",
    "2pm",
    "morning",
    "up",
]
WORDS = st.sampled_from(VOCABULARY)


def matches(grammar: Grammar, text: str, *, find: bool) -> dict[tuple[int, int], Any]:
    toks = tokenize(text)
    p = Parser(grammar, toks, find=find)
    out: dict[tuple[int, int], Any] = {}
    for i in range(len(toks)):
        for end, node in p.match("phrase", i).items():
            out[(i, end)] = (node.rules(), node.value)
    return out


@settings(max_examples=120, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=14), st.booleans())
def test_the_rule_filters_drop_no_match(words: list[str], find: bool) -> None:
    text = " ".join(words)
    assert matches(GRAMMAR, text, find=find) == matches(UNFILTERED, text, find=find)


@pytest.mark.parametrize(
    "text",
    [
        "by the end of March",
        "from 5 to 16 August 2025",
        "2025-03-20",
        "on Thursday, 20 March at 3pm",
        "the second half of next year",
        "within two weeks of Christmas Eve",
    ],
)
def test_the_rule_filters_drop_no_match_on_phrases(text: str) -> None:
    for find in (False, True):
        assert matches(GRAMMAR, text, find=find) == matches(UNFILTERED, text, find=find)


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=80))
def test_dropping_the_memo_behind_the_scan_changes_nothing(words: list[str]) -> None:
    text = " ".join(words)
    kept = find_windows(text, REF, tense="future")
    every = tw._FORGET_EVERY
    try:
        tw._FORGET_EVERY = 1
        dropped = find_windows(text, REF, tense="future")
    finally:
        tw._FORGET_EVERY = every
    assert dropped == kept


TEXT = st.text(
    alphabet=st.sampled_from(list("aZé\u0301'’.m5th0 -/\t\nSs日İß,")),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_tokens_cover_the_text_and_carry_their_keys(text: str) -> None:
    toks = tokenize(text)
    assert "".join(t.text for t in toks) == "".join(text.split())
    last = 0
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.start >= last
        assert t.gap == (t.start == 0 or text[t.start - 1].isspace())
        assert t.key == key_of(t)
        last = t.end

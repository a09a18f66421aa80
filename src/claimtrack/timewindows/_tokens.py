"""The tokenizer of the time grammar: one linear pass, no regular expressions."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_APOSTROPHES = "'’"
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
# Longer digit runs are no date or count the grammar uses; int() of a huge run would
# also cost quadratic time, so their value is left unknown.
_MAX_DIGITS = 9
# The rule engine's index keys of numbers by their count of digits (five or more:
# "#n5"): the index tells a year from a day of the month before any rule is tried.
NUMBER_KEYS = ("#n1", "#n2", "#n3", "#n4", "#n5")


@dataclass(slots=True)
class Tok:
    """One token: a word, a number, an ordinal number ("20th") or one punctuation mark.

    ``base`` is the lower-case word without a possessive ``'s`` or trailing ``'``;
    ``gap`` says whether whitespace precedes the token; ``val`` is a number's value;
    ``key`` the token's key in the rule engine's index.
    """

    text: str
    low: str
    base: str
    kind: str  # "w" word, "n" number, "o" ordinal number, "p" punctuation
    start: int
    end: int
    gap: bool
    val: int = -1
    ndig: int = 0
    cap: bool = False
    # The rule engine's index key: the base of a word, "#n1" ... "#n5" for a number
    # by its count of digits (five or more: "#n5"), "#o" for an ordinal number, the
    # mark itself for punctuation.
    key: str = ""


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into tokens whose ``start``/``end`` are code-point offsets."""
    toks: list[Tok] = []
    pos = 0
    for chunk in text.split():
        # Whitespace-separated chunks, each found where the last ended: a chunk of
        # letters alone or of digits alone is one token, without the character loop.
        s = text.find(chunk, pos)
        pos = e = s + len(chunk)
        if chunk.isalpha():
            low = chunk.lower()
            toks.append(Tok(chunk, low, low, "w", s, e, True, -1, 0, chunk[0].isupper(), low))
        elif chunk.isdigit() and chunk.isascii():
            val = int(chunk) if len(chunk) <= _MAX_DIGITS else -1
            key = NUMBER_KEYS[min(len(chunk), 5) - 1]
            toks.append(Tok(chunk, chunk, chunk, "n", s, e, True, val, len(chunk), False, key))
        else:
            _scan(text, s, e, toks)
    return toks


def _scan(text: str, i: int, n: int, toks: list[Tok]) -> None:
    """The tokens of ``text[i:n]``, a chunk without whitespace that follows some."""
    gap = True
    while i < n:
        c = text[i]
        s = i
        if "0" <= c <= "9":
            while i < n and "0" <= text[i] <= "9":
                i += 1
            digits = text[s:i]
            kind = "n"
            if text[i : i + 2].lower() in _ORDINAL_SUFFIXES and not (
                i + 2 < n and _is_letter(text[i + 2])
            ):
                kind = "o"
                i += 2
            val = int(digits) if len(digits) <= _MAX_DIGITS else -1
            key = "#o" if kind == "o" else NUMBER_KEYS[min(len(digits), 5) - 1]
            toks.append(Tok(text[s:i], digits, digits, kind, s, i, gap, val, len(digits), key=key))
        elif _is_letter(c):
            i += 1
            while i < n:
                ch = text[i]
                if _is_letter(ch) or (ch in _APOSTROPHES and i + 1 < n and _is_letter(text[i + 1])):
                    i += 1
                else:
                    break
            # A plural possessive: "Presidents' Day".
            if (
                i < n
                and text[i] in _APOSTROPHES
                and text[i - 1] in "sS"
                and not (i + 1 < n and _is_letter(text[i + 1]))
            ):
                i += 1
            low = text[s:i].lower().replace("’", "'")
            if low in ("a", "p") and text[i : i + 2].lower() == ".m":
                # "a.m." and "p.m." are one word, so "a" is not read as the article.
                i += 2
                if i < n and text[i] == ".":
                    i += 1
                low += "m"
            base = low[:-2] if low.endswith("'s") else low.rstrip("'")
            toks.append(Tok(text[s:i], low, base, "w", s, i, gap, cap=c.isupper(), key=base))
        else:
            i += 1
            toks.append(Tok(c, c, c, "p", s, i, gap, key=c))
        gap = False

"""The token type and the tokeniser every part of claimtrack reads text with.

A :class:`Token` knows its offsets into the source, so a token, a sentence or a claim
never has to be found again in the text.  :func:`tokenize` is one pass of a regular
expression without nested quantifiers: each character is read once, so the work is
linear in the input.  Two token patterns are offered, by name:

* :data:`NEWS_TOKENS` (the default): words and every other non-space character as its
  own token; a word keeps one inner apostrophe ("won't", "Putin's") and a capitalised
  word joined by hyphens ("Soo-yeon") is one name token.
* :data:`WORD_TOKENS`: ASCII words only, hyphenated words and contractions kept whole
  ("long-term", "didn't"); punctuation is skipped.  For matching words to words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

import attrs

__all__ = ["NEWS_TOKENS", "WORD_TOKENS", "Token", "TokenIndex", "tokenize"]

#: Words (one inner apostrophe), hyphen-joined capitalised names, any other character.
NEWS_TOKENS = re.compile(r"[A-Z][^\W_]*(?:-[^\W_]+)+|[^\W_]+(?:['’][^\W_]+)?|\S")
#: ASCII words with inner hyphens and apostrophes; no punctuation tokens.
WORD_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*[A-Za-z0-9]|[A-Za-z0-9]")


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


def _is_cap(token: Token) -> bool:
    return token.text[:1].isupper()


@attrs.frozen
class Token:
    """One token of a source text.

    ``start`` and ``end`` are code-point offsets into the text the token was read from,
    so ``source[start:end] == text``; ``low`` is the form words are looked up by (the
    lower-case text unless a reader normalises further).  ``is_word`` says the token
    begins with a letter or digit, ``is_cap`` that it begins with a capital; both are
    worked out from ``text`` when not given.  The first four fields are positional, in
    this order, so ``Token(start, end, text, low)`` builds one.
    """

    start: int
    end: int
    text: str
    low: str
    is_word: bool = attrs.field(default=attrs.Factory(_is_word, takes_self=True))
    is_cap: bool = attrs.field(default=attrs.Factory(_is_cap, takes_self=True))


def tokenize(
    text: str, start: int = 0, end: int | None = None, *, pattern: re.Pattern[str] = NEWS_TOKENS
) -> list[Token]:
    """The tokens of ``text[start:end]`` (default: all of it), in order, with offsets
    into ``text``.  ``pattern`` is :data:`NEWS_TOKENS` or :data:`WORD_TOKENS`."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    # A text's tokens are made by the thousand: each is filled in through its slots, as
    # attrs' own ``__init__`` does, without the call through it (same fields, same
    # values; the token is as frozen as one built by ``Token(...)``).
    new = object.__new__
    for m in pattern.finditer(text, start, stop):
        word = m.group()
        first = word[:1]
        tok = new(Token)
        _SET_START(tok, m.start())
        _SET_END(tok, m.end())
        _SET_TEXT(tok, word)
        _SET_LOW(tok, word.lower())
        _SET_IS_WORD(tok, first.isalnum())
        _SET_IS_CAP(tok, first.isupper())
        append(tok)
    return out


def _slot_setter(name: str) -> Callable[[Token, object], None]:
    setter: Callable[[Token, object], None] = getattr(Token, name).__set__
    return setter


_SET_START = _slot_setter("start")
_SET_END = _slot_setter("end")
_SET_TEXT = _slot_setter("text")
_SET_LOW = _slot_setter("low")
_SET_IS_WORD = _slot_setter("is_word")
_SET_IS_CAP = _slot_setter("is_cap")


class TokenIndex:
    """All tokens of one text, read once; :meth:`slice` gives a range's tokens.

    Tokenising each paragraph, sentence and claim again would read the text several
    times over; slicing one list by binary search keeps the work linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]

    def slice(self, start: int, end: int) -> list[Token]:
        """The tokens lying wholly inside ``[start, end)``."""
        a = bisect_left(self.starts, start)
        b = bisect_left(self.starts, end, a)
        while b > a and self.toks[b - 1].end > end:
            b -= 1
        return self.toks[a:b]

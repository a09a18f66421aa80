"""claimtrack's one text layer: tokens, sentences, quotations and shared word lists.

Every reader in claimtrack (the English extractor, the checker, the time windows)
cuts text with these functions, so a token, a sentence or a month name means the same
thing everywhere.  All offsets are code-point offsets into the source text, end
exclusive, and every function is linear in its input.  See ``docs/text.md``.
"""

from __future__ import annotations

from .quotes import CLOSE_MARKS, OPEN_MARKS, QuoteSeg, quote_spans, scan_quotes
from .sentences import sentence_spans, split_sentences
from .spans import paragraphs, strip_span
from .tokens import NEWS_TOKENS, WORD_TOKENS, Token, TokenIndex, tokenize
from .words import (
    ABBREVIATIONS,
    AUXILIARIES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ORDINALS,
    RUNON_STARTERS,
    TITLES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    WordListError,
    list_names,
    numbered,
    parse_numbered,
    parse_set,
    word_set,
)

__all__ = [
    "ABBREVIATIONS",
    "AUXILIARIES",
    "CLOSE_MARKS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "NEWS_TOKENS",
    "OPEN_MARKS",
    "ORDINALS",
    "RUNON_STARTERS",
    "TITLES",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "WORD_TOKENS",
    "QuoteSeg",
    "Token",
    "TokenIndex",
    "WordListError",
    "list_names",
    "numbered",
    "paragraphs",
    "parse_numbered",
    "parse_set",
    "quote_spans",
    "scan_quotes",
    "sentence_spans",
    "split_sentences",
    "strip_span",
    "tokenize",
    "word_set",
]

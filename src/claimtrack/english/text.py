"""The English reader's view of the text layer, plus news page furniture.

Tokens, paragraphs, sentences and quotation marks come from :mod:`claimtrack.text`,
the one text layer of the package; the names are re-exported here so the extractor
keeps reading ``from .text import ...``.  What is the English news reader's own lives
here: page furniture ("Listen to this article", captions) and bylines.
"""

from __future__ import annotations

from ..text import (
    CLOSE_MARKS,
    OPEN_MARKS,
    QuoteSeg,
    Token,
    TokenIndex,
    paragraphs,
    scan_quotes,
    split_sentences,
    strip_span,
    tokenize,
)
from .lexicon import FURNITURE

__all__ = [
    "CLOSE_MARKS",
    "OPEN_MARKS",
    "QuoteSeg",
    "Tok",
    "TokenIndex",
    "byline_publisher",
    "is_byline",
    "is_furniture",
    "paragraphs",
    "scan_quotes",
    "split_sentences",
    "strip_span",
    "tokens",
]

#: The token type of the extractor: :class:`claimtrack.text.Token`.
Tok = Token


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` with absolute offsets (:func:`claimtrack.text.tokenize`)."""
    return tokenize(text, start, end)


def _fold(line: str) -> str:
    return " ".join(line.casefold().split()).rstrip(".…:!").strip()


def is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture ("Listen to this article", a caption)."""
    folded = _fold(line)
    if not folded or folded in FURNITURE:
        return True
    if len(folded) < 60 and folded.startswith(("published", "updated", "last updated")):
        return any(ch.isdigit() for ch in folded)
    # Captions carry a credit: "Sir Keir in Downing Street. Picture: Getty".
    return any(tag in line for tag in ("Picture:", "Image:", "Photo:", "Credit:", "Photograph:"))


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline ("by Alice Padgett · LBC")."""
    words = line.split()
    if not 2 <= len(words) <= 14 or words[0].casefold() != "by":
        return False
    return words[1][:1].isupper()


def byline_publisher(line: str) -> str | None:
    """The organisation named in a byline after a separator, if any ("LBC")."""
    for sep in ("·", "|", "•", " - ", " – ", " — ", ","):
        if sep in line:
            rest = line.split(sep, 1)[1]
            # Scraped bylines often repeat themselves glued on: "LBCBy Alice Padgett".
            cut = rest.find("By ")
            if cut > 0:
                rest = rest[:cut]
            rest = rest.strip(" .,;:")
            if rest and len(rest.split()) <= 5 and rest[:1].isalnum():
                return rest
    return None

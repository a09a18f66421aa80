"""Long sources read in pieces, so an extractor's memory follows the piece, not the source.

An extractor builds working state for the whole text it is given (tokens, sentences,
quotations, candidate claims).  On a news article that is nothing; on a five-million-
character source, or a megabyte with no line break, it is gigabytes.  :func:`chunk_spans`
cuts a long text into pieces at paragraph breaks (a piece is at most
:data:`CHUNK_CHARS` characters), and a paragraph longer than :data:`LONG_PARAGRAPH`
(no paragraph of prose is that long) into pieces of its own, each cut at the last
sentence end, else clause break, else space before the limit: no sentence the
extractor sees, and so no sentence a claim carries, is longer.  :func:`extract_in_pieces` runs an extractor on each piece as a
source of its own and gives back the claims as claims of the whole source: spans moved
to where the piece lies, ids derived from the whole source.

A text of at most :data:`CHUNK_CHARS` characters is one piece, so an ordinary article
is read exactly as before.  What crosses a cut is lost: a quotation opened in one
piece and closed in the next, or "he" referring back across it (the actor registry is
shared, so speakers named earlier are still known by name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import attrs

from .model import Claim, Source, claim_id

__all__ = ["CHUNK_CHARS", "LONG_PARAGRAPH", "chunk_spans", "extract_in_pieces"]

#: The most characters one piece holds.
CHUNK_CHARS = 100_000
#: A paragraph longer than this is cut into pieces of at most this length.
LONG_PARAGRAPH = 20_000

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n")
# Where a cut inside an over-long paragraph hurts least, best first.
_CUT_POINTS = (re.compile(r"[.!?…][\"'”’)\]]*\s"), re.compile(r"[;:,]\s"), re.compile(r"\s"))


def chunk_spans(
    text: str, limit: int = CHUNK_CHARS, long_paragraph: int = LONG_PARAGRAPH
) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece of ``text``: consecutive, covering it all, each at
    most ``limit`` characters (see the module's description).  Linear in ``len(text)``."""
    if len(text) <= limit:
        return [(0, len(text))] if text else []
    pieces: list[tuple[int, int]] = []
    start = 0  # of the piece being filled
    size = min(long_paragraph, limit)
    for a, b in _paragraph_spans(text):
        if b - a > size:
            # An over-long paragraph is pieces of its own: no sentence outgrows them.
            if a > start:
                pieces.append((start, a))
            pieces.extend(_cut_long(text, a, b, size))
            start = b
        elif b - start > limit and a > start:
            pieces.append((start, a))
            start = a
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    # Each span runs to the end of the break after it, so the spans tile the text.
    at = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield at, m.end()
        at = m.end()
    if at < len(text):
        yield at, len(text)


def _cut_long(text: str, a: int, b: int, size: int) -> Iterator[tuple[int, int]]:
    while b - a > size:
        cut = _cut_point(text, a, a + size)
        yield a, cut
        a = cut
    yield a, b


def _cut_point(text: str, lo: int, hi: int) -> int:
    # The last good break in the second half of text[lo:hi]; a hard cut if none.
    floor = lo + (hi - lo) // 2
    for pattern in _CUT_POINTS:
        last = None
        for m in pattern.finditer(text, floor, hi):
            last = m
        if last is not None:
            return last.end()
    return hi


def extract_in_pieces(
    source: Source,
    extract: Callable[[Source], Iterable[Claim]],
    *,
    limit: int = CHUNK_CHARS,
) -> Iterator[Claim]:
    """The claims ``extract`` finds in ``source``, read a piece at a time
    (:func:`chunk_spans`).  A short source is handed over as it is; the claims of a
    piece are moved onto ``source`` (spans shifted, ids re-derived).  Anything
    ``extract`` yields that is not a claim of its piece is passed on as it is, for the
    caller's checks to report."""
    spans = chunk_spans(source.text, limit)
    if len(spans) <= 1:
        yield from extract(source)
        return
    for start, end in spans:
        piece = Source.from_text(
            source.text[start:end],
            uri=source.uri,
            title=source.title,
            publisher=source.publisher,
            published_at=source.published_at,
            retrieved_at=source.retrieved_at,
            language=source.language,
            meta=source.meta,
        )
        for claim in extract(piece):
            if not isinstance(claim, Claim) or claim.source_id != piece.id:
                yield claim
                continue
            span = (claim.span[0] + start, claim.span[1] + start)
            speaker = claim.speaker.id if claim.speaker is not None else None
            yield attrs.evolve(
                claim, id=claim_id(source.id, span, speaker), source_id=source.id, span=span
            )

"""Built-in extractor: the rule-based English news extractor (``claimtrack.english``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..chunks import extract_in_pieces
from ..extraction import ExtractContext
from ..hookspecs import hookimpl
from ..languages import reads_languages
from ..model import Claim, Source


@hookimpl
@reads_languages("en")
def claimtrack_extract(source: Source, context: ExtractContext) -> Iterator[Claim]:
    """Yield the claims of an English ``source`` (other languages yield nothing).

    A long source is read a piece at a time (:mod:`claimtrack.chunks`), so the
    extractor's working memory follows the piece, not the source."""
    from ..english import extract_claims

    yield from extract_in_pieces(source, lambda piece: extract_claims(piece, context))

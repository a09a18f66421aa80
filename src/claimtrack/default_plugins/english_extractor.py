"""Built-in extractor: the rule-based English news extractor (``claimtrack.english``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..extraction import ExtractContext
from ..hookspecs import hookimpl
from ..model import Claim, Source


@hookimpl
def claimtrack_extract(source: Source, context: ExtractContext) -> Iterator[Claim]:
    """Yield the claims of an English ``source`` (other languages yield nothing)."""
    from ..english import extract_claims

    yield from extract_claims(source, context)

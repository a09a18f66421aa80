"""The rule-based English news extractor: sentences, quotes, speakers, kinds, commitments.

:func:`extract_claims` reads one :class:`~claimtrack.model.Source` and yields its claims.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extraction import ExtractContext
from ..model import Claim, Source

__all__ = ["extract_claims"]


def extract_claims(source: Source, context: ExtractContext) -> Iterator[Claim]:
    """Yield every claim in ``source`` (work in progress: yields nothing yet)."""
    return iter(())

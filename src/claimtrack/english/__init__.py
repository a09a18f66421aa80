"""The rule-based English news extractor: sentences, quotes, speakers, kinds, commitments.

:func:`extract_claims` reads one :class:`~claimtrack.model.Source` and yields its
claims; the modules beside this one hold its parts (``text``: paragraphs, sentences and
quotation marks; ``speakers``: who is speaking; ``kinds``: what a claim does;
``extractor``: the passes that put them together).
"""

from __future__ import annotations

from .extractor import EnglishExtractor, extract_claims

__all__ = ["EnglishExtractor", "extract_claims"]

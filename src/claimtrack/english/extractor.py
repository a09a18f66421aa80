"""The English news extractor: from a source's text to its claims.

The reading happens in three passes over the paragraphs:

1. **Segment.**  Page furniture and bylines are set aside (the byline names the
   publisher).  Each paragraph's quotation marks are paired; a quotation left open
   continues into the next paragraph when that one opens with a quotation mark.  A
   quotation is *direct* when it stands as its own sentence ("'...,' he said",
   "he said: '...'"), *inline* when it sits inside a reported sentence ("called it
   'not good enough'").  Headlines and standfirsts are read as headlines.
2. **Attribute.**  Direct quotations take their speaker from the attribution beside
   them, else from the quotation chain (a later "he continued"), else from the last
   speaker.  Reported speech is found from cues ("X said (that)", "X warned that",
   "according to X", "X told Y", ", saying that", "claims that") and their subjects;
   names, short forms, role phrases and pronouns resolve through :class:`Speakers`.
3. **Classify.**  Each claim is split as finely as it asserts (sentences, lists of
   undertakings after one "will", spoken enumerations), and :func:`kinds.analyse`
   gives its kind, who must act, the action, the condition; the due window comes from
   ``context.find_windows`` on the clause, in the future tense.

Each stage lives in its own module; :class:`EnglishExtractor` puts their classes
together: ``reader_state`` (shared state, units), ``quotations`` and
``quote_attribution`` (passes 1 and 2 on quotations), ``reported_speech``,
``cue_finding``, ``speaker_phrases`` and ``noun_phrases`` (reported speech),
``publisher_claims`` (the article's own claims), ``pieces`` (splitting), and
``kind_reading``, ``due_reading`` and ``claim_assembly`` (pass 3).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..extraction import ExtractContext
from ..model import Claim, Source
from .claim_assembly import ClaimAssembly
from .quotations import Quotations
from .reader_state import Attribution

__all__ = ["EnglishExtractor", "extract_claims"]


def extract_claims(source: Source, context: ExtractContext) -> Iterator[Claim]:
    """Yield every claim in ``source`` (see the module docstring for how)."""
    if source.language and not source.language.lower().startswith("en"):
        return iter(())
    return iter(EnglishExtractor(source, context).run())


class EnglishExtractor(Quotations, ClaimAssembly):
    """Reads one source; :meth:`run` returns its claims.  One instance per source."""

    def run(self) -> list[Claim]:
        """Extract and return the claims, in text order."""
        paras = self._paragraphs()
        chain_attr: dict[int, Attribution | None] = {}
        for idx, para in enumerate(paras):
            if para.role == "skip":
                continue
            if para.role == "headline":
                self._headline(para.start, para.end)
                continue
            self._body(para, paras, idx, chain_attr)
        self._learn_groups()
        return [self._current_names(c) for c in self._claims()]

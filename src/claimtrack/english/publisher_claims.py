"""Publisher claims: the article's own plans, forecasts and demands in sentences nobody
else is reported to say, and the scheduled events it reports ("ahead of talks on
Friday").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ClaimKind
from .claim_spans import trim
from .due_reading import TIME_WORDS
from .kind.clauses import pieces as clause_pieces
from .kind.headline import keeps_headline_demand
from .kinds import analyse
from .lexicon import EVENT_NOUNS
from .reader_state import ReaderState, Unit
from .segment import Context as SegmentContext
from .segment import split
from .text import Tok


class PublisherClaims(ReaderState):
    """Reads the article's own claims."""

    def _cut_event(
        self, toks: Sequence[Tok], start: int, end: int, sentence: tuple[int, int], headline: bool
    ) -> int:
        # "... ahead of military chiefs meeting this week": a scheduled event the
        # publisher reports; it is cut from the claim around it and stands alone.
        for k in range(start, end - 2):
            if toks[k].low == "ahead" and toks[k + 1].low == "of":
                a = k + 2
                b = a
                while b < end and toks[b].text not in {",", ";", ".", "—", "–"}:
                    b += 1
                phrase = toks[a:b]
                eventish = any(t.low.endswith("ing") or t.low in EVENT_NOUNS for t in phrase)
                timed = any(t.low in TIME_WORDS for t in phrase)
                if eventish and timed and b - a >= 2:
                    self.units.append(
                        Unit(
                            toks[a].start,
                            toks[b - 1].end,
                            self.publisher_mention,
                            "event",
                            sentence,
                            confidence=0.55,
                        )
                    )
                    return k if k > start else end
        return end

    def _publisher_sentence(
        self, toks: Sequence[Tok], sentence: tuple[int, int], headline: bool
    ) -> None:
        if len(toks) < 3:
            return
        # The first cut (kind/clauses.py: a second schedule clause) and then the
        # segmentation rules find the clauses; each is a claim of the article's own when
        # it plans, forecasts or demands.  An absolute clause, or a piece that shares
        # the verb or subject of a kept one ("... from 1 July and the second route from
        # 2 July"), shares that one's kind.
        prev = -1
        context = SegmentContext(publisher=True, headline=headline)
        whole = [(0, len(toks), False, "")]
        for pa, pb, absolute, cut in clause_pieces(toks) if not headline else whole:
            for n, piece in enumerate(split(toks[pa:pb], context)):
                ptoks = toks[pa + piece.start : pa + piece.end]
                if len(ptoks) < 3 and not piece.shares:
                    continue
                found = analyse(ptoks, publisher=True, headline=headline)
                shares = (absolute and n == 0) or bool(piece.shares)
                head = prev if shares and prev >= 0 and found.kind is ClaimKind.STATEMENT else None
                if (
                    head is None
                    and not piece.plan
                    and (
                        found.kind is ClaimKind.STATEMENT
                        or (found.kind is ClaimKind.DEMAND and not keeps_headline_demand(found))
                    )
                ):
                    continue
                a, b = trim(self.text, ptoks[0].start, ptoks[-1].end)
                if b <= a:
                    continue
                mode = "headline" if headline else "publisher"
                unit = Unit(a, b, self.publisher_mention, mode, sentence, confidence=0.55)
                unit.head = head
                unit.segs = (cut, *piece.rules) if cut and n == 0 else piece.rules
                if piece.shares == "subject":
                    unit.flags = frozenset({"elided"})
                if not piece.extra:
                    prev = len(self.units)
                self.units.append(unit)

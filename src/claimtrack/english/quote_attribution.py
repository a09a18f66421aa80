"""Quotation attribution: the speaker named beside a direct quotation ("'...,' he said",
"X said: '...'"), the quotation read into claim units, and the speech reported inside
it ("..., saying there must be ...").
"""

from __future__ import annotations

from collections.abc import Sequence

from .attribution.cues import join as _join
from .claim_spans import trim
from .kinds import is_verbish
from .lexicon import CUES, FIRST_PERSON, PARTICIPLE_CUES, PRONOUNS
from .noun_phrases import np_after, np_before, np_forward
from .pieces import split_pieces
from .reader_state import Attribution, Unit
from .segment import Context as SegmentContext
from .segment import refine
from .speaker_phrases import SpeakerPhrases
from .speakers import Mention
from .text import QuoteSeg, Tok, split_sentences


class QuoteAttribution(SpeakerPhrases):
    """Attributes direct quotations and reads them into units."""

    def _attribution_after(self, s: int, e: int, between: bool) -> Attribution | None:
        toks = self.tokens(s, e)
        limit = len(toks)
        for k, t in enumerate(toks):
            if t.text in {".", "!", "?"} and not between:
                limit = k + 1
                break
        words = 0
        for i in range(limit):
            t = toks[i]
            if t.is_word:
                words += 1
            if words > 9:
                return None
            if t.low not in CUES:
                continue
            span = np_before(toks, i, 0)
            mentions: list[Mention] = []
            if span is not None:
                mentions = self._mentions(toks, span[0], span[1])
            else:
                after = np_after(toks, i + 1, limit)
                if after is not None:
                    mentions = self._mentions(toks, after[0], after[1])
            if not mentions:
                return None
            end_tok = limit
            for k in range(i + 1, limit):
                if toks[k].low in PARTICIPLE_CUES and toks[k - 1].text == ",":
                    end_tok = k - 1
                    break
            end = toks[end_tok - 1].end if end_tok > 0 else e
            if between:
                end = e
            if span is not None and span[2] is not None:
                for m in mentions:
                    self.speakers.learn_apposition(m.actor, _join(toks, span[2][0], span[2][1]))
            pron = None
            if span is not None and span[1] - span[0] == 1 and toks[span[0]].low in {"he", "she"}:
                pron = toks[span[0]].low
            elif i + 1 < limit and toks[i + 1].low in {"he", "she"}:
                pron = toks[i + 1].low  # "..., said he."
            return Attribution(mentions, t.low, (s, end), pron)
        return None

    def _attribution_before(self, s: int, e: int) -> Attribution | None:
        sents = split_sentences(self.text, s, e)
        if not sents:
            return None
        a, b = sents[-1]
        toks = self.tokens(a, b)
        if toks and toks[-1].text == ":":
            toks = toks[:-1]
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].low in CUES:
                span = np_before(toks, i, 0)
                if span is None:
                    break
                mentions = self._mentions(toks, span[0], span[1])
                if span[2] is not None:
                    for m in mentions:
                        self.speakers.learn_apposition(m.actor, _join(toks, span[2][0], span[2][1]))
                if mentions:
                    return Attribution(mentions, toks[i].low, (a, b))
                break
        if 0 < len(toks) <= 4 and all(t.is_cap for t in toks if t.is_word):
            mentions = self._mentions(toks, 0, len(toks))
            if mentions:
                return Attribution(mentions, None, (a, b))
        return None

    def _direct(
        self,
        q: QuoteSeg,
        mentions: list[Mention],
        cue: str | None,
        chain: int,
        conf: float,
        carried: frozenset[str] = frozenset(),
        via: str = "adjacent",
    ) -> None:
        text = self.text
        for ss, se in split_sentences(text, q.inner_start, q.inner_end):
            toks = self.tokens(ss, se)
            pieces = refine(toks, split_pieces(toks, direct=True), SegmentContext(direct=True))
            first_unit: dict[int, int] = {}
            for p_idx, (p_start, p_end, flags, head, segs) in enumerate(pieces):
                ptoks = toks[p_start:p_end]
                if sum(1 for t in ptoks if t.is_word) < 3:
                    continue
                if len(pieces) > 1 and not is_verbish(ptoks) and "segmented" not in flags:
                    continue  # a fragment left by a split ("given the last few days")
                a, b = trim(text, ptoks[0].start, ptoks[-1].end)
                if b <= a:
                    continue
                first_unit[p_idx] = len(self.units)
                if carried:
                    flags = flags | carried
                    carried = frozenset()
                for m_idx, m in enumerate(mentions):
                    head_unit = first_unit.get(head) if head is not None else None
                    self.units.append(
                        Unit(
                            a,
                            b,
                            m,
                            "direct",
                            (ss, se),
                            cue=cue,
                            direct=True,
                            chain=chain,
                            flags=flags,
                            head=None if head_unit is None else head_unit + m_idx,
                            confidence=conf,
                            via=via,
                            segs=segs,
                        )
                    )
                self._nested(ptoks, (ss, se))

    def _nested(self, toks: Sequence[Tok], sentence: tuple[int, int]) -> None:
        # "Putin is trying to delay, saying there must be ...": Putin's claim, reported
        # inside the speaker's own quotation.
        for i in range(1, len(toks) - 2):
            if toks[i].low in PARTICIPLE_CUES and toks[i - 1].text == ",":
                subj = np_forward(toks, 0, i - 1)
                if subj is None:
                    return
                words = [t.text for t in toks[subj[0] : subj[1]]]
                if not words[0][:1].isupper() or words[0].lower() in PRONOUNS | FIRST_PERSON:
                    return
                m = self.speakers.name(words)
                if m is None:
                    return
                comp = i + 1
                if toks[comp].low == "that":
                    comp += 1
                a, b = trim(self.text, toks[comp].start, toks[-1].end)
                if b > a:
                    self.units.append(
                        Unit(
                            a,
                            b,
                            Mention(m.actor, 0.6),
                            "nested",
                            sentence,
                            cue=toks[i].low,
                            confidence=0.6,
                            via="participle",
                        )
                    )
                return

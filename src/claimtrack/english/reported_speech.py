"""Reported speech: the narrative sentences of a paragraph (and headlines), their cues,
and each cue's complement cut into claim units.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .attribution import Cue, cue_via
from .claim_spans import fully_quoted, trim
from .cue_finding import CONTROL_CUES, CueFinding, control_to
from .lexicon import DEMAND_CUES
from .noun_phrases import inside
from .pieces import split_pieces
from .publisher_claims import PublisherClaims
from .reader_state import Para, Unit
from .segment import Context as SegmentContext
from .segment import refine
from .text import CLOSE_MARKS, Tok, scan_quotes, split_sentences, strip_span


class ReportedSpeech(CueFinding, PublisherClaims):
    """Reads narrative sentences into reported claims and publisher claims."""

    def _headline(self, s: int, e: int) -> None:
        # Headlines join their parts with dashes or bars: "X to meet Y - as Z confirms W".
        text = self.text
        cuts = [s]
        for sep in (" - ", " – ", " — ", " | "):
            pos = text.find(sep, s, e)
            while pos >= 0:
                cuts.append(pos)
                cuts.append(pos + len(sep))
                pos = text.find(sep, pos + len(sep), e)
        cuts.append(e)
        cuts.sort()
        parts = list(zip(cuts[::2], cuts[1::2], strict=False))
        merged: list[tuple[int, int]] = []
        for a, b in parts:
            head = text[a:b].lstrip().lower()
            if merged and head.startswith(("if ", "unless ", "provided ")):
                merged[-1] = (merged[-1][0], b)  # "... – if donors pay": its condition
            else:
                merged.append((a, b))
        for a, b in merged:
            a, b = strip_span(text, a, b)
            toks = self.tokens(a, b)
            while toks and toks[0].low in {"as", "while", "after", "and", "amid"}:
                toks = toks[1:]
            if len(toks) < 3:
                continue
            segs = scan_quotes(text, toks[0].start, b)
            inline = [(q.open, q.end) for q in segs]
            self._narrative(toks[0].start, b, inline, headline=True)

    def _narrative_run(self, s: int, e: int, consumed: list[tuple[int, int]], para: Para) -> None:
        # Remove the attribution sentences already used for direct quotations.
        ranges = [(s, e)]
        for cs, ce in consumed:
            nxt: list[tuple[int, int]] = []
            for a, b in ranges:
                if ce <= a or cs >= b:
                    nxt.append((a, b))
                    continue
                if cs > a:
                    nxt.append((a, cs))
                if ce < b:
                    nxt.append((ce, b))
            ranges = nxt
        if self._inline_for != para.start:  # once per paragraph, not once per piece
            self._inline = [(q.open, q.end) for q in para.segs]
            self._inline_ends = [y for _x, y in self._inline]
            self._inline_for = para.start
        inline, inline_ends = self._inline, self._inline_ends
        for a, b in ranges:
            a, b = strip_span(self.text, a, b)
            if b - a < 3:
                continue
            lo = bisect_left(inline_ends, a + 1)
            guards = []
            for x, y in inline[lo:]:
                if x >= b:
                    break
                guards.append((x, y))
            for ss, se in split_sentences(self.text, a, b, guards):
                self._narrative(ss, se, guards)

    def _narrative(
        self, ss: int, se: int, inline: list[tuple[int, int]], headline: bool = False
    ) -> None:
        toks = self.tokens(ss, se)
        if not toks:
            return
        quoted = inside(toks, inline)
        cues = self._find_cues(toks, quoted)
        sentence = (ss, se)
        mode = "headline" if headline else "indirect"
        if cues:
            for c in cues:
                for m in c.mentions:
                    self.speakers.note_speaker(m.actor)
            for k, c in enumerate(cues):
                end = len(toks)
                if c.kind == "inverted":
                    end = c.comp_end
                else:
                    for nxt_k in range(k + 1, len(cues)):
                        later = cues[nxt_k]
                        if later.kind not in {"participle", "inverted"}:
                            end = later.boundary
                            break
                        if later.kind == "participle" and c.kind in {
                            "participle",
                            "verb",
                            "passive-agent",
                        }:
                            end = later.boundary  # "X said A, adding that B": A ends
                            break
                start = c.comp
                end = self._cut_event(toks, start, end, sentence, headline)
                if end - start < 1:
                    continue
                self._complement(toks, start, end, c, sentence, mode)
        else:
            end = self._cut_event(toks, 0, len(toks), sentence, headline)
            self._publisher_sentence(toks[:end], sentence, headline)
            if not headline:
                self._note_subject(toks)

    def _complement(
        self,
        toks: Sequence[Tok],
        start: int,
        end: int,
        cue: Cue,
        sentence: tuple[int, int],
        mode: str,
    ) -> None:
        while end > start and not toks[end - 1].is_word and toks[end - 1].text not in CLOSE_MARKS:
            end -= 1
        if end - start < 2:
            return
        words = [t for t in toks[start:end] if t.is_word]
        if len(words) < 2:
            return
        first_cut = split_pieces(toks[start:end], direct=False)
        context = SegmentContext(cue=cue.word, headline=mode == "headline")
        pieces = refine(toks[start:end], first_cut, context)
        first_unit: dict[int, int] = {}
        for p_idx, (p_start, p_end, flags, head, segs) in enumerate(pieces):
            a, b = trim(self.text, toks[start + p_start].start, toks[start + p_end - 1].end)
            if b <= a:
                continue
            first_unit[p_idx] = len(self.units)
            head_unit = first_unit.get(head) if head is not None else None
            direct = fully_quoted(
                self.text, toks[start + p_start].start, toks[start + p_end - 1].end
            )
            conf = {"verb": 0.8, "participle": 0.7, "nominal": 0.55}.get(cue.kind, 0.7)
            addressee = None
            first_word = cue.word.split()[0]
            if first_word in DEMAND_CUES and cue.word != "called for":
                to = next((k for k in range(start, end) if toks[k].low == "to"), -1)
                if to > start:
                    addressee = (toks[start].start, toks[to - 1].end)
            elif first_word in CONTROL_CUES and p_start == 0 and toks[start - 1].low == first_word:
                to = control_to(toks, start - 1)
                if to > start:
                    addressee = (toks[start].start, toks[to - 1].end)
            for m_idx, m in enumerate(cue.mentions):
                self.units.append(
                    Unit(
                        a,
                        b,
                        m,
                        "nested" if cue.kind == "participle" else mode,
                        sentence,
                        cue=cue.word,
                        direct=direct,
                        flags=flags,
                        head=None if head_unit is None else head_unit + m_idx,
                        addressee=addressee,
                        confidence=conf,
                        via=cue_via(cue.kind, cue.word),
                        segs=segs,
                    )
                )

"""The quotation passes over paragraphs: page furniture set aside, headlines told from
body paragraphs, quotation marks paired and chained across paragraphs, interview labels
and datelines, and each direct quotation given its speaker.
"""

from __future__ import annotations

import attrs

from .attribution import dash_dateline, is_dateline
from .claim_spans import last_char
from .lexicon import CUES, ORDINALS
from .quote_attribution import QuoteAttribution
from .reader_state import Attribution, Para
from .reported_speech import ReportedSpeech
from .speakers import Mention
from .text import QuoteSeg, is_byline, is_furniture, paragraphs, scan_quotes, strip_span


class Quotations(ReportedSpeech, QuoteAttribution):
    """The paragraph passes: segment, then attribute."""

    def _paragraphs(self) -> list[Para]:
        out: list[Para] = []
        continuing = False
        chain = 0
        content = 0
        for s, e in paragraphs(self.text):
            line = self.text[s:e]
            if is_byline(line) or is_furniture(line):
                out.append(Para(s, e, [], "skip", -1))
                continuing = False
                continue
            segs = scan_quotes(self.text, s, e, continuing)
            carries = bool(segs) and segs[0].continued
            if not carries:
                chain += 1
            role = "body"
            if not carries and not (segs and segs[0].open == s):
                stripped = line.rstrip("\"”’'» ")
                words = len(line.split())
                if (content == 0 and words <= 30 and not stripped.endswith((".", "!", "?"))) or (
                    words <= 20 and stripped and stripped[-1] not in ".!?…:;,"
                ):
                    role = "headline"
            out.append(Para(s, e, segs, role, chain))
            continuing = bool(segs) and not segs[-1].closed
            content += 1
        return out

    def _classify_segs(self, para: Para) -> list[tuple[str, int, int, QuoteSeg | None]]:
        """Pieces of a paragraph: ("n", s, e, None) narrative, ("q", s, e, seg) direct."""
        text = self.text
        pieces: list[tuple[str, int, int, QuoteSeg | None]] = []
        pos = para.start
        narr_start = para.start
        for k, q in enumerate(para.segs):
            before = text[pos : q.open].strip()
            last = last_char(text, narr_start, q.open)
            starts_ok = (
                q.continued
                or last < 0
                or text[last] in ":.!?"
                or (
                    pieces
                    and pieces[-1][0] == "q"
                    and before.endswith(",")
                    and len(before.split()) <= 8
                )
            )
            after = text[q.end : para.segs[k + 1].open if k + 1 < len(para.segs) else para.end]
            inner_tail = text[max(q.inner_start, q.inner_end - 1) : q.inner_end]
            after_s = after.lstrip()
            ends_ok = (
                not q.closed
                or not after_s
                or after_s[0] in ",.;:!?—–-)"
                or inner_tail in {",", ".", "!", "?", "…"}
                or self._looks_like_attribution(q.end, q.end + len(after))
            )
            if starts_ok and ends_ok and q.inner_end > q.inner_start:
                if q.open > narr_start:
                    pieces.append(("n", narr_start, q.open, None))
                pieces.append(("q", q.open, q.end, q))
                narr_start = q.end
            pos = q.end
        if narr_start < para.end:
            pieces.append(("n", narr_start, para.end, None))
        return pieces

    def _looks_like_attribution(self, s: int, e: int) -> bool:
        toks = self.tokens(s, e)[:8]
        return any(t.low in CUES for t in toks)

    def _label(self, para: Para) -> bool:
        """Read an interview line ("Q: ...", "Mayor Dana Whitlock: ..."); True if it was one."""
        text = self.text
        colon = text.find(":", para.start, min(para.end, para.start + 48))
        if colon < 0 or (para.segs and para.segs[0].open < colon):
            return False
        label = self.tokens(para.start, colon)
        if (
            not label
            or len([t for t in label if t.is_word]) > 4
            or not all(t.is_cap for t in label if t.is_word)
        ):
            return False
        if any(t.low in CUES for t in label):
            return False
        words = [t.text for t in label if t.is_word]
        if not words:
            return False
        first_paragraph = self._first_body == para.start
        # Looked up once, for the first body paragraph only: linear in the text.
        used_again = first_paragraph and (
            self.text.find("\n" + text[para.start : colon] + ":", para.end) >= 0
        )
        if is_dateline(words, first_paragraph=first_paragraph, used_again=used_again):
            self._dateline = (para.start, colon + 1, para.end)
            return False
        if words[0].lower() in {"q", "question", "interviewer"}:
            return True  # a question asserts nothing
        if words[0].lower() in {"a", "answer"}:
            mention = (
                Mention(self.speakers.last_speaker, 0.7) if self.speakers.last_speaker else None
            )
        else:
            mention = self.speakers.name(words)
        if mention is None:
            return False
        self.speakers.note_speaker(mention.actor)
        a, b = strip_span(text, colon + 1, para.end)
        if b > a:
            seg = QuoteSeg(colon, a, b, para.end, True, False)
            self._direct(seg, [mention], None, para.chain, 0.85, via="label")
        return True

    def _body(
        self, para: Para, paras: list[Para], idx: int, chain_attr: dict[int, Attribution | None]
    ) -> None:
        if self._first_body < 0:
            self._first_body = para.start  # the first body paragraph may open with a dateline
        if self._label(para):
            return
        if self._dateline is None and not para.segs and self._first_body == para.start:
            cut = dash_dateline(self.text[para.start : para.end])
            if cut:
                self._dateline = (para.start, para.start + cut, para.end)
        if self._dateline is not None and self._dateline[0] == para.start:
            # "PORTSMOUTH: The board will ...": the story starts after its dateline.
            start, _ = strip_span(self.text, self._dateline[1], para.end)
            para = attrs.evolve(para, start=start)
        pieces = self._classify_segs(para)
        text = self.text
        attrs_for: dict[int, Attribution] = {}
        consumed: dict[int, list[tuple[int, int]]] = {}
        for k, (kind, _s, _e, _q) in enumerate(pieces):
            if kind != "q":
                continue
            if k > 0 and pieces[k - 1][0] == "n":
                ns, ne = pieces[k - 1][1], pieces[k - 1][2]
                if text[ns:ne].rstrip().endswith(":"):
                    found = self._attribution_before(ns, ne)
                    if found:
                        attrs_for[k] = found
                        consumed.setdefault(k - 1, []).append(found.consumed)
            if k + 1 < len(pieces) and pieces[k + 1][0] == "n":
                ns, ne = pieces[k + 1][1], pieces[k + 1][2]
                between = k + 2 < len(pieces) and pieces[k + 2][0] == "q"
                found = self._attribution_after(ns, ne, between)
                if found:
                    attrs_for.setdefault(k, found)
                    if between:
                        attrs_for.setdefault(k + 2, found)
                    consumed.setdefault(k + 1, []).append(found.consumed)
        para_attr = next(iter(attrs_for.values()), None) if attrs_for else None
        first_in_chain = not (para.segs and para.segs[0].continued)
        if first_in_chain or (chain_attr.get(para.chain) is None and para_attr is not None):
            chain_attr[para.chain] = para_attr
        if para_attr is None and chain_attr.get(para.chain) is None:
            chain_attr[para.chain] = self._lookahead(paras, idx)
        fallback = para_attr or chain_attr.get(para.chain)
        pending: frozenset[str] = frozenset()
        for k, (kind, s, e, q) in enumerate(pieces):
            if kind == "n":
                self._narrative_run(s, e, consumed.get(k, []), para)
                continue
            assert q is not None
            inner = text[q.inner_start : q.inner_end].strip(" ,.;:").lower()
            if inner in ORDINALS or inner in {"first", "firstly"}:
                # "'Thirdly,' he added, '...'": the next quotation is a list item.
                pending = frozenset({"ordinal"})
                continue
            found = attrs_for.get(k) or fallback
            via = "adjacent" if k in attrs_for else "chain"
            if found is not None:
                mentions, cue, conf = found.mentions, found.cue, 0.9
                if found.pronoun is not None:
                    # "X, an analyst at Y, said ... "...," she said": "she" is read after
                    # the narrative before it has introduced X.
                    again = self.speakers.pronoun(found.pronoun)
                    if again is not None:
                        mentions = [again]
            elif self.speakers.last_speaker is not None:
                mentions, cue, conf = [Mention(self.speakers.last_speaker, 0.6)], None, 0.7
                via = "last-speaker"
            else:
                mentions, cue, conf = [self.publisher_mention], None, 0.4
                via = "publisher"
            for m in mentions:
                self.speakers.note_speaker(m.actor)
            self._direct(q, mentions, cue, para.chain, conf, pending, via)
            pending = frozenset()

    def _lookahead(self, paras: list[Para], idx: int) -> Attribution | None:
        # A quotation running over paragraphs is often attributed only at its end.
        chain = paras[idx].chain
        for j in range(idx + 1, min(len(paras), idx + 12)):
            p = paras[j]
            if p.chain != chain or p.role != "body":
                return None
            pieces = self._classify_segs(p)
            for k, (kind, s, e, _q) in enumerate(pieces):
                if kind == "n" and k > 0 and pieces[k - 1][0] == "q":
                    found = self._attribution_after(s, e, k + 1 < len(pieces))
                    if found:
                        return found
        return None

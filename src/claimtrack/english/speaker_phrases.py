"""Speaker phrases: the speakers a span of tokens names, the subject of a clause with
its apposition, and the subject a sentence with no cue makes the latest speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ActorKind
from .attribution.cues import join as _join
from .kinds import AUX, VERB_FORMS
from .lexicon import CUES, ROLE_WORDS, TITLES
from .noun_phrases import (
    CONNECTORS,
    NEVER_SPEAKERS,
    np_before,
    np_forward,
    quoted_start,
    role_then_name,
)
from .reader_state import ReaderState
from .speakers import Mention, split_names
from .text import Tok


class SpeakerPhrases(ReaderState):
    """Turns spans of tokens into the speakers they name."""

    def _mentions(self, toks: Sequence[Tok], a: int, b: int) -> list[Mention]:
        words = [t.text for t in toks[a:b] if t.text not in {"“", "”", '"', "."}]
        lows = [w.lower() for w in words]
        if "of" in lows[1:]:
            k = lows.index("of")
            head = words[:k]
            if (
                head
                and all(w[:1].isupper() for w in head)
                and (len(head) >= 2 or lows[0] in TITLES)
            ):
                # "Dr John Pike of the Department of Agriculture": the person speaks.
                words = head
        out: list[Mention] = []
        for name in split_names(words):
            if not name or (name[0].lower() in NEVER_SPEAKERS and not (name == ["It"] and a == 0)):
                continue  # "It demanded ..." opening a sentence: the latest organisation
            m = self.speakers.name(name)
            if m is not None:
                out.append(m)
        return out

    def _clause_subject(
        self, toks: Sequence[Tok], lo: int, hi: int
    ) -> tuple[int, int, tuple[int, int] | None] | None:
        """The subject of the clause ``toks[lo:hi]``, with its apposition: "Turkey's
        foreign minister, Mehmet Aydin, ...", "Karim Saleh, head of X, ...",
        "Environmental group Green Coast Alliance ..."."""
        k = lo
        while k < hi and k - lo < 4 and (toks[k].low in CONNECTORS or not toks[k].is_word):
            k += 1
        start = k
        while k < hi and k - start < 9 and (toks[k].is_word or toks[k].text in {"'", "’"}):
            low = toks[k].low
            if (
                k > start
                and not toks[k].is_cap
                and (low in VERB_FORMS or low in AUX or low in CUES)
            ):
                break
            k += 1
        end = k
        if end <= start:
            return None
        if end < hi and toks[end].text == ",":
            # NP "," NAME/ROLE "," — one of the two is the name, the other its apposition.
            c = end + 1
            while c < hi and c - end <= 9 and toks[c].text != ",":
                c += 1
            if c < hi and toks[c].text == "," and c > end + 1:
                inner_cap = toks[end + 1].is_cap and all(
                    t.is_cap or not t.is_word for t in toks[end + 1 : c]
                )
                if inner_cap and not all(t.is_cap for t in toks[start:end] if t.is_word):
                    return end + 1, c, (start, end)  # "Turkey's foreign minister, NAME,"
                if toks[start].is_cap and any(t.low in ROLE_WORDS for t in toks[end + 1 : c]):
                    return start, end, (end + 1, c)  # "NAME, head of X,"
        while end > start and not toks[end - 1].is_cap:
            end -= 1
        if end <= start:
            return None
        return start, end, None

    def _note_subject(self, toks: Sequence[Tok]) -> None:
        # "Sam Reed arrived." makes Sam Reed the one a following "he said" means.
        found = self._clause_subject(toks, 0, len(toks))
        if found is not None and found[2] is not None:
            a, b, appos = found
            assert appos is not None
            words = [t.text for t in toks[a:b] if t.is_word]
            mention = self.speakers.name(words) if len(words) >= 2 else None
            if mention is not None and mention.actor.kind is ActorKind.PERSON:
                self.speakers.learn_apposition(mention.actor, _join(toks, appos[0], appos[1]))
                self.speakers.note_speaker(mention.actor)
                return
        subj = np_forward(toks, 0, min(len(toks), 8))
        if subj is not None and subj[1] - subj[0] < 2:
            subj = role_then_name(toks)  # "Chief executive Lim Dae-ho apologised ..."
        if subj is None or subj[1] - subj[0] < 2:
            # "The firm's CEO Dana Prill said its ...": a cue read as no claim still
            # names who spoke, for the "she added" after it.
            cue_at = next((k for k, t in enumerate(toks[:10]) if k and t.low in CUES), -1)
            span = np_before(toks, cue_at, 0) if cue_at > 0 else None
            subj = None if span is None or span[0] != 0 else (span[0], span[1])
        if subj is None or subj[1] - subj[0] < 2 or quoted_start(toks, subj[0]):
            return
        words = [t.text for t in toks[subj[0] : subj[1]] if t.is_word]
        if len(words) < 2 or any(w.lower() in NEVER_SPEAKERS or w.lower() == "and" for w in words):
            return
        mention = self.speakers.name(words)
        if mention is not None and mention.actor.kind is ActorKind.PERSON:
            self.speakers.note_speaker(mention.actor)

"""Reported-speech cue finding: the cues of one sentence ("X said (that)", "told Y to",
"according to X", ", saying that", "claims that", inverted "..., said X") with their
speakers and where their complements start and end.
"""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import (
    AGENT_VERBS,
    PRE_NOMINAL,
    Cue,
    according_cue,
    in_condition,
    nominal_cue,
    noun_use,
    participle_subject,
    passive_agent_cue,
    relative_antecedent,
)
from .attribution.cues import join as _join
from .kinds import AUX, VERB_FORMS, is_verbish, skip_time_adverbial
from .lexicon import (
    ABBREVIATIONS,
    CUES,
    DEMAND_CUES,
    DETERMINERS,
    NOMINAL_CUES,
    PARTICIPLE_CUES,
    PRONOUNS,
    WEAK_CUES,
)
from .noun_phrases import (
    BEFORE_CUE_SKIP,
    CONNECTORS,
    np_after,
    np_before,
    np_before_plain,
    np_forward,
)
from .pieces import ELIDED_MODALS
from .speaker_phrases import SpeakerPhrases
from .speakers import Mention
from .text import CLOSE_MARKS, OPEN_MARKS, Tok

_ARTICLES = frozenset(
    {"the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your"}
)


# Words that open a time or place phrase between a cue and its "that" ("said on
# Thursday that"), and cues whose object sits there ("told reporters that").
_TIME_LEAD = frozenset(
    [
        "on",
        "at",
        "in",
        "during",
        "after",
        "before",
        "last",
        "this",
        "earlier",
        "late",
        "later",
        "yesterday",
        "today",
        "tonight",
        "recently",
        "previously",
        "again",
        "repeatedly",
    ]
)


_OBJECT_CUES = frozenset(
    [
        "told",
        "tells",
        "tell",
        "warned",
        "warns",
        "assured",
        "assures",
        "reminded",
        "reminds",
        "informed",
        "informs",
        "promised",
        "promises",
    ]
)


#: Cues whose passive ("they were told ...") reports what others heard, not a speaker.
_PASSIVE_TOLD = frozenset(["told", "assured", "promised", "reminded", "informed"])


_CONTINUATIONS = frozenset({"but", "and", "though", "although", "while", "yet"})


CONTROL_CUES = frozenset(
    {
        "told",
        "tells",
        "ordered",
        "orders",
        "instructed",
        "instructs",
        "directed",
        "directs",
        "required",
        "requires",
        "advised",
        "advises",
    }
)


_CONTROL_ONLY = frozenset({"ordered", "orders", "instructed", "instructs", "directed", "directs"})


_WEEKDAY_NAMES = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


_ATTITUDE_CUES = frozenset(
    {"expects", "expect", "believes", "believe", "thinks", "hopes", "fears", "predicts"}
)


_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their"})


_NOUNISH_FORMS = frozenset(
    {"plan", "plans", "deal", "deals", "report", "reports", "results", "talks", "news"}
)


def _short_tail(toks: Sequence[Tok], k: int) -> bool:
    """Whether ``toks[k:]`` is only punctuation or a short adverbial ("in a statement",
    "on Tuesday"): what is left after a final attribution."""
    words = 0
    for t in toks[k:]:
        if t.is_word:
            words += 1
            if words > 5 or (t.low in VERB_FORMS and not t.is_cap and t.low not in _TIME_LEAD):
                return False
    return True


def _anaphoric_object(toks: Sequence[Tok], k: int) -> bool:
    """Whether the words from ``k`` to the next stop are a definite noun phrase with no
    verb and no figure ("the plan on Sunday alongside X"): a thing, not a proposition."""
    for j in range(k, min(len(toks), k + 14)):
        t = toks[j]
        if (
            t.text == "."
            and j > k
            and (len(toks[j - 1].text) == 1 or toks[j - 1].low in ABBREVIATIONS)
        ):
            continue  # "the U.S. Army"
        if t.text in {",", ".", ";", ":", "!", "?"}:
            break
        if t.text in OPEN_MARKS or t.text[:1].isdigit():
            return False
        if t.low in AUX or (t.low in VERB_FORMS and t.low not in _NOUNISH_FORMS):
            return False
        if (
            j > k + 1
            and len(t.low) > 4
            and t.low.endswith("ed")
            and j + 1 < len(toks)
            and toks[j + 1].is_word
            and toks[j + 1].low not in {"by", "in", "on", "at", "for", "with", "from", "to"}
            and toks[j - 1].is_word
            and toks[j - 1].low not in DETERMINERS
        ):
            return False  # "that its drug slowed cognitive decline": a past-tense verb
    return True


def control_to(toks: Sequence[Tok], i: int) -> int:
    """The "to" of "told X to VERB" after an object of at most six words, else -1."""
    n = len(toks)
    for k in range(i + 1, min(n - 1, i + 8)):
        t = toks[k]
        v = toks[k + 1]
        if t.low == "to" and (
            v.low in VERB_FORMS
            or (v.is_word and not v.is_cap and v.low not in DETERMINERS and v.low not in PRONOUNS)
        ):
            return k
        if not t.is_word or t.low in AUX or t.low in {"that", "to"}:
            return -1
    return -1


def _modal_clause(toks: Sequence[Tok], i: int) -> bool:
    """A short subject then a modal at ``i``: "the recall would cost ..."."""
    for k in range(i, min(len(toks), i + 7)):
        t = toks[k]
        if k > i and (t.low in ELIDED_MODALS or t.low in {"will", "must"}):
            return True
        if not t.is_word or t.low in AUX or t.low in {"that", "to"}:
            return False
    return False


class CueFinding(SpeakerPhrases):
    """Finds the reported-speech cues of a sentence."""

    def _find_cues(self, toks: Sequence[Tok], quoted: Sequence[bool]) -> list[Cue]:
        n = len(toks)
        out: list[Cue] = []
        i = 0
        while i < n:
            t = toks[i]
            low = t.low
            if quoted[i] or not t.is_word:
                i += 1
                continue
            prev = toks[i - 1].low if i > 0 else ""
            nxt = toks[i + 1].low if i + 1 < n else ""
            cue: Cue | None = None
            if low in AGENT_VERBS and nxt == "by":
                # "... was rejected by X"; inside another's report ("the owners said the
                # plans were opposed by unions") the report stands.
                cue = passive_agent_cue(self, toks, i)
                if cue is not None and out and cue.comp == 0:
                    cue = None
            elif low == "according" and nxt == "to":
                cue = self._according(toks, i)
            elif low in PARTICIPLE_CUES and prev == ",":
                subj = participle_subject(toks, i - 1) or np_forward(toks, 0, i - 1)
                mentions = self._mentions(toks, subj[0], subj[1]) if subj else []
                if not mentions and self.speakers.last_speaker is not None:
                    mentions = [Mention(self.speakers.last_speaker, 0.6)]
                comp = i + 1
                if comp < n and toks[comp].low == "that":
                    comp += 1
                if mentions:
                    cue = Cue("participle", i, comp, i - 1, mentions, low)
            elif low in NOMINAL_CUES and (prev in PRE_NOMINAL or i == 0 or low not in CUES):
                cue = self._nominal(toks, i)
            elif (
                low in CUES
                and prev != "to"
                and prev not in _ARTICLES
                and prev not in ELIDED_MODALS  # "would announce its grants": no speech yet
                and not (prev in {"been", "being"} and low.endswith(("ed", "told")))
                and not (prev in {"was", "were"} and low in _PASSIVE_TOLD)
                and not noun_use(toks, i)  # "the prize-money pledge": a noun
            ):
                # "his members had been told the bridge would reopen": a passive report
                # inside the speaker's claim, not a new speaker.
                cue = self._verb_cue(toks, i, out)
                if cue is not None and out and in_condition(toks, i, cue.boundary):
                    cue = None  # "... unless the federation guaranteed ...": the condition
                if (
                    cue is not None
                    and cue.kind == "verb"
                    and out
                    and out[-1].kind == "verb"
                    and cue.boundary == out[-1].comp
                    and cue.word in _ATTITUDE_CUES
                ):
                    # "He said Northwind expects ...": what he said holds the attitude.
                    cue = None
            if cue is not None:
                out.append(cue)
                if self._continuation is not None:
                    out.append(self._continuation)
                    self._continuation = None
                for m in cue.mentions:  # "X said ..., though he acknowledged ...": X
                    self.speakers.note_speaker(m.actor)
                i = max(i + 1, cue.comp)
            else:
                i += 1
        return out

    def _verb_cue(self, toks: Sequence[Tok], i: int, previous: list[Cue]) -> Cue | None:
        self._continuation = None
        n = len(toks)
        low = toks[i].low
        nxt = toks[i + 1].low if i + 1 < n else ""
        comp = i + 1
        word = low
        if low in {"called", "calls"}:
            if nxt not in {"for", "on"}:
                return None
            comp, word = i + 2, f"{low} {nxt}"
        elif low in {"asked", "asks"} and nxt in {"whether", "if"}:
            comp, word = i + 2, f"{low} {nxt}"  # an indirect question: a request
        elif low in {"asked", "asks", "pressed", "challenged", "challenges"}:
            if not any(toks[k].low == "to" for k in range(i + 1, min(n, i + 7))):
                return None
        elif low in {"accused", "accuses"}:
            if not any(toks[k].low == "of" for k in range(i + 1, min(n, i + 7))):
                return None
        elif low in {"wants", "wanted"}:
            return None  # "wanted X to" is read by kinds.analyse inside a complement
        # "that" a few tokens on ("said on Thursday that", "told analysts on a
        # conference call that") opens the complement.
        skippable = comp < n and (toks[comp].low in _TIME_LEAD or low in _OBJECT_CUES)
        for k in range(comp, min(n, comp + (9 if low in _OBJECT_CUES else 6))):
            tk = toks[k]
            if tk.low == "that":
                if k == comp or skippable:
                    comp = k + 1
                break
            if not tk.is_word or tk.low in AUX:
                break
            if tk.low in VERB_FORMS:
                prev_k = toks[k - 1]
                noun_compound = (
                    k > comp
                    and prev_k.is_word
                    and prev_k.low not in VERB_FORMS
                    and prev_k.low not in PRONOUNS
                    and prev_k.low not in AUX
                )
                if not noun_compound:
                    break
        if comp < n and toks[comp].text == ":":
            comp += 1
        control = low in CONTROL_CUES and control_to(toks, i + 1) > 0
        if low in _CONTROL_ONLY and not control:
            return None  # "ordered the evacuation": no "to VERB", no demand
        if control:
            comp = i + 1  # "told X to halt ...": X and what X must do
        elif low in {"told", "tells", "tell"} and comp == i + 1:
            obj = np_after(toks, i + 1, n)
            if obj is None:
                return None
            comp = obj[1]
        span = np_before(toks, i, 0)
        if span is None and i >= 2 and toks[i - 1].low == "who" and toks[i - 2].text == ",":
            span = relative_antecedent(toks, i - 2, np_before_plain)  # ", who said"
        if low in WEAK_CUES and comp == i + 1:
            to_ok = low in {"committed", "commits"} and comp < n and toks[comp].low == "to"
            tail = (
                span is not None
                and span[0] > 1
                and toks[span[0] - 1].text == ","
                and _short_tail(toks, comp)
            )  # "..., she added."
            clause = low not in {
                "called",
                "calls",
                "asked",
                "asks",
                "committed",
                "commits",
            } and _modal_clause(
                toks, comp
            )  # "estimated the recall would cost ...": a clause without "that"
            if (
                not (comp < n and toks[comp].text in OPEN_MARKS)
                and not to_ok
                and not tail
                and not clause
            ):
                return None
        if (
            low not in DEMAND_CUES
            and not control
            and low not in {"accused", "accuses"}
            and comp < n
            and toks[comp].low in _DEFINITE
            and not (comp > 0 and toks[comp - 1].low == "that")  # "said that its ...": a clause
            and _anaphoric_object(toks, comp)
        ):
            return None  # "announced the plan on Sunday": no proposition
        if span is None and i > 1 and not toks[i - 1].is_cap and _short_tail(toks, i + 1):
            # "..., mayor pledges" (a headline): a bare role before a final cue.
            c = i - 1
            while c > 0 and i - c <= 4 and toks[c].is_word:
                c -= 1
            if toks[c].text == "," and c + 1 < i:
                role = self._mentions(toks, c + 1, i)
                if role:
                    return Cue("inverted", i, 0, 0, role, low, comp_end=c)
        mentions: list[Mention] = []
        boundary = i
        if span is not None:
            mentions = self._mentions(toks, span[0], span[1])
            if span[2] is not None:
                for m in mentions:
                    self.speakers.learn_apposition(m.actor, _join(toks, span[2][0], span[2][1]))
            boundary = span[0]
        else:
            j = i - 1
            while j >= 0 and toks[j].low in BEFORE_CUE_SKIP:
                j -= 1
            if j >= 0 and toks[j].low in {"and", "but"} and previous:
                mentions = previous[-1].mentions  # "X said ..., but signalled ..."
                boundary = j
            elif j > 0 and toks[j].low in {"and", "but"} and toks[j - 1].text != ",":
                # "Turkey's foreign minister, X, did not attend but said that ...": the
                # clause's subject speaks.
                subj = self._clause_subject(toks, 0, j)
                if subj is None:
                    return None
                mentions = self._mentions(toks, subj[0], subj[1])
                described = self.speakers.described([t.text for t in toks[:j]])
                if not mentions and described is not None:
                    mentions = [described]  # "The 85-year-old ... has pledged to"
                if subj[2] is not None:
                    appo = subj[2]
                    for m in mentions:
                        self.speakers.learn_apposition(m.actor, _join(toks, appo[0], appo[1]))
                boundary = j
            elif j >= 0 and (toks[j].text == "," or toks[j].text in CLOSE_MARKS):
                after = np_after(toks, i + 1, n)
                if after is not None and after[1] >= n - 1:
                    mentions = self._mentions(toks, after[0], after[1])
                    if mentions:
                        end_at = j - 1 if j > 0 and toks[j - 1].text == "," else j
                        return Cue("inverted", i, 0, 0, mentions, low, comp_end=end_at)
                return None
        if not mentions:
            return None
        if span is not None and span[0] > 1 and toks[span[0] - 1].text == ",":
            rest = toks[comp:]
            r = skip_time_adverbial(toks, comp) if comp < n else comp
            if r == comp and comp < n and toks[comp].low in _WEEKDAY_NAMES:
                r = comp + 1
            if (
                r < n - 1
                and toks[r].text == ","
                and (toks[r + 1].low.endswith("ing") or toks[r + 1].low == "without")
            ):
                rest = []  # "..., the agency said Tuesday, rejecting ...": inverted
            if (
                r < n - 2
                and toks[r].text == ","
                and toks[r + 1].low in _CONTINUATIONS
                and is_verbish(toks[r + 2 :])
                and span[0] > 2
            ):
                # "A had offered loans, she said, but none had signed": what comes before
                # is hers, and so is what follows the conjunction.
                self._continuation = Cue("verb", i, r + 2, span[0] - 1, mentions, word)
                rest = []
            if not rest or not is_verbish(rest) or rest[0].low in _TIME_LEAD:
                # "X will do Y, the council's leader confirmed on Tuesday."
                return Cue("inverted", i, 0, 0, mentions, word, comp_end=span[0] - 1)
        while boundary > 0 and (
            toks[boundary - 1].low in CONNECTORS or toks[boundary - 1].text == ","
        ):
            boundary -= 1
        return Cue("verb", i, comp, boundary, mentions, word)

    def _according(self, toks: Sequence[Tok], i: int) -> Cue | None:
        return according_cue(self, toks, i)

    def _nominal(self, toks: Sequence[Tok], i: int) -> Cue | None:
        return nominal_cue(self, toks, i)

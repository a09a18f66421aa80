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
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from urllib.parse import urlparse

import attrs

from ..extraction import ExtractContext
from ..model import Actor, ActorKind, Claim, ClaimKind, Grain, Source, TimeWindow
from .actor import ActorQuery, Actors
from .attribution import (
    AGENT_VERBS,
    CUE_ADVERBS,
    PRE_NOMINAL,
    Cue,
    according_cue,
    cue_via,
    dash_dateline,
    in_condition,
    is_dateline,
    nominal_cue,
    noun_use,
    participle_subject,
    passive_agent_cue,
    plural_after_join,
    relative_antecedent,
    role_apposition,
)
from .attribution.cues import join as _join
from .due import Choice as DueChoice
from .due import DueContext, needs_sentence
from .due import choose as choose_due
from .due import from_sentence as due_from_sentence
from .kind.clauses import absolute_cuts, named_cuts, preamble_end
from .kind.clauses import pieces as clause_pieces
from .kind.headline import keeps_headline_demand
from .kind.provenance import attribution_rule, claim_rules, kind_rule
from .kinds import AUX, VERB_FORMS, Analysis, analyse, is_verbish, skip_time_adverbial
from .lexicon import (
    ABBREVIATIONS,
    ADVERBS,
    CLAUSE_WORDS,
    COMMENTATOR_WORDS,
    COUNTRY_OF,
    CUES,
    DEMAND_CUES,
    DETERMINERS,
    EVENT_NOUNS,
    FIRST_PERSON,
    INSTITUTION_NOUNS,
    NOMINAL_CUES,
    ORDINALS,
    ORG_WORDS,
    PARTICIPLE_CUES,
    PLEDGE_CUES,
    PREDICTION_CUES,
    PRONOUNS,
    ROLE_WORDS,
    TITLES,
    VERBS,
    WEAK_CUES,
)
from .segment import Context as SegmentContext
from .segment import refine, split
from .speakers import Mention, Speakers, split_names
from .text import (
    CLOSE_MARKS,
    OPEN_MARKS,
    QuoteSeg,
    Tok,
    TokenIndex,
    byline_publisher,
    is_byline,
    is_furniture,
    paragraphs,
    scan_quotes,
    split_sentences,
    strip_span,
)

__all__ = ["EnglishExtractor", "extract_claims"]

_STRIP = "\"“”‘’'«»„ ,.;:—–-…([)]"
_TRAIL = " ,.;:—–-…"
_CONNECTORS = frozenset(
    {"and", "but", "or", "so", "then", "instead", "while", "despite", "amid", "as"}
)
_BEFORE_CUE_SKIP = (
    ADVERBS
    | CUE_ADVERBS
    | {
        "has",
        "have",
        "had",
        "also",
        "both",
        "again",
        "once",
        "would",
        "will",
        "did",
    }
)
_ARTICLES = frozenset(
    {"the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your"}
)
_PRE_NOMINAL = PRE_NOMINAL
_TIME_WORDS = frozenset(
    [
        "today",
        "tomorrow",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "weekend",
        "month",
        "year",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
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
# Words every time phrase holds at least one of (with digits): a cheap filter before
# the time grammar.  Broad on purpose: a false hint costs only time.
_TIME_HINTS = _TIME_WORDS | frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "weekends",
        "month",
        "months",
        "year",
        "years",
        "quarter",
        "quarters",
        "decade",
        "decades",
        "century",
        "hour",
        "hours",
        "minute",
        "minutes",
        "fortnight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "midnight",
        "noon",
        "dawn",
        "dusk",
        "soon",
        "shortly",
        "imminently",
        "immediately",
        "later",
        "earlier",
        "recently",
        "ago",
        "future",
        "course",
        "yesterday",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "christmas",
        "easter",
        "thanksgiving",
        "ramadan",
        "eid",
        "diwali",
        "hanukkah",
        "halloween",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "term",
        "session",
        "half",
        "deadline",
    ]
)
_GOVERNMENT_ROLES = (
    "minister",
    "secretary",
    "chancellor",
    "prime minister",
    "president",
    "pm",
    "premier",
    "mayor",
    "governor",
    "treasurer",
)
#: Who a union official speaks for ("staff will walk out unless ...").
_MEMBER_NOUNS = frozenset(
    ["staff", "members", "workers", "lecturers", "teachers", "nurses", "drivers", "employees"]
)
#: Cues whose passive ("they were told ...") reports what others heard, not a speaker.
_PASSIVE_TOLD = frozenset(["told", "assured", "promised", "reminded", "informed"])
#: Titles of a company's officers, who speak for the company.
_CORPORATE_WORDS = frozenset(
    ["chief", "executive", "ceo", "cfo", "director", "chairman", "chairwoman", "officer"]
)
#: Policy instruments a central bank's officials set ("rates will stay on hold").
_POLICY_NOUNS = frozenset(["rates", "rate", "costs"])
# Words in a speaker's names that make them an office-holder of an institution.
_OFFICE_WORDS = frozenset(
    [
        "minister",
        "secretary",
        "chancellor",
        "president",
        "premier",
        "mayor",
        "governor",
        "chief",
        "executive",
        "ceo",
        "cfo",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "treasurer",
        "vice-chancellor",
        "commissioner",
        "manager",
        "founder",
        "boss",
        "councillor",
        "cllr",
        "leader",
    ]
)
_SPOKES = ("spokesman", "spokeswoman", "spokesperson", "spokespeople")
_GOV_OFFICES = frozenset(
    [
        "minister",
        "secretary",
        "chancellor",
        "president",
        "premier",
        "governor",
        "pm",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)
_LOCAL_OFFICES = _GOV_OFFICES | frozenset(
    ["mayor", "councillor", "cllr", "leader", "chief", "executive", "head", "commissioner"]
)
_CORPORATE_OFFICES = frozenset(
    [
        "chief",
        "executive",
        "ceo",
        "cfo",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "boss",
        "manager",
        "officer",
        "head",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    ]
)
# Which offices speak for which institutions: a minister for "the government", a chief
# executive for "the company"; not a campaign group's director for "the government".
_OFFICES_OF: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ["government", "state", "ministry", "department", "administration", "country", "nation"],
        _GOV_OFFICES,
    ),
    **dict.fromkeys(
        ["city", "council", "authority", "town", "county", "municipality", "region", "province"],
        _LOCAL_OFFICES,
    ),
    **dict.fromkeys(
        [
            "company",
            "firm",
            "group",
            "retailer",
            "business",
            "bank",
            "board",
            "airline",
            "carrier",
            "operator",
        ],
        _CORPORATE_OFFICES,
    ),
}
_NEVER_SPEAKERS = frozenset(
    {"it", "this", "that", "which", "who", "what", "there", "these", "those"}
)
_ELABORATION = (("that", "means"), ("this", "means"), ("in", "other"))
_GROUP_HEADS = frozenset(
    [
        "coalition",
        "alliance",
        "party",
        "government",
        "company",
        "team",
        "union",
        "country",
        "nation",
        "members",
        "partners",
        "allies",
        "movement",
        "campaign",
        "organisation",
        "organization",
        "group",
        "business",
        "firm",
        "administration",
    ]
)


@attrs.define
class _Unit:
    """A claim candidate: its span, who said it and how it was found."""

    start: int
    end: int
    speaker: Mention
    mode: str  # direct, indirect, nested, publisher, headline, event
    sentence: tuple[int, int]
    cue: str | None = None
    direct: bool = False
    chain: int = -1
    flags: frozenset[str] = frozenset()
    head: int | None = None  # index of the unit a coordinated item inherits from
    addressee: tuple[int, int] | None = None  # absolute span of "urged X to"'s X
    confidence: float = 0.7
    via: str = ""  # the attribution rule that found the speaker (see provenance.py)
    segs: tuple[str, ...] = ()  # the segmentation rules that drew its boundaries


@attrs.define
class _Attribution:
    mentions: list[Mention]
    cue: str | None
    consumed: tuple[int, int]
    pronoun: str | None = None  # "he"/"she": resolved again when its quotation is read


@attrs.define
class _Para:
    start: int
    end: int
    segs: list[QuoteSeg]
    role: str  # skip, headline, body
    chain: int


_Cue = Cue  # the cue families' type (attribution/cues.py)


def extract_claims(source: Source, context: ExtractContext) -> Iterator[Claim]:
    """Yield every claim in ``source`` (see the module docstring for how)."""
    if source.language and not source.language.lower().startswith("en"):
        return iter(())
    return iter(EnglishExtractor(source, context).run())


class EnglishExtractor:
    """Reads one source; :meth:`run` returns its claims.  One instance per source."""

    def __init__(self, source: Source, context: ExtractContext) -> None:
        self.source = source
        self.text = source.text
        self.context = context
        self.units: list[_Unit] = []
        self._continuation: _Cue | None = None  # set by _verb_cue for "..., she said, but"
        self._index = TokenIndex(self.text)
        self._inline: list[tuple[int, int]] = []
        self._inline_ends: list[int] = []
        self._inline_for = -1
        self._dateline: tuple[int, int, int] | None = None
        self._first_body = -1  # where the first body paragraph starts
        self._last_day: TimeWindow | None = None  # for "the same day" (see due.py)
        self._last_due: TimeWindow | None = None  # for "on schedule" (see due.py)
        self.publisher = self._publisher()
        self.speakers = Speakers(context.registry, self.publisher)
        self.publisher_mention = Mention(self.publisher, 0.7)
        self.actors = Actors(context.registry, self.speakers, self.tokens, _clean, self.text)

    def tokens(self, start: int, end: int) -> list[Tok]:
        """The tokens of ``text[start:end]`` (from the one tokenisation of the text)."""
        return self._index.slice(start, end)

    # -- publisher -------------------------------------------------------------------

    def _publisher(self) -> Actor:
        name = (self.source.publisher or "").strip()
        if not name:
            for s, e in paragraphs(self.text)[:12]:
                line = self.text[s:e]
                if is_byline(line):
                    name = byline_publisher(line) or ""
                    if name:
                        break
        if not name and self.source.uri and "://" in self.source.uri:
            host = urlparse(self.source.uri).netloc
            name = host[4:] if host.startswith("www.") else host
        if not name:
            name = "the publisher"
        try:
            return self.context.registry.resolve_or_add(name, ActorKind.ORGANISATION)
        except ValueError:
            return Actor.named(name, ActorKind.ORGANISATION)

    # -- pass 1 and 2: segment and attribute ----------------------------------------

    def run(self) -> list[Claim]:
        """Extract and return the claims, in text order."""
        paras = self._paragraphs()
        chain_attr: dict[int, _Attribution | None] = {}
        for idx, para in enumerate(paras):
            if para.role == "skip":
                continue
            if para.role == "headline":
                self._headline(para.start, para.end)
                continue
            self._body(para, paras, idx, chain_attr)
        self._learn_groups()
        return [self._current_names(c) for c in self._claims()]

    def _current_names(self, claim: Claim) -> Claim:
        # Names learnt later in the article ("Sir Keir Starmer" after a headline's
        # "Starmer") give every claim of that actor its fullest name; ids do not change.
        registry = self.context.registry
        speaker = claim.speaker and (registry.get(claim.speaker.id) or claim.speaker)
        actor = claim.actor and (registry.get(claim.actor.id) or claim.actor)
        if speaker == claim.speaker and actor == claim.actor:
            return claim
        return attrs.evolve(claim, speaker=speaker, actor=actor)

    def _paragraphs(self) -> list[_Para]:
        out: list[_Para] = []
        continuing = False
        chain = 0
        content = 0
        for s, e in paragraphs(self.text):
            line = self.text[s:e]
            if is_byline(line) or is_furniture(line):
                out.append(_Para(s, e, [], "skip", -1))
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
            out.append(_Para(s, e, segs, role, chain))
            continuing = bool(segs) and not segs[-1].closed
            content += 1
        return out

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

    def _classify_segs(self, para: _Para) -> list[tuple[str, int, int, QuoteSeg | None]]:
        """Pieces of a paragraph: ("n", s, e, None) narrative, ("q", s, e, seg) direct."""
        text = self.text
        pieces: list[tuple[str, int, int, QuoteSeg | None]] = []
        pos = para.start
        narr_start = para.start
        for k, q in enumerate(para.segs):
            before = text[pos : q.open].strip()
            last = _last_char(text, narr_start, q.open)
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

    def _label(self, para: _Para) -> bool:
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
        self, para: _Para, paras: list[_Para], idx: int, chain_attr: dict[int, _Attribution | None]
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
        attrs_for: dict[int, _Attribution] = {}
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

    def _lookahead(self, paras: list[_Para], idx: int) -> _Attribution | None:
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

    def _attribution_after(self, s: int, e: int, between: bool) -> _Attribution | None:
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
            span = _np_before(toks, i, 0)
            mentions: list[Mention] = []
            if span is not None:
                mentions = self._mentions(toks, span[0], span[1])
            else:
                after = _np_after(toks, i + 1, limit)
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
            return _Attribution(mentions, t.low, (s, end), pron)
        return None

    def _attribution_before(self, s: int, e: int) -> _Attribution | None:
        sents = split_sentences(self.text, s, e)
        if not sents:
            return None
        a, b = sents[-1]
        toks = self.tokens(a, b)
        if toks and toks[-1].text == ":":
            toks = toks[:-1]
        for i in range(len(toks) - 1, -1, -1):
            if toks[i].low in CUES:
                span = _np_before(toks, i, 0)
                if span is None:
                    break
                mentions = self._mentions(toks, span[0], span[1])
                if span[2] is not None:
                    for m in mentions:
                        self.speakers.learn_apposition(m.actor, _join(toks, span[2][0], span[2][1]))
                if mentions:
                    return _Attribution(mentions, toks[i].low, (a, b))
                break
        if 0 < len(toks) <= 4 and all(t.is_cap for t in toks if t.is_word):
            mentions = self._mentions(toks, 0, len(toks))
            if mentions:
                return _Attribution(mentions, None, (a, b))
        return None

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
                and lows[0] not in DETERMINERS  # "The Association of Rural Bakers": one name
            ):
                # "Dr John Pike of the Department of Agriculture": the person speaks.
                words = head
        out: list[Mention] = []
        for name in split_names(words):
            if not name or (name[0].lower() in _NEVER_SPEAKERS and not (name == ["It"] and a == 0)):
                continue  # "It demanded ..." opening a sentence: the latest organisation
            m = self.speakers.name(name)
            if m is not None:
                out.append(m)
        return out

    # -- narrative ---------------------------------------------------------------------

    def _narrative_run(self, s: int, e: int, consumed: list[tuple[int, int]], para: _Para) -> None:
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
        quoted = _inside(toks, inline)
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

    def _clause_subject(
        self, toks: Sequence[Tok], lo: int, hi: int
    ) -> tuple[int, int, tuple[int, int] | None] | None:
        """The subject of the clause ``toks[lo:hi]``, with its apposition: "Turkey's
        foreign minister, Mehmet Aydin, ...", "Karim Saleh, head of X, ...",
        "Environmental group Green Coast Alliance ..."."""
        k = lo
        while k < hi and k - lo < 4 and (toks[k].low in _CONNECTORS or not toks[k].is_word):
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
        subj = _np_forward(toks, 0, min(len(toks), 8))
        if subj is not None and subj[1] - subj[0] < 2:
            subj = _role_then_name(toks)  # "Chief executive Lim Dae-ho apologised ..."
        if subj is None or subj[1] - subj[0] < 2:
            # "The firm's CEO Dana Prill said its ...": a cue read as no claim still
            # names who spoke, for the "she added" after it.
            cue_at = next((k for k, t in enumerate(toks[:10]) if k and t.low in CUES), -1)
            span = _np_before(toks, cue_at, 0) if cue_at > 0 else None
            subj = None if span is None or span[0] != 0 else (span[0], span[1])
        if subj is None or subj[1] - subj[0] < 2 or quoted_start(toks, subj[0]):
            return
        words = [t.text for t in toks[subj[0] : subj[1]] if t.is_word]
        if len(words) < 2 or any(w.lower() in _NEVER_SPEAKERS or w.lower() == "and" for w in words):
            return
        mention = self.speakers.name(words)
        if mention is not None and mention.actor.kind is ActorKind.PERSON:
            self.speakers.note_speaker(mention.actor)

    def _find_cues(self, toks: Sequence[Tok], quoted: Sequence[bool]) -> list[_Cue]:
        n = len(toks)
        out: list[_Cue] = []
        i = 0
        while i < n:
            t = toks[i]
            low = t.low
            if quoted[i] or not t.is_word:
                i += 1
                continue
            prev = toks[i - 1].low if i > 0 else ""
            nxt = toks[i + 1].low if i + 1 < n else ""
            cue: _Cue | None = None
            if low in AGENT_VERBS and nxt == "by":
                # "... was rejected by X"; inside another's report ("the owners said the
                # plans were opposed by unions") the report stands.
                cue = passive_agent_cue(self, toks, i)
                if cue is not None and out and cue.comp == 0:
                    cue = None
            elif low == "according" and nxt == "to":
                cue = self._according(toks, i)
            elif low in PARTICIPLE_CUES and prev == ",":
                subj = participle_subject(toks, i - 1) or _np_forward(toks, 0, i - 1)
                mentions = self._mentions(toks, subj[0], subj[1]) if subj else []
                if not mentions and self.speakers.last_speaker is not None:
                    mentions = [Mention(self.speakers.last_speaker, 0.6)]
                comp = i + 1
                if comp < n and toks[comp].low == "that":
                    comp += 1
                if mentions:
                    cue = _Cue("participle", i, comp, i - 1, mentions, low)
            elif low in NOMINAL_CUES and (prev in _PRE_NOMINAL or i == 0 or low not in CUES):
                cue = self._nominal(toks, i)
            elif (
                low in CUES
                and prev != "to"
                and prev not in _ARTICLES
                and prev not in _ELIDED_MODALS  # "would announce its grants": no speech yet
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

    def _verb_cue(self, toks: Sequence[Tok], i: int, previous: list[_Cue]) -> _Cue | None:
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
        control = low in _CONTROL_CUES and _control_to(toks, i + 1) > 0
        if low in _CONTROL_ONLY and not control:
            return None  # "ordered the evacuation": no "to VERB", no demand
        if control:
            comp = i + 1  # "told X to halt ...": X and what X must do
        elif low in {"told", "tells", "tell"} and comp == i + 1:
            obj = _np_after(toks, i + 1, n)
            if obj is None:
                return None
            comp = obj[1]
        span = _np_before(toks, i, 0)
        if span is None and i >= 2 and toks[i - 1].low == "who" and toks[i - 2].text == ",":
            span = relative_antecedent(toks, i - 2, _np_before_plain)  # ", who said"
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
                    return _Cue("inverted", i, 0, 0, role, low, comp_end=c)
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
            while j >= 0 and toks[j].low in _BEFORE_CUE_SKIP:
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
                after = _np_after(toks, i + 1, n)
                if after is not None and after[1] >= n - 1:
                    mentions = self._mentions(toks, after[0], after[1])
                    if mentions:
                        end_at = j - 1 if j > 0 and toks[j - 1].text == "," else j
                        return _Cue("inverted", i, 0, 0, mentions, low, comp_end=end_at)
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
                self._continuation = _Cue("verb", i, r + 2, span[0] - 1, mentions, word)
                rest = []
            if not rest or not is_verbish(rest) or rest[0].low in _TIME_LEAD:
                # "X will do Y, the council's leader confirmed on Tuesday."
                return _Cue("inverted", i, 0, 0, mentions, word, comp_end=span[0] - 1)
        while boundary > 0 and (
            toks[boundary - 1].low in _CONNECTORS or toks[boundary - 1].text == ","
        ):
            boundary -= 1
        return _Cue("verb", i, comp, boundary, mentions, word)

    def _according(self, toks: Sequence[Tok], i: int) -> _Cue | None:
        return according_cue(self, toks, i)

    def _nominal(self, toks: Sequence[Tok], i: int) -> _Cue | None:
        return nominal_cue(self, toks, i)

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
                timed = any(t.low in _TIME_WORDS for t in phrase)
                if eventish and timed and b - a >= 2:
                    self.units.append(
                        _Unit(
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
                a, b = _trim(self.text, ptoks[0].start, ptoks[-1].end)
                if b <= a:
                    continue
                mode = "headline" if headline else "publisher"
                unit = _Unit(a, b, self.publisher_mention, mode, sentence, confidence=0.55)
                unit.head = head
                unit.segs = (cut, *piece.rules) if cut and n == 0 else piece.rules
                if piece.shares == "subject":
                    unit.flags = frozenset({"elided"})
                if not piece.extra:
                    prev = len(self.units)
                self.units.append(unit)

    def _complement(
        self,
        toks: Sequence[Tok],
        start: int,
        end: int,
        cue: _Cue,
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
        first_cut = _split_pieces(toks[start:end], direct=False)
        context = SegmentContext(cue=cue.word, headline=mode == "headline")
        pieces = refine(toks[start:end], first_cut, context)
        first_unit: dict[int, int] = {}
        for p_idx, (p_start, p_end, flags, head, segs) in enumerate(pieces):
            a, b = _trim(self.text, toks[start + p_start].start, toks[start + p_end - 1].end)
            if b <= a:
                continue
            first_unit[p_idx] = len(self.units)
            head_unit = first_unit.get(head) if head is not None else None
            direct = _fully_quoted(
                self.text, toks[start + p_start].start, toks[start + p_end - 1].end
            )
            conf = {"verb": 0.8, "participle": 0.7, "nominal": 0.55}.get(cue.kind, 0.7)
            addressee = None
            first_word = cue.word.split()[0]
            if first_word in DEMAND_CUES and cue.word != "called for":
                to = next((k for k in range(start, end) if toks[k].low == "to"), -1)
                if to > start:
                    addressee = (toks[start].start, toks[to - 1].end)
            elif first_word in _CONTROL_CUES and p_start == 0 and toks[start - 1].low == first_word:
                to = _control_to(toks, start - 1)
                if to > start:
                    addressee = (toks[start].start, toks[to - 1].end)
            for m_idx, m in enumerate(cue.mentions):
                self.units.append(
                    _Unit(
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

    # -- direct quotations ----------------------------------------------------------

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
            pieces = refine(toks, _split_pieces(toks, direct=True), SegmentContext(direct=True))
            first_unit: dict[int, int] = {}
            for p_idx, (p_start, p_end, flags, head, segs) in enumerate(pieces):
                ptoks = toks[p_start:p_end]
                if sum(1 for t in ptoks if t.is_word) < 3:
                    continue
                if len(pieces) > 1 and not is_verbish(ptoks) and "segmented" not in flags:
                    continue  # a fragment left by a split ("given the last few days")
                a, b = _trim(text, ptoks[0].start, ptoks[-1].end)
                if b <= a:
                    continue
                first_unit[p_idx] = len(self.units)
                if carried:
                    flags = flags | carried
                    carried = frozenset()
                for m_idx, m in enumerate(mentions):
                    head_unit = first_unit.get(head) if head is not None else None
                    self.units.append(
                        _Unit(
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
                subj = _np_forward(toks, 0, i - 1)
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
                a, b = _trim(self.text, toks[comp].start, toks[-1].end)
                if b > a:
                    self.units.append(
                        _Unit(
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

    # -- pass 3: classify and build ------------------------------------------------

    def _learn_groups(self) -> None:
        # What a speaker means by "we": the group they call "our coalition ...".
        for u in self.units:
            if u.speaker.actor.id == self.publisher.id or self.speakers.group_of(u.speaker.actor):
                continue
            toks = self.tokens(u.start, u.end)
            for k, t in enumerate(toks[:-1]):
                if t.low != "our" or toks[k + 1].low not in _GROUP_HEADS:
                    continue
                end = k + 2
                if end + 1 < len(toks) and toks[end].low == "of" and toks[end + 1].low == "the":
                    end = min(len(toks), end + 3)
                self.speakers.learn_group(u.speaker.actor, _join(toks, k + 1, end))
                break

    def _claims(self) -> list[Claim]:
        out: list[Claim] = []
        analyses: list[tuple[Analysis, Sequence[Tok]]] = []
        last_by_speaker: dict[str, int] = {}
        seen: set[tuple[int, int, str]] = set()
        for idx, u in enumerate(self.units):
            toks = self.tokens(u.start, u.end)
            found = self._analyse(u, toks)
            if (
                u.head is not None
                and u.head < len(analyses)
                and found.trigger in {None, "imperative"}
            ):
                head_an = analyses[u.head][0]
                found = found._replace(
                    kind=head_an.kind, own_side=head_an.own_side, trigger="coordinated"
                )
            elif (
                "elided" in u.flags
                and u.head is not None
                and u.head < len(analyses)
                and found.subject is None
                and found.kind in {ClaimKind.COMMITMENT, ClaimKind.PREDICTION}
                and analyses[u.head][0].kind in {ClaimKind.COMMITMENT, ClaimKind.PREDICTION}
            ):
                # "X said prices would rise and would ...": the elided subject's kind.
                head_an = analyses[u.head][0]
                found = found._replace(kind=head_an.kind, own_side=head_an.own_side)
            elif ("ordinal" in u.flags or "elaboration" in u.flags) and found.trigger in {
                None,
                "imperative",
            }:
                prev = last_by_speaker.get(u.speaker.actor.id)
                if prev is not None and analyses[prev][0].kind in {
                    ClaimKind.COMMITMENT,
                    ClaimKind.DEMAND,
                }:
                    prev_an = analyses[prev][0]
                    found = found._replace(
                        kind=prev_an.kind, own_side=prev_an.own_side, trigger="inherited"
                    )
            analyses.append((found, toks))
            if u.mode != "nested":
                last_by_speaker[u.speaker.actor.id] = idx
            key = (u.start, u.end, u.speaker.actor.id)
            if key in seen:
                continue
            seen.add(key)
            claim = self._build(u, found, toks)
            if claim is not None:
                out.append(claim)
        out.sort(key=lambda c: (c.span, c.id))
        return out

    def _analyse(self, u: _Unit, toks: Sequence[Tok]) -> Analysis:
        speaker = u.speaker.actor
        group = self.speakers.group_of(speaker)
        registry = self.context.registry

        current = registry.get(speaker.id) or speaker  # aliases learnt after the mention
        names = " ".join((current.name, *current.aliases)).lower().replace("’", "'")

        name_words = set(names.replace(",", " ").split())
        opposition = "opposition" in name_words or "critics" in name_words
        office = bool(name_words & _OFFICE_WORDS) and not opposition
        country = self._country_of(current)

        def is_own(subject: str) -> bool:
            found = registry.resolve(subject)
            if found is not None and found.id == speaker.id:
                return True
            words = subject.lower().replace("’", "'").split()
            if not words:
                return False
            head = words[-1]
            bare = [w for w in words if w not in {"the", "also", "now"}]
            if country and " ".join(bare) in COUNTRY_OF and COUNTRY_OF[" ".join(bare)] == country:
                return True  # "Ankara" or "Turkey" said by Turkey's foreign minister
            if (
                words[0] == "the"
                and len(words) <= 3
                and head in INSTITUTION_NOUNS
                and (
                    current.kind is ActorKind.ORGANISATION
                    or (office and bool(name_words & _OFFICES_OF.get(head, _OFFICE_WORDS)))
                )
            ):
                return True  # "the company" said by its chief executive, or by itself
            if any(sp in names for sp in _SPOKES) and (
                (len(bare) == 1 and subject.strip().isupper() and len(bare[0]) >= 2)
                or head in ORG_WORDS
            ):
                return True  # a spokesperson speaks for "the UN"
            if group and head in group.lower().split():
                return True
            proper = [w for w in subject.replace("’", "'").split() if w[:1].isupper()]
            if (
                proper
                and len(proper) == len(bare)
                and current.kind is ActorKind.ORGANISATION
                and all(w.lower() in name_words for w in proper)
            ):
                return True  # "Orbis will ...", said by Orbis Devices (or "the company")
            speaker_words = current.name.lower().split()
            if (
                proper
                and len(proper) == len(bare)
                and len(speaker_words) == 2
                and speaker_words[0] == "the"
                and speaker_words[1] in _COMPANY_WORDS
                and (found is None or found.kind is not ActorKind.PERSON)
            ):
                return True  # "Orbis will hold a call, the company said": Orbis speaks
            # "the council's leader" speaks for the council; a minister for the government.
            if len(head) > 3 and (f"{head}'s" in names or f"of the {head}" in names):
                return True
            for w in words[:-1]:
                # "the council's cabinet", said by the council's cabinet member
                base = w[:-2] if w.endswith("'s") else ""
                if len(base) > 3 and (f"{base}'s" in names or f"of the {base}" in names):
                    return True
            if head in _MEMBER_NOUNS and ("union" in name_words or "union" in names):
                return True  # a union official speaks for its members
            if head in _POLICY_NOUNS and office and ("bank" in names or "governor" in names):
                return True  # a central bank's governor on its rates: forward guidance
            if head in _POLICY_NOUNS and office and "its president" in names:
                return True  # "the bank ..., and its president, X, said rates would ..."
            if (
                bool(name_words & _CORPORATE_WORDS)
                and found is not None
                and found.kind in {ActorKind.ORGANISATION, ActorKind.UNKNOWN}
                and proper
                and len(proper) == len(bare)
                and (group is None or group.lower() in found.name.lower())
            ):
                return True  # "Veridan would begin a trial", said by its chief executive
            return head == "government" and any(r in names for r in _GOVERNMENT_ROLES)

        def is_known(name: str) -> bool:
            return registry.resolve(name) is not None

        cue = u.cue.split()[0] if u.cue else None
        publisher = u.mode in {"publisher", "headline", "event"} and speaker.id == self.publisher.id
        commentator = bool(name_words & COMMENTATOR_WORDS) or current.name == "unnamed"
        if u.mode == "event":
            # "military chiefs meeting this week": who before the gerund, what from it.
            verb = next(
                (
                    k
                    for k, t in enumerate(toks)
                    if k and (t.low.endswith("ing") or t.low in EVENT_NOUNS)
                ),
                0,
            )
            subject = (0, verb) if verb else None
            return Analysis(
                ClaimKind.COMMITMENT,
                "event",
                subject,
                False,
                verb,
                (verb, len(toks)),
                None,
                None,
                False,
            )
        found = analyse(
            toks,
            cue=cue,
            publisher=publisher,
            headline=u.mode == "headline",
            direct=u.mode == "direct",
            is_own=is_own,
            is_known=is_known,
            reported=not u.direct and not publisher,
            authority=not commentator and not publisher,
        )
        if u.cue in {
            "called for",
            "called on",
            "calls for",
            "calls on",
            "asked whether",
            "asked if",
        } or ((cue in DEMAND_CUES or cue in _CONTROL_CUES) and u.addressee):
            found = found._replace(kind=ClaimKind.DEMAND, trigger="cue")
        elif cue in {"demanded", "demands", "demand"} and found.kind is ClaimKind.STATEMENT:
            # "It demanded that Vanta publish every complaint": a subjunctive demand.
            found = found._replace(kind=ClaimKind.DEMAND, trigger="cue")
        elif cue in PREDICTION_CUES and found.kind is ClaimKind.STATEMENT:
            found = found._replace(kind=ClaimKind.PREDICTION, trigger="cue")
        elif (
            cue in PLEDGE_CUES
            and found.kind is ClaimKind.STATEMENT
            and toks
            and toks[0].low != "to"
            and not is_verbish(toks)
        ):
            # "Minister promises league tables by the recess": the thing promised.
            found = found._replace(kind=ClaimKind.COMMITMENT, own_side=True, trigger="cue")
        elif cue in PLEDGE_CUES and toks and toks[0].low == "to":
            found = found._replace(
                kind=ClaimKind.COMMITMENT,
                own_side=True,
                trigger="cue",
                verb=1,
                action=(1, len(toks)),
            )
        return found

    def _build(self, u: _Unit, found: Analysis, toks: Sequence[Tok]) -> Claim | None:
        text = self.text
        kind = found.kind
        actor: Actor | None = None
        actor_conf: float | None = None
        action: str | None = None
        due: TimeWindow | None = None
        due_conf: float | None = None
        due_rule = ""
        actor_rule = ""
        condition: str | None = None
        cuts = sorted(f[4:] for f in u.flags if f.startswith("cut:"))
        revisions = [*cuts, *u.segs, *found.rules]
        if kind is not ClaimKind.STATEMENT:
            actor, actor_conf, actor_rule = self._actor(u, found, toks)
            if found.action is not None:
                a, b = found.action
                action = _clean(text[toks[a].start : toks[b - 1].end])
                if found.verb is not None and _negated(toks, found.verb):
                    action = f"not {action}"
            elif u.addressee is not None:
                to = next(
                    (k for k, t in enumerate(toks) if t.start >= u.addressee[1] and t.low == "to"),
                    -1,
                )
                action = (
                    _clean(text[toks[to + 1].start : u.end]) if 0 <= to < len(toks) - 1 else None
                )
            else:
                # An inherited or cue-made kind: the claim's own words are the action.
                a = 0
                while a < len(toks) - 1 and (
                    toks[a].low in {"that", "this", "means"} | ORDINALS or not toks[a].is_word
                ):
                    a += 1
                action = _clean(text[toks[a].start : u.end]) if toks else None
            if found.condition is not None:
                a, b = found.condition
                condition = _clean(text[toks[a].start : toks[b - 1].end])
            picked = self._due(u, found, toks)
            if picked is not None:
                due, due_conf, due_rule = picked.window, picked.confidence, picked.rule
        if found.trigger in {"progressive", "schedule"}:
            # "We are adding staff from next month", "The budget goes to a vote on 24
            # June": a plan only when its window lies ahead.
            ref = self.source.published_at
            ahead = due is not None and due.start is not None and ref is not None
            if not (
                ahead
                and due is not None
                and due.start is not None
                and ref is not None
                and due.start.date() >= ref.date()
            ):
                if u.speaker.actor.id == self.publisher.id:
                    return None
                revisions.append("kind.not-ahead")
                kind, actor, actor_conf, action, due, due_conf, condition = (
                    ClaimKind.STATEMENT,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                )
                actor_rule = due_rule = ""
        speaker_conf = u.speaker.confidence
        confidence = u.confidence * (0.6 + 0.4 * speaker_conf)
        if kind is not ClaimKind.STATEMENT and found.trigger in {"coordinated", "inherited"}:
            confidence *= 0.9
        rules = claim_rules(
            attribution_rule(u.mode, u.via),
            kind_rule(found.trigger, found.kind),
            [*revisions, actor_rule],
            due_rule if due is not None else None,
        )
        line = self._dateline
        if line is not None and line[1] <= u.start < line[2]:
            rules = ("attribution.dateline", *rules)  # the dateline set aside first
        try:
            return Claim.build(
                source_id=self.source.id,
                span=(u.start, u.end),
                speaker=u.speaker.actor,
                kind=kind,
                text=text[u.start : u.end],
                sentence=_sentence_around(text, u.sentence, (u.start, u.end)),
                cue=u.cue,
                direct=u.direct,
                asserted_at=self.source.published_at,
                actor=actor,
                action=action or None,
                due=due,
                condition=condition or None,
                confidence=round(min(1.0, max(0.0, confidence)), 3),
                confidences={
                    "speaker": round(speaker_conf, 3),
                    "actor": None if actor_conf is None else round(actor_conf, 3),
                    "due": None if due_conf is None else round(due_conf, 3),
                },
                rules=rules,
            )
        except (ValueError, TypeError):
            return None  # an invalid value is a bug in a rule: skip the claim, keep going

    def _actor(
        self, u: _Unit, found: Analysis, toks: Sequence[Tok]
    ) -> tuple[Actor | None, float | None, str]:
        addressee = u.addressee
        return self.actors.resolve(
            ActorQuery(
                speaker=u.speaker.actor,
                found=found,
                toks=toks,
                addressee=None if addressee is None else self.text[addressee[0] : addressee[1]],
                start=u.start,
                sentence_start=u.sentence[0],
                by_publisher=u.speaker.actor.id == self.publisher.id,
            )
        )

    def _country_of(self, actor: Actor) -> str | None:
        """The country an actor speaks for, from its names ("Turkey's foreign minister",
        "Greek Foreign Minister X", "Her Egyptian counterpart")."""
        group = self.speakers.group_of(actor)
        if group and group.lower() in COUNTRY_OF:
            return COUNTRY_OF[group.lower()]
        if actor.kind is ActorKind.COUNTRY and actor.name.lower() in COUNTRY_OF:
            return COUNTRY_OF[actor.name.lower()]
        for name in (actor.name, *actor.aliases):
            for w in name.replace("’", "'").split():
                low = w.lower()
                if low.endswith("'s"):
                    low = low[:-2]
                if low in COUNTRY_OF and w[:1].isupper():
                    return COUNTRY_OF[low]
        return None

    def _due_from_sentence(
        self, u: _Unit, base: int, clause: str, toks: Sequence[Tok]
    ) -> DueChoice | None:
        # A clause with no time phrase of its own: its sentence may give one before it.
        lo = max(u.sentence[0], base - SENTENCE_CONTEXT)
        prefix = self.text[lo:base]
        if not needs_sentence(prefix, clause):
            return None
        try:
            windows = self.context.find_windows(prefix, tense=_clause_tense(toks))
        except Exception:  # a failing time grammar must not lose the claim itself
            return None

        def reparse(phrase: str) -> TimeWindow | None:
            again = self.context.find_windows(phrase, tense=_clause_tense(toks))
            return again[0][1] if again else None

        return due_from_sentence(prefix, windows, clause, reparse)

    def _due(self, u: _Unit, found: Analysis, toks: Sequence[Tok]) -> DueChoice | None:
        if not toks:
            return None
        base = toks[0].start
        clause = self.text[base : toks[-1].end]
        skip: tuple[int, int] | None = None
        if found.condition is not None:
            a, b = found.condition
            skip = (toks[a].start - base, toks[b - 1].end - base)
        # The time grammar is the costliest step: clauses with no hint skip it.
        windows: list[tuple[tuple[int, int], TimeWindow]] = []
        try:
            if _may_hold_time(toks):
                windows = self.context.find_windows(clause, tense=_clause_tense(toks))
        except Exception:  # a failing time grammar must not lose the claim itself
            return None
        verb_at = -1
        if found.verb is not None and 0 <= found.verb < len(toks):
            verb_at = toks[found.verb].start - base

        def reparse(phrase: str) -> TimeWindow | None:
            again = self.context.find_windows(phrase, tense=_clause_tense(toks))
            return again[0][1] if again else None

        ctx = DueContext(clause, verb_at, skip, reparse, self._last_day, self._last_due)
        picked = choose_due(windows, ctx)
        if picked is None and u.sentence[0] < base:
            picked = self._due_from_sentence(u, base, clause, toks)
        if picked is not None and picked.window.resolved:
            if picked.window.grain is Grain.DAY:
                self._last_day = picked.window
            self._last_due = picked.window
        return picked


# -- helpers ---------------------------------------------------------------------------


#: The longest context a claim's ``sentence`` keeps beyond the claim itself.  A run-on
#: "sentence" (a page with no full stops) would otherwise be copied whole into every
#: claim in it: quadratic memory on a megabyte-long line.
SENTENCE_CONTEXT = 400


def _sentence_around(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> str:
    """The sentence holding ``span``, cut to ``SENTENCE_CONTEXT`` characters either side
    of the claim (at a space where one is near) when the sentence is longer."""
    lo, hi = sentence
    if hi - lo <= (span[1] - span[0]) + 2 * SENTENCE_CONTEXT:
        return text[lo:hi]
    start = max(lo, span[0] - SENTENCE_CONTEXT)
    end = min(hi, span[1] + SENTENCE_CONTEXT)
    if start > lo:
        space = text.find(" ", start, span[0])
        start = space + 1 if space != -1 else start
    if end < hi:
        space = text.rfind(" ", span[1], end)
        end = space if space != -1 else end
    return text[start:end]


def _last_char(text: str, lo: int, hi: int) -> int:
    """The offset of the last non-space character in ``text[lo:hi]``, or -1."""
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi - 1 if hi > lo else -1


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


_NOUNISH_FORMS = frozenset(
    {"plan", "plans", "deal", "deals", "report", "reports", "results", "talks", "news"}
)


def _inside(toks: Sequence[Tok], ranges: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token, whether it starts inside one of the sorted ``ranges`` (one pass)."""
    out: list[bool] = []
    r = 0
    for t in toks:
        while r < len(ranges) and ranges[r][1] <= t.start:
            r += 1
        out.append(r < len(ranges) and ranges[r][0] <= t.start)
    return out


def _clause_tense(toks: Sequence[Tok]) -> str:
    """ "past" for a clause with a past marker and nothing that looks ahead, else
    "future" (the tense ``find_windows`` resolves bare weekdays and months in)."""
    past = False
    for k, t in enumerate(toks):
        low = t.low
        if low in _LIST_TRIGGERS or low in _AHEAD_WORDS or low.endswith(("'ll", "’ll")):
            return "future"
        if low == "to" and k + 1 < len(toks) and toks[k + 1].low in VERBS:
            return "future"
        if low in _PAST_MARKERS:
            past = True
    return "past" if past else "future"


_AHEAD_WORDS = frozenset(
    {"could", "might", "may", "can", "going", "plans", "plan", "until", "by", "next", "expects"}
)
_PAST_MARKERS = frozenset({"had", "was", "were", "did", "ago", "last"})


def _may_hold_time(toks: Sequence[Tok]) -> bool:
    """Whether a clause has a digit or a word that time phrases are made of."""
    return any(t.low in _TIME_HINTS or t.text[:1].isdigit() for t in toks)


def quoted_start(toks: Sequence[Tok], k: int) -> bool:
    """Whether token ``k`` follows an opening quotation mark."""
    return k > 0 and toks[k - 1].text in OPEN_MARKS


def _negated(toks: Sequence[Tok], verb: int) -> bool:
    """Whether the modal before ``verb`` is negated ("won't sit back", "will not")."""
    for k in range(max(0, verb - 3), verb):
        low = toks[k].low
        if low in {"not", "never", "cannot"} or low.endswith(("n't", "n’t")):
            return True
    return False


def _clean(phrase: str) -> str:
    for mark in '"“”‘’«»„':
        phrase = phrase.replace(mark, "")
    phrase = phrase.replace(" '", " ").replace("' ", " ")
    return " ".join(phrase.split()).strip(" ,.;:'")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim whitespace, trailing punctuation, and quote marks that pair at both ends."""
    a, b = strip_span(text, a, b)
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    while a < b and text[a] in " ,;:—–-…":
        a += 1
    if b - a >= 2 and text[a] in OPEN_MARKS and text[b - 1] in CLOSE_MARKS:
        inner = text[a + 1 : b - 1]
        if not any(ch in '"“”' for ch in inner):
            a, b = a + 1, b - 1
    a, b = strip_span(text, a, b)
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def _fully_quoted(text: str, a: int, b: int) -> bool:
    a, b = strip_span(text, a, b)
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    if b - a < 2 or text[a] not in "\"“‘'" or text[b - 1] not in "\"”’'":
        return False
    return not any(ch in '"“”' for ch in text[a + 1 : b - 1])


def _np_before(
    toks: Sequence[Tok], i: int, lo: int
) -> tuple[int, int, tuple[int, int] | None] | None:
    """The subject noun phrase ending before token ``i`` (skipping "has", "also" ...).

    Returns (start, end, apposition) token indexes; the apposition is the range of
    "leader of the Liberal Democrats" in "Sir Ed Davey, leader of the Liberal Democrats,
    has urged".
    """
    j = i - 1
    while j >= lo and toks[j].low in _BEFORE_CUE_SKIP:
        j -= 1
    for back in (2, 1):  # "X on Thursday reported ...", "X yesterday said ..."
        if j - back + 1 > lo and skip_time_adverbial(toks, j - back + 1) == j + 1:
            j -= back
            while j >= lo and toks[j].low in _BEFORE_CUE_SKIP:
                j -= 1
            break
    if j >= lo and toks[j].text == "," and j - 1 >= lo:
        # An apposition between commas: "NAME, ROLE of ORG, said".
        c = j - 1
        # bounded: an apposition with a relative clause ("a Democrat from Ohio who
        # chairs the Senate subcommittee on ...") runs to about twenty words
        while c >= lo and j - c <= 24 and toks[c].text != ",":
            c -= 1
        if c >= lo and toks[c].text == "," and c + 1 < j:
            inner = _np_before_plain(toks, c, lo)
            if inner is not None and not toks[c + 1].is_cap and toks[inner[0]].is_cap:
                return inner[0], inner[1], (c + 1, j)  # "NAME, leader of X, said"
            if (
                inner is not None
                and toks[c + 1].is_cap
                and all(t.is_cap or not t.is_word for t in toks[c + 1 : j])
            ):
                return c + 1, j, (inner[0], inner[1])  # "The Environment Secretary, NAME, said"
        return None
    plain = _np_before_plain(toks, j + 1, lo)
    if plain is None:
        return None
    named = role_apposition(toks, plain, lo, _np_before_plain)
    if named is not None:
        return named
    return plain[0], plain[1], None


def _after_article(toks: Sequence[Tok], k: int, lo: int) -> bool:
    """An article at most three plain words before ``k`` ("a leading aid ...")."""
    m = k - 1
    while m >= lo and k - m <= 3:
        t = toks[m]
        if t.low in {"a", "an", "the"}:
            return True
        if not t.is_word or t.low in AUX or t.low in CLAUSE_WORDS or t.low in CUES:
            return False
        m -= 1
    return False


def _np_before_plain(toks: Sequence[Tok], end: int, lo: int) -> tuple[int, int] | None:
    k = end - 1
    while k >= lo and end - k <= 14:
        t = toks[k]
        if not t.is_word:
            if (
                t.text == "."
                and k - 1 >= lo
                and (toks[k - 1].low in ABBREVIATIONS or len(toks[k - 1].text) == 1)
            ):
                k -= 1
                continue
            if (
                t.text in {"-", "'", "’"}
                and k - 1 >= lo
                and toks[k - 1].end == t.start
                and (
                    toks[k + 1].start == t.end
                    # "The Cyclists' Alliance": a plural possessive inside a name
                    or (t.text != "-" and toks[k - 1].low.endswith("s") and toks[k + 1].is_cap)
                )
            ):
                k -= 1
                continue
            break
        if t.low in AUX and not t.is_cap:
            break  # "the union would campaign for ...": no subject holds an auxiliary
        if t.low in CLAUSE_WORDS or t.low in CUES or (t.low in VERB_FORMS and not t.is_cap):
            if t.low in VERB_FORMS and t.low not in CUES and _after_article(toks, k, lo):
                k -= 1  # "a leading aid organisation": verb forms used as modifiers
                continue
            if (
                t.low == "and"
                and k - 1 >= lo
                and toks[k - 1].is_cap
                and k + 1 < end
                and toks[k + 1].is_cap
            ):
                k -= 1
                continue
            break
        if t.low in DETERMINERS:
            if (
                k - 1 >= lo
                and toks[k - 1].low in {"for", "of", "at", "from", "in", "to"}
                and k - 2 >= lo
            ):
                k -= 1
                continue
            k -= 1
            break
        k -= 1
    start = k + 1
    if start >= end:
        return None
    if toks[start].low in {"for", "of", "at", "from", "in", "to", "by", "on", "with"}:
        return None
    if toks[start].low in {"whichever", "whoever", "whatever"}:
        return None  # "whichever party wrote the price into law": nobody in particular
    if all(t.low in DETERMINERS for t in toks[start:end] if t.is_word):
        return None
    if toks[end - 1].low in _NEVER_SPEAKERS and not (
        toks[end - 1].low == "it" and end - start == 1 and start == lo
    ):
        return None  # but "It demanded ...", opening a sentence, is an organisation
    if not toks[start].is_cap and not any(t.is_cap for t in toks[start:end]):
        head = toks[end - 1].low
        # a lower-case phrase mid-clause ("the deal was agreed, officials said" is
        # fine; "...delay, saying" is not a subject)
        if (
            head not in PRONOUNS
            and start > lo
            and toks[start - 1].low not in DETERMINERS
            and toks[start].low not in DETERMINERS
            and head not in {"officials", "analysts", "sources"}
            and not plural_after_join(toks, start, end)  # "..., but key parties have said"
        ):
            return None
    return (start, end)


def _np_after(toks: Sequence[Tok], i: int, n: int) -> tuple[int, int] | None:
    k = i
    while k < n and toks[k].low in ADVERBS:
        k += 1
    start = k
    while k < n and k - start < 6:
        t = toks[k]
        if not t.is_word:
            if t.text == "." and k > start and toks[k - 1].low in {"mr", "mrs", "ms", "dr"}:
                k += 1
                continue
            break
        if k > start and (
            t.low in CLAUSE_WORDS or t.low in {"from", "on", "in", "at", "after", "during"}
        ):
            break
        if t.low in {"that"}:
            break
        if k > start and (
            t.low in DETERMINERS or t.low in _SUBJECT_PRONOUNS or t.low in AUX or t.low == "it"
        ):
            break  # "told reporters the government would ...": a new noun phrase begins
        k += 1
    if k <= start:
        return None
    return (start, k)


def _role_then_name(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The name in "Chief executive NAME verbed": role words, then two or more
    capitalised words, then a lower-case word; within the first eight tokens."""
    n = min(len(toks), 8)
    k = 0
    role = False
    while k < n and toks[k].is_word and not (k > 0 and toks[k].is_cap):
        role = role or toks[k].low in ROLE_WORDS or toks[k].low in TITLES
        k += 1
    start = k
    while k < n and toks[k].is_cap and toks[k].is_word:
        k += 1
    if not role or k - start < 2 or k >= len(toks) or toks[k].is_cap or not toks[k].is_word:
        return None
    return (start, k)


def _np_forward(toks: Sequence[Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause ``toks[lo:hi]`` (its subject)."""
    k = lo
    while (
        k < hi
        and k - lo < 6
        and (toks[k].low in _CONNECTORS or toks[k].low in ADVERBS or not toks[k].is_word)
    ):
        k += 1
    if k >= hi:
        return None
    start = k
    if toks[k].low in PRONOUNS:
        return (k, k + 1)
    if toks[k].is_cap:
        while k < hi and (
            toks[k].is_cap or (toks[k].low == "and" and k + 1 < hi and toks[k + 1].is_cap)
        ):
            k += 1
        if toks[k - 1].low.endswith(("'s", "’s")):
            # "Italy's economy minister, however, urged ...": the owner's role.
            m = k
            while m < hi and m - k < 3 and toks[m].is_word and not toks[m].is_cap:
                if toks[m].low in VERBS or toks[m].low in AUX or toks[m].low in VERB_FORMS:
                    break
                m += 1
            if m > k and toks[m - 1].low in ROLE_WORDS:
                return (start, m)
        if k - start > 1 or toks[start].low not in DETERMINERS:
            return (start, k)
        k = start  # "The opposition party ...": a determiner phrase, read below
    if toks[k].low in DETERMINERS:
        k += 1
        while k < hi and k - start < 5 and toks[k].is_word and toks[k].low not in VERBS:
            if toks[k].low in {"is", "are", "was", "were", "has", "have", "had", "will", "would"}:
                break
            k += 1
        return (start, k)
    return None


def _split_pieces(
    toks: Sequence[Tok], *, direct: bool
) -> list[tuple[int, int, frozenset[str], int | None]]:
    """Split one sentence (or complement) into the claims it holds.

    Returns (start, end, flags, head) token ranges: flags hold "ordinal" (a spoken
    list item: "secondly, ...") and "elaboration" ("That means ..."); ``head`` is the
    index of the piece whose modal a coordinated item shares ("we will accelerate X,
    tighten Y and continue Z").
    """
    n = len(toks)
    if n == 0:
        return []
    cuts: dict[int, int] = {}  # token index where a piece starts -> tokens to drop
    ordinal_at: set[int] = set()
    if direct:
        k = 0
        while k < n:
            t = toks[k]
            ellipsis = t.text == "…" or (
                t.text == "." and k + 2 < n and toks[k + 1].text == "." and toks[k + 2].text == "."
            )
            if ellipsis:
                j = k + (1 if t.text == "…" else 3)
                if j < n and toks[j].is_word and not toks[j].is_cap:
                    cuts[j] = 0
                k = j
                continue
            if t.low in ORDINALS and t.low not in {"next", "second", "third", "fourth"} and k > 0:
                p = k - 1
                if toks[p].low == "and":
                    cuts.setdefault(p, 0)
                    ordinal_at.add(p)
                elif toks[p].text == ",":
                    cuts.setdefault(k, 0)
                    ordinal_at.add(k)
            if t.low == "so" and k > 0 and toks[k - 1].text == "," and k + 1 < n:
                nxt = toks[k + 1].low
                if nxt in PRONOUNS or nxt in DETERMINERS:
                    cuts[k + 1] = 0
            k += 1
    # ", and we will ...": a second undertaking with its own subject and modal.
    for k in range(1, n - 2):
        if (
            toks[k - 1].text == ","
            and toks[k].low in {"and", "but"}
            and toks[k + 1].low in _SUBJECT_PRONOUNS
        ):
            nxt = toks[k + 2].low
            if nxt in _LIST_TRIGGERS or nxt.endswith(("'ll", "’ll")) or nxt in {"need", "must"}:
                cuts.setdefault(k + 1, 0)
    # ", and every school will ...": a second clause with a subject and a modal of its own.
    for k in range(1, n - 2):
        if toks[k - 1].text != "," or toks[k].low not in {"and", "but"}:
            continue
        first = toks[k + 1]
        if first.low in _SUBJECT_PRONOUNS:
            if toks[k + 2].low in _SECOND_CLAUSE_VERBS:
                cuts.setdefault(k + 1, 0)
            continue
        if first.low not in DETERMINERS and not first.is_cap:
            continue
        for j in range(k + 2, min(n, k + 8)):
            low = toks[j].low
            if low in _LIST_TRIGGERS or low.endswith(("'ll", "’ll")):
                cuts.setdefault(k + 1, 0)
                break
            if not toks[j].is_word or low in AUX or low in CLAUSE_WORDS:
                break
    # "X" and "Y": two quoted claims joined by "and".
    for k in range(1, n - 1):
        if (
            toks[k].low == "and"
            and toks[k - 1].text in CLOSE_MARKS
            and toks[k + 1].text in OPEN_MARKS
        ):
            cuts[k + 1] = 0
    cut_names = dict(named_cuts(toks, quoted=direct))  # ", while the rest will ..."
    for k in cut_names:
        cuts.setdefault(k, 0)
    absolute = absolute_cuts(toks)
    for k in absolute:
        cut_names.setdefault(k, "clause.absolute")
    coord_cuts = [*_coordination(toks, bare_and=not direct), *absolute]
    elided: set[int] = set()
    that_at: set[int] = set()
    if not direct:
        _reported_conjuncts(toks, cuts, elided, that_at)
    for c in coord_cuts:
        cuts.setdefault(c, 0)
    lead = preamble_end(toks) if direct else 0  # "I'm pleased to confirm that ..."
    if lead:
        cut_names[lead] = "clause.preamble"
    starts = sorted({lead, *(c for c in cuts if c > lead)})
    coord_set = set(coord_cuts) | elided
    pieces: list[tuple[int, int, frozenset[str], int | None]] = []
    last_plain: int | None = None
    for idx, s in enumerate(starts):
        e = starts[idx + 1] if idx + 1 < len(starts) else n
        flags: set[str] = set()
        a = s
        if s in cut_names:
            flags.add(f"cut:{cut_names[s]}")  # the kind/clauses.py cut that started it
        if s in ordinal_at:
            flags.add("ordinal")
        while a < e and (toks[a].low in {"and", "but", "so", "or"} or toks[a].text in _LEAD_PUNCT):
            a += 1
        if s in that_at and a < e and toks[a].low == "that":
            a += 1  # "... and that X would": the second complement of the same cue
        if s in elided:
            flags.add("elided")
        while a < e and toks[a].low in ORDINALS and a + 1 < e and toks[a + 1].text == ",":
            flags.add("ordinal")
            a += 2
        b = e
        while b > a and (
            toks[b - 1].low in _TRAILING_CONNECTORS or toks[b - 1].text in {",", ";", "—", "–", "-"}
        ):
            b -= 1
        if b <= a:
            continue
        if a + 1 < b and (toks[a].low, toks[a + 1].low) in _ELABORATION:
            flags.add("elaboration")
        head = last_plain if s in coord_set else None
        pieces.append((a, b, frozenset(flags), head))
        if s not in coord_set:
            last_plain = len(pieces) - 1
    return pieces


def _reported_conjuncts(
    toks: Sequence[Tok], cuts: dict[int, int], elided: set[int], that_at: set[int]
) -> None:
    """Cut a reported complement at its coordinated clauses.

    "said A and that B would ...": a second complement of the same cue; "said X would
    A and would B", "... but would B": a second verb phrase of the same subject (its
    modal kept, its subject elided); "told X to A, and to B": a list of infinitives.
    One pass, a bounded look at each token's neighbours.
    """
    n = len(toks)
    infinitive = False
    words = 0
    for k in range(n - 2):
        t = toks[k]
        if t.is_word:
            words += 1
        nxt = toks[k + 1]
        if t.low == "to" and nxt.low in VERBS:
            if (
                infinitive
                and k > 1
                and (
                    toks[k - 1].text == ","
                    or (toks[k - 1].low == "and" and toks[k - 2].text == ",")
                )
            ):
                cuts.setdefault(k, 0)
                elided.add(k)
            infinitive = True
            continue
        if t.low not in {"and", "but"} or words < 3:
            continue
        after = toks[k + 2]
        if (
            nxt.low == "that"
            and after.is_word
            and after.low not in _DEMONSTRATIVE_NEXT
            and _has_modal(toks, k + 2, min(n, k + 18))
        ):
            # Only a second complement with a modal of its own ("and that B would ...")
            # is a separate undertaking or forecast; "A, and that B delivered" stays one.
            cuts.setdefault(k, 0)
            that_at.add(k)
        elif nxt.low in _ELIDED_MODALS and _verb_follows(toks, k + 2):
            cuts.setdefault(k, 0)
            elided.add(k)


_CONTINUATIONS = frozenset({"but", "and", "though", "although", "while", "yet"})
_COMPANY_WORDS = frozenset({"company", "firm", "group", "club", "carmaker", "retailer", "airline"})
_CONTROL_CUES = frozenset(
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


def _control_to(toks: Sequence[Tok], i: int) -> int:
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
        if k > i and (t.low in _ELIDED_MODALS or t.low in {"will", "must"}):
            return True
        if not t.is_word or t.low in AUX or t.low in {"that", "to"}:
            return False
    return False


def _verb_follows(toks: Sequence[Tok], j: int) -> bool:
    """A verb (or "be"/"have"/"not") at ``j``, or right after one adverb there."""
    n = len(toks)
    if j < n and (toks[j].low in VERBS or toks[j].low in _BE_HAVE):
        return True
    return (
        j + 1 < n
        and toks[j].low in ADVERBS
        and (toks[j + 1].low in VERBS or toks[j + 1].low in _BE_HAVE)
    )


def _has_modal(toks: Sequence[Tok], a: int, b: int) -> bool:
    for j in range(a, b):
        low = toks[j].low
        if low in _ELIDED_MODALS or low in _LIST_TRIGGERS or low.endswith(("'ll", "’ll")):
            return True
        if low in _PLAN_VERBS and j + 1 < len(toks) and toks[j + 1].low == "to":
            return True  # "and that it expects to file ...": a plan of its own
        if low in {";", "that"} or toks[j].text in CLOSE_MARKS:
            return False
    return False


_ELIDED_MODALS = frozenset(
    {"would", "will", "wouldn't", "wouldn’t", "won't", "won’t", "could", "might", "should"}
)
_BE_HAVE = frozenset({"be", "have", "not", "never", "also", "then", "only"})
_DEMONSTRATIVE_NEXT = frozenset(
    {"is", "was", "'s", "’s", "means", "meant", "would", "will", "could", "has", "had", "may"}
)
_SUBJECT_PRONOUNS = frozenset({"we", "i", "they", "he", "she"})
_SECOND_CLAUSE_VERBS = frozenset(
    {"expect", "plan", "intend", "want", "call", "urge", "ask", "aim", "hope"}
)
_WEEKDAY_NAMES = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
_ATTITUDE_CUES = frozenset(
    {"expects", "expect", "believes", "believe", "thinks", "hopes", "fears", "predicts"}
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "their"})
_LEAD_PUNCT = frozenset(",;:.-—–…")
_TRAILING_CONNECTORS = frozenset({"and", "but", "or", "so", "then"})
_NOUN_USE_NEXT = frozenset(
    {"of", "for", "to", "and", "or", "from", "in", "on", "with", "is", "are"}
)
_PLAN_VERBS = frozenset({"expects", "plans", "intends", "aims", "hopes"})
_LIST_TRIGGERS = frozenset({"will", "would", "must", "shall", "won't", "won’t", "should"})


def _coordination(toks: Sequence[Tok], *, bare_and: bool = False) -> list[int]:
    """Token indexes where coordinated undertakings after one modal begin."""
    n = len(toks)
    trig = -1
    for k, t in enumerate(toks):
        if (
            t.low in _LIST_TRIGGERS
            or t.low.endswith(("'ll", "’ll"))
            or (t.low in {"need", "needs"} and k + 1 < n and toks[k + 1].low == "to")
        ):
            trig = k
            break
    if trig < 0:
        return []
    v = trig + 1
    while v < n and (toks[v].low in ADVERBS or toks[v].low in {"not", "need", "to", "have"}):
        v += 1
    cuts: list[int] = []
    infinitive = False
    listing = False
    k = v + 1
    while k < n:
        t = toks[k]
        if t.low == "to" and k + 1 < n and toks[k + 1].low in VERBS:
            infinitive = True
        if t.text == "," and k + 1 < n:
            j = k + 1
            if toks[j].low in {"and", "or"} and j + 1 < n:
                j += 1
            if toks[j].low in VERBS and not infinitive and toks[j].low not in {"let"}:
                cuts.append(j)
                listing = True
                k = j + 1
                continue
        if listing and t.low == "and" and k + 1 < n and toks[k + 1].low in VERBS and not infinitive:
            cuts.append(k + 1)
        elif (
            bare_and
            and not listing
            and not infinitive
            and t.low == "and"
            and k > v + 1
            and k + 2 < n
            and toks[k + 1].low in VERBS
            and toks[k + 2].is_word
            and toks[k + 2].low not in _NOUN_USE_NEXT
            and toks[k - 1].is_word
        ):
            # "will start building X next summer and play ...": a second verb phrase
            # under the same modal (in reported speech; a speaker's own run-on
            # sentence stays one claim).
            cuts.append(k + 1)
            listing = True
        k += 1
    return cuts

"""A promise as the checker looks for it in later reports: who must act, what act
(its class, as in ``acts.txt``), on what (its theme words), where, by when, on what
condition, and the names that tell it apart from other promises of the same kind (its
anchors: "Ashford" in "the mayor of Ashford will build a bridge").

:class:`PromiseView` is built from all of a promise's mentions: its reading first (who
must act, the act, by when), the others adding where, what is listed and the names
that tell it apart; every mention's source is the promise's, never evidence of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import attrs

from ..model import Claim, TimeWindow
from ..store import StoreView
from ..text import MONTHS, WEEKDAYS
from .actors import ActorTerms, actor_terms
from .lexicon import (
    ACTS,
    LIGHT_VERBS,
    MANNER,
    STOPWORDS,
    Phrase,
    noun_classes,
    place_key,
    verb_classes,
)
from .places import Place, places_in
from .reading import DETERMINERS
from .text import Tok, tokens

__all__ = ["ActView", "PromiseView", "promise_mentions", "read_act"]

_SKIP_BEFORE_VERB = frozenset(
    [
        "be",
        "been",
        "being",
        "have",
        "has",
        "ready",
        "able",
        "prepared",
        "going",
        "to",
        "set",
        "also",
        "again",
        "not",
        "now",
        "then",
        "finally",
        "first",
        "soon",
        "gearing",
        "up",
        "due",
        "expected",
        "scheduled",
        "planning",
        "planned",
        "aiming",
        "aim",
        "plan",
    ]
)
_MARKERS = frozenset(["will", "would", "shall", "'ll", "to", "going", "must"])
_BOUNDARY = frozenset(
    [
        "if",
        "as",
        "after",
        "before",
        "when",
        "once",
        "so",
        "unless",
        "because",
        "while",
        "whether",
        "which",
        "who",
        "but",
        "and",
    ]
)
_CONDITION_LEADS: tuple[tuple[str, ...], ...] = (
    ("in", "the", "event", "of"),
    ("in", "the", "event", "that"),
    ("in", "the", "case", "of"),
    ("in", "case", "of"),
    ("on", "condition", "that"),
    ("provided", "that"),
    ("providing", "that"),
    ("as", "long", "as"),
    ("subject", "to"),
    ("if",),
    ("should",),
    ("once",),
    ("when",),
    ("after",),
    ("unless",),
)


@attrs.frozen
class ActView:
    """What is to be done: the verb (stem phrase), its act classes, its theme (content
    stems of what it acts on), the event nouns that name it, where, the names listed
    in it ("call at Leeds, York and Hull"), and whether it says what comes ``first``."""

    text: str
    verb: Phrase | None
    classes: frozenset[str]
    theme: frozenset[str]
    places: tuple[Place, ...] = ()
    items: tuple[str, ...] = ()
    first: bool = False
    light: bool = False

    @property
    def object_free(self) -> bool:
        """Whether the act matches without its theme: a meeting is a meeting, and an
        event named by its noun ("hold elections") needs no more."""
        return self.light or bool(self.classes & {"meet", "visit", "call", "deploy", "vote"})

    @property
    def triggers(self) -> frozenset[str]:
        """First stems of every verb and event noun of the act's classes."""
        out: set[str] = set()
        for name in self.classes:
            act = ACTS.get(name)
            if act is not None:
                out |= {p[0] for p in act.verbs} | {p[0] for p in act.nouns}
        if self.verb is not None:
            out.add(self.verb[0])
        return frozenset(out)

    @property
    def nouns(self) -> frozenset[str]:
        """Stems of the event nouns of the act's classes (single words)."""
        out: set[str] = set()
        for name in self.classes:
            act = ACTS.get(name)
            if act is not None:
                out |= {p[0] for p in act.nouns if len(p) == 1}
        return frozenset(out)


def _verb_at(toks: Sequence[Tok], phrase: bool) -> int | None:
    # An action phrase ("convene again in the UK") starts with its verb, after "be
    # ready to" and the like; in a whole claim it is the one after "will"/"to".
    if phrase:
        for i, t in enumerate(toks):
            if t.low in _SKIP_BEFORE_VERB:
                continue
            return i if t.low not in STOPWORDS else None
    for i, t in enumerate(toks):
        if t.low in _MARKERS:
            j = i + 1
            while j < len(toks) and toks[j].low in _SKIP_BEFORE_VERB:
                j += 1
            if j < len(toks) and toks[j].low not in STOPWORDS:
                return j
    for i, t in enumerate(toks):
        if verb_classes((t.stem,)):
            return i
    return None


def _content(t: Tok, skip: frozenset[str]) -> bool:
    # Content words; adverbs in -ly ("permanently") say how, not what.
    return (
        t.low not in STOPWORDS
        and t.stem not in skip
        and not t.low.isdigit()
        and len(t.low) > 1
        and not (t.low.endswith("ly") and len(t.low) > 4)
    )


def _stems_of(t: Tok) -> list[str]:
    # "Leeds-Lisbon" is also "Leeds" and "Lisbon".
    parts = [p for p in t.low.split("-") if p]
    return [t.stem, *(tokens(p)[0].stem for p in parts if len(parts) > 1 and tokens(p))]


def read_act(
    text: str, actor: ActorTerms | None, *, phrase: bool, windows: Sequence[tuple[int, int]] = ()
) -> ActView:
    """The act of ``text``: ``claim.action`` (``phrase``: it starts with its verb) or a
    claim's whole text.  ``windows`` are character spans of time phrases, whose words
    are no part of the theme."""
    toks = tokens(text)
    places, _ = places_in(toks, text)
    place_words = {t.stem for p in places for t in tokens(p.key)}
    timed = {k for k, t in enumerate(toks) if any(a <= t.start < b for a, b in windows)}
    timed |= _manner(toks)
    actor_words: set[str] = set()
    if actor is not None:
        actor_words = {s for p in actor.phrases for s in p} | set(actor.modifiers)
        if actor.head:
            actor_words.add(actor.head)
    skip = frozenset(actor_words)
    vi = _verb_at(toks, phrase)
    if vi is None:
        words = {
            s
            for k, t in enumerate(toks)
            if k not in timed and _content(t, skip)
            for s in _stems_of(t)
        }
        return ActView(text, None, frozenset(), frozenset(words), tuple(places))
    stems = [t.stem for t in toks]
    verb: Phrase = (stems[vi],)
    if (vi + 1 < len(toks) and verb_classes((stems[vi], stems[vi + 1]))) or (
        vi + 1 < len(toks) and (stems[vi], stems[vi + 1]) in LIGHT_VERBS
    ):
        verb = (stems[vi], stems[vi + 1])
    classes = set(verb_classes(verb))
    light = False
    after = vi + len(verb)
    theme: set[str] = set()
    for k in range(after, len(toks)):
        t = toks[k]
        if t.low in _BOUNDARY or t.low in {"with", "from", "by", "when"}:
            break
        if k in timed or not _content(t, frozenset()):
            continue
        theme.update(_stems_of(t))
    # The subject of "the line will open", "production will cease": what the act is on.
    if not phrase:
        for k, t in enumerate(toks[:vi]):
            if k in timed:
                continue  # "On 30 September, the plant will close": when, not what
            if _content(t, skip) and t.low not in _SKIP_BEFORE_VERB and t.low not in _MARKERS:
                theme.update(_stems_of(t))
    if verb in LIGHT_VERBS:
        # "hold elections", "the match will take place": the act of the event noun.
        named = {c for s in theme for c in noun_classes((s,))}
        if named:
            classes, light = named, True
    theme -= place_words
    theme -= {p[0] for name in classes for p in ACTS[name].nouns} if light else set()
    first = any(t.low == "first" for t in toks[vi : vi + len(verb) + 2]) or (
        vi > 0 and toks[vi - 1].low == "first"
    )
    if first and not classes & {"start", "open"}:
        classes |= {"start"}  # "X will be vaccinated first": where it starts
    # "will start in the eastern provinces": the promise is also of where it starts.
    first = first or bool(
        classes & {"start"} and any(after <= p.index <= after + 4 for p in places)
    )
    items = _items(toks[after:], text)
    return ActView(
        text=text,
        verb=verb,
        classes=frozenset(classes),
        theme=frozenset(theme),
        places=tuple(places),
        items=items,
        first=first,
        light=light,
    )


def _manner(toks: Sequence[Tok]) -> set[int]:
    # The tokens of phrases that say how, not on what ("close for good").
    stems = [t.stem for t in toks]
    out: set[int] = set()
    for phrase in MANNER:
        n = len(phrase)
        for k in range(len(stems) - n + 1):
            if tuple(stems[k : k + n]) == phrase:
                out.update(range(k, k + n))
    return out


def _items(toks: Sequence[Tok], text: str) -> tuple[str, ...]:
    # Three or more names listed with only commas and "and" between them: "call at
    # Leeds, York, Selby and Hull".
    best: list[list[Tok]] = []
    groups: list[list[Tok]] = []
    current: list[Tok] = []
    for k, t in enumerate(toks):
        if t.is_cap and t.low not in STOPWORDS:
            if current and "," in text[toks[k - 1].end : t.start]:
                groups.append(current)
                current = []
            current.append(t)
            continue
        if t.low == "and" and current:
            groups.append(current)
            current = []
            continue
        if current:
            groups.append(current)
            current = []
        if len(groups) > len(best):
            best = groups
        groups = []
    if current:
        groups.append(current)
    if len(groups) > len(best):
        best = groups
    names = [" ".join(t.low for t in g) for g in best]
    return tuple(names) if len(names) >= 3 else ()


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _proper_stems(text: str | None, *, first_too: bool = False) -> set[str]:
    # Stems of the capitalised words of a text, calendar words aside; a sentence's
    # first word only when it is capitalised inside a name ("Acme said").
    if not text:
        return set()
    toks = tokens(text)
    out: set[str] = set()
    for k, t in enumerate(toks):
        if not t.is_cap or t.low in STOPWORDS or t.low in _CALENDAR or t.low.isdigit():
            continue
        initial = k == 0 and not first_too and not (len(toks) > 1 and toks[1].is_cap)
        if initial and (verb_classes((t.stem,)) or noun_classes((t.stem,))):
            continue
        out.update(_stems_of(t))
    return out


@attrs.frozen
class PromiseView:
    """One promise: its mentions, who must act, the act, by when, on what condition,
    and the names (``anchors``) a report must carry to be about it."""

    mentions: tuple[Claim, ...]
    since: datetime
    actor: ActorTerms | None
    act: ActView
    due: TimeWindow | None
    condition: ActView | None
    anchors: frozenset[str]
    title_anchors: frozenset[str]

    @property
    def source_ids(self) -> frozenset[str]:
        """The sources the promise was made in (never evidence of it)."""
        return frozenset(c.source_id for c in self.mentions)

    @classmethod
    def of(cls, claims: Sequence[Claim], store: StoreView) -> PromiseView | None:
        """The view of a promise made in ``claims`` (the first is its main mention), or
        None when it cannot be placed in time (no assertion or publication time)."""
        claim = claims[0]
        since = claim.asserted_at
        title: str | None = None
        try:
            source = store.get_source(claim.source_id)
            since = since or source.published_at
            title = source.title
        except LookupError:
            pass
        if since is None:
            return None
        # The promise was made when it was first said, in any of its mentions.
        since = min([since, *(c.asserted_at for c in claims[1:] if c.asserted_at is not None)])
        who = (
            claim.actor
            or claim.speaker
            or next((c.actor for c in claims[1:] if c.actor is not None), None)
        )
        terms = None
        if who is not None:
            known = store.get_actor(who.id)
            terms = actor_terms(who, known.aliases if known is not None else ())
        spans = _due_spans(claim.action or claim.text, claim.due)
        act = read_act(claim.action or claim.text, terms, phrase=bool(claim.action), windows=spans)
        if claim.action:
            whole = read_act(
                claim.text, terms, phrase=False, windows=_due_spans(claim.text, claim.due)
            )
            # The claim's words hold what the action leaves out: the subject ("the
            # tunnel will open"), a place ("set to meet in London" with action "meet").
            act = attrs.evolve(
                act,
                theme=act.theme | (whole.theme if not act.theme else frozenset()),
                places=act.places or whole.places,
                first=act.first or whole.first,
                items=act.items or whole.items,
                classes=act.classes or whole.classes,
                verb=act.verb or whole.verb,
            )
            if act.first and not act.classes & {"start", "open"}:
                act = attrs.evolve(act, classes=act.classes | {"start"})
        # The other mentions say where ("meet in London" when the reading's headline
        # says only "meet"), what is listed, what it is on, when the reading does not.
        for other in claims[1:]:
            if act.places and act.theme and act.items:
                break
            more = read_act(
                other.text, terms, phrase=False, windows=_due_spans(other.text, other.due)
            )
            if more.classes and act.classes and not more.classes & act.classes:
                continue  # another act: not a restatement to learn from
            act = attrs.evolve(
                act,
                places=act.places or more.places,
                items=act.items or more.items,
                theme=act.theme or more.theme,
            )
        cond_text = claim.condition or next((c.condition for c in claims if c.condition), None)
        condition = _condition(cond_text) if cond_text else None
        anchors: set[str] = set()
        verbs = act.triggers
        if who is not None:
            for name in (who.name, *who.aliases):
                anchors |= _proper_stems(name, first_too=True) - verbs
        for mention in claims:
            for text in (mention.text, mention.sentence, mention.action):
                anchors |= _proper_stems(text) - verbs
        anchors |= {t.stem for p in act.places if not p.described for t in tokens(p.key)}
        anchors -= STOPWORDS
        return cls(
            mentions=tuple(claims),
            since=since,
            actor=terms,
            act=act,
            due=claim.due,
            condition=condition,
            anchors=frozenset(anchors),
            title_anchors=frozenset(_proper_stems(title) - verbs - STOPWORDS),
        )


def _due_spans(text: str, due: TimeWindow | None) -> list[tuple[int, int]]:
    # Where the due window's own phrase stands in the text: its words say when, not what.
    if due is None or not due.text:
        return []
    at = text.find(due.text)
    return [(at, at + len(due.text))] if at >= 0 else []


def _condition(condition: str) -> ActView | None:
    toks = tokens(condition)
    lows = [t.low for t in toks]
    rest = condition
    for lead in _CONDITION_LEADS:
        if tuple(lows[: len(lead)]) == lead and len(toks) > len(lead):
            rest = condition[toks[len(lead)].start :]
            break
    view = read_act(rest, None, phrase=False)
    if view.verb is None or not view.classes:
        # "a peace deal", "an employee consultation": nouns only.
        nouns = frozenset(
            t.stem for t in tokens(rest) if t.low not in STOPWORDS and t.low not in DETERMINERS
        )
        return ActView(rest, None, frozenset(), nouns) if nouns else None
    return view


def place_keys(places: Sequence[Place]) -> tuple[str, ...]:
    """The keys of ``places``."""
    return tuple(place_key(p.key) for p in places)


def promise_mentions(claim: Claim, store: StoreView) -> list[Claim]:
    """``claim`` (a promise's reading, under its first mention's id) and the other
    mentions of its promise, in the store's order: the checker reads the promise as a
    whole.  Just ``claim`` when the store keeps no promises or it is no mention."""
    of = getattr(store, "promise_of_claims", None)
    ids_of = getattr(store, "mention_ids", None)
    load = getattr(store, "claims_by_id", None)
    if not (callable(of) and callable(ids_of) and callable(load)):
        return [claim]
    pid = of([claim.id]).get(claim.id)
    if pid is None:
        return [claim]
    # Every stored mention, the one whose id the reading carries too: the reading may
    # be another mention's words (the most precise window) under the first one's id.
    ids = list(ids_of(pid))
    found = load(ids) if ids else {}
    return [claim, *(found[i] for i in ids if i in found and found[i] != claim)]

"""What a commitment (or its condition) says will happen, read into a :class:`Frame`, and
how to find that frame, or its opposite, in a sentence of a later report.

A frame is an action (a verb stem and the CAMEO-style classes it belongs to), the
objects it acts on, the place it names, and who must act (:class:`ActorTerms`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from ..model import Actor, ActorKind
from .lexicon import (
    ACTION_CLASSES,
    ADVERBS,
    ENACTING,
    EVENT_NOUNS,
    FUTURE_MARKERS,
    HAPPENED_VERBS,
    NEGATIVE_CUES,
    NEGATIVE_PHRASES,
    OBJECT_FREE,
    PLACES,
    STOPWORDS,
    classes_of,
    place_key,
    within,
)
from .text import IRREGULAR_PAST, Tok, stem, tokens

__all__ = [
    "ActorTerms",
    "EventHit",
    "Frame",
    "action_frame",
    "actor_terms",
    "condition_frame",
    "find_actor",
    "find_event",
    "find_negative",
    "place_fit",
    "places_in",
    "verb_tense",
]

_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "these",
        "those",
    ]
)
_PRONOUNS = frozenset(["they", "he", "she", "we", "it"])
# Verbs whose past is their base form; in a report with no auxiliary they tell the past.
_SAME_IN_PAST = frozenset(
    ["cut", "put", "set", "hit", "shut", "cost", "let", "spread", "quit", "bid", "cast", "split"]
)
_AUX = frozenset(
    [
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "to",
        "'ll",
        "going",
        "set",
        "due",
        "expected",
    ]
)
_SKIP_BEFORE_VERB = (
    frozenset(
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
        ]
    )
    | ADVERBS
)
_MARKERS = frozenset(["will", "would", "shall", "'ll", "to", "going"])
_BOUNDARY = frozenset(
    ["if", "as", "after", "before", "when", "once", "so", "unless", "because", "while", "whether"]
)
_COMPASS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north-west",
        "north-east",
        "south-west",
        "south-east",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "greater",
        "inner",
        "outer",
    ]
)
_NOT_PLACES = frozenset(
    [
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_PARTIAL = frozenset(stem(w) for w in ["partly", "partially", "part", "some"])
_PROGRESS = frozenset(stem(w) for w in ["begin", "start"])
_FAILED_NOMINAL = frozenset(stem(w) for w in ["collapse", "fail", "reject", "cancel", "abandon"])
_CONDITION_HAPPENED = frozenset(
    stem(w)
    for w in [
        "agree",
        "sign",
        "reach",
        "strike",
        "conclude",
        "broker",
        "announce",
        "secure",
        "begin",
        "start",
        "hold",
        "take",
        "come",
        "pass",
        "approve",
    ]
)
_CONDITION_LEADS = (
    ("in", "the", "event", "of"),
    ("in", "the", "event", "that"),
    ("in", "the", "case", "of"),
    ("in", "the", "case", "that"),
    ("in", "case", "of"),
    ("on", "condition", "that"),
    ("provided", "that"),
    ("providing", "that"),
    ("as", "long", "as"),
    ("if",),
    ("should",),
    ("once",),
    ("when",),
    ("after",),
    ("unless",),
)


@attrs.frozen
class ActorTerms:
    """How an actor shows in text: whole names and aliases (as stem sequences), a
    person's surname, or a group's head noun ("chiefs") with its modifiers
    ("coalition", "military")."""

    name: str
    phrases: tuple[tuple[str, ...], ...] = ()
    surnames: frozenset[str] = frozenset()
    head: str | None = None
    modifiers: frozenset[str] = frozenset()
    head_alone: bool = False


@attrs.frozen(slots=False)  # slots off: triggers is a cached_property
class Frame:
    """An action to look for: verb stem and classes, content objects, places, actor."""

    text: str
    verb: str | None
    classes: frozenset[str]
    objects: frozenset[str]
    places: tuple[str, ...]
    actor: ActorTerms | None
    nominal: frozenset[str] = frozenset()

    @property
    def object_free(self) -> bool:
        """Whether the action matches without its objects (meetings, visits...)."""
        return bool(self.classes & OBJECT_FREE)

    @functools.cached_property
    def triggers(self) -> frozenset[str]:
        """Stems without one of which a sentence cannot report this action or its
        failure: the verb, its class, its event nouns, what it acts on."""
        out = set(self.objects) | set(self.nominal)
        if self.verb is not None:
            out.add(self.verb)
            if self.verb in ENACTING:
                out |= ENACTING
        for cls in self.classes:
            out |= ACTION_CLASSES[cls] | EVENT_NOUNS.get(cls, frozenset())
        return frozenset(out)


@attrs.frozen
class EventHit:
    """Where a frame's action shows in a sentence, and how it reads."""

    index: int
    score: float
    tense: str
    negated: bool
    how: str
    nominal: bool = False


# -- actors -----------------------------------------------------------------------------


def _name_words(name: str) -> list[Tok]:
    toks = tokens(name)
    while toks and toks[0].low in {"the", "a", "an"}:
        toks = toks[1:]
    return toks


def actor_terms(actor: Actor, aliases: Iterable[str] = ()) -> ActorTerms:
    """The ways ``actor`` (and ``aliases``, e.g. from the registry) may be named."""
    names = [actor.name, *actor.aliases, *aliases]
    phrases: list[tuple[str, ...]] = []
    surnames: set[str] = set()
    for name in dict.fromkeys(names):
        words = _name_words(name)
        if not words:
            continue
        phrases.append(tuple(w.stem for w in words))
        proper = all(w.is_cap for w in words)
        if (actor.kind is ActorKind.PERSON or (proper and len(words) >= 2)) and proper:
            last = words[-1]
            if last.low not in STOPWORDS and len(last.low) > 2:
                surnames.add(last.low)
    main = _name_words(actor.name)
    head: str | None = None
    modifiers: frozenset[str] = frozenset()
    head_alone = False
    if main and not (actor.kind is ActorKind.PERSON or all(w.is_cap for w in main)):
        lows = [w.low for w in main]
        if "of" in lows:
            cut = lows.index("of")
            head_words, rest = main[:cut], main[cut + 1 :]
            head_alone = True  # "the coalition" is "the coalition of the willing"
        else:
            head_words, rest = main, []
        content = [w for w in head_words if w.low not in STOPWORDS]
        if content:
            head = content[-1].stem
            modifiers = frozenset(w.stem for w in [*content[:-1], *rest] if w.low not in STOPWORDS)
            head_alone = head_alone or not modifiers
    return ActorTerms(
        name=actor.name,
        phrases=tuple(p for p in phrases if p),
        surnames=frozenset(surnames),
        head=head,
        modifiers=modifiers,
        head_alone=head_alone,
    )


def find_actor(terms: ActorTerms, toks: Sequence[Tok]) -> tuple[float, int, str] | None:
    """The best mention of the actor in ``toks``: (score, token index, how), or None."""
    stems = [t.stem for t in toks]
    best: tuple[float, int, str] | None = None

    def offer(score: float, index: int, how: str) -> None:
        nonlocal best
        if best is None or score > best[0]:
            best = (score, index, how)

    for phrase in terms.phrases:
        n = len(phrase)
        for i in range(len(stems) - n + 1):
            if tuple(stems[i : i + n]) == phrase:
                offer(1.0, i, f'named as "{" ".join(t.text for t in toks[i : i + n])}"')
    for i, t in enumerate(toks):
        if t.low in terms.surnames and t.is_cap:
            offer(0.9, i, f'named as "{t.text}"')
    if terms.head is not None:
        for i, t in enumerate(toks):
            if t.stem != terms.head:
                continue
            near = {u.stem for u in toks[max(0, i - 6) : i + 8]}
            shared = terms.modifiers & near
            if shared:
                offer(0.9, i, f'"{t.text}" with "{", ".join(sorted(shared))}"')
            elif terms.head_alone:
                offer(0.75, i, f'"{t.text}"')
    return best


# -- frames -----------------------------------------------------------------------------


def _verb_index(toks: Sequence[Tok], *, phrase: bool = False) -> int | None:
    # The commitment's own verb.  An action phrase ("convene again in the UK ... to
    # progress plans") starts with it, after "be ready to" and the like; in a whole
    # claim it is the one after "will"/"would"/"to"; else the first action word.
    if phrase:
        for i, t in enumerate(toks):
            if t.low in _SKIP_BEFORE_VERB:
                continue
            if t.low not in STOPWORDS and not t.is_cap:
                return i
            break
    for i, t in enumerate(toks):
        if t.low in _MARKERS:
            j = i + 1
            while j < len(toks) and toks[j].low in _SKIP_BEFORE_VERB:
                j += 1
            if j < len(toks) and toks[j].low not in STOPWORDS:
                return j
    for i, t in enumerate(toks):
        if classes_of(t.stem):
            return i
    for i, t in enumerate(toks):
        if t.low not in STOPWORDS and not t.is_cap:
            return i
    return None


def places_in(toks: Sequence[Tok]) -> list[tuple[str, int]]:
    """Places an event is said to happen at: "in/at [the] [north-west] London",
    "in the UK", "at Northwood" -> [(place key, token index)]."""
    found: list[tuple[str, int]] = []
    for i, t in enumerate(toks):
        if t.low not in {"in", "at"}:
            continue
        j = i + 1
        while j < len(toks) and (toks[j].low in {"the"} or toks[j].low in _COMPASS):
            j += 1
        if j >= len(toks):
            continue
        two = f"{toks[j].low} {toks[j + 1].low}" if j + 1 < len(toks) else ""
        if two and two in PLACES:
            found.append((place_key(two), j))
        elif toks[j].low in PLACES or (
            toks[j].is_cap
            and toks[j].low not in _NOT_PLACES
            and toks[j].low not in STOPWORDS
            and not toks[j].low.isdigit()
        ):
            found.append((place_key(toks[j].low), j))
    return found


def place_fit(wanted: Sequence[str], said: Sequence[str]) -> tuple[float, str] | None:
    """How a report's places fit the commitment's: 1.0 the same or inside it
    (Northwood for "in the UK"), 0.8 consistent but vaguer, 0.85 not stated, None when
    the report puts it somewhere else."""
    if not wanted:
        return 1.0, ""
    if not said:
        return 0.85, "place not stated"
    for s in said:
        for w in wanted:
            if within(s, w):
                return 1.0, f"{s} is in {w}" if s != w else f"in {w}"
    for s in said:
        for w in wanted:
            if within(w, s):
                return 0.8, f"{w} is in {s}"
    return None


def _objects(toks: Sequence[Tok], start: int, skip: set[int], actor: ActorTerms | None) -> set[str]:
    out: set[str] = set()
    actor_stems: set[str] = set()
    if actor is not None:
        actor_stems = {s for p in actor.phrases for s in p} | set(actor.modifiers)
        if actor.head:
            actor_stems.add(actor.head)
    for k in range(start, len(toks)):
        t = toks[k]
        if t.low in _BOUNDARY or t.text in {",", ";"}:
            break
        if t.low == "to" and k + 1 < len(toks) and not toks[k + 1].is_cap:
            break  # a purpose clause: "... to progress practical plans"
        if k in skip or t.low in STOPWORDS or t.stem in actor_stems or t.low.isdigit():
            continue
        out.add(t.stem)
    return out


def action_frame(text: str, actor: ActorTerms | None, *, phrase: bool = False) -> Frame:
    """The frame of a commitment's action: ``claim.action`` (``phrase``: it starts with
    its verb), else the claim's whole text."""
    toks = tokens(text)
    vi = _verb_index(toks, phrase=phrase)
    places = places_in(toks)
    place_idx = {i for _, i in places}
    if vi is None:
        return Frame(text, None, frozenset(), frozenset(), tuple(p for p, _ in places), actor)
    verb = toks[vi]
    objects = _objects(toks, vi + 1, place_idx, actor)
    return Frame(
        text=text,
        verb=verb.stem,
        classes=classes_of(verb.stem),
        objects=frozenset(objects),
        places=tuple(dict.fromkeys(p for p, _ in places)),
        actor=actor,
    )


def condition_frame(condition: str) -> Frame | None:
    """The frame of a condition: a verbal one ("if Putin rejects a peace deal": actor,
    verb, objects) or a nominal one ("in the event of a peace deal": its nouns)."""
    toks = tokens(condition)
    lows = [t.low for t in toks]
    for lead in _CONDITION_LEADS:
        if tuple(lows[: len(lead)]) == lead:
            toks = toks[len(lead) :]
            break
    if not toks:
        return None
    verb_at: int | None = None
    for i, t in enumerate(toks):
        if t.low in STOPWORDS or t.is_cap:
            continue
        if (
            classes_of(t.stem)
            or t.low in IRREGULAR_PAST
            or (i > 0 and toks[i - 1].is_cap and (t.low.endswith("s") or t.low.endswith("ed")))
        ):
            verb_at = i
            break
    if verb_at is None:
        nouns = frozenset(t.stem for t in toks if t.low not in STOPWORDS and not t.low.isdigit())
        if not nouns:
            return None
        return Frame(condition, None, frozenset(), frozenset(), (), None, nominal=nouns)
    names = [t for t in toks[:verb_at] if t.is_cap and t.low not in STOPWORDS]
    actor = None
    if names:
        actor = ActorTerms(
            name=" ".join(t.text for t in names),
            surnames=frozenset({names[-1].low}),
            phrases=(tuple(t.stem for t in names),),
        )
    verb = toks[verb_at]
    return Frame(
        text=condition,
        verb=verb.stem,
        classes=classes_of(verb.stem),
        objects=frozenset(_objects(toks, verb_at + 1, set(), actor)),
        places=(),
        actor=actor,
    )


# -- reading a report sentence ------------------------------------------------------


def verb_tense(toks: Sequence[Tok], i: int, *, headline: bool = False) -> tuple[str, bool]:
    """How the verb at ``i`` reads: ("past" | "future" | "present" | "progress" |
    "unknown", negated).  Future covers the unreal too ("would meet", "set to meet",
    "agreed to meet"): only "past" reports that a thing happened."""
    negated = False
    aux: list[str] = []
    j = i - 1
    while j >= 0 and i - j <= 5:
        low = toks[j].low
        if low in ADVERBS or low == "yet":
            j -= 1
            continue
        if low in {"not", "never", "no"}:
            negated = True
            j -= 1
            continue
        if low in _AUX or low in FUTURE_MARKERS:
            aux.append(low)
            j -= 1
            continue
        break
    if "to" in aux:
        before = toks[j] if j >= 0 else None
        if before is not None and before.stem in _PROGRESS and _is_past(before):
            return "progress", negated  # "began to deploy"
        return "future", negated
    if any(a in FUTURE_MARKERS for a in aux):
        return "future", negated
    w = toks[i].low
    if w.endswith("ing"):
        if {"was", "were"} & set(aux) or ("been" in aux and {"has", "have", "had"} & set(aux)):
            return "past", negated
        if {"is", "are", "am"} & set(aux):
            return "present", negated
        return "unknown", negated
    if _is_past(toks[i]):
        if {"is", "are", "am"} & set(aux) and not {"has", "have", "had", "been"} & set(aux):
            return "present", negated
        return "past", negated
    if "did" in aux:
        return "past", negated
    if w in _SAME_IN_PAST and not aux:
        return "past", negated  # "the Bank cut rates": a report, not a habit
    if headline and not aux:
        return "past", negated  # headlines report the past in the present: "Chiefs meet"
    return "present", negated


def _is_past(t: Tok) -> bool:
    return t.low in IRREGULAR_PAST or (t.low.endswith("ed") and len(t.low) > 3)


def find_event(frame: Frame, toks: Sequence[Tok], *, headline: bool = False) -> list[EventHit]:
    """Every place ``frame``'s action shows in ``toks``: as a verb of the same stem or
    class ("met" for "convene"), or as an event noun with a verb saying it happened
    ("the meeting was held").  Objects must overlap when the action has any (unless
    it needs none, like a meeting)."""
    if frame.verb is None:
        return []
    hits: list[EventHit] = []
    stems = {t.stem for t in toks}
    if frame.objects and not frame.object_free and not frame.objects & stems:
        return []
    for i, t in enumerate(toks):
        prev = toks[i - 1].low if i else ""
        as_noun = prev in _DETERMINERS
        if not as_noun and (t.stem == frame.verb or classes_of(t.stem) & frame.classes):
            if t.stem == frame.verb:
                score, how = 1.0, f'"{t.text}"'
            else:
                shared = sorted(classes_of(t.stem) & frame.classes)
                score, how = 0.9, f'"{t.text}" (same class as the promise: {shared[0]})'
            tense, negated = verb_tense(toks, i, headline=headline)
            hits.append(EventHit(i, score, tense, negated, how))
            continue
        if not as_noun and frame.objects and frame.verb in ENACTING and t.stem in ENACTING:
            # Measures are imposed, approved, adopted or signed: when the objects agree,
            # any of these verbs reports the same act.
            tense, negated = verb_tense(toks, i, headline=headline)
            how = f'"{t.text}" (puts the same measure into force)'
            hits.append(EventHit(i, 0.75, tense, negated, how))
            continue
        for cls in frame.classes:
            if t.stem in EVENT_NOUNS.get(cls, frozenset()):
                # "the meeting was held / took place / went ahead"
                for k in range(i + 1, min(len(toks), i + 10)):
                    if toks[k].stem in HAPPENED_VERBS:
                        tense, negated = verb_tense(toks, k, headline=headline)
                        how = f'"{t.text} … {toks[k].text}"'
                        hits.append(EventHit(i, 0.85, tense, negated, how, nominal=True))
                        break
                break
    return hits


def find_negative(
    frame: Frame, toks: Sequence[Tok], *, headline: bool = False
) -> tuple[str, str, int, str] | None:
    """A report that the action was postponed, delayed, cancelled, refused, blocked or
    failed: (verdict value, reason, cue index, cue text), or None.  The cue must be
    near the action (as verb or event noun) and itself report the past or present,
    not a risk ("could be delayed", "is trying to delay")."""
    if frame.verb is None:
        return None
    # The action shows as its verb, an event noun, or what it acts on ("delayed the
    # tariffs on Canadian goods" for "impose tariffs on Canadian goods").
    action_at = [
        i
        for i, t in enumerate(toks)
        if t.stem == frame.verb
        or classes_of(t.stem) & frame.classes
        or any(t.stem in EVENT_NOUNS.get(c, frozenset()) for c in frame.classes)
        or (t.stem in frame.objects and not t.is_cap)
    ]
    if not action_at:
        return None
    for i, t in enumerate(toks):
        found = NEGATIVE_CUES.get(t.stem)
        if i + 1 < len(toks):
            found = NEGATIVE_PHRASES.get((t.stem, toks[i + 1].low), found)
        if found is None:
            continue
        if not any(abs(i - a) <= 10 for a in action_at):
            continue
        tense, negated = verb_tense(toks, i, headline=headline)
        if tense not in {"past", "present"} or negated:
            continue
        return found[0], found[1], i, t.text
    return None


_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|billion|thousand|bn|m|k)?\s+([A-Za-z][\w'’-]*)",
    re.I,
)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def amounts(text: str) -> dict[str, float]:
    """Quantities with what they count: "300,000 homes" -> {"hom": 300000.0} (by stem);
    "2 million doses" -> {"dos": 2e6}.  Years and dates are not quantities."""
    out: dict[str, float] = {}
    for m in _AMOUNT.finditer(text):
        number, scale, unit = m.groups()
        low = unit.lower()
        if low in STOPWORDS or low in _NOT_PLACES:
            continue
        value = float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)
        out[stem(low)] = value
    return out


def shortfall(promised: dict[str, float], reported: dict[str, float]) -> tuple[float, float] | None:
    """(reported, promised) when the report counts fewer of the same thing."""
    for unit, want in promised.items():
        got = reported.get(unit)
        if got is not None and got < want:
            return got, want
    return None


def is_partial(toks: Sequence[Tok]) -> bool:
    """Whether the sentence says it was done only in part ("partly", "partially")."""
    return any(t.low in {"partly", "partially"} for t in toks)


def nominal_condition(frame: Frame, toks: Sequence[Tok]) -> tuple[str, int] | None:
    """For a nominal condition ("a peace deal"): ("met" | "failed", index) when the
    sentence names all its nouns with a past verb of happening (agreed, signed,
    reached...) or of failing (collapsed, rejected...)."""
    stems = [t.stem for t in toks]
    if not frame.nominal or not frame.nominal <= set(stems):
        return None
    for i, t in enumerate(toks):
        if t.stem in _FAILED_NOMINAL or t.stem in NEGATIVE_CUES:
            tense, negated = verb_tense(toks, i)
            if tense == "past" and not negated:
                return "failed", i
    for i, t in enumerate(toks):
        if t.stem in _CONDITION_HAPPENED:
            tense, negated = verb_tense(toks, i)
            if tense == "past":
                return ("failed" if negated else "met"), i
    return None


def subject_pronoun_before(toks: Sequence[Tok], index: int) -> bool:
    """Whether a pronoun ("they") stands as the subject before ``index``."""
    return any(t.low in _PRONOUNS for t in toks[:index][:3])


ALL_CLASSES = frozenset(ACTION_CLASSES)

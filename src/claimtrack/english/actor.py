"""Who must act: the actor of a commitment, demand or prediction.

:data:`RULES` is an ordered sieve of named rules; the first that answers decides, and
its name goes into the claim's ``rules``.  The rules keep pronouns, determiners and
fragments out of the actor: "it"/"they"/"its" are resolved to the organisation or
person they stand for, an event ("Talks between the two unions will take place on
Friday") is acted on by its participants, an agentless passive ("permits would be
issued") by the speaker's side — with low confidence, never the passive subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from ..actors import ActorRegistry
from ..model import Actor, ActorKind, ClaimKind
from .actor_bodies import (
    JOINERS,
    STORY_REACH,
    agentless_passive,
    define_organisation,
    defined_organisations,
    employer,
    is_crowd,
    named_as_body,
    passive_agent,
    speaks_as_one,
    story_subject,
)
from .actor_refs import (
    body_for,
    definite_body,
    first_person,
    on_behalf_of,
    own_group,
    possessor,
    request_addressee,
    speakers_members,
    story_organisation,
    subject_words,
)
from .kinds import AUX, VERB_FORMS, Analysis
from .lexicon import DETERMINERS, TITLES
from .rulebook import Example, Rule, first
from .speakers import Speakers
from .text import Tok

__all__ = ["RULES", "ActorQuery", "Actors"]

Answer = tuple[Actor | None, float | None]

#: Subjects that are events: the participants act, not the event.
EVENT_HEADS = frozenset(
    {
        "talks", "negotiations", "meeting", "meetings", "summit", "vote", "votes",
        "election", "elections", "poll", "polls", "ballot", "referendum", "hearing",
        "hearings", "match", "game", "fixture", "final", "friendly", "tournament",
        "conference", "consultation", "inquiry", "trial", "trials", "campaign",
        "ceremony", "festival", "event", "strike", "strikes", "walkout", "debate",
    }
)  # fmt: skip
#: Subjects that name a process the speaker's side runs ("Production will cease").
PROCESS_HEADS = frozenset(
    {
        "production", "work", "works", "construction", "services", "service",
        "operations", "refining", "activities", "flights", "deliveries", "rollout",
        "testing", "building", "recruitment", "sales", "trading", "handover",
    }
)  # fmt: skip
#: Subjects that are things an organisation runs ("the tunnel", "these aircraft").
FACILITY_HEADS = frozenset(
    {
        "tunnel", "bridge", "station", "stations", "line", "stadium", "hospital", "ship",
        "vessel", "ferry", "ferries", "plant", "refinery", "site", "route", "routes",
        "aircraft", "planes", "fleet", "depot", "terminal", "airport", "venue", "arena",
        "factory", "mine", "road", "railway", "crossing", "ward", "clinic", "school",
    }
)  # fmt: skip
#: One-word subjects that name nobody.
FRAGMENTS = DETERMINERS | frozenset(
    {"thats", "that's", "there", "you", "which", "what", "this", "it's", "its", "such"}
)
_ORG_KINDS = (ActorKind.ORGANISATION, ActorKind.GROUP, ActorKind.COUNTRY)
#: How far back into its own sentence a claim's context is read (a run-on "sentence"
#: with no full stops is read no further: linear time).
_SENTENCE_REACH = 600
_LEAD_WORDS = frozenset({"also", "now", "then", "just", "still", "only"})
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "official"})
_POSSESSIVE_END = re.compile(r"(\w)['’]s?$")
_POSSESSIVE = re.compile(r"(\w)['’](s?)(?=\s)")


@attrs.frozen
class ActorQuery:
    """One claim to find the actor of: its speaker, the kind analysis, its tokens,
    the "urged X to" addressee's words when the cue gave one, and where the claim starts
    in the text (for antecedents)."""

    speaker: Actor
    found: Analysis
    toks: Sequence[Tok]
    addressee: str | None
    start: int
    sentence_start: int
    by_publisher: bool
    #: What the actor rules read of the query more than once, worked out once
    #: (``actor_refs.subject_words``).
    memo: dict[str, list[str]] = attrs.field(factory=dict, init=False, eq=False, repr=False)


class Actors:
    """Resolves actors over one article's registry and speaker state."""

    def __init__(
        self,
        registry: ActorRegistry,
        speakers: Speakers,
        tokens: Callable[[int, int], Sequence[Tok]],
        clean: Callable[[str], str],
        text: str,
    ) -> None:
        self.text = text
        self.registry = registry
        self.speakers = speakers
        self.tokens = tokens
        self.clean = clean
        self.lower_words: frozenset[str] | None = None  # the text's lower-case words
        self.story: str | None = None  # the name the story is most about ("": none)
        self.defined: set[str] = set()  # ids of organisations defined by their initials
        self.defined_order: list[str] = []  # the same, in the order the text defines them
        for name, initials in defined_organisations(text):
            define_organisation(self, name, initials)

    def resolve(self, q: ActorQuery) -> tuple[Actor | None, float | None, str]:
        """The actor, its confidence and the name of the rule that found it."""
        picked = first(RULES, self, q)
        if picked is None:
            return None, None, ""
        name, (actor, confidence) = picked
        return actor, confidence, name

    # -- shared steps ----------------------------------------------------------------

    def own(self, speaker: Actor, confidence: float, q: ActorQuery | None = None) -> Answer:
        """The speaker's side: the group the speaker says "we" for, else the body a
        role of theirs names ("its chief executive", "the council's engineer"), else
        the speaker."""
        group = self.speakers.group_of(speaker)
        if not group and q is not None:
            body = employer(self, speaker, q)
            if body is not None:
                return body, confidence * 0.7
        if not group:
            return speaker, confidence * 0.8
        try:
            return self.registry.resolve_or_add(group, ActorKind.GROUP), confidence
        except ValueError:
            return Actor.named(group, ActorKind.GROUP), confidence

    def side(self, q: ActorQuery, confidence: float) -> Answer:
        """The speaker's side; for the article's own sentences and for a spokesperson
        with no stated employer, the organisation the story is about (the latest to
        speak, else the latest named before the claim), else nobody."""
        current = self.registry.get(q.speaker.id) or q.speaker
        spokes = not self.speakers.group_of(current) and bool(
            set(current.name.lower().split()) & _SPOKES
        )
        if not q.by_publisher and not spokes:
            return self.own(q.speaker, confidence, q)
        # Named before the claim (the speaker state is the article's end state by now).
        found = self.organisation_before(q)
        if found is None and q.by_publisher:
            found = self.organisation_before(q, loose=True, reach=STORY_REACH)
        if found is None and q.by_publisher:
            found = story_subject(self)  # the name the story is most about
        if found is None:
            return self.own(q.speaker, confidence, q) if spokes else (None, None)
        return found, confidence * 0.8

    def named(self, phrase: str, q: ActorQuery, initial: bool = False) -> Answer:
        """The actor a noun phrase names (a known name, a name, else the phrase);
        ``initial``: the phrase opens its sentence, so its first capital proves nothing."""
        # "the club’s (plan)": the club; "the councils’": the councils (a possessive's
        # mark would otherwise be cleaned into another word, "the clubs").
        phrase = _POSSESSIVE_END.sub(r"\1", phrase.strip())
        phrase = _POSSESSIVE.sub("\\1\u02bc\\2", phrase)  # kept through the cleaning
        words = self.clean(phrase).replace("\u02bc", "'").split()
        while len(words) > 1 and words[0].lower() in _LEAD_WORDS:
            words = words[1:]
        if not words:
            return None, None
        low0 = words[0].lower()
        if len(words) == 1 and low0 in {"he", "she", "him", "her"}:
            found = self.person_before(q)
            return (found, 0.5) if found else (None, None)
        known = self.registry.resolve(" ".join(words))
        if known is not None:
            return known, 0.8
        if initial and all(not w[:1].isupper() for w in words[1:]):
            # "Discounts will be available": a capital of the sentence, not a name.
            kind = ActorKind.GROUP if low0.endswith("s") else ActorKind.UNKNOWN
            return Actor.named(" ".join(words), kind), 0.5
        if words[0][:1].isupper() and low0 not in DETERMINERS:
            m = self.speakers.name(words)
            if m is not None:
                return m.actor, 0.7
        if low0 in {"the", "a", "an"} and len(words) > 1:
            known = self.registry.resolve(" ".join(words[1:]))
            if known is not None:
                return known, 0.7
        kind = ActorKind.GROUP if words[-1].lower().endswith("s") else ActorKind.UNKNOWN
        return Actor.named(" ".join(words), kind), 0.5

    def before(self, q: ActorQuery, reach: int = 400) -> Sequence[Tok]:
        # bounded from the claim too: a page-long "sentence" must not make this O(n)
        lo = max(0, q.sentence_start - reach, q.start - reach - _SENTENCE_REACH)
        return self.tokens(lo, q.start)

    def opens_sentence(self, q: ActorQuery) -> bool:
        """Whether the claim's subject is the first word of its sentence."""
        if q.found.subject is None:
            return False
        at = q.toks[q.found.subject[0]].start
        before = self.text[max(0, at - 3) : at].rstrip(" \t\"“‘'")
        return at <= q.sentence_start or not before or before[-1] in ".!?\n:;"

    def person_before(self, q: ActorQuery) -> Actor | None:
        """The last person named before the claim (not its speaker)."""
        for found in self.names_before(q):
            if found.id != q.speaker.id and found.kind is not ActorKind.ORGANISATION:
                return found
        return None

    def organisation_before(
        self, q: ActorQuery, loose: bool = False, reach: int = 400, strict: bool = False
    ) -> Actor | None:
        """The last organisation, group or country named before the claim; ``loose``:
        or any name with no sign of a person ("Harbour Lines", read as two names);
        ``strict``: an organisation only (no group such as "Analysts", no country)."""
        kinds = (ActorKind.ORGANISATION,) if strict else _ORG_KINDS
        for found in self.names_before(q, reach):
            if is_crowd(self, found):
                continue  # "Onlookers", "Analysts": people, no body that acts
            if found.kind in kinds or found.id in self.speakers.organisations:
                return found
            if strict and found.id != q.speaker.id and named_as_body(found, self.speakers):
                return found  # "Orbis Devices", read as a person's two names
            if loose and found.id != q.speaker.id and speaks_as_one(found, self.speakers):
                return found
        return None

    def defined_before(self, q: ActorQuery) -> Actor | None:
        """The nearest organisation the text defined by its initials before the claim."""
        for found in self.names_before(q, STORY_REACH):
            if found.id in self.defined:
                return found
        # none yet: the one the text defines first ("The tunnel will open ... Harbour
        # Transport (HT) confirmed the date" in the next sentence)
        return self.registry.get(self.defined_order[0]) if self.defined_order else None

    def names_before(self, q: ActorQuery, reach: int = 400) -> Iterator[Actor]:
        """Known actors named before the claim, the nearest first: each capitalised run
        ("Transport for London", "Harbour Lines'") whole, else its words one by one.
        Lazy: a caller that stops at the first fit reads no further back."""
        toks = self.before(q, reach)
        k = len(toks) - 1
        while k >= 0:
            if not (toks[k].is_cap and toks[k].low not in TITLES):
                k -= 1
                continue
            end = k + 1
            while k > 0 and (
                toks[k - 1].is_cap or (toks[k - 1].low in JOINERS and k > 1 and toks[k - 2].is_cap)
            ):
                k -= 1
            run = [t.text[:-2] if t.low.endswith(("'s", "’s")) else t.text for t in toks[k:end]]
            found = self.registry.resolve(" ".join(run))
            if found is not None and found.id == self.speakers.publisher.id:
                pass  # the outlet reporting the story acts in nobody's claim
            elif found is not None:
                yield found
            else:
                for word in reversed(run):
                    one = self.registry.resolve(word) if word.lower() not in TITLES else None
                    if one is not None:
                        yield one
            k -= 1


# -- the rules, in order ---------------------------------------------------------------


def _addressee(r: Actors, q: ActorQuery) -> Answer | None:
    if q.addressee is None:
        return None
    # "urged the agency to ...": the agency the story named before, when it did
    return body_for(r, q, r.clean(q.addressee).split()) or r.named(q.addressee, q)


def _found_addressee(r: Actors, q: ActorQuery) -> Answer | None:
    if q.found.addressee is None:
        return None
    a, b = q.found.addressee
    return r.named(r.text[q.toks[a].start : q.toks[b - 1].end], q)


def _no_subject(r: Actors, q: ActorQuery) -> Answer | None:
    if q.found.subject is not None:
        return None
    if q.found.kind is ClaimKind.DEMAND:
        return None, None
    if q.by_publisher:
        # The article's own schedule ("..., will host five matches"): the organisation
        # it is about acts, never the news outlet that reports it.
        return r.side(q, 0.5)
    if q.found.trigger == "cue" and r.speakers.group_of(q.speaker):
        return q.speaker, 0.6  # "pledged to step down": the one who pledged, not the side
    return r.own(q.speaker, 0.6, q)


def _pronoun(r: Actors, q: ActorQuery) -> Answer | None:
    words = subject_words(q)
    lows = [w.lower().replace("’", "'") for w in words]
    if not lows or lows[0] not in {"it", "its", "they", "their", "them", "it's"}:
        return None
    if lows[0] in {"its", "their"} and len(lows) > 1:
        return None  # "its board will": the board, read by the later rules
    # "The Alder Group said it would cut 40 jobs": the speaker, when it speaks as one.
    current = r.registry.get(q.speaker.id) or q.speaker
    if not q.by_publisher and speaks_as_one(current, r.speakers):
        return current, 0.7
    # "It will open a depot": the organisation named last before it (for "it", any
    # name that shows no sign of being a person).
    found = r.organisation_before(q, loose=lows[0] in {"it", "its", "it's"})
    if found is None and lows[0] in {"they", "them"}:
        found = r.speakers.last_group
    if found is None:
        return r.side(q, 0.3)
    return found, 0.55


def _event_participants(r: Actors, q: ActorQuery) -> Answer | None:
    words = subject_words(q)
    lows = [w.lower() for w in words]
    heads = [k for k, w in enumerate(lows) if w in EVENT_HEADS]
    if not heads:
        return None
    head = heads[0]
    if head > 3 or any(w[:1].isupper() and w.lower() not in TITLES for w in words[:head]):
        return None  # "Smith's talks", "Energy Week": a name, read by the later rules
    for k in range(head + 1, len(lows) - 1):
        if lows[k] in {"between", "with", "among", "involving"}:
            return r.named(" ".join(words[k + 1 :]), q)
    return r.side(q, 0.35)


def _process(r: Actors, q: ActorQuery) -> Answer | None:
    words = subject_words(q)
    lows = [w.lower() for w in words]
    if not lows or lows[-1] not in PROCESS_HEADS or any(w[:1].isupper() for w in words[1:]):
        return None
    return r.side(q, 0.35)


def _facility(r: Actors, q: ActorQuery) -> Answer | None:
    # "The tunnel will open in April", "These aircraft will support ...": a thing does
    # not act; the organisation that runs it does (named before, or the latest to speak).
    words = subject_words(q)
    lows = [w.lower().strip("'’") for w in words]
    if not lows or lows[-1] not in FACILITY_HEADS or len(lows) > 6:
        return None
    if any(w[:1].isupper() for w in words[1:]):
        # "the Kelby Tunnel": a named thing; the article's own schedule of it is run by
        # the organisation it defined by its initials ("Harbour Transport (HT)"), else
        # the later rules name the thing.
        found = r.defined_before(q) if q.by_publisher else None
        return None if found is None else (found, 0.35)
    current = r.registry.get(q.speaker.id) or q.speaker
    if not q.by_publisher and speaks_as_one(current, r.speakers):
        return current, 0.45  # "Harbour Lines said the new ferry would sail in June"
    found = r.organisation_before(q, loose=True)
    if found is None:
        return None  # nobody to run it: the later rules name the thing
    return found, 0.35


def _fragment(r: Actors, q: ActorQuery) -> Answer | None:
    words = [w for w in subject_words(q) if any(c.isalnum() for c in w)]
    if len(words) != 1:
        return None
    low = words[0].lower().replace("’", "'")
    verbish = low in AUX or low in VERB_FORMS  # "has": a subject cut short
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is"))  # not "business"
    if low in FRAGMENTS or verbish or (words[0].islower() and not plural):
        return r.side(q, 0.3)  # "It", "thats", "business": nobody named
    return None


def _he_she(r: Actors, q: ActorQuery) -> Answer | None:
    words = subject_words(q)
    if len(words) == 1 and words[0].lower() in {"he", "she", "him", "her"}:
        found = r.person_before(q)
        return (found, 0.5) if found else (None, None)
    return None


def _named(r: Actors, q: ActorQuery) -> Answer | None:
    return r.named(" ".join(subject_words(q)), q, r.opens_sentence(q))


def _ex(text: str, claim: str, actor: str | None) -> Example:
    return Example(text=text, claim=claim, field="actor", expected=actor)


RULES: tuple[Rule[Callable[[Actors, ActorQuery], Answer | None]], ...] = (
    Rule(
        "actor.addressee",
        _addressee,
        (
            _ex(
                "The mayor urged the rail operator to restore the late trains by June.",
                "restore the late trains",
                "the rail operator",
            ),
        ),
        "'urged X to ...': X must act",
    ),
    Rule("actor.addressee-in-claim", _found_addressee, doc="'X must tell Y to ...': Y"),
    Rule(
        "actor.request-addressee",
        request_addressee,
        (
            _ex(
                '"I will write to the Harbour Board requesting that the pier be repaired '
                'by May," the mayor said.',
                "requesting that the pier be repaired",
                "the Harbour Board",
            ),
        ),
        "'write to X requesting that ... be done': X must act, never the one asking",
    ),
    Rule("actor.no-subject", _no_subject, doc="no subject: the speaker's side (demands: none)"),
    Rule(
        "actor.on-behalf-of",
        on_behalf_of,
        (
            _ex(
                '"On behalf of the harbour board, we will reopen the pier in May," Dana Moss said.',
                "we will reopen the pier",
                "the harbour board",
            ),
        ),
        "'On behalf of X, we will ...': X is the side that acts",
    ),
    Rule(
        "actor.first-person",
        first_person,
        (
            _ex(
                '"We will reopen the pool in May," said Dana Moss, the leisure trust\'s chair.',
                "We will reopen the pool in May",
                "Dana Moss",
            ),
        ),
        "'we'/'I': the speaker or the group the speaker says 'we' for",
    ),
    Rule("actor.own-group", own_group, doc="'the coalition' from one whose 'we' it is"),
    Rule(
        "actor.speakers-members",
        speakers_members,
        (
            _ex(
                "Tom Hale, chairman of the Kelby Growers' Union, said his members would "
                "stop deliveries in May.",
                "his members would stop deliveries",
                "Kelby Growers' Union",
            ),
        ),
        "'his members', 'her board': the body the speaker speaks for",
    ),
    Rule(
        "actor.pronoun",
        _pronoun,
        (
            _ex(
                "The Alder Group said it would cut 40 jobs next year.",
                "it would cut 40 jobs",
                "The Alder Group",
            ),
        ),
        "'it'/'they': the organisation they stand for, never the pronoun",
    ),
    Rule("actor.he-she", _he_she, doc="'he'/'she' as actor: the last person named"),
    Rule(
        "actor.event-participants",
        _event_participants,
        (
            _ex(
                "Talks between the two unions will take place on Friday, the mediator said.",
                "Talks between the two unions will take place",
                "the two unions",
            ),
        ),
        "an event's participants act, not the event",
    ),
    Rule(
        "actor.possessor",
        possessor,
        (
            _ex(
                "Harbour Lines' new ferry will sail to the island in June.",
                "new ferry will sail",
                "Harbour Lines",
            ),
        ),
        "'Harbour Lines' new ferry will sail': the owner named in the subject acts",
    ),
    Rule(
        "actor.process-subject",
        _process,
        (
            _ex(
                "Testing will resume at the Tollby plant in August, Brant Motors said.",
                "Testing will resume",
                "Brant Motors",
            ),
        ),
        "'Testing will resume': the side that runs it",
    ),
    Rule(
        "actor.passive-agent",
        passive_agent,
        (
            _ex(
                "The new footbridge will be built by Orland Works, the council said.",
                "The new footbridge will be built",
                "Orland Works",
            ),
        ),
        "'will be built by X': the agent acts",
    ),
    Rule(
        "actor.facility",
        _facility,
        (
            _ex(
                "Harbour Lines said on Monday that fares would rise.\n\nThe new terminal "
                "will open in June.",
                "The new terminal will open in June",
                "Harbour Lines",
            ),
        ),
        "a thing ('the tunnel', 'these aircraft'): the organisation that runs it",
    ),
    Rule(
        "actor.agentless-passive",
        agentless_passive,
        (
            _ex(
                "Permits would be issued within weeks, the planning office said.",
                "Permits would be issued",
                "the planning office",
            ),
        ),
        "a passive with no agent: the speaker's side (low confidence), never the subject",
    ),
    Rule("actor.fragment", _fragment, doc="'It', 'thats', 'business': the speaker's side"),
    Rule(
        "actor.story-organisation",
        story_organisation,
        (
            _ex(
                "Harbour Lines said on Monday that the new ferry would sail in June.\n\n"
                "Discounts will be available to island residents from the first day.",
                "Discounts will be available",
                "Harbour Lines",
            ),
        ),
        "the article's schedule of a thing or service: the organisation the story is about",
    ),
    Rule(
        "actor.definite-body",
        definite_body,
        (
            _ex(
                "The Federal Grain Agency fined two traders on Monday.\n\nThe agency will "
                "publish the list of traders in June, a spokesman said.",
                "The agency will publish the list",
                "Federal Grain Agency",
            ),
        ),
        "'the agency', 'the club': the organisation the story named before",
    ),
    Rule("actor.named", _named, doc="the subject's noun phrase, resolved to a name"),
)

"""Actor rules that read a claim against what the article said before it: the one a
request is written to, the organisation the article's own schedules belong to, and
the organisation a definite description ("the club", "the agency") stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor, ActorKind, ClaimKind
from .actor_bodies import NAME_WORDS, STORY_REACH, TIME_HEADS, TIME_LEADS
from .lexicon import ANIMATE_NOUNS, DETERMINERS, FIRST_PERSON

if TYPE_CHECKING:
    from .actor import ActorQuery, Actors, Answer

__all__ = [
    "BODY_HEADS",
    "definite_body",
    "first_person",
    "on_behalf_of",
    "own_group",
    "possessor",
    "request_addressee",
    "speakers_members",
    "story_organisation",
    "subject_words",
]

_PUNCT = "-–—,;:()'\"“”‘’"
#: How far around a claim its own sentence is read (linear time on run-on text).
_SENTENCE_REACH = 600
_ACTS = frozenset({ClaimKind.COMMITMENT, ClaimKind.DEMAND})
_PEOPLE = frozenset(
    {"people", "residents", "passengers", "fans", "staff", "workers", "users", "drivers"}
)
_FRAGMENTS = DETERMINERS | frozenset(
    {"thats", "that's", "there", "you", "which", "what", "this", "it's", "its", "such"}
)


def subject_words(q: ActorQuery) -> list[str]:
    """The subject's words, without a time phrase before it ("last November it") and
    without the dashes of an apposition cut in two ("- the UK's last ... -")."""
    assert q.found.subject is not None
    words = q.memo.get("subject_words")
    if words is None:  # every actor rule reads them: worked out once per query
        a, b = q.found.subject
        words = [t.text for t in q.toks[a:b]]
        while len(words) > 2 and words[0].lower() in TIME_LEADS and words[1].lower() in TIME_HEADS:
            words = words[2:]
        while words and all(c in _PUNCT for c in words[0]):
            words = words[1:]
        while words and all(c in _PUNCT for c in words[-1]):
            words = words[:-1]
        q.memo["subject_words"] = words
    return list(words)


def request_addressee(r: Actors, q: ActorQuery) -> Answer | None:
    # "I will write to the housing trust requesting that the repairs be finished": the
    # one written to must act; a subjunctive demand never binds its own speaker.
    if q.found.trigger != "subjunctive":
        return None
    toks = r.tokens(max(q.sentence_start, q.start - _SENTENCE_REACH), q.start)
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].low != "to":
            continue
        end = k + 1
        while (
            end < len(toks)
            and toks[end].is_word
            and (toks[end].is_cap or toks[end].low in {"the", "of", "for", "and"})
        ):
            end += 1
        words = [t.text for t in toks[k + 1 : end]]
        while words and words[-1].lower() in {"the", "of", "for", "and"}:
            words.pop()
        if any(w[:1].isupper() for w in words) or (len(words) >= 2 and words[0].lower() == "the"):
            return r.named(" ".join(words), q)
    return None, None


def story_organisation(r: Actors, q: ActorQuery) -> Answer | None:
    # The article's own "The toll amount will vary", "Discounts will be available": a
    # thing or a service, no name in it: the organisation the story is about acts.
    if not q.by_publisher:
        return None
    words = subject_words(q)
    if not words or len(words) > 6 or any(w[:1].isupper() for w in words[1:]):
        return None
    lows = [w.lower().strip("'’") for w in words]
    if lows[0] in _FRAGMENTS - {"the", "a", "an", "these", "those", "this", "that"}:
        return None
    if words[0][:1].isupper() and not r.opens_sentence(q):
        return None
    if any(w in ANIMATE_NOUNS or w in _PEOPLE for w in lows):
        return None  # "residents will pay", "the club will": somebody acts
    found = r.organisation_before(q, loose=True, reach=STORY_REACH)
    return None if found is None else (found, 0.35)


#: Nouns a story uses for an organisation it has named ("the club", "the agency").
BODY_HEADS = frozenset(
    {
        "club", "agency", "company", "group", "union", "council", "province", "government",
        "firm", "airline", "carrier", "regulator", "bank", "university", "federation",
        "association", "party", "ministry", "department", "board", "committee",
        "authority", "operator", "utility", "trust", "charity", "state", "city",
        "league", "commission", "retailer", "manufacturer", "insurer", "shipyard",
        "builder", "contractor", "developer", "broadcaster", "railway", "hospital",
    }
)  # fmt: skip


def definite_body(r: Actors, q: ActorQuery) -> Answer | None:
    # "The agency will publish the list": the Federal Grain Agency named before (a
    # known organisation whose name holds the noun, else the nearest name ending in
    # it); the latest organisation of another kind is no answer ("the club" is not the
    # council named last).
    if q.found.subject is None:
        return None
    return body_for(r, q, subject_words(q))


def body_for(r: Actors, q: ActorQuery, words: list[str]) -> Answer | None:
    """The organisation "the <body noun>" stands for, or None."""
    lows = [w.lower() for w in words]
    if len(lows) != 2 or lows[0] != "the" or lows[1] not in BODY_HEADS:
        return None
    noun = lows[1]
    known = r.registry.resolve(" ".join(words))
    if known is not None and len(known.name.split()) > 2:
        return known, 0.6  # learnt before as an alias of the full name
    bodies = [
        a
        for a in r.names_before(q, STORY_REACH)
        if a.id != r.speakers.publisher.id
        and (a.kind is ActorKind.ORGANISATION or a.id in r.speakers.organisations)
    ]
    fits = NAME_WORDS.get(noun, set()) | {noun}
    for found in bodies:
        if fits & {w.lower() for n in (found.name, *found.aliases) for w in n.split()}:
            return found, 0.55
    named = _name_ending(r, q, fits)
    return None if named is None else (named, 0.5)


def _name_ending(r: Actors, q: ActorQuery, fits: set[str]) -> Actor | None:
    """The nearest capitalised name before the claim whose last word is one of
    ``fits`` ("Harwick Borough Council" for "the council"), known or not."""
    toks = r.before(q, STORY_REACH)
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].low not in fits or not toks[k].is_cap:
            continue
        a = k
        while a > 0 and (
            toks[a - 1].is_cap
            or (toks[a - 1].low in {"of", "for", "&"} and a > 1 and toks[a - 2].is_cap)
        ):
            a -= 1
        if toks[a].low in {"the", "a", "an"}:
            a += 1
        if a >= k:
            continue  # "the Council" alone names nothing new
        name = " ".join(t.text for t in toks[a : k + 1])
        return r.registry.resolve(name) or Actor.named(name, ActorKind.ORGANISATION)
    return None


def possessor(r: Actors, q: ActorQuery) -> Answer | None:
    # "Harbour Lines' new ferry will sail in June", "Tesla's robotaxi service is set
    # for a launch": the owner named in the subject acts.
    if q.found.subject is None or q.found.kind not in _ACTS:
        return None
    a = q.found.subject[0]
    if q.toks[a].text in {"-", "–", "—"} or (a > 0 and q.toks[a - 1].text in {"-", "–", "—", ","}):
        return None  # "X - the UK's last plant - will close": an apposition, not an owner
    words = subject_words(q)
    for k, w in enumerate(words[:-1]):
        mark = words[k + 1] in {"'", "’", "'s", "’s"} and k + 2 < len(words)
        if not (w.endswith(("'s", "’s", "s'", "s’")) or mark) or not w[:1].isupper():
            continue
        if not words[k + 2 if mark else k + 1][:1].islower():
            return None  # "Queen's Park", "St John's Wood": a name, no owner and thing
        owner = words[: k + 1]
        while owner and owner[0].lower() in DETERMINERS:
            owner = owner[1:]
        if not owner or not all(o[:1].isupper() or o.lower() in {"of", "for", "&"} for o in owner):
            return None
        name = " ".join(owner)
        name = name[:-2] if name.endswith(("'s", "’s")) else name.rstrip("'’")
        if name.lower() in {"it", "its", "their", "his", "her"}:
            return None
        known = r.registry.resolve(name)
        if known is not None and known.kind is ActorKind.PERSON and known.id in r.speakers.gender:
            return None  # "Smith's plan": a person's plan, read by the later rules
        return (
            (known, 0.6) if known is not None else (Actor.named(name, ActorKind.ORGANISATION), 0.5)
        )
    return None


def on_behalf_of(r: Actors, q: ActorQuery) -> Answer | None:
    # "On behalf of the caretaker cabinet, we will ...": that body is the side.
    if q.found.subject is None:
        return None
    lows = {w.lower() for w in subject_words(q)}
    if not lows & {"we", "us", "our", "i"}:
        return None
    end = min(q.toks[-1].end, q.start + _SENTENCE_REACH) if q.toks else q.start
    toks = r.tokens(max(q.sentence_start, q.start - _SENTENCE_REACH), end)
    for k in range(len(toks) - 3):
        if (toks[k].low, toks[k + 1].low, toks[k + 2].low) != ("on", "behalf", "of"):
            continue
        end = k + 3
        while end < len(toks) and toks[end].is_word and end - k < 10:
            end += 1
        phrase = " ".join(t.text for t in toks[k + 3 : end])
        if not phrase or phrase.lower().split()[0] in {"me", "myself", "us", "you"}:
            return None
        r.speakers.learn_group(q.speaker, phrase)  # the speaker's "we" from now on
        if "i" in lows:
            return None  # "On behalf of the board, I will write ...": the speaker writes
        return r.named(phrase, q)
    return None


_MEMBER_NOUNS = frozenset(
    {"members", "board", "staff", "team", "colleagues", "party", "organisation", "union"}
)


def speakers_members(r: Actors, q: ActorQuery) -> Answer | None:
    # "his members would vote against it", "her board will decide": the body the
    # speaker speaks for, when the article says which.
    if q.found.subject is None:
        return None
    lows = [w.lower() for w in subject_words(q)]
    if len(lows) != 2 or lows[0] not in {"his", "her", "their"} or lows[1] not in _MEMBER_NOUNS:
        return None
    actor, confidence = r.own(q.speaker, 0.6, q)
    if actor is None or actor.id == q.speaker.id:
        return None
    return actor, confidence


def first_person(r: Actors, q: ActorQuery) -> Answer | None:
    lows = {w.lower() for w in subject_words(q)}
    if not lows & FIRST_PERSON or not (q.found.own_side or q.found.kind is ClaimKind.COMMITMENT):
        return None
    a = q.found.subject[0] if q.found.subject is not None else 0
    joint = bool(lows & {"and", "we"}) or (a > 0 and q.toks[a - 1].low == "and")
    if lows & {"i", "me", "my", "i'm", "i’m", "i'll", "i’ll"} and not joint:
        return q.speaker, 0.85  # "the team and I": the speaker's side, below
    actor, confidence = r.own(q.speaker, 0.7, q)
    if actor is not None and actor.id == q.speaker.id:
        current = r.registry.get(actor.id) or actor
        if current.kind is ActorKind.PERSON:
            # A person's "we" with no side the article states: the organisation named
            # last before the claim, if any (a chief executive's "we" is the company).
            body = r.organisation_before(q, reach=STORY_REACH, strict=True)
            if body is not None:
                return body, 0.4
    return actor, confidence


def own_group(r: Actors, q: ActorQuery) -> Answer | None:
    # "the coalition" said by someone whose "we" is "the coalition of the willing".
    words = subject_words(q)
    if not q.found.own_side or len(words) > 3 or not words:
        return None
    group = r.speakers.group_of(q.speaker) or ""
    if group and words[-1].lower() in group.lower().split():
        return r.own(q.speaker, 0.65, q)
    return None

"""Helpers of the actor rules: passives ("will be built by X"), and whose side a person speaks for when only a role says so, and the organisation a
pronoun or a role points back to: "its regional director" (the organisation named
before), "the council's cabinet member" (the council), "chief executive X" (the
company the story is about).  Helpers of :mod:`.actor`'s rules."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Actor, ActorKind
from .lexicon import ANIMATE_NOUNS, DETERMINERS, ORG_WORDS, TITLES
from .speakers import Speakers

if TYPE_CHECKING:
    from .actor import ActorQuery, Actors, Answer

__all__ = [
    "BODY_NOUNS",
    "BODY_ROLES",
    "JOINERS",
    "NAME_WORDS",
    "STORY_REACH",
    "TIME_HEADS",
    "TIME_LEADS",
    "agentless_passive",
    "define_organisation",
    "defined_organisations",
    "employer",
    "is_crowd",
    "name_before",
    "named_as_body",
    "passive_agent",
    "speaks_as_one",
    "story_subject",
]

_ORG_KINDS = (ActorKind.ORGANISATION, ActorKind.GROUP, ActorKind.COUNTRY)
_PASSIVE_BE = frozenset({"be", "been", "being", "is", "are", "was", "were", "get", "got"})
_IRREGULAR_PARTICIPLES = frozenset(
    {
        "built", "held", "made", "paid", "sold", "given", "taken", "shown", "done", "seen",
        "kept", "put", "set", "sent", "spent", "cut", "brought", "bought", "run", "laid",
        "met", "told", "won", "found", "chosen", "drawn", "known", "begun", "shut",
    }
)  # fmt: skip
JOINERS = frozenset({"for", "of", "and", "the", "&"})
#: A time phrase opening a subject ("last spring it was planning to ...").
TIME_LEADS = frozenset({"last", "next", "this", "on", "in", "by", "earlier", "later", "from"})
TIME_HEADS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "week", "month", "year", "spring",
        "summer", "autumn", "winter", "weekend", "night", "morning",
    }
)  # fmt: skip
#: How far back the organisation a story is about may have been named.
STORY_REACH = 2500
#: Words of a run before a claim that name no organisation (titles, dates, fragments).
_PLACE_WORDS = frozenset(
    {"north", "south", "east", "west", "new", "city", "county", "street", "road"}
)
_NOT_BODIES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "it", "its", "they", "their", "this",
        "that", "there", "these", "those", "we", "our", "he", "she", "his", "her", "i",
    }
)  # fmt: skip
#: Roles held in an organisation (not offices of state): who holds one speaks for it.
BODY_ROLES = frozenset(
    {
        "executive", "director", "chairman", "chairwoman", "chair", "spokesman",
        "spokeswoman", "spokesperson", "manager", "engineer", "officer", "founder",
        "boss", "president", "member", "head", "coordinator", "partner",
    }
)  # fmt: skip
#: Words that end an organisation's name ("Orbis Devices", "Kelby Water Board").
BODY_NAME_WORDS = ORG_WORDS | frozenset(
    {
        "agency", "administration", "authority", "commission", "board", "inc", "ltd",
        "plc", "corp", "corporation", "group", "energy", "devices", "therapeutics",
        "motors", "holdings", "technologies", "systems", "industries", "airways",
        "airlines", "marine", "fc", "afc", "athletic", "trust", "alliance", "union",
        "association", "federation", "foundation", "institute", "network", "partners",
        "international", "council", "committee", "ministry", "department", "bank",
    }
)  # fmt: skip
#: Words of an organisation's name that show what kind of body it is, by the noun a
#: story later uses for it ("the agency": the Federal Railroad Administration).
NAME_WORDS: dict[str, set[str]] = {
    "agency": {"agency", "administration", "authority", "commission", "office", "service",
               "bureau", "board", "inspectorate", "executive"},
    "company": {"company", "inc", "ltd", "plc", "corp", "corporation", "group", "energy",
                "devices", "therapeutics", "motors", "holdings", "technologies", "systems",
                "industries", "pharmaceuticals", "foods", "airways", "airlines", "marine"},
    "firm": {"inc", "ltd", "plc", "corp", "group", "partners", "llp", "holdings"},
    "club": {"club", "fc", "afc", "united", "athletic", "rovers", "wanderers", "albion"},
    "airline": {"airline", "airlines", "airways", "air"},
    "carrier": {"airline", "airlines", "airways", "air", "rail", "railways"},
    "utility": {"energy", "power", "water", "electric", "gas", "utilities"},
    "regulator": {"authority", "commission", "office", "regulator", "administration"},
    "shipyard": {"marine", "yard", "yards", "shipyard", "shipbuilders"},
}  # fmt: skip
#: Nouns naming a body in a possessive role ("the club's chief executive").
BODY_NOUNS = frozenset(
    {"club", "company", "firm", "group", "charity", "trust", "union", "airline", "agency"}
)


def named_as_body(actor: Actor, speakers: Speakers) -> bool:
    """Whether ``actor``'s name shows an organisation ("Orbis Devices", "Harwick
    Athletic FC"), though it was read as a person: a word organisations' names end
    in, and no he/she learnt of it."""
    if actor.id in speakers.gender or actor.kind is ActorKind.COUNTRY:
        return False
    words = {w.lower().strip(".,") for n in (actor.name, *actor.aliases) for w in n.split()}
    return bool(words & BODY_NAME_WORDS)


def speaks_as_one(actor: Actor, speakers: Speakers) -> bool:
    """Whether ``actor`` may be an "it": an organisation, group or country, or a name
    with no sign of a person (no he/she learnt, no personal title)."""
    if actor.kind in _ORG_KINDS or actor.id in speakers.organisations:
        return True
    if actor.id in speakers.gender:
        return False
    titled = any(a.split()[0].lower() in TITLES for a in (actor.name, *actor.aliases) if a)
    return actor.kind in (ActorKind.UNKNOWN, ActorKind.PERSON) and not titled


def employer(r: Actors, speaker: Actor, q: ActorQuery) -> Actor | None:
    """The organisation a person speaks for when only a role says so: "its regional
    director" or "chief executive X" (the organisation named last before the claim),
    "the council's cabinet member" (the council named before, else "the council")."""
    current = r.registry.get(speaker.id) or speaker
    if current.kind is not ActorKind.PERSON:
        return None
    for alias in (current.name, *current.aliases):
        lows = [w.lower().replace("’", "'") for w in alias.split()]
        if not set(lows) & BODY_ROLES:
            continue
        if lows[0] in {"its", "their"}:
            found = r.organisation_before(q, reach=STORY_REACH, strict=True)
            return found or name_before(r, q)
        for low in lows[:-1]:
            noun = low[:-2] if low.endswith("'s") else low
            if noun in ORG_WORDS or (low.endswith("'s") and noun in BODY_NOUNS):
                return body_named(r, noun, q)
        role = lows[1:] if lows[0] == "the" else lows
        if role and (role[0] in BODY_ROLES or role[:2] == ["chief", "executive"]):
            # "chief executive Dr Renata Oyelaran": the company the story is about
            return r.organisation_before(q, reach=STORY_REACH, strict=True)
    return None


def name_before(r: Actors, q: ActorQuery) -> Actor | None:
    """The nearest capitalised run before the claim that names no person, title or
    date and is not a sentence's first word alone ("Orrin Yards has delayed the
    ferry. Its chief executive ...": Orrin Yards)."""
    toks = r.before(q, STORY_REACH)
    k = len(toks) - 1
    while k >= 0:
        if not toks[k].is_cap:
            k -= 1
            continue
        end = k + 1
        while k > 0 and toks[k - 1].is_cap:
            k -= 1
        run = [t.text for t in toks[k:end]]
        lows = [w.lower() for w in run]
        lead = r.text[max(0, toks[k].start - 4) : toks[k].start]
        first_word = "\n" in lead or lead.rstrip(" \"“”'‘’")[-1:] in {"", ".", "!", "?", ":"}
        k -= 1
        if first_word and len(run) == 1:
            continue
        if set(lows) & (TITLES | _NOT_BODIES) or lows[0] in DETERMINERS | _NOT_BODIES:
            continue
        known = r.registry.resolve(" ".join(run))
        if known is not None and (
            known.id in {q.speaker.id, r.speakers.publisher.id}
            or not speaks_as_one(known, r.speakers)
        ):
            continue
        if known is not None:
            return known
        return Actor.named(" ".join(run), ActorKind.ORGANISATION)
    return None


def body_named(r: Actors, noun: str, q: ActorQuery) -> Actor:
    """The organisation named before the claim whose name ends in ``noun`` ("the
    council": Harwick Borough Council), else the phrase "the <noun>"."""
    fits = NAME_WORDS.get(noun, set()) | {noun}
    for found in r.names_before(q, STORY_REACH):
        if found.id == r.speakers.publisher.id:
            continue
        body = found.kind in _ORG_KINDS or found.id in r.speakers.organisations
        if (body or named_as_body(found, r.speakers)) and any(
            set(n.lower().split()) & fits for n in (found.name, *found.aliases)
        ):
            return found
    return Actor.named(f"the {noun}", ActorKind.ORGANISATION)


def _passive_be(q: ActorQuery) -> int | None:
    """The index of the "be" of a passive right after the subject ("will be built"),
    or None."""
    found, toks = q.found, q.toks
    if found.subject is None:
        return None
    end = found.subject[1]
    k = end
    limit = min(len(toks), end + 5)
    while k < limit and toks[k].low not in _PASSIVE_BE:
        if not toks[k].is_word:
            return None
        k += 1
    if k + 1 >= len(toks) or k >= limit:
        return None
    nxt = toks[k + 1].low
    if not (nxt.endswith("ed") or nxt.endswith("en") or nxt in _IRREGULAR_PARTICIPLES):
        return None
    if toks[k].low in {"is", "are", "was", "were"} and nxt in {"due", "set"}:
        return None
    return k


def passive_agent(r: Actors, q: ActorQuery) -> Answer | None:
    # "The bridge will be built by Orland Works": the agent acts.
    k = _passive_be(q)
    toks = q.toks
    if k is None or k + 3 >= len(toks) or toks[k + 2].low != "by":
        return None
    end = k + 3
    while end < len(toks) and toks[end].is_word and end - k < 10:
        if end > k + 3 and not toks[end].is_cap and toks[end].low not in JOINERS:
            break
        end += 1
    words = [t.text for t in toks[k + 3 : end]]
    if not words or not (words[0][:1].isupper() or words[0].lower() == "the"):
        return None
    if words[0].lower() in TIME_LEADS | TIME_HEADS or (len(words) == 1 and words[0] == "the"):
        return None
    return r.named(" ".join(words), q)


def agentless_passive(r: Actors, q: ActorQuery) -> Answer | None:
    k = _passive_be(q)
    if k is None:
        return None
    if any(t.low == "by" for t in q.toks[k + 2 :]):
        return None  # "will be built by the council": the agent acts
    return r.side(q, 0.3)


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")
_NAME_WORD = re.compile(r"[A-Z][\w&.-]*(?:['’]s?)?|of|for|and|the|&")


def defined_organisations(text: str) -> list[tuple[str, str]]:
    """The organisations the text defines with their initials, as (name, initials):
    "Transport for London (TfL)", "the Kelby Water Board (KWB)".  One pass, each look
    back bounded to the hundred characters before the brackets."""
    out: list[tuple[str, str]] = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        before = text[max(0, m.start() - 100) : m.start()].rstrip()
        words = before.split()
        run: list[str] = []
        while words and _NAME_WORD.fullmatch(words[-1]) and len(run) < 8:
            run.insert(0, words.pop())
        while run and run[0] in {"of", "for", "and", "the", "&"}:
            run.pop(0)
        for k in range(len(run)):
            name = run[k:]
            if name[0][:1].islower():
                continue
            every = "".join(w[0] for w in name).lower()
            capital = "".join(w[0] for w in name if w[:1].isupper()).lower()
            if len(capital) >= 2 and acronym.lower() in {every, capital}:
                out.append((" ".join(name), acronym))
                break
    return out


def is_crowd(r: Actors, actor: Actor) -> bool:
    """Whether ``actor`` is a crowd named by one plural common noun ("Onlookers",
    a word the text also writes in lower case), not a body ("Petroineos")."""
    words = actor.name.split()
    if actor.kind is not ActorKind.GROUP or len(words) != 1:
        return False
    low = words[0].lower()
    if low in ANIMATE_NOUNS:
        return True
    if r.lower_words is None:
        r.lower_words = frozenset(re.findall(r"\b[a-z]+\b", r.text))
    return low.endswith("s") and low in r.lower_words


def define_organisation(r: Actors, name: str, initials: str) -> None:
    """Register an organisation the text names with its initials ("Transport for
    London (TfL)"), the initials as its alias."""
    try:
        found = r.registry.resolve(name) or r.registry.resolve(initials)
        if found is None:
            found = r.registry.resolve_or_add(name, ActorKind.ORGANISATION)
        found = r.registry.add(
            Actor(id=found.id, name=found.name, kind=ActorKind.ORGANISATION, aliases=(initials,))
        )
    except ValueError:
        return  # the name or the initials belong to another actor: leave both
    r.speakers.organisations.add(found.id)
    if found.id not in r.defined:
        r.defined.add(found.id)
        r.defined_order.append(found.id)


_OPENERS = frozenset({".", "!", "?", '"', "“", "”", ":"})
_RUN = re.compile(r"(?<![\w'’])([A-Z][\w&'’-]*(?:\s+(?:of\s+|for\s+|&\s+)?[A-Z][\w&'’-]*){0,4})")


def story_subject(r: Actors) -> Actor | None:
    """The name the story is most about, for the article's own schedules when no
    organisation is named near them: the capitalised name (two words or more, or one
    word named three times) the text repeats most, that is no person, place, date or
    the outlet itself, and that does not only open sentences.  One pass, then cached."""
    if r.story is not None:
        if not r.story:
            return None
        return r.registry.resolve(r.story) or Actor.named(r.story, ActorKind.ORGANISATION)
    counts: dict[str, int] = {}
    inside: dict[str, int] = {}
    for m in _RUN.finditer(r.text):
        name = m.group(1).rstrip("'’")
        name = name[:-2] if name.endswith(("'s", "’s")) else name
        counts[name] = counts.get(name, 0) + 1
        lead = r.text[max(0, m.start() - 3) : m.start()]
        initial = m.start() == 0 or "\n" in lead or lead.rstrip()[-1:] in _OPENERS
        if not initial:
            inside[name] = inside.get(name, 0) + 1
    best: tuple[int, str] | None = None
    for name, n in counts.items():
        words = name.split()
        lows = {w.lower() for w in words}
        if not inside.get(name) or (len(words) < 2 and n < 3) or n < 2:
            continue
        if lows & (TITLES | _NOT_BODIES) or lows <= _PLACE_WORDS:
            continue
        known = r.registry.resolve(name)
        if known is not None and (
            known.id in r.speakers.gender
            or known.id == r.speakers.publisher.id
            or known.kind is ActorKind.COUNTRY
        ):
            continue
        if known is None and name == r.speakers.publisher.name:
            continue
        if best is None or n > best[0]:
            best = (n, name)
    if best is None:
        r.story = ""
        return None
    name = best[1]
    found = r.registry.resolve(name) or Actor.named(name, ActorKind.ORGANISATION)
    r.story = name
    return found

"""Who is speaking: names with titles, short forms, pronouns, role phrases, appositions.

:class:`Speakers` keeps the state of one article (the last person who spoke, the groups
speakers say "we" for) and resolves every mention through the shared
:class:`~claimtrack.actors.ActorRegistry`, so one actor gets one id across the article
("Sir Keir Starmer", "Sir Keir", "Starmer", "the Prime Minister", "he").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..actors import ActorRegistry
from ..model import Actor, ActorKind
from .lexicon import (
    COUNTRY_OF,
    DETERMINERS,
    FEMALE_NAMES,
    FIRST_PERSON,
    INSTITUTION_NOUNS,
    MALE_NAMES,
    NAME_PARTICLES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    TITLES,
)
from .names import (
    COUNTRIES,
    NOT_NAME_LEADS,
    PLURAL_ROLE_HEADS,
    aged,
    given_name,
    is_role_phrase,
    setting,
    split_names,
    titled_name,
    words_of,
)
from .names import PERSON_TITLES as _PERSON_TITLES

__all__ = ["COUNTRIES", "NOT_NAME_LEADS", "Mention", "Speakers", "is_role_phrase", "split_names"]

_ABBREVIATED_ROLES = {"pm": "prime minister", "ceo": "chief executive"}
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "mister", "father", "brother"})
_FEMALE_TITLES = frozenset(
    {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "madam", "sister", "mother"}
)
# Role words that name the same kind of office ("transport chief" = "head of transport").
_ROLE_SYNONYMS = {
    "chief": ("head", "boss", "director", "executive", "leader"),
    "head": ("chief", "boss", "director", "leader"),
    "boss": ("chief", "head", "executive", "director"),
    "pm": ("prime", "minister"),
    "premier": ("prime", "minister"),
}
_ROLE_STOP = frozenset({"the", "a", "an", "of", "'s", "’s", "s", "new", "former"})
_RECENT = 8
# Roles of the people stories are usually about: "the Prime Minister" with no name
# beside it most often means the head of government the story already named.
_SALIENT_ROLES = frozenset(
    {
        "minister",
        "pm",
        "president",
        "premier",
        "chancellor",
        "leader",
        "king",
        "queen",
        "mayor",
        "governor",
    }
)


class Mention:
    """A resolved mention: the actor, how sure we are, and whether it was a pronoun."""

    __slots__ = ("actor", "confidence", "pronoun")

    def __init__(self, actor: Actor, confidence: float, pronoun: bool = False) -> None:
        self.actor = actor
        self.confidence = confidence
        self.pronoun = pronoun


class Speakers:
    """Per-article speaker state over a shared registry."""

    def __init__(self, registry: ActorRegistry, publisher: Actor) -> None:
        self.registry = registry
        self.publisher = publisher
        self.last_person: Actor | None = None
        self.last_group: Actor | None = None
        self.last_speaker: Actor | None = None
        self.groups: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.recent: list[Actor] = []  # people lately spoken of, the latest last
        self.recent_speakers: list[Actor] = []
        self.organisations: set[str] = set()  # ids an apposition calls a group or company

    # -- learning --------------------------------------------------------------------

    def _alias(self, actor: Actor, name: str) -> Actor:
        name = " ".join(name.split())
        if not name or name.lower() in PRONOUNS:
            return actor
        try:
            return self.registry.alias(actor.id, name)
        except (ValueError, KeyError):
            return actor  # the name belongs to someone else: keep both apart

    def _upgrade(self, actor: Actor, kind: ActorKind) -> Actor:
        if actor.kind is ActorKind.UNKNOWN and kind is not ActorKind.UNKNOWN:
            try:
                return self.registry.add(Actor(id=actor.id, name=actor.name, kind=kind))
            except ValueError:
                return actor
        return actor

    def note_speaker(self, actor: Actor) -> None:
        """Remember ``actor`` as the latest speaker (for "he", "they", role phrases)."""
        if actor.id == self.publisher.id:
            return
        self.last_speaker = actor
        self.recent_speakers = [a for a in self.recent_speakers if a.id != actor.id][-15:]
        self.recent_speakers.append(actor)
        lows = actor.name.lower().split()
        if (
            actor.kind is ActorKind.UNKNOWN
            and len(lows) >= 2
            and lows[0] in {"the", "a", "an"}
            and (lows[-1] in ORG_WORDS or lows[-1] in INSTITUTION_NOUNS)
        ):
            self.last_group = actor  # "the company" is no "he" or "she"
            return
        if (
            actor.kind in (ActorKind.PERSON, ActorKind.UNKNOWN) and " " in actor.name.strip()
        ) or actor.kind is ActorKind.PERSON:
            self.last_person = actor
            self._recent(actor)
        elif actor.kind in (ActorKind.GROUP, ActorKind.ORGANISATION, ActorKind.COUNTRY):
            self.last_group = actor
        elif self.last_person is None:
            self.last_person = actor

    def _recent(self, actor: Actor) -> None:
        self.recent = [a for a in self.recent if a.id != actor.id][-(_RECENT - 1) :]
        self.recent.append(actor)

    def learn_gender(self, actor: Actor, words: Sequence[str]) -> None:
        """Learn whether ``actor`` is "he" or "she" from a title or a given name."""
        if actor.id in self.gender:
            return
        lows = [w.lower().strip(".") for w in words]
        for low in lows:
            if low in _MALE_TITLES:
                self.gender[actor.id] = "m"
                return
            if low in _FEMALE_TITLES:
                self.gender[actor.id] = "f"
                return
        names = [w for w, low in zip(words, lows, strict=False) if low not in TITLES]
        if (len(names) >= 2 or (names and given_name(names[0]))) and names[0][:1].isupper():
            first = names[0].lower()
            if first in FEMALE_NAMES and first not in MALE_NAMES:
                self.gender[actor.id] = "f"
            elif first in MALE_NAMES and first not in FEMALE_NAMES:
                self.gender[actor.id] = "m"

    def country_of(self, actor: Actor) -> str | None:
        """The country an actor speaks for, from its group or its names."""
        group = self.groups.get(actor.id)
        if group and group.lower() in COUNTRY_OF:
            return COUNTRY_OF[group.lower()]
        for name in (actor.name, *actor.aliases):
            for w in name.replace("’", "'").split():
                low = w.lower()
                low = low[:-2] if low.endswith("'s") else low
                if low in COUNTRY_OF and w[:1].isupper():
                    return COUNTRY_OF[low]
        return None

    def by_role(
        self, words: Sequence[str], candidates: Sequence[Actor], loose: bool = False
    ) -> Actor | None:
        """The first of ``candidates`` whose names hold the role words of ``words``
        ("transport chief" → "head of the regional transport authority")."""
        want = [w.lower() for w in words if w.lower() not in _ROLE_STOP]
        if not want:
            return None
        for actor in candidates:
            current = self.registry.get(actor.id) or actor
            have = set(" ".join((current.name, *current.aliases)).lower().replace("’", "'").split())
            have |= {h[:-2] for h in have if h.endswith("'s")}
            if all(w in have or any(x in have for x in _ROLE_SYNONYMS.get(w, ())) for w in want):
                return current
        for actor in candidates if loose else ():  # any one role word in common
            current = self.registry.get(actor.id) or actor
            have = set(" ".join((current.name, *current.aliases)).lower().split())
            if any(w in have and w in ROLE_WORDS for w in want):
                return current
        return None

    def issuer(self) -> Actor | None:
        """Who issued "the release" or "the statement": the latest organisation to
        speak, or the latest speaker with a name and no sign of being a person."""
        for actor in reversed(self.recent_speakers):
            current = self.registry.get(actor.id) or actor
            if current.kind in (ActorKind.ORGANISATION, ActorKind.GROUP):
                return current
            words = current.name.split()
            if (
                current.kind is ActorKind.PERSON
                and actor.id not in self.gender
                and len(words) >= 2
                and all(w[:1].isupper() for w in words)
                and not any(a.split()[0].lower() in TITLES for a in current.aliases if a)
            ):
                return current
        return None

    def learn_apposition(self, actor: Actor, apposition: str) -> None:
        """Learn role aliases from "X, leader of the Liberal Democrats, ...".

        Adds "leader of the Liberal Democrats" and "the Liberal Democrat leader", and
        remembers the organisation as the group this speaker says "we" for.
        """
        words = words_of(apposition)
        if not words:
            return
        self._alias(actor, apposition)
        lows = [w.lower() for w in words]
        if (
            len(lows) <= 4
            and lows[0] in {"a", "an", "the"}
            and (lows[-1] in ORG_WORDS or lows[-1] in INSTITUTION_NOUNS)
            and actor.kind is not ActorKind.ORGANISATION
        ):
            # "A consumer group, Safe Homes Now, said": an organisation ("it"), not a person.
            self.organisations.add(actor.id)
            self.recent = [a for a in self.recent if a.id != actor.id]
            if self.last_person is not None and self.last_person.id == actor.id:
                self.last_person = None
            self.last_group = actor
        for w, low in zip(words, lows, strict=False):
            low = low[:-2] if low.endswith(("'s", "’s")) else low
            if w[:1].isupper() and low in COUNTRY_OF:
                # "Turkey's foreign minister", "her Egyptian counterpart": speaks for it.
                self.groups.setdefault(actor.id, COUNTRY_OF[low].title())
                break
        if "of" in lows:
            k = lows.index("of")
            role = words[:k]
            org = words[k + 1 :]
            if org and org[0].lower() == "the":
                org = org[1:]
            if org and not any(w[:1].isupper() for w in org):
                org = []  # "vice president of operations": a function, no organisation
            if role and org and role[-1].lower() in ROLE_WORDS | {"head", "member"}:
                if role[0].lower() in DETERMINERS:
                    role = role[1:]
                if org[-1].endswith("s") and org[-1][:1].isupper() and len(org[-1]) > 3:
                    adjective = [*org[:-1], org[-1][:-1]]
                else:
                    adjective = org
                self._alias(actor, " ".join(["the", *adjective, *role]))
                self.groups.setdefault(actor.id, " ".join(org))

    def learn_group(self, actor: Actor, group: str) -> None:
        """Remember what ``actor`` means by "we" ("our coalition of the willing")."""
        self.groups.setdefault(actor.id, group)

    def group_of(self, actor: Actor) -> str | None:
        """The group ``actor`` speaks for, when the article says."""
        return self.groups.get(actor.id)

    # -- resolving -------------------------------------------------------------------

    def pronoun(self, word: str) -> Mention | None:
        """Resolve a subject pronoun to the latest fitting speaker."""
        low = word.lower()
        if low in {"he", "she"}:
            clash = "f" if low == "he" else "m"
            for actor in reversed(self.recent):
                if self.gender.get(actor.id) != clash:
                    return Mention(actor, 0.75, True)
            target = self.last_person or self.last_speaker
            if target is not None and self.gender.get(target.id) == clash:
                return None
            return Mention(target, 0.75, True) if target else None
        if low == "it":
            # "It demanded ...": the latest organisation to speak.
            for actor in reversed(self.recent_speakers):
                current = self.registry.get(actor.id) or actor
                if (
                    current.kind in (ActorKind.ORGANISATION, ActorKind.GROUP)
                    or current.id in self.organisations
                ):
                    return Mention(current, 0.6, True)
            return None
        if low == "they":
            target = self.last_group or self.last_speaker
            return Mention(target, 0.55, True) if target else None
        if low in FIRST_PERSON and self.last_speaker is not None:
            return Mention(self.last_speaker, 0.6, True)
        return None

    def name(self, words: Sequence[str]) -> Mention | None:
        """Resolve a noun phrase naming a speaker: a name, a role phrase or a group."""
        words = _glued([w for w in words if w not in {",", ";"}])
        while words and words[-1] in {"'s", "’s"}:
            words = words[:-1]
        if not words:
            return None
        surface = " ".join(words)
        if len(words) == 1 and words[0].lower() in PRONOUNS | FIRST_PERSON:
            return self.pronoun(words[0])
        if words[0].lower() in NOT_NAME_LEADS:
            # "On September 30, ...": a time or a place; "In an interview with the
            # Courier Angela said": only a person already named at its end speaks.
            return self._known_at_end(words)
        if all(w.lower() in DETERMINERS for w in words):
            return None  # "The", left of a phrase cut short, names nobody
        described = self.described(words)
        if described is not None:
            return described
        known = self.registry.resolve(surface)
        if known is not None:
            return Mention(known, 0.9)
        if is_role_phrase(words):
            return self._role(words)
        if not words[0][:1].isupper() and words[0].lower() not in DETERMINERS:
            lead = 0
            while lead < len(words) and not words[lead][:1].isupper():
                lead += 1
            if (
                0 < lead < len(words)
                and any(w.lower() in TITLES or w.lower() in ROLE_WORDS for w in words[:lead])
                and all(w[:1].isupper() for w in words[lead:])
            ):
                # "chief executive Laura Bianchi": the name, with its role as an alias.
                found = self._proper(words[lead:])
                self._alias(found.actor, surface)
                return found
            return Mention(Actor.named(surface, ActorKind.GROUP), 0.5)
        if words[0].lower() in DETERMINERS:
            named = titled_name(words)
            if named:
                # "The firm's CEO Dana Prill": the person, with the role phrase as alias.
                found = self._proper(named)
                self._alias(found.actor, surface)
                return found
            if setting(words) and (met := self._known_at_end(words)) is not None:
                return met  # "an interview with the Courier Angela": Angela, met before
            if setting(words) and given_name(words[-1]) and len(words) > 2:
                # "an interview with the Courier Angela", Angela not met as a speaker
                return Mention(self.registry.resolve_or_add(words[-1], ActorKind.PERSON), 0.6)
            kind = ActorKind.GROUP if words[-1].lower().endswith("s") else ActorKind.UNKNOWN
            return Mention(Actor.named(surface, kind), 0.5)
        return self._proper(words)

    def described(self, words: Sequence[str]) -> Mention | None:
        """ "The 63-year-old (former minister) ...": the person the story is about."""
        if not words or words[0].lower() != "the" or self.last_person is None:
            return None
        if not aged(words):
            return None
        return Mention(self.last_person, 0.6)

    def _known_at_end(self, words: Sequence[str]) -> Mention | None:
        """A person already met, named by the last words of ``words`` (a full name, a
        surname or a given name of someone lately spoken of)."""
        for n in (3, 2, 1):
            if len(words) > n and all(w[:1].isupper() for w in words[-n:]):
                known = self.registry.resolve(" ".join(words[-n:]))
                if known is not None and known.kind is ActorKind.PERSON:
                    return Mention(known, 0.7)
        last = words[-1]
        for actor in reversed(self.recent):
            if last[:1].isupper() and actor.name.split()[0] == last:
                return Mention(actor, 0.6)
        return None

    def _proper(self, words: Sequence[str]) -> Mention:
        surface = " ".join(words)
        if not words[-1][:1].isupper() and not words[-1][:1].isdigit():
            # "Defence analyst", "Senior officials": a description, not a name.
            kind = ActorKind.GROUP if words[-1].lower().endswith("s") else ActorKind.PERSON
            return Mention(Actor.named(surface, kind), 0.6)
        lows = [w.lower() for w in words]
        last_title = -1
        for i, low in enumerate(lows[:-1]):
            if (
                low in TITLES
                or low in {"us", "uk", "eu"}
                or (
                    i + 1 < len(lows)
                    and lows[i + 1] in TITLES
                    and words[i][:1].isupper()
                    and low not in ORG_WORDS
                )
            ):
                last_title = i
        bare = list(words[last_title + 1 :])
        if (
            len(bare) == 1
            and last_title >= 0
            and (bare[0].lower() in COUNTRIES or bare[0].lower() in COUNTRY_OF)
        ):
            # "Safe Home Korea" is a name, not the title "Home" before a country
            last_title, bare = -1, list(words)
        # "Chief executive Marta Olsen": the name is the capitalised run at the end.
        cut = len(bare)
        while cut > 0 and (bare[cut - 1][:1].isupper() or bare[cut - 1].lower() in NAME_PARTICLES):
            cut -= 1
        role_cut = False
        if 0 < cut < len(bare):
            role_cut = any(
                w[:1].islower() and w.isalpha() and len(w) > 3 and w not in NAME_PARTICLES
                for w in bare[:cut]
            )
            bare = bare[cut:]
        titled = last_title >= 0 and any(low in _PERSON_TITLES for low in lows[: last_title + 1])
        orgish = any(low in ORG_WORDS for low in lows)
        if orgish and (role_cut or last_title >= 0) and len(bare) >= 2:
            # "Council senior engineer Jo Bell": a person whose role names an organisation.
            orgish = any(w.lower() in ORG_WORDS for w in bare)
        if orgish:
            kind = ActorKind.ORGANISATION
        elif len(bare) == 1 and bare[0].lower() in COUNTRIES:
            kind = ActorKind.COUNTRY
        elif titled or len(bare) >= 2:
            kind = ActorKind.PERSON
        elif len(bare) == 1 and bare[0].lower().endswith("s") and last_title < 0:
            kind = ActorKind.GROUP  # "Onlookers", "Officials"
        elif len(bare) == 1 and given_name(bare[0]):
            kind = ActorKind.PERSON  # "Tom said:": a given name is a person
        else:
            kind = ActorKind.UNKNOWN
        bare_name = " ".join(bare)
        found = self.registry.resolve(bare_name) if bare_name != surface else None
        if (
            found is None
            and kind is ActorKind.PERSON
            and len(bare) >= 2
            and bare[-1].lower() not in COUNTRIES
            and bare[-1].lower() not in COUNTRY_OF
        ):
            # (a country is no surname: "Safe Home Korea" is not "South Korea")
            by_surname = self.registry.resolve(bare[-1])
            if by_surname is not None and by_surname.kind in (ActorKind.PERSON, ActorKind.UNKNOWN):
                found = by_surname
        if found is None and kind is ActorKind.PERSON and len(bare) == 1:
            # "Sir Keir" after "Sir Keir Starmer" is learnt as an alias below; a bare
            # title + surname ("Mr Putin") reaches the same actor through the surname.
            found = self.registry.resolve(bare[0])
        confidence = 0.9
        if found is None:
            found = self.registry.resolve_or_add(bare_name or surface, kind)
            confidence = 0.85
        found = self._upgrade(found, kind)
        if kind is ActorKind.PERSON and len(bare) < len(words):
            org = _employer(words[: len(words) - len(bare)])
            if org:
                self.groups.setdefault(found.id, org)
        for alias in (surface, bare_name):
            found = self._alias(found, alias)
        if kind is ActorKind.PERSON:
            self.learn_gender(found, words)
        if kind is ActorKind.PERSON and len(bare) >= 2:
            found = self._alias(found, bare[-1])
            if last_title >= 0 and lows[last_title] in {"sir", "dame", "lord", "lady"}:
                found = self._alias(found, f"{words[last_title]} {bare[0]}")
        return Mention(found, confidence)

    def _role(self, words: Sequence[str]) -> Mention:
        surface = " ".join(words)
        lows = [w.lower() for w in words]
        variants = [surface]
        # "the British Prime Minister" is also "the Prime Minister"; "the PM" likewise.
        core = [
            w
            for w, low in zip(words, lows, strict=False)
            if low in ROLE_WORDS or low in TITLES or low == "the"
        ]
        if len(core) < len(words):
            variants.append(" ".join(core))
        expanded = [_ABBREVIATED_ROLES.get(low, w) for w, low in zip(words, lows, strict=False)]
        variants.append(" ".join(expanded))
        for variant in variants:
            known = self.registry.resolve(variant)
            if known is not None:
                self._alias(known, surface)
                return Mention(known, 0.8)
            for prime in ("prime minister",):
                if variant.lower().endswith(" pm"):
                    known = self.registry.resolve(variant[:-2] + prime)
                    if known is not None:
                        self._alias(known, surface)
                        return Mention(known, 0.8)
        if lows[-1] in PLURAL_ROLE_HEADS:
            return Mention(Actor.named(surface, ActorKind.GROUP), 0.5)
        if lows[-1] not in _SALIENT_ROLES:
            # "the finance director": someone not yet named; keep them apart.
            return Mention(Actor.named(surface, ActorKind.PERSON), 0.5)
        # An unexplained role phrase most often names the person the story is about:
        # the latest person holding that role, else the latest person to speak.
        # Learn it, so the next use agrees.
        target = self.by_role(words[1:], list(reversed(self.recent))) or self.last_person
        if target is None:
            return Mention(Actor.named(surface, ActorKind.PERSON), 0.4)
        for variant in variants:
            target = self._alias(target, variant)
        if "pm" in lows or "prime" in lows:
            target = self._alias(target, "the Prime Minister")
            target = self._alias(target, "the PM")
        return Mention(target, 0.6)


_ORG_JOINERS = frozenset({"of", "for", "and", "&"})


def _glued(words: Sequence[str]) -> list[str]:
    """Words with a lone apostrophe put back on the word before it ("Cyclists", "'",
    "Alliance" -> "Cyclists'", "Alliance"), so a name prints as written."""
    out: list[str] = []
    for w in words:
        if w in {"'", "’"} and out and out[-1].lower().endswith("s"):
            out[-1] += w
        else:
            out.append(w)
    return out


def _employer(prefix: Sequence[str]) -> str | None:
    """The organisation a role phrase before a name gives ("Harbour Rail Trust programme
    director", "Kelby Water Board (KWB) Chief Executive"): its capitalised run before the
    role words, or None (titles only, a country, a description)."""
    words = [w.strip("()") for w in prefix if w.strip("()")]
    while words and _role_word(words[-1], words[:-1]):
        words.pop()
    if not words or not words[0][:1].isupper() or words[0].lower() in DETERMINERS:
        return None
    for w in words:
        low = w.lower()
        low = low[:-2] if low.endswith(("'s", "’s")) else low
        if low in TITLES or low in COUNTRY_OF or low in COUNTRIES:
            return None
        if not (w[:1].isupper() or low in _ORG_JOINERS):
            return None
    return " ".join(words) if len(words) <= 6 else None


def _role_word(word: str, before: Sequence[str]) -> bool:
    """Whether ``word`` ends a role phrase, not an organisation's name: a title, a role
    word, a lower-case word, or the organisation's initials after it ("(KWB)")."""
    low = word.lower()
    if low in TITLES or low in ROLE_WORDS or word[:1].islower():
        return True
    return word.isupper() and len(word) <= 5 and bool(before) and _acronym_of(before, word)


def _acronym_of(words: Sequence[str], acronym: str) -> bool:
    """Whether ``acronym`` is the initials of ``words`` ("KWB" of "Kelby Water Board")."""
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return acronym.upper() in initials.upper()

"""Who is speaking: names with titles, short forms, pronouns, role phrases, appositions.

:class:`Speakers` reads the noun phrase that names a speaker (a name, a role phrase, a
group) and resolves it through the shared :class:`~claimtrack.actors.ActorRegistry`, so
one actor gets one id across the article ("Sir Keir Starmer", "Sir Keir", "Starmer",
"the Prime Minister", "he").  What it remembers of the article's speakers, and what it
recalls from that (pronouns, roles), is :class:`~.speaker_memory.SpeakerMemory`'s part.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Actor, ActorKind
from .lexicon import (
    COUNTRY_OF,
    DETERMINERS,
    FIRST_PERSON,
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
)
from .names import PERSON_TITLES as _PERSON_TITLES
from .speaker_memory import Mention, SpeakerMemory

__all__ = ["COUNTRIES", "NOT_NAME_LEADS", "Mention", "Speakers", "is_role_phrase", "split_names"]

_ABBREVIATED_ROLES = {"pm": "prime minister", "ceo": "chief executive"}
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


class Speakers(SpeakerMemory):
    """Per-article speakers over a shared registry: reads the phrases that name them."""

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

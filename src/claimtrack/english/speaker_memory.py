"""What one article's reading remembers about its speakers, and what it recalls from it.

:class:`SpeakerMemory` holds the state of one article over the shared
:class:`~claimtrack.actors.ActorRegistry`: the latest person, group and speaker, the
people lately spoken of, their genders, the groups speakers say "we" for, the
organisations an apposition names.  It learns from what the article says of a speaker
(:meth:`~SpeakerMemory.note_speaker`, :meth:`~SpeakerMemory.learn_apposition`, ...) and
recalls from it (:meth:`~SpeakerMemory.pronoun` for "he", "it", "they";
:meth:`~SpeakerMemory.by_role`, :meth:`~SpeakerMemory.issuer`).  Reading names is
:class:`claimtrack.english.speakers.Speakers`'s part.
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
    ORG_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    TITLES,
)
from .names import given_name, words_of

__all__ = ["Mention", "SpeakerMemory"]

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


class Mention:
    """A resolved mention: the actor, how sure we are, and whether it was a pronoun."""

    __slots__ = ("actor", "confidence", "pronoun")

    def __init__(self, actor: Actor, confidence: float, pronoun: bool = False) -> None:
        self.actor = actor
        self.confidence = confidence
        self.pronoun = pronoun


class SpeakerMemory:
    """Per-article speaker state over a shared registry: what is learnt, what is recalled."""

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

    # -- recalling -------------------------------------------------------------------

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

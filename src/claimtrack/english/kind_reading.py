"""Each unit's kind: :func:`kinds.analyse` with what the speaker counts as their own side
(their organisation, office, country, group, members), then the kinds a cue makes
("called for", "predicted", "promised").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..model import Actor, ActorKind, ClaimKind
from .cue_finding import CONTROL_CUES
from .kinds import Analysis, analyse, is_verbish
from .lexicon import (
    COMMENTATOR_WORDS,
    COUNTRY_OF,
    DEMAND_CUES,
    EVENT_NOUNS,
    INSTITUTION_NOUNS,
    ORG_WORDS,
    PLEDGE_CUES,
    PREDICTION_CUES,
)
from .reader_state import ReaderState, Unit
from .text import Tok

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


_COMPANY_WORDS = frozenset({"company", "firm", "group", "club", "carmaker", "retailer", "airline"})


class KindReading(ReaderState):
    """Reads each unit's kind with the speaker's own side."""

    def _analyse(self, u: Unit, toks: Sequence[Tok]) -> Analysis:
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
        } or ((cue in DEMAND_CUES or cue in CONTROL_CUES) and u.addressee):
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

    def _country_of(self, actor: Actor) -> str | None:
        """The country an actor speaks for, from its names ("Turkey's foreign minister",
        "Greek Foreign Minister X", "Her Egyptian counterpart")."""
        return _country_from(self.speakers.group_of(actor), actor.kind, actor.name, actor.aliases)


@functools.lru_cache(maxsize=4096)
def _country_from(
    group: str | None, kind: ActorKind, name: str, aliases: tuple[str, ...]
) -> str | None:
    # A speaker's names are read again for each of its claims: read once per set of
    # names (the group the article gives it, its kind, its name and aliases).
    if group and group.lower() in COUNTRY_OF:
        return COUNTRY_OF[group.lower()]
    if kind is ActorKind.COUNTRY and name.lower() in COUNTRY_OF:
        return COUNTRY_OF[name.lower()]
    for each in (name, *aliases):
        for w in each.replace("’", "'").split():
            low = w.lower()
            if low.endswith("'s"):
                low = low[:-2]
            if low in COUNTRY_OF and w[:1].isupper():
                return COUNTRY_OF[low]
    return None

"""The shape of a name: which words can name a speaker, and how a phrase holds one.

Word lists and pure functions over words, used by :mod:`.speakers` (which keeps the
article's state) and the attribution rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import FEMALE_NAMES, MALE_NAMES, ROLE_WORDS, TITLES

__all__ = [
    "COUNTRIES",
    "NOT_NAME_LEADS",
    "PERSON_TITLES",
    "PLURAL_ROLE_HEADS",
    "aged",
    "given_name",
    "is_role_phrase",
    "setting",
    "split_names",
    "titled_name",
    "words_of",
]

#: Countries and places that speak as one ("Russia said").
COUNTRIES = frozenset(
    {
        "russia", "ukraine", "china", "france", "germany", "britain", "uk", "us", "usa",
        "america", "india", "israel", "iran", "japan", "europe", "italy", "spain",
        "canada", "australia", "brazil", "mexico", "poland", "turkey", "egypt", "syria",
        "iraq", "gaza", "palestine", "korea", "taiwan", "nato", "eu", "kyiv", "moscow",
        "washington", "beijing", "london", "paris", "berlin", "brussels",
    }
)  # fmt: skip
#: Titles a person holds (so "President X" is a person); the rest are role adjectives.
PERSON_TITLES = frozenset(
    {
        "sir", "dame", "lord", "lady", "mr", "mrs", "ms", "miss", "mx", "dr", "prof",
        "professor", "president", "minister", "chancellor", "secretary", "senator",
        "governor", "mayor", "king", "queen", "prince", "princess", "pope", "general",
        "admiral", "colonel", "captain", "judge", "justice", "rev", "reverend",
        "archbishop", "bishop", "cardinal", "sheikh", "emir", "commissioner", "ambassador",
        "mp", "mep", "cllr", "councillor",
    }
)  # fmt: skip
_SPOKES_WORDS = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "head", "boss", "official"}
)
#: Role heads that name a group ("the officials").
PLURAL_ROLE_HEADS = frozenset({"officials", "spokespeople", "analysts", "ministers", "leaders"})
_AGED = re.compile(r"\b\d{1,3} ?- ?year ?- ?old\b")
#: Words a speaker's name never starts with: prepositions open a time or a place.
NOT_NAME_LEADS = frozenset(
    {"on", "in", "at", "by", "from", "for", "with", "after", "before", "since", "during",
     "until", "under", "over", "into", "across"}
)  # fmt: skip


def setting(words: Sequence[str]) -> bool:
    """Whether a determiner phrase is a setting with a name at its end ("an interview
    with the Courier Angela", "the Courier Angela"), not a role of someone ("a
    spokesperson for Corl", "the head of Harbour Lines")."""
    rest = list(words[1:])
    if all(w[:1].isupper() for w in rest):
        return True
    preps = [k for k, w in enumerate(rest) if w.lower() in NOT_NAME_LEADS]
    if not preps:
        return False
    head = {w.lower() for w in rest[: preps[0]]}
    return not head & (ROLE_WORDS | TITLES | PLURAL_ROLE_HEADS | _SPOKES_WORDS)


def given_name(word: str) -> bool:
    low = word.lower()
    return word[:1].isupper() and (low in MALE_NAMES) != (low in FEMALE_NAMES)


def titled_name(words: Sequence[str]) -> list[str]:
    """The name at the end of "the [owner's] ROLE First Last" (two or more capitalised
    words after a role word or title), else []."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower() not in TITLES:
        k -= 1
    tail = list(words[k:])
    if len(tail) < 2 or k == 0 or k == len(words):
        return []
    role = words[k - 1].lower().strip(".")
    if role not in TITLES and role not in ROLE_WORDS:
        return []
    return tail


def aged(words: Sequence[str]) -> bool:
    """Whether ``words`` open with an age ("the 63-year-old ...")."""
    return bool(_AGED.search(" ".join(words[:8])))


def words_of(name: str) -> list[str]:
    return [w for w in name.replace(".", " ").split() if w]


def is_role_phrase(words: Sequence[str]) -> bool:
    """Whether ``words`` is "the [adjectives] ROLE" ("the British Prime Minister")."""
    if len(words) < 2 or words[0].lower() not in {"the", "a", "an"}:
        return False
    return words[-1].lower().strip("'’s") in ROLE_WORDS or words[-1].lower() == "pm"


def split_names(words: Sequence[str]) -> list[list[str]]:
    """Split "A B and C D" into two names when both sides are capitalised."""
    out: list[list[str]] = [[]]
    for w in words:
        if w.lower() == "and" and out[-1]:
            out.append([])
        else:
            out[-1].append(w)
    if len(out) > 1 and all(part and part[0][:1].isupper() for part in out):
        return out
    return [list(words)]

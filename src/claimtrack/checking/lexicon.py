"""What the checker knows of English news: which actions mean the same, which words
report that a thing did not happen, which words are not content, and which places lie
inside which.

The action classes follow CAMEO's idea (the event coding used for news): "express
intent to meet" is fulfilled by a report of a meeting, whatever verb either uses.  A
class lists base forms; they are compared by :func:`~claimtrack.checking.text.stem`.
"""

from __future__ import annotations

from .text import stem

__all__ = [
    "ACTION_CLASSES",
    "ADVERBS",
    "ENACTING",
    "EVENT_NOUNS",
    "FUTURE_MARKERS",
    "NEGATIVE_CUES",
    "OBJECT_FREE",
    "PLACES",
    "STOPWORDS",
    "classes_of",
    "place_key",
    "within",
]

#: Classes of actions that fulfil one another.  A word may sit in several classes.
ACTION_CLASSES: dict[str, frozenset[str]] = {
    name: frozenset(stem(w) for w in words.split())
    for name, words in {
        "meet": "meet convene reconvene gather assemble confer summit huddle",
        "visit": "visit travel tour arrive fly",
        "call": "call phone speak talk",
        "deploy": "deploy send dispatch station post",
        "agree": "sign agree conclude ratify seal strike reach broker",
        "announce": "announce publish unveil release present introduce launch table outline",
        "provide": "provide give supply deliver send donate transfer ship hand",
        "increase": (
            "increase raise boost accelerate expand ramp step strengthen tighten"
            " intensify extend widen double scale ratchet"
        ),
        "decrease": "cut reduce lower slash trim halve ease relax lift",
        "impose": "impose introduce sanction slap",
        "build": "build construct complete finish erect",
        "open": "open reopen resume restart launch",
        "close": "close shut",
        "pass": "pass approve adopt enact legislate ratify",
        "hire": "hire recruit employ appoint",
        "invest": "invest spend allocate fund finance",
        "ban": "ban prohibit outlaw bar",
        "withdraw": "withdraw remove evacuate",
        "release": "release free",
        "repair": "repair fix resurface mend restore refurbish renovate",
        "hold": "hold stage conduct organise organize run",
        "pay": "pay compensate reimburse refund",
        "end": "end stop halt cease",
        "reform": "reform overhaul change amend revise rewrite",
        "explore": "explore examine consider study review investigate",
        "continue": "continue maintain keep sustain",
        "seize": "seize confiscate freeze",
        "weaken": "weaken undermine degrade",
        "pressure": "pressure press push",
    }.items()
}

#: Verbs that put a measure into force: any of them fulfils another when the objects
#: agree ("approved new sanctions" for "will impose sanctions").
ENACTING = frozenset(
    stem(w)
    for w in [
        "impose",
        "introduce",
        "approve",
        "adopt",
        "pass",
        "agree",
        "sign",
        "announce",
        "unveil",
        "launch",
        "publish",
        "implement",
        "enact",
        "finalise",
        "finalize",
        "extend",
    ]
)

#: Nouns naming an event of a class ("the meeting was held", "talks took place").
EVENT_NOUNS: dict[str, frozenset[str]] = {
    "meet": frozenset(stem(w) for w in ["meeting", "talks", "summit", "conference", "gathering"]),
    "visit": frozenset(stem(w) for w in ["visit", "trip", "tour"]),
    "deploy": frozenset(stem(w) for w in ["deployment"]),
    "agree": frozenset(stem(w) for w in ["agreement", "signing"]),
    "announce": frozenset(stem(w) for w in ["announcement", "publication"]),
}

#: Verbs that report an event noun happened ("was held", "took place", "went ahead").
HAPPENED_VERBS = frozenset(
    stem(w) for w in ["hold", "take", "go", "happen", "occur", "convene", "begin", "open"]
)

#: Classes whose action needs no object to match: a meeting is a meeting.
OBJECT_FREE = frozenset({"meet", "visit", "call", "deploy"})

#: Words that make the verb after them future or unreal, not a report of the past.
FUTURE_MARKERS = frozenset(
    [
        "will",
        "shall",
        "would",
        "could",
        "might",
        "may",
        "should",
        "must",
        "to",
        "going",
        "'ll",
        "set",
        "due",
        "plan",
        "plans",
        "planned",
        "expected",
        "intend",
        "intends",
        "aim",
        "aims",
        "hope",
        "hopes",
    ]
)

#: Words that may stand between an auxiliary and its verb.
ADVERBS = frozenset(
    [
        "also",
        "again",
        "finally",
        "already",
        "still",
        "just",
        "now",
        "then",
        "successfully",
        "formally",
        "officially",
        "eventually",
        "indeed",
        "once",
        "jointly",
        "quietly",
        "briefly",
        "recently",
        "duly",
    ]
)

#: Counter-evidence: cue stem -> (verdict value, reason).  "delayed" stalls a
#: commitment; postponing, cancelling, refusing or failing breaks it.
NEGATIVE_CUES: dict[str, tuple[str, str]] = {
    stem(word): value
    for words, value in (
        ("postpone defer reschedule", ("broken", "postponed")),
        ("delay stall", ("stalled", "delayed")),
        ("cancel scrap abandon shelve ditch axe", ("broken", "cancelled")),
        ("refuse reject decline", ("broken", "refused")),
        ("block veto thwart", ("broken", "blocked by others")),
        ("fail", ("broken", "failed")),
    )
    for word in words.split()
}
#: Two-word cues ("called off", "put off", "pushed back", "ruled out").
NEGATIVE_PHRASES: dict[tuple[str, str], tuple[str, str]] = {
    (stem("call"), "off"): ("broken", "cancelled"),
    (stem("put"), "off"): ("broken", "postponed"),
    (stem("push"), "back"): ("broken", "postponed"),
    (stem("rule"), "out"): ("broken", "refused"),
    (stem("pull"), "out"): ("withdrawn", "pulled out"),
    (stem("back"), "out"): ("withdrawn", "backed out"),
    (stem("hold"), "up"): ("stalled", "delayed"),
}

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "from",
        "with",
        "to",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "across",
        "between",
        "against",
        "after",
        "before",
        "during",
        "without",
        "within",
        "around",
        "through",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "as",
        "than",
        "then",
        "also",
        "again",
        "its",
        "it",
        "their",
        "they",
        "them",
        "we",
        "our",
        "us",
        "he",
        "his",
        "she",
        "her",
        "him",
        "i",
        "my",
        "me",
        "you",
        "your",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
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
        "not",
        "no",
        "more",
        "most",
        "some",
        "any",
        "all",
        "each",
        "every",
        "other",
        "such",
        "own",
        "same",
        "new",
        "further",
        "up",
        "down",
        "out",
        "off",
        "very",
        "just",
        "now",
        "here",
        "there",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "today",
        "tomorrow",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "afternoon",
        "evening",
        "night",
        "next",
        "last",
        "coming",
        "soon",
        "later",
        "early",
        "end",
        "start",
        "ready",
        "able",
        "set",
        "plan",
        "plans",
        "practical",
        "way",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
    ]
)

# A small gazetteer: a place key -> the larger place it lies in.  Enough for the
# common cases of national news; unknown places still match when named the same.
_CONTAINED_IN: dict[str, str] = {
    "northwood": "london",
    "westminster": "london",
    "whitehall": "london",
    "downing street": "london",
    "lancaster house": "london",
    "london": "england",
    "manchester": "england",
    "birmingham": "england",
    "liverpool": "england",
    "leeds": "england",
    "bristol": "england",
    "chequers": "england",
    "edinburgh": "scotland",
    "glasgow": "scotland",
    "cardiff": "wales",
    "belfast": "northern ireland",
    "england": "uk",
    "scotland": "uk",
    "wales": "uk",
    "northern ireland": "uk",
    "uk": "europe",
    "paris": "france",
    "france": "europe",
    "berlin": "germany",
    "germany": "europe",
    "brussels": "belgium",
    "belgium": "europe",
    "rome": "italy",
    "italy": "europe",
    "madrid": "spain",
    "spain": "europe",
    "warsaw": "poland",
    "poland": "europe",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "ukraine": "europe",
    "moscow": "russia",
    "geneva": "switzerland",
    "switzerland": "europe",
    "the hague": "netherlands",
    "amsterdam": "netherlands",
    "netherlands": "europe",
    "dublin": "ireland",
    "ireland": "europe",
    "washington": "us",
    "new york": "us",
    "camp david": "us",
    "ottawa": "canada",
    "beijing": "china",
    "tokyo": "japan",
    "delhi": "india",
    "new delhi": "india",
    "riyadh": "saudi arabia",
    "jeddah": "saudi arabia",
    "istanbul": "turkey",
    "ankara": "turkey",
}
_ALIASES: dict[str, str] = {
    "united kingdom": "uk",
    "britain": "uk",
    "great britain": "uk",
    "u.k.": "uk",
    "united states": "us",
    "usa": "us",
    "u.s.": "us",
    "america": "us",
    "the netherlands": "netherlands",
    "holland": "netherlands",
    "hague": "the hague",
}

#: Every place name the checker recognises, lower-case.
PLACES = frozenset(_CONTAINED_IN) | frozenset(_CONTAINED_IN.values()) | frozenset(_ALIASES)


def place_key(name: str) -> str:
    """The canonical key of a place name ("Britain" -> "uk")."""
    key = " ".join(name.lower().split())
    return _ALIASES.get(key, key)


def within(inner: str, outer: str) -> bool:
    """Whether place ``inner`` is ``outer`` or lies inside it (Northwood in the UK)."""
    here: str | None = place_key(inner)
    target = place_key(outer)
    seen: set[str] = set()
    while here is not None and here not in seen:
        if here == target:
            return True
        seen.add(here)
        here = _CONTAINED_IN.get(here)
    return False


def _class_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for name, members in ACTION_CLASSES.items():
        for member in members:
            index.setdefault(member, set()).add(name)
    return {member: frozenset(names) for member, names in index.items()}


_CLASS_INDEX = _class_index()
_NO_CLASS: frozenset[str] = frozenset()


def classes_of(word_stem: str) -> frozenset[str]:
    """The action classes a verb stem belongs to (empty when none)."""
    return _CLASS_INDEX.get(word_stem, _NO_CLASS)

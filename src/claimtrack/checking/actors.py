"""How the actor who must act shows in a report: a name or alias (the registry's
among them), a person's surname, or a group's head noun with its modifiers ("military
chiefs" for "coalition military chiefs") -- and when a report names someone else in
that place ("the mayor of Bexley" is not "the mayor of Ashford")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ..model import Actor, ActorKind
from .lexicon import STOPWORDS
from .text import Tok, tokens

__all__ = ["ActorTerms", "actor_terms", "find_actor", "other_actor"]


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
    #: The head is the last word of a body's proper name: it counts capitalised only.
    head_cap: bool = False


#: The last word of a body's proper name that says what kind of body it is.
BODY_WORDS = frozenset(
    [
        "council",
        "authority",
        "agency",
        "ministry",
        "department",
        "office",
        "board",
        "trust",
        "service",
        "services",
        "commission",
        "committee",
        "water",
        "energy",
        "power",
        "gas",
        "rail",
        "railway",
        "railways",
        "airlines",
        "airways",
        "airport",
        "port",
        "bank",
        "group",
        "company",
        "corporation",
        "holdings",
        "stores",
        "mining",
        "marine",
        "police",
        "university",
        "college",
        "hospital",
        "school",
        "union",
        "party",
        "club",
        "league",
        "federation",
        "association",
        "institute",
        "foundation",
        "court",
        "parliament",
        "assembly",
        "government",
    ]
)


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
            body = actor.kind is not ActorKind.PERSON and last.low in BODY_WORDS
            if last.low not in STOPWORDS and len(last.low) > 2 and not body:
                surnames.add(last.low)
    main = _name_words(actor.name)
    head: str | None = None
    modifiers: frozenset[str] = frozenset()
    head_alone = False
    head_cap = False
    # A head noun for groups and titles ("military chiefs", "the mayor of Ashford"), not
    # for a person's own name.
    if (
        len(main) >= 2
        and actor.kind is not ActorKind.PERSON
        and all(w.is_cap for w in main)
        and main[-1].low in BODY_WORDS
    ):
        # "Greyfield Council", "Solway Water": a body's name ends in what it is, which
        # is no surname; "Marsham Council" is another council.
        head = main[-1].stem
        modifiers = frozenset(w.stem for w in main[:-1] if w.low not in STOPWORDS)
        head_cap = True
    elif main and not all(w.is_cap for w in main if w.low not in STOPWORDS):
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
        head_cap=head_cap,
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
    mine = {s for p in terms.phrases for s in p}
    for i, t in enumerate(toks):
        if t.low in terms.surnames and t.is_cap:
            # "Holt" for Dana Holt, "Mr Holt"; not "Jane Holt", not "Osprey Works" for
            # the Kestrel Works: a name of someone else's stands right before it.
            if _another_first_name(toks, i, mine):
                continue
            offer(0.9, i, f'named as "{t.text}"')
    if terms.head is not None:
        for i, t in enumerate(toks):
            if t.stem != terms.head or (terms.head_cap and not t.is_cap):
                continue
            near = {u.stem for u in toks[max(0, i - 6) : i + 8]}
            shared = terms.modifiers & near
            if shared:
                offer(0.9, i, f'"{t.text}" with "{", ".join(sorted(shared))}"')
            elif terms.head_alone:
                offer(0.75, i, f'"{t.text}"')
    return best


#: Words before a surname that are no first name.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "minister",
        "mayor",
        "senator",
        "governor",
        "chancellor",
        "general",
        "judge",
    ]
)


def _phrase_at(toks: Sequence[Tok], k: int, phrase: tuple[str, ...]) -> bool:
    return tuple(t.stem for t in toks[k : k + len(phrase)]) == phrase


def _proper(t: Tok) -> bool:
    return t.is_cap and t.low not in STOPWORDS and not t.low.isdigit()


def _another_first_name(toks: Sequence[Tok], i: int, mine: set[str]) -> bool:
    # A name of someone else's right before the surname at i: "Tomas Brandt" for Lena
    # Brandt, "Kladno Steel" for Ostrava Steel -- at the sentence's start too, unless
    # that first word is a common one ("The", "Yesterday").
    if i == 0:
        return False
    before = toks[i - 1]
    return (
        _proper(before)
        and before.stem not in mine
        and before.low.rstrip(".") not in _TITLES
        and (i - 1 > 0 or before.low not in STOPWORDS)
    )


def other_actor(terms: ActorTerms, toks: Sequence[Tok]) -> str | None:
    """A mention of the actor's head noun ("mayor", "council") qualified by a name that
    is not the actor's ("the mayor of Bexley", "Bexley council", "Bexley's mayor"): the
    text of that name, else None.  Such a report is about another actor."""
    mine = set(terms.modifiers) | {s for p in terms.phrases for s in p}
    whole = any(_phrase_at(toks, k, p) for p in terms.phrases for k in range(len(toks)))
    for i, t in enumerate(toks):
        if (
            t.low in terms.surnames
            and t.is_cap
            and not whole
            and _another_first_name(toks, i, mine)
        ):
            return f"{toks[i - 1].text} {t.text}"
    if terms.head is None:
        return None
    for i, t in enumerate(toks):
        if t.stem != terms.head or (terms.head_cap and not t.is_cap):
            continue
        names: list[Tok] = []
        if i + 2 < len(toks) and toks[i + 1].low == "of":
            j = i + 2
            while j < len(toks) and toks[j].low == "the":
                j += 1
            while j < len(toks) and _proper(toks[j]):
                names.append(toks[j])
                j += 1
        j = i - 1
        # A sentence's first word is capitalised whatever it is: not evidence of a name,
        # unless the head is capitalised with it ("Marsham Council reopened").
        first = 0 if t.is_cap else 1
        while j >= first and _proper(toks[j]):
            names.insert(0, toks[j])
            j -= 1
        if names and not any(n.stem in mine for n in names):
            return " ".join(n.text for n in names)
    return None

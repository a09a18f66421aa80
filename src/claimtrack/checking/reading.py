"""Reading one sentence of a report: where an act shows in it (as a verb, "met", or as
an event noun, "the meeting was held"), how it reads (it happened, is under way, is
still to come), and which words around it say what became of it (postponed, cancelled,
rejected, in doubt, in part...).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from .lexicon import (
    ACTS,
    ADVERBS,
    LIGHT_VERBS,
    LONGEST,
    STOPWORDS,
    Phrase,
    cue_groups,
    cues,
    is_noun_form,
    noun_classes,
    verb_classes,
)
from .text import IRREGULAR_PAST, Tok

__all__ = ["CueHit", "Mention", "clause_of", "find_cues", "find_mentions", "verb_tense"]

DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "these",
        "those",
        "any",
        "further",
        "first",
        "new",
    ]
)
_SAME_IN_PAST = frozenset(
    ["cut", "put", "set", "hit", "shut", "cost", "let", "spread", "quit", "bid", "cast", "split"]
)
_AUX = frozenset(
    [
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
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
        "to",
        "'ll",
        "going",
        "set",
        "due",
        "expected",
        "scheduled",
        "planned",
        "poised",
    ]
)
#: Words that make the verb after them future or unreal: not a report of the past.
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
        "scheduled",
        "poised",
    ]
)
_NEGATORS = frozenset(["not", "never", "no"])
#: Words that end a clause: a cue on one side does not reach an act on the other.
_CLAUSE_WORDS = frozenset(["but", "however", "while", "whereas", "although", "though"])
_CLAUSE_MARKS = (";", "–", "—", ":", "(", ")")
#: Verbs saying an event named by a noun happened ("the meeting was held").
_HAPPENED: frozenset[Phrase] = LIGHT_VERBS | frozenset(
    v for name in ("start", "open", "complete", "end") for v in ACTS[name].verbs
)


@attrs.frozen
class Mention:
    """Where an act shows in a sentence: tokens ``[index, end)``, as a ``verb`` or a
    ``noun``; ``tense`` is past | progress | future | present | none (a noun no verb
    reports on); ``governor`` the index of the verb that reports on a noun."""

    index: int
    end: int
    form: str
    classes: frozenset[str]
    tense: str
    negated: bool
    how: str
    governor: int | None = None


@attrs.frozen
class CueHit:
    """A word of a cue group (``cues.txt``) in the clause of a mention."""

    group: str
    index: int
    text: str
    tense: str
    negated: bool


def _is_past(t: Tok) -> bool:
    return t.low in IRREGULAR_PAST or (t.low.endswith("ed") and len(t.low) > 3)


def verb_tense(toks: Sequence[Tok], i: int, *, headline: bool = False) -> tuple[str, bool]:
    """How the verb at ``i`` reads: ("past" | "future" | "present" | "progress" |
    "unknown", negated).  Future covers the unreal too ("would meet", "set to meet",
    "agreed to meet"); only "past" reports that a thing happened, "progress" that it is
    happening ("is holding", "are voting")."""
    negated = False
    aux: list[str] = []
    j = i - 1
    while j >= 0 and i - j <= 6:
        low = toks[j].low
        if low in ADVERBS or low == "yet":
            j -= 1
            continue
        if low in _NEGATORS:
            negated = True
            j -= 1
            continue
        if low == "may" and _month_may(toks, j):
            break  # "due on 30 May has been": a date, not a modal
        if low in _AUX or low in FUTURE_MARKERS:
            aux.append(low)
            j -= 1
            continue
        break
    if not aux and j >= 0 and toks[j].low in {"and", "or"}:
        # "expected to be signed off and handed over": the second verb shares the
        # first one's auxiliaries.
        for k in range(j - 1, max(-1, j - 8), -1):
            if toks[k].low in FUTURE_MARKERS:
                return "future", negated
            if toks[k].low in _NEGATORS:
                negated = True
    if "to" in aux:
        before = toks[j] if j >= 0 else None
        if before is not None and before.stem in {"begin", "start"} and _is_past(before):
            return "progress", negated  # "began to deploy"
        return "future", negated
    if any(a in FUTURE_MARKERS for a in aux):
        return "future", negated
    w = toks[i].low
    if w.endswith("ing"):
        if {"was", "were"} & set(aux) or ("been" in aux and {"has", "have", "had"} & set(aux)):
            return "past", negated
        if {"is", "are", "am"} & set(aux):
            return "progress", negated
        return "unknown", negated
    if _is_past(toks[i]):
        if {"is", "are", "am"} & set(aux) and not {"has", "have", "had", "been"} & set(aux):
            return "present", negated
        return "past", negated
    if "did" in aux:
        return "past", negated
    if w in _SAME_IN_PAST and (not aux or {"has", "have", "had"} & set(aux)):
        return "past", negated  # "the Bank cut rates", "has shut": a report, not a habit
    if headline and not aux:
        return "past", negated  # headlines report the past in the present: "Chiefs meet"
    return "present", negated


def _phrase_at(stems: Sequence[str], i: int, table: object) -> tuple[int, Phrase] | None:
    # The longest phrase starting at i that the lookup knows: (length, phrase).
    for n in range(min(LONGEST, len(stems) - i), 0, -1):
        key = tuple(stems[i : i + n])
        if table(key) if callable(table) else key in table:  # type: ignore[operator]
            return n, key
    return None


@functools.lru_cache(maxsize=65536)
def _breaks(text: str, lows: tuple[str, ...], gaps: tuple[str, ...]) -> tuple[bool, ...]:
    # Whether a clause boundary stands before each token (cached per sentence).
    return tuple(
        k == 0 or lows[k] in _CLAUSE_WORDS or any(m in gaps[k] for m in _CLAUSE_MARKS)
        for k in range(len(lows))
    )


def clause_of(toks: Sequence[Tok], text: str, i: int) -> tuple[int, int]:
    """The token range ``[start, end)`` of the clause holding token ``i``: it ends at
    "but", "however", a semicolon, a dash or a colon."""
    lows = tuple(t.low for t in toks)
    gaps = tuple(text[toks[k - 1].end : toks[k].start] if k else "" for k in range(len(toks)))
    breaks = _breaks(text, lows, gaps)
    start = i
    while start > 0 and not breaks[start]:
        start -= 1
    end = i + 1
    while end < len(toks) and not breaks[end]:
        end += 1
    return start, end


def _governor(
    toks: Sequence[Tok], stems: Sequence[str], i: int, end: int, lo: int, hi: int
) -> int | None:
    # The verb that reports on the event noun at [i, end): one of happening after it
    # ("the meeting was held", "talks took place"), or one of beginning or holding
    # before it ("started vaccinations", "is holding its first election").
    for k in range(end, min(hi, end + 8)):
        found = _phrase_at(stems, k, _HAPPENED)
        if found is not None and toks[k].low not in DETERMINERS:
            return k
    for k in range(i - 1, max(lo, i - 5) - 1, -1):
        found = _phrase_at(stems, k, _HAPPENED)
        if found is not None and (k == 0 or toks[k - 1].low not in DETERMINERS):
            return k
    return None


_SUBJECTS = frozenset(["it", "they", "we", "he", "she", "who", "which", "that"])


def _verb_here(toks: Sequence[Tok], i: int) -> bool:
    # A word both verb and event noun ("launch", "return", "opening") is a verb when
    # it has a past form ("launched"), or an auxiliary, "to", a negation or a pronoun
    # before it ("will launch", "to return", "they open"), or a name as its subject.
    t = toks[i]
    if _is_past(t) or (t.low.endswith("s") and not t.low.endswith("ss")):
        return not (i > 0 and toks[i - 1].low in DETERMINERS)
    if i == 0:
        return False
    prev = toks[i - 1]
    if prev.low in _AUX or prev.low in FUTURE_MARKERS or prev.low in _NEGATORS:
        return True
    if prev.low in _SUBJECTS or prev.low in ADVERBS:
        return True
    if prev.is_cap and prev.low not in STOPWORDS and not t.low.endswith("ing"):
        return True  # "the Bank of England cut rates"
    return t.low.endswith("ing") and i > 1 and toks[i - 2].low in _AUX


def find_mentions(
    toks: Sequence[Tok], text: str, classes: frozenset[str], verb: Phrase | None, *, headline: bool
) -> list[Mention]:
    """Every place an act of ``classes`` (or the promise's own ``verb``) shows in the
    sentence, with how it reads."""
    stems = [t.stem for t in toks]
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        after_det = i > 0 and toks[i - 1].low in DETERMINERS
        verb_hit = _phrase_at(
            stems, i, lambda k: bool(verb_classes(k) & classes) or (verb is not None and k == verb)
        )
        noun_hit = None
        if is_noun_form(toks[i].low):
            noun_hit = _phrase_at(stems, i, lambda k: bool(noun_classes(k) & classes))
        if verb_hit is not None and noun_hit is not None and not _verb_here(toks, i):
            verb_hit = None  # "the launch", "robotaxi launch", "December opening": a noun
        if verb_hit is not None and not (after_det and noun_hit is not None):
            n, key = verb_hit
            shared = verb_classes(key) & classes
            tense, negated = verb_tense(toks, i, headline=headline)
            words = " ".join(t.text for t in toks[i : i + n])
            how = f'"{words}"' + (f" ({sorted(shared)[0]})" if shared else "")
            out.append(Mention(i, i + n, "verb", shared, tense, negated, how))
            i += n
            continue
        if noun_hit is not None:
            n, key = noun_hit
            lo, hi = clause_of(toks, text, i)
            gov = _governor(toks, stems, i, i + n, lo, hi)
            words = " ".join(t.text for t in toks[i : i + n])
            if gov is None:
                tense, negated, how = "none", False, f'"{words}"'
            else:
                tense, negated = verb_tense(toks, gov, headline=headline)
                how = f'"{words}" with "{toks[gov].text}"'
            out.append(
                Mention(i, i + n, "noun", noun_classes(key) & classes, tense, negated, how, gov)
            )
            i += n
            continue
        i += 1
    return out


@functools.lru_cache(maxsize=1)
def _cue_phrases() -> dict[Phrase, frozenset[str]]:
    table: dict[Phrase, set[str]] = {}
    for group in cue_groups():
        for phrase in cues(group):
            table.setdefault(phrase, set()).add(group)
    return {k: frozenset(v) for k, v in table.items()}


@functools.lru_cache(maxsize=65536)
def _cue_spans(stems: tuple[str, ...], lows: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    # Every cue phrase in a sentence, longest first at each position: (start, length,
    # group).  Cached per sentence: every promise asking about it shares the answer.
    table = _cue_phrases()
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(stems):
        hit = 0
        for n in range(min(LONGEST, len(stems) - k), 0, -1):
            groups = table.get(stems[k : k + n]) or table.get(lows[k : k + n])
            if groups:
                out.extend((k, n, g) for g in sorted(groups))
                hit = n
                break
        k += hit or 1
    return tuple(out)


def _month_may(toks: Sequence[Tok], k: int) -> bool:
    # "May" capitalised beside a number or after "in", "of", "since", "until", "by".
    t = toks[k]
    if t.low != "may" or not t.is_cap:
        return False
    near = [toks[j] for j in (k - 1, k + 1) if 0 <= j < len(toks)]
    return any(u.low.isdigit() or u.low in {"in", "of", "since", "until", "by"} for u in near)


def find_cues(
    toks: Sequence[Tok], text: str, mention: Mention, *, headline: bool, reach: int = 12
) -> list[CueHit]:
    """The cue words in the clause of ``mention`` and within ``reach`` tokens of it."""
    lo, hi = clause_of(toks, text, mention.index)
    lo, hi = max(lo, mention.index - reach), min(hi, mention.end + reach)
    spans = _cue_spans(tuple(t.stem for t in toks), tuple(t.low for t in toks))
    out: list[CueHit] = []
    for k, n, group in spans:
        if not lo <= k < hi or mention.index <= k < mention.end:
            continue
        if n == 1 and _month_may(toks, k):
            continue  # "on 19 May" is a date, not "may be delayed"
        tense, negated = verb_tense(toks, k, headline=headline)
        out.append(CueHit(group, k, " ".join(t.text for t in toks[k : k + n]), tense, negated))
    return out

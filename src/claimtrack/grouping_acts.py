"""What grouping reads of one tracked claim: a :class:`Mention` (who must act, the act's
verb and object words, its window, and the marks of a changed or recurring act), and
the tests of two mentions' acts that the grouping and relation rules share.

Pure functions: no store, no SQL (see :mod:`claimtrack.grouping`)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import lru_cache
from importlib import resources

import attrs

from .actors import normalise_name
from .model import Claim

__all__ = [
    "PERIODS",
    "STOPWORDS",
    "VERB_CLASSES",
    "Act",
    "Mention",
    "act_of",
    "actors_compatible",
    "bucket_of",
    "mention_from_json",
    "mention_json",
    "mention_of",
    "quantities_conflict",
    "read_act",
    "replaced_bucket",
    "same_act",
    "stem",
    "windows_compatible",
]


def _data(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


#: Words that carry no act: articles, pronouns, auxiliaries, prepositions (data:
#: ``data/grouping_stopwords.txt``).
STOPWORDS = frozenset(w for line in _data("grouping_stopwords.txt") for w in line.split())

#: Verbs that name the same act, mapped to one (data: ``data/grouping_verbs.txt``).
VERB_CLASSES: Mapping[str, str] = {
    k.strip(): v.strip()
    for k, _, v in (line.partition("=") for line in _data("grouping_verbs.txt"))
}

_MODAL = re.compile(
    r"\b(?:will|would|shall|is to|are to|plans? to|pledged? to|promised? to)\s+", re.I
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
#: At most this many words before a modal are read as the action's subject.
_SUBJECT_WORDS = 6
_NEGATION = ("not", "never", "no longer")
#: What an act was changed from: "lease the site rather than sell it", "cut 150 jobs,
#: not the 300 announced", "instead of 300".
_CONTRAST = re.compile(r"(?:,\s*(?:and\s+)?not\b|\brather than\b|\binstead of\b)\s*", re.I)

_DAY = 86400.0
#: How long a recurring act's period is, by the word that names it (seconds).
PERIODS: Mapping[str, float] = {
    "day": _DAY,
    "daily": _DAY,
    "week": 7 * _DAY,
    "weekly": 7 * _DAY,
    "fortnight": 14 * _DAY,
    "fortnightly": 14 * _DAY,
    "month": 30.44 * _DAY,
    "monthly": 30.44 * _DAY,
    "quarter": 91.3 * _DAY,
    "quarterly": 91.3 * _DAY,
    "year": 365.25 * _DAY,
    "yearly": 365.25 * _DAY,
    "annual": 365.25 * _DAY,
    "annually": 365.25 * _DAY,
    "biennial": 2 * 365.25 * _DAY,
}
_UNITS = "day|week|fortnight|month|quarter|year"
#: "every month", "each year", "once a week", "monthly", "its annual summit".
_RECURS = re.compile(
    rf"\b(?:every|each|once an?|twice an?)\s+(?:other\s+)?({_UNITS})s?\b"
    r"|\b(daily|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|biennial)\b",
    re.I,
)
#: "its next meeting", "the next round of talks" (not "next week": a window).
_NEXT = re.compile(
    rf"\bnext\s+(?!(?:{_UNITS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|spring|summer|autumn|winter|fall)\b)[a-z]",
    re.I,
)
#: Words saying the plan changed: "will now", "instead", "later than planned", "delayed".
_CHANGED = re.compile(
    r"\b(?:now|instead|rather than|than (?:planned|expected|announced|first)|postponed?"
    r"|delay(?:ed)?|pushed back|moved|brought forward|revised)\b",
    re.I,
)
#: Object words that mark recurrence, not content ("its monthly meeting": "meeting").
_RECURRENCE_WORDS = frozenset({"next", *PERIODS, "every", "each"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: "meeting", "meets" and "meet" are one; "defences" and "defence"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif (len(w) > 4 and w.endswith("ed")) or (len(w) > 4 and w.endswith("es") and w[-3] in "sxz"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "planning" -> "plann" -> "plan"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


_STEMMED_RECURRENCE = frozenset(stem(w) for w in _RECURRENCE_WORDS)


def _is_number(word: str) -> bool:
    return word[:1].isdigit()


@attrs.frozen(kw_only=True)
class Mention:
    """What grouping reads of one tracked claim."""

    claim_id: str
    source_id: str
    kind: str
    actor: frozenset[str]  # stems of who must act (else the speaker)
    head: str  # the actor's head word ("coalition of the willing" -> "coalition")
    verb: str
    negated: bool
    words: frozenset[str]  # the act's object: content-word stems
    start_ts: float | None  # a firm window (resolved, not vague), else None
    end_ts: float | None
    published_ts: float | None
    span_start: int = 0
    #: What the act replaces ("rather than sell it": {"sell"}), its first word's verb
    #: class, whether the mention says the plan changed ("will now", "instead"), and
    #: the period of a recurring act ("every month", "monthly"; 0: "its next
    #: meeting", a period not said; None: not recurring).
    replaced: frozenset[str] = frozenset()
    replaced_verb: str = ""
    changed: bool = False
    period: float | None = None

    @property
    def bucket(self) -> str:
        """Mentions are compared only within one bucket: kind, actor head, verb."""
        return bucket_of(self.kind, self.head, self.verb, negated=self.negated)

    @property
    def order(self) -> tuple[float, str, int, str]:
        """The canonical order: publication, source, position, id."""
        return (
            float("inf") if self.published_ts is None else self.published_ts,
            self.source_id,
            self.span_start,
            self.claim_id,
        )

    @property
    def dated(self) -> bool:
        """Whether the mention has a firm window."""
        return self.start_ts is not None and self.end_ts is not None

    @property
    def numbers(self) -> frozenset[str]:
        """The object's quantities ("cut 300 jobs": {"300"})."""
        return frozenset(w for w in self.words if _is_number(w))

    @property
    def content(self) -> frozenset[str]:
        """The object's words without quantities and the marks of recurrence."""
        return frozenset(
            w for w in self.words if not _is_number(w) and w not in _STEMMED_RECURRENCE
        )


def bucket_of(kind: str, head: str, verb: str, *, negated: bool = False) -> str:
    """The bucket key of a kind, actor head and verb."""
    return f"{kind}|{head}|{'not ' if negated else ''}{verb}"


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text)]


@lru_cache(maxsize=16384)
def _actor_key(name: str | None) -> tuple[frozenset[str], str]:
    if not name:
        return frozenset(), ""
    key = normalise_name(name)
    head_part = key.split(" of ", 1)[0]
    words = [stem(t) for t in _tokens(key) if t not in STOPWORDS]
    head_words = [stem(t) for t in _tokens(head_part) if t not in STOPWORDS]
    return frozenset(words), (head_words[-1] if head_words else "")


@attrs.frozen
class Act:
    """An action read: its verb (class), negation, object words, and what it replaces."""

    verb: str
    negated: bool
    words: frozenset[str]
    replaced: frozenset[str] = frozenset()
    replaced_verb: str = ""


def _verb_and_rest(tokens: list[str]) -> tuple[str, list[str]]:
    for i, tok in enumerate(tokens):
        if tok in STOPWORDS:
            continue
        pair = f"{tok} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in VERB_CLASSES:
            return VERB_CLASSES[pair], tokens[i + 2 :]
        base = stem(tok)
        return VERB_CLASSES.get(tok, VERB_CLASSES.get(base, base)), tokens[i + 1 :]
    return "", []


def read_act(action: str, drop: Iterable[str] = ()) -> Act:
    """The :class:`Act` of an action, without the phrases in ``drop`` (its due window's
    text and its condition).  An action written with its subject and modal ("The
    council will resurface the lane") is read from after the modal; a contrast ("rather
    than sell it", ", not 300") is what the act replaces, not part of its object."""
    text = action
    for phrase in drop:
        if phrase:
            text = text.replace(phrase, " ")
    modal = _MODAL.search(text)
    if modal is not None and len(_tokens(text[: modal.start()])) <= _SUBJECT_WORDS:
        text = text[modal.end() :]
    replaced_text = ""
    lowered_text = text.lower()
    hinted = "rather" in lowered_text or "instead" in lowered_text or "not" in lowered_text
    contrast = _CONTRAST.search(text) if hinted else None
    if contrast is not None and _tokens(text[: contrast.start()]):
        text, replaced_text = text[: contrast.start()], text[contrast.end() :]
    lowered = " ".join(_tokens(text))
    negated = False
    for neg in _NEGATION:
        if lowered.startswith(neg + " "):
            negated, lowered = True, lowered[len(neg) + 1 :]
            break
    verb, rest = _verb_and_rest(lowered.split())
    words = frozenset(stem(t) for t in rest if t not in STOPWORDS)
    replaced_tokens = _tokens(replaced_text)
    replaced = frozenset(stem(t) for t in replaced_tokens if t not in STOPWORDS)
    replaced_verb = _verb_and_rest(replaced_tokens)[0] if replaced_tokens else ""
    return Act(verb, negated, words, replaced, replaced_verb)


def act_of(action: str, drop: Iterable[str] = ()) -> tuple[str, bool, frozenset[str]]:
    """(verb, negated, object words) of an action (see :func:`read_act`)."""
    act = read_act(action, drop)
    return act.verb, act.negated, act.words


#: Cheap tests before the regular expressions (most actions name none of these).
_RECURS_HINTS = ("every", "each", "once a", "twice a", "ly", "annual", "biennial")
_CHANGED_HINTS = ("now", "instead", "than", "postpone", "delay", "pushed", "moved", "brought")


def period_of(text: str) -> float | None:
    """The period of a recurring act named in ``text`` (seconds; 0 for "its next
    meeting", a recurrence without a period), else None."""
    lowered = text.lower()
    if any(h in lowered for h in _RECURS_HINTS):
        m = _RECURS.search(text)
        if m is not None:
            return PERIODS[(m.group(1) or m.group(2)).lower()]
    return 0.0 if "next" in lowered and _NEXT.search(text) else None


def says_changed(text: str) -> bool:
    """Whether ``text`` says the plan changed ("will now", "instead", "delayed")."""
    lowered = text.lower()
    return any(h in lowered for h in _CHANGED_HINTS) and _CHANGED.search(text) is not None


def mention_of(claim: Claim, published_ts: float | None = None) -> Mention:
    """The :class:`Mention` of a tracked claim (``published_ts``: its source's time)."""
    who = claim.actor or claim.speaker
    actor, head = _actor_key(who.name if who is not None else None)
    due = claim.due
    drop = [due.text] if due is not None and due.text else []
    if claim.condition:
        drop.append(claim.condition)
    act = read_act(claim.action or claim.text, drop)
    firm = due is not None and due.start is not None and due.end is not None and not due.vague
    if published_ts is None and claim.asserted_at is not None:
        published_ts = claim.asserted_at.timestamp()
    said = claim.text if claim.action is None else f"{claim.text} {claim.action}"
    return Mention(
        claim_id=claim.id,
        source_id=claim.source_id,
        kind=claim.kind.value,
        actor=actor,
        head=head,
        verb=act.verb,
        negated=act.negated,
        words=act.words,
        start_ts=_ts(due.start) if firm and due is not None else None,
        end_ts=_ts(due.end) if firm and due is not None else None,
        published_ts=published_ts,
        span_start=claim.span[0],
        replaced=act.replaced,
        replaced_verb=act.replaced_verb,
        changed=bool(act.replaced) or says_changed(said),
        period=period_of(" ".join(p for p in (claim.text, claim.action) if p)),
    )


def _ts(when: datetime | None) -> float | None:
    return None if when is None else when.timestamp()


# -- what two mentions share ---------------------------------------------------------------


def windows_compatible(a: Mention, b: Mention) -> bool:
    """Windows that can be one deadline: either undated, or overlapping."""
    if not a.dated or not b.dated:
        return True
    assert a.start_ts is not None and a.end_ts is not None
    assert b.start_ts is not None and b.end_ts is not None
    return a.start_ts < b.end_ts and b.start_ts < a.end_ts


def actors_compatible(a: Mention, b: Mention) -> bool:
    """The same actor: one name's words within the other's ("military chiefs" and
    "coalition military chiefs")."""
    if not a.actor or not b.actor:
        return a.actor == b.actor
    return a.actor <= b.actor or b.actor <= a.actor


def quantities_conflict(a: Mention, b: Mention) -> bool:
    """Both objects name quantities and neither's are within the other's ("cut 300
    jobs" and "cut 150 jobs" are two acts)."""
    na, nb = a.numbers, b.numbers
    return bool(na) and bool(nb) and not (na <= nb or nb <= na)


def same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same object words."""
    return a == b


def contained_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """One object's words all within the other's (and not none)."""
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return bool(small) and small <= big


def most_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """At least two object words shared, and 60% of all of them."""
    shared = len(a & b)
    return shared >= 2 and shared / len(a | b) >= 0.6


def same_act(a: frozenset[str], b: frozenset[str]) -> bool:
    """Object words that state one act by the act rules (same, contained, most shared)."""
    return same_words(a, b) or contained_words(a, b) or most_words(a, b)


def mention_json(m: Mention) -> str:
    """A mention's reading as the store keeps it (everything but its claim id)."""
    return json.dumps(
        [
            m.source_id,
            m.kind,
            sorted(m.actor),
            m.head,
            m.verb,
            m.negated,
            sorted(m.words),
            m.start_ts,
            m.end_ts,
            m.published_ts,
            m.span_start,
            sorted(m.replaced),
            m.replaced_verb,
            m.changed,
            m.period,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def mention_from_json(claim_id: str, text: str) -> Mention:
    """The :class:`Mention` of ``claim_id`` from :func:`mention_json`'s text."""
    (src, kind, actor, head, verb, negated, words, start, end, published, span, replaced,
     replaced_verb, changed, period) = json.loads(text)  # fmt: skip
    return Mention(
        claim_id=claim_id,
        source_id=src,
        kind=kind,
        actor=frozenset(actor),
        head=head,
        verb=verb,
        negated=negated,
        words=frozenset(words),
        start_ts=start,
        end_ts=end,
        published_ts=published,
        span_start=span,
        replaced=frozenset(replaced),
        replaced_verb=replaced_verb,
        changed=changed,
        period=period,
    )


def replaced_bucket(m: Mention) -> str | None:
    """The bucket of the act ``m`` says it replaces ("rather than sell it"), if any."""
    if not m.replaced_verb or m.replaced_verb == m.verb:
        return None
    return bucket_of(m.kind, m.head, m.replaced_verb)

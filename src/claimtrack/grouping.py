"""Which claims state the same promise: named rules run by a small engine.

A *mention* is one tracked claim (a commitment, or a prediction or demand with a due
window) reduced to what grouping reads: its kind, who must act, the act (verb and the
content words of its object) and its due window.  Two mentions state the same promise
when a rule of :data:`RULES` says so; the groups are the connected components of those
links, refused where a person's correction pins two claims to different promises, and
where one source states two acts that no rule joins (a third mention naming both must
not chain them into one).

Deterministic and order-independent: mentions are put in one canonical order (when
their source was published, then source, then span) and candidate pairs are tried in
that order, so the same claims give the same groups however they arrived.  Every link
records the rule that made it; a mention whose act matches an earlier promise's but
whose window lies wholly after it, in a later source, is a *revision* (rule
``later_window_revises``), not a restatement.

Candidates are found through indexes (the bucket of kind, actor and verb; within it,
each mention's rarest object word), each capped, so grouping stays linear in the
number of mentions whatever they say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from importlib import resources

import attrs

from .actors import normalise_name
from .model import Claim

__all__ = [
    "RULES",
    "Grouping",
    "Link",
    "Mention",
    "Rule",
    "group",
    "is_trackable",
    "mention_of",
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

#: How many candidates a mention is compared with per index (keeps grouping linear).
CANDIDATE_CAP = 64


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


def is_trackable(claim: Claim) -> bool:
    """Whether a claim is tracked (:attr:`Claim.is_tracked`): every commitment, and a
    prediction or demand that carries a resolved due window.  Statements never are."""
    return claim.is_tracked


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

    @property
    def bucket(self) -> str:
        """Mentions are compared only within one bucket: kind, actor head, verb."""
        return f"{self.kind}|{self.head}|{'not ' if self.negated else ''}{self.verb}"

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


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text)]


def _actor_key(name: str | None) -> tuple[frozenset[str], str]:
    if not name:
        return frozenset(), ""
    key = normalise_name(name)
    head_part = key.split(" of ", 1)[0]
    words = [stem(t) for t in _tokens(key) if t not in STOPWORDS]
    head_words = [stem(t) for t in _tokens(head_part) if t not in STOPWORDS]
    return frozenset(words), (head_words[-1] if head_words else "")


def act_of(action: str, drop: Iterable[str] = ()) -> tuple[str, bool, frozenset[str]]:
    """(verb, negated, object words) of an action, without the phrases in ``drop``
    (its due window's text and its condition).  An action written with its subject
    and modal ("The council will resurface the lane") is read from after the modal."""
    text = action
    for phrase in drop:
        if phrase:
            text = text.replace(phrase, " ")
    modal = _MODAL.search(text)
    if modal is not None and len(_tokens(text[: modal.start()])) <= _SUBJECT_WORDS:
        text = text[modal.end() :]
    lowered = " ".join(_tokens(text))
    negated = False
    for neg in _NEGATION:
        if lowered.startswith(neg + " "):
            negated, lowered = True, lowered[len(neg) + 1 :]
            break
    tokens = lowered.split()
    verb = ""
    rest: list[str] = []
    for i, tok in enumerate(tokens):
        if tok in STOPWORDS:
            continue
        pair = f"{tok} {tokens[i + 1]}" if i + 1 < len(tokens) else ""
        if pair in VERB_CLASSES:
            verb, rest = VERB_CLASSES[pair], tokens[i + 2 :]
        else:
            base = stem(tok)
            verb = VERB_CLASSES.get(tok, VERB_CLASSES.get(base, base))
            rest = tokens[i + 1 :]
        break
    words = frozenset(stem(t) for t in rest if t not in STOPWORDS)
    return verb, negated, words


def mention_of(claim: Claim, published_ts: float | None = None) -> Mention:
    """The :class:`Mention` of a tracked claim (``published_ts``: its source's time)."""
    who = claim.actor or claim.speaker
    actor, head = _actor_key(who.name if who is not None else None)
    due = claim.due
    drop = [due.text] if due is not None and due.text else []
    if claim.condition:
        drop.append(claim.condition)
    verb, negated, words = act_of(claim.action or claim.text, drop)
    firm = due is not None and due.start is not None and due.end is not None and not due.vague
    if published_ts is None and claim.asserted_at is not None:
        published_ts = claim.asserted_at.timestamp()
    return Mention(
        claim_id=claim.id,
        source_id=claim.source_id,
        kind=claim.kind.value,
        actor=actor,
        head=head,
        verb=verb,
        negated=negated,
        words=words,
        start_ts=_ts(due.start) if firm and due is not None else None,
        end_ts=_ts(due.end) if firm and due is not None else None,
        published_ts=published_ts,
        span_start=claim.span[0],
    )


def _ts(when: datetime | None) -> float | None:
    return None if when is None else when.timestamp()


# -- the rules ---------------------------------------------------------------------------


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


def _same_words(a: Mention, b: Mention) -> bool:
    return a.words == b.words


def _contained_words(a: Mention, b: Mention) -> bool:
    small, big = (a.words, b.words) if len(a.words) <= len(b.words) else (b.words, a.words)
    return bool(small) and small <= big


def _most_words(a: Mention, b: Mention) -> bool:
    shared = len(a.words & b.words)
    return shared >= 2 and shared / len(a.words | b.words) >= 0.6


def _same_source_deadline(a: Mention, b: Mention) -> bool:
    if a.source_id != b.source_id or not a.dated or not b.dated:
        return False
    assert a.start_ts is not None and a.end_ts is not None
    assert b.start_ts is not None and b.end_ts is not None
    # nested windows: "next week" in the headline, "on Thursday" in the body
    return (a.start_ts <= b.start_ts and b.end_ts <= a.end_ts) or (
        b.start_ts <= a.start_ts and a.end_ts <= b.end_ts
    )


def _same_source_bare(a: Mention, b: Mention) -> bool:
    return a.source_id == b.source_id and (not a.words or not b.words)


@attrs.frozen
class Rule:
    """A named grouping rule: ``test(a, b)`` on two mentions of one bucket whose actors
    and windows are compatible; ``examples`` are pairs of actions (as extractors give
    them) it joins when one actor states both in one source with one deadline."""

    name: str
    description: str
    test: Callable[[Mention, Mention], bool]
    examples: tuple[tuple[str, str], ...] = ()


#: The rules that make two mentions one promise, tried in this order.
RULES: tuple[Rule, ...] = (
    Rule(
        "same_words",
        "the same act in the same words (a republished copy, a repeated quote)",
        _same_words,
        (("tighten sanctions on oil", "tighten sanctions on oil"),),
    ),
    Rule(
        "contained_words",
        "one mention's object words all within the other's (a shortened restatement)",
        _contained_words,
        (("not sit back and wait", "not sit back and wait, instead we will push on"),),
    ),
    Rule(
        "most_words_shared",
        "at least two object words shared and 60% of all of them",
        _most_words,
        (("publish the annual audit report", "publish its audit report"),),
    ),
    Rule(
        "same_source_same_deadline",
        "within one source, the same actor and verb with nested deadlines (a paraphrased object)",
        _same_source_deadline,
        (("publish the audit by June", "publish its review of the accounts by June"),),
    ),
    Rule(
        "same_source_bare_verb",
        "within one source, the verb alone restating it (a headline's 'chiefs meeting')",
        _same_source_bare,
        (("meeting", "meet in London on Thursday"),),
    ),
)
_ACT_RULES = frozenset({"same_words", "contained_words", "most_words_shared"})
REVISES = "later_window_revises"


@attrs.frozen
class Link:
    """Why ``claim_id`` is in its promise: it matched ``joined`` by ``rule`` (for the
    first mention of a promise, ``joined`` is None and ``rule`` ``first_mention``)."""

    claim_id: str
    joined: str | None
    rule: str


@attrs.frozen
class Grouping:
    """The groups (claim ids in canonical order, groups ordered by their first
    mention), why each claim is where it is, the revisions found — (later claim,
    earlier claim, rule) where the later one's promise revises the earlier one's — and
    the reversals: a later mention that takes an earlier promise back."""

    groups: tuple[tuple[str, ...], ...]
    links: Mapping[str, Link]
    revisions: tuple[tuple[str, str, str], ...]
    reversals: tuple[tuple[str, str, str], ...] = ()


def match(a: Mention, b: Mention) -> str | None:
    """The first rule joining ``a`` and ``b`` (same bucket), or None."""
    if a.bucket != b.bucket or not actors_compatible(a, b) or not windows_compatible(a, b):
        return None
    for rule in RULES:
        if rule.test(a, b):
            return rule.name
    return None


def revises(earlier: Mention, later: Mention) -> bool:
    """Whether ``later`` restates ``earlier``'s act with a window wholly after it, in a
    source published later: a moved deadline."""
    if earlier.bucket != later.bucket or not actors_compatible(earlier, later):
        return False
    if not earlier.dated or not later.dated or earlier.source_id == later.source_id:
        return False
    if earlier.published_ts is None or later.published_ts is None:
        return False
    assert earlier.end_ts is not None and later.start_ts is not None
    if later.published_ts <= earlier.published_ts or later.start_ts < earlier.end_ts:
        return False
    if any(r.test(earlier, later) for r in RULES if r.name in _ACT_RULES):
        return True
    # A revision usually adds words ("now", "two weeks on"): most of the smaller
    # object's words are enough.
    shared = len(earlier.words & later.words)
    smaller = min(len(earlier.words), len(later.words))
    return shared >= 2 and shared / smaller >= 0.6


REVERSES = "later_negation_reverses"


def reverses(earlier: Mention, later: Mention) -> bool:
    """Whether ``later`` takes ``earlier`` back: the same actor and act, negated ("will
    not reopen the depot" after "will reopen the depot"), in a source published later."""
    if earlier.negated or not later.negated or earlier.kind != later.kind:
        return False
    if earlier.head != later.head or earlier.verb != later.verb:
        return False
    if not actors_compatible(earlier, later) or earlier.source_id == later.source_id:
        return False
    if earlier.published_ts is None or later.published_ts is None:
        return False
    if later.published_ts <= earlier.published_ts:
        return False
    return any(r.test(earlier, later) for r in RULES if r.name in _ACT_RULES) or (
        not earlier.words and not later.words
    )


def _candidates(ms: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j in canonical order, worth testing, in canonical order."""
    df: dict[str, int] = defaultdict(int)
    for m in ms:
        for w in m.words:
            df[w] += 1

    def rarest(m: Mention) -> str | None:
        return min(m.words, key=lambda w: (df[w], w)) if m.words else None

    by_word: dict[str, list[int]] = defaultdict(list)  # word -> mentions holding it
    by_rarest: dict[str, list[int]] = defaultdict(list)  # word -> mentions whose rarest it is
    by_source: dict[str, list[int]] = defaultdict(list)
    by_words: dict[frozenset[str], list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    for j, m in enumerate(ms):
        found: set[int] = set()
        found.update(by_source[m.source_id][-CANDIDATE_CAP:])
        found.update(by_words[m.words][-CANDIDATE_CAP:])
        r = rarest(m)
        by_rareness = sorted(m.words, key=lambda w: (df[w], w))
        for w in by_rareness[:3]:  # those sharing one of its rarest words
            found.update(by_word[w][-CANDIDATE_CAP:])
        for w in by_rareness[:8]:  # those whose rarest word it holds (a subset of it)
            found.update(by_rarest[w][-CANDIDATE_CAP:])
        pairs.extend((i, j) for i in sorted(found))
        by_source[m.source_id].append(j)
        by_words[m.words].append(j)
        for w in m.words:
            by_word[w].append(j)
        if r is not None:
            by_rarest[r].append(j)
    return pairs


def group(mentions: Iterable[Mention], pins: Mapping[str, str] | None = None) -> Grouping:
    """Group ``mentions`` into promises.

    ``pins`` maps a claim id to a label (a promise id a person's correction fixed it
    to): claims with one label are one promise, and claims with different labels are
    never joined.  The result depends on the set of mentions and pins only."""
    pins = pins or {}
    ordered = sorted({m.claim_id: m for m in mentions}.values(), key=lambda m: m.order)
    index = {m.claim_id: i for i, m in enumerate(ordered)}
    parent = list(range(len(ordered)))
    label: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members_of: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}

    def kept_apart(ri: int, rj: int) -> bool:
        # One article stating two acts that no rule joins keeps them two promises: a
        # third mention naming both ("flights to A and to B") must not chain them.
        a_side, b_side = members_of[ri][:CANDIDATE_CAP], members_of[rj][:CANDIDATE_CAP]
        for a in a_side:
            for b in b_side:
                ma, mb = ordered[a], ordered[b]
                if ma.source_id == mb.source_id and ma.words and mb.words and match(ma, mb) is None:
                    return True
        return False

    def union(i: int, j: int, *, person: bool = False) -> bool:
        ri, rj = find(i), find(j)
        if ri == rj:
            return False
        li, lj = label.get(ri), label.get(rj)
        if li is not None and lj is not None and li != lj:
            return False
        if not person and kept_apart(ri, rj):
            return False
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        parent[gone] = keep
        members_of[keep].extend(members_of.pop(gone))
        if label.get(gone) is not None:
            label[keep] = label.pop(gone)
        return True

    edges: dict[int, list[tuple[int, str]]] = defaultdict(list)
    first_of_label: dict[str, int] = {}
    for cid, lab in sorted(pins.items(), key=lambda kv: index.get(kv[0], -1)):
        if cid not in index:
            continue
        i = index[cid]
        label[find(i)] = lab
        if lab in first_of_label:
            j = first_of_label[lab]
            union(j, i, person=True)
            edges[i].append((j, "pinned_by_person"))
            edges[j].append((i, "pinned_by_person"))
        else:
            first_of_label[lab] = i
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ordered):
        buckets[m.bucket].append(i)
    revisions: list[tuple[int, int]] = []
    for bucket in sorted(buckets):
        members = buckets[bucket]
        local = [ordered[i] for i in members]
        for a, b in _candidates(local):
            i, j = members[a], members[b]
            rule = match(ordered[i], ordered[j])
            if rule is not None:
                if union(i, j):
                    edges[i].append((j, rule))
                    edges[j].append((i, rule))
            elif revises(ordered[i], ordered[j]):
                revisions.append((i, j))
    reversals: list[tuple[int, int]] = []
    for bucket in sorted(buckets):
        kind, head, verb = bucket.split("|", 2)
        if not verb.startswith("not "):
            continue
        positive = buckets.get(f"{kind}|{head}|{verb[4:]}", [])
        for j in buckets[bucket]:
            earlier = [i for i in positive if ordered[i].order < ordered[j].order]
            for i in earlier[-CANDIDATE_CAP:]:
                if reverses(ordered[i], ordered[j]):
                    reversals.append((i, j))
    comps: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        comps[find(i)].append(i)
    links: dict[str, Link] = {}
    groups: list[tuple[str, ...]] = []
    for root in sorted(comps, key=lambda r: min(comps[r])):
        members = sorted(comps[root])
        first = members[0]
        links[ordered[first].claim_id] = Link(ordered[first].claim_id, None, "first_mention")
        seen = {first}
        queue = [first]
        while queue:  # breadth first from the first mention: each one's reason
            cur = queue.pop(0)
            for nxt, rule in sorted(edges[cur]):
                if nxt not in seen:
                    seen.add(nxt)
                    links[ordered[nxt].claim_id] = Link(
                        ordered[nxt].claim_id, ordered[cur].claim_id, rule
                    )
                    queue.append(nxt)
        groups.append(tuple(ordered[i].claim_id for i in members))
    found: dict[tuple[int, int], tuple[str, str, str]] = {}
    for i, j in sorted(revisions, key=lambda p: (p[1], p[0])):
        key = (find(j), find(i))
        if key[0] != key[1] and key not in found:
            found[key] = (ordered[j].claim_id, ordered[i].claim_id, REVISES)
    taken: dict[tuple[int, int], tuple[str, str, str]] = {}
    for i, j in sorted(reversals, key=lambda p: (p[1], p[0])):
        key = (find(j), find(i))
        if key[0] != key[1] and key not in taken:
            taken[key] = (ordered[j].claim_id, ordered[i].claim_id, REVERSES)
    return Grouping(
        groups=tuple(groups),
        links=links,
        revisions=tuple(found.values()),
        reversals=tuple(taken.values()),
    )

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

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from heapq import merge

import attrs

from .grouping_acts import (
    Mention,
    actors_compatible,
    bucket_of,
    contained_words,
    mention_of,
    most_words,
    quantities_conflict,
    same_words,
    windows_compatible,
)
from .grouping_relations import RELATION_RULES, RelationRule, related
from .model import Claim

__all__ = [
    "RULES",
    "Grouping",
    "Link",
    "Mention",
    "Rule",
    "can_extend",
    "extend",
    "group",
    "is_trackable",
    "mention_of",
]


#: How many candidates a mention is compared with per index (keeps grouping linear).
CANDIDATE_CAP = 64


def is_trackable(claim: Claim) -> bool:
    """Whether a claim is tracked (:attr:`Claim.is_tracked`): every commitment, and a
    prediction or demand that carries a resolved due window.  Statements never are."""
    return claim.is_tracked


def _same_words(a: Mention, b: Mention) -> bool:
    return same_words(a.words, b.words)


def _contained_words(a: Mention, b: Mention) -> bool:
    return contained_words(a.words, b.words)


def _most_words(a: Mention, b: Mention) -> bool:
    return most_words(a.words, b.words)


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
_RULE_NAMES = {r.name for r in RULES}
#: The relation rules by name (see :mod:`claimtrack.grouping_relations`).
RELATIONS: Mapping[str, RelationRule] = {r.name: r for r in RELATION_RULES}
REVISES = "later_window_revises"
REVERSES = "later_negation_reverses"


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
    mention), why each claim is where it is, and the relations found between groups:
    (later claim, earlier claim, relation rule) — the later one's promise revises,
    reverses or recurs the earlier one's (:data:`RELATIONS` names each rule's type)."""

    groups: tuple[tuple[str, ...], ...]
    links: Mapping[str, Link]
    relations: tuple[tuple[str, str, str], ...] = ()

    def _of(self, kind: str) -> tuple[tuple[str, str, str], ...]:
        return tuple(r for r in self.relations if RELATIONS[r[2]].relation == kind)

    @property
    def revisions(self) -> tuple[tuple[str, str, str], ...]:
        """The relations that revise (a moved deadline, a changed act)."""
        return self._of("revises")

    @property
    def reversals(self) -> tuple[tuple[str, str, str], ...]:
        """The relations that take an earlier promise back."""
        return self._of("reverses")

    @property
    def recurrences(self) -> tuple[tuple[str, str, str], ...]:
        """The next occurrences of a recurring act (the earlier left as it was)."""
        return self._of("recurs")


def match(a: Mention, b: Mention) -> str | None:
    """The first rule joining ``a`` and ``b`` (same bucket), or None."""
    if a.bucket != b.bucket or not actors_compatible(a, b) or not windows_compatible(a, b):
        return None
    if quantities_conflict(a, b):  # "cut 300 jobs" and "cut 150 jobs": two acts
        return None
    for rule in RULES:
        if rule.test(a, b):
            return rule.name
    return None


def revises(earlier: Mention, later: Mention) -> bool:
    """Whether ``later``'s promise revises ``earlier``'s (a moved deadline, a changed
    act or quantity: see :mod:`claimtrack.grouping_relations`)."""
    rule = related(earlier, later)
    return rule is not None and rule.relation == "revises"


def reverses(earlier: Mention, later: Mention) -> bool:
    """Whether ``later`` takes ``earlier`` back: the same actor and act, negated ("will
    not reopen the depot" after "will reopen the depot"), in a source published later."""
    rule = related(earlier, later)
    return rule is not None and rule.relation == "reverses"


class _Candidates:
    """The candidates of one bucket, built one mention at a time in canonical order:
    those of the same source, with the same words, sharing one of its rarest words, or
    whose rarest word it holds (rareness counted over the mentions so far, so a
    mention's candidates depend only on the mentions before it: grouping can resume)."""

    def __init__(self) -> None:
        self.df: dict[str, int] = defaultdict(int)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        self.by_rarest: dict[str, list[int]] = defaultdict(list)
        self.by_source: dict[str, list[int]] = defaultdict(list)
        self.by_words: dict[frozenset[str], list[int]] = defaultdict(list)

    def add(self, j: int, m: Mention) -> list[int]:
        """Index ``m`` (position ``j``); return its candidates, in order."""
        df = self.df
        for w in m.words:
            df[w] += 1
        found: set[int] = set()
        found.update(self.by_source[m.source_id][-CANDIDATE_CAP:])
        found.update(self.by_words[m.words][-CANDIDATE_CAP:])
        by_rareness = sorted(m.words, key=lambda w: (df[w], w))
        for w in by_rareness[:3]:  # those sharing one of its rarest words
            found.update(self.by_word[w][-CANDIDATE_CAP:])
        for w in by_rareness[:8]:  # those whose rarest word it holds (a subset of it)
            found.update(self.by_rarest[w][-CANDIDATE_CAP:])
        self.by_source[m.source_id].append(j)
        self.by_words[m.words].append(j)
        for w in m.words:
            self.by_word[w].append(j)
        if by_rareness:
            self.by_rarest[by_rareness[0]].append(j)
        return sorted(found)


class _Engine:
    """Union-find over mentions in canonical order, with the edges (rule) that joined
    them and the relation pairs found; a group's root is its first member."""

    def __init__(self, ordered: Sequence[Mention]) -> None:
        self.ordered = ordered
        self.index = {m.claim_id: i for i, m in enumerate(ordered)}
        self.parent = list(range(len(ordered)))
        self.label: dict[int, str] = {}
        self.members_of: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
        self.edges: dict[int, list[tuple[int, str]]] = defaultdict(list)
        self.pairs: list[tuple[int, int, str]] = []  # (earlier, later, relation rule)

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def kept_apart(self, ri: int, rj: int) -> bool:
        # One article stating two acts that no rule joins keeps them two promises: a
        # third mention naming both ("flights to A and to B") must not chain them.
        a_side = self.members_of[ri][:CANDIDATE_CAP]
        b_side = self.members_of[rj][:CANDIDATE_CAP]
        for a in a_side:
            for b in b_side:
                ma, mb = self.ordered[a], self.ordered[b]
                if ma.source_id == mb.source_id and ma.words and mb.words and match(ma, mb) is None:
                    return True
        return False

    def union(self, i: int, j: int, rule: str, *, person: bool = False) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return False
        li, lj = self.label.get(ri), self.label.get(rj)
        if li is not None and lj is not None and li != lj:
            return False
        if not person and self.kept_apart(ri, rj):
            return False
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        self.parent[gone] = keep
        self.members_of[keep] = list(merge(self.members_of[keep], self.members_of.pop(gone)))
        if self.label.get(gone) is not None:
            self.label[keep] = self.label.pop(gone)
        self.edges[i].append((j, rule))
        self.edges[j].append((i, rule))
        return True

    def pin(self, pins: Mapping[str, str]) -> None:
        """Claims a person fixed to one promise are one; to two, never joined."""
        first_of_label: dict[str, int] = {}
        for cid, lab in sorted(pins.items(), key=lambda kv: self.index.get(kv[0], -1)):
            if cid not in self.index:
                continue
            i = self.index[cid]
            self.label[self.find(i)] = lab
            if lab in first_of_label:
                j = first_of_label[lab]
                if not self.union(j, i, "pinned_by_person", person=True):
                    self.edges[i].append((j, "pinned_by_person"))
                    self.edges[j].append((i, "pinned_by_person"))
            else:
                first_of_label[lab] = i

    def test(self, i: int, j: int) -> None:
        """Join ``j`` to ``i`` by the first rule that holds, else note their relation."""
        ordered = self.ordered
        rule = match(ordered[i], ordered[j])
        if rule is not None:
            self.union(i, j, rule)
        else:
            rel = related(ordered[i], ordered[j])
            if rel is not None:
                self.pairs.append((i, j, rel.name))

    def result(self, since: int | None = None) -> Grouping:
        """The grouping; with ``since``, only the groups holding a mention from
        position ``since`` on, and the relations of those groups."""
        ordered, find = self.ordered, self.find
        comps: dict[int, list[int]] = {}
        if since is None:
            grouped: dict[int, list[int]] = defaultdict(list)
            for i in range(len(ordered)):
                grouped[find(i)].append(i)
            comps = grouped
        else:
            for i in range(since, len(ordered)):
                root = find(i)
                if root not in comps:
                    comps[root] = self.members_of[root]
        links: dict[str, Link] = {}
        groups: list[tuple[str, ...]] = []
        for root in sorted(comps):  # a root is its group's first member
            members = comps[root]
            first = members[0]
            links[ordered[first].claim_id] = Link(ordered[first].claim_id, None, "first_mention")
            seen = {first}
            queue = [first]
            while queue:  # breadth first from the first mention: each one's reason
                cur = queue.pop(0)
                for nxt, rule in sorted(self.edges[cur]):
                    if nxt not in seen:
                        seen.add(nxt)
                        links[ordered[nxt].claim_id] = Link(
                            ordered[nxt].claim_id, ordered[cur].claim_id, rule
                        )
                        queue.append(nxt)
            groups.append(tuple(ordered[i].claim_id for i in members))
        found: dict[tuple[int, int], tuple[str, str, str]] = {}
        for i, j, rel_name in sorted(self.pairs, key=lambda p: (p[1], p[0])):
            key = (find(j), find(i))
            if key[0] != key[1] and key not in found:
                found[key] = (ordered[j].claim_id, ordered[i].claim_id, rel_name)
        if since is not None:
            found = {k: v for k, v in found.items() if k[0] in comps or k[1] in comps}
        return Grouping(groups=tuple(groups), links=links, relations=tuple(found.values()))


def _buckets(ordered: Sequence[Mention]) -> dict[str, list[int]]:
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ordered):
        buckets[m.bucket].append(i)
    return buckets


def _canonical(mentions: Iterable[Mention]) -> list[Mention]:
    return sorted({m.claim_id: m for m in mentions}.values(), key=lambda m: m.order)


def group(mentions: Iterable[Mention], pins: Mapping[str, str] | None = None) -> Grouping:
    """Group ``mentions`` into promises.

    ``pins`` maps a claim id to a label (a promise id a person's correction fixed it
    to): claims with one label are one promise, and claims with different labels are
    never joined.  The result depends on the set of mentions and pins only."""
    ordered = _canonical(mentions)
    engine = _Engine(ordered)
    engine.pin(pins or {})
    buckets = _buckets(ordered)
    for bucket in sorted(buckets):
        members = buckets[bucket]
        cands = _Candidates()
        for b, j in enumerate(members):
            for a in cands.add(b, ordered[j]):
                engine.test(members[a], j)
    engine.pairs.extend(_other_bucket_relations(ordered, buckets, 0))
    return engine.result()


def can_extend(old: Iterable[Mention], new: Iterable[Mention]) -> bool:
    """Whether :func:`extend` can resume from ``old``'s grouping: every new mention is
    new and comes after every old one in canonical order."""
    old_ms, new_ms = list(old), list(new)
    if not new_ms or not old_ms:
        return True
    if {m.claim_id for m in old_ms} & {m.claim_id for m in new_ms}:
        return False
    return max(m.order for m in old_ms) < min(m.order for m in new_ms)


def extend(
    before: Grouping, old: Iterable[Mention], new: Iterable[Mention], *, changed_only: bool = False
) -> Grouping:
    """The grouping of ``old`` and ``new`` mentions, given ``before``, the grouping of
    ``old`` alone (without pins): the same as ``group(old + new)``, but only the new
    mentions' candidates are tested, so adding a source costs what its own mentions
    do, whatever is stored.  With ``changed_only``, only the groups holding a new
    mention (and their relations): the others are as ``before`` had them.  Requires
    :func:`can_extend` (else ``ValueError``)."""
    old_ms, new_ms = _canonical(old), _canonical(new)
    if not can_extend(old_ms, new_ms):
        raise ValueError("a new mention comes before an old one: group afresh")
    ordered = [*old_ms, *new_ms]
    start = len(old_ms)
    engine = _Engine(ordered)
    index = engine.index
    for claims in before.groups:  # the groups as they were, with their tree of links
        at = sorted(index[c] for c in claims)
        for i in at[1:]:
            engine.parent[i] = at[0]
            del engine.members_of[i]
        engine.members_of[at[0]] = at
    for cid, link in before.links.items():
        if link.joined is not None:
            i, j = index[cid], index[link.joined]
            engine.edges[i].append((j, link.rule))
            engine.edges[j].append((i, link.rule))
    engine.pairs.extend((index[e], index[lt], rule) for lt, e, rule in before.relations)
    buckets = _buckets(ordered)
    for bucket in sorted(buckets):
        held = buckets[bucket]
        if held[-1] < start:
            continue  # no new mention here
        cands = _Candidates()
        for pos, j in enumerate(held):
            found = cands.add(pos, ordered[j])
            if j >= start:
                for a in found:
                    engine.test(held[a], j)
    engine.pairs.extend(_other_bucket_relations(ordered, buckets, start))
    return engine.result(start if changed_only else None)


def _other_bucket_relations(
    ordered: Sequence[Mention], buckets: Mapping[str, Sequence[int]], start: int
) -> Iterable[tuple[int, int, str]]:
    """Relations to mentions of another verb: a negated act to the act ("not reopen"
    to "reopen"), a changed act to the verb it replaces ("lease ... rather than sell
    it" to "sell"); the latest ``CANDIDATE_CAP`` earlier ones of that bucket."""
    for bucket in sorted(buckets):
        kind, head, verb = bucket.split("|", 2)
        for j in buckets[bucket]:
            if j < start:
                continue
            m = ordered[j]
            others = []
            if verb.startswith("not "):
                others.append(bucket_of(kind, head, verb[4:]))
            if m.replaced_verb and m.replaced_verb != m.verb:
                others.append(bucket_of(kind, head, m.replaced_verb))
            for other in others:
                held = buckets.get(other, ())
                end = bisect_left(held, j)  # bucket lists are in canonical order
                for i in held[max(0, end - CANDIDATE_CAP) : end]:
                    rel = related(ordered[i], ordered[j])
                    if rel is not None:
                        yield (i, j, rel.name)

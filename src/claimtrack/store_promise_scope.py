"""Which stored mentions a regroup reads, and how (part of the store: see
``store_promises.py``).

A regroup after an ``add`` reads the mentions of the buckets the new claims fall in
(kind, actor head, verb), their twins (the act negated) and the buckets of the acts
they say they replace — each mention from its stored reading (``mentions.reading``),
so a claim's record is parsed only when its promise is written.  When every new
mention comes after every stored one of those buckets and no person's merge or split
ties them, grouping *resumes* from what is stored (:func:`claimtrack.grouping.extend`:
only the new mentions' candidates are tested); otherwise the buckets are grouped
afresh, closed under the promises and pins that tie them to others."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .grouping import Grouping, Link, is_trackable
from .grouping_acts import Mention, mention_from_json, mention_of, replaced_bucket
from .model import Claim, ClaimKind
from .records import claim_from_record
from .store_conn import Conn
from .store_open import damaged_record

__all__ = ["TRACKED_KINDS", "Loaded", "load", "pins", "prior", "resolve_moves", "scope"]

TRACKED_KINDS = (ClaimKind.COMMITMENT.value, ClaimKind.PREDICTION.value, ClaimKind.DEMAND.value)
_IDS = "(SELECT value FROM json_each(?))"


def resolve_moves(conn: Conn, claim_ids: Iterable[str]) -> dict[str, str]:
    """claim id -> the active claim it became through re-extractions (itself if none)."""
    out: dict[str, str] = {}
    for cid in claim_ids:
        cur, seen = cid, {cid}
        while True:
            row = conn.execute("SELECT new_id FROM claim_moves WHERE old_id = ?", (cur,)).fetchone()
            if row is None or row[0] in seen:
                break
            cur = row[0]
            seen.add(cur)
        out[cid] = cur
    return out


@attrs.define
class Loaded:
    """The mentions in scope (claim id -> reading), the claims parsed so far, and the
    stored promise, rule and joined mention of each (None for a new one)."""

    mentions: dict[str, Mention] = attrs.field(factory=dict)
    claims: dict[str, Claim] = attrs.field(factory=dict)
    stored: dict[str, tuple[str, str, str | None] | None] = attrs.field(factory=dict)

    def update(self, other: Loaded) -> None:
        self.mentions.update(other.mentions)
        self.claims.update(other.claims)
        self.stored.update(other.stored)

    def ensure_claims(self, conn: Conn, ids: Iterable[str]) -> None:
        """Parse the claims of ``ids`` not parsed yet (those whose promise is written)."""
        missing = sorted({c for c in ids if c not in self.claims})
        if missing:
            self.claims.update(load(conn, f"c.id IN {_IDS}", [json.dumps(missing)]).claims)


def pins(conn: Conn) -> dict[str, str]:
    """claim id -> the promise a person's merge or split fixed it to (the latest wins)."""
    out: dict[str, str] = {}
    for command, text in conn.execute(
        "SELECT command, args FROM corrections WHERE command IN ('merge', 'split') ORDER BY id"
    ):
        args: dict[str, Any] = json.loads(text)
        if command == "merge":
            for cid in args.get("claims", ()):
                out[cid] = args["into"]
        else:
            for cid in args.get("claims", ()):
                out[cid] = args["new"]
            for cid in args.get("rest", ()):
                out[cid] = args["from"]
    moved = resolve_moves(conn, out)
    return {moved[cid]: pid for cid, pid in out.items()}


def load(conn: Conn, where: str, args: Sequence[Any]) -> Loaded:
    """The tracked, active claims matching ``where`` (on ``claims c``), parsed."""
    out = Loaded()
    kinds = ",".join(f"'{k}'" for k in TRACKED_KINDS)
    sql = (
        "SELECT c.id, c.record, s.published_ts FROM claims c LEFT JOIN sources s ON s.id = c.source_id"
        # Unary + keeps the planner off the kind index: the ids asked for are few.
        f" WHERE +c.retired_at IS NULL AND +c.kind IN ({kinds}) AND ({where})"
    )
    for cid, record, pts in conn.execute(sql, args):
        claim, problem = damaged_record(cid, record, claim_from_record)
        if problem is not None:  # a damaged record is not grouped (status names it)
            continue
        if not is_trackable(claim):
            continue
        out.claims[cid] = claim
        out.mentions[cid] = mention_of(claim, pts)
    return out


def _readings(conn: Conn, buckets: Sequence[str]) -> Loaded:
    """The active mentions of ``buckets`` (by their own bucket, their promise's, or the
    bucket of the act they replace), from their stored readings; a mention without
    one (stored before readings were kept) or inactive is read from its claim."""
    out = Loaded()
    marks = json.dumps(sorted(buckets))
    unread: list[str] = []
    # Three indexed lookups (an OR across the join would scan every mention).
    for cid, reading, active, pid, rule, joined in conn.execute(
        "SELECT m.claim_id, m.reading, m.active, m.promise_id, m.rule, m.joined"
        " FROM mentions m JOIN claims c ON c.id = m.claim_id"
        f" WHERE +c.retired_at IS NULL AND m.claim_id IN (SELECT claim_id FROM mentions"
        f" WHERE bucket IN {_IDS} UNION SELECT claim_id FROM mentions WHERE replaced_bucket"
        f" IN {_IDS} UNION SELECT mm.claim_id FROM promises p JOIN mentions mm"
        f" ON mm.promise_id = p.id WHERE p.bucket IN {_IDS})",
        (marks, marks, marks),
    ):
        if reading is None or not active:
            unread.append(cid)
            out.stored[cid] = (pid, rule, joined) if active else None
            continue
        out.mentions[cid] = mention_from_json(cid, reading)
        out.stored[cid] = (pid, rule, joined)
    if unread:
        parsed = load(conn, f"c.id IN {_IDS}", [json.dumps(unread)])
        out.mentions.update(parsed.mentions)
        out.claims.update(parsed.claims)
        for cid in unread:
            if cid not in parsed.mentions:
                out.stored.pop(cid, None)
    return out


def _near(mentions: Iterable[Mention]) -> set[str]:
    """The buckets where mentions related to these are: their own, the act negated
    (or not), the act they say they replace."""
    out: set[str] = set()
    for m in mentions:
        out.add(m.bucket)
        out.add(_twin(m.bucket))
        other = replaced_bucket(m)
        if other is not None:
            out.add(other)
    return out


def _twin(bucket: str) -> str:
    kind, head, verb = bucket.split("|", 2)
    return f"{kind}|{head}|{verb[4:] if verb.startswith('not ') else 'not ' + verb}"


def scope(conn: Conn, touched: Sequence[str], fresh: Loaded | None = None) -> Loaded:
    """The claims to regroup with ``touched``: every claim of their buckets, closed
    under the buckets of the promises they were in and the pins that tie them."""
    first = fresh or load(conn, f"c.id IN {_IDS}", [json.dumps(list(touched))])
    buckets = _near(first.mentions.values())
    for (b,) in conn.execute(
        f"SELECT DISTINCT p.bucket FROM mentions m JOIN promises p ON p.id = m.promise_id"
        f" WHERE m.claim_id IN {_IDS}",
        (json.dumps(list(touched)),),
    ):
        buckets.add(b)
        buckets.add(_twin(b))
    tied = pins(conn)
    loaded = Loaded()
    loaded.update(first)
    for cid in first.mentions:
        loaded.stored.setdefault(cid, None)
    done: set[str] = set()
    while buckets - done:
        todo = sorted(buckets - done)
        done |= set(todo)
        more = _readings(conn, todo)
        for cid, m in more.mentions.items():
            if cid not in loaded.mentions:
                loaded.mentions[cid] = m
                loaded.stored[cid] = more.stored.get(cid)
        loaded.claims.update({c: v for c, v in more.claims.items() if c not in loaded.claims})
        labels = {tied[c] for c in loaded.mentions if c in tied}
        partners = [c for c, lab in tied.items() if lab in labels and c not in loaded.mentions]
        if partners:
            extra = load(conn, f"c.id IN {_IDS}", [json.dumps(partners)])
            loaded.update(extra)
        buckets |= _near(loaded.mentions.values())
    return loaded


def prior(conn: Conn, touched: Sequence[str]) -> tuple[Loaded, list[str], Grouping] | None:
    """When grouping can resume for ``touched`` (new claims only): the scope, the new
    claims' ids, and the stored grouping of the scope's other mentions; else None."""
    ids = json.dumps(list(touched))
    if conn.execute(f"SELECT 1 FROM mentions WHERE claim_id IN {_IDS} LIMIT 1", (ids,)).fetchone():
        return None  # a claim re-stored or retired: regroup what it touches
    fresh = load(conn, f"c.id IN {_IDS}", [ids])
    if not fresh.mentions:
        return None
    loaded = _readings(conn, sorted(_near(fresh.mentions.values())))
    if loaded.claims or any(v is None for v in loaded.stored.values()):
        return None  # readings not kept yet, or a mention to revive: regroup afresh
    tied = pins(conn)
    if any(c in tied for c in loaded.mentions) or any(c in tied for c in fresh.mentions):
        return None
    old = list(loaded.mentions.values())
    if old and max(m.order for m in old) >= min(m.order for m in fresh.mentions.values()):
        return None
    groups: dict[str, list[str]] = {}
    links: dict[str, Link] = {}
    for cid, stored in loaded.stored.items():
        assert stored is not None
        pid, rule, joined = stored
        groups.setdefault(pid, []).append(cid)
        links[cid] = Link(cid, joined, rule)
    order = {c: m.order for c, m in loaded.mentions.items()}
    if any(link.joined is not None and link.joined not in order for link in links.values()):
        return None  # a promise reaching out of these buckets (a person's merge)
    relations: list[tuple[str, str, str]] = []
    for later, earlier, rule in conn.execute(
        f"SELECT claim_id, other_claim, rule FROM relations WHERE claim_id IN {_IDS}",
        (json.dumps(sorted(order)),),
    ):
        if earlier is None:
            return None  # stored before relations named their earlier claim
        if earlier in order:
            relations.append((later, earlier, rule))
    before = Grouping(
        groups=tuple(tuple(sorted(g, key=order.__getitem__)) for g in groups.values()),
        links=links,
        relations=tuple(relations),
    )
    loaded.update(fresh)
    for cid in fresh.mentions:
        loaded.stored[cid] = None
    return loaded, list(fresh.mentions), before

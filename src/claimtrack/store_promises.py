"""The store's promises: the SQL that groups stored claims into tracked promises, keeps
their ids, and holds a person's corrections (part of the store: see ``store.py``).

Tables (migration ``m004_promises``):

- ``promises``: one row per promise ever given an id (ids are never reused or
  changed; a promise left with no mention is retired, not deleted), with the columns
  a status needs and ``record``, the promise's public JSON without its status;
- ``mentions``: claim id -> promise id, with the grouping rule that put it there and
  the mention it joined (``active`` 0 once the claim is retired);
- ``relations``: promise -> other promise (``revises``), with the rule;
- ``corrections``: a person's edits, merges, splits, retractions and hand-added
  claims, append-only (who, when, note, the values as typed);
- ``claim_moves``: old claim id -> the claim that replaced it when its source was
  re-extracted, so corrections that name old claims still apply.

Grouping itself is :mod:`claimtrack.grouping` (pure); this module feeds it the stored
claims and pins, assigns ids, applies the edits and writes the result.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

import attrs

from .grouping import Grouping, Mention, group, is_trackable, mention_of
from .model import Claim, ClaimKind, reporter_of
from .promises import effective_claim, promise_record
from .records import claim_from_record, source_record
from .store_conn import Conn
from .store_open import damaged_record

__all__ = [
    "GROUPER",
    "TRACKED_KINDS",
    "regroup",
    "resolve_moves",
]

#: Who records the evidence a revision implies (a machine decision: it names its rule).
GROUPER = "claimtrack grouping"
TRACKED_KINDS = (ClaimKind.COMMITMENT.value, ClaimKind.PREDICTION.value, ClaimKind.DEMAND.value)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


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


@attrs.frozen
class _Loaded:
    claims: dict[str, Claim]
    published: dict[str, float | None]
    mentions: dict[str, Mention]


def _corrections(conn: Conn) -> list[tuple[int, str, str, dict[str, Any]]]:
    return [
        (r[0], r[1], r[2], json.loads(r[3]))
        for r in conn.execute(
            "SELECT id, promise_id, command, args FROM corrections"
            " WHERE command IN ('merge', 'split') ORDER BY id"
        )
    ]


def _pins(conn: Conn) -> dict[str, str]:
    """claim id -> the promise a person's merge or split fixed it to (the latest wins)."""
    pins: dict[str, str] = {}
    for _id, _pid, command, args in _corrections(conn):
        if command == "merge":
            for cid in args.get("claims", ()):
                pins[cid] = args["into"]
        elif command == "split":
            for cid in args.get("claims", ()):
                pins[cid] = args["new"]
            for cid in args.get("rest", ()):
                pins[cid] = args["from"]
    moved = resolve_moves(conn, pins)
    return {moved[cid]: pid for cid, pid in pins.items()}


def _load(conn: Conn, where: str, args: Sequence[Any]) -> _Loaded:
    claims: dict[str, Claim] = {}
    published: dict[str, float | None] = {}
    mentions: dict[str, Mention] = {}
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
        claims[cid] = claim
        published[cid] = pts
        mentions[cid] = mention_of(claim, pts)
    return _Loaded(claims, published, mentions)


def _scope(conn: Conn, touched: Iterable[str]) -> _Loaded:
    """The claims to regroup with ``touched``: every claim of their buckets, closed
    under the buckets of the promises they were in and the pins that tie them."""
    first = _load(conn, "c.id IN (SELECT value FROM json_each(?))", [json.dumps(list(touched))])
    buckets = {m.bucket for m in first.mentions.values()}
    for (b,) in conn.execute(
        "SELECT DISTINCT p.bucket FROM mentions m JOIN promises p ON p.id = m.promise_id"
        " WHERE m.claim_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(touched)),),
    ):
        buckets.add(b)
    buckets |= {_twin(b) for b in buckets}  # "not reopen" is read beside "reopen"
    pins = _pins(conn)
    loaded = first
    done: set[str] = set()
    while buckets - done:
        todo = sorted(buckets - done)
        done |= set(todo)
        marks = json.dumps(todo)
        # Two indexed lookups (an OR across the join would scan every mention).
        more = _load(
            conn,
            "c.id IN (SELECT claim_id FROM mentions WHERE bucket IN (SELECT value FROM json_each(?))"
            " UNION SELECT m.claim_id FROM promises p JOIN mentions m ON m.promise_id = p.id"
            " WHERE p.bucket IN (SELECT value FROM json_each(?)))",
            [marks, marks],
        )
        loaded.claims.update(more.claims)
        loaded.published.update(more.published)
        loaded.mentions.update(more.mentions)
        labels = {pins[c] for c in loaded.claims if c in pins}
        partners = [c for c, lab in pins.items() if lab in labels and c not in loaded.claims]
        if partners:
            extra = _load(conn, "c.id IN (SELECT value FROM json_each(?))", [json.dumps(partners)])
            loaded.claims.update(extra.claims)
            loaded.published.update(extra.published)
            loaded.mentions.update(extra.mentions)
        buckets |= {m.bucket for m in loaded.mentions.values()}
        buckets |= {_twin(b) for b in buckets}
    return loaded


def _twin(bucket: str) -> str:
    """The bucket of the same act negated (or not): where reversals are found."""
    kind, head, verb = bucket.split("|", 2)
    return f"{kind}|{head}|{verb[4:] if verb.startswith('not ') else 'not ' + verb}"


def regroup(conn: Conn, touched: Iterable[str] | None = None, *, force: bool = False) -> list[str]:
    """Group the stored claims into promises again: those ``touched`` (claim ids just
    added, changed or retired) and every claim they may group with; None: all.  Ids
    already given are kept; a promise whose mentions did not change is not rewritten
    unless ``force`` (a correction changed its reading).  Returns the ids of the
    promises it holds."""
    if touched is None:
        loaded = _load(conn, "1 = 1", [])
        scope_all = True
    else:
        touched = list(touched)
        if not touched:
            return []
        loaded = _scope(conn, touched)
        scope_all = False
    pins = {c: p for c, p in _pins(conn).items() if c in loaded.claims}
    grouping = group(loaded.mentions.values(), pins)
    ids = _assign_ids(conn, grouping, pins, loaded)
    now = _now()
    # Mentions leaving the scope's promises (retired claims) go inactive.
    old_promises = _previous_promises(conn, loaded, touched, scope_all)
    unchanged = set() if force or touched is None else _unchanged(conn, grouping, ids)
    if unchanged:  # a claim just (re)stored may read differently: its promise is rewritten
        fresh = set(touched or ())
        unchanged -= {pid for g, pid in zip(grouping.groups, ids, strict=True) if fresh & set(g)}
    written: list[str] = []
    for members, pid in zip(grouping.groups, ids, strict=True):
        if pid not in unchanged:
            _write_promise(conn, pid, members, grouping, loaded, now)
        written.append(pid)
    placeholders = json.dumps(list(loaded.claims))
    conn.execute(
        "UPDATE mentions SET active = 0 WHERE active = 1 AND promise_id IN"
        " (SELECT value FROM json_each(?)) AND claim_id NOT IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(old_promises)), placeholders),
    )
    if touched is not None:
        conn.execute(
            "UPDATE mentions SET active = 0 WHERE claim_id IN (SELECT value FROM json_each(?))"
            " AND claim_id NOT IN (SELECT value FROM json_each(?))",
            (json.dumps(touched), placeholders),
        )
    for pid in sorted(old_promises - set(written)):
        conn.execute(
            "UPDATE promises SET retired_at = ?, mentions = 0 WHERE id = ? AND retired_at IS NULL",
            (now, pid),
        )
    _write_relations(
        conn, grouping, dict(zip((g[0] for g in grouping.groups), ids, strict=True)), loaded
    )
    return written


def _unchanged(conn: Conn, grouping: Grouping, ids: Sequence[str]) -> set[str]:
    """The promises whose stored mentions (claims, rules, joins) are exactly these."""
    stored: dict[str, set[tuple[str, str, str | None]]] = {}
    for cid, pid, rule, joined in conn.execute(
        "SELECT claim_id, promise_id, rule, joined FROM mentions WHERE active = 1 AND"
        " promise_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    ):
        stored.setdefault(pid, set()).add((cid, rule, joined))
    live = {
        r[0]
        for r in conn.execute(
            "SELECT id FROM promises WHERE retired_at IS NULL AND id IN"
            " (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
    }
    out: set[str] = set()
    for members, pid in zip(grouping.groups, ids, strict=True):
        now = {(c, grouping.links[c].rule, grouping.links[c].joined) for c in members}
        if pid in live and stored.get(pid) == now:
            out.add(pid)
    return out


def _previous_promises(
    conn: Conn, loaded: _Loaded, touched: Sequence[str] | None, scope_all: bool
) -> set[str]:
    if scope_all:
        return {r[0] for r in conn.execute("SELECT id FROM promises WHERE retired_at IS NULL")}
    wanted = json.dumps(sorted(set(loaded.claims) | set(touched or ())))
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT promise_id FROM mentions WHERE claim_id IN (SELECT value FROM json_each(?))",
            (wanted,),
        )
    }


def _assign_ids(
    conn: Conn, grouping: Grouping, pins: Mapping[str, str], loaded: _Loaded
) -> list[str]:
    """One id per group: its pinned promise, else the promise most of its mentions were
    in (the older on a tie), else a new one (its first mention's claim id)."""
    previous: dict[str, str] = {}
    for cid, pid in conn.execute(
        "SELECT claim_id, promise_id FROM mentions WHERE claim_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(loaded.claims)),),
    ):
        previous[cid] = pid
    # A claim that replaced another on re-extraction inherits the old one's promise.
    for old, new in conn.execute(
        "SELECT old_id, new_id FROM claim_moves WHERE new_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(loaded.claims)),),
    ):
        if new not in previous:
            row = conn.execute(
                "SELECT promise_id FROM mentions WHERE claim_id = ?", (old,)
            ).fetchone()
            if row is not None:
                previous[new] = row[0]
    # Only the promises these claims were in: a store of 100,000 is not read whole.
    known = sorted(set(previous.values()) | set(pins.values()))
    order = dict(
        conn.execute(
            "SELECT id, rowid FROM promises WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(known),),
        ).fetchall()
    )
    taken: set[str] = set()
    labels = set(pins.values())
    used = set(order) | labels  # ids given before (checked in the store as needed), and now
    out: list[str] = []
    for members in grouping.groups:
        label = next((pins[c] for c in members if c in pins), None)
        chosen = label
        if chosen is None:
            votes = Counter(previous[c] for c in members if c in previous)
            for pid, _n in sorted(
                votes.items(), key=lambda kv: (-kv[1], order.get(kv[0], 1 << 62), kv[0])
            ):
                if pid not in taken and pid not in labels:
                    chosen = pid
                    break
        if chosen is None:
            chosen = _new_id(conn, members[0], used)
        taken.add(chosen)
        used.add(chosen)
        out.append(chosen)
    return out


def _new_id(conn: Conn, first_claim: str, used: set[str]) -> str:
    def free(cand: str) -> bool:
        if cand in used:
            return False
        return conn.execute("SELECT 1 FROM promises WHERE id = ?", (cand,)).fetchone() is None

    if free(first_claim):
        return first_claim
    n = 1
    while True:
        cand = hashlib.sha256(f"{first_claim}:{n}".encode()).hexdigest()[:16]
        if free(cand):
            return cand
        n += 1


def _edits(conn: Conn, pid: str) -> list[dict[str, Any]]:
    return [
        json.loads(r[0])
        for r in conn.execute(
            "SELECT args FROM corrections WHERE promise_id = ? AND command = 'edit' ORDER BY id",
            (pid,),
        )
    ]


def _sources(conn: Conn, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    return source_dicts(conn, ids)


def source_dicts(conn: Conn, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """source id -> the ``source`` member of a mention's record (id, uri, title,
    published_at, publisher, reporter)."""
    out: dict[str, dict[str, Any]] = {}
    for sid, uri, title, published, publisher, meta in conn.execute(
        "SELECT id, uri, title, published_at, publisher, meta FROM sources"
        " WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(ids))),),
    ):
        out[sid] = {
            "id": sid,
            "uri": uri,
            "title": title,
            "published_at": published,
            "publisher": publisher,
            "reporter": reporter_of(json.loads(meta)) if meta and meta != "{}" else None,
        }
    return out


def _write_promise(
    conn: Conn,
    pid: str,
    members: Sequence[str],
    grouping: Grouping,
    loaded: _Loaded,
    now: str,
) -> None:
    claims = [loaded.claims[c] for c in members]
    first = claims[0]
    reading = effective_claim(first, claims, _edits(conn, pid))
    srcs = _sources(conn, (c.source_id for c in claims))
    times = [t for t in (loaded.published[c] for c in members) if t is not None]
    first_ts = min(times) if times else None
    first_seen = None if first_ts is None else datetime.fromtimestamp(first_ts, timezone.utc)
    mentions = [
        (
            c,
            srcs.get(c.source_id, source_record(None, c.source_id)),
            grouping.links[c.id].rule,
            grouping.links[c.id].joined,
        )
        for c in claims
    ]
    relations = [
        {"type": t, "id": o, "rule": r}
        for t, o, r in conn.execute(
            "SELECT type, other_id, rule FROM relations WHERE promise_id = ? ORDER BY type, other_id",
            (pid,),
        )
    ]
    record = promise_record(pid, reading, mentions, first_seen, relations)
    # Store-only, as in a claim's stored record: the actors' kinds and aliases.
    for key, actor in (("speaker_detail", reading.speaker), ("actor_detail", reading.actor)):
        if actor is not None:
            record[key] = {"kind": actor.kind.value, "aliases": list(actor.aliases)}
    write_promise_row(
        conn,
        pid,
        reading,
        record,
        first_ts,
        members,
        len(srcs),
        loaded.mentions[members[0]].bucket,
        now,
    )
    for c in members:
        link = grouping.links[c]
        conn.execute(
            "INSERT INTO mentions (claim_id, promise_id, bucket, rule, joined, active) VALUES (?,?,?,?,?,1)"
            " ON CONFLICT (claim_id) DO UPDATE SET promise_id = excluded.promise_id,"
            " bucket = excluded.bucket, rule = excluded.rule, joined = excluded.joined, active = 1",
            (c, pid, loaded.mentions[c].bucket, link.rule, link.joined),
        )


def write_promise_row(
    conn: Conn,
    pid: str,
    reading: Claim,
    record: Mapping[str, Any],
    first_ts: float | None,
    members: Sequence[str],
    n_sources: int,
    bucket: str,
    now: str,
) -> None:
    """Insert or update one promise's row from its reading and record."""
    due = reading.due
    values = (
        reading.kind.value,
        reading.actor.id if reading.actor else None,
        reading.speaker.id if reading.speaker else None,
        due.start.timestamp() if due is not None and due.start is not None else None,
        due.end.timestamp() if due is not None and due.end is not None else None,
        int(bool(due and due.vague)),
        int(bool(reading.condition)),
        first_ts,
        members[0],
        len(members),
        n_sources,
        bucket,
        json.dumps(record, ensure_ascii=False),
    )
    conn.execute(
        "INSERT INTO promises (kind, actor_id, speaker_id, due_start_ts, due_end_ts, due_vague,"
        " has_condition, first_seen_ts, first_claim, mentions, sources, bucket, record, id, created_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
        " kind = excluded.kind, actor_id = excluded.actor_id, speaker_id = excluded.speaker_id,"
        " due_start_ts = excluded.due_start_ts, due_end_ts = excluded.due_end_ts,"
        " due_vague = excluded.due_vague, has_condition = excluded.has_condition,"
        " first_seen_ts = excluded.first_seen_ts, first_claim = excluded.first_claim,"
        " mentions = excluded.mentions, sources = excluded.sources, bucket = excluded.bucket,"
        " record = excluded.record, retired_at = NULL",
        (*values, pid, now),
    )


def _write_relations(
    conn: Conn, grouping: Grouping, id_of_first: Mapping[str, str], loaded: _Loaded
) -> None:
    promise_of = {c: id_of_first[g[0]] for g in grouping.groups for c in g}
    found = [("revises", r) for r in grouping.revisions] + [
        ("reverses", r) for r in grouping.reversals
    ]
    for kind, (later, earlier, rule) in found:
        new, old = promise_of[later], promise_of[earlier]
        cur = conn.execute(
            "INSERT OR IGNORE INTO relations (promise_id, type, other_id, rule, claim_id) VALUES (?,?,?,?,?)",
            (new, kind, old, rule, later),
        )
        if cur.rowcount:
            verdict, reason = (
                ("broken", "postponed") if kind == "revises" else ("withdrawn", "reversed")
            )
            _record_change(conn, old, new, loaded.claims[later], rule, verdict, reason)
            _refresh_relations(conn, new)


def _refresh_relations(conn: Conn, pid: str) -> None:
    row = conn.execute("SELECT record FROM promises WHERE id = ?", (pid,)).fetchone()
    if row is None:
        return
    record = json.loads(row[0])
    record["relations"] = [
        {"type": t, "id": o, "rule": r}
        for t, o, r in conn.execute(
            "SELECT type, other_id, rule FROM relations WHERE promise_id = ? ORDER BY type, other_id",
            (pid,),
        )
    ]
    conn.execute(
        "UPDATE promises SET record = ? WHERE id = ?", (json.dumps(record, ensure_ascii=False), pid)
    )


def _record_change(
    conn: Conn,
    old: str,
    new: str,
    revising: Claim,
    rule: str,
    verdict: str,
    reason: str,
) -> None:
    """The earlier promise is broken (postponed) — or withdrawn (reversed) — from when
    the revising mention's source was published, once, unless it was kept by then."""
    row = conn.execute(
        "SELECT published_at, published_ts FROM sources WHERE id = ?", (revising.source_id,)
    ).fetchone()
    if row is None or row[0] is None:
        return
    known_at, known_ts = row
    kept = conn.execute(
        "SELECT 1 FROM evidence e JOIN mentions m ON m.claim_id = e.claim_id"
        " WHERE m.promise_id = ? AND m.active = 1 AND e.verdict IN ('kept', 'partially_kept')"
        " AND e.known_ts <= ?",
        (old, known_ts),
    ).fetchone()
    first = conn.execute("SELECT first_claim FROM promises WHERE id = ?", (old,)).fetchone()
    if kept is not None or first is None:
        return
    conn.execute(
        "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
        " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            first[0],
            verdict,
            reason,
            revising.source_id,
            None,
            revising.sentence or revising.text,
            None,
            known_at,
            known_ts,
            _now(),
            f"{GROUPER} (rule {rule})",
            "checker",
            0.8,
            f"{'revised' if verdict == 'broken' else 'taken back'} by promise {new}",
        ),
    )

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

from .grouping import RELATIONS, Grouping, extend, group
from .grouping_acts import mention_json, replaced_bucket
from .model import Claim, reporter_of
from .promises import effective_claim, promise_record
from .records import source_record
from .store_conn import Conn
from .store_promise_scope import TRACKED_KINDS, Loaded, load, pins, prior, resolve_moves, scope

__all__ = [
    "GROUPER",
    "TRACKED_KINDS",
    "regroup",
    "resolve_moves",
]

#: Who records the evidence a revision implies (a machine decision: it names its rule).
GROUPER = "claimtrack grouping"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def regroup(conn: Conn, touched: Iterable[str] | None = None, *, force: bool = False) -> list[str]:
    """Group the stored claims into promises again: those ``touched`` (claim ids just
    added, changed or retired) and every claim they may group with; None: all.  Ids
    already given are kept; a promise whose mentions did not change is not rewritten
    unless ``force`` (a correction changed its reading).  New claims coming after the
    stored ones resume the stored grouping (see :mod:`claimtrack.store_promise_scope`).
    Returns the ids of the promises it holds."""
    resumed = None
    if touched is None:
        loaded = load(conn, "1 = 1", [])
        scope_all = True
    else:
        touched = list(touched)
        if not touched:
            return []
        resumed = None if force else prior(conn, touched)
        scope_all = False
        loaded = resumed[0] if resumed is not None else scope(conn, touched)
    if resumed is not None:
        _, new, before = resumed
        tied: dict[str, str] = {}
        added = set(new)
        old = [m for c, m in loaded.mentions.items() if c not in added]
        # Only the promises the new claims join or make: the others stay as stored.
        grouping = extend(before, old, [loaded.mentions[c] for c in new], changed_only=True)
    else:
        tied = {c: p for c, p in pins(conn).items() if c in loaded.mentions}
        grouping = group(loaded.mentions.values(), tied)
    ids = _assign_ids(conn, grouping, tied, loaded)
    now = _now()
    # Mentions leaving the scope's promises (retired claims) go inactive.
    in_groups = [c for g in grouping.groups for c in g]
    old_promises = _previous_promises(
        conn, in_groups if resumed is not None else loaded.mentions, touched, scope_all
    )
    unchanged = set() if force or touched is None else _unchanged(conn, grouping, ids)
    if unchanged:  # a claim just (re)stored may read differently: its promise is rewritten
        fresh = set(touched or ())
        unchanged -= {pid for g, pid in zip(grouping.groups, ids, strict=True) if fresh & set(g)}
    loaded.ensure_claims(
        conn,
        (c for g, pid in zip(grouping.groups, ids, strict=True) if pid not in unchanged for c in g),
    )
    to_write = [
        (members, pid)
        for members, pid in zip(grouping.groups, ids, strict=True)
        if pid not in unchanged
    ]
    # One read of the sources and of which promises exist, for all of them.
    srcs = _sources(conn, (loaded.claims[c].source_id for g, _ in to_write for c in g))
    held = {
        r[0]
        for r in conn.execute(
            "SELECT id FROM promises WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps([pid for _, pid in to_write]),),
        )
    }
    for members, pid in to_write:
        _write_promise(conn, pid, members, grouping, loaded, now, srcs, known=pid in held)
    written = list(ids)
    placeholders = json.dumps(list(loaded.mentions))
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
    # Mentions stored before readings were kept get theirs now (a later add resumes).
    for cid in sorted(set(loaded.claims) & set(loaded.mentions)):
        m = loaded.mentions[cid]
        conn.execute(
            "UPDATE mentions SET reading = ?, replaced_bucket = ? WHERE claim_id = ?"
            " AND reading IS NULL",
            (mention_json(m), replaced_bucket(m), cid),
        )
    return written


def _unchanged(conn: Conn, grouping: Grouping, ids: Sequence[str]) -> set[str]:
    """The promises whose stored mentions (claims, rules, joins) are exactly these."""
    stored: dict[str, set[tuple[str, str, str | None]]] = {}
    for cid, pid, rule, joined in conn.execute(
        "SELECT m.claim_id, m.promise_id, m.rule, m.joined FROM mentions m WHERE +m.active = 1 AND"
        " m.promise_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    ):
        stored.setdefault(pid, set()).add((cid, rule, joined))
    live = {
        r[0]
        for r in conn.execute(
            # Unary + keeps the planner off the status index (it would scan every
            # live promise): the ids asked for are few.
            "SELECT p.id FROM promises p WHERE +p.retired_at IS NULL AND p.id IN"
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
    conn: Conn, claims: Iterable[str], touched: Sequence[str] | None, scope_all: bool
) -> set[str]:
    if scope_all:
        return {r[0] for r in conn.execute("SELECT id FROM promises WHERE retired_at IS NULL")}
    wanted = json.dumps(sorted(set(claims) | set(touched or ())))
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT promise_id FROM mentions WHERE claim_id IN (SELECT value FROM json_each(?))",
            (wanted,),
        )
    }


def _assign_ids(
    conn: Conn, grouping: Grouping, pins: Mapping[str, str], loaded: Loaded
) -> list[str]:
    """One id per group: its pinned promise, else the promise most of its mentions were
    in (the older on a tie), else a new one (its first mention's claim id)."""
    grouped = json.dumps([c for g in grouping.groups for c in g])
    previous: dict[str, str] = {}
    for cid, pid in conn.execute(
        "SELECT claim_id, promise_id FROM mentions WHERE claim_id IN (SELECT value FROM json_each(?))",
        (grouped,),
    ):
        previous[cid] = pid
    # A claim that replaced another on re-extraction inherits the old one's promise.
    for old, new in conn.execute(
        "SELECT old_id, new_id FROM claim_moves WHERE new_id IN (SELECT value FROM json_each(?))",
        (grouped,),
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
    loaded: Loaded,
    now: str,
    all_sources: Mapping[str, dict[str, Any]],
    *,
    known: bool = True,
) -> None:
    """Write one promise (``known``: its id is stored, so it may have edits and
    relations; a new one has neither)."""
    claims = [loaded.claims[c] for c in members]
    first = claims[0]
    reading = effective_claim(first, claims, _edits(conn, pid) if known else [])
    srcs = {c.source_id: all_sources[c.source_id] for c in claims if c.source_id in all_sources}
    times = [t for t in (loaded.mentions[c].published_ts for c in members) if t is not None]
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
        for t, o, r in (
            conn.execute(
                "SELECT type, other_id, rule FROM relations WHERE promise_id = ?"
                " ORDER BY type, other_id",
                (pid,),
            )
            if known
            else ()
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
        m = loaded.mentions[c]
        conn.execute(
            "INSERT INTO mentions (claim_id, promise_id, bucket, rule, joined, active, reading,"
            " replaced_bucket) VALUES (?,?,?,?,?,1,?,?)"
            " ON CONFLICT (claim_id) DO UPDATE SET promise_id = excluded.promise_id,"
            " bucket = excluded.bucket, rule = excluded.rule, joined = excluded.joined, active = 1,"
            " reading = excluded.reading, replaced_bucket = excluded.replaced_bucket",
            (c, pid, m.bucket, link.rule, link.joined, mention_json(m), replaced_bucket(m)),
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
    conn: Conn, grouping: Grouping, id_of_first: Mapping[str, str], loaded: Loaded
) -> None:
    promise_of = {c: id_of_first[g[0]] for g in grouping.groups for c in g}
    for later, earlier, rule_name in grouping.relations:
        rule = RELATIONS[rule_name]
        new, old = _promise(promise_of, loaded, later), _promise(promise_of, loaded, earlier)
        held = conn.execute(
            "SELECT other_claim FROM relations WHERE promise_id = ? AND type = ? AND other_id = ?",
            (new, rule.relation, old),
        ).fetchone()
        if held is not None:
            if held[0] is None:  # stored before relations named their earlier claim
                conn.execute(
                    "UPDATE relations SET other_claim = ? WHERE promise_id = ? AND type = ?"
                    " AND other_id = ?",
                    (earlier, new, rule.relation, old),
                )
            continue
        conn.execute(
            "INSERT INTO relations (promise_id, type, other_id, rule, claim_id, other_claim)"
            " VALUES (?,?,?,?,?,?)",
            (new, rule.relation, old, rule_name, later, earlier),
        )
        if rule.verdict is not None and rule.reason is not None:
            loaded.ensure_claims(conn, [later])
            _record_change(
                conn, old, new, loaded.claims[later], rule_name, rule.verdict, rule.reason
            )
        _refresh_relations(conn, new)


def _promise(promise_of: Mapping[str, str], loaded: Loaded, claim: str) -> str:
    """The promise of a claim: as grouped now, else (a group left as it was) as stored."""
    if claim in promise_of:
        return promise_of[claim]
    stored = loaded.stored.get(claim)
    assert stored is not None, claim
    return stored[0]


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
            f"{'revised' if verdict == 'broken' else 'taken back'} by promise {new}"
            + (f" ({reason})" if verdict == "broken" else ""),
        ),
    )

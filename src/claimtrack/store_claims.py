"""The ledger's claims and actors, in the SQL both engines share.  What re-extraction
does to a source's claims is decided by :mod:`claimtrack.reextraction`, how an actor
seen again is kept by :mod:`claimtrack.stored_actors`: this module only stores it.
Mixed into :class:`claimtrack.store.SQLStore`."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import store_open
from .actors import ActorRegistry
from .errors import InputError, StoreError
from .model import Actor, Claim, ClaimKind, Source
from .records import claim_from_record, store_record
from .reextraction import HeldClaim, carried_note, keeps_its_own, plan_reextraction
from .store_conn import Conn
from .store_promises import regroup
from .store_rows import now, ts
from .stored_actors import StoredActor, merge_seen, registry_of

__all__ = ["ClaimRows"]

_CARRIED_COLUMNS = (
    "verdict, reason, source_id, uri, excerpt, happened_at, known_at, known_ts,"
    " recorded_at, recorded_by, recorder, confidence"
)


class ClaimRows:
    """Claims and actors; mixed into :class:`claimtrack.store.SQLStore`."""

    _conn: Conn
    path: Path | str

    if TYPE_CHECKING:
        warn: Callable[[StoreError], None]

        def transaction(self) -> AbstractContextManager[Conn]: ...

        def _one(self, table: str, key: str, sql: str) -> tuple[Any, ...]: ...

        def _claim(self, claim_id: str, record: object) -> Claim | None: ...

    def _replace_claims(
        self,
        conn: Conn,
        source: Source,
        claims: Sequence[Claim],
        replace: Collection[str] | None = None,
        *,
        regroup_now: bool = True,
    ) -> None:
        """Store ``claims`` as the source's claims of the extractors in ``replace``, as
        :func:`claimtrack.reextraction.plan_reextraction` plans it."""
        stamp = now().isoformat()
        held = [
            HeldClaim(r[0], (r[1], r[2]), r[3])
            for r in conn.execute(
                "SELECT id, span_start, span_end, json_extract(record, '$.extractor') FROM claims"
                " WHERE source_id = ? AND retired_at IS NULL",
                (source.id,),
            )
        ]
        plan = plan_reextraction(held, claims, replace)
        for claim in claims:
            for actor in (claim.speaker, claim.actor):
                if actor is not None:
                    self._upsert_actor(conn, actor)
            values = self._claim_values(claim, source)
            row = conn.execute(
                "SELECT retired_at IS NULL, json_extract(record, '$.extractor') FROM claims"
                " WHERE id = ?",
                (claim.id,),
            ).fetchone()
            if row is not None and keeps_its_own(bool(row[0]), row[1], replace):
                continue
            if row is not None:
                conn.execute(
                    "UPDATE claims SET kind = ?, span_start = ?, span_end = ?, speaker_id = ?, actor_id = ?,"
                    " due_start_ts = ?, due_end_ts = ?, due_vague = ?, has_condition = ?, record = ?,"
                    " retired_at = NULL WHERE id = ?",
                    (*values, claim.id),
                )
            else:
                conn.execute(
                    "INSERT INTO claims (kind, span_start, span_end, speaker_id, actor_id, due_start_ts,"
                    " due_end_ts, due_vague, has_condition, record, id, source_id, added_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (*values, claim.id, source.id, stamp),
                )
        for cid in plan.retire:
            conn.execute("UPDATE claims SET retired_at = ? WHERE id = ?", (stamp, cid))
            target = plan.moves.get(cid)
            if target is not None:
                self._carry(conn, cid, target, stamp)
        if regroup_now:
            regroup(conn, [*plan.replaced, *{c.id for c in claims}])

    @staticmethod
    def _carry(conn: Conn, old_id: str, new_id: str, stamp: str) -> None:
        # Corrections naming the old claim apply to the one that replaced it.
        conn.execute(
            "INSERT INTO claim_moves (old_id, new_id, moved_at) VALUES (?,?,?)"
            " ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
            (old_id, new_id, stamp),
        )
        # Evidence is append-only: it is copied to the claim that replaced this one.
        rows = conn.execute(
            f"SELECT {_CARRIED_COLUMNS}, note FROM evidence WHERE claim_id = ? ORDER BY id",
            (old_id,),
        ).fetchall()
        for r in rows:
            conn.execute(
                f"INSERT INTO evidence (claim_id, {_CARRIED_COLUMNS}, note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (new_id, *tuple(r)[:12], carried_note(old_id, r[12])),
            )

    def add_person_claim(self, source: Source, claim: Claim) -> None:
        """Store a claim a person recorded by hand (``claimtrack add-claim``) beside the
        extracted ones, and group it."""
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM claims WHERE id = ?", (claim.id,)).fetchone():
                raise InputError(
                    f"claim {claim.id} (the same words and speaker) is already stored;"
                    f" correct it with `claimtrack edit {claim.id[:8]}` instead"
                )
            for actor in (claim.speaker, claim.actor):
                if actor is not None:
                    self._upsert_actor(conn, actor)
            conn.execute(
                "INSERT INTO claims (kind, span_start, span_end, speaker_id, actor_id, due_start_ts,"
                " due_end_ts, due_vague, has_condition, record, id, source_id, added_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*self._claim_values(claim, source), claim.id, source.id, now().isoformat()),
            )
            regroup(conn, [claim.id])

    @staticmethod
    def _claim_values(claim: Claim, source: Source) -> tuple[Any, ...]:
        record = store_record(claim, source)
        due = claim.due
        return (
            claim.kind.value,
            claim.span[0],
            claim.span[1],
            claim.speaker.id if claim.speaker else None,
            claim.actor.id if claim.actor else None,
            ts(due.start) if due else None,
            ts(due.end) if due else None,
            int(bool(due and due.vague)),
            int(bool(claim.condition)),
            json.dumps(record, ensure_ascii=False),
        )

    def _upsert_actor(self, conn: Conn, actor: Actor) -> None:
        row = conn.execute(
            "SELECT id, name, kind, aliases FROM actors WHERE id = ?", (actor.id,)
        ).fetchone()
        if row is None:
            kept = merge_seen(None, actor)
            conn.execute(
                "INSERT INTO actors (id, name, kind, aliases) VALUES (?,?,?,?)",
                (kept.id, kept.name, kept.kind, json.dumps(list(kept.aliases))),
            )
            return
        kept = merge_seen(_stored_actor(row), actor)
        conn.execute(
            "UPDATE actors SET name = ?, aliases = ? WHERE id = ?",
            (kept.name, json.dumps(list(kept.aliases)), actor.id),
        )

    def get_claim(self, claim_id: str) -> Claim:
        """The claim with this id or unique id prefix (retired claims too)."""
        row = self._one("claims", claim_id, "SELECT id, record FROM claims WHERE id {}")
        claim, problem = store_open.damaged_record(row[0], row[1], claim_from_record)
        if problem is not None:
            raise StoreError(f"{self.path}: {problem.removesuffix('; it was skipped')}")
        return claim  # type: ignore[no-any-return]

    def claims_of(self, source_id: str) -> list[Claim]:
        """The active claims of a source, in text order."""
        rows = self._conn.execute(
            "SELECT id, record FROM claims WHERE source_id = ? AND retired_at IS NULL ORDER BY span_start, span_end, id",
            (source_id,),
        ).fetchall()
        return [c for r in rows if (c := self._claim(r[0], r[1])) is not None]

    def claims(
        self,
        *,
        kinds: Iterable[ClaimKind] | None = None,
        actor_ids: Iterable[str] | None = None,
        due_after: datetime | None = None,
    ) -> list[Claim]:
        """Active claims, narrowed by kind, actor (who must act, or the speaker) and a
        due window ending after ``due_after`` (undated claims included)."""
        sql = "SELECT id, record FROM claims WHERE retired_at IS NULL"
        args: list[Any] = []
        if kinds is not None:
            ks = [k.value for k in kinds]
            sql += f" AND kind IN ({','.join('?' * len(ks))})"
            args += ks
        if actor_ids is not None:
            ids = list(actor_ids)
            marks = ",".join("?" * len(ids))
            sql += f" AND (actor_id IN ({marks}) OR speaker_id IN ({marks}))"
            args += ids + ids
        if due_after is not None:
            sql += " AND (due_end_ts IS NULL OR due_end_ts > ?)"
            args.append(due_after.timestamp())
        sql += " ORDER BY source_id, span_start, span_end, id"
        rows = self._conn.execute(sql, args).fetchall()
        return [c for r in rows if (c := self._claim(r[0], r[1])) is not None]

    def claim_sources(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """claim id -> source id."""
        out: dict[str, str] = {}
        ids = list(claim_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                self._conn.execute(
                    f"SELECT id, source_id FROM claims WHERE id IN ({marks})", chunk
                ).fetchall()
            )
        return out

    def get_actor(self, actor_id: str) -> Actor | None:
        """The stored actor with this id (with every alias learnt so far), or None."""
        row = self._conn.execute(
            "SELECT id, name, kind, aliases FROM actors WHERE id = ?", (actor_id,)
        ).fetchone()
        if row is None:
            return None
        return Actor(id=row[0], name=row[1], kind=row[2], aliases=tuple(json.loads(row[3])))

    def registry(self) -> ActorRegistry:
        """Every stored actor, as a registry (:func:`claimtrack.stored_actors.registry_of`)."""
        return registry_of(
            _stored_actor(r)
            for r in self._conn.execute("SELECT id, name, kind, aliases FROM actors ORDER BY id")
        )

    def save_actors(self, actors: Iterable[Actor]) -> None:
        """Store (or merge aliases into) these actors."""
        with self.transaction() as conn:
            for actor in actors:
                self._upsert_actor(conn, actor)


def _stored_actor(row: Sequence[Any]) -> StoredActor:
    return StoredActor(row[0], row[1], row[2], tuple(json.loads(row[3])))

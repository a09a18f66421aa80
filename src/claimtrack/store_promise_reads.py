"""Reading and correcting promises in the store (a mixin of :class:`SQLiteStore`).

Status per promise is derived like status per claim (``status.decide``): SQL reads the
few columns of each promise and, per promise, only the evidence that can decide it,
over the evidence of all its mentions, leaving out verdicts a person retracted by then.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from .errors import NotFoundError
from .model import FINAL_VERDICTS, INTERIM_VERDICTS, ClaimKind, Evidence
from .store_conn import Conn
from .store_promises import regroup, resolve_moves
from .store_rows import EVIDENCE_COLUMNS, RECORDER_RANK_SQL, evidence_from_row

__all__ = ["Correction", "PromiseReads", "PromiseSummary"]

_E_COLUMNS = ", ".join(f"e.{c.strip()}" for c in EVIDENCE_COLUMNS.split(","))


class PromiseSummary(NamedTuple):
    """The columns of a promise that its status and its place in the report need."""

    id: str
    kind: str
    actor_id: str | None
    speaker_id: str | None
    due_start_ts: float | None
    due_end_ts: float | None
    due_vague: int
    has_condition: int
    first_seen_ts: float | None
    mentions: int
    sources: int


@attrs.frozen(kw_only=True)
class Correction:
    """One correction a person made: ``command`` (edit, merge, split, retract,
    add-claim), the values as typed (``typed``) and as applied (``args``), who, when."""

    id: int
    promise_id: str
    command: str
    args: dict[str, Any]
    note: str | None
    recorded_by: str
    recorded_at: datetime
    known_at: datetime | None = None
    evidence_id: int | None = None

    @property
    def typed(self) -> dict[str, Any]:
        """The values as the person typed them."""
        typed = self.args.get("typed", {})
        return dict(typed) if isinstance(typed, dict) else {}


def _first_seen_order(s: PromiseSummary) -> tuple[float, str]:
    return (float("inf") if s.first_seen_ts is None else s.first_seen_ts, s.id)


class PromiseReads:
    """Promise queries and corrections; mixed into :class:`claimtrack.store.SQLiteStore`."""

    _conn: Conn
    path: Path | str

    def transaction(self) -> AbstractContextManager[Conn]:
        raise NotImplementedError  # provided by SQLiteStore

    # -- lookup -------------------------------------------------------------------------

    def find_promise(self, key: str) -> str:
        """The id of the promise ``key`` names: a promise id, a claim (mention) id, or a
        unique prefix of either (a claim acts on its promise)."""
        key = key.strip()
        if not key:
            raise NotFoundError("an empty id names no promise")
        conn = self._conn
        if conn.execute("SELECT 1 FROM promises WHERE id = ?", (key,)).fetchone():
            return key
        found = self._promise_of_claim(key)
        if found is not None:
            return found
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        hits = {
            r[0]
            for r in conn.execute(
                "SELECT id FROM promises WHERE id LIKE ? ESCAPE '\\' LIMIT 3", (escaped,)
            )
        }
        for (cid,) in conn.execute(
            "SELECT id FROM claims WHERE id LIKE ? ESCAPE '\\' LIMIT 3", (escaped,)
        ):
            pid = self._promise_of_claim(cid)
            if pid is not None:
                hits.add(pid)
        if not hits:
            raise NotFoundError(
                f"no promise or claim with id {key!r} in {self.path}; `claimtrack status` lists them"
            )
        if len(hits) > 1:
            raise NotFoundError(
                f"the id prefix {key!r} matches several promises; give more characters"
            )
        return str(hits.pop())

    def has_promise(self, promise_id: str) -> bool:
        """Whether this id was ever given to a promise (ids are never reused)."""
        return (
            self._conn.execute("SELECT 1 FROM promises WHERE id = ?", (promise_id,)).fetchone()
            is not None
        )

    def _promise_of_claim(self, claim_id: str) -> str | None:
        cid = resolve_moves(self._conn, [claim_id])[claim_id]
        row = self._conn.execute(
            "SELECT promise_id FROM mentions WHERE claim_id = ? ORDER BY active DESC", (cid,)
        ).fetchone()
        return None if row is None else str(row[0])

    def promise_of_claims(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """claim id -> its (active) promise's id."""
        return dict(
            self._conn.execute(
                "SELECT claim_id, promise_id FROM mentions WHERE active = 1 AND claim_id IN"
                " (SELECT value FROM json_each(?))",
                (json.dumps(list(dict.fromkeys(claim_ids))),),
            ).fetchall()
        )

    def promise_record(self, promise_id: str) -> dict[str, Any]:
        """The stored public record of a promise (without status)."""
        row = self._conn.execute(
            "SELECT record FROM promises WHERE id = ?", (promise_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no promise {promise_id!r} in {self.path}")
        record: dict[str, Any] = json.loads(row[0])
        record.pop("speaker_detail", None)
        record.pop("actor_detail", None)
        return record

    def promise_first_claim(self, promise_id: str) -> str:
        """The claim id of a promise's first mention."""
        row = self._conn.execute(
            "SELECT first_claim FROM promises WHERE id = ?", (promise_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no promise {promise_id!r} in {self.path}")
        return str(row[0])

    def promise_first_claims(self, promise_ids: Iterable[str]) -> dict[str, str]:
        """promise id -> the claim id of its first mention, for these promises at once
        (one query, however many; an id that is no promise is left out)."""
        return {
            str(pid): str(first)
            for pid, first in self._conn.execute(
                "SELECT id, first_claim FROM promises WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(dict.fromkeys(promise_ids))),),
            ).fetchall()
        }

    def mention_ids(self, promise_id: str) -> list[str]:
        """The claim ids of a promise's active mentions, in canonical order."""
        record = self.promise_record(promise_id)
        return [m["id"] for m in record.get("mentions", ())]

    def revised_by(self, promise_id: str) -> list[tuple[str, str, str]]:
        """(type, promise id, rule) of the promises that point at this one."""
        return [
            (r[0], r[1], r[2])
            for r in self._conn.execute(
                "SELECT type, promise_id, rule FROM relations WHERE other_id = ? ORDER BY promise_id",
                (promise_id,),
            )
        ]

    # -- status narrowing --------------------------------------------------------------

    def promise_summaries(
        self,
        *,
        kinds: Iterable[ClaimKind] | None = None,
        actor_ids: Iterable[str] | None = None,
        seen_by: datetime | None = None,
    ) -> list[PromiseSummary]:
        """Every live promise of ``kinds`` whose actor or speaker is one of ``actor_ids``
        (None: any), first seen by ``seen_by`` (None: whenever), in first-seen order."""
        sql = (
            "SELECT id, kind, actor_id, speaker_id, due_start_ts, due_end_ts, due_vague,"
            " has_condition, first_seen_ts, mentions, sources FROM promises WHERE retired_at IS NULL"
        )
        damaged = self._damaged_promises()
        args: list[Any] = []
        if kinds is not None:
            ks = [k.value for k in kinds]
            sql += f" AND kind IN ({','.join('?' * len(ks))})"
            args += ks
        if actor_ids is not None:
            ids = json.dumps(list(actor_ids))
            sql += (
                " AND (actor_id IN (SELECT value FROM json_each(?))"
                " OR speaker_id IN (SELECT value FROM json_each(?)))"
            )
            args += [ids, ids]
        if seen_by is not None:
            sql += " AND (first_seen_ts IS NULL OR first_seen_ts <= ?)"
            args.append(seen_by.timestamp())
        # Sorted here: with several kinds, SQL would sort 100,000 rows in a temporary tree.
        rows = list(map(PromiseSummary._make, self._conn.execute(sql, args)))
        if damaged:
            rows = [r for r in rows if r.id not in damaged]
        rows.sort(key=_first_seen_order)
        return rows

    def _damaged_promises(self) -> set[str]:
        """Promises whose first mention's stored claim record is damaged (not a JSON
        claim record of its id): each is named once (``warn``) and left out."""
        out: set[str] = set()
        for pid, cid in self._conn.execute(
            "SELECT p.id, p.first_claim FROM promises p JOIN claims c ON c.id = p.first_claim"
            " WHERE p.retired_at IS NULL AND NOT (json_valid(c.record)"
            " AND json_type(c.record) = 'object' AND json_extract(c.record, '$.id') = c.id)"
        ):
            self._skip(
                cid,
                f"claim {cid}: its stored record is damaged (not a JSON claim record of this"
                " id); it was skipped",
            )
            out.add(pid)
        return out

    def _skip(self, claim_id: str, problem: str) -> None:
        raise NotImplementedError  # provided by SQLiteStore

    def promise_evidence(
        self, as_of: datetime, promise_ids: Iterable[str] | None = None, *, decisive: bool = True
    ) -> dict[str, list[Evidence]]:
        """promise id -> the evidence of its mentions known by ``as_of`` and not retracted
        by then: only what can decide its status (``decisive``: the top-ranked final and
        interim verdicts and every ``condition_met``), else all of it."""
        at = as_of.timestamp()
        finals = ",".join(f"'{v.value}'" for v in sorted(FINAL_VERDICTS))
        interim = ",".join(f"'{v.value}'" for v in sorted(INTERIM_VERDICTS))
        base = (
            f"SELECT {_E_COLUMNS}, e.known_ts AS known_ts, m.promise_id AS pid FROM evidence e"
            " JOIN mentions m ON m.claim_id = e.claim_id AND m.active = 1"
            " WHERE e.known_ts <= ? AND e.id NOT IN (SELECT evidence_id FROM corrections"
            " WHERE command = 'retract' AND known_ts <= ?)"
        )
        args: list[Any] = [at, at]
        if promise_ids is not None:
            base += " AND m.promise_id IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(list(dict.fromkeys(promise_ids))))
        if decisive:
            sql = (
                f"SELECT {EVIDENCE_COLUMNS}, pid FROM (SELECT *, RANK() OVER ("
                f" PARTITION BY pid, CASE WHEN verdict IN ({finals}) THEN 1"
                f" WHEN verdict IN ({interim}) THEN 2 ELSE 3 END"
                f" ORDER BY {RECORDER_RANK_SQL} DESC, known_ts DESC"
                f") AS rk FROM ({base}) AS evidence_of) AS ranked WHERE rk = 1 ORDER BY id"
            )
        else:
            sql = f"SELECT {EVIDENCE_COLUMNS}, pid FROM ({base}) AS evidence_of ORDER BY id"
        out: dict[str, list[Evidence]] = {}
        for r in self._conn.execute(sql, args):
            out.setdefault(r[-1], []).append(evidence_from_row(r[:-1]))
        return out

    def promise_records_json(
        self, promise_ids: Sequence[str], *, public: bool = True
    ) -> dict[str, str]:
        """promise id -> its stored record as JSON text (no parsing in Python): the
        public record, or with ``public=False`` also the store-only actor details."""
        out: dict[str, str] = {}
        column = "json_remove(record, '$.speaker_detail', '$.actor_detail')" if public else "record"
        if len(promise_ids) > 5000:
            keep = set(promise_ids)
            for pid, text in self._conn.execute(
                f"SELECT id, {column} FROM promises WHERE retired_at IS NULL"
            ):
                if pid in keep:
                    out[pid] = text
            return out
        for pid, text in self._conn.execute(
            f"SELECT id, {column} FROM promises WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(promise_ids)),),
        ):
            out[pid] = text
        return out

    def promise_history(self, promise_id: str) -> list[Evidence]:
        """Every evidence entry of a promise's active mentions, in recorded order."""
        rows = self._conn.execute(
            f"SELECT {_E_COLUMNS} FROM evidence e JOIN mentions m ON m.claim_id = e.claim_id"
            " WHERE m.promise_id = ? AND m.active = 1 ORDER BY e.id",
            (promise_id,),
        ).fetchall()
        return [evidence_from_row(r) for r in rows]

    # -- corrections -------------------------------------------------------------------

    def corrections_of(self, promise_id: str) -> list[Correction]:
        """The corrections made to a promise (or naming it), oldest first."""
        out: list[Correction] = []
        for r in self._conn.execute(
            "SELECT id, promise_id, command, args, note, recorded_by, recorded_at, known_ts,"
            " evidence_id FROM corrections WHERE promise_id = ? OR id IN (SELECT c.id FROM"
            " corrections c, json_each(c.args, '$.from') j WHERE c.command = 'merge' AND j.value = ?)"
            " ORDER BY id",
            (promise_id, promise_id),
        ):
            out.append(
                Correction(
                    id=r[0],
                    promise_id=r[1],
                    command=r[2],
                    args=json.loads(r[3]),
                    note=r[4],
                    recorded_by=r[5],
                    recorded_at=datetime.fromisoformat(r[6]),
                    known_at=None if r[7] is None else datetime.fromtimestamp(r[7], timezone.utc),
                    evidence_id=r[8],
                )
            )
        return out

    def retracted(self) -> set[int]:
        """Ids of the evidence a person has retracted (whenever it counts from)."""
        return {
            int(r[0])
            for r in self._conn.execute(
                "SELECT evidence_id FROM corrections WHERE command = 'retract'"
            )
        }

    def add_correction(
        self,
        promise_id: str,
        command: str,
        args: dict[str, Any],
        *,
        note: str | None,
        by: str,
        known_at: datetime | None = None,
        evidence_id: int | None = None,
        regroup_claims: Iterable[str] = (),
    ) -> int:
        """Append a correction and regroup what it touches, in one transaction; returns
        its id."""
        now = datetime.now(timezone.utc)
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO corrections (promise_id, command, args, note, recorded_by,"
                " recorded_at, evidence_id, known_ts) VALUES (?,?,?,?,?,?,?,?)",
                (
                    promise_id,
                    command,
                    json.dumps(args, ensure_ascii=False),
                    note,
                    by,
                    now.isoformat(),
                    evidence_id,
                    None if known_at is None else known_at.timestamp(),
                ),
            )
            touched = list(regroup_claims)
            if touched:
                regroup(conn, touched, force=True)
            return int(cur.lastrowid or 0)

    def regroup(self, claim_ids: Iterable[str] | None = None) -> list[str]:
        """Group the stored claims again (those touching ``claim_ids``; None: all)."""
        with self.transaction() as conn:
            return regroup(conn, None if claim_ids is None else list(claim_ids))

"""The SQLite store: the only module that speaks SQL.

One file, no server: WAL journal, a busy timeout and ``BEGIN IMMEDIATE`` for every write
(so two processes can add at once without "database is locked" reaching the user),
every write in one transaction, schema version and migrations (``migrations.py``).
Sources are stored once by content hash; evidence is append-only (a trigger refuses
updates and deletes).
"""

from __future__ import annotations

import json
import sqlite3
import time
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, TypeVar

from . import store_open
from .actors import ActorRegistry, merged_names, normalise_name
from .errors import InputError, NotFoundError, StoreError
from .model import (
    FINAL_VERDICTS,
    INTERIM_VERDICTS,
    Actor,
    Claim,
    ClaimKind,
    Evidence,
    Source,
    SourceRef,
)
from .records import claim_from_record, store_record
from .store_conn import Conn
from .store_promise_reads import PromiseReads
from .store_promises import regroup
from .store_rows import EVIDENCE_COLUMNS as _EVIDENCE_COLUMNS
from .store_rows import RECORDER_RANK_SQL
from .store_rows import evidence_from_row as _evidence
from .store_suggestions import SuggestionStore

#: Claims whose extractor name starts with this were recorded by a person
#: (``claimtrack add-claim``): re-extraction never retires them.
PERSON_EXTRACTOR = "person"

__all__ = ["ClaimSummary", "SQLStore", "SQLiteStore", "StoreView"]

AddOutcome = Literal["added", "unchanged", "updated", "rederived"]
T = TypeVar("T")
S = TypeVar("S", bound="SQLStore")

_BUSY_TIMEOUT_MS = 60_000
_LOCK_RETRIES = 20


class StoreView(Protocol):
    """The read-only view of the ledger that checkers receive."""

    def get_source(self, source_id: str) -> Source: ...

    def sources(
        self, *, published_after: datetime | None = None, published_before: datetime | None = None
    ) -> Iterator[Source]: ...

    def claims_of(self, source_id: str) -> list[Claim]: ...

    def evidence_for(self, claim_id: str) -> list[Evidence]: ...

    def registry(self) -> ActorRegistry: ...

    def get_actor(self, actor_id: str) -> Actor | None: ...


def _ts(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _warn_default(error: StoreError) -> None:
    warnings.warn(str(error), UserWarning, stacklevel=3)


class SQLStore(PromiseReads, SuggestionStore):
    """The ledger's SQL, shared by both engines (SQLite's spelling; see
    :mod:`claimtrack.store_conn`): a backend adds its connection and its transactions."""

    path: Path | str
    read_only: bool
    warn: Callable[[StoreError], None]
    damaged: dict[str, str]
    _conn: Conn

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self: S) -> S:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Conn]:
        """One write transaction: all of it lands, or none."""
        raise NotImplementedError

    def _same_fields(self, stored: tuple[Any, ...], given: tuple[Any, ...]) -> bool:
        """Whether a stored source's (uri, title, publisher, published_at, language,
        meta) are the given ones: as stored text, where the engine keeps it as written."""
        return stored == given

    def after_copy(self, conn: Conn) -> None:
        """What the engine needs once rows were copied in with their ids
        (:mod:`claimtrack.store_copy`): nothing for SQLite."""

    def _claim(self, claim_id: str, record: object) -> Claim | None:
        # A damaged record is named and skipped: one bad row never takes a report down.
        claim, problem = store_open.damaged_record(claim_id, record, claim_from_record)
        if problem is not None:
            self._skip(claim_id, problem)
        return claim  # type: ignore[no-any-return]

    def _skip(self, claim_id: str, problem: str) -> None:
        if claim_id not in self.damaged:
            self.damaged[claim_id] = problem
            self.warn(StoreError(f"{self.path}: {problem}"))

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """The rows of one query (for modules that keep a table of their own)."""
        return [tuple(r) for r in self._conn.execute(sql, args).fetchall()]

    def write(self, sql: str, rows: Iterable[tuple[object, ...]]) -> None:
        """One statement over ``rows``, in one write transaction."""
        with self.transaction() as conn:
            conn.executemany(sql, rows)

    # -- sources ----------------------------------------------------------------------

    def add_source(
        self,
        source: Source,
        claims: Sequence[Claim] | None = None,
        *,
        rederive: bool = False,
        replace: Collection[str] | None = None,
    ) -> AddOutcome:
        """Store ``source`` (and, when given, replace its claims) in one transaction.

        The same text with the same metadata is a no-op ("unchanged": its claims are not
        touched) unless ``rederive`` asks for its claims to be replaced ("rederived");
        changed metadata updates the source and re-derives its claims ("updated").

        ``replace`` names the extractors whose claims ``claims`` replace (those that ran
        and succeeded on this source): the stored claims of any other extractor (one
        that failed, or was not run) are kept as they are.  None replaces every claim."""
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT uri, title, publisher, published_at, language, meta FROM sources WHERE id = ?",
                (source.id,),
            ).fetchone()
            meta = _meta_json(source)
            fields = (
                source.uri,
                source.title,
                source.publisher,
                _iso(source.published_at),
                source.language,
                meta,
            )
            if row is not None and self._same_fields(tuple(row), fields):
                if not rederive or claims is None:
                    return "unchanged"
                self._replace_claims(conn, source, claims, replace)
                return "rederived"
            if row is None:
                _insert_source(conn, source)
                outcome: AddOutcome = "added"
            else:
                conn.execute(
                    "UPDATE sources SET uri = ?, title = ?, publisher = ?, published_at = ?,"
                    " published_ts = ?, retrieved_at = ?, language = ?, meta = ? WHERE id = ?",
                    (
                        source.uri,
                        source.title,
                        source.publisher,
                        _iso(source.published_at),
                        _ts(source.published_at),
                        _iso(source.retrieved_at),
                        source.language,
                        meta,
                        source.id,
                    ),
                )
                outcome = "updated"
            if claims is not None:
                self._replace_claims(conn, source, claims, replace)
            return outcome

    def has_source(self, source_id: str) -> bool:
        """Whether a source with this id is stored."""
        return (
            self._conn.execute("SELECT 1 FROM sources WHERE id = ?", (source_id,)).fetchone()
            is not None
        )

    def get_source(self, source_id: str) -> Source:
        """The stored source with this id (or unique id prefix)."""
        row = self._one("sources", source_id, "SELECT * FROM sources WHERE id {}")
        return self._source(row)

    def _source(self, row: sqlite3.Row | tuple[Any, ...]) -> Source:
        (
            sid,
            uri,
            title,
            publisher,
            published_at,
            _pts,
            retrieved_at,
            language,
            meta,
            text,
            _added,
        ) = tuple(row)
        return Source(
            id=sid,
            uri=uri,
            title=title,
            publisher=publisher,
            published_at=_dt(published_at),
            retrieved_at=_dt(retrieved_at),
            language=language,
            meta=json.loads(meta),
            text=text,
        )

    def source_refs(self, ids: Iterable[str] | None = None) -> dict[str, SourceRef]:
        """Metadata (no text) of the given sources, or of all."""
        sql = "SELECT id, uri, title, publisher, published_at, meta FROM sources"
        if ids is None:
            rows = self._conn.execute(sql).fetchall()
        else:
            # Only the sources asked for: a report of 20 rows need not read 100,000.
            rows = []
            for chunk in _chunks(sorted(set(ids))):
                marks = ",".join("?" * len(chunk))
                rows += self._conn.execute(f"{sql} WHERE id IN ({marks})", chunk).fetchall()
        return {
            r[0]: SourceRef(
                id=r[0],
                uri=r[1],
                title=r[2],
                publisher=r[3],
                published_at=_dt(r[4]),
                meta=json.loads(r[5]) if r[5] and r[5] != "{}" else None,
            )
            for r in rows
        }

    def sources(
        self, *, published_after: datetime | None = None, published_before: datetime | None = None
    ) -> Iterator[Source]:
        """Stored sources in publication order, optionally within (after, before]."""
        sql = "SELECT * FROM sources WHERE 1 = 1"
        args: list[Any] = []
        if published_after is not None:
            sql += " AND published_ts > ?"
            args.append(published_after.timestamp())
        if published_before is not None:
            sql += " AND published_ts <= ?"
            args.append(published_before.timestamp())
        sql += " ORDER BY published_ts, id"
        for row in self._conn.execute(sql, args).fetchall():
            yield self._source(row)

    def count(self, table: Literal["sources", "claims", "evidence", "actors"]) -> int:
        """Rows in a table (claims: active ones only)."""
        where = " WHERE retired_at IS NULL" if table == "claims" else ""
        return int(self._conn.execute(f"SELECT COUNT(*) FROM {table}{where}").fetchone()[0])

    # -- claims -----------------------------------------------------------------------

    def _replace_claims(
        self,
        conn: Conn,
        source: Source,
        claims: Sequence[Claim],
        replace: Collection[str] | None = None,
        *,
        regroup_now: bool = True,
    ) -> None:
        now = _now().isoformat()
        old = {
            r[0]: ((r[1], r[2]), r[3])
            for r in conn.execute(
                "SELECT id, span_start, span_end, json_extract(record, '$.extractor') FROM claims"
                " WHERE source_id = ? AND retired_at IS NULL",
                (source.id,),
            )
            # A failed (or unselected) extractor's claims stay as they were.
            if replace is None or r[3] in replace
        }
        new_ids = {c.id for c in claims}
        for claim in claims:
            for actor in (claim.speaker, claim.actor):
                if actor is not None:
                    self._upsert_actor(conn, actor)
            values = self._claim_values(claim, source)
            held = conn.execute(
                "SELECT retired_at IS NULL, json_extract(record, '$.extractor') FROM claims"
                " WHERE id = ?",
                (claim.id,),
            ).fetchone()
            if held is not None and held[0] and replace is not None and held[1] not in replace:
                continue  # the same claim, kept by an extractor not replaced now: its own
            if held is not None:
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
                    (*values, claim.id, source.id, now),
                )
        gone = [
            cid
            for cid in old
            if cid not in new_ids and not str(old[cid][1] or "").startswith(PERSON_EXTRACTOR)
        ]
        for cid in gone:
            conn.execute("UPDATE claims SET retired_at = ? WHERE id = ?", (now, cid))
            span, extractor = old[cid]
            # Evidence follows a claim of the same extractor only: a person's verdict is
            # never moved onto what another extractor made of the sentence.
            target = _best_overlap(span, [c for c in claims if c.extractor == extractor])
            if target is None:
                continue
            # Corrections naming the old claim apply to the one that replaced it.
            conn.execute(
                "INSERT INTO claim_moves (old_id, new_id, moved_at) VALUES (?,?,?)"
                " ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id",
                (cid, target, now),
            )
            # Evidence is append-only: it is copied to the claim that replaced this one.
            rows = conn.execute(
                "SELECT verdict, reason, source_id, uri, excerpt, happened_at, known_at, known_ts,"
                " recorded_at, recorded_by, recorder, confidence, note FROM evidence WHERE claim_id = ?"
                " ORDER BY id",
                (cid,),
            ).fetchall()
            for r in rows:
                note = f"moved from claim {cid} when the source was re-extracted" + (
                    f"; {r[12]}" if r[12] else ""
                )
                conn.execute(
                    "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
                    " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (target, *tuple(r)[:12], note),
                )
        if regroup_now:
            regroup(conn, [*old, *new_ids])

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
                (*self._claim_values(claim, source), claim.id, source.id, _now().isoformat()),
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
            _ts(due.start) if due else None,
            _ts(due.end) if due else None,
            int(bool(due and due.vague)),
            int(bool(claim.condition)),
            json.dumps(record, ensure_ascii=False),
        )

    def _upsert_actor(self, conn: Conn, actor: Actor) -> None:
        row = conn.execute("SELECT name, aliases FROM actors WHERE id = ?", (actor.id,)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO actors (id, name, kind, aliases) VALUES (?,?,?,?)",
                (actor.id, actor.name, actor.kind.value, json.dumps(list(actor.aliases))),
            )
            return
        # A later article may give a fuller form of the name ("Keir Starmer" for "Starmer").
        name, aliases = merged_names(row[0], json.loads(row[1]), actor.name, actor.aliases)
        conn.execute(
            "UPDATE actors SET name = ?, aliases = ? WHERE id = ?",
            (name, json.dumps(aliases), actor.id),
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

    # -- actors -----------------------------------------------------------------------

    def get_actor(self, actor_id: str) -> Actor | None:
        """The stored actor with this id (with every alias learnt so far), or None."""
        row = self._conn.execute(
            "SELECT id, name, kind, aliases FROM actors WHERE id = ?", (actor_id,)
        ).fetchone()
        if row is None:
            return None
        return Actor(id=row[0], name=row[1], kind=row[2], aliases=tuple(json.loads(row[3])))

    def registry(self) -> ActorRegistry:
        """Every stored actor, as a registry."""
        reg = ActorRegistry()
        for aid, name, kind, aliases in self._conn.execute(
            "SELECT id, name, kind, aliases FROM actors ORDER BY id"
        ):
            # Two stored actors may share a name's key ("the Glen Rosa" stored as
            # the-glen-rosa before ids dropped "the", and "Glen Rosa"): the first keeps
            # the name, the other keeps only the names nobody else has.
            names = [n for n in (name, *json.loads(aliases)) if _free(reg, n, aid)]
            if not names:
                continue
            reg.add(Actor(id=aid, name=names[0], kind=kind, aliases=tuple(names[1:])))
        return reg

    def save_actors(self, actors: Iterable[Actor]) -> None:
        """Store (or merge aliases into) these actors."""
        with self.transaction() as conn:
            for actor in actors:
                self._upsert_actor(conn, actor)

    # -- evidence ---------------------------------------------------------------------

    def add_evidence(self, evidence: Evidence, *, skip_duplicate: bool = False) -> Evidence | None:
        """Append ``evidence``; return it with its id.  With ``skip_duplicate``, evidence
        already held (same claim, verdict, recorder, source, excerpt) is not added again
        and None is returned."""
        with self.transaction() as conn:
            if (
                conn.execute("SELECT 1 FROM claims WHERE id = ?", (evidence.claim_id,)).fetchone()
                is None
            ):
                raise NotFoundError(f"no claim {evidence.claim_id!r} in {self.path}")
            if (
                skip_duplicate
                and conn.execute(
                    "SELECT 1 FROM evidence WHERE claim_id = ? AND verdict = ? AND recorded_by = ?"
                    " AND source_id IS ? AND excerpt IS ?",
                    (
                        evidence.claim_id,
                        evidence.verdict.value,
                        evidence.recorded_by,
                        evidence.source_id,
                        evidence.excerpt,
                    ),
                ).fetchone()
            ):
                return None
            cur = conn.execute(
                "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
                " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    evidence.claim_id,
                    evidence.verdict.value,
                    evidence.reason,
                    evidence.source_id,
                    evidence.uri,
                    evidence.excerpt,
                    _iso(evidence.happened_at),
                    _iso(evidence.known_at),
                    _ts(evidence.known_at),
                    _iso(evidence.recorded_at),
                    evidence.recorded_by,
                    evidence.recorder.value,
                    evidence.confidence,
                    evidence.note,
                ),
            )
            return _with_id(evidence, int(cur.lastrowid or 0))

    def add_evidence_many(self, evidence: Iterable[Evidence]) -> int:
        """Append many evidence entries in ONE transaction (imports, benchmarks): all
        land or none.  Every claim must exist.  Returns how many were added."""
        rows = [
            (
                e.claim_id,
                e.verdict.value,
                e.reason,
                e.source_id,
                e.uri,
                e.excerpt,
                _iso(e.happened_at),
                _iso(e.known_at),
                _ts(e.known_at),
                _iso(e.recorded_at),
                e.recorded_by,
                e.recorder.value,
                e.confidence,
                e.note,
            )
            for e in evidence
        ]
        with self.transaction() as conn:
            wanted = sorted({r[0] for r in rows})
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                found = {
                    r[0]
                    for r in conn.execute(f"SELECT id FROM claims WHERE id IN ({marks})", chunk)
                }
                missing = set(chunk) - found
                if missing:
                    raise NotFoundError(f"no claim {sorted(missing)[0]!r} in {self.path}")
            conn.executemany(
                "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
                " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
        return len(rows)

    def evidence_for(self, claim_id: str) -> list[Evidence]:
        """Every evidence entry of a claim, in the order it was recorded."""
        rows = self._conn.execute(
            f"SELECT {_EVIDENCE_COLUMNS} FROM evidence WHERE claim_id = ? ORDER BY id", (claim_id,)
        ).fetchall()
        return [_evidence(r) for r in rows]

    def evidence_known_by(
        self, as_of: datetime, claim_ids: Iterable[str] | None = None
    ) -> dict[str, list[Evidence]]:
        """claim id -> its evidence known by ``as_of`` (all claims, or the given ones)."""
        out: dict[str, list[Evidence]] = {}
        sql = f"SELECT {_EVIDENCE_COLUMNS} FROM evidence WHERE known_ts <= ?"
        if claim_ids is None:
            rows = self._conn.execute(sql + " ORDER BY id", (as_of.timestamp(),)).fetchall()
        else:
            ids = list(claim_ids)
            rows = []
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._conn.execute(
                    sql + f" AND claim_id IN ({marks}) ORDER BY id", (as_of.timestamp(), *chunk)
                ).fetchall()
        for r in rows:
            ev = _evidence(r)
            out.setdefault(ev.claim_id, []).append(ev)
        return out

    # -- status narrowing -----------------------------------------------------------
    #
    # Status is derived in Python by one function (status.derive_status / decide); SQL
    # only narrows what it reads: the few columns a status needs instead of whole
    # records, and per claim only the evidence that can decide it.

    def claim_summaries(
        self,
        *,
        kinds: Iterable[ClaimKind] | None = None,
        actor_ids: Iterable[str] | None = None,
        with_asserted: bool = False,
    ) -> list[ClaimSummary]:
        """The columns a status needs, for every active claim of ``kinds`` whose actor
        or speaker is one of ``actor_ids`` (None: any), without parsing any record.

        ``asserted_at`` is read (from the record) only ``with_asserted``, else None;
        ``published_ts`` is the source's publication time, for ordering."""
        asserted = "json_extract(c.record, '$.asserted_at')" if with_asserted else "NULL"
        sql = (
            "SELECT c.id, c.source_id, c.kind, c.actor_id, c.speaker_id, c.due_start_ts,"
            f" c.due_end_ts, c.due_vague, c.has_condition, {asserted}, s.published_ts"
            " FROM claims c LEFT JOIN sources s ON s.id = c.source_id WHERE c.retired_at IS NULL"
        )
        args: list[Any] = []
        if kinds is not None:
            ks = [k.value for k in kinds]
            sql += f" AND c.kind IN ({','.join('?' * len(ks))})"
            args += ks
        if actor_ids is not None:
            ids = list(actor_ids)
            marks = ",".join("?" * len(ids))
            sql += f" AND (c.actor_id IN ({marks}) OR c.speaker_id IN ({marks}))"
            args += ids + ids
        sql += " ORDER BY c.source_id, c.span_start, c.span_end, c.id"
        return list(map(ClaimSummary._make, self._conn.execute(sql, args)))

    def decisive_evidence(
        self, as_of: datetime, claim_ids: Iterable[str] | None = None
    ) -> dict[str, list[Evidence]]:
        """claim id -> the evidence known by ``as_of`` that can decide its status: the
        top-ranked final verdicts, the top-ranked interim ones and the
        ``condition_met`` entries (each group: person first, then latest ``known_at``;
        ties are all kept so Python's ``rank_key`` breaks them exactly).

        ``status.derive_status`` over these rows equals it over all of a claim's rows."""
        finals = ",".join(f"'{v.value}'" for v in sorted(FINAL_VERDICTS))
        interim = ",".join(f"'{v.value}'" for v in sorted(INTERIM_VERDICTS))
        # RANK() (not ROW_NUMBER) keeps every row tied on (person, known_ts): the later
        # tie-breakers (recorded_at with its offset, id, verdict name) are Python's.
        sql = (
            f"SELECT {_EVIDENCE_COLUMNS} FROM ("
            f"SELECT {_EVIDENCE_COLUMNS}, RANK() OVER ("
            f" PARTITION BY claim_id, CASE WHEN verdict IN ({finals}) THEN 1"
            f" WHEN verdict IN ({interim}) THEN 2 ELSE 3 END"
            f" ORDER BY {RECORDER_RANK_SQL} DESC, known_ts DESC"
            ") AS rk FROM evidence WHERE known_ts <= ?"
        )
        args: list[Any] = [as_of.timestamp()]
        wanted: set[str] | None = None
        if claim_ids is not None:
            wanted = set(claim_ids)
            if len(wanted) <= 500:
                marks = ",".join("?" * len(wanted))
                sql += f" AND claim_id IN ({marks})"
                args += sorted(wanted)
                wanted = None
        sql += ") AS ranked WHERE rk = 1 ORDER BY id"
        out: dict[str, list[Evidence]] = {}
        for r in self._conn.execute(sql, args).fetchall():
            if wanted is not None and r[1] not in wanted:
                continue
            out.setdefault(r[1], []).append(_evidence(r))
        return out

    def claims_by_id(self, claim_ids: Iterable[str]) -> dict[str, Claim]:
        """The claims with these exact ids (retired ones too), parsed."""
        out: dict[str, Claim] = {}
        for chunk in _chunks(list(dict.fromkeys(claim_ids))):
            marks = ",".join("?" * len(chunk))
            for cid, record in self._conn.execute(
                f"SELECT id, record FROM claims WHERE id IN ({marks})", chunk
            ):
                if (claim := self._claim(cid, record)) is not None:
                    out[cid] = claim
        return out

    def claim_records(self, claim_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The public claim records (DESIGN: the JSON Lines claim record, without
        ``status`` and ``progress``) of these claims, straight from the stored JSON:
        no :class:`Claim` is built, which matters when a report lists 100,000."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(claim_ids))):
            marks = ",".join("?" * len(chunk))
            for cid, record in self._conn.execute(
                f"SELECT id, record FROM claims WHERE id IN ({marks})", chunk
            ):
                data, problem = store_open.damaged_record(cid, record, dict)
                if problem is not None:
                    self._skip(cid, problem)
                    continue
                for key in _STORE_ONLY_KEYS:
                    data.pop(key, None)
                data.setdefault("rules", [])  # a record stored before claims had rules
                if isinstance(data.get("due"), dict):
                    data["due"].pop("reference", None)
                out[cid] = data
        return out

    def claim_records_json(self, claim_ids: Iterable[str]) -> dict[str, str]:
        """Like :meth:`claim_records`, as JSON text made by SQLite (``json_remove`` of the
        store-only members), so a JSON report of 100,000 commitments neither parses nor
        re-encodes them in Python."""
        wanted = list(dict.fromkeys(claim_ids))
        strip = ", ".join(f"'{path}'" for path in _STORE_ONLY_PATHS)
        # json_insert adds "rules" (last, as claim_record puts it) only where a record
        # stored before claims had rules lacks it.
        sql = (
            "SELECT id, CASE WHEN json_valid(record) AND json_type(record) = 'object'"
            " AND json_extract(record, '$.id') = id"
            f" THEN json_insert(json_remove(record, {strip}), '$.rules', json('[]')) END FROM claims"
        )
        out: dict[str, str] = {}
        if len(wanted) > 5000:
            # Most of the store: one pass beats thousands of IN (...) lookups.
            keep = set(wanted)
            for cid, text in self._conn.execute(sql + " WHERE retired_at IS NULL"):
                if cid in keep:
                    out[cid] = text
            missing = [cid for cid in wanted if cid not in out]
        else:
            missing = wanted
        for chunk in _chunks(missing):
            marks = ",".join("?" * len(chunk))
            out.update(self._conn.execute(f"{sql} WHERE id IN ({marks})", chunk).fetchall())
        for cid in [cid for cid, text in out.items() if text is None]:  # not JSON: skipped
            del out[cid]
            problem = "not a JSON claim record of this id"
            self._skip(
                cid, f"claim {cid}: its stored record is damaged ({problem}); it was skipped"
            )
        return out

    def actor_names(self, actor_ids: Iterable[str] | None = None) -> dict[str, str]:
        """actor id -> name (of the given actors, or all)."""
        if actor_ids is None:
            return dict(self._conn.execute("SELECT id, name FROM actors").fetchall())
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(actor_ids))):
            marks = ",".join("?" * len(chunk))
            out.update(
                self._conn.execute(
                    f"SELECT id, name FROM actors WHERE id IN ({marks})", chunk
                ).fetchall()
            )
        return out

    def add_many(self, items: Iterable[tuple[Source, Sequence[Claim]]]) -> int:
        """Store many sources with their claims in ONE transaction (bulk imports and
        benchmarks): all land or none.  Sources already stored are skipped whole.
        Returns how many sources were added."""
        added = 0
        touched: list[str] = []
        with self.transaction() as conn:
            for source, claims in items:
                if conn.execute("SELECT 1 FROM sources WHERE id = ?", (source.id,)).fetchone():
                    continue
                _insert_source(conn, source)
                self._replace_claims(conn, source, claims, regroup_now=False)
                touched.extend(c.id for c in claims)
                added += 1
            regroup(conn, touched)
        return added

    # -- lookup -----------------------------------------------------------------------

    def _one(self, table: str, key: str, sql: str) -> tuple[Any, ...]:
        key = key.strip()
        if not key:
            raise NotFoundError(f"an empty id names no {table[:-1]}")
        row = self._conn.execute(sql.format("= ?"), (key,)).fetchone()
        if row is not None:
            return tuple(row)
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._conn.execute(
            sql.format("LIKE ? ESCAPE '\\'") + " LIMIT 3", (escaped + "%",)
        ).fetchall()
        if not rows:
            raise NotFoundError(f"no {table[:-1]} with id {key!r} in {self.path}")
        if len(rows) > 1:
            raise NotFoundError(
                f"the id prefix {key!r} matches several {table}; give more characters"
            )
        return tuple(rows[0])


def _free(reg: ActorRegistry, name: str, actor_id: str) -> bool:
    owner = reg.resolve(name)
    return (owner is None or owner.id == actor_id) and bool(normalise_name(name))


def _meta_json(source: Source) -> str:
    return json.dumps(dict(source.meta), sort_keys=True, default=str)


def _insert_source(conn: Conn, source: Source) -> None:
    conn.execute(
        "INSERT INTO sources (id, uri, title, publisher, published_at, published_ts,"
        " retrieved_at, language, meta, text, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            source.id,
            source.uri,
            source.title,
            source.publisher,
            _iso(source.published_at),
            _ts(source.published_at),
            _iso(source.retrieved_at),
            source.language,
            _meta_json(source),
            source.text,
            _now().isoformat(),
        ),
    )


def _with_id(evidence: Evidence, new_id: int) -> Evidence:
    import attrs

    return attrs.evolve(evidence, id=new_id)


def _best_overlap(span: tuple[int, int], claims: Sequence[Claim]) -> str | None:
    best: tuple[int, str] | None = None
    for claim in claims:
        overlap = min(span[1], claim.span[1]) - max(span[0], claim.span[0])
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim.id)
    return None if best is None else best[1]


class ClaimSummary(NamedTuple):
    """The columns of a claim that its status and its place in the report need."""

    id: str
    source_id: str
    kind: str
    actor_id: str | None
    speaker_id: str | None
    due_start_ts: float | None
    due_end_ts: float | None
    due_vague: int  # 0 or 1, as SQLite holds it
    has_condition: int  # 0 or 1
    asserted_at: str | None
    published_ts: float | None


# Keys the store keeps in a claim's record beside the public ones (see _claim_values).
_STORE_ONLY_KEYS = ("speaker_detail", "actor_detail", "exact")
_STORE_ONLY_PATHS = (*(f"$.{key}" for key in _STORE_ONLY_KEYS), "$.due.reference")


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    # SQLite caps bound parameters (999 in old builds): query in slices.
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SQLiteStore(SQLStore):
    """The ledger in one SQLite file (created, with its schema, when missing)."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        warn: Callable[[StoreError], None] | None = None,
    ) -> None:
        """``read_only`` opens the store for reading only (see :mod:`claimtrack.store_open`):
        no write lock, no change to the file.  ``warn`` is told of each damaged record
        skipped (default: a :class:`UserWarning`); ``damaged`` keeps them by claim id."""
        self.path: Path = Path(path)
        self.read_only = read_only
        self.warn = warn or _warn_default
        self.damaged: dict[str, str] = {}
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"{self.path}: the folder {self.path.parent} does not exist")
        self._conn = store_open.connect(
            self.path, read_only=read_only, timeout_ms=_BUSY_TIMEOUT_MS, retry=self._retry
        )

    # -- transactions ---------------------------------------------------------------

    def _retry(self, fn: Callable[[], T]) -> T:
        # busy_timeout covers most contention; this covers the cases SQLite reports
        # as SQLITE_BUSY at once (e.g. a lock upgrade in WAL mode).
        delay = 0.05
        for attempt in range(_LOCK_RETRIES):
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if attempt == _LOCK_RETRIES - 1:
                    raise StoreError(
                        f"{self.path}: the store stayed locked by another process; try again"
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
        raise AssertionError("unreachable")

    @contextmanager
    def transaction(self) -> Iterator[Conn]:
        """One write transaction (``BEGIN IMMEDIATE``): all of it lands, or none.  A disk
        that is full, a read-only file or a damaged one is a :class:`StoreError` naming
        the store and what to do."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened for reading only; nothing can be written")
        try:
            self._retry(lambda: self._conn.execute("BEGIN IMMEDIATE"))
        except sqlite3.Error as exc:
            raise store_open.store_error(self.path, exc) from exc
        try:
            yield self._conn
        except sqlite3.Error as exc:
            self._rollback()
            raise store_open.store_error(self.path, exc) from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self._retry(lambda: self._conn.execute("COMMIT"))
        except sqlite3.Error as exc:
            self._rollback()
            raise store_open.store_error(self.path, exc) from exc

    def _rollback(self) -> None:
        # SQLite may have rolled back already (a full disk does): nothing to undo then.
        with suppress(sqlite3.Error):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")

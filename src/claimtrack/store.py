"""The store's SQL and the SQLite backend.

:class:`SQLStore` is the ledger's SQL both engines share, put together from the
tables' own parts (:mod:`claimtrack.store_sources`, :mod:`claimtrack.store_claims`,
:mod:`claimtrack.store_evidence`, promises and suggestions) and the status narrowing
below; what the ledger decides is plain code those parts call
(:mod:`claimtrack.reextraction`, :mod:`claimtrack.duplicates`,
:mod:`claimtrack.stored_actors`).  A backend adds only its connection and its
transactions.

:class:`SQLiteStore` is one file, no server: WAL journal, a busy timeout and ``BEGIN
IMMEDIATE`` for every write (so two processes can add at once without "database is
locked" reaching the user), every write in one transaction, schema version and
migrations (:mod:`claimtrack.migrations`).  Sources are stored once by content hash;
evidence is append-only (a trigger refuses updates and deletes).
"""

from __future__ import annotations

import sqlite3
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, TypeVar

from . import store_open
from .actors import ActorRegistry
from .errors import NotFoundError, StoreError
from .model import (
    FINAL_VERDICTS,
    INTERIM_VERDICTS,
    Actor,
    Claim,
    ClaimKind,
    Evidence,
    Source,
)
from .records import claim_from_record
from .reextraction import PERSON_EXTRACTOR
from .store_claims import ClaimRows
from .store_conn import Conn
from .store_evidence import EvidenceRows
from .store_promise_reads import PromiseReads
from .store_rows import EVIDENCE_COLUMNS as _EVIDENCE_COLUMNS
from .store_rows import RECORDER_RANK_SQL
from .store_rows import chunks as _chunks
from .store_rows import evidence_from_row as _evidence
from .store_sources import SourceRows
from .store_status import StatusReads
from .store_status_index import refresh as refresh_status
from .store_suggestions import SuggestionStore

__all__ = ["PERSON_EXTRACTOR", "ClaimSummary", "SQLStore", "SQLiteStore", "StoreView"]

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


def _warn_default(error: StoreError) -> None:
    warnings.warn(str(error), UserWarning, stacklevel=3)


class SQLStore(SourceRows, ClaimRows, EvidenceRows, PromiseReads, SuggestionStore, StatusReads):
    """The ledger's SQL, shared by both engines (SQLite's spelling; see
    :mod:`claimtrack.store_conn`): a backend adds its connection and its transactions."""

    path: Path | str
    read_only: bool
    #: Whether a time reads back as the text it was written with (SQLite), rather than
    #: as its instant in UTC (PostgreSQL's ``timestamptz``): see ``db copy``.
    keeps_time_text = True
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
            refresh_status(self._conn)  # the status index of what this transaction changed
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

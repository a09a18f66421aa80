"""What a ledger backend provides: the :class:`Store` protocol.

The Tracker, the CLI and the report talk to a ``Store``; two backends implement it:
:class:`claimtrack.store.SQLiteStore` (one file, the default) and
:class:`claimtrack.store_pg.PostgresStore` (a shared server).  :func:`open_store` picks
one from ``--db``: a ``postgresql://`` URL, else a file path.  Checkers receive the
read-only :class:`claimtrack.store.StoreView`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .errors import StoreError

if TYPE_CHECKING:
    from .actors import ActorRegistry
    from .model import Actor, Claim, ClaimKind, Evidence, Source, SourceRef
    from .status import StatusLine
    from .store import AddOutcome, ClaimSummary
    from .store_promise_reads import Correction, PromiseSummary
    from .store_status import StatusQuery
    from .store_suggestions import Suggestion

__all__ = ["POSTGRES_SCHEMES", "Store", "is_postgres_url", "open_store"]

#: URL schemes that name a PostgreSQL server.
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(db: str | Path) -> bool:
    """Whether ``--db`` names a PostgreSQL server rather than a file."""
    return str(db).lower().startswith(POSTGRES_SCHEMES)


def open_store(
    db: str | Path, *, read_only: bool = False, warn: Callable[[StoreError], None] | None = None
) -> Store:
    """The ledger ``db`` names: a PostgreSQL server for a ``postgresql://`` URL, else an
    SQLite file (created when missing, unless ``read_only``)."""
    if is_postgres_url(db):
        try:
            from .store_pg import PostgresStore  # the driver is imported only when needed
        except ImportError as exc:
            raise StoreError(
                f"{db}: a PostgreSQL store needs the psycopg driver, which is not installed "
                f"({exc.name or exc}); pip install 'claimtrack[postgresql]'"
            ) from exc
        return PostgresStore(str(db), read_only=read_only, warn=warn)
    from .store import SQLiteStore

    return SQLiteStore(db, read_only=read_only, warn=warn)


class Store(Protocol):
    """The operations on the ledger that claimtrack uses (both backends provide them)."""

    @property
    def path(self) -> Path | str:
        """Where the ledger is (a file path, or a URL without its password)."""
        ...

    @property
    def read_only(self) -> bool: ...

    #: Damaged records skipped while reading, by claim id.
    damaged: dict[str, str]
    warn: Callable[[StoreError], None]

    def close(self) -> None: ...

    def read(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]: ...

    def write(self, sql: str, rows: Iterable[tuple[object, ...]]) -> None: ...

    # -- sources
    def add_source(
        self,
        source: Source,
        claims: Sequence[Claim] | None = None,
        *,
        rederive: bool = False,
        replace: Collection[str] | None = None,
    ) -> AddOutcome: ...

    def add_many(self, items: Iterable[tuple[Source, Sequence[Claim]]]) -> int: ...

    def has_source(self, source_id: str) -> bool: ...

    def get_source(self, source_id: str) -> Source: ...

    def source_refs(self, ids: Iterable[str] | None = None) -> dict[str, SourceRef]: ...

    def sources(
        self, *, published_after: datetime | None = None, published_before: datetime | None = None
    ) -> Iterator[Source]: ...

    def count(self, table: Literal["sources", "claims", "evidence", "actors"]) -> int: ...

    # -- claims
    def add_person_claim(self, source: Source, claim: Claim) -> None: ...

    def get_claim(self, claim_id: str) -> Claim: ...

    def claims_of(self, source_id: str) -> list[Claim]: ...

    def claims(
        self,
        *,
        kinds: Iterable[ClaimKind] | None = None,
        actor_ids: Iterable[str] | None = None,
        due_after: datetime | None = None,
    ) -> list[Claim]: ...

    def claim_sources(self, claim_ids: Iterable[str]) -> dict[str, str]: ...

    def claims_by_id(self, claim_ids: Iterable[str]) -> dict[str, Claim]: ...

    def claim_records(self, claim_ids: Iterable[str]) -> dict[str, dict[str, Any]]: ...

    def claim_records_json(self, claim_ids: Iterable[str]) -> dict[str, str]: ...

    def claim_summaries(
        self,
        *,
        kinds: Iterable[ClaimKind] | None = None,
        actor_ids: Iterable[str] | None = None,
        with_asserted: bool = False,
    ) -> list[ClaimSummary]: ...

    # -- actors
    def get_actor(self, actor_id: str) -> Actor | None: ...

    def registry(self) -> ActorRegistry: ...

    def save_actors(self, actors: Iterable[Actor]) -> None: ...

    def actor_names(self, actor_ids: Iterable[str] | None = None) -> dict[str, str]: ...

    # -- evidence
    def add_evidence(
        self, evidence: Evidence, *, skip_duplicate: bool = False
    ) -> Evidence | None: ...

    def add_evidence_many(self, evidence: Iterable[Evidence]) -> int: ...

    def evidence_for(self, claim_id: str) -> list[Evidence]: ...

    def evidence_known_by(
        self, as_of: datetime, claim_ids: Iterable[str] | None = None
    ) -> dict[str, list[Evidence]]: ...

    def decisive_evidence(
        self, as_of: datetime, claim_ids: Iterable[str] | None = None
    ) -> dict[str, list[Evidence]]: ...

    # -- promises
    def find_promise(self, key: str) -> str: ...

    def has_promise(self, promise_id: str) -> bool: ...

    def promise_of_claims(self, claim_ids: Iterable[str]) -> dict[str, str]: ...

    def promise_record(self, promise_id: str) -> dict[str, Any]: ...

    def promise_first_claim(self, promise_id: str) -> str: ...

    def promise_first_claims(self, promise_ids: Iterable[str]) -> dict[str, str]: ...

    def mention_ids(self, promise_id: str) -> list[str]: ...

    def revised_by(self, promise_id: str) -> list[tuple[str, str, str]]: ...

    def promise_summaries(
        self,
        *,
        kinds: Iterable[ClaimKind] | None = None,
        actor_ids: Iterable[str] | None = None,
        seen_by: datetime | None = None,
    ) -> list[PromiseSummary]: ...

    def promise_evidence(
        self, as_of: datetime, promise_ids: Iterable[str] | None = None, *, decisive: bool = True
    ) -> dict[str, list[Evidence]]: ...

    def promise_records_json(
        self, promise_ids: Sequence[str], *, public: bool = True
    ) -> dict[str, str]: ...

    def promise_history(self, promise_id: str) -> list[Evidence]: ...

    def corrections_of(self, promise_id: str) -> list[Correction]: ...

    def retracted(self) -> set[int]: ...

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
    ) -> int: ...

    def regroup(self, claim_ids: Iterable[str] | None = None) -> list[str]: ...

    # -- the checker's suggestions (claimtrack.store_suggestions) ------------------

    def holds(self, evidence: Evidence) -> bool: ...

    def add_suggestion(self, evidence: Evidence) -> Evidence | None: ...

    def suggestions_of(self, promise_ids: Sequence[str]) -> dict[str, list[Suggestion]]: ...

    def get_suggestion(self, number: int) -> Suggestion: ...

    # -- the report, decided in the database (claimtrack.store_status) -------------

    def has_status_index(self) -> bool: ...

    def status_tally(self, q: StatusQuery) -> list[tuple[str | None, str, str | None, int]]: ...

    def status_section(self, section: str, q: StatusQuery, limit: int | None) -> Iterator[str]: ...

    def status_exceptions(self, q: StatusQuery) -> tuple[list[str], list[StatusLine]]: ...

    def status_stream(
        self, q: StatusQuery, *, ids: Sequence[str] | None = None, chunk: int = 2000
    ) -> Iterator[StatusLine]: ...

"""The ledger's sources, in the SQL both engines share: stored once by content hash,
updated when their metadata changes (their claims re-derived, :mod:`claimtrack.reextraction`).
Mixed into :class:`claimtrack.store.SQLStore`."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from .model import Claim, Source, SourceRef
from .store_conn import Conn
from .store_promises import regroup
from .store_rows import chunks, dt, iso, now, ts

if TYPE_CHECKING:
    from .store import AddOutcome

__all__ = ["SourceRows"]


class SourceRows:
    """Sources; mixed into :class:`claimtrack.store.SQLStore`."""

    _conn: Conn

    if TYPE_CHECKING:

        def transaction(self) -> AbstractContextManager[Conn]: ...

        def _same_fields(self, stored: tuple[Any, ...], given: tuple[Any, ...]) -> bool: ...

        def _one(self, table: str, key: str, sql: str) -> tuple[Any, ...]: ...

        def _replace_claims(
            self,
            conn: Conn,
            source: Source,
            claims: Sequence[Claim],
            replace: Collection[str] | None = None,
            *,
            regroup_now: bool = True,
        ) -> None: ...

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
                iso(source.published_at),
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
                        iso(source.published_at),
                        ts(source.published_at),
                        iso(source.retrieved_at),
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

    def _source(self, row: Sequence[Any]) -> Source:
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
            published_at=dt(published_at),
            retrieved_at=dt(retrieved_at),
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
            for chunk in chunks(sorted(set(ids))):
                marks = ",".join("?" * len(chunk))
                rows += self._conn.execute(f"{sql} WHERE id IN ({marks})", chunk).fetchall()
        return {
            r[0]: SourceRef(
                id=r[0],
                uri=r[1],
                title=r[2],
                publisher=r[3],
                published_at=dt(r[4]),
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
            iso(source.published_at),
            ts(source.published_at),
            iso(source.retrieved_at),
            source.language,
            _meta_json(source),
            source.text,
            now().isoformat(),
        ),
    )

"""The report's queries: counts and sections decided in the database (a mixin of the
store, on both engines).

Each promise's status as of ``at`` is read from its promise columns (condition, due
window) and the step of :mod:`claimtrack.store_status_index` that covers ``at`` (the
final verdict deciding it, whether its condition is met): the timeline part (open,
due, overdue) is decided here in SQL against the indexed windows.  So:

- the counts read every live promise once, in the order of an index on who must act,
  and only the steps that cover ``at``;
- each section lists its first rows by walking an index in the section's own order
  (overdue by due end, newest first; due soon by due end; open by due start; undated
  and conditional by first seen, newest first; resolved by the verdict's known time)
  and stops when it has enough;
- promises whose steps are not rebuilt yet, and those whose stored record is damaged,
  are left out of the SQL and decided from their evidence (:meth:`status_exceptions`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

import attrs

from .model import Evidence, Progress, Status
from .status import StatusLine, decide, timeline_at
from .store_conn import Conn
from .store_promise_reads import PromiseSummary
from .store_rows import EVIDENCE_COLUMNS, evidence_from_row
from .store_status_index import has_index

__all__ = ["SECTION_CLASSES", "StatusQuery", "StatusReads", "class_status", "promise_line"]

#: The classes the SQL puts a promise in (besides a final verdict's name, with "+"
#: when it became known recently): each is a status and a section of the report.
SECTION_CLASSES: dict[str, tuple[str, str]] = {
    "conditional": ("conditional", "conditional"),
    "undated": ("open", "undated"),
    "overdue": ("overdue", "overdue"),
    "due": ("due", "due_soon"),
    "soon": ("open", "due_soon"),
    "later": ("open", "open"),
}


def class_status(cls: str) -> tuple[str, str]:
    """(status, section) of a class the SQL gives ("" section: listed nowhere)."""
    if cls in SECTION_CLASSES:
        return SECTION_CLASSES[cls]
    if cls.endswith("+"):
        return cls[:-1], "resolved"
    return cls, ""


@attrs.frozen(kw_only=True)
class StatusQuery:
    """Which promises a report covers, and the times its sections turn on (POSIX
    seconds): ``at`` the ``--as-of``, ``horizon`` the end of "due soon", ``recent``
    the start of "recently resolved"."""

    at: float
    horizon: float
    recent: float
    kinds: tuple[str, ...]
    actor_ids: tuple[str, ...] | None = None
    since: float | None = None
    exclude: tuple[str, ...] = ()


_ACTIVE = "s.promise_id = p.id AND s.from_ts <= ? AND (s.to_ts IS NULL OR s.to_ts > ?)"

_TIMELINE = (
    "CASE WHEN p.due_vague <> 0 OR p.due_start_ts IS NULL OR p.due_end_ts IS NULL"
    " THEN 'undated' WHEN ? < p.due_start_ts THEN CASE WHEN p.due_start_ts <= ?"
    " THEN 'soon' ELSE 'later' END WHEN ? < p.due_end_ts THEN 'due' ELSE 'overdue' END"
)


def _timeline(q: StatusQuery) -> tuple[str, list[Any]]:
    return _TIMELINE, [q.at, q.horizon, q.at]


def _base(q: StatusQuery) -> tuple[str, list[Any]]:
    # The class of a promise no evidence speaks for.
    sql, args = _timeline(q)
    return f"CASE WHEN p.has_condition <> 0 THEN 'conditional' ELSE {sql} END", args


def _real(q: StatusQuery) -> tuple[str, list[Any]]:
    # The class with the step covering ``at`` (columns of s; NULL when none).
    sql, args = _timeline(q)
    return (
        "CASE WHEN s.final_verdict IS NOT NULL THEN s.final_verdict"
        " || CASE WHEN s.final_known_ts >= ? THEN '+' ELSE '' END"
        " WHEN p.has_condition <> 0 AND COALESCE(s.cond_met, 0) = 0 THEN 'conditional'"
        f" ELSE {sql} END",
        [q.recent, *args],
    )


def _filters(q: StatusQuery) -> tuple[str, list[Any]]:
    # "+" keeps SQLite's planner off the indexes of these columns: each query walks
    # the index of its own order instead (pg_sql drops the "+").
    sql = (
        f"+p.retired_at IS NULL AND +p.kind IN ({','.join('?' * len(q.kinds))})"
        " AND (+p.first_seen_ts IS NULL OR +p.first_seen_ts <= ?)"
    )
    args: list[Any] = [*q.kinds, q.at]
    if q.actor_ids is not None:
        ids = json.dumps(list(q.actor_ids))
        sql += (
            " AND (p.actor_id IN (SELECT value FROM json_each(?))"
            " OR p.speaker_id IN (SELECT value FROM json_each(?)))"
        )
        args += [ids, ids]
    if q.since is not None:
        sql += " AND +p.first_seen_ts IS NOT NULL AND +p.first_seen_ts >= ?"
        args.append(q.since)
    if q.exclude:
        sql += " AND p.id NOT IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(list(q.exclude)))
    return sql, args


#: The evidence-less classes in the order of their codes in the counting query.
_CLASSES = ("conditional", "undated", "soon", "later", "due", "overdue")
_FIELD = 1 << 21

#: Each section's walk: the classes it lists, the range of the index it walks, the order.
_SECTIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "overdue": (("overdue",), "p.due_end_ts <= ?", "p.due_end_ts DESC, p.id"),
    "due_soon": (("due", "soon"), "p.due_end_ts > ?", "p.due_end_ts, p.id"),
    "open": (("later",), "p.due_start_ts > ?", "p.due_start_ts, p.id"),
    "undated": (("undated",), "1 = 1", "p.first_seen_ts DESC NULLS LAST, p.id"),
    "conditional": (("conditional",), "1 = 1", "p.first_seen_ts DESC NULLS LAST, p.id"),
}

_SUMMARY = (
    "p.id, p.kind, p.actor_id, p.speaker_id, p.due_start_ts, p.due_end_ts, p.due_vague,"
    " p.has_condition, p.first_seen_ts, p.mentions, p.sources"
)


class StatusReads:
    """The report's queries; mixed into the store (:class:`claimtrack.store.SQLStore`)."""

    _conn: Conn

    def _skip(self, claim_id: str, problem: str) -> None:
        raise NotImplementedError  # provided by the store

    def promise_evidence(
        self, as_of: datetime, promise_ids: Iterable[str] | None = None, *, decisive: bool = True
    ) -> dict[str, list[Evidence]]:
        raise NotImplementedError  # provided by PromiseReads

    def has_status_index(self) -> bool:
        """Whether the counts and sections can be read through the index (a store
        opened for reading may predate it)."""
        return has_index(self._conn)

    def status_tally(self, q: StatusQuery) -> list[tuple[str | None, str, str | None, int]]:
        """(who must act, class, reason code, how many) over the promises ``q`` covers
        (but those it excludes): see :func:`class_status` for the classes; the reason
        code is the deciding verdict's, for a final one (else None)."""
        where, wargs = _filters(q)
        counts: dict[tuple[str | None, str, str | None], int] = {}
        # Each promise's class as a number, counted in two sums of three 21-bit fields
        # (one pass, the class computed once per promise).
        code = (
            "CASE WHEN p.has_condition <> 0 THEN 0 WHEN p.due_vague <> 0"
            " OR p.due_start_ts IS NULL OR p.due_end_ts IS NULL THEN 1 WHEN ? < p.due_start_ts"
            " THEN CASE WHEN p.due_start_ts <= ? THEN 2 ELSE 3 END"
            " WHEN ? < p.due_end_ts THEN 4 ELSE 5 END"
        )
        packed = (
            "SELECT actor_id, speaker_id, COUNT(*), SUM(CASE WHEN c < 3 THEN"
            " CAST(1 AS BIGINT) << (21 * c) ELSE 0 END), SUM(CASE WHEN c >= 3 THEN"
            " CAST(1 AS BIGINT) << (21 * (c - 3)) ELSE 0 END) FROM"
            f" (SELECT p.actor_id, p.speaker_id, {code} AS c FROM promises p WHERE {where}) AS"
            " classed GROUP BY actor_id, speaker_id"
        )
        for actor, speaker, total, low, high in self._conn.execute(
            packed, [q.at, q.horizon, q.at, *wargs]
        ):
            if total >= _FIELD:  # too many for a field: counted one class at a time
                return self._tally_wide(q)
            who = actor or speaker
            for n, name in enumerate(_CLASSES):
                k = (int(low) if n < 3 else int(high)) >> (21 * (n % 3)) & (_FIELD - 1)
                if k:
                    counts[(who, name, None)] = counts.get((who, name, None), 0) + k
        return self._tally_steps(q, counts)

    def _tally_wide(self, q: StatusQuery) -> list[tuple[str | None, str, str | None, int]]:
        where, wargs = _filters(q)
        base, bargs = _base(q)
        counts: dict[tuple[str | None, str, str | None], int] = {}
        for actor, speaker, cls, n in self._conn.execute(
            f"SELECT p.actor_id, p.speaker_id, {base} AS cls, COUNT(*) FROM promises p"
            f" WHERE {where} GROUP BY p.actor_id, p.speaker_id, cls",
            [*bargs, *wargs],
        ):
            who = actor or speaker
            counts[(who, cls, None)] = counts.get((who, cls, None), 0) + int(n)
        return self._tally_steps(q, counts)

    def _tally_steps(
        self, q: StatusQuery, counts: dict[tuple[str | None, str, str | None], int]
    ) -> list[tuple[str | None, str, str | None, int]]:
        # The promises a step covering ``at`` moves out of their evidence-less class.
        where, wargs = _filters(q)
        base, bargs = _base(q)
        real, rargs = _real(q)
        for actor, speaker, was, now, why, n in self._conn.execute(
            f"SELECT p.actor_id, p.speaker_id, {base} AS was, {real} AS now,"
            " s.final_reason, COUNT(*)"
            f" FROM status_steps s CROSS JOIN promises p INDEXED BY promises_by_id WHERE {_ACTIVE}"
            f" AND (s.final_id IS NOT NULL OR s.cond_met <> 0) AND {where}"
            " GROUP BY p.actor_id, p.speaker_id, was, now, s.final_reason",
            [*bargs, *rargs, q.at, q.at, *wargs],
        ):
            if was == now:
                continue
            who = actor or speaker
            why = None if now in SECTION_CLASSES else why
            counts[(who, was, None)] = counts.get((who, was, None), 0) - int(n)
            counts[(who, now, why)] = counts.get((who, now, why), 0) + int(n)
        return [(who, cls, why, n) for (who, cls, why), n in counts.items() if n]

    def status_section(self, section: str, q: StatusQuery, limit: int | None) -> Iterator[str]:
        """The ids of the promises in ``section`` (a report section key), in the
        section's order, the first ``limit`` of them (None: all)."""
        where, wargs = _filters(q)
        cap = "" if limit is None else f" LIMIT {int(limit)}"
        if section == "resolved":
            sql = (
                "SELECT p.id FROM status_steps s JOIN promises p ON p.id = s.promise_id"
                " WHERE s.final_known_ts >= ? AND s.final_known_ts <= ? AND s.from_ts <= ?"
                f" AND (s.to_ts IS NULL OR s.to_ts > ?) AND {where}"
                f" ORDER BY s.final_known_ts DESC, p.id{cap}"
            )
            # A step starts once its verdict is known: its known time is by ``at`` too.
            args: list[Any] = [q.recent, q.at, q.at, q.at, *wargs]
        else:
            classes, walk, order = _SECTIONS[section]
            real, rargs = _real(q)
            bound = [q.horizon] if section == "open" else [] if walk == "1 = 1" else [q.at]
            sql = (
                f"SELECT p.id FROM promises p LEFT JOIN status_steps s ON {_ACTIVE}"
                f" WHERE {walk} AND {where} AND ({real}) IN ({','.join('?' * len(classes))})"
                f" ORDER BY {order}{cap}"
            )
            args = [q.at, q.at, *bound, *wargs, *rargs, *classes]
        for (pid,) in self._conn.execute(sql, args):
            yield str(pid)

    def status_exceptions(self, q: StatusQuery) -> tuple[list[str], list[StatusLine]]:
        """The promises the SQL must leave out (steps not rebuilt yet; a damaged first
        record, each named once and left out of the report), and the lines of those
        not damaged, decided from their evidence as :meth:`promise_evidence` reads it."""
        damaged = self._damaged_marked()
        dirty = [
            str(r[0]) for r in self._conn.execute("SELECT DISTINCT promise_id FROM status_dirty")
        ]
        if not dirty:
            return sorted(damaged), []
        where, wargs = _filters(attrs.evolve(q, exclude=()))
        rows = [
            PromiseSummary._make(r)
            for r in self._conn.execute(
                f"SELECT {_SUMMARY} FROM promises p WHERE {where}"
                " AND p.id IN (SELECT value FROM json_each(?))",
                [*wargs, json.dumps(dirty)],
            )
            if r[0] not in damaged
        ]
        when = datetime.fromtimestamp(q.at, timezone.utc)
        evidence = self.promise_evidence(when, [s.id for s in rows])
        lines = [_line(s, evidence.get(s.id, ()), q.at) for s in rows]
        return sorted(damaged | set(dirty)), lines

    def _damaged_marked(self) -> set[str]:
        # The promises whose first mention's record the triggers noted as damaged and
        # that still is (it may have been mended since).
        out: set[str] = set()
        marked = [
            str(r[0]) for r in self._conn.execute("SELECT DISTINCT claim_id FROM status_damaged")
        ]
        if not marked:
            return out
        for pid, cid in self._conn.execute(
            "SELECT p.id, p.first_claim FROM promises p JOIN claims c ON c.id = p.first_claim"
            " WHERE p.retired_at IS NULL AND c.id IN (SELECT value FROM json_each(?))"
            " AND NOT (json_valid(c.record) AND json_type(c.record) = 'object'"
            " AND json_extract(c.record, '$.id') = c.id)",
            (json.dumps(marked),),
        ):
            self._skip(
                cid,
                f"claim {cid}: its stored record is damaged (not a JSON claim record of this"
                " id); it was skipped",
            )
            out.add(str(pid))
        return out

    def status_stream(
        self, q: StatusQuery, *, ids: Sequence[str] | None = None, chunk: int = 2000
    ) -> Iterator[StatusLine]:
        """Every promise ``q`` covers (of ``ids``, when given) as a :class:`StatusLine`,
        in first-seen order, read in slices (constant memory): its status from its step
        and its columns."""
        where, wargs = _filters(q)
        if ids is not None:
            where += " AND p.id IN (SELECT value FROM json_each(?))"
            wargs.append(json.dumps(list(ids)))
        cursor = self._conn.execute(
            f"SELECT {_SUMMARY}, s.final_id, s.cond_met, s.interim_id"
            f" FROM promises p LEFT JOIN status_steps s ON {_ACTIVE} WHERE {where}"
            " ORDER BY p.first_seen_ts IS NULL, p.first_seen_ts, p.id",
            [q.at, q.at, *wargs],
        )
        batch: list[tuple[Any, ...]] = []
        for row in cursor:
            batch.append(tuple(row))
            if len(batch) >= chunk:
                yield from self._lines(batch, q.at)
                batch = []
        if batch:
            yield from self._lines(batch, q.at)

    def _lines(self, rows: Sequence[tuple[Any, ...]], at: float) -> Iterator[StatusLine]:
        wanted = [i for r in rows for i in (r[11], r[13]) if i is not None]
        by_id: dict[int, Evidence] = {}
        if wanted:
            for r in self._conn.execute(
                f"SELECT {EVIDENCE_COLUMNS} FROM evidence"
                " WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))",
                (json.dumps(wanted),),
            ):
                e = evidence_from_row(r)
                assert e.id is not None
                by_id[e.id] = e
        for r in rows:
            s = PromiseSummary._make(r[:11])
            final = by_id.get(r[11]) if r[11] is not None else None
            interim = by_id.get(r[13]) if r[13] is not None else None
            yield _from_step(s, final, bool(r[12]), interim, at)


def _from_step(
    s: PromiseSummary, final: Evidence | None, met: bool, interim: Evidence | None, at: float
) -> StatusLine:
    if final is not None:
        status, progress, decided = Status(final.verdict.value), None, final
    else:
        progress = None if interim is None else Progress(interim.verdict.value)
        decided = None
        if s.has_condition and not met:
            status = Status.CONDITIONAL
        else:
            status = timeline_at(s.due_start_ts, s.due_end_ts, bool(s.due_vague), at)
    return promise_line(s, status, progress, decided)


def _line(s: PromiseSummary, evidence: Sequence[Evidence], at: float) -> StatusLine:
    status, progress, decided = decide(
        evidence,
        bool(s.has_condition),
        timeline_at(s.due_start_ts, s.due_end_ts, bool(s.due_vague), at),
    )
    return promise_line(s, status, progress, decided)


def promise_line(
    s: PromiseSummary, status: Status, progress: Progress | None, decided: Evidence | None
) -> StatusLine:
    """The status line of promise ``s``, decided as ``status`` (``progress``) by
    ``decided``."""
    return StatusLine(
        claim_id=s.id,
        status=status,
        progress=progress,
        decided_by=decided,
        who=s.actor_id or s.speaker_id,
        due_start_ts=s.due_start_ts,
        due_end_ts=s.due_end_ts,
        due_vague=bool(s.due_vague),
        published_ts=s.first_seen_ts,
        kind=s.kind,
    )

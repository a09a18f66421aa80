"""The morning report from the database: counts and sections decided in SQL
(:mod:`claimtrack.store_status`), full records read only for the rows shown.

:func:`sql_report` gives the same :class:`~claimtrack.report.StatusReport` as
:func:`~claimtrack.report.assemble_report` over every promise's
:class:`~claimtrack.status.StatusLine` (the differential test pins it), in a time that
does not grow with the ledger but for one pass of the counts over an index.  Its
``lines``, ``section_ids`` and records are read when iterated, in slices, so
``status --format json`` writes a million promises in constant memory.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from itertools import islice
from typing import Any, overload

from .reasons import UNSTATED, ordered_reasons
from .report import (
    RECENT_DAYS,
    SECTIONS,
    ActorRecord,
    Section,
    StatusReport,
    section_of,
    sort_key,
)
from .status import Standing, StatusLine
from .store_protocol import Store
from .store_status import SECTION_CLASSES, StatusQuery, class_status

__all__ = ["sql_report"]


def sql_report(
    store: Store,
    query: StatusQuery,
    as_of: datetime,
    *,
    due_within: float,
    limit: int | None,
    load: Callable[[list[str]], Mapping[str, Standing]],
    records_json: Callable[[Sequence[StatusLine]], Iterator[str]],
) -> StatusReport:
    """The report ``query`` selects, as of ``as_of``; ``load(ids)`` reads the rows shown
    in full, ``records_json(lines)`` their JSON records."""
    excluded, odd = store.status_exceptions(query)
    q = StatusQuery(
        at=query.at,
        horizon=query.horizon,
        recent=query.recent,
        kinds=query.kinds,
        actor_ids=query.actor_ids,
        since=query.since,
        exclude=tuple(excluded),
    )
    tallies: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {key: 0 for key, _ in SECTIONS}
    counts: dict[str, int] = {}

    def tally(who: str | None, status: str, section: str, n: int) -> None:
        mine = tallies.setdefault(who or "", {})
        mine[status] = mine.get(status, 0) + n
        counts[status] = counts.get(status, 0) + n
        if section:
            totals[section] += n

    why: dict[str, dict[str, int]] = {}
    for who, cls, reason, n in store.status_tally(q):
        status, section = class_status(cls)
        tally(who, status, section, n)
        if cls not in SECTION_CLASSES:  # a final verdict's: counted by its reason code
            row = why.setdefault(status, {})
            row[reason or UNSTATED] = row.get(reason or UNSTATED, 0) + n
    odd_sections: dict[str, list[StatusLine]] = {}
    for ln in odd:
        assert ln.status is not None
        key = section_of(ln, q.at, q.horizon, q.recent)
        tally(ln.who, ln.status.value, key, 1)
        if ln.status.is_final and ln.decided_by is not None:
            row = why.setdefault(ln.status.value, {})
            code = ln.decided_by.reason or UNSTATED
            row[code] = row.get(code, 0) + 1
        if key:
            odd_sections.setdefault(key, []).append(ln)
    shown: dict[str, list[str]] = {}
    for key, _ in SECTIONS:
        if limit == 0 or not totals[key]:
            shown[key] = []
            continue
        ids = list(store.status_section(key, q, limit))
        if key in odd_sections:
            ids = _merged(store, q, key, ids, odd_sections[key], limit)
        shown[key] = ids
    wanted = [cid for ids in shown.values() for cid in ids]
    full = load(wanted) if wanted else {}
    sections = [
        Section(
            key=key,
            title=title,
            rows=[full[cid] for cid in shown[key] if cid in full],
            total=totals[key],
        )
        for key, title in SECTIONS
    ]
    known_names = store.actor_names([a for a in tallies if a])
    actors = sorted(
        (
            ActorRecord(
                id=aid or "unknown", name=known_names.get(aid, aid or "(unknown)"), counts=c
            )
            for aid, c in tallies.items()
        ),
        key=lambda a: (-sum(a.counts.values()), a.name.casefold()),
    )
    total = sum(counts.values())
    lines = _Lines(total, lambda: _all_lines(store, q, odd))
    section_ids = {
        key: _Ids(totals[key], _reader(store, q, key, odd_sections)) for key, _ in SECTIONS
    }
    return StatusReport(
        as_of=as_of,
        due_within=due_within,
        sections=sections,
        actors=actors,
        counts=counts,
        reasons=ordered_reasons(why),
        lines=lines,
        section_ids=section_ids,
        records=lambda ls: [_loads(t) for t in _chunked_json(records_json, ls)],
        records_json=lambda ls: _chunked_json(records_json, ls),
    )


def query_for(
    as_of: datetime,
    *,
    due_within: float,
    kinds: Sequence[str],
    actor_ids: Sequence[str] | None,
    since: datetime | None,
) -> StatusQuery:
    """The :class:`StatusQuery` of a report as of ``as_of``."""
    return StatusQuery(
        at=as_of.timestamp(),
        horizon=(as_of + timedelta(days=due_within)).timestamp(),
        recent=(as_of - timedelta(days=RECENT_DAYS)).timestamp(),
        kinds=tuple(kinds),
        actor_ids=None if actor_ids is None else tuple(actor_ids),
        since=None if since is None else since.timestamp(),
    )


def _loads(text: str) -> dict[str, Any]:
    import json

    value: dict[str, Any] = json.loads(text)
    return value


def _merged(
    store: Store,
    q: StatusQuery,
    key: str,
    ids: list[str],
    odd: list[StatusLine],
    limit: int | None,
) -> list[str]:
    # The SQL's first rows and the promises decided apart, in the section's order.
    lines = list(store.status_stream(q, ids=ids)) + odd
    lines.sort(key=sort_key(key))
    return [ln.claim_id for ln in (lines if limit is None else lines[:limit])]


def _first_seen(ln: StatusLine) -> tuple[float, str]:
    return (float("inf") if ln.published_ts is None else ln.published_ts, ln.claim_id)


def _all_lines(store: Store, q: StatusQuery, odd: list[StatusLine]) -> Iterator[StatusLine]:
    return heapq.merge(store.status_stream(q), sorted(odd, key=_first_seen), key=_first_seen)


def _reader(
    store: Store, q: StatusQuery, key: str, odd: Mapping[str, list[StatusLine]]
) -> Callable[[], Iterator[str]]:
    return lambda: _section_ids(store, q, key, odd)


def _section_ids(
    store: Store, q: StatusQuery, key: str, odd: Mapping[str, list[StatusLine]]
) -> Iterator[str]:
    if key not in odd:
        return store.status_section(key, q, None)
    return iter(_merged(store, q, key, list(store.status_section(key, q, None)), odd[key], None))


def _chunked_json(
    records_json: Callable[[Sequence[StatusLine]], Iterator[str]], lines: Sequence[StatusLine]
) -> Iterator[str]:
    it = iter(lines)
    while chunk := list(islice(it, 1000)):
        yield from records_json(chunk)


class _Lazy(Sequence[Any]):
    # A sequence of known length read from the store each time it is iterated.
    def __init__(self, n: int, read: Callable[[], Iterator[Any]]) -> None:
        self._n = n
        self._read = read

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Any]:
        return self._read()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(list(self))

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        return list(self._read())[i]


class _Lines(_Lazy):
    pass


class _Ids(_Lazy):
    pass

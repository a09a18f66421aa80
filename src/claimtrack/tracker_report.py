"""The daily status report on :class:`claimtrack.Tracker` (a mixin): ``report``.

With the status index (:mod:`claimtrack.store_status_index`) the counts and sections
are decided in the database (:mod:`claimtrack.status_report`); without it, from the
status lines (:func:`claimtrack.report.assemble_report`).  Either way the JSON rows are
the stored promise records with their status spliced in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime

from .model import ClaimKind
from .records import verdict_record
from .report import StatusReport, assemble_report
from .status import Standing, StatusLine
from .status_report import query_for, sql_report
from .store_protocol import Store
from .store_suggestions import Suggestion
from .timeutil import parse_when

__all__ = ["Reporting"]

When = str | date | datetime | None


class Reporting:
    """``report``; mixed into :class:`claimtrack.Tracker`."""

    store: Store
    status_lines: Callable[..., list[StatusLine]]
    standings_of: Callable[..., list[Standing]]
    suggestions: Callable[..., dict[str, list[Suggestion]]]
    _actor_ids: Callable[[str], list[str]]

    @staticmethod
    def _as_of(as_of: When) -> datetime:
        raise NotImplementedError  # provided by Tracker

    def report(
        self,
        as_of: When = None,
        *,
        actor: str | None = None,
        kind: ClaimKind | str | None = ClaimKind.COMMITMENT,
        due_within: float = 7,
        since: When = None,
        limit: int | None = None,
    ) -> StatusReport:
        """The daily status report (see :mod:`claimtrack.report`) as of ``as_of``.

        Every matching commitment is counted; each section lists at most ``limit`` of
        them in full (None: all), so the report of a large store stays quick."""
        when = self._as_of(as_of)
        if self.store.has_status_index():
            return self._sql_report(when, actor, kind, due_within, since, limit)
        lines = self.status_lines(when, actor=actor, kind=kind, since=since)
        return assemble_report(
            lines,
            when,
            due_within=due_within,
            limit=limit,
            load=lambda ids: {s.claim.id: s for s in self.standings_of(ids, when)},
            names=self.store.actor_names,
            records=lambda lines: self._records(lines, when),
            records_json=lambda lines: self._records_json(lines, when),
        )

    def _sql_report(
        self,
        when: datetime,
        actor: str | None,
        kind: ClaimKind | str | None,
        due_within: float,
        since: When,
        limit: int | None,
    ) -> StatusReport:
        # Counts and sections decided in the database (claimtrack.status_report).
        kinds = (
            [ClaimKind(ClaimKind.parse(kind)).value]
            if kind is not None
            else [ClaimKind.COMMITMENT.value, ClaimKind.PREDICTION.value, ClaimKind.DEMAND.value]
        )
        query = query_for(
            when,
            due_within=due_within,
            kinds=kinds,
            actor_ids=None if actor is None else self._actor_ids(actor),
            since=parse_when(since, what="--since") if since is not None else None,
        )
        return sql_report(
            self.store,
            query,
            when,
            due_within=due_within,
            limit=limit,
            load=lambda ids: {s.claim.id: s for s in self.standings_of(ids, when)},
            records_json=lambda lines: self._records_json(lines, when),
        )

    def _records_json(
        self, lines: Sequence[StatusLine], as_of: datetime | None = None
    ) -> Iterator[str]:
        # The stored promise JSON with status, progress, reason, the verdict that
        # decided (whoever recorded it, marked by ``recorder``) and the suggestions
        # waiting for a person spliced in before the closing brace.
        ids = [ln.claim_id for ln in lines]
        texts = self.store.promise_records_json(ids)
        waiting = self.suggestions(ids)
        for ln in lines:
            text = texts.get(ln.claim_id)
            if text is None:  # a damaged record, named by the store and skipped
                continue
            progress = "null" if ln.progress is None else f'"{ln.progress.value}"'
            status = "null" if ln.status is None else f'"{ln.status.value}"'
            reason = _reason(ln)
            why = "null" if reason is None else json.dumps(reason, ensure_ascii=False)
            verdict = (
                "null"
                if ln.decided_by is None
                else json.dumps(verdict_record(ln.decided_by), ensure_ascii=False)
            )
            suggested = json.dumps(
                [
                    {**verdict_record(s.evidence), "id": s.label}
                    for s in waiting.get(ln.claim_id, ())
                    if as_of is None or s.evidence.known_at <= as_of
                ],
                ensure_ascii=False,
            )
            yield (
                f'{text[:-1]},"status":{status},"progress":{progress},"reason":{why},'
                f'"verdict":{verdict},"suggestions":{suggested}}}'
            )

    def _records(
        self, lines: Sequence[StatusLine], as_of: datetime | None = None
    ) -> list[dict[str, object]]:
        return [json.loads(text) for text in self._records_json(lines, as_of)]


def _reason(line: StatusLine) -> str | None:
    e = line.decided_by
    final = line.status is not None and line.status.is_final
    return e.reason if e is not None and final else None

"""The status report people open every morning: what is overdue, what is due soon, what
waits on a condition, what is open, what was recently kept or broken, and each actor's
record.

Built once, then rendered as a terminal table (rich), Markdown or JSON
(:mod:`claimtrack.report_render`, in the words of :mod:`claimtrack.report_phrases`).
Two ways in:

- :func:`build_report` from full :class:`~claimtrack.status.Standing` rows (any list a
  script has), and
- :func:`assemble_report` from :class:`~claimtrack.status.StatusLine` rows plus loaders,
  which is what ``Tracker.report`` uses: every commitment is counted from a few columns,
  and only the rows a section actually lists are read in full, so the report of a store
  of 100,000 commitments stays interactive.

Both sort lines into sections with the same :func:`section_of`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import attrs

from .model import Status
from .reasons import reason_counts
from .records import standing_record
from .report_phrases import NOUNS as NOUNS
from .report_phrases import PREDICTION_LABELS as PREDICTION_LABELS
from .report_phrases import due_phrase, recorder_phrase, relative
from .report_phrases import made_by as made_by
from .report_phrases import verdict_phrase as verdict_phrase
from .report_render import render_json, render_markdown, render_table, report_json
from .status import Standing, StatusLine

__all__ = [
    "RECENT_DAYS",
    "SECTIONS",
    "ActorRecord",
    "Section",
    "StatusReport",
    "assemble_report",
    "build_report",
    "due_phrase",
    "recorder_phrase",
    "relative",
    "render_json",
    "render_markdown",
    "render_table",
    "report_json",
    "section_of",
    "sort_key",
]

#: How far back "recently resolved" looks, in days.
RECENT_DAYS = 30

#: The report's sections, in the order they are shown: (key, title).
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overdue", "Overdue"),
    ("due_soon", "Due now or soon"),
    ("conditional", "Waiting on a condition"),
    ("open", "Open, due later"),
    ("undated", "Open, no firm date"),
    ("resolved", f"Resolved in the last {RECENT_DAYS} days"),
)

# The statuses a final verdict gives (a set: report sorts 100,000 lines by it).
_FINAL = frozenset(s for s in Status if s.is_final)

# Counted as delivered or not, for the share kept; unverifiable and annulled stay apart.
_DECIDED = ("kept", "partially_kept", "broken", "withdrawn")


@attrs.frozen(kw_only=True)
class ActorRecord:
    """One actor's record: how many of its commitments have each status, and the share
    kept of those decided."""

    id: str
    name: str
    counts: Mapping[str, int]

    def n(self, *statuses: str) -> int:
        """How many commitments have any of these statuses."""
        return sum(self.counts.get(s, 0) for s in statuses)

    @property
    def decided(self) -> int:
        """Commitments with a verdict that says whether they were delivered (kept,
        partially kept, broken, withdrawn); unverifiable and annulled are apart."""
        return self.n(*_DECIDED)

    @property
    def open(self) -> int:
        """Commitments still running: open, due or waiting on a condition."""
        return self.n("open", "due", "conditional")

    @property
    def share_kept(self) -> float | None:
        """Kept over decided, a partial keep counting half; None when none decided."""
        if not self.decided:
            return None
        return (self.n("kept") + 0.5 * self.n("partially_kept")) / self.decided


@attrs.frozen(kw_only=True)
class Section:
    """One section of the report: the rows it lists (at most the report's limit) and how
    many commitments it holds in all."""

    key: str
    title: str
    rows: Sequence[Standing]
    total: int

    @property
    def hidden(self) -> int:
        """Commitments in the section that the limit left out of ``rows``."""
        return self.total - len(self.rows)


@attrs.frozen(kw_only=True)
class StatusReport:
    """The daily report: sections, per-actor records and counts by status.

    ``lines`` holds every commitment counted (as :class:`StatusLine`); ``records()``
    gives their public claim records with status and progress, for JSON."""

    as_of: datetime
    due_within: float
    sections: Sequence[Section]
    actors: Sequence[ActorRecord]
    counts: Mapping[str, int]
    #: final status -> reason code -> promises (:func:`claimtrack.reasons.reason_counts`).
    reasons: Mapping[str, Mapping[str, int]] = attrs.field(factory=dict)
    lines: Sequence[StatusLine] = attrs.field(repr=False, eq=False)
    section_ids: Mapping[str, Sequence[str]] = attrs.field(repr=False, eq=False)
    _records: Callable[[Sequence[StatusLine]], list[dict[str, Any]]] = attrs.field(
        repr=False, eq=False, alias="records"
    )
    _records_json: Callable[[Sequence[StatusLine]], Iterable[str]] | None = attrs.field(
        default=None, repr=False, eq=False, alias="records_json"
    )

    @property
    def total(self) -> int:
        """How many commitments the report covers."""
        return len(self.lines)

    def section(self, key: str) -> Section:
        """The section called ``key`` (one of :data:`SECTIONS`)."""
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def count(self, status: Status) -> int:
        """How many commitments in the report have ``status``."""
        return self.counts.get(status.value, 0)

    def records(self) -> list[dict[str, Any]]:
        """The claim record of every commitment, with ``status`` and ``progress``."""
        return self._records(self.lines)

    def records_json(self) -> Iterator[str]:
        """The same records, each as one line of JSON (from the store's own JSON when it
        can give it, which spares parsing and re-encoding 100,000 records)."""
        if self._records_json is not None:
            for text in self._records_json(self.lines):
                yield _one_line(text)
        else:
            for record in self.records():
                yield _one_line(json.dumps(record, ensure_ascii=False))

    # The sections by name, for scripts: ``report.overdue`` and so on.
    @property
    def overdue(self) -> Sequence[Standing]:
        """Listed overdue commitments."""
        return self.section("overdue").rows

    @property
    def due_soon(self) -> Sequence[Standing]:
        """Listed commitments due now or within ``due_within`` days."""
        return self.section("due_soon").rows

    @property
    def conditional(self) -> Sequence[Standing]:
        """Listed commitments waiting on their condition."""
        return self.section("conditional").rows

    @property
    def open(self) -> Sequence[Standing]:
        """Listed open commitments due later."""
        return self.section("open").rows

    @property
    def undated(self) -> Sequence[Standing]:
        """Listed open commitments with no firm date."""
        return self.section("undated").rows

    @property
    def resolved(self) -> Sequence[Standing]:
        """Listed commitments whose final verdict became known recently."""
        return self.section("resolved").rows


def section_of(line: StatusLine, as_of_ts: float, horizon_ts: float, recent_ts: float) -> str:
    """Which section a commitment belongs in (a key of :data:`SECTIONS`), or "" when it
    is listed nowhere (resolved long ago: it still counts in its actor's record)."""
    status = line.status
    if status is None:
        return ""
    if status in _FINAL:
        known = line.decided_by.known_at.timestamp() if line.decided_by else as_of_ts
        return "resolved" if known >= recent_ts else ""
    if status is Status.OVERDUE:
        return "overdue"
    if status is Status.CONDITIONAL:
        return "conditional"
    if status is Status.DUE:
        return "due_soon"
    if not line.dated:
        return "undated"
    if line.due_start_ts is not None and line.due_start_ts <= horizon_ts:
        return "due_soon"
    return "open"


def sort_key(key: str) -> Callable[[StatusLine], tuple[float, str]]:
    """The order of section ``key``: the sort key of a line in it."""
    far = float("inf")

    def newest_known(ln: StatusLine) -> tuple[float, str]:
        return (-(ln.decided_by.known_at.timestamp() if ln.decided_by else 0.0), ln.claim_id)

    def by(
        value: Callable[[StatusLine], float | None], sign: float = 1.0
    ) -> Callable[[StatusLine], tuple[float, str]]:
        def key_fn(ln: StatusLine) -> tuple[float, str]:
            v = value(ln)
            return (far if v is None else sign * v, ln.claim_id)

        return key_fn

    if key == "resolved":
        return newest_known
    if key == "overdue":  # the most recently lapsed first: that is today's news
        return by(lambda ln: ln.due_end_ts, -1.0)
    if key == "due_soon":  # the nearest deadline first
        return by(lambda ln: ln.due_end_ts)
    if key == "open":
        return by(lambda ln: ln.due_start_ts)
    return by(lambda ln: ln.published_ts, -1.0)  # undated, conditional: newest first


def assemble_report(
    lines: Iterable[StatusLine],
    as_of: datetime,
    *,
    due_within: float = 7,
    limit: int | None = None,
    load: Callable[[list[str]], Mapping[str, Standing]],
    names: Callable[[Iterable[str]], Mapping[str, str]],
    records: Callable[[Sequence[StatusLine]], list[dict[str, Any]]],
    records_json: Callable[[Sequence[StatusLine]], Iterable[str]] | None = None,
) -> StatusReport:
    """Sort ``lines`` into the report's sections and tally each actor's record.

    Only commitments (lines with a status) count.  ``due_within`` (days) decides which
    open commitments are due soon; resolved ones are listed when their verdict became
    known in the last :data:`RECENT_DAYS` days, but every verdict counts in the actors'
    records whatever its age.  Each section lists at most ``limit`` rows (None: all),
    read in full through ``load(claim_ids)``; ``names(actor_ids)`` names the actors;
    ``records(lines)`` gives the JSON claim records (``records_json(lines)``, when
    given, the same as JSON text)."""
    at = as_of.timestamp()
    horizon = (as_of + timedelta(days=due_within)).timestamp()
    recent = (as_of - timedelta(days=RECENT_DAYS)).timestamp()
    tracked = [ln for ln in lines if ln.status is not None]
    grouped: dict[str, list[StatusLine]] = {key: [] for key, _ in SECTIONS}
    # Tallied by (actor, status member) and named once at the end: enum .value is slow
    # enough to show at 100,000 commitments.
    pairs = Counter((ln.who or "", ln.status) for ln in tracked)
    for ln in tracked:
        key = section_of(ln, at, horizon, recent)
        if key:
            grouped[key].append(ln)
    tallies: dict[str, dict[str, int]] = {}
    counts: dict[str, int] = {}
    for (who, status), n in pairs.items():
        assert status is not None
        tallies.setdefault(who, {})[status.value] = n
        counts[status.value] = counts.get(status.value, 0) + n
    shown: dict[str, list[str]] = {}
    for key, group in grouped.items():
        group.sort(key=sort_key(key))
        shown[key] = [ln.claim_id for ln in (group if limit is None else group[:limit])]
    full = load([cid for ids in shown.values() for cid in ids]) if any(shown.values()) else {}
    sections = [
        Section(
            key=key,
            title=title,
            rows=[full[cid] for cid in shown[key] if cid in full],
            total=len(grouped[key]),
        )
        for key, title in SECTIONS
    ]
    known_names = names([a for a in tallies if a])
    actors = sorted(
        (
            ActorRecord(
                id=aid or "unknown", name=known_names.get(aid, aid or "(unknown)"), counts=c
            )
            for aid, c in tallies.items()
        ),
        key=lambda a: (-sum(a.counts.values()), a.name.casefold()),
    )
    return StatusReport(
        as_of=as_of,
        due_within=due_within,
        sections=sections,
        actors=actors,
        counts=counts,
        reasons=reason_counts(tracked),
        lines=tracked,
        section_ids={key: [ln.claim_id for ln in group] for key, group in grouped.items()},
        records=records,
        records_json=records_json,
    )


def build_report(
    rows: Sequence[Standing], as_of: datetime, *, due_within: float = 7, limit: int | None = None
) -> StatusReport:
    """The report of these standings (all computed as of ``as_of``); see
    :func:`assemble_report` for the rules."""
    by_id = {r.claim.id: r for r in rows}
    actor_names: dict[str, str] = {}
    for r in rows:
        who = r.claim.actor or r.claim.speaker
        if who is not None:
            actor_names.setdefault(who.id, who.name)

    def records(lines: Sequence[StatusLine]) -> list[dict[str, Any]]:
        return [standing_record(by_id[ln.claim_id]) for ln in lines]

    return assemble_report(
        [StatusLine.of(r) for r in rows],
        as_of,
        due_within=due_within,
        limit=limit,
        load=lambda ids: {i: by_id[i] for i in ids},
        names=lambda ids: {i: actor_names[i] for i in ids if i in actor_names},
        records=records,
    )


# Characters JSON may leave raw that some readers take as line breaks.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _one_line(text: str) -> str:
    for raw, escaped in _LINE_BREAKS.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text

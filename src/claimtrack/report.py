"""The status report people open every morning: what is overdue, what is due soon, what
was kept or broken, and each actor's record.  Built once (:func:`build_report`), then
rendered as a terminal table (rich), Markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, TextIO

import attrs
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Status
from .records import standing_record
from .status import Standing

__all__ = [
    "ActorRecord",
    "StatusReport",
    "build_report",
    "relative",
    "render_json",
    "render_markdown",
    "render_table",
]

#: How far back "recently resolved" looks, in days.
RECENT_DAYS = 30

_STYLE = {
    Status.OVERDUE: "bold red",
    Status.DUE: "yellow",
    Status.OPEN: "cyan",
    Status.CONDITIONAL: "magenta",
    Status.KEPT: "green",
    Status.PARTIALLY_KEPT: "green",
    Status.BROKEN: "red",
    Status.WITHDRAWN: "red",
    Status.UNVERIFIABLE: "dim",
    Status.ANNULLED: "dim",
}


@attrs.frozen(kw_only=True)
class ActorRecord:
    """One actor's record: counts by status and the share kept of those decided."""

    id: str
    name: str
    counts: dict[str, int]

    @property
    def decided(self) -> int:
        """Commitments with a verdict that says whether they were delivered
        (kept, partially kept, broken, withdrawn); unverifiable and annulled apart."""
        return sum(self.counts.get(k, 0) for k in ("kept", "partially_kept", "broken", "withdrawn"))

    @property
    def share_kept(self) -> float | None:
        """Kept (a partial keep counts half) over decided, or None when none decided."""
        if not self.decided:
            return None
        return (
            self.counts.get("kept", 0) + 0.5 * self.counts.get("partially_kept", 0)
        ) / self.decided


@attrs.frozen(kw_only=True)
class StatusReport:
    """The sections of the daily report, each a list of standings in a useful order."""

    as_of: datetime
    due_within: float
    overdue: list[Standing]
    due_soon: list[Standing]
    open: list[Standing]
    undated: list[Standing]
    conditional: list[Standing]
    resolved: list[Standing]
    actors: list[ActorRecord]
    total: int

    def count(self, status: Status) -> int:
        """How many commitments in the report have ``status``."""
        return sum(
            1
            for section in (
                self.overdue,
                self.due_soon,
                self.open,
                self.undated,
                self.conditional,
                self.resolved,
            )
            for row in section
            if row.status is status
        )


def _actor_of(row: Standing) -> tuple[str, str]:
    who = row.claim.actor or row.claim.speaker
    return (who.id, who.name) if who else ("unknown", "(unknown)")


def _end(row: Standing) -> datetime:
    due = row.claim.due
    return due.end if due is not None and due.end is not None else row.as_of


def _start(row: Standing) -> datetime:
    due = row.claim.due
    return due.start if due is not None and due.start is not None else row.as_of


def build_report(
    rows: Sequence[Standing], as_of: datetime, *, due_within: float = 7
) -> StatusReport:
    """Sort commitments into the report's sections and tally each actor's record.

    ``due_within`` (days) decides which open commitments count as due soon.  Resolved
    commitments appear when their verdict became known in the last 30 days; every
    verdict counts in the actors' records whatever its age."""
    horizon = as_of + timedelta(days=due_within)
    recent = as_of - timedelta(days=RECENT_DAYS)
    overdue, due_soon, open_, undated, conditional, resolved = [], [], [], [], [], []
    tallies: dict[str, tuple[str, dict[str, int]]] = {}
    for row in rows:
        if row.status is None:
            continue
        aid, name = _actor_of(row)
        counts = tallies.setdefault(aid, (name, {}))[1]
        counts[row.status.value] = counts.get(row.status.value, 0) + 1
        due = row.claim.due
        if row.status.is_final:
            if row.decided_by is None or row.decided_by.known_at >= recent:
                resolved.append(row)
        elif row.status is Status.OVERDUE:
            overdue.append(row)
        elif row.status is Status.CONDITIONAL:
            conditional.append(row)
        elif row.status is Status.DUE or (
            due is not None and due.start is not None and not due.vague and due.start <= horizon
        ):
            due_soon.append(row)
        elif due is None or due.start is None or due.vague:
            undated.append(row)
        else:
            open_.append(row)
    overdue.sort(key=_end)
    due_soon.sort(key=_end)
    open_.sort(key=_start)
    resolved.sort(key=lambda r: r.decided_by.known_at if r.decided_by else r.as_of, reverse=True)
    actors = sorted(
        (ActorRecord(id=aid, name=name, counts=counts) for aid, (name, counts) in tallies.items()),
        key=lambda a: (-sum(a.counts.values()), a.name),
    )
    return StatusReport(
        as_of=as_of,
        due_within=due_within,
        overdue=overdue,
        due_soon=due_soon,
        open=open_,
        undated=undated,
        conditional=conditional,
        resolved=resolved,
        actors=actors,
        total=sum(1 for r in rows if r.status is not None),
    )


def relative(when: datetime, as_of: datetime) -> str:
    """ "in 3 days", "2 days ago", "today" — a moment relative to ``as_of``."""
    days = (when - as_of).total_seconds() / 86400
    if abs(days) < 1:
        hours = round(days * 24)
        if hours == 0:
            return "now"
        return f"in {hours} h" if hours > 0 else f"{-hours} h ago"
    n = round(abs(days))
    unit = "day" if n == 1 else "days"
    return f"in {n} {unit}" if days > 0 else f"{n} {unit} ago"


def due_phrase(row: Standing) -> str:
    """How the due window reads in the report, relative and absolute."""
    due = row.claim.due
    if due is None:
        return "no date given"
    if due.start is None or due.end is None:
        return f'"{due.text}" (unresolved)'
    if due.vague:
        return f'"{due.text}" (vague, from {due.start:%d %b %Y})'
    last = due.end - timedelta(microseconds=1)
    span = (
        f"{due.start:%a %d %b %Y}"
        if last.date() == due.start.date()
        else f"{due.start:%d %b} – {last:%d %b %Y}"
    )
    if row.status is Status.OVERDUE:
        n = (row.as_of - due.end).total_seconds() / 86400
        rel = (
            f"{max(1, round(n))} day{'s' if round(n) > 1 else ''} overdue"
            if n >= 0.5
            else "just overdue"
        )
    elif row.status is Status.DUE:
        rel = f"due, ends {relative(due.end, row.as_of)}"
    else:
        rel = f"starts {relative(due.start, row.as_of)}"
    return f"{span} ({rel})"


def _who(row: Standing) -> str:
    c = row.claim
    actor = c.actor.name if c.actor else "?"
    speaker = c.speaker.name if c.speaker else "?"
    return actor if actor == speaker else f"{actor} (said {speaker})"


def _what(row: Standing) -> str:
    c = row.claim
    what = c.action or c.text
    if c.condition:
        what += f" [if {c.condition}]"
    return what


def _status_text(row: Standing) -> Text:
    assert row.status is not None
    label = row.status.value.replace("_", " ")
    if row.progress is not None:
        label += f" · {row.progress.value.replace('_', ' ')}"
    return Text(label, style=_STYLE.get(row.status, ""))


_SECTIONS = (
    ("overdue", "Overdue"),
    ("due_soon", "Due now or soon"),
    ("conditional", "Waiting on a condition"),
    ("open", "Open, due later"),
    ("undated", "Open, no firm date"),
    ("resolved", "Resolved in the last 30 days"),
)


def render_table(report: StatusReport, console: Console) -> None:
    """The report as rich tables (colour only where the console supports it)."""
    console.print(
        Text.assemble(
            ("claimtrack status", "bold"),
            f" as of {report.as_of:%a %d %b %Y %H:%M %Z} · {report.total} commitments · ",
            (f"{len(report.overdue)} overdue", "bold red" if report.overdue else ""),
            f" · {len(report.due_soon)} due within {report.due_within:g} days",
        )
    )
    if not report.total:
        console.print("No commitments stored yet. Add sources with: claimtrack add PATH")
        return
    for key, title in _SECTIONS:
        rows: list[Standing] = getattr(report, key)
        if not rows:
            continue
        table = Table(
            title=f"{title} ({len(rows)})", title_justify="left", box=box.SIMPLE_HEAD, expand=False
        )
        table.add_column("id", style="dim", no_wrap=True)
        table.add_column("status", no_wrap=True)
        table.add_column("who must act", overflow="fold")
        table.add_column("what", overflow="fold", ratio=3)
        table.add_column("by when", overflow="fold")
        for row in rows:
            table.add_row(
                row.claim.id[:8], _status_text(row), _who(row), _what(row), due_phrase(row)
            )
        console.print(table)
    actors = Table(title="Record by actor", title_justify="left", box=box.SIMPLE_HEAD)
    actors.add_column("actor", overflow="fold")
    for col in ("kept", "partly", "broken", "overdue", "open", "unverif.", "share kept"):
        actors.add_column(col, justify="right")
    for a in report.actors:
        c = a.counts
        open_n = c.get("open", 0) + c.get("due", 0) + c.get("conditional", 0)
        share = "–" if a.share_kept is None else f"{a.share_kept:.0%}"
        actors.add_row(
            a.name,
            str(c.get("kept", 0)),
            str(c.get("partially_kept", 0)),
            str(c.get("broken", 0) + c.get("withdrawn", 0)),
            str(c.get("overdue", 0)),
            str(open_n),
            str(c.get("unverifiable", 0)),
            share,
        )
    console.print(actors)


def _md(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def render_markdown(report: StatusReport, stream: TextIO) -> None:
    """The report as Markdown, for a newsletter or a wiki page."""
    stream.write(f"# Commitments as of {report.as_of:%d %B %Y %H:%M %Z}\n\n")
    stream.write(
        f"{report.total} commitments: {len(report.overdue)} overdue, {len(report.due_soon)} due within "
        f"{report.due_within:g} days.\n"
    )
    for key, title in _SECTIONS:
        rows: list[Standing] = getattr(report, key)
        if not rows:
            continue
        stream.write(
            f"\n## {title} ({len(rows)})\n\n| id | status | who must act | what | by when |\n"
        )
        stream.write("| --- | --- | --- | --- | --- |\n")
        for row in rows:
            cells = (
                row.claim.id[:8],
                str(_status_text(row)),
                _who(row),
                _what(row),
                due_phrase(row),
            )
            stream.write("| " + " | ".join(_md(c) for c in cells) + " |\n")
    if report.actors:
        stream.write(
            "\n## Record by actor\n\n| actor | kept | partly kept | broken | overdue | open | share kept |\n"
        )
        stream.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        for a in report.actors:
            c = a.counts
            share = "–" if a.share_kept is None else f"{a.share_kept:.0%}"
            open_n = c.get("open", 0) + c.get("due", 0) + c.get("conditional", 0)
            stream.write(
                f"| {_md(a.name)} | {c.get('kept', 0)} | {c.get('partially_kept', 0)} | "
                f"{c.get('broken', 0) + c.get('withdrawn', 0)} | {c.get('overdue', 0)} | {open_n} | {share} |\n"
            )


def report_json(report: StatusReport, rows: Sequence[Standing]) -> dict[str, Any]:
    """The report as one JSON object: ``as_of``, ``commitments``, ``actors``."""
    return {
        "as_of": report.as_of.isoformat(),
        "commitments": [standing_record(r) for r in rows if r.status is not None],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                **a.counts,
                "decided": a.decided,
                "share_kept": a.share_kept,
            }
            for a in report.actors
        ],
    }


def render_json(report: StatusReport, rows: Sequence[Standing], stream: TextIO) -> None:
    """Write :func:`report_json` to ``stream``."""
    json.dump(report_json(report, rows), stream, ensure_ascii=False, indent=2)
    stream.write("\n")

"""The status report people open every morning: what is overdue, what is due soon, what
waits on a condition, what is open, what was recently kept or broken, and each actor's
record.

Built once, then rendered as a terminal table (rich), Markdown or JSON.  Two ways in:

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
from typing import Any, TextIO

import attrs
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Evidence, RecorderKind, Status
from .reasons import reason_counts, reason_lines
from .records import standing_record
from .sanitize import markdown_text
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


def _sort_key(key: str) -> Callable[[StatusLine], tuple[float, str]]:
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
        group.sort(key=_sort_key(key))
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


# -- wording ----------------------------------------------------------------------------


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def relative(when: datetime, as_of: datetime) -> str:
    """ "in 3 days", "2 days ago", "in 5 h", "now": a moment relative to ``as_of``."""
    days = (when - as_of).total_seconds() / 86400
    if abs(days) < 1:
        hours = round(days * 24)
        if hours == 0:
            return "now"
        return f"in {hours} h" if hours > 0 else f"{-hours} h ago"
    n = round(abs(days))
    return f"in {_days(n)}" if days > 0 else f"{_days(n)} ago"


def _span(start: datetime, end: datetime) -> str:
    last = end - timedelta(microseconds=1)
    if last.date() == start.date():
        return f"{start:%a %d %b %Y}"
    if start.year != last.year:
        return f"{start:%d %b %Y} – {last:%d %b %Y}"
    return f"{start:%d %b} – {last:%d %b %Y}"


def due_phrase(row: Standing) -> str:
    """How the due window reads in the report: absolute dates, then where ``as_of``
    stands relative to them ("12 days overdue", "ends in 3 days", "starts in 5 days")."""
    due = row.claim.due
    if due is None:
        return "no date given"
    if due.start is None or due.end is None:
        return f'"{due.text}" (unresolved)' if due.text else "unresolved"
    if due.vague:
        return f'"{due.text}" (vague, from {due.start:%d %b %Y})'
    span = _span(due.start, due.end)
    timeline = row.status
    if timeline is None or timeline.is_final or timeline is Status.CONDITIONAL:
        # A decided or waiting commitment: say where the window stands all the same.
        if row.as_of >= due.end:
            return f"{span} (ended {relative(due.end, row.as_of)})"
        if row.as_of >= due.start:
            return f"{span} (ends {relative(due.end, row.as_of)})"
        return f"{span} (starts {relative(due.start, row.as_of)})"
    if timeline is Status.OVERDUE:
        n = (row.as_of - due.end).total_seconds() / 86400
        return (
            f"{span} ({_days(max(1, round(n)))} overdue)" if n >= 0.5 else f"{span} (just overdue)"
        )
    if timeline is Status.DUE:
        return f"{span} (due now, ends {relative(due.end, row.as_of)})"
    return f"{span} (starts {relative(due.start, row.as_of)})"


def _who(row: Standing) -> str:
    # Who must act; the speaker only when nobody else was named.
    c = row.claim
    who = c.actor or c.speaker
    return who.name if who is not None else "?"


def _what(row: Standing, key: str = "") -> str:
    c = row.claim
    what = c.action or c.text
    if c.condition and key != "conditional":  # that section shows it in its own column
        what += f" [if: {c.condition}]"
    return what


def made_by(row: Standing) -> str:
    """Who made the promise and how often it was stated: "said by Keir Starmer ·
    3 mentions in 2 sources" ("" for a row that is no promise)."""
    p = row.promise
    if p is None:
        return ""
    parts = [f"said by {p.speaker}"] if p.speaker else []
    parts.append(p.mentions_phrase)
    for kind, other in p.relations:
        parts.append(f"{kind} {other[:8]}")
    if p.suggestions:
        parts.append("checker suggests " + ", ".join(p.suggestions) + " (to confirm)")
    return " · ".join(parts)


def _what_cell(row: Standing, key: str) -> Text:
    text = Text(_what(row, key))
    extra = made_by(row)
    if extra:
        text.append("\n" + extra, style="dim")
    return text


def _status_label(row: Standing) -> str:
    assert row.status is not None
    label = row.status.value.replace("_", " ")
    if row.claim.kind.value == "prediction":
        label = PREDICTION_LABELS.get(row.status, label)
    if row.progress is not None:
        label += f" · {row.progress.value.replace('_', ' ')}"
    return label


def _status_text(row: Standing) -> Text:
    assert row.status is not None
    return Text(_status_label(row), style=_STYLE.get(row.status, ""))


def recorder_phrase(e: Evidence) -> str:
    """Who gave a verdict, as the report says it: a person's name, "per ORG" for
    another fact-checker's imported review, or "checker"."""
    if e.recorder is RecorderKind.IMPORTED:
        return f"per {e.recorded_by}"
    return e.recorded_by if e.by_person else "checker"


def verdict_phrase(row: Standing) -> str:
    """For a decided commitment: when the verdict became known, who gave it (a person's
    name, "per ORG" for an imported review, or "checker" with its confidence) and
    why."""
    e = row.decided_by
    if e is None:
        return ""
    who = recorder_phrase(e)
    if e.recorder is RecorderKind.CHECKER and e.confidence is not None:
        who += f" {e.confidence:.0%}"
    text = f"{e.known_at:%d %b %Y} ({relative(e.known_at, row.as_of)}) · {who}"
    if e.reason:
        text += f" · {e.reason}"
    return text


def _when_cell(key: str, row: Standing) -> str:
    if key == "resolved":
        return verdict_phrase(row)
    if key == "conditional" and row.claim.condition:
        due = row.claim.due
        when = "" if due is None else f"; {due_phrase(row)}"
        condition = row.claim.condition
        if not condition.lower().startswith(_CONDITION_WORDS):
            condition = f"if: {condition}"
        return f"{condition}{when}"
    return due_phrase(row)


# How conditions begin when the extractor keeps their conjunction.
_CONDITION_WORDS = (
    "if ",
    "in the event",
    "in case",
    "in the case",
    "should ",
    "once ",
    "unless ",
    "provided",
    "providing",
    "as long as",
    "when ",
    "on condition",
)


def _when_title(key: str) -> str:
    return {"resolved": "verdict", "conditional": "on condition"}.get(key, "by when")


#: What a report of each kind counts, singular and plural.
NOUNS = {
    "commitment": ("commitment", "commitments"),
    "prediction": ("dated prediction", "dated predictions"),
    "demand": ("dated demand", "dated demands"),
}

#: How a final status reads for a prediction: it happened, or it did not.
PREDICTION_LABELS = {Status.KEPT: "happened", Status.BROKEN: "did not happen"}


def _headline(report: StatusReport, kind: str = "commitment") -> str:
    one, many = NOUNS.get(kind, NOUNS["commitment"])
    parts = [f"{report.total} {one if report.total == 1 else many}"]
    for status in (
        Status.OVERDUE,
        Status.DUE,
        Status.OPEN,
        Status.CONDITIONAL,
        Status.KEPT,
        Status.PARTIALLY_KEPT,
        Status.BROKEN,
        Status.WITHDRAWN,
        Status.UNVERIFIABLE,
        Status.ANNULLED,
    ):
        n = report.count(status)
        if n:
            parts.append(f"{n} {status.value.replace('_', ' ')}")
    return ", ".join(parts[:1]) + (": " + ", ".join(parts[1:]) if parts[1:] else "")


def _as_of_text(as_of: datetime) -> str:
    return f"{as_of:%a %d %b %Y %H:%M} {as_of.tzname() or ''}".rstrip()


def render_table(
    report: StatusReport, console: Console, *, kind: str = "commitment", heading: bool = True
) -> None:
    """The report as rich tables, fitted to the console's width (colour only when the
    console is a terminal; rich also honours ``NO_COLOR``).  ``kind`` names what the
    report counts (a report of dated predictions or demands follows the commitments'
    without ``heading``)."""
    if heading:
        console.print(
            Text.assemble(("claimtrack status", "bold"), f" as of {_as_of_text(report.as_of)}")
        )
    else:
        console.print()
    console.print(
        Text(_headline(report, kind), style="bold red" if report.count(Status.OVERDUE) else "")
    )
    if not report.total and not heading:
        return
    if not report.total:
        console.print(
            "No commitments to report. Add sources with: claimtrack add PATH"
            " (or widen the filters)."
        )
        return
    narrow = console.width < 100
    for section in report.sections:
        if not section.total:
            continue
        title = section.title
        if section.key == "due_soon":
            title = f"Due now or within {report.due_within:g} days"
        table = Table(
            title=f"{title} ({section.total})",
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            expand=False,
            pad_edge=False,
        )
        table.add_column("id", style="dim", no_wrap=True)
        table.add_column("status", no_wrap=True)
        if narrow:  # one column for who and what leaves room to read both
            table.add_column("who must do what", overflow="fold", ratio=3)
        else:
            table.add_column("who must act", overflow="fold", ratio=1)
            table.add_column("what", overflow="fold", ratio=3)
        table.add_column(_when_title(section.key), overflow="fold", ratio=2)
        for row in section.rows:
            who_what: tuple[str | Text, ...] = (
                (Text.assemble((_who(row), "bold"), ": ", _what_cell(row, section.key)),)
                if narrow
                else (_who(row), _what_cell(row, section.key))
            )
            table.add_row(
                row.claim.id[:8], _status_text(row), *who_what, _when_cell(section.key, row)
            )
        console.print(table)
        if section.hidden:
            console.print(
                Text(f"  … and {section.hidden} more (--limit 0 lists all)\n", style="dim")
            )
    actors = Table(
        title="Record by actor",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption="share kept = (kept + ½ partly kept) / decided; unverifiable and annulled apart",
        caption_justify="left",
    )
    actors.add_column("actor", overflow="fold")
    for col in ("kept", "partly", "broken", "overdue", "open", "unverif.", "share kept"):
        actors.add_column(col, justify="right", no_wrap=True)
    for a in report.actors:
        share = "–" if a.share_kept is None else f"{a.share_kept:.0%}"
        actors.add_row(
            a.name,
            str(a.n("kept")),
            str(a.n("partially_kept")),
            str(a.n("broken", "withdrawn")),
            str(a.n("overdue")),
            str(a.open),
            str(a.n("unverifiable")),
            share,
        )
    console.print(actors)
    if report.reasons:  # why the settled ones were broken, annulled, partly kept
        console.print(Text("Reasons", style="bold"))
        for line in reason_lines(report.reasons):
            console.print(Text(f"  {line}"))


def _md(value: str) -> str:
    # Source text renders literally: no links, images, emphasis, HTML (sanitize.py).
    return markdown_text(value)


def render_markdown(
    report: StatusReport, stream: TextIO, *, kind: str = "commitment", heading: bool = True
) -> None:
    """The report as Markdown, for a newsletter or a wiki page (``kind`` and
    ``heading`` as for :func:`render_table`)."""
    if heading:
        stream.write(f"# Commitments as of {_as_of_text(report.as_of)}\n\n")
    else:
        stream.write(f"\n# {NOUNS.get(kind, NOUNS['commitment'])[1].capitalize()}\n\n")
    stream.write(f"{_headline(report, kind)}.\n")
    for section in report.sections:
        if not section.total:
            continue
        title = section.title
        if section.key == "due_soon":
            title = f"Due now or within {report.due_within:g} days"
        when_col = _when_title(section.key)
        stream.write(
            f"\n## {title} ({section.total})\n\n| id | status | who must act | what | {when_col} |\n"
        )
        stream.write("| --- | --- | --- | --- | --- |\n")
        for row in section.rows:
            extra = made_by(row)
            cells = (
                _status_label(row),
                _who(row),
                _what(row, section.key) + (f" ({extra})" if extra else ""),
                _when_cell(section.key, row),
            )
            stream.write(f"| `{row.claim.id[:8]}` | " + " | ".join(_md(c) for c in cells) + " |\n")
        if section.hidden:
            stream.write(f"\n_… and {section.hidden} more._\n")
    if report.actors:
        stream.write(
            "\n## Record by actor\n\n"
            "| actor | kept | partly kept | broken | overdue | open | unverifiable | share kept |\n"
        )
        stream.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        for a in report.actors:
            share = "–" if a.share_kept is None else f"{a.share_kept:.0%}"
            stream.write(
                f"| {_md(a.name)} | {a.n('kept')} | {a.n('partially_kept')} | "
                f"{a.n('broken', 'withdrawn')} | {a.n('overdue')} | {a.open} | "
                f"{a.n('unverifiable')} | {share} |\n"
            )
        stream.write(
            "\nShare kept = (kept + half of partly kept) / decided (kept, partly kept, broken,"
            " withdrawn); unverifiable and annulled are counted apart.\n"
        )
    if report.reasons:
        stream.write("\n## Reasons\n\n")
        stream.write("".join(f"- {_md(line)}\n" for line in reason_lines(report.reasons)))


def report_json(report: StatusReport, *, records: bool = True) -> dict[str, Any]:
    """The report as one JSON object: ``as_of``, ``commitments`` (every claim record,
    with ``status`` and ``progress``), ``actors`` (per-actor counts, ``decided`` and
    ``share_kept``), plus ``due_within``, ``counts`` (by status), ``reasons`` (by final
    status, how many promises each reason code settled) and ``sections``
    (claim ids in each section, in report order, unlimited).  ``records=False``
    leaves ``commitments`` empty (for writers that stream them)."""
    return {
        "as_of": report.as_of.isoformat(),
        "due_within": report.due_within,
        "counts": dict(sorted(report.counts.items())),
        "reasons": {status: dict(row) for status, row in report.reasons.items()},
        "sections": {key: list(ids) for key, ids in report.section_ids.items()},
        "commitments": report.records() if records else [],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                **{s.value: a.counts.get(s.value, 0) for s in Status},
                "decided": a.decided,
                "share_kept": a.share_kept,
            }
            for a in report.actors
        ],
    }


def render_json(report: StatusReport, stream: TextIO) -> None:
    """Write :func:`report_json` to ``stream``: one object, a member per line, each
    commitment and each actor on a line of its own.  (The encoder's ``indent`` runs in
    pure Python and takes seconds over 100,000 records; this layout stays readable and
    line-diffable.)"""
    doc = report_json(report, records=False)
    keys = list(doc)
    stream.write("{")
    for n, key in enumerate(keys):
        stream.write(("\n" if n == 0 else ",\n") + f"  {json.dumps(key)}: ")
        if key == "commitments":
            items: Iterable[str] = report.records_json()
        elif key == "actors":
            items = (json.dumps(a, ensure_ascii=False) for a in doc[key])
        else:
            stream.write(json.dumps(doc[key], ensure_ascii=False))
            continue
        stream.write("[")
        empty = True
        for text in items:
            stream.write(("\n    " if empty else ",\n    ") + text)
            empty = False
        stream.write("]" if empty else "\n  ]")
    stream.write("\n}\n")


# Characters JSON may leave raw that some readers take as line breaks.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _one_line(text: str) -> str:
    for raw, escaped in _LINE_BREAKS.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text

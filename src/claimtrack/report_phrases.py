"""How the status report words a promise: its due window ("20 Mar 2025 (12 days
overdue)"), who must act and what, who made it and how often, who gave the verdict and
when, and the headline counts.  Shared by the table and the Markdown renderers
(:mod:`claimtrack.report_render`) and by ``claimtrack show``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .model import Evidence, RecorderKind, Status
from .status import Standing

if TYPE_CHECKING:
    from .report import StatusReport

__all__ = [
    "NOUNS",
    "PREDICTION_LABELS",
    "as_of_text",
    "due_phrase",
    "headline",
    "made_by",
    "recorder_phrase",
    "relative",
    "status_label",
    "verdict_phrase",
    "what_is_promised",
    "when_cell",
    "when_title",
    "who_must_act",
]


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


def who_must_act(row: Standing) -> str:
    # Who must act; the speaker only when nobody else was named.
    c = row.claim
    who = c.actor or c.speaker
    return who.name if who is not None else "?"


def what_is_promised(row: Standing, key: str = "") -> str:
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


def status_label(row: Standing) -> str:
    assert row.status is not None
    label = row.status.value.replace("_", " ")
    if row.claim.kind.value == "prediction":
        label = PREDICTION_LABELS.get(row.status, label)
    if row.progress is not None:
        label += f" · {row.progress.value.replace('_', ' ')}"
    return label


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


def when_cell(key: str, row: Standing) -> str:
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


def when_title(key: str) -> str:
    return {"resolved": "verdict", "conditional": "on condition"}.get(key, "by when")


#: What a report of each kind counts, singular and plural.
NOUNS = {
    "commitment": ("commitment", "commitments"),
    "prediction": ("dated prediction", "dated predictions"),
    "demand": ("dated demand", "dated demands"),
}

#: How a final status reads for a prediction: it happened, or it did not.
PREDICTION_LABELS = {Status.KEPT: "happened", Status.BROKEN: "did not happen"}


def headline(report: StatusReport, kind: str = "commitment") -> str:
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


def as_of_text(as_of: datetime) -> str:
    return f"{as_of:%a %d %b %Y %H:%M} {as_of.tzname() or ''}".rstrip()

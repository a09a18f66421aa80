"""``claimtrack check``: run the checkers, record their verdicts, leave the findings below
``--min-confidence`` to a person as suggestions, or (``--dry-run``) show what would be
recorded.  A thin layer over :meth:`claimtrack.Tracker.check`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import click

from .cli_host import handle_errors, one_line, report_problems
from .model import Evidence
from .records import rule_of
from .tracker import Tracker
from .tracker_check import DEFAULT_MIN_CONFIDENCE

__all__ = ["register"]

_one_line = one_line


def register(
    cli: click.Group,
    _tracker: Callable[[click.Context], Tracker],
    as_of: Callable[[Any], Any],
) -> None:
    """Add ``check`` to ``cli``."""

    @cli.command()
    @as_of
    @click.option(
        "--dry-run", is_flag=True, help="Show what would be recorded, and record nothing."
    )
    @click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=DEFAULT_MIN_CONFIDENCE,
        show_default=True,
        help="A checker's finding below this is recorded as a suggestion for a person to"
        " confirm (`claimtrack confirm`), not as a verdict.",
    )
    @click.pass_context
    @handle_errors
    def check(
        ctx: click.Context, as_of: datetime | None, dry_run: bool, min_confidence: float
    ) -> None:
        """Run the checkers: look through stored sources for reports that open commitments
        were kept, broken or delayed, and record that evidence.

        A finding as confident as --min-confidence is recorded as the checker's verdict;
        a less confident one as a suggestion, which changes no status until a person
        confirms it (`claimtrack confirm s12`) or sets it aside (`claimtrack dismiss s12`).
        A person's verdict always outranks a checker's.  Re-running records nothing twice.
        --as-of reads only the reports published by then.  Prints each status that changed,
        then the evidence that changed none (progress, a condition met) and the suggestions;
        `claimtrack show ID` shows the sentence each rests on.

        \b
        Example:
          claimtrack check --dry-run
          claimtrack check --as-of 2025-03-25
          claimtrack check --min-confidence 0.7
        """
        tracker = _tracker(ctx)
        report = tracker.check(as_of, dry_run=dry_run, min_confidence=min_confidence)
        report_problems(report.errors)
        if dry_run:
            click.echo(
                f"Checked {report.checked} open commitment(s); would record"
                f" {len(report.recorded)} verdict(s) and {len(report.suggested)} suggestion(s)"
                f" (below {min_confidence:.0%}); nothing recorded (--dry-run)."
            )
            for label, items in (("verdict", report.recorded), ("suggestion", report.suggested)):
                for ev in items:
                    _echo_finding(label, report.promise_of.get(ev.claim_id, ev.claim_id), ev)
            return
        click.echo(
            f"Checked {report.checked} open commitment(s); {len(report.recorded)} new piece(s) of"
            f" evidence, {len(report.suggested)} suggestion(s) to confirm."
        )
        changed = set()
        for claim, old, new in report.changed:
            changed.add(claim.id)
            what = claim.action or claim.text
            pid = report.promise_of.get(claim.id, claim.id)
            click.echo(
                f"  {pid[:8]}  {old.value if old else '-'} -> {new.value if new else '-'}  "
                + _one_line(what[:70])
            )
        for ev in report.recorded:
            if ev.claim_id not in changed:
                why = f" ({_one_line(ev.reason)})" if ev.reason else ""
                pid = report.promise_of.get(ev.claim_id, ev.claim_id)
                click.echo(f"  {pid[:8]}  + {ev.verdict.value}{why}, status unchanged")
        for ev in report.suggested:
            pid = report.promise_of.get(ev.claim_id, ev.claim_id)
            why = f" ({_one_line(ev.reason)})" if ev.reason else ""
            click.echo(
                f"  {pid[:8]}  suggestion s{ev.id}: {ev.verdict.value}{why},"
                f" {_pct(ev.confidence)}; `claimtrack confirm s{ev.id}` to record it"
            )

    def _pct(value: float | None) -> str:
        return "confidence not given" if value is None else f"confidence {value:.0%}"

    def _echo_finding(label: str, pid: str, ev: Evidence) -> None:
        # One finding of a dry run: what it is on, what it says, which rule, on what sentence.
        why = f" ({_one_line(ev.reason)})" if ev.reason else ""
        click.echo(f"  {pid[:8]}  {label}: {ev.verdict.value}{why}, {_pct(ev.confidence)}")
        click.echo(f"            rule {rule_of(ev) or '?'} · {ev.recorded_by}")
        if ev.excerpt:
            click.echo(f"            “{_one_line(ev.excerpt)}”")

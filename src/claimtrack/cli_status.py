"""``claimtrack status``: the daily report (:meth:`claimtrack.Tracker.report`) as a table,
markdown or JSON, with ``--fail-on`` for scripts.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone

import click

from .cli_host import handle_errors
from .cli_options import DaysType, WhenType, as_of_option, console, tracker_of
from .model import Status
from .report import StatusReport, render_json, render_markdown, render_table

__all__ = ["register", "status"]

STATUS_CHOICES = [s.value for s in Status]
#: The kinds of promise the ledger tracks, in the order the report shows them.
TRACKED = ("commitment", "prediction", "demand")


@click.command()
@as_of_option
@click.option("--actor", help="Only commitments of this actor (who must act or who said it).")
@click.option(
    "--kind",
    type=click.Choice(["all", *TRACKED]),
    default="all",
    show_default=True,
    help="Which tracked promises: commitments, or predictions or demands that carry a"
    " due window; all gives each kind its own sections.",
)
@click.option(
    "--due-within",
    type=DaysType(),
    default=7,
    show_default=True,
    help="Days ahead that count as due soon.",
)
@click.option("--since", type=WhenType(), help="Only promises first made since then.")
@click.option(
    "--fail-on",
    multiple=True,
    metavar="STATUS",
    type=click.Choice(STATUS_CHOICES + [s.replace("_", "-") for s in STATUS_CHOICES if "_" in s]),
    help="Exit with status 3 if any commitment has this status (repeatable), e.g. --fail-on overdue.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=25,
    show_default=True,
    help="Rows listed per section in table and markdown (0: all; json lists all).",
)
@click.pass_context
@handle_errors
def status(
    ctx: click.Context,
    as_of: datetime | None,
    actor: str | None,
    kind: str,
    due_within: float,
    since: datetime | None,
    fail_on: tuple[str, ...],
    fmt: str,
    limit: int,
) -> None:
    """The report: overdue, due soon, waiting on a condition, open, recently resolved,
    and each actor's record (kept, partly kept, broken, overdue, open, share kept).

    One row per promise, however many times it was stated ("said by … · 3 mentions in
    2 sources"); commitments first, then predictions and demands that carry a due
    window, each kind in its own sections (--kind picks one).

    Dates read both ways: "20 Mar 2025 (12 days overdue)", "(starts in 3 days)".
    --as-of answers "what did we know then?": evidence counts from when it became
    known.  --format table fits the terminal and uses colour only on a terminal;
    markdown is for newsletters; json is one object with "as_of", "commitments"
    (claim records with "status" and "progress") and "actors" (per-actor counts).

    \b
    Exit status:
      0  the report was written (whatever it says)
      3  --fail-on names a status some reported commitment has
      1  an error (bad store, unknown option value)
    \b
    Examples:
      claimtrack status
      claimtrack status --as-of 2025-04-01 --actor "Keir Starmer"
      claimtrack status --fail-on overdue --format markdown > today.md
    """
    tracker = tracker_of(ctx, read_only=True)
    when = as_of or datetime.now(timezone.utc)

    def report_of(k: str | None) -> StatusReport:
        return tracker.report(
            when,
            actor=actor,
            kind=k,
            due_within=due_within,
            since=since,
            # json lists every promise from its records, not from the sections' rows.
            limit=0 if fmt == "json" else (None if limit == 0 else limit),
        )

    if fmt == "json":
        reports = [report_of(None if kind == "all" else kind)]
        render_json(reports[0], sys.stdout)
    else:
        # Commitments first, then each other kind that has promises, in its own sections.
        kinds = TRACKED if kind == "all" else (kind,)
        reports = []
        for n, k in enumerate(kinds):
            rep = report_of(k)
            if n and kind == "all" and not rep.total:
                continue
            reports.append(rep)
            if fmt == "markdown":
                render_markdown(rep, sys.stdout, kind=k, heading=not n)
            else:
                render_table(rep, console(), kind=k, heading=not n)
    wanted = sorted({Status(Status.parse(s)) for s in fail_on}, key=lambda s: s.value)
    hits = {s.value: sum(r.count(s) for r in reports) for s in wanted}
    hits = {name: n for name, n in hits.items() if n}
    if hits:
        found = ", ".join(f"{n} {name}" for name, n in hits.items())
        click.echo(f"--fail-on: {found}", err=True)
        sys.exit(3)


def register(cli: click.Group) -> None:
    """Add ``status`` to ``cli``."""
    cli.add_command(status)

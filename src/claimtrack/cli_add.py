"""``claimtrack add`` and ``claimtrack extract``: read sources and extract their claims,
storing them (:meth:`claimtrack.Tracker.add`) or only printing them
(:func:`claimtrack.extract_path`).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .cli_host import handle_errors, plugin_manager, report_problems
from .cli_options import WhenType, console, extractor_option, extractors_of, registry_of, tracker_of
from .errors import ClaimtrackError
from .model import ClaimKind
from .parallel_add import default_jobs
from .records import dumps_line, standing_record
from .report import due_phrase
from .status import standing
from .tracker import extract_path

__all__ = ["add", "extract", "register"]


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--published", type=WhenType(), help="Publication time for these sources (overrides their own)."
)
@click.option(
    "--rederive",
    is_flag=True,
    help="Extract claims again even from sources already stored (after upgrading an "
    "extractor); with no PATHS, every stored source.",
)
@extractor_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Extract in this many worker processes (default: one per core); the result is "
    "the same as with 1.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_context
@handle_errors
def add(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: datetime | None,
    rederive: bool,
    extractor: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
) -> None:
    """Read sources, extract their claims and store them.

    PATHS are files, directories (read recursively) or URLs.  Adding the same document
    twice is a no-op; with changed metadata (say a corrected --published) the source is
    updated and its claims re-derived.  A file that cannot be read is reported and the
    rest are still added.  Re-deriving replaces only the claims of the extractors that
    succeeded: one that fails keeps what it found before.

    \b
    Exit status: 0 done; 1 nothing could be added; 4 added, but a plugin failed
    or could not be loaded (the lines above it say which, and what to do).
    \b
    Example:
      claimtrack add seeds/
      claimtrack add statement.txt --published 2025-03-15T14:00:00+00:00
      claimtrack add --rederive            # every stored source, after an upgrade
      claimtrack add --rederive --extractor pledges   # one extractor, again
    """
    if not paths and not rederive:
        raise click.UsageError("give at least one PATH (or --rederive for every stored source)")
    if not paths and published is not None:
        raise click.UsageError("--published needs the PATHS it applies to")
    tracker = tracker_of(ctx, create=True)
    chosen = extractors_of(ctx, tracker.pm, extractor)
    err = console(err=True)
    show_bar = not quiet and err.is_terminal
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not show_bar,
    ) as bar:
        task = bar.add_task("Adding", total=None)

        def progress(uri: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"Adding {uri[-40:]}")

        if paths:
            report = tracker.add(
                list(paths),
                published=published,
                on_progress=progress,
                rederive=rederive,
                extractors=chosen,
                jobs=jobs or default_jobs(),
            )
        else:
            report = tracker.rederive(on_progress=progress, extractors=chosen)
    failed = bool(report.errors) and not (report.added or report.updated or report.unchanged)
    report_problems(report.notes)
    report_problems(report.errors, "Error" if failed else "Warning")
    if failed:
        sys.exit(1)
    if not quiet:
        verdicts = f"; {len(report.evidence)} verdict(s) imported" if report.evidence else ""
        click.echo(
            f"{report.added} source(s) added, {report.updated} updated, {report.unchanged} unchanged; "
            f"{report.claims} claim(s) extracted into {tracker.store.path}{verdicts}"
        )


@click.command()
@click.argument("path")
@click.option("--published", type=WhenType(), help="Publication time (overrides the source's own).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "json"]),
    default="table",
    show_default=True,
    help="table for reading, jsonl/json for programs (the public claim record).",
)
@click.option(
    "--kind", type=click.Choice([k.value for k in ClaimKind]), help="Only claims of this kind."
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show, under each claim, the rules that made it (the record's rules).",
)
@extractor_option
@click.pass_context
@handle_errors
def extract(
    ctx: click.Context,
    path: str,
    published: datetime | None,
    fmt: str,
    kind: str | None,
    explain: bool,
    extractor: tuple[str, ...],
) -> None:
    """Extract the claims of PATH and print them, storing nothing.

    Commitments get a status from their due window alone (no evidence is read).
    With --explain the table shows, under each claim, the rules that made it (who
    said it, what decided its kind, where its due came from); JSON records always
    carry them as "rules".

    \b
    Examples:
      claimtrack extract seeds/000_4f9421fb867c1b8c.txt --format jsonl
      claimtrack extract seeds/000_4f9421fb867c1b8c.txt --kind commitment --explain
    """
    obj = ctx.ensure_object(dict)
    pm = plugin_manager(ctx)
    found = extract_path(
        path,
        published=published,
        plugin_manager=pm,
        registry=registry_of(obj),
        extractors=extractors_of(ctx, pm, extractor),
        plugin_timeout=obj.get("time_limit", 120.0),
    )
    now = datetime.now(timezone.utc)
    rows = [
        standing(c, source.ref, (), now)
        for source, claims in found.items
        for c in claims
        if kind is None or c.kind.value == kind
    ]
    errors = found.errors
    report_problems(found.notes)
    report_problems(errors, "Error" if errors and not rows else "Warning")
    if not rows and errors and all(isinstance(e, ClaimtrackError) for e in errors):
        sys.exit(1)
    if fmt == "jsonl":
        for row in rows:
            click.echo(dumps_line(standing_record(row)))
    elif fmt == "json":
        click.echo(json.dumps([standing_record(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        table = Table(title=f"{len(rows)} claims in {path}", title_justify="left")
        for col in ("kind", "speaker", "claim", "due", "condition"):
            table.add_column(col, overflow="fold")
        for row in rows:
            c = row.claim
            claim_text = c.text
            if explain:
                found_by = ", ".join(c.rules) if c.rules else "no rules named"
                claim_text = f"{claim_text}\n  rules: {found_by}"
            table.add_row(
                c.kind.value,
                c.speaker.name if c.speaker else "",
                claim_text,
                due_phrase(row) if c.due else "",
                c.condition or "",
            )
        console().print(table)


def register(cli: click.Group) -> None:
    """Add ``add``, ``extract`` to ``cli``."""
    cli.add_command(add)
    cli.add_command(extract)

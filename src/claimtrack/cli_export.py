"""``claimtrack export``: write every stored claim in an exporter's format
(:meth:`claimtrack.Tracker.export`), with the exporter's options from ``-O`` and a file.
"""

from __future__ import annotations

import sys
from datetime import datetime

import click

from .cli_host import handle_errors, report_problems
from .cli_options import as_of_option, tracker_of
from .exporters import options_from_file, parse_option_pairs
from .output import write_output
from .tracker import Tracker

__all__ = ["export", "register"]


@click.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    metavar="NAME",
    help="An exporter: json, jsonl, csv, markdown or a plugin's.",
)
@as_of_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (default: standard output).",
)
@click.option(
    "-O",
    "--option",
    "option_pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help='An option of the exporter (repeatable), e.g. -O reviewer="Harbour Fact Check".',
)
@click.option(
    "--options-file",
    type=click.Path(dir_okay=False, exists=True),
    envvar="CLAIMTRACK_EXPORT_OPTIONS",
    show_envvar=True,
    help='A JSON file of options per format, e.g. {"claimreview": {"reviewer": "…"}}; '
    "-O overrides it.",
)
@click.option(
    "--list-options", is_flag=True, help="List the options the format takes, and write nothing."
)
@click.pass_context
@handle_errors
def export(
    ctx: click.Context,
    fmt: str,
    as_of: datetime | None,
    output: str | None,
    option_pairs: tuple[str, ...],
    options_file: str | None,
    list_options: bool,
) -> None:
    """Write every stored claim in a format (statuses as of --as-of).

    An exporter may take options, given as -O key=value; an option the exporter does
    not take, or a value it refuses, is an error that lists the options it has
    (--list-options lists them too).  Options a newsroom always gives (its name as
    the reviewer) can live in a JSON file, --options-file or $CLAIMTRACK_EXPORT_OPTIONS;
    -O overrides it.  The document goes to standard output (or -o FILE); with -o, a
    line on standard error says how many items were written.

    \b
    Examples:
      claimtrack export --format csv -o claims.csv
      claimtrack export --format jsonl --as-of 2025-04-01
      claimtrack export --format claimreview -O reviewer="Harbour Fact Check" \\
          -O url_template="https://factcheck.example/claims/{id}" -o reviews.jsonld
    """
    tracker = tracker_of(ctx, read_only=True)
    report_problems(tracker.exporter_problems())
    given = options_from_file(options_file, fmt) if options_file else {}
    given |= parse_option_pairs(option_pairs)
    if list_options:
        _print_export_options(tracker, fmt)
        return
    if output is None:
        tracker.export(fmt, sys.stdout, as_of=as_of, options=given)
        return
    # Whole or not at all, and only into a regular file: see claimtrack.output.
    n = write_output(output, lambda stream: tracker.export(fmt, stream, as_of=as_of, options=given))
    unit = getattr(tracker.exporters().get(fmt), "unit", "record")
    click.echo(f"Wrote {n} {fmt} {unit}(s) to {output}", err=True)


def _print_export_options(tracker: Tracker, fmt: str) -> None:
    exporter = tracker.exporters().get(fmt)
    if exporter is None:
        tracker.export(fmt, sys.stdout)  # raises the error naming the formats there are
        return
    if not exporter.options:
        click.echo(f"{fmt} takes no options.")
        return
    click.echo(f"Options of {fmt} (-O key=value):")
    for option in exporter.options:
        default = "" if option.default is None else f" (default: {option.default})"
        click.echo(f"  {option.name}  {option.help}{default}")


def register(cli: click.Group) -> None:
    """Add ``export`` to ``cli``."""
    cli.add_command(export)

"""``claimtrack plugins``: what is installed, the hooks each plugin implements, the sources
an extractor owns and the languages it reads, and what could not be loaded.
"""

from __future__ import annotations

import json

import click
from rich.table import Table
from rich.text import Text

from .cli_host import handle_errors, plugin_manager, report_problems
from .cli_options import console
from .plugins import describe_plugins

__all__ = ["plugins", "register"]


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
@handle_errors
def plugins(ctx: click.Context, fmt: str) -> None:
    """List installed plugins, their versions and the hooks they implement, the
    sources an extractor owns and the languages it reads, and every plugin that could
    not be loaded, with why.

    \b
    Exit status: 0 every plugin loaded; 4 one could not be loaded, or one's
    exporter or command was refused (named on standard error).
    """
    from .exporters import collect_exporters
    from .extraction import ownerships
    from .languages import extractor_languages

    pm = plugin_manager(ctx)
    infos = describe_plugins(pm)
    owned = {name: o.describe() for name, o in ownerships(pm).items()}
    reads = {name: sorted(langs) for name, langs in extractor_languages(pm).items()}
    # Refused plugins are rows of the table (and make the exit status 4); a refused
    # exporter is named here.
    report_problems(collect_exporters(pm)[1])
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "name": i.name,
                        "version": i.version,
                        "hooks": list(i.hooks),
                        "builtin": i.builtin,
                        "alias": i.alias,
                        "owns": owned.get(i.name),
                        "languages": reads.get(i.name),
                        "error": i.error,
                    }
                    for i in infos
                ],
                indent=2,
            )
        )
        return
    table = Table(title="claimtrack plugins", title_justify="left")
    for col in ("name", "version", "hooks", ""):
        table.add_column(col, overflow="fold")
    for i in infos:
        notes = []
        if i.builtin:
            notes.append(f"built-in ({i.alias})" if i.alias else "built-in")
        if i.name in owned:
            notes.append(f"owns {owned[i.name]}")
        if i.name in reads:
            notes.append(f"reads {', '.join(reads[i.name])}")
        note = Text("; ".join(notes))
        if i.error:
            note = Text(f"not loaded: {i.error}", style="red")
        table.add_row(i.name, i.version or "", ", ".join(i.hooks), note)
    console().print(table)


def register(cli: click.Group) -> None:
    """Add ``plugins`` to ``cli``."""
    cli.add_command(plugins)

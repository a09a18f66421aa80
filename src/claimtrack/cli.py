"""The ``claimtrack`` command line: a thin layer over :class:`claimtrack.Tracker`.

Every command takes the store as ``--db PATH`` before the command, else
``$CLAIMTRACK_DB``, else ``claimtrack.db`` in the current directory.  Errors print one
line saying what to do, never a traceback; exit status 1 for errors, 2 for bad usage.
"""

from __future__ import annotations

import click

from . import __version__
from .cli_add import register as _register_add
from .cli_check import register as _register_check
from .cli_db import register as _register_db
from .cli_export import register as _register_export
from .cli_host import DEBUG_ENV as DEBUG_ENV  # the documented name, where it always was
from .cli_host import ClaimtrackGroup, one_line
from .cli_options import WhenType, as_of_option, tracker_of
from .cli_plugins import register as _register_plugins
from .cli_promises import register as _register_corrections
from .cli_resolve import register as _register_resolve
from .cli_show import register as _register_show
from .cli_status import STATUS_CHOICES as STATUS_CHOICES
from .cli_status import TRACKED as TRACKED
from .cli_status import register as _register_status
from .model import Verdict
from .tracker import DB_ENV, DEFAULT_DB

_one_line = one_line

VERDICT_NAMES = [v.value for v in Verdict]


@click.group(cls=ClaimtrackGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar=DB_ENV,
    default=DEFAULT_DB,
    show_default=True,
    show_envvar=True,
    help="The store to use: an SQLite file (`add` creates it; the other commands refuse a "
    "missing one, and status, show and export only read it), or a PostgreSQL database as "
    "postgresql://user@host/database (see docs/store.md).",
)
@click.option(
    "--actors",
    type=click.Path(dir_okay=False, exists=True),
    envvar="CLAIMTRACK_ACTORS",
    show_envvar=True,
    help="A JSON file of known actors and their aliases, to resolve names with.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1, max=86_400),
    envvar="CLAIMTRACK_TIME_LIMIT",
    default=120.0,
    show_default=True,
    show_envvar=True,
    help="Seconds one extractor or checker may take on one source or claim; past it, "
    "it is stopped (the source is tried again on the next add).",
)
@click.version_option(__version__, prog_name="claimtrack")
@click.pass_context
def cli(ctx: click.Context, db: str, actors: str | None, time_limit: float) -> None:
    """Track what public actors claim and commit to, and whether they deliver.

    \b
    Typical day:
      claimtrack add articles/            read new sources, extract their claims
      claimtrack check                    look for reports that commitments were met
      claimtrack status                   the report: overdue, due soon, kept, broken
      claimtrack resolve ID kept --evidence URL --happened 2025-03-20
    """
    obj = ctx.ensure_object(dict)
    obj["db"] = db
    obj["actors"] = actors
    obj["time_limit"] = time_limit


_register_add(cli)
_register_status(cli)
_register_resolve(cli)
_register_show(cli)
_register_export(cli)
_register_plugins(cli)
_register_corrections(cli, tracker_of, WhenType())
_register_check(cli, tracker_of, as_of_option)
_register_db(cli)


def main() -> None:
    """Entry point of the ``claimtrack`` console script."""
    cli(obj={})

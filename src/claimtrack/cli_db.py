"""``claimtrack db``: commands on the ledger itself (``db copy SRC DST``)."""

from __future__ import annotations

from contextlib import closing

import click

from .cli_host import handle_errors
from .errors import StoreError
from .store import SQLStore
from .store_copy import copy_ledger
from .store_protocol import is_postgres_url, open_store
from .tracker import require_store

__all__ = ["register"]


def register(cli: click.Group) -> None:
    """Add ``db`` and its commands to ``cli``."""

    @cli.group()
    def db() -> None:
        """Commands on the ledger itself: move it between SQLite and PostgreSQL."""

    @db.command()
    @click.argument("src")
    @click.argument("dst")
    @handle_errors
    def copy(src: str, dst: str) -> None:
        """Copy the ledger SRC into DST, nothing lost: evidence, corrections and
        promises with their ids.  Each is a file path or a postgresql:// URL; DST must
        hold no ledger yet (a new file, or an empty database).  SRC is only read.

        \b
        claimtrack db copy claimtrack.db postgresql://desk@db.example.org/claims
        claimtrack db copy postgresql://desk@db.example.org/claims backup.db
        """
        require_store(src)
        if not is_postgres_url(dst) and not dst.strip():
            raise StoreError("DST: give a file path or a postgresql:// URL")
        with closing(open_store(src, read_only=True)) as source, closing(open_store(dst)) as target:
            if not isinstance(source, SQLStore) or not isinstance(target, SQLStore):
                raise StoreError("db copy works between claimtrack's own stores")
            report = copy_ledger(source, target)
        click.echo(f"copied {report.summary()} from {source.path} into {target.path}")

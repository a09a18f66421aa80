"""The hook specifications of claimtrack: every edge of the tool is a plugin.

Plugins implement these with ``@claimtrack.hookimpl``; an implementation may take any
subset of a hook's arguments (they are passed by keyword), so a hook can grow new
arguments without breaking existing plugins.  claimtrack's own loaders, extractor,
checker and exporters are registered through exactly these hooks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click

    from .extraction import ExtractContext
    from .loading import LoadOptions
    from .model import Claim, Evidence, Source
    from .store import StoreView

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("claimtrack")
hookimpl = pluggy.HookimplMarker("claimtrack")


@hookspec(firstresult=True)
def claimtrack_load(uri: str, options: LoadOptions) -> Iterable[Source] | None:
    """Turn ``uri`` (a file path or URL, never a directory) into sources.

    ``options`` carries the caller's settings (time limit, size limit, whether the
    network may be used).  Return None when this plugin does not handle ``uri``, so the
    next loader is tried; return the sources (possibly none, e.g. an empty feed) when it
    does.  Raise :class:`claimtrack.LoadError` when ``uri`` is yours but unreadable.
    Plugins registered later are tried first.  Stops at first non-None result.
    """


@hookspec
def claimtrack_extract(source: Source, context: ExtractContext) -> Iterable[Claim] | None:
    """Yield the claims found in ``source``.

    ``context.registry`` is the :class:`ActorRegistry` to resolve speakers and actors
    with, ``context.find_windows`` resolves time phrases against the source's
    publication time.  Each claim's ``text`` must be ``source.text[span[0]:span[1]]``;
    claims that break this are dropped and the plugin reported.  Return None (or yield
    nothing) when the source is not for this extractor (another language, say).  Every
    implementation is called; an implementation that raises is reported by name and the
    others' claims still count.
    """


@hookspec
def claimtrack_check(claim: Claim, store: StoreView, as_of: datetime) -> Iterable[Evidence] | None:
    """Yield evidence about the commitment ``claim`` known by ``as_of``.

    ``store`` is a read-only view of the ledger (sources, claims, evidence).  Yield
    :class:`Evidence` with ``recorder=checker`` and ``recorded_by`` naming the checker
    and its version; claimtrack drops evidence it already holds, so a checker may yield
    the same finding on every run.  Return None or yield nothing when there is nothing
    to say.  A checker never overrides a person: a person's verdict outranks it in
    status derivation whatever the checker says.
    """


@hookspec
def claimtrack_register_exporters(register: Callable[..., None]) -> None:
    """Add output formats by calling ``register(name, write, description=..., extension=...)``.

    ``write(standings, stream, as_of)`` writes every claim (each a
    :class:`claimtrack.Standing`: claim, source, status, progress, evidence) to the text
    stream.  A name already taken is refused with an error naming both plugins.
    """


@hookspec
def claimtrack_register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``claimtrack`` command-line group ``cli`` (a click group).

    Called once, the first time the CLI lists or looks up a command.  Add commands with
    ``@cli.command()`` or ``cli.add_command(...)``; a command's own context object holds
    ``"db"`` (the store path).  A plugin that raises here is reported and the built-in
    commands still work.  The return value is ignored.
    """

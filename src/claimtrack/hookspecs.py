"""The hook specifications of claimtrack: every edge of the tool is a plugin.

Plugins implement these with ``@claimtrack.hookimpl``; an implementation may take any
subset of a hook's arguments (they are passed by keyword), so a hook can grow new
arguments without breaking existing plugins.  claimtrack's own loaders, extractor,
checker and exporters are registered through exactly these hooks.

claimtrack calls every implementation on its own (``claimtrack.dispatch``), so one that
raises is named and the others still run.  A plugin that implements a hook not listed
here, takes an argument its hook does not pass, or marks an implementation
``wrapper=True``/``hookwrapper=True`` is refused when it is loaded, with the reason.
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
    from .reviews import Reviewed
    from .store import StoreView

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("claimtrack")
hookimpl = pluggy.HookimplMarker("claimtrack")


@hookspec(firstresult=True)
def claimtrack_load(uri: str, options: LoadOptions) -> Iterable[Source] | None:
    """Turn ``uri`` (a file path or URL, never a directory) into sources.

    ``options`` carries the caller's settings (time limit, size limit, whether the
    network may be used).  Return None when this plugin does not handle ``uri``, so the
    next loader is tried; return or yield the sources (possibly none, e.g. an empty
    feed) when it does.  Raise :class:`claimtrack.LoadError` when ``uri`` is yours but
    unreadable as a whole; return or yield a ``LoadError`` in place of one bad item of
    many, and the others are kept.  Each source is checked as the text loader's are (a
    str text that is not blank, str metadata, a plausible ``published_at``); a bad one
    is reported naming this plugin, and its id is set from its text, address and
    publication time.  Plugins registered later are tried first.
    Stops at first non-None result.
    """


@hookspec(firstresult=True)
def claimtrack_load_reviewed(uri: str, options: LoadOptions) -> Iterable[Reviewed] | None:
    """Turn ``uri`` (a file path or URL) into sources that come with their claims and
    evidence already made: published fact-checks, such as schema.org ClaimReview.

    Asked before :func:`claimtrack_load`, with the same arguments.  Return None when
    ``uri`` is not for this plugin (a page with no review in it, say), so the next
    plugin, then the ordinary loaders, are tried; return or yield
    :class:`claimtrack.Reviewed` items (``source``, ``claims``, ``evidence``) when it
    is.  Raise :class:`claimtrack.LoadError` when ``uri`` is yours but unreadable as a
    whole; return or yield a ``LoadError`` in place of one bad item.  Each source is
    checked and finished as a loader's, each claim as an extractor's (its text at its
    span of the source's text), and each piece of evidence must be about one of the
    item's claims; a bad item is reported naming this plugin and the others are kept.
    No extractor runs on these sources.  The evidence is recorded as a checker's (a
    suggestion: a person's verdict outranks it), once: reading the same input again
    records nothing twice.  Plugins registered later are tried first.
    Stops at first non-None result.
    """


@hookspec
def claimtrack_extract(source: Source, context: ExtractContext) -> Iterable[Claim] | None:
    """Yield the claims found in ``source``.

    ``context.registry`` is the :class:`ActorRegistry` to resolve speakers and actors
    with, ``context.find_windows`` resolves time phrases against the source's
    publication time.  Each claim's ``text`` must be ``source.text[span[0]:span[1]]``;
    claims that break this are dropped and the plugin reported.  claimtrack sets each
    claim's ``extractor`` to this plugin's name; ``rules`` may name the rules that made
    it.  Return None (or yield nothing) when the source is not for this extractor
    (another language, say).  Every selected implementation is called (all, unless
    ``--extractor`` names some, or :func:`claimtrack.owns_sources` gives a source's kind
    to its owners); one that raises is reported by name and the others' claims still
    count.  An extractor that fails on a source keeps the claims it made there before.
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
    stream; with ``rows="promise"`` it gets one row per tracked promise instead (its
    reading as ``claim``, its status, its whole evidence history, and ``promise``: its
    mentions, sources, first appearance and relations).  claimtrack's own exporters register first; a name already taken is refused
    and reported on standard error, naming both plugins.  The return value is ignored.
    """


@hookspec
def claimtrack_register_commands(cli: click.Group) -> None:
    """Add subcommands to the ``claimtrack`` command-line group ``cli`` (a click group).

    Called once a run, before the command line looks up its command.  Add commands
    with ``@cli.command()`` or ``cli.add_command(...)``; a command's own context object
    holds ``"db"`` (the store path) and ``"pm"`` (the plugin manager).  A name already
    taken (by a built-in command or an earlier plugin) is refused and reported on
    standard error, naming both; a plugin that raises here is reported by name, and the
    other plugins' commands and the built-ins still work.  The return value is ignored.
    """

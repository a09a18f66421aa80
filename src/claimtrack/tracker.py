"""``Tracker``: the one facade over loading, extraction, the store, checking and export.

The CLI is a thin layer on this class, so a script can do whatever the CLI does::

    tracker = claimtrack.Tracker("claims.db")
    tracker.add("seeds/", published="2025-03-15")
    for row in tracker.status(as_of="2025-03-25"):
        print(row.claim.actor, row.claim.action, row.claim.due, row.status)
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TextIO

import attrs

from .actors import ActorRegistry
from .dispatch import failure
from .errors import ClaimtrackError, InputError, NotFoundError, PluginError, StoreMissingError
from .export_rows import ClaimStandings
from .exporters import Exporter, collect_exporters
from .extraction import ExtractContext, run_extractors, selected_extractors
from .loading import LoadOptions, expand_paths, read_sources
from .model import Claim, Evidence, RecorderKind, Source, Verdict
from .plugins import ClaimtrackPluginManager, PluginInfo, describe_plugins, get_plugin_manager
from .reasons import parse_reason
from .status import Standing, standing
from .store_protocol import Store, is_postgres_url, open_store
from .timeutil import check_verdict_times, parse_published, parse_when
from .tracker_add import Adding, AddReport
from .tracker_check import Checking, CheckReport
from .tracker_corrections import Corrections
from .tracker_report import Reporting
from .tracker_status import Statuses

__all__ = [
    "DEFAULT_DB",
    "AddReport",
    "CheckReport",
    "ClaimHistory",
    "ExtractReport",
    "Tracker",
    "default_db_path",
    "extract",
    "extract_path",
    "require_store",
]

#: The store used when neither ``--db`` nor ``$CLAIMTRACK_DB`` names one.
DEFAULT_DB = "claimtrack.db"
DB_ENV = "CLAIMTRACK_DB"

When = str | date | datetime | None


def default_db_path() -> str:
    """``$CLAIMTRACK_DB`` if set, else ``claimtrack.db`` in the current directory."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def require_store(db: str | Path) -> None:
    """Raise :class:`StoreMissingError` unless ``db`` is a file (or ``:memory:``): what a
    command that only reads the ledger checks first, so a mistyped ``--db`` is an error
    that says how to make a store rather than a new empty one."""
    path = str(db)
    if path == ":memory:" or is_postgres_url(path) or os.path.isfile(path):
        return
    if os.path.isdir(path):
        raise StoreMissingError(f"{path}: is a folder, not a claimtrack store; give a file path")
    raise StoreMissingError(
        f"{path}: no claimtrack store there; create one with "
        f"`claimtrack --db {path} add ARTICLES...`, or give the right path with "
        f"--db or ${DB_ENV}"
    )


@attrs.frozen
class ClaimHistory:
    """One claim with its source, its whole evidence history and its standing now."""

    claim: Claim
    source: Source
    evidence: Sequence[Evidence]
    standing: Standing


class Tracker(Adding, Statuses, Reporting, Corrections, Checking):
    """A claim ledger in a SQLite file, with the plugins that read, extract and check.

    ``db`` is the store's path (created when missing).  ``plugin_manager`` defaults to
    the built-ins plus installed plugins; ``registry`` seeds the actors.
    ``plugin_timeout`` (seconds) abandons an extractor or checker that runs longer.
    ``extractors`` names the extractors to run (plugin names, or ``english`` for the
    built-in); by default ``$CLAIMTRACK_EXTRACTORS``, else every extractor (those that
    own a source's kind keep the others off it, see :func:`claimtrack.owns_sources`).
    ``read_only`` opens the store for reading only (status, show, export): no write
    lock, nothing written, a read-only file will do (see :mod:`claimtrack.store_open`).
    """

    def __init__(
        self,
        db: str | Path | None = None,
        *,
        plugin_manager: ClaimtrackPluginManager | None = None,
        registry: ActorRegistry | None = None,
        plugin_timeout: float | None = 120.0,
        load_options: LoadOptions | None = None,
        extractors: Sequence[str] | None = None,
        read_only: bool = False,
    ) -> None:
        self.store: Store = open_store(
            db if db is not None else default_db_path(), read_only=read_only
        )
        self.pm = plugin_manager or get_plugin_manager()
        self.plugin_timeout = plugin_timeout
        self.load_options = load_options or LoadOptions()
        self.extractors = tuple(extractors) if extractors is not None else None
        self._exporters: tuple[dict[str, Exporter], list[PluginError]] | None = None
        self._actors: ActorRegistry | None = None  # the stored actors, while adding
        # A reader keeps the given actors to itself (resolving --actor); a writer stores them.
        self._given_actors = registry if read_only else None
        if registry is not None and not read_only:
            self.store.save_actors(registry)

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def __enter__(self) -> Tracker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- evidence -----------------------------------------------------------------------

    def resolve(
        self,
        claim_id: str,
        verdict: Verdict | str,
        *,
        evidence: str | None = None,
        note: str | None = None,
        reason: str | None = None,
        happened: When = None,
        known: When = None,
        by: str | None = None,
        excerpt: str | None = None,
    ) -> Evidence:
        """Record a person's verdict on a commitment (id or unique prefix).

        ``evidence`` is a URI; ``known`` (when the world learned it) defaults to now and
        decides from when the verdict counts; ``happened`` is when it happened.  Times
        that cannot be (in the future, happened after known, known before the promise
        was made) are an :class:`InputError` naming the option
        (:func:`claimtrack.timeutil.check_verdict_times`); ``reason`` is a code of
        :data:`claimtrack.reasons.REASONS` (your own words go to ``note``).  Appended to the
        promise's history: nothing earlier is changed."""
        # A promise's verdict lands on its first mention (and counts for all of them);
        # a claim that is no promise's mention (a statement) takes it itself.
        try:
            target = self.store.promise_first_claim(self.store.find_promise(claim_id))
        except NotFoundError:
            target = claim_id
        claim = self.store.get_claim(target)
        try:
            parsed = Verdict.parse(verdict)
        except ValueError as exc:
            raise InputError(str(exc)) from exc
        now = datetime.now(timezone.utc)
        happened_at = parse_when(happened, what="--happened")
        known_at = parse_when(known, what="--known") or now
        check_verdict_times(happened_at, known_at, said=claim.asserted_at, now=now)
        record = Evidence(
            claim_id=claim.id,
            verdict=parsed,
            uri=evidence,
            note=note,
            reason=None if reason is None else parse_reason(reason),
            excerpt=excerpt,
            happened_at=happened_at,
            known_at=known_at,
            recorded_at=now,
            recorded_by=by or _person(),
            recorder=RecorderKind.PERSON,
        )
        stored = self.store.add_evidence(record)
        assert stored is not None
        return stored

    def show(self, claim_id: str, as_of: When = None) -> ClaimHistory:
        """One claim (id or unique prefix), its source and its whole evidence history."""
        claim = self.store.get_claim(claim_id)
        source = self.store.get_source(claim.source_id)
        history = self.store.evidence_for(claim.id)
        return ClaimHistory(
            claim=claim,
            source=source,
            evidence=history,
            standing=standing(claim, source.ref, history, self._as_of(as_of)),
        )

    # -- export and plugins -------------------------------------------------------------

    def exporters(self) -> dict[str, Exporter]:
        """Every registered output format, by name."""
        if self._exporters is None:
            self._exporters = collect_exporters(self.pm)
        return self._exporters[0]

    def exporter_problems(self) -> list[PluginError]:
        """The plugins whose exporters could not be registered (a name already taken, a
        hook that raised), each naming the plugin (and the one holding the name)."""
        self.exporters()
        assert self._exporters is not None
        return list(self._exporters[1])

    def export(
        self,
        format: str,
        stream: TextIO,
        *,
        as_of: When = None,
        options: Mapping[str, str] | None = None,
    ) -> int:
        """Write every stored claim in ``format`` to ``stream``; return how many items
        the exporter wrote.  ``options`` (``-O key=value``) are checked against the
        options the exporter declares before anything is read or written
        (:meth:`claimtrack.exporters.Exporter.bind`)."""
        exporters = self.exporters()
        if format not in exporters:
            refused = [e.plugin for e in getattr(self.pm, "load_errors", ())]
            unloaded = f"; not loaded (see above): {', '.join(refused)}" if refused else ""
            raise NotFoundError(
                f"no exporter {format!r}; available: {', '.join(sorted(exporters))}{unloaded}"
            )
        exporter = exporters[format]
        values = exporter.bind(options)
        when = self._as_of(as_of)
        # Promise exporters get one row per promise; claim exporters read a slice at a
        # time as they iterate (claimtrack.export_rows).
        rows: Sequence[Standing]
        if exporter.rows == "promise":
            rows = self.promise_standings(when)
        elif self.store.has_status_index():
            rows = ClaimStandings(self, when)
        else:
            rows = self.standings(when)
        try:
            return exporter.run(rows, stream, when, values)
        except (ClaimtrackError, BrokenPipeError):
            raise  # a closed pipe (`export | head`) is the reader's choice, not a plugin's fault
        except Exception as exc:
            raise failure(exporter.plugin, f"export {format}", exc, exporter.write) from exc

    def plugins(self) -> list[PluginInfo]:
        """Installed plugins, their versions and hooks (and those that failed to load)."""
        return describe_plugins(self.pm)

    @staticmethod
    def _as_of(as_of: When) -> datetime:
        return parse_when(as_of, what="--as-of", end_of_day=True) or datetime.now(timezone.utc)


def _person() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return "person"


@attrs.define
class ExtractReport:
    """What :func:`extract_path` found: each source with its claims, and every error."""

    items: list[tuple[Source, list[Claim]]] = attrs.field(factory=list)
    errors: list[ClaimtrackError] = attrs.field(factory=list)
    #: What is worth saying but no error: a source in a language no extractor reads.
    notes: list[ClaimtrackError] = attrs.field(factory=list)


def extract_path(
    uri: str | Path,
    *,
    published: When = None,
    plugin_manager: ClaimtrackPluginManager | None = None,
    registry: ActorRegistry | None = None,
    load_options: LoadOptions | None = None,
    plugin_timeout: float | None = 120.0,
    extractors: Sequence[str] | None = None,
) -> ExtractReport:
    """Load a file, directory or URL and extract its claims, storing nothing.

    ``extractors`` runs only those (default ``$CLAIMTRACK_EXTRACTORS``, else as
    :class:`Tracker` chooses).  A source or item that cannot be read, or an extractor
    that fails, is reported in ``errors`` and the rest go on."""
    override = parse_published(published, what="published") if published is not None else None
    pm = plugin_manager or get_plugin_manager()
    selected = selected_extractors(pm, extractors)
    options = load_options or LoadOptions()
    report = ExtractReport()
    for path in expand_paths(str(uri), warn=report.errors.append):
        try:
            loaded = read_sources(pm, path, options, warn=report.errors.append)
        except ClaimtrackError as exc:
            report.errors.append(exc)
            continue
        report.errors.extend(loaded.problems)
        for source in loaded.sources:
            if override is not None:
                source = attrs.evolve(source, published_at=override)
            context = ExtractContext(
                registry=(registry or ActorRegistry()).copy(), reference=source.published_at
            )
            result = run_extractors(
                pm, source, context, timeout=plugin_timeout, extractors=selected
            )
            report.errors.extend(result.errors)
            report.notes.extend(result.notes)
            report.items.append((source, list(result.claims)))
    return report


def extract(
    text: str,
    *,
    published: When = None,
    title: str | None = None,
    publisher: str | None = None,
    uri: str | None = None,
    plugin_manager: ClaimtrackPluginManager | None = None,
    registry: ActorRegistry | None = None,
    plugin_timeout: float | None = 120.0,
    extractors: Sequence[str] | None = None,
) -> list[Claim]:
    """Extract the claims of ``text`` (nothing is stored); spans index ``text`` itself.
    ``extractors`` runs only those (default ``$CLAIMTRACK_EXTRACTORS``, else all).

    An extractor running past ``plugin_timeout`` seconds is abandoned (its claims are
    dropped); an implausible ``published`` (before 1800, or years ahead) is refused.

    ``published`` is the publication time relative phrases resolve against; without
    it, due windows keep their text unresolved.  Raises :class:`PluginError` for the
    first extractor that failed (when no claims at all came back)."""
    source = Source.from_text(
        text,
        uri=uri,
        title=title,
        publisher=publisher,
        published_at=parse_published(published, what="published"),
    )
    pm = plugin_manager or get_plugin_manager()
    result = run_extractors(
        pm,
        source,
        ExtractContext(registry=registry or ActorRegistry(), reference=source.published_at),
        timeout=plugin_timeout,
        extractors=selected_extractors(pm, extractors),
    )
    if result.errors and not result.claims:
        raise result.errors[0]
    return list(result.claims)

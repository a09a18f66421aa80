"""``Tracker``: the one facade over loading, extraction, the store, checking and export.

The CLI is a thin layer on this class, so a script can do whatever the CLI does::

    tracker = claimtrack.Tracker("claims.db")
    tracker.add("seeds/", published="2025-03-15")
    for row in tracker.status(as_of="2025-03-25"):
        print(row.claim.actor, row.claim.action, row.claim.due, row.status)
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TextIO

import attrs

from . import retries, workers
from .actors import ActorRegistry, normalise_name
from .dispatch import failure
from .errors import (
    ClaimtrackError,
    InputError,
    LoadError,
    NotFoundError,
    PluginError,
    StoreMissingError,
)
from .export_rows import ClaimStandings, as_mention
from .exporters import Exporter, collect_exporters
from .extraction import ExtractContext, ExtractResult, run_extractors, selected_extractors
from .loading import (
    LoadOptions,
    claims_over_limit,
    expand_paths,
    finish_source,
    read_sources,
)
from .model import (
    Claim,
    ClaimKind,
    Evidence,
    RecorderKind,
    Source,
    SourceRef,
    Status,
    Verdict,
    content_id,
    document_address,
)
from .parallel_add import MIN_PARALLEL, add_in_parallel
from .plugins import (
    ClaimtrackPluginManager,
    PluginInfo,
    describe_plugins,
    get_plugin_manager,
)
from .reasons import parse_reason
from .records import claim_from_record, verdict_record
from .report import StatusReport, assemble_report
from .reviews import ReadReviewed, is_reviewed, read_reviewed, store_reviewed
from .status import (
    PromiseFacts,
    Standing,
    StatusLine,
    decide,
    promise_standing,
    standing,
    timeline_at,
)
from .status_report import query_for, sql_report
from .store_promise_reads import PromiseSummary
from .store_protocol import Store, is_postgres_url, open_store
from .store_status import promise_line
from .timeutil import check_verdict_times, parse_published, parse_when
from .tracker_check import Checking, CheckReport
from .tracker_corrections import Corrections

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


@attrs.define
class AddReport:
    """What ``Tracker.add`` did: counts of sources and claims, and every error met."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    errors: list[ClaimtrackError] = attrs.field(factory=list)
    sources: list[Source] = attrs.field(factory=list)
    #: Verdicts that came with the sources (imported fact-checks), newly recorded.
    evidence: list[Evidence] = attrs.field(factory=list)
    #: What is worth saying but no error: a source in a language no extractor reads.
    notes: list[ClaimtrackError] = attrs.field(factory=list)


@attrs.frozen
class ClaimHistory:
    """One claim with its source, its whole evidence history and its standing now."""

    claim: Claim
    source: Source
    evidence: Sequence[Evidence]
    standing: Standing


class Tracker(Corrections, Checking):
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

    # -- reading sources ----------------------------------------------------------------

    def add(
        self,
        uris: str | Path | Iterable[str | Path],
        *,
        published: When = None,
        on_progress: Callable[[str, int, int], None] | None = None,
        rederive: bool = False,
        extractors: Sequence[str] | None = None,
        jobs: int = 1,
    ) -> AddReport:
        """Load, extract and store every source in ``uris`` (files, directories, URLs).

        ``published`` overrides the sources' own publication time.  Adding the same
        document again is a no-op (unless ``rederive``: then its claims are extracted
        again, e.g. after upgrading an extractor); the same document with changed
        metadata is updated and its claims re-derived.  Re-deriving replaces the claims
        of the extractors that ran and succeeded only: an extractor that fails keeps
        what it found before.  ``extractors`` runs only those (see :class:`Tracker`).
        A source, item or plugin that fails is reported in ``errors`` and the rest go
        on; each source lands in its own transaction, so an interrupted run loses
        nothing already added.  ``on_progress(uri, done, total)`` is called after each
        input.  ``jobs`` above 1 extracts in that many worker processes, with the same
        result (see :mod:`claimtrack.parallel_add`).
        """
        selected = self._selected(extractors)
        override = parse_published(published, what="published") if published is not None else None
        items = [uris] if isinstance(uris, (str, Path)) else list(uris)
        paths: list[str] = []
        report = AddReport()
        for item in items:
            try:
                paths.extend(expand_paths(str(item), warn=report.errors.append))
            except ClaimtrackError as exc:  # an empty directory: say so, add the rest
                report.errors.append(exc)

        def prepare(source: Source) -> Source:
            source = self._as_stored(source)
            return source if override is None else attrs.evolve(source, published_at=override)

        with self._indexing_actors():
            if jobs > 1 and len(paths) >= MIN_PARALLEL and workers.available():
                add_in_parallel(
                    self,
                    paths,
                    report,
                    jobs=jobs,
                    prepare=prepare,
                    rederive=rederive,
                    extractors=selected,
                    on_progress=on_progress,
                )
                return report
            for done, uri in enumerate(paths, 1):
                try:
                    reviewed = read_reviewed(self.pm, uri, self.load_options)
                    if reviewed is not None:
                        self._add_reviewed(reviewed, report)
                        if on_progress is not None:
                            on_progress(uri, done, len(paths))
                        continue
                    loaded = read_sources(
                        self.pm, uri, self.load_options, warn=report.errors.append
                    )
                    report.errors.extend(loaded.problems)
                    for source in loaded.sources:
                        source = prepare(source)
                        self._add_source(source, report, rederive=rederive, extractors=selected)
                except ClaimtrackError as exc:
                    report.errors.append(exc)
                if on_progress is not None:
                    on_progress(uri, done, len(paths))
        return report

    def _add_reviewed(self, reviewed: ReadReviewed, report: AddReport) -> None:
        # Sources that come with their claims and verdicts (claimtrack.reviews): stored
        # as given, no extractor run; their evidence is recorded once.
        report.errors.extend(reviewed.problems)
        for item in reviewed.items:
            outcome, claims, recorded = store_reviewed(self.store, item)
            report.claims += claims
            report.evidence.extend(recorded)
            report.sources.append(item.source)
            if outcome == "added":
                report.added += 1
            elif outcome == "updated":
                report.updated += 1
            else:
                report.unchanged += 1

    def add_source(self, source: Source) -> AddReport:
        """Extract and store one :class:`Source` built in code.  It is finished as a
        loader's sources are (:func:`claimtrack.loading.finish_source`: control
        characters and lone surrogates cleaned, the size limit applied); one that cannot
        be stored is reported in ``errors``."""
        report = AddReport()
        try:
            source = finish_source(source, self.load_options, label="source")
        except LoadError as exc:  # over the size limit
            report.errors.append(exc)
            return report
        with self._indexing_actors():
            self._add_source(self._as_stored(source), report, extractors=self._selected(None))
        return report

    def _as_stored(self, source: Source) -> Source:
        # A store written when ids hashed the text alone keeps its sources: the same
        # text with the same date and address is that source, under its old id.
        if self.store.has_source(source.id):
            return source
        legacy = content_id(source.text)
        if legacy == source.id or not self.store.has_source(legacy):
            return source
        stored = self.store.source_refs([legacy])[legacy]
        same_address = document_address(stored.uri) == document_address(source.uri)
        if stored.published_at == source.published_at and same_address:
            return attrs.evolve(source, id=legacy)
        return source

    def _selected(self, extractors: Sequence[str] | None) -> tuple[str, ...] | None:
        return selected_extractors(self.pm, extractors or self.extractors)

    def _add_source(
        self,
        source: Source,
        report: AddReport,
        *,
        rederive: bool = False,
        extractors: Sequence[str] | None = None,
        extracted: ExtractResult | None = None,
    ) -> None:
        # ``extracted``: the extraction a worker made, when it is the one this would make.
        if not self._needs_extraction(source, rederive=rederive):
            report.unchanged += 1
            return
        stored = self.store.has_source(source.id)
        # A source an extractor failed on (ran out of time, raised) is tried again.
        failed_before = retries.failed_extractors(self.store, source.id) if stored else {}
        result = (
            extracted
            if extracted is not None
            else self.extract_source(source, extractors=extractors)
        )
        report.errors.extend(result.errors)
        report.notes.extend(result.notes)
        too_many = claims_over_limit(source, len(result.claims), self.load_options)
        if too_many is not None:
            report.errors.append(too_many)
            return
        retries.record(self.store, source.id, result.errors)
        outcome = self.store.add_source(
            source,
            result.claims,
            rederive=rederive or bool(failed_before),
            replace=result.succeeded,
        )
        gone = {name for name in failed_before if self.pm.get_plugin(name) is None}
        retries.clear(self.store, source.id, (set(failed_before) & set(result.succeeded)) | gone)
        self._learn(result.claims)
        report.claims += len(result.claims)
        report.sources.append(source)
        if outcome == "added":
            report.added += 1
        elif outcome in ("updated", "rederived"):
            report.updated += 1
        else:
            report.unchanged += 1

    def _needs_extraction(self, source: Source, *, rederive: bool) -> bool:
        # False when this source is stored as it is (and no extractor failed on it).
        if rederive or not self.store.has_source(source.id):
            return True
        if retries.failed_extractors(self.store, source.id):
            return True
        return not _same_metadata(self.store.get_source(source.id), source)

    def rederive(
        self,
        *,
        on_progress: Callable[[str, int, int], None] | None = None,
        extractors: Sequence[str] | None = None,
    ) -> AddReport:
        """Extract the claims of every stored source again (after upgrading or adding an
        extractor plugin).  Only the claims of the extractors that ran and succeeded
        on a source are replaced; evidence moves to the new claim of the same extractor
        that overlaps the old one most, and says so; nothing recorded is lost.  Sources
        that came with their claims (imported reviews, :mod:`claimtrack.reviews`) are
        left as they are."""
        report = AddReport()
        selected = self._selected(extractors)
        ids = [s.id for s in self.store.source_refs().values()]
        with self._indexing_actors():
            for done, source_id in enumerate(ids, 1):
                source = self.store.get_source(source_id)
                if not is_reviewed(source):  # a review's claims came with it: no extractor's
                    self._add_source(source, report, rederive=True, extractors=selected)
                if on_progress is not None:
                    on_progress(source_id, done, len(ids))
        return report

    def extract_source(
        self, source: Source, *, extractors: Sequence[str] | None = None
    ) -> ExtractResult:
        """Run the extractors (``extractors``: registered names; default: as chosen by
        :func:`claimtrack.extraction.choose_extractors`) on ``source``, storing nothing."""
        actors = self._actors.overlay() if self._actors is not None else self.store.registry()
        context = ExtractContext(registry=actors, reference=source.published_at)
        return run_extractors(
            self.pm, source, context, timeout=self.plugin_timeout, extractors=extractors
        )

    @contextmanager
    def _indexing_actors(self) -> Iterator[None]:
        # While adding, the stored actors are read once and kept up to date as sources
        # are stored (reading them all per source made a bulk add quadratic); outside,
        # each extraction reads them afresh (another process may have added some).
        outer = self._actors is not None
        if not outer:
            self._actors = self.store.registry()
        try:
            yield
        finally:
            if not outer:
                self._actors = None

    def _learn(self, claims: Iterable[Claim]) -> None:
        # The actors just stored, as the store merged them (fuller names, new aliases).
        if self._actors is None:
            return
        ids = {a.id for c in claims for a in (c.speaker, c.actor) if a is not None}
        for actor_id in sorted(ids):
            actor = self.store.get_actor(actor_id)
            if actor is None:
                continue
            try:
                self._actors.add(actor)
            except ValueError:  # an alias another actor holds: as store.registry() does
                with contextlib.suppress(ValueError):
                    self._actors.add(attrs.evolve(actor, aliases=()))

    def load(self, uri: str, *, published: When = None) -> list[Source]:
        """Load ``uri`` (file, directory or URL) into sources without storing them."""
        override = parse_published(published, what="published") if published is not None else None
        out: list[Source] = []
        for path in expand_paths(uri):
            loaded = read_sources(self.pm, path, self.load_options)
            if loaded.problems:
                raise loaded.problems[0]
            for source in loaded.sources:
                out.append(
                    source if override is None else attrs.evolve(source, published_at=override)
                )
        return out

    # -- status -------------------------------------------------------------------------

    def status(
        self,
        as_of: When = None,
        *,
        actor: str | None = None,
        kind: ClaimKind | str | None = ClaimKind.COMMITMENT,
        due_within: float | None = None,
        since: When = None,
        history: bool = False,
    ) -> list[Standing]:
        """Tracked promises of ``kind`` (default commitments; None for every kind) with
        their status as of ``as_of`` (default now), one row per promise, in the order
        they were first made; then, for ``kind`` None or an untracked kind
        (statements, undated predictions and demands), those claims, one row each,
        with no status.

        ``actor`` keeps those whose actor or speaker is that actor (any name or alias,
        else every actor whose name contains it); ``due_within`` keeps those due, or
        open with a window starting within that many days, plus the overdue (no
        untracked claim); ``since`` keeps those made since then.  Each row's
        ``evidence`` holds the evidence that can decide its status; ``history=True``
        loads all of it known by ``as_of`` instead (slower on a large store).
        """
        when = self._as_of(as_of)
        wanted = None if kind is None else ClaimKind(ClaimKind.parse(kind))
        rows: list[Standing] = []
        if wanted is not ClaimKind.STATEMENT:
            lines = self.status_lines(when, actor=actor, kind=wanted, since=since)
            if due_within is not None:
                horizon = (when + timedelta(days=due_within)).timestamp()
                lines = [ln for ln in lines if _due_soon(ln, horizon)]
            rows = self.standings_of([ln.claim_id for ln in lines], when, history=history)
        if due_within is None and wanted in (
            None,
            ClaimKind.STATEMENT,
            ClaimKind.PREDICTION,
            ClaimKind.DEMAND,
        ):
            rows += self._untracked(when, wanted, actor, since)
        return rows

    def _untracked(
        self, when: datetime, kind: ClaimKind | None, actor: str | None, since: When
    ) -> list[Standing]:
        # Claims that are no promise (statements, undated predictions and demands).
        claims = [
            c
            for c in self.store.claims(
                kinds=None if kind is None else [kind],
                actor_ids=None if actor is None else self._actor_ids(actor),
            )
            if not c.is_tracked
        ]
        floor = parse_when(since, what="--since") if since is not None else None
        if floor is not None:
            claims = [c for c in claims if c.asserted_at is not None and c.asserted_at >= floor]
        claims = [c for c in claims if c.asserted_at is None or c.asserted_at <= when]
        refs = self.store.source_refs({c.source_id for c in claims})
        evidence = self.store.evidence_known_by(when, [c.id for c in claims])
        return [standing(c, refs.get(c.source_id), evidence.get(c.id, ()), when) for c in claims]

    def status_lines(
        self,
        as_of: When = None,
        *,
        actor: str | None = None,
        kind: ClaimKind | str | None = ClaimKind.COMMITMENT,
        since: When = None,
    ) -> list[StatusLine]:
        """The status of every matching tracked promise (``kind``: one kind, None for
        every tracked kind) as a :class:`StatusLine` whose ``claim_id`` is the promise's
        id, without parsing records: SQL reads a few columns and, per promise, only the
        evidence of its mentions that can decide it; :func:`claimtrack.status.decide`
        (the one derivation) gives each status.  A promise first seen after ``as_of``
        is not listed.  Filters as :meth:`status` (``since``: first seen since then)."""
        when = self._as_of(as_of)
        kinds = (
            [ClaimKind(ClaimKind.parse(kind))]
            if kind is not None
            else [ClaimKind.COMMITMENT, ClaimKind.PREDICTION, ClaimKind.DEMAND]
        )
        actor_ids = None if actor is None else self._actor_ids(actor)
        since_at = parse_when(since, what="--since") if since is not None else None
        with _gc_paused():
            summaries = self.store.promise_summaries(kinds=kinds, actor_ids=actor_ids, seen_by=when)
            if since_at is not None:
                floor = since_at.timestamp()
                summaries = [
                    s for s in summaries if s.first_seen_ts is not None and s.first_seen_ts >= floor
                ]
            evidence = self.store.promise_evidence(
                when, None if actor is None and since is None else [s.id for s in summaries]
            )
            return list(_promise_lines(summaries, evidence, when.timestamp()))

    def standings_of(
        self, ids: Sequence[str], as_of: When = None, *, history: bool = False
    ) -> list[Standing]:
        """Full :class:`Standing` rows of these promises (in this order) as of ``as_of``:
        each row's ``claim`` is the promise's reading (its id the promise's), its
        ``evidence`` that of all its mentions (all of it known by then with
        ``history``, else what can decide the status)."""
        when = self._as_of(as_of)
        with _gc_paused():
            texts = self.store.promise_records_json(list(ids), public=False)
            evidence = self.store.promise_evidence(
                when, list(texts) if len(texts) <= 5000 else None, decisive=not history
            )
            records = {pid: json.loads(texts[pid]) for pid in ids if pid in texts}
            refs = self.store.source_refs(
                {(r.get("source") or {}).get("id") or "" for r in records.values()}
            )
            waiting = self.suggestions(list(records)) if len(records) <= 5000 else {}
            out: list[Standing] = []
            for pid in ids:
                if pid not in records:
                    continue
                row = _promise_row(records[pid], evidence.get(pid, ()), when, refs)
                labels = tuple(
                    f"{s.label} {s.evidence.verdict.value}"
                    + (f" {s.evidence.confidence:.0%}" if s.evidence.confidence else "")
                    for s in waiting.get(pid, ())
                    if s.evidence.known_at <= when
                )
                if labels and row.promise is not None:
                    row = attrs.evolve(row, promise=attrs.evolve(row.promise, suggestions=labels))
                out.append(row)
            return out

    def claim_standings(self, as_of: When = None) -> list[Standing]:
        """Every active claim (all kinds) as of ``as_of`` with its evidence known by
        then; a claim that is a mention of a tracked promise carries the promise
        (``promise``) and the promise's status and progress.  What exporters get."""
        when = self._as_of(as_of)
        with _gc_paused():
            ids = [s.id for s in self.store.claim_summaries()]
            claims = self.store.claims_by_id(ids)
            evidence = self.store.evidence_known_by(when, list(claims))
            refs = self.store.source_refs({c.source_id for c in claims.values()})
            promise_of = self.store.promise_of_claims(ids)
            lines = {ln.claim_id: ln for ln in self.status_lines(when, kind=None)}
            # A promise's verdicts land on one mention and count for all: each mention's
            # record shows them all.
            of_promise: dict[str, list[Evidence]] = {}
            for cid, owner in promise_of.items():
                of_promise.setdefault(owner, []).extend(evidence.get(cid, ()))
            waiting = self.suggestions(sorted(of_promise))
            out: list[Standing] = []
            for c in (claims[i] for i in ids if i in claims):
                row = standing(c, refs.get(c.source_id), evidence.get(c.id, ()), when)
                out.append(as_mention(row, promise_of.get(c.id), lines, of_promise, waiting, when))
            return out

    def report(
        self,
        as_of: When = None,
        *,
        actor: str | None = None,
        kind: ClaimKind | str | None = ClaimKind.COMMITMENT,
        due_within: float = 7,
        since: When = None,
        limit: int | None = None,
    ) -> StatusReport:
        """The daily status report (see :mod:`claimtrack.report`) as of ``as_of``.

        Every matching commitment is counted; each section lists at most ``limit`` of
        them in full (None: all), so the report of a large store stays quick."""
        when = self._as_of(as_of)
        if self.store.has_status_index():
            return self._sql_report(when, actor, kind, due_within, since, limit)
        lines = self.status_lines(when, actor=actor, kind=kind, since=since)
        return assemble_report(
            lines,
            when,
            due_within=due_within,
            limit=limit,
            load=lambda ids: {s.claim.id: s for s in self.standings_of(ids, when)},
            names=self.store.actor_names,
            records=lambda lines: self._records(lines, when),
            records_json=lambda lines: self._records_json(lines, when),
        )

    def _sql_report(
        self,
        when: datetime,
        actor: str | None,
        kind: ClaimKind | str | None,
        due_within: float,
        since: When,
        limit: int | None,
    ) -> StatusReport:
        # Counts and sections decided in the database (claimtrack.status_report).
        kinds = (
            [ClaimKind(ClaimKind.parse(kind)).value]
            if kind is not None
            else [ClaimKind.COMMITMENT.value, ClaimKind.PREDICTION.value, ClaimKind.DEMAND.value]
        )
        query = query_for(
            when,
            due_within=due_within,
            kinds=kinds,
            actor_ids=None if actor is None else self._actor_ids(actor),
            since=parse_when(since, what="--since") if since is not None else None,
        )
        return sql_report(
            self.store,
            query,
            when,
            due_within=due_within,
            limit=limit,
            load=lambda ids: {s.claim.id: s for s in self.standings_of(ids, when)},
            records_json=lambda lines: self._records_json(lines, when),
        )

    def _records_json(
        self, lines: Sequence[StatusLine], as_of: datetime | None = None
    ) -> Iterator[str]:
        # The stored promise JSON with status, progress, reason, the verdict that
        # decided (whoever recorded it, marked by ``recorder``) and the suggestions
        # waiting for a person spliced in before the closing brace.
        ids = [ln.claim_id for ln in lines]
        texts = self.store.promise_records_json(ids)
        waiting = self.suggestions(ids)
        for ln in lines:
            text = texts.get(ln.claim_id)
            if text is None:  # a damaged record, named by the store and skipped
                continue
            progress = "null" if ln.progress is None else f'"{ln.progress.value}"'
            status = "null" if ln.status is None else f'"{ln.status.value}"'
            reason = _reason(ln)
            why = "null" if reason is None else json.dumps(reason, ensure_ascii=False)
            verdict = (
                "null"
                if ln.decided_by is None
                else json.dumps(verdict_record(ln.decided_by), ensure_ascii=False)
            )
            suggested = json.dumps(
                [
                    {**verdict_record(s.evidence), "id": s.label}
                    for s in waiting.get(ln.claim_id, ())
                    if as_of is None or s.evidence.known_at <= as_of
                ],
                ensure_ascii=False,
            )
            yield (
                f'{text[:-1]},"status":{status},"progress":{progress},"reason":{why},'
                f'"verdict":{verdict},"suggestions":{suggested}}}'
            )

    def _records(
        self, lines: Sequence[StatusLine], as_of: datetime | None = None
    ) -> list[dict[str, object]]:
        return [json.loads(text) for text in self._records_json(lines, as_of)]

    def _actor_ids(self, name: str) -> list[str]:
        registry = self.store.registry()
        for actor in self._given_actors or ():
            with contextlib.suppress(ValueError):
                registry.add(actor)
        found = registry.resolve(name)
        if found is not None:
            return [found.id]
        # Not a known name: every actor one of whose names contains it ("Starmer").
        key = normalise_name(name)
        return [
            a.id for a in registry if any(key in normalise_name(n) for n in (a.name, *a.aliases))
        ]

    def promise_standings(self, as_of: When = None) -> list[Standing]:
        """One :class:`Standing` per tracked promise (every tracked kind) first seen by
        ``as_of``, in first-seen order, with its whole evidence history known by then
        and its facts (``promise``: mentions, sources, first seen, relations): what an
        exporter whose rows are ``promise`` gets."""
        when = self._as_of(as_of)
        lines = self.status_lines(when, kind=None)
        lines.sort(key=lambda ln: (ln.published_ts is None, ln.published_ts or 0.0, ln.claim_id))
        return self.standings_of([ln.claim_id for ln in lines], when, history=True)

    def standings(self, as_of: When = None) -> list[Standing]:
        """Every active claim (all kinds) as of ``as_of``, with its evidence history
        known by then, for exporters (see :meth:`claim_standings`)."""
        return self.claim_standings(as_of)

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


def _same_metadata(a: Source, b: Source) -> bool:
    return (a.uri, a.title, a.publisher, a.published_at, a.language, dict(a.meta)) == (
        b.uri,
        b.title,
        b.publisher,
        b.published_at,
        b.language,
        dict(b.meta),
    )


_FINAL = frozenset(s for s in Status if s.is_final)


def _promise_lines(
    summaries: Iterable[PromiseSummary], evidence: Mapping[str, Sequence[Evidence]], at: float
) -> Iterator[StatusLine]:
    for s in summaries:
        status, progress, decided = decide(
            evidence.get(s.id, ()),
            bool(s.has_condition),
            timeline_at(s.due_start_ts, s.due_end_ts, bool(s.due_vague), at),
        )
        yield promise_line(s, status, progress, decided)


def _reason(line: StatusLine) -> str | None:
    e = line.decided_by
    final = line.status is not None and line.status.is_final
    return e.reason if e is not None and final else None


def _promise_row(
    record: Mapping[str, Any],
    evidence: Iterable[Evidence],
    when: datetime,
    refs: Mapping[str, SourceRef] | None = None,
) -> Standing:
    reading = claim_from_record(record)
    src = record.get("source") or {}
    source = (refs or {}).get(src.get("id") or "") or SourceRef(
        id=src.get("id") or reading.source_id,
        uri=src.get("uri"),
        title=src.get("title"),
        published_at=parse_when(src.get("published_at"), what="published_at"),
    )
    mentions = record.get("mentions") or []
    facts = PromiseFacts(
        id=reading.id,
        first_claim=mentions[0]["id"] if mentions else reading.id,
        mentions=len(mentions),
        sources=len({m["source"]["id"] for m in mentions}),
        speaker=reading.speaker.name if reading.speaker is not None else None,
        first_seen=parse_when(record.get("first_seen"), what="first_seen"),
        relations=tuple((r["type"], r["id"]) for r in record.get("relations") or ()),
    )
    return promise_standing(reading, source, evidence, when, facts)


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building 100,000 small acyclic rows triggers the cyclic collector over and over
    # (a fifth of the time of a large status); nothing here makes cycles.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _due_soon(line: StatusLine, horizon_ts: float) -> bool:
    if line.status in (Status.OVERDUE, Status.DUE):
        return True
    return (
        line.status is Status.OPEN
        and line.dated
        and line.due_start_ts is not None
        and line.due_start_ts <= horizon_ts
    )


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

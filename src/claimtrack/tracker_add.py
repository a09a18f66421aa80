"""Adding sources on :class:`claimtrack.Tracker` (a mixin): ``add``, ``add_source``,
``rederive``, ``extract_source`` and ``load``.

Each source is loaded, its claims extracted by the selected extractors, and stored in
its own transaction; an extractor that failed on a source is tried again the next time
(:mod:`claimtrack.retries`).  ``add --jobs N`` hands the extraction to worker processes
(:mod:`claimtrack.parallel_add`) with the same result.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

import attrs

from . import retries, workers
from .actors import ActorRegistry
from .errors import ClaimtrackError, LoadError
from .extraction import ExtractContext, ExtractResult, run_extractors, selected_extractors
from .loading import LoadOptions, claims_over_limit, expand_paths, finish_source, read_sources
from .model import Claim, Evidence, Source, content_id, document_address
from .parallel_add import MIN_PARALLEL, add_in_parallel
from .plugins import ClaimtrackPluginManager
from .reviews import ReadReviewed, is_reviewed, read_reviewed, store_reviewed
from .store_protocol import Store
from .timeutil import parse_published

if TYPE_CHECKING:
    from .tracker import Tracker

__all__ = ["AddReport", "Adding"]

When = str | date | datetime | None


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


class Adding:
    """``add``, ``add_source``, ``rederive``, ``extract_source`` and ``load``; mixed into
    :class:`claimtrack.Tracker`."""

    store: Store
    pm: ClaimtrackPluginManager
    plugin_timeout: float | None
    load_options: LoadOptions
    extractors: tuple[str, ...] | None
    _actors: ActorRegistry | None

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
                    cast("Tracker", self),
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
        stopped: Collection[str] = (),
    ) -> None:
        # ``extracted``: the extraction a worker made, when it is the one this would make;
        # ``stopped``: extractors that ran out of time on it in a worker (not run again).
        if not self._needs_extraction(source, rederive=rederive):
            report.unchanged += 1
            return
        stored = self.store.has_source(source.id)
        # A source an extractor failed on (ran out of time, raised) is tried again.
        failed_before = retries.failed_extractors(self.store, source.id) if stored else {}
        result = (
            extracted
            if extracted is not None
            else self._extract(source, extractors=extractors, stopped=stopped)
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
        return self._extract(source, extractors=extractors)

    def _extract(
        self,
        source: Source,
        *,
        extractors: Sequence[str] | None = None,
        stopped: Collection[str] = (),
    ) -> ExtractResult:
        actors = self._actors.overlay() if self._actors is not None else self.store.registry()
        context = ExtractContext(registry=actors, reference=source.published_at)
        return run_extractors(
            self.pm,
            source,
            context,
            timeout=self.plugin_timeout,
            extractors=extractors,
            stopped=stopped,
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


def _same_metadata(a: Source, b: Source) -> bool:
    return (a.uri, a.title, a.publisher, a.published_at, a.language, dict(a.meta)) == (
        b.uri,
        b.title,
        b.publisher,
        b.published_at,
        b.language,
        dict(b.meta),
    )

"""``add --jobs N``: sources extracted in N worker processes, stored by this one, with
the same result as one process adding them in order.

The order matters for one thing only: the actors.  A serial ``add`` extracts each
source with the actors every earlier source taught the registry; a worker extracting
ahead cannot know them.  So each worker records every lookup its extraction makes in
the registry (which names and ids it asked for, and what it got), and the writer, when
the source's turn comes, asks the same of the registry as it is then: when every answer
is the same, the extraction is the one a serial run would have made, and it is stored;
else the source is extracted again, here, as a serial run does.  Workers are told the
actors learnt since they started, so their answers are mostly still right.

The workers stay up for the whole run (forked once, warm), take sources one at a
time, and run the extractors in their own process, saying as each extractor begins;
the writer gives each extractor the plugin time limit, as a serial run does, and kills
a worker that overruns it or dies.  Anything but a clean extraction (a plugin that
raised or crashed its worker) is done again here, in the plugin's own killable process
as a serial run does, so what is reported, and the exit status, are a serial run's.
An extractor that ran out of time is not run again (its time limit is spent once): it
is named as a serial run names it, and the other extractors run here.  Loading stays here too, in order: what is
slow is extraction.  Few sources (fewer than :data:`MIN_PARALLEL`) are added serially.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import ChainMap, deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

import attrs

from .actors import ActorRegistry
from .errors import ClaimtrackError
from .extraction import ExtractContext, ExtractResult, run_extractors
from .loading import read_sources
from .model import Actor, Source
from .reviews import read_reviewed

if TYPE_CHECKING:
    from .tracker import AddReport, Tracker

__all__ = ["MIN_PARALLEL", "add_in_parallel", "default_jobs"]

#: Fewer sources than this are added in this process (workers would cost more).
MIN_PARALLEL = 4


def default_jobs() -> int:
    """How many workers ``add`` uses by default: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class _Recording(Mapping[str, Any]):
    # A registry map that notes each key asked for and the answer (or that it was
    # iterated whole).
    def __init__(self, base: Mapping[str, Any]) -> None:
        self.base = base
        self.seen: dict[str, Any] = {}
        self.whole = False

    def __getitem__(self, key: str) -> Any:
        value = self.base.get(key)  # None: not there (the maps never hold None)
        self.seen.setdefault(key, value)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        value = self.base.get(key)
        self.seen.setdefault(key, value)
        return value is not None

    def __iter__(self) -> Iterator[str]:
        self.whole = True
        return iter(self.base)

    def __len__(self) -> int:
        self.whole = True
        return len(self.base)


@attrs.frozen
class _Done:
    # What a worker sends back for one source.
    result: ExtractResult
    by_id: dict[str, Any]
    by_key: dict[str, Any]
    whole: bool


@attrs.frozen
class _Late:
    # A worker stopped when its time ran out, ``plugin`` the extractor then at work.
    plugin: str


def _learn_into(registry: ActorRegistry, actors: Sequence[Actor]) -> None:
    for actor in actors:
        try:
            registry.add(actor)
        except ValueError:  # an alias another actor holds: as the tracker learns it
            try:
                registry.add(attrs.evolve(actor, aliases=()))
            except ValueError:
                continue


def _worker(conn: Connection, tracker: Tracker, base: ActorRegistry) -> None:
    # One worker: extract each source it is sent with the registry it was forked with
    # plus the actors learnt since, noting the lookups.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    registry = base.copy()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if task is None:
            os._exit(0)
        source, extractors, learnt = task
        _learn_into(registry, learnt)
        by_id = _Recording(registry._by_id)
        by_key = _Recording(registry._by_key)
        view = ActorRegistry()
        view._by_id = ChainMap({}, by_id)  # type: ignore[arg-type]
        view._by_key = ChainMap({}, by_key)  # type: ignore[arg-type]
        context = ExtractContext(registry=view, reference=source.published_at)

        def starting(plugin: str) -> None:
            # The writer's clock for this extractor starts now.
            conn.send(("step", plugin, time.monotonic()))

        try:
            result = run_extractors(
                tracker.pm, source, context, extractors=extractors, on_start=starting
            )
            done: _Done | None = _Done(result, by_id.seen, by_key.seen, by_id.whole or by_key.whole)
        except BaseException:
            done = None  # the writer extracts it again, as a serial run would
        try:
            conn.send(done)
        except Exception:
            conn.send(None)


class _Pool:
    """Forked workers, one source each at a time, killed when they overrun."""

    def __init__(self, tracker: Tracker, jobs: int) -> None:
        self.tracker = tracker
        self.base = (tracker._actors or tracker.store.registry()).copy()
        self.jobs = jobs
        self.idle: list[tuple[multiprocessing.process.BaseProcess, Connection]] = []
        self.busy: dict[int, tuple[Any, Connection, float]] = {}
        self.told: dict[int, int] = {}  # worker pid -> how many learnt actors it was sent
        for _ in range(jobs):
            self.idle.append(self._start())

    def _start(self) -> tuple[multiprocessing.process.BaseProcess, Connection]:
        context = multiprocessing.get_context("fork")
        mine, theirs = context.Pipe()
        process = context.Process(
            target=_worker, args=(theirs, self.tracker, self.base), name="claimtrack-add"
        )
        process.start()
        theirs.close()
        return process, mine

    def submit(
        self, seq: int, source: Source, extractors: Sequence[str] | None, learnt: list[Actor]
    ) -> None:
        """Send source ``seq`` to an idle worker, with the actors learnt it lacks."""
        process, conn = self.idle.pop()
        told = self.told.get(process.pid or 0, 0)
        conn.send((source, extractors, learnt[told:]))
        self.told[process.pid or 0] = len(learnt)
        self.busy[seq] = (process, conn, time.monotonic())

    def wait(self, seq: int, limit: float | None) -> _Done | _Late | None:
        """The answer for task ``seq``: :class:`_Late` when an extractor ran past
        ``limit`` seconds (each extractor has them from its start, as in a serial run),
        None when it is to be done again serially."""
        process, conn, started = self.busy.pop(seq)
        at_work: str | None = None
        answer: _Done | None = None
        try:
            while True:
                left = None if limit is None else max(0.0, started + limit - time.monotonic())
                if not conn.poll(left):
                    raise TimeoutError
                message = conn.recv()
                if not isinstance(message, tuple):
                    answer = message
                    break
                _, at_work, started = message  # an extractor begins
        except (EOFError, OSError, TimeoutError) as exc:
            process.kill()
            process.join()
            conn.close()
            self.idle.append(self._start())
            if isinstance(exc, TimeoutError) and at_work is not None:
                return _Late(at_work)
            return None
        self.idle.append((process, conn))
        return answer

    def close(self) -> None:
        for process, conn, _ in self.busy.values():
            process.kill()
            conn.close()
        for process, conn in self.idle:
            try:
                conn.send(None)
            except OSError:
                process.kill()
            conn.close()
        for process, _ in self.idle:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        for process, _, _ in self.busy.values():
            process.join()


def _still_right(done: _Done, registry: ActorRegistry) -> bool:
    # Whether every lookup the worker made gets the same answer from ``registry`` now.
    if done.whole or done.result.errors:
        return False
    for seen, now in ((done.by_id, registry._by_id), (done.by_key, registry._by_key)):
        for key, value in seen.items():
            if now.get(key) != value:
                return False
    return True


@attrs.define
class _Item:
    # One input, loaded, waiting for its sources' extraction.
    uri: str
    reviewed: Any = None
    loaded: Any = None
    problems: list[ClaimtrackError] = attrs.Factory(list)
    sources: list[tuple[Source, int | None]] = attrs.Factory(list)
    failed: ClaimtrackError | None = None


def add_in_parallel(
    tracker: Tracker,
    paths: Sequence[str],
    report: AddReport,
    *,
    jobs: int,
    prepare: Callable[[Source], Source],
    rederive: bool,
    extractors: Sequence[str] | None,
    on_progress: Callable[[str, int, int], None] | None,
) -> None:
    """Add ``paths`` as :meth:`Tracker.add` does, extracting in ``jobs`` workers:
    ``prepare`` is what the tracker does to a loaded source before storing it."""
    run = _Run(tracker, _Pool(tracker, jobs), report, rederive, extractors)
    try:
        for uri in paths:
            run.queue.append(run.load(uri, prepare))
            run.dispatch()
            while len(run.queue) > 2 * jobs:
                run.write_oldest(on_progress, len(paths))
        while run.queue:
            run.dispatch()
            run.write_oldest(on_progress, len(paths))
    finally:
        run.pool.close()


class _Run:
    # One parallel add: inputs loaded in order, extracted ahead, written in order.
    def __init__(
        self,
        tracker: Tracker,
        pool: _Pool,
        report: AddReport,
        rederive: bool,
        extractors: Sequence[str] | None,
    ) -> None:
        self.tracker = tracker
        self.pool = pool
        self.report = report
        self.rederive = rederive
        self.extractors = extractors
        self.queue: deque[_Item] = deque()
        self.answers: dict[int, _Done | _Late | None] = {}
        self.learnt: list[Actor] = []
        self.known = {a.id: a for a in tracker._actors or ()}
        self.seq = 0
        self.written = 0

    def load(self, uri: str, prepare: Callable[[Source], Source]) -> _Item:
        tracker = self.tracker
        item = _Item(uri)
        try:
            item.reviewed = read_reviewed(tracker.pm, uri, tracker.load_options)
            if item.reviewed is None:
                item.loaded = read_sources(
                    tracker.pm, uri, tracker.load_options, warn=item.problems.append
                )
                for source in item.loaded.sources:
                    source = prepare(source)
                    if tracker._needs_extraction(source, rederive=self.rederive):
                        item.sources.append((source, self.seq))
                        self.seq += 1
                    else:
                        item.sources.append((source, None))
        except ClaimtrackError as exc:
            item.failed = exc
        return item

    def dispatch(self) -> None:
        # Give idle workers the next sources not yet sent.
        for item in self.queue:
            for source, n in item.sources:
                if not self.pool.idle:
                    return
                if n is None or n in self.answers or n in self.pool.busy:
                    continue
                self.pool.submit(n, source, self.extractors, self.learnt)

    def write_oldest(self, on_progress: Callable[[str, int, int], None] | None, total: int) -> None:
        # Store the oldest input, as the serial loop does.
        item = self.queue.popleft()
        tracker, report = self.tracker, self.report
        try:
            if item.failed is not None:
                raise item.failed
            if item.reviewed is not None:
                tracker._add_reviewed(item.reviewed, report)
            else:
                report.errors.extend(item.problems)
                report.errors.extend(item.loaded.problems)
                for source, n in item.sources:
                    extracted, stopped = (None, ()) if n is None else self.extracted(n)
                    tracker._add_source(
                        source,
                        report,
                        rederive=self.rederive,
                        extractors=self.extractors,
                        extracted=extracted,
                        stopped=stopped,
                    )
                    self.note_learnt()
                    self.dispatch()
        except ClaimtrackError as exc:
            report.errors.append(exc)
        self.written += 1
        if on_progress is not None:
            on_progress(item.uri, self.written, total)

    def extracted(self, n: int) -> tuple[ExtractResult | None, tuple[str, ...]]:
        # The worker's extraction of source ``n`` when a serial run would make the same,
        # and the extractor that ran out of time on it, if one did (not to run again).
        if n in self.pool.busy:
            self.answers[n] = self.pool.wait(n, self.tracker.plugin_timeout)
        done = self.answers.pop(n, None)  # never sent (no idle worker): extracted here
        if isinstance(done, _Late):
            return None, (done.plugin,)
        registry = self.tracker._actors
        if done is None or registry is None or not _still_right(done, registry):
            return None, ()
        return done.result, ()

    def note_learnt(self) -> None:
        # The actors the registry learnt from the source just stored, for the workers.
        for actor in self.tracker._actors or ():
            if self.known.get(actor.id) != actor:
                self.known[actor.id] = actor
                self.learnt.append(actor)

"""Under ``add --jobs N`` an extractor that hangs on a source costs its time limit once:
the worker running it is stopped when the time is up, the extractor is named as having
run out of time (as a serial run names it), the source is recorded as failed for that
extractor, and the writer runs the other extractors on it without starting the hung
one again.  The waits are counted, not timed: each start of the hung extractor, each
time-out of a worker of the pool and each time-out of a plugin's own process."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack import Claim, Source, Tracker, parallel_add, retries, workers
from claimtrack.extraction import run_extractors
from claimtrack.parallel_add import MIN_PARALLEL
from claimtrack.plugins import ClaimtrackPluginManager

pytestmark = pytest.mark.skipif(not workers.available(), reason="no fork here: add runs serially")

TEXTS = [
    "The district will reopen the swimming baths.",
    "The district will fix the lifts at the station. Nobody knows about the tower.",
    "The district will print the new timetable.",
    "The district will light the towpath.",
    "The district will sweep the market square.",
]


class HangsOnTowers:
    """Notes each start in ``starts`` (a file: it runs in other processes), then hangs on
    a source that mentions a tower; finds nothing elsewhere."""

    def __init__(self, starts: Path) -> None:
        self.starts = starts

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[Claim]:
        if "tower" in source.text:
            with self.starts.open("a", encoding="utf-8") as out:
                out.write("started\n")
            time.sleep(600)
        return []


def _write(folder: Path) -> list[str]:
    folder.mkdir()
    paths = []
    for n, text in enumerate(TEXTS):
        path = folder / f"notice-{n}.txt"
        path.write_text(
            f"published: 2025-05-0{n + 1}T08:00:00+00:00\npublisher: Canal Weekly\n\n{text}\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def test_a_hung_extractor_is_waited_for_once(
    tmp_path: Path, will_pm: ClaimtrackPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(TEXTS) >= MIN_PARALLEL  # so the add is a parallel one
    starts = tmp_path / "starts.txt"
    will_pm.register(HangsOnTowers(starts), name="hangs")
    pool_timeouts: list[object] = []
    own_timeouts: list[float] = []
    wait = parallel_add._Pool.wait
    run_in_worker = workers.run_in_worker

    def counted_wait(pool: Any, seq: int, limit: float | None) -> Any:
        answer = wait(pool, seq, limit)
        if answer is not None and not isinstance(answer, parallel_add._Done):
            pool_timeouts.append(answer)
        return answer

    def counted_run(fn: Any, timeout: float, **kwargs: Any) -> Any:
        try:
            return run_in_worker(fn, timeout, **kwargs)
        except workers.WorkerTimeout:
            own_timeouts.append(timeout)
            raise

    monkeypatch.setattr(parallel_add._Pool, "wait", counted_wait)
    monkeypatch.setattr(workers, "run_in_worker", counted_run)
    with Tracker(tmp_path / "j2.db", plugin_manager=will_pm, plugin_timeout=0.5) as tracker:
        report = tracker.add(_write(tmp_path / "in"), jobs=2)
        assert starts.read_text(encoding="utf-8").count("started") == 1
        assert len(pool_timeouts) == 1 and own_timeouts == []
        (error,) = report.errors
        assert error.plugin == "hangs" and error.timed_out
        assert "notice-1" in str(error) and "time limit" in str(error)
        assert report.added == len(TEXTS)
        # The other extractor's claims on that source are stored all the same.
        source = next(s for s in report.sources if "tower" in s.text)
        assert any("lifts" in c.text for c in tracker.store.claims_of(source.id))
        assert set(retries.failed_extractors(tracker.store, source.id)) == {"hangs"}


class MustNotRun:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[Claim]:
        raise AssertionError("a stopped extractor was run again")


def test_a_stopped_extractor_is_named_in_its_turn_and_not_run(
    will_pm: ClaimtrackPluginManager,
) -> None:
    will_pm.register(MustNotRun(), name="stopped-one")
    source = Source.from_text(
        "The district will mend the weir.", uri="notice.txt", published_at=None
    )
    result = run_extractors(will_pm, source, timeout=30, stopped=["stopped-one"])
    (error,) = result.errors
    assert error.plugin == "stopped-one" and error.timed_out
    assert "within 30 s, its time limit" in str(error)
    assert "stopped-one" in result.ran and "stopped-one" not in result.succeeded
    assert [c.text for c in result.claims] == ["The district will mend the weir."]

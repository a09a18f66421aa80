"""Loaders and extractors run in a worker process that is killed at their time limit: a
plugin that never returns is stopped (not left running), the source it was working on
is stored as failed and tried again on the next add, and the command line says which
source ran out of time and what the limit was."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack import Claim, ClaimKind, ExtractContext, LoadOptions, PluginError, Source
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli
from claimtrack.workers import WorkerDied, WorkerTimeout, available, run_in_worker

pytestmark = pytest.mark.skipif(not available(), reason="no fork here: plugins run in threads")

TEXT = "The council will open the ferry terminal. The harbour board will dredge the channel.\n"


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


class SlowWhenFlagged:
    """Runs for ever while ``flag`` exists (and notes its process id in ``pidfile``);
    otherwise one statement per sentence."""

    def __init__(self, flag: Path, pidfile: Path) -> None:
        self.flag = flag
        self.pidfile = pidfile

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        if self.flag.exists():
            self.pidfile.write_text(str(os.getpid()))
            while True:  # a busy loop: no thread could be stopped here
                pass
        start = 0
        for sentence in source.text.split(". "):
            text = sentence.strip().rstrip(".\n")
            at = source.text.index(text, start)
            start = at + len(text)
            yield Claim.build(
                source_id=source.id, span=(at, start), speaker=None,
                kind=ClaimKind.STATEMENT, text=text, sentence=text,
            )  # fmt: skip


@pytest.fixture
def slow_pm(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> ClaimtrackPluginManager:
    will_pm.unregister(name="will-extractor")
    will_pm.register(SlowWhenFlagged(tmp_path / "slow", tmp_path / "pid"), name="slow-one")
    return will_pm


def test_a_late_extractor_is_killed_not_left_running(
    tmp_path: Path, slow_pm: ClaimtrackPluginManager
) -> None:
    (tmp_path / "slow").touch()
    doc = tmp_path / "ferry.txt"
    doc.write_text(TEXT)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=slow_pm, plugin_timeout=0.5) as t:
        report = t.add(doc)
    (error,) = report.errors
    assert isinstance(error, PluginError) and error.timed_out
    assert "ferry.txt" in str(error) and "0.5 s" in str(error)
    pid = int((tmp_path / "pid").read_text())
    assert pid != os.getpid()
    assert _gone(pid)  # killed and reaped, not spinning on


def test_a_timed_out_source_is_tried_again_on_the_next_add(
    tmp_path: Path, slow_pm: ClaimtrackPluginManager
) -> None:
    flag = tmp_path / "slow"
    flag.touch()
    doc = tmp_path / "ferry.txt"
    doc.write_text(TEXT)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=slow_pm, plugin_timeout=0.5) as t:
        first = t.add(doc)
        assert first.added == 1 and t.store.count("claims") == 0
        assert [e.plugin for e in first.errors] == ["slow-one"]
        flag.unlink()
        second = t.add(doc)  # not "unchanged": the failed extractor runs again
        assert second.updated == 1 and not second.errors
        assert t.store.count("claims") == 2
        third = t.add(doc)
        assert third.unchanged == 1 and t.store.count("claims") == 2


def test_a_source_too_long_to_extract_in_time_is_a_failed_run(
    tmp_path: Path, slow_pm: ClaimtrackPluginManager
) -> None:
    (tmp_path / "slow").touch()
    doc = tmp_path / "ferry.txt"
    doc.write_text(TEXT)
    db = tmp_path / "c.db"
    result = invoke_cli("--time-limit", "0.5", "add", str(doc), plugin_manager=slow_pm, db=db)
    assert result.exit_code != 0
    warning = next(x for x in result.stderr.splitlines() if "slow-one" in x)
    assert "ferry.txt" in warning and "0.5 s" in warning and "time limit" in warning
    assert "--time-limit" in result.stderr and "Traceback" not in result.output


class LoopingLoader:
    @claimtrack.hookimpl(tryfirst=True)
    def claimtrack_load(self, uri: str, options: LoadOptions) -> Any:
        if uri.endswith(".loop"):
            while True:
                pass
        return None


def test_a_late_loader_is_stopped_and_the_other_inputs_added(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    will_pm.register(LoopingLoader(), name="looping-loader")
    bad = tmp_path / "x.loop"
    bad.write_text("anything")
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    options = LoadOptions(max_seconds=0.5)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm, load_options=options) as t:
        report = t.add([bad, good])
        assert report.added == 1
        (error,) = report.errors
        assert isinstance(error, PluginError) and error.plugin == "looping-loader"
        assert "x.loop" in str(error) and "0.5 s" in str(error)
        assert t.store.count("sources") == 1


class DiesOutright:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[Claim]:
        os._exit(7)


class ReturnsALocalObject:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[object]:
        class Local:
            pass

        return [Local()]


@pytest.mark.parametrize(
    ("plugin", "words"),
    [
        (DiesOutright(), "exit status 7"),
        (ReturnsALocalObject(), "Local is not a Claim"),
    ],
)
def test_a_worker_that_dies_or_sends_garbage_is_named(
    plugin: object, words: str, tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    will_pm.register(plugin, name="odd-one")
    doc = tmp_path / "ferry.txt"
    doc.write_text(TEXT)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm, plugin_timeout=10) as t:
        report = t.add(doc)
        (error,) = report.errors
        assert error.plugin == "odd-one" and words in str(error), str(error)
        assert t.store.count("claims") == 2  # the other extractor's claims landed


def test_run_in_worker_returns_raises_and_times_out() -> None:
    assert run_in_worker(lambda: [1, 2], 10) == ([1, 2], None)
    value, raised = run_in_worker(lambda: {}["missing"], 10)
    assert value is None and raised is not None and isinstance(raised[0], KeyError)
    assert "in the worker process" in str(raised[0].__cause__)
    with pytest.raises(WorkerTimeout):
        run_in_worker(lambda: time.sleep(30), 0.3)
    with pytest.raises(WorkerDied, match="SIGKILL"):
        run_in_worker(lambda: os.kill(os.getpid(), 9), 10)


def _parse(text: str) -> list[object]:
    raise ValueError(f"no header in {len(text)} characters")


class Flaky:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[object]:
        return _parse(source.text)


def test_a_failure_in_a_worker_keeps_its_cause_and_the_plugins_line() -> None:
    from claimtrack.testing import make_source, run_extractor

    result = run_extractor(Flaky(), make_source("Some text."), timeout=10)
    (error,) = result.errors
    assert isinstance(error.__cause__, ValueError)
    path, _, line = (error.location or "").rpartition(":")
    assert Path(path).resolve() == Path(__file__).resolve()
    assert "raise ValueError" in Path(__file__).read_text().splitlines()[int(line) - 1]
    text = error.traceback_text()
    assert "_parse" in text and "ValueError" in text
    assert "claimtrack/dispatch.py" not in text and 'claimtrack/workers.py"' not in text


#: A caller whose extractor spins for ever in its worker, noting the worker's pid.
SPINNING_CALLER = r"""
import os, sys
import claimtrack
from claimtrack.plugins import get_plugin_manager

class Spins:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source):
        open(sys.argv[2], "w").write(str(os.getpid()))
        while True:
            pass

pm = get_plugin_manager(load_entrypoints=False)
pm.register(Spins(), name="spins")
claimtrack.extract("The council will open the pier.", plugin_manager=pm, plugin_timeout=600)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_dies_with_a_caller_killed_outright(tmp_path: Path) -> None:
    pidfile = tmp_path / "worker.pid"
    caller = subprocess.Popen([sys.executable, "-c", SPINNING_CALLER, "x", str(pidfile)])
    try:
        for _ in range(600):  # until the worker is at work (a minute at most)
            if pidfile.exists() and pidfile.read_text():
                break
            time.sleep(0.1)
        worker = int(pidfile.read_text())
        caller.kill()  # SIGKILL: the caller cannot clean up
        caller.wait()
        for _ in range(600):
            if _gone(worker) or _zombie(worker):
                break
            time.sleep(0.1)
        assert _gone(worker) or _zombie(worker), "the worker outlived its caller"
    finally:
        caller.kill()
        if pidfile.exists() and pidfile.read_text() and not _gone(int(pidfile.read_text())):
            os.kill(int(pidfile.read_text()), 9)


def _zombie(pid: int) -> bool:
    # Killed but not yet reaped by init: gone for every purpose that matters here.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (OSError, IndexError):
        return True

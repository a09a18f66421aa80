"""A process SIGKILLed in the middle of adding many documents leaves a store that opens,
holds every source it committed (each with all its claims), and a rerun completes the
rest without duplicates."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, ClaimKind, ExtractContext, Source
from claimtrack.store import SQLiteStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

DOCS = 40
SENTENCES = 12

#: The child: a tracker whose extractor makes one claim a sentence.  argv: db, folder,
#: mode ("slow": sleep a little per source and print progress; "die-in-write=N": kill
#: itself inside the Nth source's transaction, after its claims were written).
CHILD = r"""
import os, re, signal, sys, time
import claimtrack
from claimtrack import Claim, ClaimKind
from claimtrack.plugins import get_plugin_manager
from claimtrack.store import SQLiteStore

class Sentences:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source, context):
        if MODE == "slow":
            time.sleep(0.01)
        speaker = context.registry.resolve_or_add("Desk", "organisation")
        for m in re.finditer(r"[^.\n]+\.", source.text):
            yield Claim.build(source_id=source.id, span=m.span(), speaker=speaker,
                              kind=ClaimKind.STATEMENT, text=m.group(), sentence=m.group())

db, folder, MODE = sys.argv[1:4]
if MODE.startswith("die-in-write="):
    fatal = int(MODE.split("=")[1])
    calls = [0]
    original = SQLiteStore._replace_claims
    def dying(self, conn, source, claims, *rest):
        original(self, conn, source, claims, *rest)
        calls[0] += 1
        if calls[0] == fatal:
            os.kill(os.getpid(), signal.SIGKILL)
    SQLiteStore._replace_claims = dying

pm = get_plugin_manager(load_entrypoints=False)
pm.unregister(name="claimtrack.default_plugins.english_extractor")
pm.register(Sentences(), name="sentences")
with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
    tracker.add(folder, on_progress=lambda uri, done, total: print(done, flush=True))
print("finished", flush=True)
"""


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(DOCS):
        body = "".join(f"Item {i} line {j} was reported by the desk.\n" for j in range(SENTENCES))
        (folder / f"doc{i:03d}.txt").write_text(
            f"title: Doc {i}\npublished: 2025-03-{1 + i % 28:02d}\n\n{body}", encoding="utf-8"
        )
    return folder


def _child(db: Path, folder: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(folder), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_store(db: Path) -> int:
    """Open the store as a fresh process would; every committed source has all its
    claims (a transaction landed whole or not at all).  Returns how many sources."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    with SQLiteStore(db) as store:
        sources = list(store.sources())
        for source in sources:
            assert len(store.claims_of(source.id)) == SENTENCES, source.title
        assert store.count("claims") == SENTENCES * len(sources)
        return len(sources)


class Sentences:
    """The child's extractor, in this process: one claim a sentence."""

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> list[Claim]:
        speaker = context.registry.resolve_or_add("Desk", "organisation")
        return [
            Claim.build(
                source_id=source.id,
                span=m.span(),
                speaker=speaker,
                kind=ClaimKind.STATEMENT,
                text=m.group(),
                sentence=m.group(),
            )
            for m in re.finditer(r"[^.\n]+\.", source.text)
        ]


def _rerun_completes(db: Path, folder: Path, committed: int) -> None:
    pm = claimtrack.get_plugin_manager(load_entrypoints=False)
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    pm.register(Sentences(), name="sentences")
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        report = tracker.add(folder)
        assert report.errors == []
        assert report.unchanged == committed
        assert report.added == DOCS - committed
        assert tracker.store.count("sources") == DOCS
        assert tracker.store.count("claims") == DOCS * SENTENCES
        again = tracker.add(folder)
        assert (again.added, again.updated, again.unchanged) == (0, 0, DOCS)
    conn = sqlite3.connect(db)
    try:
        dupes = conn.execute(
            "SELECT COUNT(*) FROM (SELECT source_id, span_start, span_end FROM claims"
            " GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)"
        ).fetchone()[0]
        titles = conn.execute("SELECT COUNT(DISTINCT title) FROM sources").fetchone()[0]
    finally:
        conn.close()
    assert dupes == 0 and titles == DOCS


def test_killed_inside_a_write_transaction(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    db = tmp_path / "ledger.db"
    child = _child(db, folder, "die-in-write=11")
    out, err = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL, err
    assert out.split() == [str(i) for i in range(1, 11)]  # ten committed, the 11th not
    assert "finished" not in out
    assert _check_store(db) == 10
    _rerun_completes(db, folder, 10)


def test_killed_at_an_arbitrary_moment(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    db = tmp_path / "ledger.db"
    child = _child(db, folder, "slow")
    assert child.stdout is not None
    seen = 0
    while seen < DOCS // 3:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else ""
        seen = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    committed = _check_store(db)
    # Progress is printed after a source's commit, so what was seen is stored; a
    # source or two more may have landed before the signal did.
    assert DOCS // 3 <= committed < DOCS
    _rerun_completes(db, folder, committed)


def test_a_stale_wal_from_a_killed_process_is_recovered(tmp_path: Path) -> None:
    # Killed before any checkpoint: the WAL holds the committed sources, the main file
    # may not; opening the store must replay it.
    folder = _corpus(tmp_path / "docs")
    db = tmp_path / "ledger.db"
    child = _child(db, folder, "die-in-write=5")
    child.communicate(timeout=120)
    assert Path(str(db) + "-wal").exists()
    assert _check_store(db) == 4

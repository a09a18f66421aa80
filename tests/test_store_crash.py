"""A process SIGKILLed in the middle of adding many documents leaves a store that opens,
holds every source it committed (each with all its claims), and a rerun completes the
rest without duplicates: on each engine (PostgreSQL rolls back the dead connection's
open transaction).  Replaying a stale WAL is SQLite's own (one file, no server); its
PostgreSQL counterpart is a connection the server ends in the middle of a write, which
loses nothing committed either."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, ClaimKind, ExtractContext, Source
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.store import SQLStore
from claimtrack.store_protocol import is_postgres_url, open_store

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
from claimtrack.store import SQLStore

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
    original = SQLStore._replace_claims
    def dying(self, conn, source, claims, *rest):
        original(self, conn, source, claims, *rest)
        calls[0] += 1
        if calls[0] == fatal:
            os.kill(os.getpid(), signal.SIGKILL)
    SQLStore._replace_claims = dying

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


def _child(db: str, folder: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(folder), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_store(db: str) -> int:
    """Open the store as a fresh process would; every committed source has all its
    claims (a transaction landed whole or not at all).  Returns how many sources."""
    if not is_postgres_url(db):
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    with closing(open_store(db)) as store:
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


def _sentences_pm() -> ClaimtrackPluginManager:
    pm = claimtrack.get_plugin_manager(load_entrypoints=False)
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    pm.register(Sentences(), name="sentences")
    return pm


def _rerun_completes(db: str, folder: Path, committed: int) -> None:
    with claimtrack.Tracker(db, plugin_manager=_sentences_pm()) as tracker:
        report = tracker.add(folder)
        assert report.errors == []
        assert report.unchanged == committed
        assert report.added == DOCS - committed
        assert tracker.store.count("sources") == DOCS
        assert tracker.store.count("claims") == DOCS * SENTENCES
        again = tracker.add(folder)
        assert (again.added, again.updated, again.unchanged) == (0, 0, DOCS)
    with closing(open_store(db, read_only=True)) as store:
        ((dupes,),) = store.read(
            "SELECT COUNT(*) FROM (SELECT source_id, span_start, span_end FROM claims"
            " GROUP BY 1, 2, 3 HAVING COUNT(*) > 1) AS twice"
        )
        ((titles,),) = store.read("SELECT COUNT(DISTINCT title) FROM sources")
    assert dupes == 0 and titles == DOCS


def test_killed_inside_a_write_transaction(ledger: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    db = ledger
    child = _child(db, folder, "die-in-write=11")
    out, err = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL, err
    assert out.split() == [str(i) for i in range(1, 11)]  # ten committed, the 11th not
    assert "finished" not in out
    assert _check_store(db) == 10
    _rerun_completes(db, folder, 10)


def test_killed_at_an_arbitrary_moment(ledger: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    db = ledger
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
    # SQLite only: the WAL file is how one SQLite file commits.  Killed before any
    # checkpoint, the WAL holds the committed sources, the main file may not; opening
    # the store must replay it.
    folder = _corpus(tmp_path / "docs")
    db = str(tmp_path / "ledger.db")
    child = _child(db, folder, "die-in-write=5")
    child.communicate(timeout=120)
    assert Path(db + "-wal").exists()
    assert _check_store(db) == 4


@pytest.mark.parametrize("ledger", ["postgresql"], indirect=True)
def test_a_connection_the_server_ends_mid_write_loses_nothing_committed(
    ledger: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PostgreSQL's counterpart of the stale WAL: the server ends this connection (an
    # administrator's pg_terminate_backend, a restart) inside the 5th source's write.
    import psycopg

    folder = _corpus(tmp_path / "docs")
    original = SQLStore._replace_claims
    calls = [0]

    def ended(self: SQLStore, conn: object, *args: object, **kwargs: object) -> None:
        original(self, conn, *args, **kwargs)  # type: ignore[arg-type]
        calls[0] += 1
        if calls[0] == 5:
            ((pid,),) = self.read("SELECT pg_backend_pid()")
            with psycopg.connect(ledger, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    monkeypatch.setattr(SQLStore, "_replace_claims", ended)
    with claimtrack.Tracker(ledger, plugin_manager=_sentences_pm()) as tracker:
        report = tracker.add(folder)
    assert report.added == 4
    assert report.errors and all("connection" in str(e) for e in report.errors)
    monkeypatch.undo()
    assert _check_store(ledger) == 4
    _rerun_completes(ledger, folder, 4)

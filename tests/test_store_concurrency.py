"""Two processes adding to the same store at once both succeed, on each engine: nothing
lost, nothing twice, and no "database is locked" (nor a serialization failure) reaching
the user."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from claimtrack.store_protocol import is_postgres_url, open_store

DOCS = 60
SENTENCES = 6

#: The child: waits for the go file, then opens the store (possibly creating it, so
#: both may race through the migrations) and adds its share one file per call, the
#: worst case for lock contention.  argv: db, go-file, files...  Prints its report.
CHILD = r"""
import json, os, re, sys, time
import claimtrack
from claimtrack import Claim, ClaimKind
from claimtrack.plugins import get_plugin_manager

class Sentences:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source, context):
        speaker = context.registry.resolve_or_add("Desk", "organisation")
        for m in re.finditer(r"[^.\n]+\.", source.text):
            yield Claim.build(source_id=source.id, span=m.span(), speaker=speaker,
                              kind=ClaimKind.STATEMENT, text=m.group(), sentence=m.group())

db, go, files = sys.argv[1], sys.argv[2], sys.argv[3:]
pm = get_plugin_manager(load_entrypoints=False)
pm.unregister(name="claimtrack.default_plugins.english_extractor")
pm.register(Sentences(), name="sentences")
deadline = time.monotonic() + 60
while not os.path.exists(go) and time.monotonic() < deadline:
    time.sleep(0.001)
totals = {"added": 0, "unchanged": 0, "updated": 0, "errors": []}
with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
    for path in files:
        report = tracker.add(path)
        totals["added"] += report.added
        totals["unchanged"] += report.unchanged
        totals["updated"] += report.updated
        totals["errors"] += [str(e) for e in report.errors]
print(json.dumps(totals))
"""

CLI = "from claimtrack.cli import main; main()"


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(DOCS):
        body = "".join(f"Story {i} fact {j} was confirmed.\n" for j in range(SENTENCES))
        path = folder / f"doc{i:03d}.txt"
        path.write_text(f"title: Story {i}\npublished: 2025-03-10\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def _run_pair(args_a: list[str], args_b: list[str], go: Path) -> list[tuple[int, str, str]]:
    children = [
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for args in (args_a, args_b)
    ]
    time.sleep(0.3)  # both are waiting for the go file (not a timing assertion)
    go.touch()
    out = []
    for child in children:
        stdout, stderr = child.communicate(timeout=180)
        out.append((child.returncode, stdout, stderr))
    return out


def _assert_complete(db: str, expected_sources: int) -> None:
    if not is_postgres_url(db):
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    with closing(open_store(db, read_only=True)) as store:
        (sources,) = store.read("SELECT COUNT(*), COUNT(DISTINCT title) FROM sources")
        (claims,) = store.read(
            "SELECT COUNT(*), COUNT(DISTINCT source_id || ':' || span_start) FROM claims"
            " WHERE retired_at IS NULL"
        )
    assert sources == (expected_sources, expected_sources)
    assert claims == (expected_sources * SENTENCES, expected_sources * SENTENCES)


def test_two_processes_add_overlapping_sources_at_once(ledger: str, tmp_path: Path) -> None:
    paths = [str(p) for p in _corpus(tmp_path / "docs")]
    db, go = ledger, tmp_path / "go"
    # A adds 0..39, B adds 20..59 backwards: they meet on 20..39.
    a = paths[:40]
    b = list(reversed(paths[20:]))
    results = _run_pair(
        [sys.executable, "-c", CHILD, db, str(go), *a],
        [sys.executable, "-c", CHILD, db, str(go), *b],
        go,
    )
    reports = []
    for code, stdout, stderr in results:
        assert code == 0, stderr
        assert "locked" not in stderr.lower() and "Traceback" not in stderr
        assert "conflicting" not in stderr
        report = json.loads(stdout)
        assert report["errors"] == []
        reports.append(report)
    # Every source landed once: the overlap was added by one and unchanged for the other.
    assert sum(r["added"] for r in reports) == DOCS
    assert sum(r["unchanged"] for r in reports) == 20
    _assert_complete(db, DOCS)


def test_two_cli_runs_on_one_store_both_succeed(ledger: str, tmp_path: Path) -> None:
    # The real command line with the real built-in extractor, twice at once.
    paths = [str(p) for p in _corpus(tmp_path / "docs")]
    db, go = ledger, tmp_path / "go"
    waiter = f"import os, time\nwhile not os.path.exists({str(go)!r}): time.sleep(0.001)\n"
    results = _run_pair(
        [sys.executable, "-c", waiter + CLI, "--db", db, "add", *paths[:40]],
        [sys.executable, "-c", waiter + CLI, "--db", db, "add", *paths[20:]],
        go,
    )
    for code, stdout, stderr in results:
        assert code == 0, stderr
        assert "locked" not in (stdout + stderr).lower()
        assert "Error" not in stderr and "Traceback" not in stderr
        assert "source(s) added" in stdout
    with closing(open_store(db, read_only=True)) as store:
        assert store.count("sources") == DOCS

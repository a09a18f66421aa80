"""A store opened for reading takes no write lock and never writes; a damaged record is
named and skipped; disk full, a read-only store and a newer store are clear errors."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

import claimtrack
from claimtrack import StoreError
from claimtrack import store as store_module
from claimtrack.migrations import SCHEMA_VERSION
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.store import SQLiteStore
from claimtrack.testing import invoke_cli

TEXT = (
    "Published: 2025-03-03\n\n"
    "The council will open the ferry terminal. The harbour board will dredge the channel.\n"
)


@pytest.fixture
def stored(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> Path:
    """A store holding one source with two commitments, closed cleanly."""
    doc = tmp_path / "ferry.txt"
    doc.write_text(TEXT)
    db = tmp_path / "s.db"
    with claimtrack.Tracker(db, plugin_manager=will_pm) as tracker:
        assert tracker.add(doc).added == 1
    return db


def _fingerprint(db: Path) -> tuple[str, list[str]]:
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    return digest, sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name))


READS = [
    ("status",),
    ("status", "--format", "json"),
    ("export", "--format", "jsonl"),
]


@pytest.mark.parametrize("command", READS)
def test_read_commands_never_change_the_store(
    command: tuple[str, ...], stored: Path, tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    actors = tmp_path / "actors.json"
    actors.write_text(json.dumps([{"name": "Ferry Trust", "aliases": ["the trust"]}]))
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    result = invoke_cli("--actors", str(actors), *command, plugin_manager=will_pm, db=stored)
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before
    with sqlite3.connect(stored) as conn:  # the actors file was used, not stored
        names = {r[0] for r in conn.execute("SELECT name FROM actors")}
    assert "Ferry Trust" not in names


def test_show_reads_without_writing(stored: Path, will_pm: ClaimtrackPluginManager) -> None:
    with sqlite3.connect(stored) as conn:
        (claim_id,) = conn.execute("SELECT id FROM claims LIMIT 1").fetchone()
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    result = invoke_cli("show", claim_id, plugin_manager=will_pm, db=stored)
    assert result.exit_code == 0 and "ferry" in result.output
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before


def test_a_reader_takes_no_write_lock(
    stored: Path, will_pm: ClaimtrackPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A writer holds the store's write lock; any reader that tried to write (or to take
    # that lock) would fail at once with these settings instead of waiting.
    monkeypatch.setattr(store_module, "_BUSY_TIMEOUT_MS", 1)
    monkeypatch.setattr(store_module, "_LOCK_RETRIES", 1)
    writer = sqlite3.connect(stored, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO actors (id, name, kind) VALUES ('w', 'Writer', 'person')")
    try:
        with claimtrack.Tracker(stored, plugin_manager=will_pm, read_only=True) as tracker:
            report = tracker.report("2025-03-05")
            assert sum(report.counts.values()) == 2
        with pytest.raises(StoreError, match="locked"):
            claimtrack.Tracker(stored, plugin_manager=will_pm).add_source(
                claimtrack.Source.from_text("The port will reopen.")
            )
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_missing_store_is_refused_and_not_created(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    # A missing store is a mistyped --db far more often than an empty ledger: the
    # command says how to create one (tests/test_read_commands_refuse_a_missing_store.py).
    db = tmp_path / "none.db"
    result = invoke_cli("status", "--format", "json", plugin_manager=will_pm, db=db)
    assert result.exit_code == 1 and "no claimtrack store there" in result.stderr
    assert result.stdout == "" and not db.exists()
    # The library's read-only store still reads a missing file as empty, creating none.
    with claimtrack.Tracker(db, plugin_manager=will_pm, read_only=True) as tracker:
        assert tracker.status() == []
    assert not db.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_read_only_file_can_be_read(stored: Path, will_pm: ClaimtrackPluginManager) -> None:
    stored.chmod(0o444)
    stored.parent.chmod(0o555)
    try:
        result = invoke_cli("status", "--format", "json", plugin_manager=will_pm, db=stored)
        assert result.exit_code == 0 and len(json.loads(result.stdout)["commitments"]) == 2
        added = invoke_cli(
            "add", str(stored.parent / "ferry.txt"), plugin_manager=will_pm, db=stored
        )
        assert added.exit_code == 1 and str(stored) in added.stderr
        assert "read-only" in added.stderr or "cannot" in added.stderr
    finally:
        stored.parent.chmod(0o755)


def test_a_store_in_a_folder_one_cannot_write_is_read_immutable(
    stored: Path, will_pm: ClaimtrackPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root every folder is writable; what a user without write access gets is made
    # here by saying so: no write-ahead log can exist, so the file is read as it is.
    from claimtrack import store_open

    assert not stored.with_name(stored.name + "-wal").exists()
    monkeypatch.setattr(store_open, "_can_write", lambda folder: False)
    before = _fingerprint(stored)
    result = invoke_cli("status", "--format", "json", plugin_manager=will_pm, db=stored)
    assert result.exit_code == 0 and len(json.loads(result.stdout)["commitments"]) == 2
    assert _fingerprint(stored) == before  # not even a -wal or -shm beside it


def test_writing_a_store_opened_read_only_is_a_clear_error(stored: Path) -> None:
    # What a read-only file gives any writer, as root too: SQLite refuses to write.
    with SQLiteStore(stored, read_only=True) as store, pytest.raises(StoreError) as caught:
        store.save_actors([claimtrack.Actor.named("Ferry Trust")])
    assert str(stored) in str(caught.value) and "reading only" in str(caught.value)
    err = store_module.store_open.store_error(
        stored, sqlite3.OperationalError("attempt to write a readonly database")
    )
    assert str(stored) in str(err) and "read-only" in str(err) and "copy" in str(err)


def test_a_full_disk_is_a_store_error_naming_the_store(
    stored: Path, will_pm: ClaimtrackPluginManager
) -> None:
    with claimtrack.Tracker(stored, plugin_manager=will_pm) as tracker:
        (pages,) = tracker.store._conn.execute("PRAGMA page_count").fetchone()
        tracker.store._conn.execute(f"PRAGMA max_page_count = {pages}")
        big = " ".join(f"The council will open ferry terminal {i}." for i in range(3000))
        with pytest.raises(StoreError) as caught:
            tracker.add_source(claimtrack.Source.from_text(big))
        assert str(stored) in str(caught.value) and "disk is full" in str(caught.value)
        assert tracker.store.count("sources") == 1  # what was stored is kept


@pytest.mark.parametrize("how", ["user_version", "migration"])
def test_a_newer_store_is_refused_and_left_as_it_is(stored: Path, how: str) -> None:
    with sqlite3.connect(stored) as conn:
        if how == "user_version":
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        else:
            conn.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', 'x')")
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer claimtrack") as caught:
            SQLiteStore(stored, read_only=read_only)
        assert str(stored) in str(caught.value) and "upgrade" in str(caught.value)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before
    with sqlite3.connect(stored) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == (SCHEMA_VERSION + 5 if how == "user_version" else SCHEMA_VERSION)


def test_an_older_store_is_upgraded_by_a_reader(stored: Path) -> None:
    with sqlite3.connect(stored) as conn:
        conn.execute("DROP TABLE extraction_failures")
        conn.execute("DELETE FROM _migrations WHERE name = 'm003_extraction_failures'")
        conn.execute("PRAGMA user_version = 2")
    with SQLiteStore(stored, read_only=True) as store:
        assert store.count("claims") == 2
    with sqlite3.connect(stored) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("damage", ["{broken", "[1, 2]", '{"id": "x"}', "null"])
def test_a_damaged_record_is_named_and_skipped(
    damage: str, stored: Path, will_pm: ClaimtrackPluginManager
) -> None:
    with sqlite3.connect(stored) as conn:
        bad, good = (r[0] for r in conn.execute("SELECT id FROM claims ORDER BY span_start"))
        conn.execute("UPDATE claims SET record = ? WHERE id = ?", (damage, bad))
    for command in (("status",), ("status", "--format", "json"), ("export", "--format", "jsonl")):
        result = invoke_cli(*command, "--as-of", "2025-03-05", plugin_manager=will_pm, db=stored)
        assert result.exit_code == 0, result.output
        warnings = [x for x in result.stderr.splitlines() if x.startswith("Warning")]
        assert len(warnings) == 1 and bad in warnings[0] and str(stored) in warnings[0]
        assert "damaged" in warnings[0] and "Traceback" not in result.output
        if command[-1] == "jsonl":
            assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == [good]
        elif command[-1] == "json":
            assert [c["id"] for c in json.loads(result.stdout)["commitments"]] == [good]
    shown = invoke_cli("show", bad, plugin_manager=will_pm, db=stored)
    assert shown.exit_code == 1 and bad in shown.stderr and "damaged" in shown.stderr


def test_memory_is_refused_with_a_reason(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> None:
    doc = tmp_path / "ferry.txt"
    doc.write_text(TEXT)
    result = invoke_cli("add", str(doc), plugin_manager=will_pm, db=":memory:")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert ":memory:" in line and "nothing would be kept" in line and "extracted" not in line

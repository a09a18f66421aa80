"""Migration m004_promises upgrades a store written before promises existed: every row
of the old tables is still there, unchanged, and every tracked claim is a mention of a
promise (its first mention's claim id is the promise's id, so the ids people already
use keep working)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import claimtrack
from claimtrack.migrations import MIGRATIONS
from claimtrack.plugins import ClaimtrackPluginManager

#: The schema before promises: every migration up to m004_promises.
BEFORE = MIGRATIONS[: [m.__name__ for m in MIGRATIONS].index("m004_promises")]

OLD_TABLES = ("sources", "actors", "claims", "evidence")


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in OLD_TABLES
        }
    finally:
        conn.close()


def _old_store(path: Path, source_db: Path) -> None:
    """A store with the schema before promises, holding the rows of ``source_db``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for migration in BEFORE:
        migration(conn)
        conn.execute(
            "INSERT INTO _migrations VALUES (?, '2025-01-01T00:00:00+00:00')", (migration.__name__,)
        )
    conn.execute(f"PRAGMA user_version = {len(BEFORE)}")
    conn.execute("ATTACH DATABASE ? AS src", (str(source_db),))
    for table in OLD_TABLES:
        conn.execute(f"INSERT INTO {table} SELECT * FROM src.{table}")
    conn.execute("DETACH DATABASE src")
    conn.close()


def test_upgrade_keeps_every_row_and_groups_the_claims(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "published: 2025-03-03T09:00:00+00:00\npublisher: Gazette\n\n"
        "The council will resurface Mill Lane. The depot will reopen. It rained.\n",
        encoding="utf-8",
    )
    new = tmp_path / "new.db"
    with claimtrack.Tracker(new, plugin_manager=will_pm) as tracker:
        tracker.add(article)
        [row, *_] = tracker.status(as_of="2025-03-05")
        tracker.resolve(row.claim.id, "kept", known="2025-03-04")
    old = tmp_path / "old.db"
    _old_store(old, new)
    before = _dump(old)
    assert before["claims"] and before["evidence"]
    with claimtrack.Tracker(old, plugin_manager=will_pm) as tracker:
        rows = tracker.status(as_of="2025-03-05")
        names = {r[0] for r in tracker.store._conn.execute("SELECT name FROM _migrations")}
    assert names == {m.__name__ for m in MIGRATIONS}
    assert _dump(old) == before  # nothing old changed or lost
    tracked = [r for r in before["claims"] if r[2] == "commitment"]
    assert sorted(r.claim.id for r in rows) == sorted(str(r[0]) for r in tracked)
    assert {r.status.value for r in rows if r.status is not None} >= {"kept"}


def test_upgrading_an_empty_old_store(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> None:
    empty = tmp_path / "empty.db"
    claimtrack.Tracker(empty, plugin_manager=will_pm).close()
    old = tmp_path / "old.db"
    _old_store(old, empty)
    with claimtrack.Tracker(old, plugin_manager=will_pm) as tracker:
        assert tracker.status() == []

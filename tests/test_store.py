"""The store (on both engines, where not SQLite's own file format): schema and migrations, WAL, dedupe by content, append-only evidence,
evidence that follows re-derived claims."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest

import claimtrack
from claimtrack import Claim, Evidence, Source, Verdict
from claimtrack.errors import NotFoundError, StoreError
from claimtrack.migrations import MIGRATIONS, SCHEMA_VERSION
from claimtrack.store import SQLiteStore
from claimtrack.store_protocol import open_store

UTC = timezone.utc
T0 = datetime(2025, 3, 3, 9, tzinfo=UTC)


def _claim(source: Source, start: int, end: int, kind: str = "commitment") -> Claim:
    return Claim.build(
        source_id=source.id, span=(start, end), speaker=None, kind=kind, text=source.text[start:end]
    )


def _evidence(claim_id: str, verdict: str = "kept") -> Evidence:
    return Evidence(
        claim_id=claim_id, verdict=verdict, known_at=T0, recorded_at=T0, recorded_by="tester"
    )


def test_new_store_has_schema_version_and_wal(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    assert names == {m.__name__ for m in MIGRATIONS}


def test_reopening_runs_no_migration_twice(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    SQLiteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)


def test_store_from_a_newer_claimtrack_is_refused(db_path: Path) -> None:
    SQLiteStore(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _migrations VALUES ('m999_future', 'x')")
    conn.commit()
    with pytest.raises(StoreError, match="newer claimtrack"):
        SQLiteStore(db_path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="cannot open as a claimtrack store"):
        SQLiteStore(bogus)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "nowhere" / "x.db")


def test_same_text_is_stored_once(ledger: str) -> None:
    store = open_store(ledger)
    s = Source.from_text("The depot will reopen.", published_at=T0)
    assert store.add_source(s, [_claim(s, 4, 9)]) == "added"
    assert store.add_source(s, [_claim(s, 4, 9)]) == "unchanged"
    assert store.count("sources") == 1 and store.count("claims") == 1


def test_changed_metadata_updates_and_rederives(ledger: str) -> None:
    store = open_store(ledger)
    s = Source.from_text("The depot will reopen.", published_at=T0)
    store.add_source(s, [_claim(s, 4, 9)])
    # The same document, its date corrected (as `add --published` does): the same id.
    corrected = attrs.evolve(s, published_at=datetime(2025, 3, 4, 9, tzinfo=UTC))
    assert store.add_source(corrected, [_claim(corrected, 4, 9)]) == "updated"
    assert store.get_source(s.id).published_at == corrected.published_at


def test_evidence_is_append_only(db_path: Path) -> None:
    store = SQLiteStore(db_path)
    s = Source.from_text("The depot will reopen.")
    c = _claim(s, 4, 9)
    store.add_source(s, [c])
    stored = store.add_evidence(_evidence(c.id))
    assert stored is not None and stored.id is not None
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE evidence SET verdict = 'broken'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM evidence")


def test_evidence_for_unknown_claim_is_refused(ledger: str) -> None:
    store = open_store(ledger)
    with pytest.raises(NotFoundError, match="no claim"):
        store.add_evidence(_evidence("nope"))


def test_duplicate_checker_evidence_is_skipped(ledger: str) -> None:
    store = open_store(ledger)
    s = Source.from_text("The depot will reopen.")
    c = _claim(s, 4, 9)
    store.add_source(s, [c])
    assert store.add_evidence(_evidence(c.id), skip_duplicate=True) is not None
    assert store.add_evidence(_evidence(c.id), skip_duplicate=True) is None
    assert len(store.evidence_for(c.id)) == 1


def test_evidence_moves_to_the_most_overlapping_new_claim(ledger: str) -> None:
    store = open_store(ledger)
    s = Source.from_text("The depot will reopen in May. The bridge will close.")
    old = _claim(s, 4, 21)  # "depot will reopen"
    store.add_source(s, [old])
    store.add_evidence(_evidence(old.id))
    # An improved extractor finds a longer span for the same commitment.
    better = _claim(s, 0, 28)
    other = _claim(s, 30, 51)
    updated = attrs.evolve(s, published_at=T0)
    store.add_source(updated, [better, other])
    moved = store.evidence_for(better.id)
    assert len(moved) == 1 and moved[0].verdict is Verdict.KEPT
    assert moved[0].note and f"moved from claim {old.id}" in moved[0].note
    assert store.evidence_for(old.id)  # the original entry is still there
    assert {c.id for c in store.claims()} == {better.id, other.id}


def test_claim_lookup_by_unique_prefix(ledger: str) -> None:
    store = open_store(ledger)
    s = Source.from_text("The depot will reopen.")
    c = _claim(s, 4, 9)
    store.add_source(s, [c])
    assert store.get_claim(c.id[:6]) == c
    with pytest.raises(NotFoundError, match="no claim"):
        store.get_claim("zzzz")


def test_tracker_add_twice_stores_once(engine_tracker: claimtrack.Tracker, article: Path) -> None:
    first = engine_tracker.add(article)
    second = engine_tracker.add(article)
    assert (first.added, first.claims) == (1, 4)
    assert (second.added, second.unchanged) == (0, 1)
    assert engine_tracker.store.count("sources") == 1
    assert engine_tracker.store.count("claims") == 4


def test_tracker_published_override_rederives(
    engine_tracker: claimtrack.Tracker, article: Path
) -> None:
    engine_tracker.add(article)
    report = engine_tracker.add(article, published="2025-03-10")
    assert report.updated == 1
    rows = engine_tracker.status(as_of="2025-03-11")
    assert rows and all(
        r.claim.due and r.claim.due.start == datetime(2025, 3, 10, 12, tzinfo=UTC) for r in rows
    )


def test_rederive_replaces_claims_and_moves_evidence(
    engine_tracker: claimtrack.Tracker, article: Path
) -> None:
    engine_tracker.add(article)
    row = engine_tracker.status(as_of="2025-03-04")[0]
    engine_tracker.resolve(row.claim.id, "kept", known="2025-03-05")

    class LongerSpans:
        """An "upgraded" extractor: one claim a line instead of one a sentence."""

        @claimtrack.hookimpl
        def claimtrack_extract(self, source: Source) -> list[Claim]:
            out, at = [], 0
            for line in source.text.split("\n"):
                if line.strip():
                    out.append(
                        Claim.build(
                            source_id=source.id,
                            span=(at, at + len(line)),
                            speaker=None,
                            kind="commitment",
                            text=line,
                            asserted_at=source.published_at,
                        )
                    )
                at += len(line) + 1
            return out

    # The same extractor, upgraded: evidence follows its claims (never another's).
    engine_tracker.pm.unregister(name="will-extractor")
    engine_tracker.pm.register(LongerSpans(), name="will-extractor")
    assert engine_tracker.add(article).unchanged == 1  # without rederive, nothing changes
    report = engine_tracker.rederive()
    assert report.updated == 1 and report.claims == 2
    kept = [
        r
        for r in engine_tracker.status(as_of="2025-03-06")
        if r.status is not None and r.status.value == "kept"
    ]
    assert len(kept) == 1 and row.claim.text in kept[0].claim.text
    assert "moved from claim" in (kept[0].evidence[-1].note or "")

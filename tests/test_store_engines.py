"""The same ledger on SQLite and on PostgreSQL: append-only evidence and corrections
enforced by the database, the seed's status identical on both, four processes adding at
once lose nothing, a verdict recorded in one process shows in another, and
``db copy`` moves a ledger both ways with nothing lost."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack import Claim, Evidence, Source
from claimtrack.cli import cli
from claimtrack.migrations import MIGRATIONS
from claimtrack.migrations_pg import PG_MIGRATIONS
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.store import SQLStore
from claimtrack.store_copy import TABLES
from claimtrack.store_protocol import is_postgres_url, open_store

UTC = timezone.utc
T0 = datetime(2025, 3, 3, 9, tzinfo=UTC)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _raw_sql(ledger: str, sql: str) -> None:
    """Run ``sql`` on the ledger behind claimtrack's back."""
    if is_postgres_url(ledger):
        import psycopg

        with psycopg.connect(ledger, autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]
    else:
        with closing(sqlite3.connect(ledger)) as conn:
            conn.execute(sql)


def _stored(ledger: str) -> tuple[Source, Claim]:
    s = Source.from_text("The depot will reopen.", published_at=T0)
    c = Claim.build(source_id=s.id, span=(4, 9), speaker=None, kind="commitment", text="depot")
    with closing(open_store(ledger)) as store:
        store.add_source(s, [c])
        store.add_evidence(
            Evidence(claim_id=c.id, verdict="kept", known_at=T0, recorded_at=T0, recorded_by="t")
        )
    return s, c


def test_both_engines_know_the_same_migrations() -> None:
    assert [m.__name__ for m in PG_MIGRATIONS] == [m.__name__ for m in MIGRATIONS]


@pytest.mark.parametrize(
    "sql",
    ["UPDATE evidence SET verdict = 'broken'", "DELETE FROM evidence"],
)
def test_the_database_refuses_to_change_evidence(ledger: str, sql: str) -> None:
    _stored(ledger)
    with pytest.raises(Exception, match="append-only"):
        _raw_sql(ledger, sql)
    with closing(open_store(ledger, read_only=True)) as store:
        assert store.count("evidence") == 1


def test_the_database_refuses_to_change_corrections(
    engine_tracker: claimtrack.Tracker, article: Path
) -> None:
    engine_tracker.add(article)
    promise = engine_tracker.store.promise_summaries()[0].id
    engine_tracker.store.add_correction(promise, "edit", {"kind": "commitment"}, note=None, by="t")
    ledger = str(engine_tracker.store.path)
    if is_postgres_url(ledger):
        assert isinstance(engine_tracker.store, SQLStore)
        ledger = engine_tracker.store.url  # type: ignore[attr-defined]
    for sql in ("UPDATE corrections SET note = 'x'", "DELETE FROM corrections"):
        with pytest.raises(Exception, match="append-only"):
            _raw_sql(ledger, sql)


def _status_counts(ledger: str) -> tuple[dict[str, int], list[tuple[str, str]]]:
    result = CliRunner().invoke(
        cli, ["--db", ledger, "status", "--format", "json", "--as-of", "2025-04-01"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    return data["counts"], [(row["id"], row["status"]) for row in data["commitments"]]


def test_the_seed_has_the_same_status_on_both_engines(ledger: str, tmp_path: Path) -> None:
    for db in (ledger, str(tmp_path / "reference.db")):
        result = CliRunner().invoke(cli, ["--db", db, "add", str(SEEDS)])
        assert result.exit_code == 0, result.output
    counts, rows = _status_counts(ledger)
    assert (counts, rows) == _status_counts(str(tmp_path / "reference.db"))
    assert sum(counts.values()) == len(rows) > 0


def _ledger_rows(store: SQLStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as comparable values (JSON parsed, times as instants)."""

    def value(v: Any) -> Any:
        if isinstance(v, str) and v[:1] in "{[":
            try:
                return json.dumps(json.loads(v), sort_keys=True)
            except ValueError:
                return v
        if isinstance(v, str) and len(v) >= 19 and v[4:5] == "-" and v[10:11] == "T":
            try:
                return datetime.fromisoformat(v).timestamp()
            except ValueError:
                return v
        return v

    out = {}
    for table, (columns, order) in TABLES.items():
        rows = store.read(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}")
        out[table] = [tuple(value(v) for v in row) for row in rows]
    return out


def test_db_copy_round_trips_nothing_lost(
    ledger: str, tmp_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    start = tmp_path / "start.db"
    with claimtrack.Tracker(start, plugin_manager=will_pm) as tracker:
        tracker.add(article)
        row = tracker.status(as_of="2025-03-04")[0]
        tracker.resolve(row.claim.id, "kept", known="2025-03-05", note="seen it happen")
        promise = tracker.store.promise_summaries()[0].id
        tracker.store.add_correction(promise, "edit", {"kind": "commitment"}, note="n", by="t")
    back = tmp_path / "back.db"
    runner = CliRunner()
    for src, dst in ((str(start), ledger), (ledger, str(back))):
        result = runner.invoke(cli, ["db", "copy", src, dst])
        assert result.exit_code == 0, result.output
        assert "copied 1 sources" in result.output
    with (
        closing(open_store(start, read_only=True)) as a,
        closing(open_store(ledger, read_only=True)) as b,
        closing(open_store(back, read_only=True)) as c,
    ):
        assert isinstance(a, SQLStore) and isinstance(b, SQLStore) and isinstance(c, SQLStore)
        first = _ledger_rows(a)
        assert first["evidence"] and first["corrections"] and first["promises"]
        assert _ledger_rows(b) == first
        assert _ledger_rows(c) == first
    # The copy goes on as a ledger: new evidence gets the next id.
    with claimtrack.Tracker(ledger, plugin_manager=will_pm) as tracker:
        tracker.resolve(row.claim.id, "broken", known="2025-03-06")
        ids = [e.id for e in tracker.store.evidence_for(row.claim.id)]
        assert len(ids) == len(set(ids)) == 2


def _raw_rows(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of an SQLite file as stored: times exactly, JSON as the
    values it holds (jsonb keeps values, not the order or spacing of keys)."""

    def value(v: Any) -> Any:
        return json.loads(v) if isinstance(v, str) and v[:1] in "{[" else v

    with closing(sqlite3.connect(db)) as conn:
        return {
            table: [
                tuple(map(value, row))
                for row in conn.execute(
                    f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
                )
            ]
            for table, (columns, order) in TABLES.items()
        }


def _offset_ledger(db: str) -> None:
    """A ledger whose times were written with several UTC offsets (and one in UTC)."""
    from datetime import timedelta

    cet, ist = timezone(timedelta(hours=1)), timezone(timedelta(hours=5, minutes=30))
    s = Source.from_text(
        "The depot will reopen.",
        published_at=datetime(2025, 3, 3, 10, 15, 30, 250, tzinfo=cet),
        retrieved_at=datetime(2025, 3, 4, 8, tzinfo=UTC),
    )
    c = Claim.build(source_id=s.id, span=(4, 9), speaker=None, kind="commitment", text="depot")
    with closing(open_store(db)) as store:
        store.add_source(s, [c])
        store.add_evidence(
            Evidence(
                claim_id=c.id,
                verdict="kept",
                happened_at=datetime(2025, 3, 5, 23, 30, tzinfo=ist),
                known_at=datetime(2025, 3, 6, 9, tzinfo=cet),
                recorded_at=T0,
                recorded_by="t",
            )
        )


@pytest.mark.parametrize("ledger", ["postgresql"], indirect=True)
def test_db_copy_sqlite_to_postgresql_and_back_keeps_every_time_as_written(
    ledger: str, tmp_path: Path, postgres_server: str
) -> None:
    start, back, again = (str(tmp_path / n) for n in ("start.db", "back.db", "again.db"))
    _offset_ledger(start)
    runner = CliRunner()
    for src, dst in ((start, ledger), (ledger, back)):
        result = runner.invoke(cli, ["db", "copy", src, dst])
        assert result.exit_code == 0, result.output
    with closing(open_store(ledger, read_only=True)) as store:
        (published,) = store.read("SELECT published_at FROM sources")
    assert published == ("2025-03-03T09:15:30.000250+00:00",)  # PostgreSQL's own: UTC
    first = _raw_rows(start)
    assert "2025-03-03T10:15:30.000250+01:00" in first["sources"][0]
    assert _raw_rows(back) == first
    # Through a second PostgreSQL database too (PostgreSQL to PostgreSQL keeps them).
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    try:
        sep = "&" if "?" in postgres_server else "?"
        other = f"{postgres_server}{sep}options=-csearch_path%3D{schema}"
        for src, dst in ((ledger, other), (other, again)):
            result = runner.invoke(cli, ["db", "copy", src, dst])
            assert result.exit_code == 0, result.output
        assert _raw_rows(again) == first
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")  # type: ignore[arg-type]


def test_db_copy_refuses_a_destination_that_holds_a_ledger(ledger: str) -> None:
    _stored(ledger)
    result = CliRunner().invoke(cli, ["db", "copy", ledger, ledger])
    assert result.exit_code == 1
    assert "already holds a ledger" in result.output and "Traceback" not in result.output


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
                              kind=ClaimKind.COMMITMENT, text=m.group(), sentence=m.group())

db, go, files = sys.argv[1], sys.argv[2], sys.argv[3:]
pm = get_plugin_manager(load_entrypoints=False)
pm.unregister(name="claimtrack.default_plugins.english_extractor")
pm.register(Sentences(), name="sentences")
deadline = time.monotonic() + 60
while not os.path.exists(go) and time.monotonic() < deadline:
    time.sleep(0.001)
added = 0
with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
    for path in files:
        added += tracker.add(path).added
print(json.dumps(added))
"""


def test_four_processes_adding_different_articles_lose_nothing(ledger: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    paths = []
    for i in range(24):
        path = folder / f"doc{i:02d}.txt"
        body = "".join(f"The council will repair road {i}-{j}.\n" for j in range(3))
        path.write_text(f"title: Story {i}\npublished: 2025-03-10\n\n{body}", encoding="utf-8")
        paths.append(str(path))
    go = tmp_path / "go"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, ledger, str(go), *paths[k::4]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for k in range(4)
    ]
    time.sleep(0.3)  # all are waiting for the go file (not a timing assertion)
    go.touch()
    added = 0
    for child in children:
        stdout, stderr = child.communicate(timeout=300)
        assert child.returncode == 0, stderr
        added += json.loads(stdout)
    assert added == 24
    with closing(open_store(ledger, read_only=True)) as store:
        assert store.count("sources") == 24
        assert store.count("claims") == 72
        assert len(store.promise_summaries()) == 72


def test_a_verdict_recorded_in_one_process_shows_in_another(
    ledger: str, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    with claimtrack.Tracker(ledger, plugin_manager=will_pm) as tracker:
        tracker.add(article)
        claim = tracker.status(as_of="2025-03-04")[0].claim.id
    code = (
        "import sys, claimtrack\n"
        "with claimtrack.Tracker(sys.argv[1]) as t:\n"
        "    t.resolve(sys.argv[2], 'kept', known='2025-03-05', note='from another desk')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, ledger, claim], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    with claimtrack.Tracker(ledger, plugin_manager=will_pm, read_only=True) as tracker:
        notes = [e.note for e in tracker.store.evidence_for(claim)]
    assert notes == ["from another desk"]


def test_the_same_source_again_is_unchanged_whatever_its_offset_and_meta(ledger: str) -> None:
    from datetime import timedelta

    cet = timezone(timedelta(hours=1))
    s = Source.from_text(
        "The depot will reopen.",
        published_at=datetime(2025, 3, 3, 10, tzinfo=cet),
        meta={"a-long-key": 1, "b": ["x", "é"], "section": {"z": 1, "aa": 2}},
    )
    c = Claim.build(source_id=s.id, span=(4, 9), speaker=None, kind="commitment", text="depot")
    with closing(open_store(ledger)) as store:
        assert store.add_source(s, [c]) == "added"
        assert store.add_source(s, [c]) == "unchanged"
        back = store.get_source(s.id)
    assert back.published_at == s.published_at and back.meta == s.meta


def test_a_store_opened_for_reading_writes_nothing(ledger: str) -> None:
    from claimtrack.errors import StoreError

    _, c = _stored(ledger)
    with closing(open_store(ledger, read_only=True)) as store:
        with pytest.raises(StoreError, match="reading only"):
            store.add_evidence(
                Evidence(
                    claim_id=c.id, verdict="broken", known_at=T0, recorded_at=T0, recorded_by="t"
                )
            )
        assert len(store.evidence_for(c.id)) == 1


def test_two_people_resolving_one_promise_at_once_both_count(
    ledger: str, will_pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    with claimtrack.Tracker(ledger, plugin_manager=will_pm) as tracker:
        tracker.add(article)
        claim = tracker.status(as_of="2025-03-04")[0].claim.id
    go = tmp_path / "go"
    code = (
        "import os, sys, time, claimtrack\n"
        "while not os.path.exists(sys.argv[3]): time.sleep(0.001)\n"
        "with claimtrack.Tracker(sys.argv[1]) as t:\n"
        "    for i in range(5):\n"
        "        t.resolve(sys.argv[2], 'kept', known='2025-03-05', by=sys.argv[4])\n"
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", code, ledger, claim, str(go), who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("ana", "ben")
    ]
    time.sleep(0.3)  # both are waiting for the go file (not a timing assertion)
    go.touch()
    for child in children:
        _, stderr = child.communicate(timeout=300)
        assert child.returncode == 0, stderr
    with closing(open_store(ledger, read_only=True)) as store:
        by = sorted(e.recorded_by for e in store.evidence_for(claim))
    assert by == ["ana"] * 5 + ["ben"] * 5


@pytest.mark.parametrize("ledger", ["postgresql"], indirect=True)
def test_writers_lose_nothing_on_a_server_whose_default_is_serializable(
    ledger: str, will_pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    # A server (or role) set to default_transaction_isolation = serializable: a writer
    # that waited for another's lock still sees what that one committed, so two people
    # resolving and correcting one promise at once get no serialization failure and
    # lose no update, and three first commands race through the migrations.
    strict = ledger + "%20-cdefault_transaction_isolation%3Dserializable"
    go = tmp_path / "go"
    code = (
        "import os, sys, time, claimtrack\n"
        "while not os.path.exists(sys.argv[2]): time.sleep(0.001)\n"
        "with claimtrack.Tracker(sys.argv[1]) as t:\n"
        "    pass\n"
    )
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", code, strict, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    time.sleep(0.3)  # all are waiting for the go file (not a timing assertion)
    go.touch()
    for child in racers:
        _, stderr = child.communicate(timeout=300)
        assert child.returncode == 0, stderr
    with claimtrack.Tracker(strict, plugin_manager=will_pm) as tracker:
        tracker.add(article)
        promise = tracker.store.promise_summaries()[0].id
        mentions = tracker.store.mention_ids(promise)
    # Deterministic: A holds the writers' lock until B waits for it, then A corrects
    # the promise and commits; B, which began waiting before A's commit, corrects the
    # same promise after it.
    import threading

    import psycopg

    from claimtrack.store_pg import PostgresStore

    a, b = PostgresStore(strict), PostgresStore(strict)
    begin = a._begin

    def begin_then_wait_for_b() -> None:
        begin()
        with psycopg.connect(ledger, autocommit=True) as admin:
            while not admin.execute(
                "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            ).fetchone()[0]:  # type: ignore[index]
                time.sleep(0.01)

    a._begin = begin_then_wait_for_b  # type: ignore[method-assign]
    failed: list[BaseException] = []

    def second() -> None:
        try:
            b.add_correction(
                promise,
                "edit",
                {"kind": "commitment"},
                note="ben",
                by="ben",
                regroup_claims=mentions,
            )
        except BaseException as exc:
            failed.append(exc)

    with closing(a), closing(b):
        thread = threading.Thread(target=second)
        first = threading.Thread(
            target=lambda: a.add_correction(
                promise,
                "edit",
                {"kind": "commitment"},
                note="ana",
                by="ana",
                regroup_claims=mentions,
            )
        )
        first.start()
        time.sleep(0.2)  # A holds the lock first (the wait above is what is relied on)
        thread.start()
        first.join(timeout=120)
        thread.join(timeout=120)
    assert not failed, failed
    with closing(open_store(ledger, read_only=True)) as store:
        notes = sorted(c.note or "" for c in store.corrections_of(promise))
    assert notes == ["ana", "ben"]


@pytest.mark.parametrize("ledger", ["postgresql"], indirect=True)
def test_a_lost_server_connection_is_one_clear_line(ledger: str) -> None:
    from claimtrack.errors import StoreError

    _stored(ledger)
    store = open_store(ledger, read_only=True)
    assert isinstance(store, SQLStore)
    store._conn.raw.pgconn.finish()  # type: ignore[attr-defined]  # the server went away
    with pytest.raises(StoreError, match="connection to the PostgreSQL server"):
        store.count("claims")


@pytest.mark.parametrize("ledger", ["postgresql"], indirect=True)
def test_a_nul_character_is_refused_by_postgresql_in_one_clear_line(ledger: str) -> None:
    # PostgreSQL's text and jsonb cannot hold U+0000 (SQLite can): the write is refused
    # whole, saying why, and the ledger is as it was.
    from claimtrack.errors import StoreError

    s = Source.from_text("The depot\x00 will reopen.", published_at=T0)
    with closing(open_store(ledger)) as store:
        with pytest.raises(StoreError, match="NUL"):
            store.add_source(s, [])
        assert store.count("sources") == 0

"""The source's reporter (an ``author:`` header, else the byline) is in every record next
to the speaker and the outlet: claim records (json / jsonl), the CSV, promise records
(``status --format json``, ``show --format json``) and ``show``'s mentions; a store
written before records had it gains it when opened."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimtrack import Tracker
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli

ARTICLE = (
    "title: Depot to reopen\npublished: 2025-03-03T09:00:00+00:00\n"
    "publisher: Riverside Gazette\n\nDepot to reopen\nBy Tom Ashby · Riverside Gazette\n"
    "Ana Ruiz said the council will reopen the depot.\n"
)


@pytest.fixture
def article_db(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.db"
    assert invoke_cli("add", str(path), plugin_manager=will_pm, db=db).exit_code == 0
    return db


def test_claim_records_name_outlet_and_reporter(
    article_db: Path, will_pm: ClaimtrackPluginManager
) -> None:
    ledger = article_db
    out = invoke_cli("export", "--format", "jsonl", plugin_manager=will_pm, db=ledger).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    for record in records:
        assert record["source"]["publisher"] == "Riverside Gazette"
        assert record["source"]["reporter"] == "Tom Ashby"
    table = invoke_cli("export", "--format", "csv", plugin_manager=will_pm, db=ledger).stdout
    (row, *_) = list(csv.DictReader(io.StringIO(table)))
    assert row["source_reporter"] == "Tom Ashby" and row["source_publisher"] == "Riverside Gazette"


def _status_json(db: Path, pm: ClaimtrackPluginManager) -> list[dict[str, object]]:
    out = invoke_cli(
        "status", "--format", "json", "--as-of", "2025-03-10", plugin_manager=pm, db=db
    ).stdout
    doc = json.loads(out)
    commitments: list[dict[str, object]] = doc["commitments"]
    return commitments


def test_promise_records_name_outlet_and_reporter(
    article_db: Path, will_pm: ClaimtrackPluginManager
) -> None:
    ledger = article_db
    (promise,) = _status_json(ledger, will_pm)
    sources = [promise["source"], *(m["source"] for m in promise["mentions"])]  # type: ignore[attr-defined]
    for src in sources:
        assert src["reporter"] == "Tom Ashby" and src["publisher"] == "Riverside Gazette"
    shown = invoke_cli(
        "show", str(promise["id"]), plugin_manager=will_pm, db=ledger, env={"COLUMNS": "160"}
    ).stdout
    assert "reported by Tom Ashby" in shown and "Riverside Gazette" in shown


def test_an_older_store_gains_the_reporter_in_its_promise_records(
    engine_tracker: Tracker, tmp_path: Path, ledger: str, will_pm: ClaimtrackPluginManager
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    engine_tracker.add(path)
    # As a store written before records had them: no publisher nor reporter in its
    # promise records, and the migration not yet applied.
    with engine_tracker.store.transaction() as conn:
        for pid, text in conn.execute("SELECT id, record FROM promises").fetchall():
            record = json.loads(text)
            for src in [record["source"], *(m["source"] for m in record["mentions"])]:
                del src["publisher"], src["reporter"]
            conn.execute("UPDATE promises SET record = ? WHERE id = ?", (json.dumps(record), pid))
        conn.execute("DELETE FROM _migrations WHERE name = 'pub_mention_source_fields'")
    engine_tracker.close()
    with Tracker(ledger, plugin_manager=will_pm) as tracker:  # opened again: migrated
        (record,) = tracker.report(as_of="2025-03-10").records()
    sources = [record["source"], *(m["source"] for m in record["mentions"])]  # type: ignore[attr-defined]
    assert all(src["reporter"] == "Tom Ashby" for src in sources)
    assert all(src["publisher"] == "Riverside Gazette" for src in sources)

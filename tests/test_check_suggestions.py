"""`check --dry-run` records nothing; a finding below `--min-confidence` is a suggestion
that changes no status until a person confirms it (or dismisses it)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack import Tracker
from claimtrack.cli import cli

PROMISE = """title: Council pledges to reopen depot
published: 2025-03-03T09:00:00+00:00
publisher: Riverside Gazette

The council will reopen the Mill Lane depot by 14 March, the council leader, Ana Ruiz, said on Monday.
"""
REPORT = """title: Mill Lane depot reopens
published: 2025-03-12T09:00:00+00:00
publisher: Riverside Gazette

The council reopened the Mill Lane depot on Tuesday, the council leader said.
"""
AS_OF = "2025-03-20"


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"COLUMNS": "100"})


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    """A store with the depot promise and, added after it, a report that it reopened."""
    db = tmp_path / "ledger.db"
    (tmp_path / "promise.txt").write_text(PROMISE, encoding="utf-8")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    for name in ("promise.txt", "report.txt"):
        assert run(db, "add", str(tmp_path / name)).exit_code == 0
    return db


def _rows(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_dry_run_shows_the_finding_and_records_nothing(ledger: Path) -> None:
    result = run(ledger, "check", "--dry-run", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert "would record 1 verdict(s)" in result.output
    assert "verdict: kept" in result.output
    assert "rule happened_in_window" in result.output
    assert "“The council reopened the Mill Lane depot on Tuesday" in result.output
    assert "nothing recorded" in result.output
    assert _rows(ledger, "evidence") == 0 and _rows(ledger, "suggestions") == 0
    # The real run records what the dry run showed.
    assert "1 new piece(s) of evidence" in run(ledger, "check", "--as-of", AS_OF).output
    assert _rows(ledger, "evidence") == 1
    # And a dry run after it has nothing new to show.
    assert "would record 0 verdict(s)" in run(ledger, "check", "--dry-run", "--as-of", AS_OF).output


def test_a_finding_below_the_threshold_is_a_suggestion_that_changes_no_status(
    ledger: Path,
) -> None:
    result = run(ledger, "check", "--as-of", AS_OF, "--min-confidence", "0.99")
    assert result.exit_code == 0, result.output
    assert "0 new piece(s) of evidence, 1 suggestion(s) to confirm" in result.output
    assert "claimtrack confirm s1" in result.output
    status = run(ledger, "status", "--as-of", AS_OF)
    assert "overdue" in status.output and "checker suggests s1 kept" in status.output
    doc = json.loads(run(ledger, "status", "--as-of", AS_OF, "--format", "json").output)
    (entry,) = doc["commitments"]
    assert entry["status"] == "overdue"
    assert [s["verdict"] for s in entry["suggestions"]] == ["kept"]
    # Re-running suggests nothing twice.
    again = run(ledger, "check", "--as-of", AS_OF, "--min-confidence", "0.99")
    assert "0 suggestion(s)" in again.output
    assert _rows(ledger, "suggestions") == 1


def test_a_person_confirms_a_suggestion_and_it_becomes_their_verdict(ledger: Path) -> None:
    run(ledger, "check", "--as-of", AS_OF, "--min-confidence", "0.99")
    result = run(ledger, "confirm", "s1", "--by", "desk", "--note", "read the report")
    assert result.exit_code == 0, result.output
    with Tracker(ledger) as tracker:
        (line,) = tracker.status_lines(AS_OF)
        assert line.status is not None and line.status.value == "kept"
        evidence = tracker.store.promise_history(line.claim_id)
        (verdict,) = evidence
        assert verdict.by_person and verdict.recorded_by == "desk"
        assert verdict.excerpt and verdict.excerpt.startswith("The council reopened")
        # It counts from when the report was published, not from the confirmation.
        assert verdict.known_at.isoformat() == "2025-03-12T09:00:00+00:00"
        assert "confirms s1" in (verdict.note or "")
        assert "rule happened_in_window" in (verdict.note or "")
    shown = run(ledger, "show", line.claim_id[:8], "--as-of", AS_OF).output
    assert "confirm s1 — desk" in shown and "confirmed by desk" in shown
    # A second answer is refused, saying what to do instead.
    refused = run(ledger, "confirm", "s1")
    assert refused.exit_code == 1 and "already answered" in refused.output


def test_a_dismissed_suggestion_is_no_longer_waiting(ledger: Path) -> None:
    run(ledger, "check", "--as-of", AS_OF, "--min-confidence", "0.99")
    assert run(ledger, "dismiss", "s1", "--note", "another depot").exit_code == 0
    status = run(ledger, "status", "--as-of", AS_OF).output
    assert "checker suggests" not in status and "overdue" in status
    assert _rows(ledger, "evidence") == 0


@pytest.mark.parametrize("bad", ["s99", "twelve", ""])
def test_confirming_what_is_no_suggestion_is_one_clear_error(ledger: Path, bad: str) -> None:
    result = run(ledger, "confirm", bad)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "suggestion" in result.output
    assert _rows(ledger, "evidence") == 0


def test_min_confidence_outside_zero_to_one_is_refused(ledger: Path) -> None:
    result = run(ledger, "check", "--min-confidence", "1.5")
    assert result.exit_code != 0 and "1.5" in result.output
    assert _rows(ledger, "suggestions") == 0


def test_the_exports_show_every_verdict_marked_as_the_checker_s(ledger: Path) -> None:
    run(ledger, "check", "--as-of", AS_OF)
    lines = run(ledger, "export", "--format", "jsonl", "--as-of", AS_OF).output.splitlines()
    records = [json.loads(ln) for ln in lines if ln.startswith("{")]
    (record,) = [r for r in records if r["kind"] == "commitment"]
    (verdict,) = record["verdicts"]
    assert verdict["by_checker"] and verdict["recorder"] == "checker"
    assert verdict["rule"] == "happened_in_window" and verdict["confidence"] >= 0.5
    assert verdict["excerpt"].startswith("The council reopened")
    assert record["decided_by"] == verdict["id"] and record["status"] == "kept"
    csv_text = run(ledger, "export", "--format", "csv", "--as-of", AS_OF).output
    assert "verdict_recorder" in csv_text.splitlines()[0]
    assert "happened_in_window" in csv_text and ",checker," in csv_text
    doc = json.loads(run(ledger, "status", "--as-of", AS_OF, "--format", "json").output)
    (entry,) = doc["commitments"]
    assert entry["verdict"]["by_checker"] and entry["verdict"]["rule"] == "happened_in_window"

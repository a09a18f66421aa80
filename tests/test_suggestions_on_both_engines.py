"""The checker's suggestions work alike on SQLite and PostgreSQL: recorded below
`--min-confidence`, listed, confirmed by a person, and carried by `db copy`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from claimtrack.cli import cli

PROMISE = """title: Harbour board promises to reopen the ferry pier
published: 2025-05-05T08:00:00+00:00
publisher: Coastline Courier

The harbour board will reopen the north ferry pier by 16 May, its chair, Lena Ostrova, said on Monday.
"""
REPORT = """title: North ferry pier reopens
published: 2025-05-14T08:00:00+00:00
publisher: Coastline Courier

The harbour board reopened the north ferry pier on Tuesday, its chair said.
"""
AS_OF = "2025-05-20"


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], env={"COLUMNS": "100"})


def _add(db: str, tmp_path: Path) -> None:
    for name, text in (("promise.txt", PROMISE), ("report.txt", REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run(db, "add", str(tmp_path / name))
        assert result.exit_code == 0, result.output


def _commitment(db: str) -> dict[str, object]:
    doc = json.loads(run(db, "status", "--as-of", AS_OF, "--format", "json").output)
    (entry,) = doc["commitments"]
    assert isinstance(entry, dict)
    return entry


def test_a_suggestion_is_recorded_and_confirmed_on_each_engine(ledger: str, tmp_path: Path) -> None:
    _add(ledger, tmp_path)
    result = run(ledger, "check", "--as-of", AS_OF, "--min-confidence", "0.99")
    assert result.exit_code == 0, result.output
    assert "1 suggestion(s) to confirm" in result.output
    entry = _commitment(ledger)
    assert entry["status"] == "overdue"
    assert [s["verdict"] for s in entry["suggestions"]] == ["kept"]  # type: ignore[attr-defined]
    confirmed = run(ledger, "confirm", "s1", "--by", "desk")
    assert confirmed.exit_code == 0, confirmed.output
    assert _commitment(ledger)["status"] == "kept"
    # A second answer to the same suggestion is refused, and changes nothing.
    again = run(ledger, "dismiss", "s1", "--by", "desk")
    assert again.exit_code != 0
    assert _commitment(ledger)["status"] == "kept"


def test_db_copy_carries_the_suggestions(ledger: str, tmp_path: Path) -> None:
    start = str(tmp_path / "start.db")
    _add(start, tmp_path)
    assert run(start, "check", "--as-of", AS_OF, "--min-confidence", "0.99").exit_code == 0
    copied = CliRunner().invoke(cli, ["db", "copy", start, ledger])
    assert copied.exit_code == 0, copied.output
    entry = _commitment(ledger)
    assert [s["verdict"] for s in entry["suggestions"]] == ["kept"]  # type: ignore[attr-defined]
    # The copy goes on: the copied suggestion is answered there by its number.
    assert run(ledger, "confirm", "s1", "--by", "desk").exit_code == 0
    assert _commitment(ledger)["status"] == "kept"

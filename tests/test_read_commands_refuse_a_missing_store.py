"""A command that reads the ledger, given a store that does not exist (a typo in --db),
refuses with a line that says how to create one, and creates nothing; only ``add``
makes a store."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtrack
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli
from claimtrack.tracker import require_store

READERS = [
    ["status"],
    ["status", "--format", "json"],
    ["show", "abc123"],
    ["export", "--format", "json"],
    ["export", "--format", "csv", "-o", "out.csv"],
    ["check"],
    ["resolve", "abc123", "kept"],
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a))
def test_a_reading_command_refuses_a_missing_store_and_creates_nothing(
    tmp_path: Path,
    will_pm: ClaimtrackPluginManager,
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "ledgr.db"
    result = invoke_cli(*args, plugin_manager=will_pm, db=typo)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {typo}: no claimtrack store there")
    assert f"claimtrack --db {typo} add" in line and "--db or $CLAIMTRACK_DB" in line
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no store, no -o file


def test_the_environment_store_is_checked_too(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    missing = tmp_path / "newsroom.db"
    result = invoke_cli("status", plugin_manager=will_pm, env={"CLAIMTRACK_DB": str(missing)})
    assert result.exit_code == 1 and f"{missing}: no claimtrack store there" in result.stderr
    assert not missing.exists()


def test_add_creates_the_store_and_then_the_others_read_it(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    db = tmp_path / "new.db"
    assert invoke_cli("add", str(article), plugin_manager=will_pm, db=db).exit_code == 0
    assert db.is_file()
    status = invoke_cli("status", "--as-of", "2025-03-04", plugin_manager=will_pm, db=db)
    assert status.exit_code == 0 and "2 commitments" in status.stdout


def test_a_folder_is_not_a_store(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> None:
    result = invoke_cli("status", plugin_manager=will_pm, db=tmp_path)
    assert result.exit_code == 2 and "is a directory" in result.stderr  # --db's own check
    with pytest.raises(claimtrack.StoreMissingError, match="is a folder, not a claimtrack store"):
        require_store(tmp_path)


def test_the_library_offers_the_same_check(tmp_path: Path) -> None:
    with pytest.raises(claimtrack.StoreMissingError, match="no claimtrack store there"):
        require_store(tmp_path / "absent.db")
    require_store(":memory:")
    claimtrack.Tracker(tmp_path / "made.db").close()
    require_store(tmp_path / "made.db")
    assert issubclass(claimtrack.StoreMissingError, claimtrack.NotFoundError)

"""`claimtrack status` lists promises: one row per promise with who made it and how
many mentions in how many sources; dated predictions in sections of their own; a
promise first made after --as-of is not listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager
from claimtrack.testing import invoke_cli

STORY = (
    '"We will reopen the Mill Lane depot by 14 March," the council leader, Ana Ruiz, said.\n'
    "Forecasters said rents will rise by the end of March.\n"
)


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, ClaimtrackPluginManager]:
    pm = get_plugin_manager(load_entrypoints=False)
    db = tmp_path / "l.db"
    for name, outlet, when in (
        ("a.txt", "Riverside Gazette", "2025-03-03T09:00:00+00:00"),
        ("b.txt", "Valley Wire", "2025-03-03T15:00:00+00:00"),
    ):
        path = tmp_path / name
        path.write_text(f"published: {when}\npublisher: {outlet}\n\n{STORY}", encoding="utf-8")
        assert invoke_cli("add", str(path), plugin_manager=pm, db=db).exit_code == 0
    return db, pm


def test_one_row_per_promise_with_its_mentions(db: tuple[Path, ClaimtrackPluginManager]) -> None:
    path, pm = db
    out = invoke_cli(
        "status", "--as-of", "2025-03-10", plugin_manager=pm, db=path, env={"COLUMNS": "160"}
    ).output
    assert "1 commitment: 1 due" in out
    assert "said by Ana Ruiz · 2 mentions in 2 sources" in out
    assert "1 dated prediction" in out  # its own sections, after the commitments
    assert out.index("1 commitment") < out.index("1 dated prediction")
    only = invoke_cli(
        "status", "--as-of", "2025-03-10", "--kind", "commitment", plugin_manager=pm, db=path
    ).output
    assert "dated prediction" not in only


def test_json_lists_every_tracked_kind_once(db: tuple[Path, ClaimtrackPluginManager]) -> None:
    path, pm = db
    doc = json.loads(
        invoke_cli(
            "status", "--format", "json", "--as-of", "2025-03-10", plugin_manager=pm, db=path
        ).output
    )
    kinds = sorted(c["kind"] for c in doc["commitments"])
    assert kinds == ["commitment", "prediction"]
    (pledge,) = [c for c in doc["commitments"] if c["kind"] == "commitment"]
    assert (
        len(pledge["mentions"]) == 2 and len({m["source"]["id"] for m in pledge["mentions"]}) == 2
    )
    assert pledge["first_seen"].startswith("2025-03-03T09:00")


def test_as_of_before_a_promise_was_made_does_not_list_it(
    db: tuple[Path, ClaimtrackPluginManager],
) -> None:
    path, pm = db
    doc = json.loads(
        invoke_cli(
            "status", "--format", "json", "--as-of", "2025-03-02", plugin_manager=pm, db=path
        ).output
    )
    assert doc["commitments"] == []

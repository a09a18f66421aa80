"""The installed plugin end to end: entry point, ``claimtrack extract``, ``plugins``, store."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import claimtrack
import pytest
from claimtrack.testing import invoke_cli

import claimtrack_pledges

RELEASE = Path(__file__).parent / "data" / "press-release.txt"
# Only this plugin's entry point, whatever else is installed.
ONLY_PLEDGES = {"CLAIMTRACK_LOAD_PLUGINS": "pledges"}


def test_claims_appear_in_claimtrack_extract() -> None:
    result = invoke_cli("extract", str(RELEASE), "--format", "jsonl", env=ONLY_PLEDGES)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    pledges = [r for r in records if r["text"].startswith(("We pledge", "We are committed"))]
    assert len(pledges) == 2
    assert pledges[0]["speaker"]["name"] == "Northfield Water"
    assert pledges[0]["kind"] == "commitment"
    assert pledges[0]["status"] == "open" or pledges[0]["status"] in {"due", "overdue"}
    assert pledges[0]["source"]["title"] == "Northfield Water sets out its pipe renewal plan"


def test_blocked_plugin_is_not_loaded() -> None:
    # The block list wins over the allow list; the built-in extractor may still find
    # the pledges, so the proof is that the plugin itself is absent.
    result = invoke_cli(
        "plugins",
        "--format",
        "json",
        env={"CLAIMTRACK_BLOCK_PLUGINS": "pledges", "CLAIMTRACK_LOAD_PLUGINS": "pledges"},
    )
    assert result.exit_code == 0, result.output
    assert "pledges" not in {p["name"] for p in json.loads(result.output)}


def test_claimtrack_plugins_lists_version_and_hook() -> None:
    result = invoke_cli("plugins", "--format", "json", env=ONLY_PLEDGES)
    assert result.exit_code == 0, result.output
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["pledges"]["version"] == claimtrack_pledges.__version__
    assert info["pledges"]["hooks"] == ["claimtrack_extract"]
    assert info["pledges"]["builtin"] is False


@pytest.fixture
def claimtrack_plugins() -> Sequence[object]:
    """tmp_tracker (from claimtrack.testing) registers this plugin."""
    return [claimtrack_pledges]


def test_tracker_stores_and_reports_the_pledges(tmp_tracker: claimtrack.Tracker) -> None:
    report = tmp_tracker.add(RELEASE)
    assert report.errors == []
    assert (report.added, report.claims) == (1, 3)
    rows = tmp_tracker.status(as_of="2025-03-20")
    assert {r.claim.actor.name for r in rows if r.claim.actor} == {"Northfield Water"}
    conditional = [r for r in rows if r.claim.condition]
    assert [r.status for r in conditional] == [claimtrack.Status.CONDITIONAL]
    assert tmp_tracker.add(RELEASE).unchanged == 1

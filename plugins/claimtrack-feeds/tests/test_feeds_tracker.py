"""Feeds through the Tracker and the CLI: re-reading a feed adds only new entries."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import claimtrack
import pytest
from claimtrack.testing import invoke_cli, make_plugin_manager

import claimtrack_feeds

DATA = Path(__file__).parent / "data"


@pytest.fixture
def claimtrack_plugins() -> Sequence[object]:
    """tmp_tracker (claimtrack.testing) with the feed loader."""
    return [claimtrack_feeds]


def test_rereading_a_feed_adds_only_new_entries(
    tmp_tracker: claimtrack.Tracker, tmp_path: Path
) -> None:
    feed = tmp_path / "courier.rss"
    shutil.copy(DATA / "valley-news.rss", feed)
    first = tmp_tracker.add(feed)
    assert first.errors == []
    assert (first.added, first.unchanged) == (2, 0)
    again = tmp_tracker.add(feed)
    assert (again.added, again.unchanged) == (0, 2)
    shutil.copy(DATA / "valley-news-later.rss", feed)
    later = tmp_tracker.add(feed)
    assert (later.added, later.updated, later.unchanged) == (1, 0, 2)
    assert [s.title for s in later.sources] == ["Depot to close for a week"]


def test_claimtrack_add_reads_a_feed(tmp_path: Path) -> None:
    pm = make_plugin_manager(claimtrack_feeds)
    db = tmp_path / "ledger.db"
    result = invoke_cli("add", str(DATA / "harbour.atom"), plugin_manager=pm, db=db)
    assert result.exit_code == 0, result.output
    assert "1 source(s) added" in result.output
    result = invoke_cli("add", str(DATA / "harbour.atom"), plugin_manager=pm, db=db)
    assert "0 source(s) added, 0 updated, 1 unchanged" in result.output


def test_installed_entry_point_is_listed() -> None:
    result = invoke_cli("plugins", "--format", "json", env={"CLAIMTRACK_LOAD_PLUGINS": "feeds"})
    assert result.exit_code == 0, result.output
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["feeds"]["version"] == claimtrack_feeds.__version__
    assert info["feeds"]["hooks"] == ["claimtrack_load"]

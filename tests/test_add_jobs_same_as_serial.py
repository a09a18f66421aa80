"""``add --jobs N`` extracts in worker processes and stores in one: the ledger it makes
is the one a serial ``add`` makes (claims, their records, promises, actors), even when
a source names someone an earlier source of the same run introduced; a plugin that
raises or kills its process is named as in a serial run, the other sources land, and
the exit status is the same."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, Source, Tracker
from claimtrack.parallel_add import _Recording
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager
from claimtrack.testing import invoke_cli
from claimtrack.workers import available

pytestmark = pytest.mark.skipif(not available(), reason="no fork here: add runs serially")

# Sentences of our own: people introduced in full in one article and by surname or
# title in later ones, so a later article's speakers depend on the earlier ones.
ARTICLES = [
    "The harbour board will dredge the channel by May, said Harbour Master Olu Banjo.",
    '"We will reopen the ferry pier next week," Banjo said on Tuesday.',
    "Councillor Mira Patel said the council will publish the bus review by June.",
    '"We will cut the fares in the spring," Patel told reporters.',
    "The water company will repair the main in Elm Street within ten days, said its chief"
    " executive, Tomas Reyes.",
    "Reyes said the company would pay compensation to every household by the end of July.",
    "The mayor, Ines Duarte, said the city will plant 2,000 trees before the winter.",
    '"We will open two new libraries next year," Duarte said.',
    "Banjo said the board will publish the tide tables on Friday.",
    "Patel said the bus review will be debated by the full council in September.",
]


def _write(folder: Path) -> list[str]:
    folder.mkdir()
    paths = []
    for n, text in enumerate(ARTICLES):
        path = folder / f"article-{n:02d}.txt"
        day = 1 + n
        path.write_text(
            f"published: 2025-03-{day:02d}T09:00:00+00:00\npublisher: Riverside Gazette\n\n"
            f"{text}\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def _ledger(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        return {
            "claims": conn.execute(
                "SELECT id, source_id, record FROM claims ORDER BY id"
            ).fetchall(),
            "promises": conn.execute(
                "SELECT id, first_claim, mentions, bucket FROM promises ORDER BY id"
            ).fetchall(),
            "mentions": conn.execute("SELECT * FROM mentions ORDER BY claim_id").fetchall(),
            "actors": conn.execute(
                "SELECT id, name, kind, aliases FROM actors ORDER BY id"
            ).fetchall(),
        }


def test_two_jobs_store_what_one_stores(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in")
    results = []
    for jobs in (1, 2, 3):
        db = tmp_path / f"j{jobs}.db"
        with Tracker(db, plugin_manager=get_plugin_manager(load_entrypoints=False)) as t:
            report = t.add(paths, jobs=jobs)
            assert not report.errors
            assert report.added == len(ARTICLES)
        results.append(_ledger(db))
    assert results[0]["claims"]  # the articles hold claims
    assert results[1] == results[0]
    assert results[2] == results[0]


def test_the_cli_adds_with_jobs_and_again_is_unchanged(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in")
    pm = get_plugin_manager(load_entrypoints=False)
    one = invoke_cli("add", *paths, "--jobs", "1", plugin_manager=pm, db=tmp_path / "a.db")
    two = invoke_cli("add", *paths, "--jobs", "2", plugin_manager=pm, db=tmp_path / "b.db")
    assert one.exit_code == two.exit_code == 0
    assert _ledger(tmp_path / "a.db") == _ledger(tmp_path / "b.db")
    again = invoke_cli("add", *paths, "-j", "2", plugin_manager=pm, db=tmp_path / "b.db")
    assert again.exit_code == 0 and f"0 source(s) added, 0 updated, {len(ARTICLES)} unchanged" in (
        again.output
    )


class DiesOnFerries:
    """Kills its own process on a source that mentions the ferry; else finds nothing."""

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[Claim]:
        if "ferry" in source.text:
            os._exit(7)
        return []


class RaisesOnTrees:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[Claim]:
        if "trees" in source.text:
            raise RuntimeError("no trees here")
        return []


@pytest.mark.parametrize(
    ("plugin", "words"), [(DiesOnFerries(), "exit status 7"), (RaisesOnTrees(), "no trees here")]
)
def test_a_failing_plugin_is_named_as_in_a_serial_run(
    plugin: object, words: str, tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    paths = _write(tmp_path / "in")
    will_pm.register(plugin, name="odd-one")
    seen = []
    for jobs in (1, 2):
        db = tmp_path / f"j{jobs}.db"
        result = invoke_cli("add", *paths, "--jobs", str(jobs), plugin_manager=will_pm, db=db)
        assert result.exit_code == 4, result.output  # added, but a plugin failed
        assert "odd-one" in result.stderr and words in result.stderr
        seen.append((result.stderr.count("odd-one"), _ledger(db)))
    assert seen[1] == seen[0]


def test_a_recorded_lookup_notes_what_was_asked_and_the_answer() -> None:
    rec = _Recording({"a": 1})
    assert "a" in rec and "b" not in rec and rec["a"] == 1
    with pytest.raises(KeyError):
        rec["c"]
    assert rec.seen["a"] == 1 and set(rec.seen) == {"a", "b", "c"} and not rec.whole
    assert list(rec) == ["a"] and rec.whole

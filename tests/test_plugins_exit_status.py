"""A run in which a plugin failed ends with exit status 4 (what went in is kept), and its
last lines name the plugin, the input and what to do; a run that did nothing ends 1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, Source
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli


class FailingExtractor:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        raise RuntimeError("model file missing")


class FailingChecker:
    @claimtrack.hookimpl
    def claimtrack_check(self, claim: Claim) -> list[object]:
        raise RuntimeError("index offline")


class FailingLoader:
    @claimtrack.hookimpl(tryfirst=True)
    def claimtrack_load(self, uri: str) -> list[Source]:
        raise RuntimeError("parser crashed")


def _with(pm: ClaimtrackPluginManager, plugin: object, name: str) -> ClaimtrackPluginManager:
    pm.register(plugin, name=name)
    return pm


def test_add_with_a_failing_extractor_ends_4_and_keeps_the_rest(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    pm, db = _with(will_pm, FailingExtractor(), "failing"), tmp_path / "t.db"
    result = invoke_cli("add", str(article), plugin_manager=pm, db=db)
    assert result.exit_code == 4
    assert "4 claim(s) extracted" in result.stdout
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Warning: plugin 'failing' failed on ") and "article.txt" in lines[0]
    assert "1 plugin(s) failed or could not be loaded: 'failing'" in lines[1]
    assert "claimtrack add --rederive --extractor failing" in lines[2]
    assert "CLAIMTRACK_BLOCK_PLUGINS=failing" in lines[2]
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        assert tracker.store.count("sources") == 1 and tracker.store.count("claims") == 4


def test_extract_with_a_failing_extractor_ends_4(
    article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = invoke_cli("extract", str(article), "--format", "jsonl", plugin_manager=_with(
        will_pm, FailingExtractor(), "failing"))  # fmt: skip
    assert result.exit_code == 4 and len(result.stdout.splitlines()) == 4


def test_check_with_a_failing_checker_ends_4(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    pm = _with(will_pm, FailingChecker(), "failing-checker")
    result = invoke_cli("check", "--as-of", "2025-03-04", plugin_manager=pm, db=db)
    assert result.exit_code == 4
    assert "plugin 'failing-checker' failed on claim " in result.stderr
    assert "`claimtrack check` runs it again" in result.stderr


def test_a_run_that_added_nothing_ends_1_and_still_says_what_to_do(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    pm = _with(will_pm, FailingLoader(), "failing-loader")
    result = invoke_cli("add", str(article), plugin_manager=pm, db=tmp_path / "t.db")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: plugin 'failing-loader' failed on ")
    assert "add the inputs it failed on again" in result.stderr
    assert "exit status 4" not in result.stderr


def test_a_built_in_that_fails_is_a_bug_to_report(
    tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.default_plugins import english_extractor

    def broken(source: Source, context: object) -> Iterator[Claim]:
        raise RuntimeError("a bug")

    pm = claimtrack.get_plugin_manager(load_entrypoints=False)
    pm.unregister(english_extractor)
    monkeypatch.setattr(english_extractor, "claimtrack_extract", claimtrack.hookimpl(broken))
    pm.register(english_extractor, name="claimtrack.default_plugins.english_extractor")
    pm.builtin_names.add("claimtrack.default_plugins.english_extractor")
    result = invoke_cli("add", str(article), plugin_manager=pm, db=tmp_path / "t.db")
    assert result.exit_code == 4
    assert "is built in: this is a bug in claimtrack; please report it" in result.stderr


def test_a_clean_run_ends_0(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = invoke_cli("add", str(article), plugin_manager=will_pm, db=tmp_path / "t.db")
    assert result.exit_code == 0 and result.stderr == ""

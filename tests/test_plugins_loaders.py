"""A loader's sources are checked like the text loader's, one item at a time: a bad item
is named (with the loader) and the others go in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest

import claimtrack
from claimtrack import LoadError, PluginError, Source
from claimtrack.loading import LoadOptions, read_sources
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli

UTC = timezone.utc
BODY = "The trust will open the new ward in May."


def _release(n: int, **fields: Any) -> Source:
    fields.setdefault("published_at", datetime(2025, 3, n, 9, tzinfo=UTC))
    return Source.from_text(BODY, title=f"Release {n}", publisher="Trust", **fields)


class Releases:
    """Reads ``*.releases``: whatever ``items`` holds, in place of parsing a file."""

    items: ClassVar[Any] = []

    @claimtrack.hookimpl
    def claimtrack_load(self, uri: str) -> Iterator[object] | None:
        if not uri.endswith(".releases"):
            return None
        return iter(self.items)


@pytest.fixture
def releases(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> Iterator[Path]:
    will_pm.register(Releases(), name="releases")
    path = tmp_path / "march.releases"
    path.write_text("(read by the test loader)")
    yield path
    Releases.items = []


BAD_ITEMS = {
    "far future": (_release(2, published_at=datetime(9999, 12, 31, tzinfo=UTC)), "five years"),
    "ancient": (_release(2, published_at=datetime(1500, 1, 1, tzinfo=UTC)), "before 1800"),
    "blank": (Source.from_text(" \n\u200b "), "no text"),
    "meta keys": (_release(2, meta={1: "x"}), "meta has keys that are not str"),
    "not a source": ({"text": BODY}, "returned dict, not Source"),
    "a title that is not text": (attrs.evolve(_release(2), title=7), "title is int"),
}


@pytest.mark.parametrize("case", sorted(BAD_ITEMS))
def test_one_bad_item_is_named_and_the_others_are_kept(
    case: str, releases: Path, will_pm: ClaimtrackPluginManager
) -> None:
    bad, words = BAD_ITEMS[case]
    Releases.items = [_release(1), bad, _release(3)]
    result = read_sources(will_pm, str(releases), LoadOptions())
    assert [s.title for s in result.sources] == ["Release 1", "Release 3"]
    (problem,) = result.problems
    assert isinstance(problem, PluginError) and problem.plugin == "releases"
    assert "(item 2)" in str(problem) and words in str(problem) and releases.name in str(problem)


def test_a_loader_reports_a_bad_item_itself_with_a_load_error(
    releases: Path, will_pm: ClaimtrackPluginManager, tmp_path: Path
) -> None:
    Releases.items = [_release(1), LoadError(f"{releases}#2", "has no body; skipped")]
    result = invoke_cli("add", str(releases), plugin_manager=will_pm, db=tmp_path / "t.db")
    assert "Warning: " in result.stderr and "#2: has no body; skipped" in result.stderr
    assert "1 source(s) added" in result.stdout


def test_two_releases_with_one_body_are_two_sources_with_their_dates(
    releases: Path, will_pm: ClaimtrackPluginManager, tmp_path: Path
) -> None:
    Releases.items = [_release(1), _release(8)]
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        report = tracker.add(releases)
        assert report.added == 2 and report.errors == []
        dates = sorted(s.published_at for s in tracker.store.sources() if s.published_at)
        assert [d.day for d in dates] == [1, 8]
        assert tracker.add(releases).unchanged == 2  # read again: the same two


def test_a_source_gets_its_identity_whatever_id_the_loader_gave(
    releases: Path, will_pm: ClaimtrackPluginManager
) -> None:
    made = _release(1)
    Releases.items = [attrs.evolve(made, id="my-own-id"), attrs.evolve(made, published_at=None)]
    first, second = read_sources(will_pm, str(releases), LoadOptions()).sources
    assert first.id == made.id
    assert second.id == Source.from_text(BODY).id != made.id


def test_a_loader_error_for_the_whole_input_is_raised_as_is(
    releases: Path, will_pm: ClaimtrackPluginManager
) -> None:
    def unreadable() -> Iterator[object]:
        raise LoadError(str(releases), "is not a release file")
        yield  # a generator

    Releases.items = unreadable()  # type: ignore[assignment]
    with pytest.raises(LoadError, match="is not a release file"):
        read_sources(will_pm, str(releases), LoadOptions())

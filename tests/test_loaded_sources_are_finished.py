"""What any loader produces is finished the same way: cleaned, within the limits on
text and claims, with a plausible date or none (and a warning saying so)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, ClaimKind, LoadError, LoadOptions, Source
from claimtrack.loading import expand_paths, load_sources, read_sources
from claimtrack.testing import invoke_cli, make_plugin_manager

UTC = timezone.utc


class FakeFeed:
    """A loader for ``fake://NAME`` giving the sources set on it."""

    def __init__(self, *sources: Source) -> None:
        self.sources = list(sources)

    @claimtrack.hookimpl
    def claimtrack_load(self, uri: str, options: LoadOptions) -> list[Source] | None:
        return self.sources if uri.startswith("fake://") else None


def _entry(text: str, published: datetime | None = None, **fields: object) -> Source:
    return Source.from_text(text, uri="https://feed.example/1", published_at=published, **fields)


def test_source_text_is_cleaned_on_the_way_in() -> None:
    dirty = _entry(
        "The mayor \x1b[2Kwill\x1b]52;c;ZXZpbA==\x07 reopen the depot.\r\nNext\x00 line.",
        title="Depot\x1b[31m plan\n",
        publisher="Paper\x9b2J",
    )
    (source,) = load_sources(make_plugin_manager(FakeFeed(dirty)), "fake://x", LoadOptions())
    assert source.text == "The mayor will reopen the depot.\nNext line."
    assert source.title == "Depot plan" and source.publisher == "Paper"
    assert source.id == source.identity  # the id is made of the clean text


def test_text_over_the_limit_is_refused_naming_source_and_limit() -> None:
    pm = make_plugin_manager(FakeFeed(_entry("x" * 2001)))
    with pytest.raises(LoadError, match=r"feed\.example/1: holds 2,001 characters .* 2,000"):
        load_sources(pm, "fake://x", LoadOptions(max_chars=2000))


@pytest.mark.parametrize(
    "published",
    [
        datetime(1, 1, 1, 12, tzinfo=UTC),
        datetime(1700, 3, 15, tzinfo=UTC),
        datetime(3025, 3, 15, tzinfo=UTC),
    ],
)
def test_an_entry_with_an_implausible_date_is_refused_alone(published: datetime) -> None:
    good = _entry("The mayor will publish the plan.", datetime(2025, 3, 15, tzinfo=UTC))
    pm = make_plugin_manager(FakeFeed(_entry("The council will act.", published), good))
    result = read_sources(pm, "fake://x", LoadOptions())
    assert [s.text for s in result.sources] == ["The mayor will publish the plan."]
    (problem,) = result.problems
    assert "(item 1)" in str(problem) and str(published.year) in str(problem)


def test_a_plausible_date_is_kept() -> None:
    when = datetime(2025, 3, 15, 10, tzinfo=UTC)
    pm = make_plugin_manager(FakeFeed(_entry("The council will act.", when)))
    (source,) = load_sources(pm, "fake://x", LoadOptions(), warn=pytest.fail)
    assert source.published_at == when


def test_an_add_stores_the_entries_with_plausible_dates(tmp_path: Path) -> None:
    ancient = _entry("The council will act.", datetime(1, 1, 1, tzinfo=UTC))
    good = _entry("The mayor will publish the plan.", datetime(2025, 3, 15, tzinfo=UTC))
    pm = make_plugin_manager(FakeFeed(ancient, good))
    with claimtrack.Tracker(tmp_path / "s.db", plugin_manager=pm) as tracker:
        report = tracker.add("fake://x")
    assert report.added == 1 and len(report.errors) == 1


class ClaimSpammer:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        for i in range(len(source.text)):
            yield Claim.build(
                source_id=source.id,
                span=(i, i + 1),
                speaker=None,
                kind=ClaimKind.STATEMENT,
                text=source.text[i],
            )


def test_too_many_claims_is_refused_and_nothing_stored(tmp_path: Path) -> None:
    pm = make_plugin_manager(FakeFeed(_entry("abcdefghij")), ClaimSpammer(), extractor=False)
    options = LoadOptions(max_claims=5)
    with claimtrack.Tracker(tmp_path / "s.db", plugin_manager=pm, load_options=options) as t:
        report = t.add("fake://x")
        assert report.added == 0 and not t.store.source_refs()
    (error,) = report.errors
    assert "produced 10 claims, more than the limit of 5" in str(error)
    assert "feed.example/1" in str(error)


# -- add DIR and symbolic links ---------------------------------------------------------


@pytest.fixture
def folder_with_links(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("A secret the folder does not hold.\n")
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "a.txt").write_text("The council will reopen the depot.\n")
    (news / "sub" / "b.txt").write_text("The mayor will publish the plan.\n")
    os.symlink(outside / "secret.txt", news / "secret-link.txt")
    os.symlink(outside, news / "outside-dir")
    os.symlink(news / "a.txt", news / "inside-link.txt")
    os.symlink(news, news / "sub" / "loop")
    return news


def test_add_dir_never_leaves_the_directory(folder_with_links: Path) -> None:
    warned: list[claimtrack.ClaimtrackError] = []
    found = sorted(
        Path(p).relative_to(folder_with_links).as_posix()
        for p in expand_paths(str(folder_with_links), warn=warned.append)
    )
    assert found == ["a.txt", "inside-link.txt", "sub/b.txt"]
    messages = sorted(str(w) for w in warned)
    assert len(messages) == 2
    assert all("outside" in m and "not read" in m for m in messages)
    assert any("secret-link.txt" in m for m in messages)


def test_cli_add_dir_says_which_links_it_skipped(folder_with_links: Path, tmp_path: Path) -> None:
    result = invoke_cli("add", str(folder_with_links), db=tmp_path / "s.db")
    assert result.exit_code == 0, result.output
    assert "secret-link.txt" in result.output and "Warning:" in result.output
    with claimtrack.Tracker(tmp_path / "s.db") as tracker:
        texts = [tracker.store.get_source(s.id).text for s in tracker.store.source_refs().values()]
    assert not any("secret" in t for t in texts)

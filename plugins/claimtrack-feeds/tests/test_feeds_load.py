"""Reading feed files: sniffing by content, entries as sources, stable entry text."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions, Source
from claimtrack.testing import make_plugin_manager

import claimtrack_feeds

DATA = Path(__file__).parent / "data"
UTC = timezone.utc


def load(path: Path | str, options: LoadOptions | None = None) -> list[Source]:
    result = claimtrack_feeds.claimtrack_load(str(path), options or LoadOptions(network=False))
    assert result is not None
    return result


def test_rss_entries_become_sources() -> None:
    first, second = load(DATA / "valley-news.rss")
    assert first.title == "Council will reopen Mill Lane bridge"
    assert first.uri == "https://courier.example/news/mill-lane-bridge"
    assert first.publisher == "Valley Courier"
    assert first.published_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    assert first.language == "en-gb"
    assert first.text == (
        "Council will reopen Mill Lane bridge\n\n"
        "The council will reopen the Mill Lane bridge by the end of April, the mayor said.\n\n"
        "Repairs began in January & are on budget."
    )
    assert first.meta["entry_id"] == "courier-1001"
    assert first.meta["author"] == "Priya Shah"
    # +0100 in the feed, stored as the same instant
    assert second.published_at == datetime(2025, 3, 15, 10, 0, tzinfo=UTC)


def test_atom_entry_with_relative_link_and_html_content() -> None:
    (entry,) = load(DATA / "harbour.atom")
    assert entry.publisher == "Harbour Authority statements"
    assert entry.title == "Dredging of the east channel"
    assert entry.uri == "https://harbour.example/statements/east-channel"
    assert entry.published_at == datetime(2025, 3, 19, 16, 15, tzinfo=UTC)
    assert entry.text.endswith("We will complete dredging of the east channel before 30 June.")
    assert "<b>" not in entry.text


def test_rss1_rdf_feed() -> None:
    (entry,) = load(DATA / "parish.rdf")
    assert entry.publisher == "Parish Notes"
    assert entry.published_at == datetime(2025, 3, 10, 12, tzinfo=UTC)


def test_same_feed_read_twice_gives_the_same_sources() -> None:
    assert [s.id for s in load(DATA / "valley-news.rss")] == [
        s.id for s in load(DATA / "valley-news.rss")
    ]


def test_new_feed_version_keeps_old_entries_identical() -> None:
    old = {s.id for s in load(DATA / "valley-news.rss")}
    new = load(DATA / "valley-news-later.rss")
    assert old < {s.id for s in new}
    assert [s.title for s in new if s.id not in old] == ["Depot to close for a week"]


@pytest.mark.parametrize("name", ["feed.txt", "feed", "feed.html", "latest.xml"])
def test_chosen_by_content_not_extension(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    shutil.copy(DATA / "valley-news.rss", target)
    assert len(load(target)) == 2


def test_file_uri(tmp_path: Path) -> None:
    assert len(load((DATA / "harbour.atom").resolve().as_uri())) == 1


@pytest.mark.parametrize(
    "head",
    [
        b"<?xml version='1.0'?><inventory/>",
        b"<!DOCTYPE html><html><head><title>x</title></head></html>",
        b"Plain text mentioning <rss> in passing.",
        b"",
    ],
)
def test_other_documents_are_declined(tmp_path: Path, head: bytes) -> None:
    target = tmp_path / "doc.xml"
    target.write_bytes(head)
    assert claimtrack_feeds.claimtrack_load(str(target), LoadOptions()) is None


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss version="2.0">', True),
        (b"<!-- generated --><?xml-stylesheet href='x'?>\n<feed xmlns='x'>", True),
        (b"  <rdf:RDF xmlns:rdf='x'>", True),
        ('<?xml version="1.0" encoding="utf-16"?><rss>'.encode("utf-16"), True),
        (b"<html><body><rss>", False),
    ],
)
def test_is_feed(head: bytes, expected: bool) -> None:
    assert claimtrack_feeds.is_feed(head) is expected


def test_size_limit(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="limit"):
        load(DATA / "valley-news.rss", LoadOptions(max_bytes=100, network=False))


def test_broken_feed_is_a_load_error(tmp_path: Path) -> None:
    target = tmp_path / "broken.rss"
    target.write_bytes(b"<rss version='2.0'><channel><title>Half a feed")
    # feedparser reads what it can; a feed with a version but no entries is empty
    sources = claimtrack_feeds.claimtrack_load(str(target), LoadOptions())
    assert sources == []


def test_html_to_text() -> None:
    assert (
        claimtrack_feeds.html_to_text(
            "<p>One&nbsp;<em>two</em></p><script>alert(1)</script><ul><li>three</li></ul>"
        )
        == "One two\n\nthree"
    )


def test_feed_loader_goes_before_the_text_loader(tmp_path: Path) -> None:
    # Registered as a plugin beside the built-ins, the feed loader answers first; the
    # built-in text loader still reads plain text.
    from claimtrack.loading import load_sources

    pm = make_plugin_manager(claimtrack_feeds)
    target = tmp_path / "feed.txt"
    shutil.copy(DATA / "valley-news.rss", target)
    assert len(load_sources(pm, str(target), LoadOptions())) == 2
    plain = tmp_path / "note.txt"
    plain.write_text("The council will meet on Monday.\n", encoding="utf-8")
    (source,) = load_sources(pm, str(plain), LoadOptions())
    assert source.text.startswith("The council will meet")

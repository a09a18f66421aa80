"""Fetching feeds over HTTP from a local server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions
from claimtrack.testing import Route, serve_http

import claimtrack_feeds

DATA = Path(__file__).parent / "data"


RSS = (DATA / "valley-news.rss").read_bytes()


@pytest.fixture
def server() -> Iterator[str]:
    """The base URL of a throwaway HTTP server on 127.0.0.1: /feed the RSS file, /page
    an HTML page, /slow the feed after 3 s, /big 1 MB of feed; anything else is 404."""
    with serve_http(
        {
            "/feed": Route(RSS, "application/rss+xml"),
            "/slow": Route(RSS, "application/rss+xml", delay=3),
            "/big": Route(
                b"<rss version='2.0'><channel>" + b" " * 1_000_000 + b"</channel></rss>",
                "application/rss+xml",
            ),
            "/page": Route(
                b"<!doctype html><html><body><p>Not a feed</p></body></html>", "text/html"
            ),
        }
    ) as url:
        yield url


def test_feed_url(server: str) -> None:
    sources = claimtrack_feeds.claimtrack_load(f"{server}/feed", LoadOptions(timeout=5))
    assert sources is not None
    assert [s.title for s in sources] == [
        "Council will reopen Mill Lane bridge",
        "Library hours extended",
    ]
    assert sources[0].meta["feed"] == f"{server}/feed"


def test_same_entries_from_url_and_file(server: str) -> None:
    from_url = claimtrack_feeds.claimtrack_load(f"{server}/feed", LoadOptions(timeout=5))
    from_file = claimtrack_feeds.claimtrack_load(str(DATA / "valley-news.rss"), LoadOptions())
    assert from_url is not None and from_file is not None
    assert [s.id for s in from_url] == [s.id for s in from_file]


def test_html_url_is_declined(server: str) -> None:
    assert claimtrack_feeds.claimtrack_load(f"{server}/page", LoadOptions(timeout=5)) is None


def test_no_network_no_fetch(server: str) -> None:
    assert claimtrack_feeds.claimtrack_load(f"{server}/feed", LoadOptions(network=False)) is None


def test_timeout(server: str) -> None:
    with pytest.raises(LoadError, match=r"within 0\.5 s|timed out"):
        claimtrack_feeds.claimtrack_load(f"{server}/slow", LoadOptions(timeout=0.5))


def test_size_limit(server: str) -> None:
    with pytest.raises(LoadError, match="limit"):
        claimtrack_feeds.claimtrack_load(f"{server}/big", LoadOptions(max_bytes=50_000))


def test_http_error(server: str) -> None:
    with pytest.raises(LoadError, match="404"):
        claimtrack_feeds.claimtrack_load(f"{server}/missing", LoadOptions(timeout=5))

"""Fetching pages over HTTP from a local server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions
from claimtrack.testing import Route, serve_http

import claimtrack_html

DATA = Path(__file__).parent / "data"


STORY = (DATA / "harbour-article.html").read_bytes()
HTML = "text/html; charset=utf-8"


@pytest.fixture
def server() -> Iterator[str]:
    """The base URL of a throwaway HTTP server on 127.0.0.1: /story the article,
    /latin a notice whose charset is only in the header, /feed an RSS feed, /slow the
    article after 3 s, /big 1 MB of page; anything else is 404."""
    latin = (
        b"<!doctype html><html><head><title>Caf\xe9 news</title></head><body><article>"
        + b"<p>The caf\xe9 on Mill Lane will reopen in May, its owner said today.</p>" * 3
        + b"</article></body></html>"
    )
    with serve_http(
        {
            "/story": Route(STORY, HTML),
            "/slow": Route(STORY, HTML, delay=3),
            "/latin": Route(latin, "text/html; charset=iso-8859-1"),
            "/big": Route(
                b"<!doctype html><html><body>" + b"<p>word</p>" * 100_000 + b"</body></html>", HTML
            ),
            "/feed": Route(
                b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
                "application/rss+xml",
            ),
        }
    ) as url:
        yield url


def test_page_url(server: str) -> None:
    sources = claimtrack_html.claimtrack_load(f"{server}/story", LoadOptions(timeout=5))
    assert sources is not None
    (source,) = sources
    # the page's canonical URL wins; where it was fetched from is kept
    assert source.uri == "https://herald.example/news/2025/03/harbour-dredging"
    assert source.meta["retrieved_from"] == f"{server}/story"
    assert source.publisher == "The Estuary Herald"


def test_charset_from_the_header(server: str) -> None:
    sources = claimtrack_html.claimtrack_load(f"{server}/latin", LoadOptions(timeout=5))
    assert sources is not None
    assert "The café on Mill Lane will reopen in May" in sources[0].text
    assert (sources[0].publisher or "").startswith("127.0.0.1")


def test_feed_url_is_declined(server: str) -> None:
    assert claimtrack_html.claimtrack_load(f"{server}/feed", LoadOptions(timeout=5)) is None


def test_no_network_no_fetch(server: str) -> None:
    assert claimtrack_html.claimtrack_load(f"{server}/story", LoadOptions(network=False)) is None


def test_timeout(server: str) -> None:
    with pytest.raises(LoadError, match=r"within 0\.5 s|timed out"):
        claimtrack_html.claimtrack_load(f"{server}/slow", LoadOptions(timeout=0.5))


def test_size_limit(server: str) -> None:
    with pytest.raises(LoadError, match="limit"):
        claimtrack_html.claimtrack_load(f"{server}/big", LoadOptions(max_bytes=100_000))


def test_http_error(server: str) -> None:
    with pytest.raises(LoadError, match="404"):
        claimtrack_html.claimtrack_load(f"{server}/missing", LoadOptions(timeout=5))

"""Fetching feeds over HTTP from a local server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions

import claimtrack_feeds

DATA = Path(__file__).parent / "data"


class Handler(BaseHTTPRequestHandler):
    """/feed: the RSS file; /page: an HTML page; /slow: answers after 3 s; /big: 1 MB
    of feed; /missing: 404."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        if self.path in ("/feed", "/slow"):
            body = (DATA / "valley-news.rss").read_bytes()
            kind = "application/rss+xml"
        elif self.path == "/big":
            body = b"<rss version='2.0'><channel>" + b" " * 1_000_000 + b"</channel></rss>"
            kind = "application/rss+xml"
        else:
            body = b"<!doctype html><html><body><p>Not a feed</p></body></html>"
            kind = "text/html"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The loader may stop reading early (a non-feed, a size limit), as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """The base URL of a throwaway HTTP server on 127.0.0.1."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"within 0\.5 s|timed out"):
        claimtrack_feeds.claimtrack_load(f"{server}/slow", LoadOptions(timeout=0.5))
    assert time.monotonic() - started < 2.5


def test_size_limit(server: str) -> None:
    with pytest.raises(LoadError, match="limit"):
        claimtrack_feeds.claimtrack_load(f"{server}/big", LoadOptions(max_bytes=50_000))


def test_http_error(server: str) -> None:
    with pytest.raises(LoadError, match="404"):
        claimtrack_feeds.claimtrack_load(f"{server}/missing", LoadOptions(timeout=5))

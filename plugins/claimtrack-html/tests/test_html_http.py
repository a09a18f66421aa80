"""Fetching pages over HTTP from a local server on 127.0.0.1 (no outside network)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions

import claimtrack_html

DATA = Path(__file__).parent / "data"


class Handler(BaseHTTPRequestHandler):
    """/story: the article; /latin: the notice with its charset only in the header;
    /feed: an RSS feed; /slow: after 3 s; /big: 1 MB; /missing: 404."""

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        kind = "text/html; charset=utf-8"
        if self.path in ("/story", "/slow"):
            body = (DATA / "harbour-article.html").read_bytes()
        elif self.path == "/latin":
            body = (
                b"<!doctype html><html><head><title>Caf\xe9 news</title></head><body><article>"
                + b"<p>The caf\xe9 on Mill Lane will reopen in May, its owner said today.</p>" * 3
                + b"</article></body></html>"
            )
            kind = "text/html; charset=iso-8859-1"
        elif self.path == "/big":
            body = b"<!doctype html><html><body>" + b"<p>word</p>" * 100_000 + b"</body></html>"
        else:
            body = b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'
            kind = "application/rss+xml"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The loader may stop reading early (not HTML, over the limit), as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """The base URL of a throwaway HTTP server on 127.0.0.1."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"within 0\.5 s|timed out"):
        claimtrack_html.claimtrack_load(f"{server}/slow", LoadOptions(timeout=0.5))
    assert time.monotonic() - started < 2.5


def test_size_limit(server: str) -> None:
    with pytest.raises(LoadError, match="limit"):
        claimtrack_html.claimtrack_load(f"{server}/big", LoadOptions(max_bytes=100_000))


def test_http_error(server: str) -> None:
    with pytest.raises(LoadError, match="404"):
        claimtrack_html.claimtrack_load(f"{server}/missing", LoadOptions(timeout=5))

"""The shared URL fetch loaders use: limits, clear errors, one download per URL."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest

from claimtrack import LoadError, LoadOptions, fetch_url, fetching


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        body = b"x" * (5000 if self.path == "/big" else 100)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A web server on 127.0.0.1, counting requests per path."""
    _Handler.hits = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    fetching._fetch_cache.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    fetching._fetch_cache.clear()


def test_one_download_for_several_loaders(server: str) -> None:
    first = fetch_url(f"{server}/page", LoadOptions())
    again = fetch_url(f"{server}/page", LoadOptions())
    assert first.data == b"x" * 100 and again is first
    assert first.content_type.startswith("text/plain")
    assert _Handler.hits["/page"] == 1


def test_http_error_names_the_url_and_is_reported_once(server: str) -> None:
    url = f"{server}/missing"
    for _ in range(2):
        with pytest.raises(LoadError, match=r"/missing: the server answered HTTP 404"):
            fetch_url(url, LoadOptions())
    assert _Handler.hits["/missing"] == 1


def test_size_limit(server: str) -> None:
    with pytest.raises(LoadError, match="more than the limit of 1,000 bytes"):
        fetch_url(f"{server}/big", LoadOptions(max_bytes=1000))


def test_network_switched_off(server: str) -> None:
    with pytest.raises(LoadError, match="fetching from the network is switched off"):
        fetch_url(f"{server}/page", LoadOptions(network=False))
    assert "/page" not in _Handler.hits


def test_unreachable_host_is_one_clear_error() -> None:
    fetching._fetch_cache.clear()
    with pytest.raises(LoadError, match="cannot be fetched"):
        fetch_url("http://127.0.0.1:9/nothing-listens-here", LoadOptions(timeout=2))

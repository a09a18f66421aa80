"""The shared URL fetch loaders use: limits, clear errors, one download per URL."""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator
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


# -- hostile servers: raw answers on a loopback socket ----------------------------------


@contextlib.contextmanager
def raw_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A server on 127.0.0.1 that reads a request and lets ``answer`` write anything."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn, contextlib.suppress(OSError):
                conn.recv(65536)
                answer(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    fetching._fetch_cache.clear()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()
        fetching._fetch_cache.clear()


def _trickle(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
    for _ in range(50):  # one byte every 0.2 s: each read is quick, the whole is not
        conn.sendall(b"x")
        time.sleep(0.2)


def test_a_trickling_server_is_cut_off_at_the_deadline() -> None:
    with raw_server(_trickle) as url, pytest.raises(LoadError, match="took more than 1 s"):
        fetch_url(url, LoadOptions(timeout=1))


def _cut_short(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 500000000\r\n\r\n" + b"x" * 281)


def test_a_body_shorter_than_its_content_length_is_refused() -> None:
    with raw_server(_cut_short) as url, pytest.raises(LoadError, match="ended after 281 of"):
        fetch_url(url, LoadOptions(timeout=5))


def _to_ftp(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: ftp://127.0.0.1/x\r\nContent-Length: 0\r\n\r\n")


def test_a_redirect_to_ftp_is_not_followed() -> None:
    with raw_server(_to_ftp) as url, pytest.raises(LoadError, match="redirects to a ftp: URL"):
        fetch_url(url, LoadOptions(timeout=5))


def _not_http(conn: socket.socket) -> None:
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\nnot an answer at all\r\n")


def test_a_malformed_answer_is_a_fetch_error() -> None:
    with raw_server(_not_http) as url, pytest.raises(LoadError, match="not valid HTTP"):
        fetch_url(url, LoadOptions(timeout=5))


def test_a_malformed_answer_is_not_blamed_on_a_loader() -> None:
    # Through every installed loader: the URL is named, no plugin is.
    from claimtrack.loading import load_sources
    from claimtrack.plugins import get_plugin_manager

    with raw_server(_not_http) as url, pytest.raises(LoadError, match="not valid HTTP"):
        load_sources(get_plugin_manager(), url, LoadOptions(timeout=5))


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http://[::1/"])
def test_only_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(LoadError):
        fetch_url(url, LoadOptions(timeout=2))


def test_an_invalid_url_is_named_not_blamed_on_a_loader() -> None:
    from claimtrack.loading import load_sources
    from claimtrack.plugins import get_plugin_manager

    with pytest.raises(LoadError, match="not a valid URL"):
        load_sources(get_plugin_manager(), "http://[::1/", LoadOptions(timeout=2))

"""Fetching a URL for the loaders: one download per URL, within a deadline and a size.

:func:`fetch_url` is what every loader that reads the web calls (re-exported by
:mod:`claimtrack.loading` and :mod:`claimtrack`).  A download is bounded in all its
dimensions, because the server is someone else's:

- **time**: ``options.timeout`` seconds for the whole download, not per read (a server
  sending one byte every few seconds is cut off when the time is up);
- **size**: ``options.max_bytes`` for the body, and a body shorter than its
  ``Content-Length`` is a cut connection, not a document;
- **where**: only ``http://`` and ``https://``, and redirects only to those;
- **what**: an answer that is not valid HTTP is the server's fault, reported as a fetch
  error naming the URL (never blamed on the loader that asked).
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from collections import OrderedDict
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from .errors import LoadError

if TYPE_CHECKING:
    from .loading import LoadOptions

__all__ = ["FETCH_REUSE_SECONDS", "Fetched", "fetch_url"]

_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024


@attrs.frozen(kw_only=True)
class Fetched:
    """A document fetched over HTTP: its bytes, its headers (lower-case names) and the
    URL it really came from after redirects."""

    uri: str
    url: str
    data: bytes = attrs.field(repr=False)
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header, or an empty string."""
        return self.headers.get("content-type", "")


#: Seconds a fetched URL is reused: every loader asks about the same URL in turn
#: (a feed loader, then an HTML loader), and it should be downloaded once, while a feed
#: re-read a minute later must be fetched anew.
FETCH_REUSE_SECONDS = 60.0
_FETCH_CACHE_SIZE = 8
_fetch_cache: OrderedDict[tuple[str, int], tuple[float, Fetched | LoadError]] = OrderedDict()
_fetch_lock = threading.Lock()


def fetch_url(uri: str, options: LoadOptions, *, user_agent: str | None = None) -> Fetched:
    """GET the ``http(s)`` URL ``uri`` within ``options.timeout`` seconds in all and
    ``options.max_bytes``.

    Loaders share it, so one URL tried by several loaders is downloaded once (and a
    failure is reported once).  Raises :class:`LoadError` naming ``uri`` when the
    network is not allowed, the URL is not http(s), the server answers an error or
    something that is not HTTP, redirects elsewhere than http(s), the download takes
    longer than the timeout, the body is over the size limit, or it stops short of the
    length the server announced."""
    if not options.network:
        raise LoadError(uri, "is a URL, and fetching from the network is switched off")
    key = (uri, options.max_bytes)
    now = time.monotonic()
    with _fetch_lock:
        hit = _fetch_cache.get(key)
        if hit is not None and now - hit[0] < FETCH_REUSE_SECONDS:
            _fetch_cache.move_to_end(key)
            if isinstance(hit[1], LoadError):
                raise hit[1]
            return hit[1]
    try:
        result: Fetched | LoadError = _download(uri, options, user_agent)
    except LoadError as exc:
        result = exc
    with _fetch_lock:
        _fetch_cache[key] = (now, result)
        _fetch_cache.move_to_end(key)
        while len(_fetch_cache) > _FETCH_CACHE_SIZE:
            _fetch_cache.popitem(last=False)
    if isinstance(result, LoadError):
        raise result
    return result


class _HttpRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http(s) only (urllib would follow one to ``ftp://``)."""

    def __init__(self, uri: str) -> None:
        self.uri = uri

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in _SCHEMES:
            raise LoadError(
                self.uri,
                f"redirects to a {scheme or 'relative'}: URL ({_short(newurl)}); only "
                "http and https are followed",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(uri: str, options: LoadOptions, user_agent: str | None) -> Fetched:
    from . import __version__

    try:
        scheme = urlsplit(uri).scheme.lower() if "://" in uri else ""
    except ValueError as exc:
        raise LoadError(uri, f"is not a valid URL ({exc})") from exc
    if scheme not in _SCHEMES:
        raise LoadError(uri, "is not an http or https URL")
    deadline = time.monotonic() + options.timeout
    opener = urllib.request.build_opener(_HttpRedirects(uri))
    try:
        request = urllib.request.Request(
            uri, headers={"User-Agent": user_agent or f"claimtrack/{__version__}", "Accept": "*/*"}
        )
        with opener.open(request, timeout=options.timeout) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            final_url = response.geturl()
            data = _read_body(uri, response, deadline, options)
    except urllib.error.HTTPError as exc:
        raise LoadError(uri, f"the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise LoadError(uri, f"gave no answer within {options.timeout:g} s") from exc
        raise LoadError(uri, f"cannot be fetched ({reason})") from exc
    except TimeoutError as exc:
        raise LoadError(uri, f"gave no answer within {options.timeout:g} s") from exc
    except http.client.HTTPException as exc:
        # The server's answer is not HTTP (a bad status line, a header too long …).
        what = type(exc).__name__
        raise LoadError(uri, f"the server's answer is not valid HTTP ({what}: {exc})") from exc
    except (OSError, ValueError, UnicodeError) as exc:
        # ValueError/UnicodeError: a URL urllib cannot use (a bad port, a bad host name).
        raise LoadError(uri, f"cannot be fetched ({exc})") from exc
    _check_length(uri, headers, len(data))
    return Fetched(uri=uri, url=final_url, data=data, headers=headers)


def _read_body(uri: str, response: Any, deadline: float, options: LoadOptions) -> bytes:
    # Read in chunks, each read allowed only the time left: the deadline is for the
    # whole body, whatever pace the server keeps.
    chunks: list[bytes] = []
    total = 0
    sock = _socket_of(response)
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _too_slow(uri, options, total)
        if sock is not None:
            sock.settimeout(left)
        try:
            chunk = response.read1(_CHUNK)
        except TimeoutError as exc:
            raise _too_slow(uri, options, total) from exc
        if not chunk:
            break
        total += len(chunk)
        if total > options.max_bytes:
            raise LoadError(uri, f"is more than the limit of {options.max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_slow(uri: str, options: LoadOptions, got: int) -> LoadError:
    return LoadError(
        uri,
        f"took more than {options.timeout:g} s to download ({got:,} bytes came); "
        "the server is too slow, try again later",
    )


def _socket_of(response: Any) -> Any:
    # http.client reads through a buffered file over the socket; reaching the socket
    # lets each read wait only for the time left.  Without it each read waits at most
    # the whole timeout, so the deadline is overrun by one read at most.
    raw = getattr(getattr(response, "fp", None), "raw", None)
    sock = getattr(raw, "_sock", None)
    return sock if hasattr(sock, "settimeout") else None


def _check_length(uri: str, headers: Mapping[str, str], got: int) -> None:
    announced = headers.get("content-length", "").strip()
    if not announced.isdigit():
        return
    expected = int(announced)
    if got < expected:
        raise LoadError(
            uri,
            f"ended after {got:,} of the {expected:,} bytes the server announced "
            "(the connection was cut); try again",
        )


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."

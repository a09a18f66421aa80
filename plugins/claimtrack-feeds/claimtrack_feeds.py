"""claimtrack-feeds: RSS and Atom feeds as claimtrack sources (via feedparser).

``claimtrack add https://example.org/news.rss`` (or a saved feed file) reads every entry
of the feed as one source: its title, link, publication time and text, published by the
feed itself (the feed's title).  A feed is recognised by its content (a ``<rss``,
``<feed`` or ``<rdf:RDF`` root element), whatever the file or URL is called.

An entry's source text is built only from the entry (its title and its summary or
content, as plain text), never from anything that changes between fetches, so the same
entry read again is the same source and claimtrack stores it once: re-reading a feed
adds only its new entries.
"""

from __future__ import annotations

import calendar
import html
import re
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import claimtrack
import feedparser  # type: ignore[import-untyped]
from claimtrack import LoadError, LoadOptions, Source, fetch_url

__version__ = "0.1.0"

#: How much of a document is read to decide whether it is a feed.
SNIFF_BYTES = 8192
USER_AGENT = f"claimtrack-feeds/{__version__} (+https://pypi.org/project/claimtrack-feeds/)"
_FEED_TYPES = ("rss", "atom", "rdf", "xml")

_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_BLOCK = re.compile(
    r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr|p|div|li|h[1-6]|blockquote|tr)\b[^>]*>",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


@claimtrack.hookimpl
def claimtrack_load(uri: str, options: LoadOptions) -> list[Source] | None:
    """Read ``uri`` when it is an RSS or Atom feed (a file, a ``file://`` or an
    ``http(s)://`` URL); None for anything else, so the next loader is tried.

    URLs are fetched only when ``options.network`` allows, within ``options.timeout``
    seconds and ``options.max_bytes``; a non-feed URL is dropped after its first bytes.
    """
    scheme = urlparse(uri).scheme.lower()
    if scheme in ("http", "https"):
        if not options.network:
            return None
        fetched = _fetch(uri, options)
        if fetched is None:
            return None
        data, headers = fetched
        return parse_feed(data, uri, headers=headers)
    if "://" in uri and scheme != "file":
        return None
    path = Path(unquote(urlparse(uri).path) if scheme == "file" else uri)
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return None  # not ours to judge: the text loader reports unreadable files
    if not is_feed(head):
        return None
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise LoadError(uri, f"is {size:,} bytes, more than the limit of {options.max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(uri, f"cannot be read ({exc.strerror or exc})") from exc
    return parse_feed(data, path.resolve().as_uri())


def is_feed(head: bytes) -> bool:
    """Whether a document starting with ``head`` is an RSS 0.9x/2.0, RSS 1.0 (RDF) or
    Atom feed: its first element, after any XML declaration, comments and doctype."""
    root = root_element(head)
    return root is not None and (root in ("rss", "feed") or root == "rdf" or root.endswith(":rdf"))


def root_element(head: bytes) -> str | None:
    """The lower-cased name of the first element of an XML/HTML document, or None."""
    text = _decode_head(head)
    at = 0
    while True:
        prolog = _PROLOG.match(text, at)
        if prolog is None:
            break
        at = prolog.end()
    tag = _TAG.match(text, at)
    return tag.group(1).lower() if tag else None


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore")
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    # Only markup names matter here, and they are ASCII in every encoding we meet.
    return head.decode("latin-1")


def _fetch(uri: str, options: LoadOptions) -> tuple[bytes, dict[str, str]] | None:
    """GET ``uri`` (through claimtrack's shared fetch, so a URL several loaders try is
    downloaded once); None when it is not a feed.  Raises LoadError for network and
    HTTP failures and for bodies over ``options.max_bytes``."""
    fetched = fetch_url(uri, options, user_agent=USER_AGENT)
    if not is_feed(fetched.data[:SNIFF_BYTES]):
        return None
    headers = dict(fetched.headers)
    # Relative links in the feed resolve against where it really came from.
    headers.setdefault("content-location", fetched.url)
    return fetched.data, headers


def parse_feed(data: bytes, uri: str, *, headers: Mapping[str, str] | None = None) -> list[Source]:
    """Every entry of the feed in ``data`` (read from ``uri``) as a :class:`Source`.

    Entries with neither a title nor any text are skipped.  Raises LoadError when
    ``data`` is not a feed feedparser can read at all."""
    parsed: Any = feedparser.parse(data, response_headers=dict(headers or {}))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise LoadError(uri, f"is not a readable RSS or Atom feed ({problem or 'no entries'})")
    feed = parsed.feed
    publisher = _clean(feed.get("title")) or urlparse(uri).hostname or None
    language = feed.get("language") or None
    now = datetime.now(timezone.utc)
    sources: list[Source] = []
    for entry in parsed.entries:
        source = entry_source(
            entry,
            feed_uri=uri,
            publisher=publisher,
            language=language,
            retrieved_at=now,
            base=feed.get("link") or uri,
        )
        if source is not None:
            sources.append(source)
    return sources


def entry_source(
    entry: Mapping[str, Any],
    *,
    feed_uri: str,
    publisher: str | None,
    language: str | None = None,
    retrieved_at: datetime | None = None,
    base: str | None = None,
) -> Source | None:
    """One feed entry as a source: text is the title, a blank line and the entry's
    content (else summary) as plain text; None for an entry with no text at all.

    A relative entry link is resolved against ``base`` (the feed's own link): feedparser
    resolves it only when the feed came with a URL of its own."""
    title = _clean(entry.get("title"))
    body = _entry_body(entry)
    # Some feeds repeat the headline as the summary's first line: keep it once.
    title_line = "" if body and title and body.startswith(title) else title
    text = "\n\n".join(part for part in (title_line, body) if part)
    if not text:
        return None
    meta: dict[str, Any] = {"feed": feed_uri}
    if entry.get("id"):
        meta["entry_id"] = str(entry["id"])
    if entry.get("author"):
        meta["author"] = _clean(entry["author"])
    link = entry.get("link") or entry.get("id") or None
    if link and base and not urlparse(link).scheme:
        link = urljoin(base, link)
    return Source.from_text(
        text,
        uri=link,
        title=title or None,
        publisher=publisher,
        published_at=_entry_time(entry),
        language=language,
        retrieved_at=retrieved_at,
        meta=meta,
    )


def _entry_body(entry: Mapping[str, Any]) -> str:
    # Full content beats the summary, which is often a truncated teaser of it.
    for item in entry.get("content") or ():
        value = item.get("value")
        if value and value.strip():
            return html_to_text(value) if "html" in (item.get("type") or "html") else _clean(value)
    summary = entry.get("summary")
    return html_to_text(summary) if summary else ""


def _entry_time(entry: Mapping[str, Any]) -> datetime | None:
    # feedparser normalises every date format to a UTC struct_time.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value: time.struct_time | None = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), timezone.utc)
    return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: block elements become line breaks, tags go,
    entities are decoded, runs of spaces shrink to one."""
    text = _SCRIPT.sub("", fragment)
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAGS.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return _SPACES.sub(" ", html.unescape(value)).strip()

"""claimtrack-html: a web page's article as a claimtrack source (via trafilatura).

``claimtrack add https://example.org/news/story`` (or a saved ``story.html``) keeps the
article's main text — no menus, adverts, footers or scripts — and its metadata: title,
publication time, publisher (the site's name) and canonical URL.  A page is recognised by
its content (an ``<html>`` root or an HTML doctype), not only by its name.

A page is someone else's markup, so its size is bounded before the article extractor
sees it: a page with more than :data:`MAX_PAGE_CHARS` characters of text or
:data:`MAX_PAGE_ELEMENTS` elements is refused (the extractor's work grows faster than
the page there), comments are gone before extraction, nesting deeper than the HTML
parser's limit (256 levels) is not read, and a JSON-LD block of any depth is read
without recursion.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, time, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import claimtrack
import trafilatura
from claimtrack import LoadError, LoadOptions, Source, fetch_url

__version__ = "0.1.0"

#: How much of a document is read to decide whether it is HTML.
SNIFF_BYTES = 8192
USER_AGENT = f"claimtrack-html/{__version__} (+https://pypi.org/project/claimtrack-html/)"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
#: The most text and elements a page may hold: an article is a small part of this, and
#: past it the article extractor's time grows faster than the page.
MAX_PAGE_CHARS = 1_000_000
MAX_PAGE_ELEMENTS = 50_000
_NOT_TEXT = frozenset({"script", "style", "template", "svg"})
#: JSON-LD deeper than this is not searched for a publication time.
_MAX_JSON_DEPTH = 64
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})

_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_DOCTYPE = re.compile(r"\s*<!DOCTYPE\s+([^\s>]+)[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)

# Where pages state their publication time precisely (trafilatura keeps only the day).
_TIME_META = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "pubdate",
        "publishdate",
        "parsely-pub-date",
        "sailthru.date",
    }
)


@claimtrack.hookimpl
def claimtrack_load(uri: str, options: LoadOptions) -> list[Source] | None:
    """Read ``uri`` when it is an HTML page (a file, a ``file://`` or an ``http(s)://``
    URL); None for anything else, so the next loader is tried.

    URLs are fetched only when ``options.network`` allows, within ``options.timeout``
    seconds and ``options.max_bytes``.
    """
    scheme = urlparse(uri).scheme.lower()
    if scheme in ("http", "https"):
        if not options.network:
            return None
        fetched = _fetch(uri, options)
        if fetched is None:
            return None
        data, final_url = fetched
        return [article_source(data, final_url)]
    if "://" in uri and scheme != "file":
        return None
    path = Path(unquote(urlparse(uri).path) if scheme == "file" else uri)
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return None  # not ours to judge: the text loader reports unreadable files
    if not is_html(head, suffix=path.suffix):
        return None
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise LoadError(uri, f"is {size:,} bytes, more than the limit of {options.max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(uri, f"cannot be read ({exc.strerror or exc})") from exc
    return [article_source(data, path.resolve().as_uri(), label=uri)]


def is_html(head: bytes, *, suffix: str = "", content_type: str = "") -> bool:
    """Whether a document starting with ``head`` is an HTML page.

    By content: an HTML doctype or an ``<html>`` root element.  A ``.html`` name or a
    ``text/html`` content type is enough unless the content is clearly a feed (some
    servers call everything text/html)."""
    root = _root(head)
    if root in FEED_ROOTS:
        return False
    if root in ("!doctype html", "html"):
        return True
    hinted = suffix.lower() in HTML_SUFFIXES or content_type.split(";")[0].strip().lower() in (
        "text/html",
        "application/xhtml+xml",
    )
    return hinted and root is not None


def _root(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        # Only markup names matter, and they are ASCII in every encoding we meet.
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    at = 0
    while True:
        doctype = _DOCTYPE.match(text, at)
        if doctype is not None:
            if doctype.group(1).lower() == "html":
                return "!doctype html"
            at = doctype.end()
            continue
        prolog = _PROLOG.match(text, at)
        if prolog is None:
            break
        at = prolog.end()
    tag = _TAG.match(text, at)
    return tag.group(1).lower() if tag else None


def _fetch(uri: str, options: LoadOptions) -> tuple[bytes, str] | None:
    """GET ``uri`` (through claimtrack's shared fetch, so a URL several loaders try is
    downloaded once): its body and final URL, or None when it is not HTML.  Raises
    LoadError for network and HTTP failures and for pages over ``options.max_bytes``."""
    fetched = fetch_url(uri, options, user_agent=USER_AGENT)
    head = fetched.data[:SNIFF_BYTES]
    if not is_html(head, content_type=fetched.content_type):
        return None
    data = fetched.data
    charset = _CHARSET.search(fetched.content_type)
    if charset and b"charset" not in head.lower():
        # The header's charset would be lost on the way to the parser: say it in the page.
        data = f'<meta charset="{charset.group(1)}">'.encode("ascii") + data
    return data, fetched.url


def article_source(data: bytes, uri: str, *, label: str | None = None) -> Source:
    """The article in the page ``data`` (read from ``uri``) as a :class:`Source`.

    The text is the article's title, a blank line and its main text (paragraphs one a
    line); the same page always gives the same text.  Raises LoadError when the page has
    no article text."""
    where = label or uri
    tree = trafilatura.load_html(data)
    if tree is None:
        raise LoadError(where, "is not an HTML page that can be parsed")
    _check_size(tree, where)
    stated = list(_stated_times(tree))  # before extraction, which may change the tree
    doc: Any = trafilatura.bare_extraction(
        tree,
        url=uri if uri.startswith("http") else None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    body = (doc.text or "").strip() if doc is not None else ""
    if not body:
        raise LoadError(where, "has no article text that could be found")
    title = _clean(doc.title)
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    if title and text.startswith(title + "\n") and not text.startswith(title + "\n\n"):
        # The headline is the first line: a blank line after it, as in claimtrack's
        # text files, keeps it a paragraph of its own.
        text = f"{title}\n\n{text[len(title) + 1 :]}"
    canonical = doc.url if doc.url and str(doc.url).startswith("http") else None
    meta: dict[str, Any] = {}
    if doc.author:
        meta["author"] = _clean(doc.author)
    if doc.description:
        meta["description"] = _clean(doc.description)
    if canonical and canonical != uri:
        meta["retrieved_from"] = uri
    return Source.from_text(
        text,
        uri=canonical or uri,
        title=title or None,
        publisher=_clean(doc.sitename) or _host(canonical or uri) or None,
        published_at=published_time(tree, doc.date, stated=stated),
        retrieved_at=datetime.now(timezone.utc),
        language=_language(tree, doc.language),
        meta=meta,
    )


def _check_size(tree: Any, where: str) -> None:
    # Scripts, styles and drawings are dropped before extraction: they do not count.
    skipped = sum(sum(1 for _ in svg.iter()) for svg in tree.iter("svg"))
    chars = 0
    for elements, node in enumerate(tree.iter(), 1):
        if node.tag not in _NOT_TEXT:
            chars += len(node.text or "")
        chars += len(node.tail or "")
        if elements - skipped > MAX_PAGE_ELEMENTS or chars > MAX_PAGE_CHARS:
            what = (
                f"more than {MAX_PAGE_ELEMENTS:,} elements"
                if elements - skipped > MAX_PAGE_ELEMENTS
                else f"more than {MAX_PAGE_CHARS:,} characters of text"
            )
            raise LoadError(
                where,
                f"is a page with {what}, more than an article page holds; save the "
                "article's text as a .txt file and add that",
            )


def published_time(
    tree: Any, day: str | None, *, stated: list[datetime] | None = None
) -> datetime | None:
    """The page's publication time: a precise timestamp the page states (meta tags,
    JSON-LD ``datePublished``, ``<time pubdate>``) when it agrees with trafilatura's
    date, else that date at 12:00 UTC (claimtrack's rule for a date without a time).
    ``stated`` is the page's stated times when already read."""
    times = list(_stated_times(tree)) if stated is None else stated
    precise = [t for t in times if day is None or t.date().isoformat() == day]
    if precise:
        return precise[0]
    if day:
        try:
            return datetime.combine(
                datetime.fromisoformat(day).date(), time(12), tzinfo=timezone.utc
            )
        except ValueError:
            return None
    return None


def _stated_times(tree: Any) -> Iterator[datetime]:
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _TIME_META:
            parsed = _parse_time(meta.get("content"))
            if parsed is not None:
                yield parsed
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue  # not JSON, or nested past what the JSON reader takes: no date here
        for value in _json_values(data, "datePublished"):
            parsed = _parse_time(value)
            if parsed is not None:
                yield parsed
    for element in tree.iterfind(".//time"):
        if element.get("pubdate") is not None or element.get("itemprop") == "datePublished":
            parsed = _parse_time(element.get("datetime"))
            if parsed is not None:
                yield parsed


def _json_values(data: object, key: str) -> Iterator[object]:
    # Depth first with a stack of its own, in document order: no recursion to exhaust.
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > _MAX_JSON_DEPTH:
            continue
        if isinstance(node, dict):
            children = []
            for k, v in node.items():
                if k == key:
                    yield v
                else:
                    children.append((v, depth + 1))
            stack.extend(reversed(children))
        elif isinstance(node, list):
            stack.extend((item, depth + 1) for item in reversed(node))


def _parse_time(value: object) -> datetime | None:
    # Only full timestamps count here; a bare date adds nothing to trafilatura's.
    if not isinstance(value, str) or "T" not in value.strip()[10:11]:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


def _language(tree: Any, found: str | None) -> str | None:
    if found:
        return found
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    return str(lang).strip() or None if lang else None


def _host(uri: str) -> str | None:
    host = urlparse(uri).hostname
    return host.removeprefix("www.") if host else None


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""

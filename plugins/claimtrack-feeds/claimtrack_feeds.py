"""claimtrack-feeds: RSS and Atom feeds as claimtrack sources (via feedparser).

``claimtrack add https://example.org/news.rss`` (or a saved feed file) reads every entry
of the feed as one source: its title, link, publication time and text, published by the
feed itself (the feed's title).  A feed is recognised by its content (a ``<rss``,
``<feed`` or ``<rdf:RDF`` root element), whatever the file or URL is called.

An entry's source text is built only from the entry (its title and its summary or
content, as plain text), never from anything that changes between fetches, so the same
entry read again is the same source and claimtrack stores it once: re-reading a feed
adds only its new entries.

A feed is someone else's XML, so it is read defensively (:func:`defused`): entities
it declares are never expanded (a 10 KB feed must not become megabytes of text), a
document type anywhere in it, even inside a comment, never reaches feedparser,
invalid character references (``&#xD800;``) are replaced in their entry instead of
refusing the feed, and the body is handed to feedparser as a stream of bytes, never
as a string it could take for a path or a URL.
"""

from __future__ import annotations

import calendar
import html
import html.entities
import io
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
from feedparser.encodings import convert_to_utf8  # type: ignore[import-untyped]
from lxml import etree

__version__ = "0.1.0"

#: How much of a document is read to decide whether it is a feed.
SNIFF_BYTES = 8192
USER_AGENT = f"claimtrack-feeds/{__version__} (+https://pypi.org/project/claimtrack-feeds/)"
_FEED_TYPES = ("rss", "atom", "rdf", "xml")

# A doctype may hold an internal subset in brackets, with ">" inside it.
_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[[^\]]*\])*>)", re.DOTALL | re.IGNORECASE
)
_TAG = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_BLOCK = re.compile(
    r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr|p|div|li|h[1-6]|blockquote|tr)\b[^<>]*>",
    re.IGNORECASE,
)
# "[^<>]" (not "[^>]"): a "<" that never closes is text, and each scan stops at the
# next "<", so text full of "<" is read in linear time.
_TAGS = re.compile(r"<[^<>]*>")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
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

    ``data`` goes through :func:`defused` first.  Entries with neither a title nor any
    text are skipped.  Raises LoadError when ``data`` is not a feed that can be read
    at all."""
    clean = defused(data, uri, headers=headers)
    # The bytes are UTF-8 now, whatever the server said; keep what locates the feed.
    kept = {k.lower(): v for k, v in (headers or {}).items()}
    response_headers = {k: kept[k] for k in ("content-location", "content-language") if k in kept}
    response_headers["content-type"] = "application/xml; charset=utf-8"
    # A stream, never bytes or a string: feedparser opens a string that names a file or
    # a URL.  Its HTML sanitiser and URI rewriting are off: html_to_text keeps only text.
    parsed: Any = feedparser.parse(
        io.BytesIO(clean),
        response_headers=response_headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )
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


#: Numeric character references, decimal or hexadecimal.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")
#: Control bytes XML 1.0 forbids (tab, LF and CR are allowed).  Dropping them from UTF-8
#: is safe: these bytes never occur inside a multi-byte character.
_XML_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Named entity references; XML's five predefined ones are left alone.
_NAMED_REF = re.compile(rb"&([A-Za-z_][A-Za-z0-9_.-]*);")
_PREDEFINED = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
#: A document type or an entity declaration, anywhere (a comment hides nothing).
_DECLARATIONS = re.compile(rb"<!\s*(?:doctype|entity)", re.IGNORECASE)


def defused(data: bytes, uri: str = "feed", *, headers: Mapping[str, str] | None = None) -> bytes:
    """The feed in ``data`` as UTF-8 XML that is safe to hand to feedparser.

    The encoding is decided as feedparser decides it (HTTP charset, XML declaration,
    byte-order mark).  Character references to what XML forbids are replaced in place
    (a control character is dropped; a surrogate or a number past U+10FFFF becomes
    U+FFFD), and so are control bytes, so one bad entry does not refuse the feed.
    A document that declares a document type or entities (anywhere, a comment
    included) is read without them: every named reference except XML's five becomes
    the character HTML gives that name (``&nbsp;``, ``&eacute;``) or nothing (a name
    the document declared itself is never expanded), and the document is parsed here
    with entity expansion off and written out again without its document type,
    comments or processing instructions.  Raises LoadError when such a document cannot
    be parsed even leniently."""
    result: dict[str, Any] = {}
    utf8: bytes = convert_to_utf8({k.lower(): v for k, v in (headers or {}).items()}, data, result)
    utf8 = _XML_CONTROLS.sub(b"", utf8)
    utf8 = _CHAR_REF.sub(_char_ref, utf8)
    if _DECLARATIONS.search(utf8) is None:
        return utf8
    return _without_doctype(_NAMED_REF.sub(_named_ref, utf8), uri)


def _named_ref(match: re.Match[bytes]) -> bytes:
    name = match.group(1)
    if name in _PREDEFINED:
        return match.group(0)
    char = html.entities.html5.get(name.decode("ascii") + ";")
    return b"" if char is None else "".join(f"&#{ord(c)};" for c in char).encode("ascii")


def _char_ref(match: re.Match[bytes]) -> bytes:
    hex_digits, dec_digits = match.groups()
    digits = (hex_digits or dec_digits).lstrip(b"0") or b"0"
    code = int(digits, 16 if hex_digits else 10) if len(digits) <= 8 else 0x110000
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD:
        return match.group(0)
    if 0x10000 <= code <= 0x10FFFF:
        return match.group(0)
    return b"" if code < 0x20 else b"&#xFFFD;"


def _without_doctype(utf8: bytes, uri: str) -> bytes:
    root = None
    for recover in (False, True):
        parser = etree.XMLParser(
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            recover=recover,
        )
        try:
            root = etree.fromstring(utf8, parser)
        except etree.XMLSyntaxError:
            continue
        if root is not None:
            break
    if root is None:
        raise LoadError(uri, "is not a readable RSS or Atom feed (its XML cannot be parsed)")
    _replace_entities(root)
    return bytes(etree.tostring(root, encoding="utf-8", xml_declaration=True))


def _replace_entities(root: Any) -> None:
    # Rebuilt one parent at a time, its text and tails joined once: replacing entities
    # one by one would copy a growing text for each of thousands of references.
    parents = {id(p): p for p in (e.getparent() for e in root.iter(etree.Entity)) if p is not None}
    for parent in parents.values():
        holder: Any = None  # None: the parent's own text, else the last kept child's tail
        pieces = [parent.text or ""]
        for child in list(parent):
            if isinstance(child, etree._Entity):
                pieces.append(html.entities.html5.get(f"{child.name};", ""))
                pieces.append(child.tail or "")
                parent.remove(child)
                continue
            _set_text(parent, holder, "".join(pieces))
            holder, pieces = child, [child.tail or ""]
        _set_text(parent, holder, "".join(pieces))


def _set_text(parent: Any, holder: Any, text: str) -> None:
    if holder is None:
        parent.text = text or None
    else:
        holder.tail = text or None


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
            try:
                return datetime.fromtimestamp(calendar.timegm(value), timezone.utc)
            except (ValueError, OverflowError, OSError):
                continue  # a date out of any calendar's range is no date
    return None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: scripts and styles go, block elements become
    line breaks, tags go, entities are decoded, runs of spaces shrink to one.  Linear
    in the fragment's length, whatever it holds."""
    text = _without_scripts(fragment)
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAGS.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _without_scripts(fragment: str) -> str:
    # A script or style runs to its closing tag, or to the end when it never closes
    # (as a browser reads it); each search starts where the last one ended.
    opening = _SCRIPT_OPEN.search(fragment)
    if opening is None:
        return fragment
    lower = fragment.lower()
    kept: list[str] = []
    at = 0
    while opening is not None:
        kept.append(fragment[at : opening.start()])
        close = lower.find("</" + opening.group(1).lower(), opening.end())
        if close < 0:
            return "".join(kept)
        end = fragment.find(">", close)
        at = len(fragment) if end < 0 else end + 1
        opening = _SCRIPT_OPEN.search(fragment, at)
    kept.append(fragment[at:])
    return "".join(kept)


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return _SPACES.sub(" ", html.unescape(value)).strip()

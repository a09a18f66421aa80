"""Reading sources: header blocks, front matter, sidecar files, encodings, directories.

The built-in text loader (``default_plugins/text_loader.py``) is a thin hook around
:func:`load_text_file`; :func:`load_sources` is how the tracker asks every loader.
"""

from __future__ import annotations

import codecs
import os
import stat
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pluggy

from .dispatch import call_hook
from .errors import ClaimtrackError, InputError, LoadError, PluginError
from .model import Source
from .timeutil import check_published, parse_published

__all__ = [
    "HEADER_KEYS",
    "TEXT_SUFFIXES",
    "Fetched",
    "LoadOptions",
    "LoadResult",
    "check_source",
    "decode_bytes",
    "expand_paths",
    "fetch_url",
    "is_blank",
    "load_sources",
    "load_text_file",
    "looks_like_text",
    "parse_header",
    "read_sources",
    "source_from_text",
]

#: Keys recognised in a header block, front matter or sidecar ``.meta`` file.
HEADER_KEYS = frozenset(
    {
        "title",
        "url",
        "uri",
        "published",
        "date",
        "publisher",
        "language",
        "lang",
        "author",
        "byline",
        "kind",
    }
)
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
_MAX_HEADER_LINES = 40


@attrs.frozen(kw_only=True)
class LoadOptions:
    """Settings every loader receives.

    ``timeout`` (seconds) and ``max_bytes`` bound network and file reads; ``network``
    says whether loaders may fetch URLs.
    """

    timeout: float = 30.0
    max_bytes: int = 50 * 1024 * 1024
    network: bool = True


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading header off ``text``: ``---`` front matter, or ``key: value`` lines
    (known keys only) ended by a blank line.  Returns (metadata, body).  Text without a
    header comes back whole, with empty metadata."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n", _MAX_HEADER_LINES + 2)
    if lines and lines[0].strip() == "---":
        meta: dict[str, str] = {}
        for i, line in enumerate(lines[1:], 1):
            if i > _MAX_HEADER_LINES:
                break
            if line.strip() == "---":
                body = "\n".join(lines[i + 1 :]) if i + 1 < len(lines) else ""
                return meta, body.lstrip("\n")
            key, value = _key_value(line)
            if key is not None:
                meta[key] = value
        return {}, text
    meta = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[i + 1 :]).lstrip("\n")
            return {}, text
        if i >= _MAX_HEADER_LINES:
            return {}, text
        key, value = _key_value(line)
        if key is None:
            return {}, text
        meta[key] = value
    return ({}, text) if not meta else (meta, "")


def _key_value(line: str) -> tuple[str | None, str]:
    key, sep, value = line.partition(":")
    key = key.strip().lower()
    if not sep or key not in HEADER_KEYS:
        return None, ""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return key, value


def decode_bytes(data: bytes, uri: str) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without
    a BOM (recognised by its zero bytes), else Windows-1252 (Latin-1 for the five bytes
    Windows-1252 leaves undefined), so legacy Western text always reads.

    Binary content (many NUL or other control bytes) is refused with a :class:`LoadError`
    naming ``uri``; a few stray NUL characters in otherwise good text are dropped, since
    they carry nothing and break tools downstream.  Linear in ``len(data)``."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked_text(data.decode(codec), uri)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    uri, f"starts as {codec} text but is not valid {codec} ({exc.reason})"
                ) from exc
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return _checked_text(data.decode(utf16), uri)
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: the checks below decide
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 reads them.
        text = data.decode("cp1252", errors="claimtrack.latin1fallback")
    return _checked_text(text, uri)


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("claimtrack.latin1fallback", _latin1_fallback)

_SAMPLE = 8192
_TEXT_CONTROLS = frozenset("\t\n\r\f")


def _control_count(sample: str) -> int:
    return sum(1 for ch in sample if ord(ch) < 32 and ch not in _TEXT_CONTROLS)


def _checked_text(text: str, uri: str) -> str:
    # Sample the start and the end: a binary file rarely hides for long.
    head, tail = text[:_SAMPLE], text[-_SAMPLE:] if len(text) > 2 * _SAMPLE else ""
    limit = 8
    if _control_count(head) > limit or _control_count(tail) > limit:
        what = "NUL bytes" if "\x00" in head or "\x00" in tail else "control bytes"
        raise LoadError(uri, f"looks like a binary file (it holds {what}), not text")
    return text.replace("\x00", "") if "\x00" in text else text


def _bomless_utf16(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when ``data`` looks like UTF-16 without a BOM: mostly
    Latin text has a zero byte in every other position."""
    sample = data[: 2 * _SAMPLE]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= pairs * 0.4 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.4 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def looks_like_text(head: bytes) -> bool:
    """Whether the first bytes of a file look like text claimtrack can read (NUL bytes
    only as part of UTF-16/32)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        return True
    if b"\x00" not in head:
        return True
    return _bomless_utf16(head[: len(head) - len(head) % 2]) is not None


def is_blank(text: str) -> bool:
    """Whether ``text`` holds nothing but whitespace and invisible format characters
    (zero-width spaces, joiners, direction marks, BOMs)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text.strip())


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def source_from_text(
    raw: str,
    *,
    uri: str | None = None,
    meta: Mapping[str, str] | None = None,
    retrieved_at: datetime | None = None,
    label: str | None = None,
) -> Source:
    """A :class:`Source` from raw text whose header (if any) is removed; header keys
    override nothing given in ``meta`` (the sidecar), which overrides the header."""
    header, body = parse_header(_normalise_newlines(raw))
    merged: dict[str, Any] = {**header, **(meta or {})}
    where = label or uri or "text"
    published_raw = merged.get("published") or merged.get("date")
    published = None
    if published_raw:
        try:
            published = parse_published(published_raw, what="published")
        except ClaimtrackError as exc:
            raise LoadError(where, str(exc)) from exc
    return Source.from_text(
        body,
        uri=merged.get("url") or merged.get("uri") or uri,
        title=merged.get("title") or _first_line(body),
        publisher=merged.get("publisher"),
        published_at=published,
        retrieved_at=retrieved_at,
        language=merged.get("language") or merged.get("lang"),
        meta={
            k: v
            for k, v in merged.items()
            if k not in {"url", "uri", "title", "publisher", "language", "lang"}
        },
    )


def _first_line(body: str) -> str | None:
    for line in body.split("\n", 20)[:20]:
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return None


def load_text_file(path: Path, options: LoadOptions) -> Source:
    """Read a text or Markdown file (and its sidecar ``NAME.meta``) into a source.

    Raises :class:`LoadError` naming the file when it is missing, a directory, not a
    regular file (a pipe or device, which could block forever), over
    ``options.max_bytes``, binary, or holds no text."""
    uri = str(path)
    data = _read_file(path, options.max_bytes)
    text = decode_bytes(data, uri)
    sidecar = path.with_name(path.name + ".meta")
    meta: dict[str, str] = {}
    if sidecar.is_file():
        side_text = decode_bytes(_read_file(sidecar, 1024 * 1024), str(sidecar))
        for line in _normalise_newlines(side_text).split("\n"):
            key, value = _key_value(line)
            if key is not None:
                meta[key] = value
    source = source_from_text(
        text,
        uri=path.resolve().as_uri(),
        meta=meta,
        retrieved_at=datetime.now(timezone.utc),
        label=uri,
    )
    if is_blank(source.text):
        raise LoadError(uri, "holds no text (it is empty or only whitespace after its header)")
    return source


def _read_file(path: Path, max_bytes: int) -> bytes:
    uri = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(uri, "is a directory; give its files, or the directory to add")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(uri, "is not a regular file (a pipe, socket or device); give a file")
        if info.st_size > max_bytes:
            raise LoadError(uri, f"is {info.st_size:,} bytes, more than the limit of {max_bytes:,}")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise LoadError(uri, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise LoadError(uri, f"is more than the limit of {max_bytes:,} bytes")
    return data


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
    """GET ``uri`` within ``options.timeout`` seconds and ``options.max_bytes``.

    Loaders share it, so one URL tried by several loaders is downloaded once (and a
    failure is reported once).  Raises :class:`LoadError` naming ``uri`` when the
    network is not allowed, the server answers an error, nothing comes in time, or the
    body is over the size limit."""
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


def _download(uri: str, options: LoadOptions, user_agent: str | None) -> Fetched:
    from . import __version__

    request = urllib.request.Request(
        uri, headers={"User-Agent": user_agent or f"claimtrack/{__version__}", "Accept": "*/*"}
    )
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            data = response.read(options.max_bytes + 1)
            headers = {k.lower(): v for k, v in response.headers.items()}
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise LoadError(uri, f"the server answered HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise LoadError(uri, f"cannot be fetched ({exc.reason})") from exc
    except TimeoutError as exc:
        raise LoadError(uri, f"gave no answer within {options.timeout:g} s") from exc
    except OSError as exc:
        raise LoadError(uri, f"cannot be fetched ({exc})") from exc
    if len(data) > options.max_bytes:
        raise LoadError(uri, f"is more than the limit of {options.max_bytes:,} bytes")
    return Fetched(uri=uri, url=final_url, data=data, headers=headers)


def expand_paths(uri: str) -> Iterator[str]:
    """A directory becomes its files (sorted, recursive, hidden and ``.meta`` files
    skipped); anything else is passed through unchanged.  A directory with no files to
    read raises :class:`LoadError` (so ``add empty_dir/`` does not silently do nothing)."""
    if "://" in uri or not os.path.isdir(uri):
        yield uri
        return
    found = False
    for root, dirs, files in os.walk(uri):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(".meta"):
                continue
            found = True
            yield os.path.join(root, name)
    if not found:
        raise LoadError(uri, "is a directory with no files to read")


@attrs.frozen
class LoadResult:
    """What the loaders made of one input: its ``sources``, the ``problems`` with single
    items (a :class:`LoadError` the loader reported for an item, or a
    :class:`PluginError` for an item claimtrack refused), and the ``loader`` that read it."""

    sources: list[Source]
    problems: list[ClaimtrackError]
    loader: str


def read_sources(pm: pluggy.PluginManager, uri: str, options: LoadOptions) -> LoadResult:
    """Ask the loaders, latest-registered first, to read ``uri``; the first that answers
    (returns something other than None) wins.

    Every source it returns is checked as the text loader's are (required fields, valid
    text, a plausible publication time, see :func:`check_source`); a bad one is named in
    ``problems`` and the others are kept, as is a :class:`LoadError` the loader returns
    or yields *in place of* an item.  A loader that raises :class:`LoadError` says the
    whole input is unreadable (raised as is); any other exception, or a result that is
    not an iterable, is raised as a :class:`PluginError` naming the loader."""
    if "://" not in uri and not os.path.exists(uri):
        raise LoadError(uri, "no such file or directory")
    for call in call_hook(
        pm, "claimtrack_load", {"uri": uri, "options": options}, label=uri, results="optional"
    ):
        if call.error is not None:
            if isinstance(call.error.__cause__, LoadError):
                raise call.error.__cause__
            raise call.error
        if call.value is None:
            continue
        sources: list[Source] = []
        problems: list[ClaimtrackError] = []
        for n, item in enumerate(call.value, 1):
            if isinstance(item, LoadError):
                problems.append(item)
                continue
            where = uri if len(call.value) == 1 else f"{uri} (item {n})"
            try:
                sources.append(check_source(item))
            except InputError as exc:
                problems.append(PluginError(call.plugin, where, str(exc), hook="claimtrack_load"))
        return LoadResult(sources=sources, problems=problems, loader=call.plugin)
    raise LoadError(uri, "no loader reads this kind of input (is a plugin for it installed?)")


def load_sources(pm: pluggy.PluginManager, uri: str, options: LoadOptions) -> list[Source]:
    """:func:`read_sources`, strict: the first problem with any item is raised."""
    result = read_sources(pm, uri, options)
    if result.problems:
        raise result.problems[0]
    return result.sources


def check_source(item: object) -> Source:
    """``item`` as the source claimtrack stores, or an :class:`InputError` saying why it
    cannot be one: not a :class:`Source`; a text, address, title, publisher or
    language that is not a str or not valid Unicode; no text; meta keys that are not
    str; an implausible publication time (the check the text loader makes,
    :func:`claimtrack.timeutil.check_published`).  A source whose id is not its
    identity (text, address, publication time) is given that id."""
    if not isinstance(item, Source):
        raise InputError(f"returned {type(item).__name__}, not Source")
    for name in ("text", "uri", "title", "publisher", "language"):
        value = getattr(item, name)
        if value is None and name != "text":
            continue
        if not isinstance(value, str):
            raise InputError(f"returned a Source whose {name} is {type(value).__name__}, not str")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(
                f"returned a Source whose {name} is not valid Unicode (lone surrogates)"
            ) from None
    if is_blank(item.text):
        raise InputError("returned a Source with no text (empty or only whitespace)")
    if not all(isinstance(k, str) for k in item.meta):
        raise InputError("returned a Source whose meta has keys that are not str")
    label = f"published_at of {item.title!r}" if item.title else "published_at"
    check_published(item.published_at, what=label)
    identity = item.identity
    return item if item.id == identity else attrs.evolve(item, id=identity)

"""Reading sources: header blocks, front matter, sidecar files, encodings, directories.

The built-in text loader (``default_plugins/text_loader.py``) is a thin hook around
:func:`load_text_file`; :func:`load_sources` is how the tracker asks every loader.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pluggy

from .errors import ClaimtrackError, LoadError, PluginError
from .model import Source
from .timeutil import parse_when

__all__ = [
    "HEADER_KEYS",
    "TEXT_SUFFIXES",
    "LoadOptions",
    "expand_paths",
    "load_sources",
    "load_text_file",
    "parse_header",
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
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, else
    Windows-1252 for legacy Western text.  Binary content is refused."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise LoadError(
                    uri, f"starts as {codec} text but is not valid {codec} ({exc.reason})"
                ) from exc
    if b"\x00" in data[:8192]:
        raise LoadError(uri, "looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise LoadError(uri, "is neither UTF-8 nor Windows-1252 text; convert it to UTF-8") from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 8:
        raise LoadError(uri, "looks like a binary file, not text")
    return text


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
            published = parse_when(published_raw, what=f"{where}: published")
        except ClaimtrackError as exc:
            raise LoadError(where, str(exc).split(": ", 1)[-1]) from exc
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
    """Read a text or Markdown file (and its sidecar ``NAME.meta``) into a source."""
    uri = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise LoadError(uri, f"is {size:,} bytes, more than the limit of {options.max_bytes:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(uri, f"cannot be read ({exc.strerror or exc})") from exc
    text = decode_bytes(data, uri)
    sidecar = path.with_name(path.name + ".meta")
    meta: dict[str, str] = {}
    if sidecar.is_file():
        try:
            side_text = decode_bytes(sidecar.read_bytes(), str(sidecar))
        except OSError as exc:
            raise LoadError(str(sidecar), f"cannot be read ({exc.strerror or exc})") from exc
        for line in _normalise_newlines(side_text).split("\n"):
            key, value = _key_value(line)
            if key is not None:
                meta[key] = value
    return source_from_text(
        text,
        uri=path.resolve().as_uri(),
        meta=meta,
        retrieved_at=datetime.now(timezone.utc),
        label=uri,
    )


def expand_paths(uri: str) -> Iterator[str]:
    """A directory becomes its files (sorted, recursive, hidden and ``.meta`` files
    skipped); anything else is passed through unchanged."""
    if "://" in uri or not os.path.isdir(uri):
        yield uri
        return
    for root, dirs, files in os.walk(uri):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(".meta"):
                continue
            yield os.path.join(root, name)


def load_sources(pm: pluggy.PluginManager, uri: str, options: LoadOptions) -> list[Source]:
    """Ask the loaders, latest-registered first, to read ``uri``; the first that answers
    wins.  A loader that raises something other than :class:`LoadError` is reported as
    a :class:`PluginError`."""
    if "://" not in uri and not os.path.exists(uri):
        raise LoadError(uri, "no such file or directory")
    caller = pm.hook.claimtrack_load
    for impl in reversed(caller.get_hookimpls()):
        args = {"uri": uri, "options": options}
        try:
            produced: Any = impl.function(**{k: args[k] for k in impl.argnames})
            if produced is None:
                continue
            sources: list[object] = list(produced)
        except LoadError:
            raise
        except Exception as exc:
            raise PluginError(impl.plugin_name, uri, f"{type(exc).__name__}: {exc}") from exc
        bad = [s for s in sources if not isinstance(s, Source)]
        if bad:
            raise PluginError(
                impl.plugin_name, uri, f"returned {type(bad[0]).__name__}, not Source"
            )
        return [s for s in sources if isinstance(s, Source)]
    raise LoadError(uri, "no loader reads this kind of input (is a plugin for it installed?)")

"""Reading sources: header blocks, front matter, sidecar files, encodings, directories.

The built-in text loader (``default_plugins/text_loader.py``) is a thin hook around
:func:`load_text_file`; :func:`load_sources` is how the tracker asks every loader.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs
import pluggy

from .dispatch import first_answer
from .errors import ClaimtrackError, InputError, LoadError, PluginError
from .fetching import FETCH_REUSE_SECONDS, Fetched, fetch_url
from .languages import detect_language, normalise_language
from .model import Source
from .sanitize import clean_text, one_line
from .timeutil import check_published, parse_published
from .workers import kind_of

__all__ = [
    "BYLINE_RULE",
    "FETCH_REUSE_SECONDS",
    "HEADER_KEYS",
    "TEXT_SUFFIXES",
    "Fetched",
    "LoadOptions",
    "LoadResult",
    "Warn",
    "check_source",
    "claims_over_limit",
    "decode_bytes",
    "expand_paths",
    "fetch_url",
    "find_byline",
    "finish_source",
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
    """Settings every loader receives, and the limits on what a source may be.

    What is *read* is bounded by ``timeout`` (seconds for a whole download) and
    ``max_bytes`` (a file or a download).  What a loader *produces* is bounded after
    parsing, whatever the loader (a 10 KB feed may declare entities that would expand
    to megabytes): ``max_chars`` characters of text per source, and ``max_claims``
    claims extracted from one source.  A source over either is refused with a
    :class:`LoadError` naming it and the limit.  ``max_seconds`` is the wall-clock
    limit of one loader on one input: each loader runs in a worker process that is
    killed when it passes (None: no limit, in this process).  ``network`` says whether
    loaders may fetch URLs; ``detect_language`` whether a source whose loader names no
    language gets the one its text is written in
    (:func:`claimtrack.languages.detect_language`).

    The defaults fit news: the largest article, report or transcript is a few hundred
    thousand characters; five million is a long book, about as much as the extractor
    reads within its time limit.
    """

    timeout: float = 30.0
    max_bytes: int = 50 * 1024 * 1024
    network: bool = True
    max_chars: int = 5_000_000
    max_claims: int = 50_000
    max_seconds: float | None = 120.0
    detect_language: bool = True


#: Where a loading step reports what it skipped without failing (a link out of a
#: directory not followed).  Tracker.add passes
#: its report's error list; without one, a :class:`UserWarning` is issued.
Warn = Callable[[ClaimtrackError], None]


def _warn_default(err: ClaimtrackError) -> None:
    warnings.warn(str(err), UserWarning, stacklevel=3)


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
    if not merged.get("author") and not merged.get("byline"):
        byline = find_byline(body)
        if byline is not None:
            merged["byline"] = byline
            merged["byline_rule"] = BYLINE_RULE
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


#: A byline among an article's first lines: "By Alice Padgett", "by Tom Ashby · Riverside
#: Gazette", "BY ANA RUIZ | Harbour News" — a name of two to four words, then the end of
#: the line or a separator before the outlet.
BYLINE_RULE = "byline-line"
_BYLINE = re.compile(
    r"^\s*(?:by|By|BY)\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)(?=\s*(?:$|[·|•,–—-]))"
)
_BYLINE_LINES = 5


def find_byline(body: str) -> str | None:
    """The reporter a byline names among the first lines of ``body`` (rule
    :data:`BYLINE_RULE`), or None.  Only the name: the outlet after a separator is the
    publisher's business."""
    for line in [ln for ln in body.split("\n", 40)[:40] if ln.strip()][:_BYLINE_LINES]:
        match = _BYLINE.match(line[:300])
        if match:
            name = " ".join(match.group(1).split())
            return name.title() if name.isupper() else name
    return None


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


def expand_paths(uri: str, *, warn: Warn | None = None) -> Iterator[str]:
    """A directory becomes its files (sorted, recursive, hidden and ``.meta`` files
    skipped); anything else is passed through unchanged.  A directory with no files to
    read raises :class:`LoadError` (so ``add empty_dir/`` does not silently do nothing).

    A symbolic link inside the directory is followed only when it leads to a file or
    folder inside the directory too: ``add DIR`` never reads what DIR does not hold
    (a link to ``/etc/passwd`` is skipped, and ``warn`` is told which link and where it
    leads).  A folder reached twice through links is read once, so a link loop ends."""
    if "://" in uri or not os.path.isdir(uri):
        yield uri
        return
    report = warn or _warn_default
    top = os.path.realpath(uri)
    seen = {top}
    found = False
    for root, dirs, files in os.walk(uri, followlinks=True):
        kept = []
        for name in sorted(dirs):
            path = os.path.join(root, name)
            if name.startswith("."):
                continue
            real = os.path.realpath(path)
            if os.path.islink(path) and not _inside(real, top):
                report(LoadError(path, _outside(real, uri)))
                continue
            if real in seen:
                continue  # a link back to a folder already read (or a loop)
            seen.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith(".") or name.endswith(".meta"):
                continue
            path = os.path.join(root, name)
            if os.path.islink(path):
                real = os.path.realpath(path)
                if not _inside(real, top):
                    report(LoadError(path, _outside(real, uri)))
                    continue
            found = True
            yield path
    if not found:
        raise LoadError(uri, "is a directory with no files to read")


def _inside(path: str, top: str) -> bool:
    try:
        return os.path.commonpath([path, top]) == top
    except ValueError:  # different drives
        return False


def _outside(real: str, folder: str) -> str:
    return f"is a link to {real}, outside {folder}; not read (give that path itself to add it)"


@attrs.frozen
class LoadResult:
    """What the loaders made of one input: its ``sources``, the ``problems`` with single
    items (a :class:`LoadError` the loader reported for an item, or a
    :class:`PluginError` for an item claimtrack refused), and the ``loader`` that read it."""

    sources: list[Source]
    problems: list[ClaimtrackError]
    loader: str


def read_sources(
    pm: pluggy.PluginManager, uri: str, options: LoadOptions, *, warn: Warn | None = None
) -> LoadResult:
    """Ask the loaders, latest-registered first, to read ``uri``; the first that answers
    (returns something other than None) wins.

    Every source it returns is checked as the text loader's are (required fields, valid
    text, a plausible publication time, see :func:`check_source`); a bad one is named in
    ``problems`` and the others are kept, as is a :class:`LoadError` the loader returns
    or yields *in place of* an item.  A loader that raises :class:`LoadError` says the
    whole input is unreadable (raised as is); any other exception, or a result that is
    not an iterable, is raised as a :class:`PluginError` naming the loader.

    Each source is then finished the same way, whatever the loader: text and metadata
    are cleaned and a text over ``options.max_chars`` is refused (:func:`finish_source`).
    ``warn`` is told what is skipped without failing."""
    if "://" not in uri and not os.path.exists(uri):
        raise LoadError(uri, "no such file or directory")
    if "://" in uri:
        try:
            urlsplit(uri)
        except ValueError as exc:  # before any loader trips on it and is blamed
            raise LoadError(uri, f"is not a valid URL ({exc})") from exc
    call = first_answer(
        pm,
        "claimtrack_load",
        {"uri": uri, "options": options},
        label=uri,
        timeout=options.max_seconds,
    )
    if call is not None:
        if call.error is not None:
            if isinstance(call.error.__cause__, LoadError):
                raise call.error.__cause__
            raise call.error
        assert call.value is not None
        sources: list[Source] = []
        problems: list[ClaimtrackError] = []
        for n, item in enumerate(call.value, 1):
            if isinstance(item, LoadError):
                problems.append(item)
                continue
            where = uri if len(call.value) == 1 else f"{uri} (item {n})"
            try:
                sources.append(finish_source(check_source(item), options, label=where))
            except InputError as exc:
                problems.append(PluginError(call.plugin, where, str(exc), hook="claimtrack_load"))
            except LoadError as exc:  # over the size limit
                problems.append(exc)
        return LoadResult(sources=sources, problems=problems, loader=call.plugin)
    raise LoadError(uri, "no loader reads this kind of input (is a plugin for it installed?)")


def load_sources(
    pm: pluggy.PluginManager, uri: str, options: LoadOptions, *, warn: Warn | None = None
) -> list[Source]:
    """:func:`read_sources`, strict: the first problem with any item is raised."""
    result = read_sources(pm, uri, options, warn=warn)
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
        raise InputError(f"returned {kind_of(item)}, not Source")
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


def finish_source(source: Source, options: LoadOptions, *, label: str | None = None) -> Source:
    """``source`` (checked by :func:`check_source`) as claimtrack stores it: its text
    and metadata cleaned (:func:`claimtrack.sanitize.clean_text`: no control
    characters or escape sequences), its language a code (the header's, else the
    detected one, see :mod:`claimtrack.languages`), and its text within
    ``options.max_chars``, else a :class:`LoadError` naming it and the limit.  ``label`` names the input in messages
    when the source has no URI of its own."""
    where = source.uri or label or source.title or source.id
    text = clean_text(source.text)
    if len(text) > options.max_chars:
        raise LoadError(
            where,
            f"holds {len(text):,} characters of text, more than the limit of "
            f"{options.max_chars:,} for one source; split it into smaller files",
        )
    changes: dict[str, Any] = {}
    for name in ("title", "publisher", "language"):
        value = getattr(source, name)
        if value is not None and (cleaned := one_line(value)) != value:
            changes[name] = cleaned or None
    # The header's language, as a code; else the one the text is written in, when the
    # detector is sure (claimtrack.languages).
    language = normalise_language(changes.get("language", source.language))
    if language is None and options.detect_language:
        language = detect_language(text)
    if language != source.language:
        changes["language"] = language
    if source.uri is not None and (uri := one_line(source.uri)) != source.uri:
        changes["uri"] = uri or None
    meta = dict(source.meta)
    for key, value in source.meta.items():
        if isinstance(value, str) and (cleaned := clean_text(value)) != value:
            meta[key] = cleaned
    if meta != dict(source.meta):
        changes["meta"] = meta
    if text is source.text and not changes:
        return source
    finished = attrs.evolve(source, text=text, **changes)
    # Cleaning changed what the source's id is made of: its id follows.
    return attrs.evolve(finished, id=finished.identity)


def claims_over_limit(source: Source, count: int, options: LoadOptions) -> LoadError | None:
    """The error (naming the source and the limit) for a source whose extractors
    produced more than ``options.max_claims`` claims, else None: such a source is not
    news, and storing it would swamp every report, so it is not stored."""
    if count <= options.max_claims:
        return None
    where = source.uri or source.title or source.id
    return LoadError(
        where,
        f"produced {count:,} claims, more than the limit of {options.max_claims:,} "
        "for one source; it was not stored (split it, or raise LoadOptions.max_claims)",
    )

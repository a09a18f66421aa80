"""Property-based fuzzing of the loaders: ``parse_header``, ``decode_bytes``,
``load_text_file`` and the date reader behind them.  Whatever the bytes, each returns
a value or raises claimtrack's own one-line error, never anything else."""

from __future__ import annotations

import codecs
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from claimtrack import InputError, LoadError, Source
from claimtrack.loading import (
    HEADER_KEYS,
    LoadOptions,
    decode_bytes,
    is_blank,
    load_text_file,
    parse_header,
    source_from_text,
)
from claimtrack.timeutil import parse_published, parse_when

HEADERISH = [
    "title: ",
    "published: ",
    "---\n",
    "\n",
    "\n\n",
    "url: http://x\n",
    "date: 2025-03-15\n",
    ": ",
    '"',
    "'",
    "\ufeff",
    "\r\n",
    "Publisher:",
    "LANG: en\n",
]
header_texts = st.lists(
    st.one_of(st.sampled_from(HEADERISH), st.text(max_size=12)), max_size=20
).map("".join)


@settings(max_examples=500, deadline=None)
@given(header_texts)
@example("---\ntitle: x\n---\nbody")
@example("title: x\n")
@example("\ufeff---\n---\n")
def test_parse_header_never_fails_and_body_is_a_suffix(text: str) -> None:
    meta, body = parse_header(text)
    assert set(meta) <= HEADER_KEYS
    assert all(isinstance(v, str) for v in meta.values())
    assert text.endswith(body)
    if not meta and not text.lstrip("\ufeff").startswith("---"):
        assert body == text.removeprefix("\ufeff")


values = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Zl", "Zp", "Cs")), max_size=30
).map(str.strip)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(HEADER_KEYS)), values, min_size=1, max_size=5),
    st.text(max_size=200),
    st.booleans(),
)
def test_a_written_header_reads_back(meta: dict[str, str], body: str, front: bool) -> None:
    # Values that would be unquoted or look like a closing marker are not headers.
    meta = {k: v for k, v in meta.items() if v and v[0] not in "\"'" and v != "---"}
    if not meta:
        return
    lines = "".join(f"{k}: {v}\n" for k, v in meta.items())
    text = f"---\n{lines}---\n{body}" if front else f"{lines}\n{body}"
    got_meta, got_body = parse_header(text)
    assert got_meta == meta
    assert got_body == body.lstrip("\n")


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=3000))
@example(b"\x00" * 10)
@example(codecs.BOM_UTF16_LE + b"\x00\xd8")
@example(codecs.BOM_UTF32_BE + b"\x00\x11\x00\x00")
@example(b"a\x00b\x00c\x00")
@example(b"\x81\x8d\x8f\x90\x9d")
def test_decode_bytes_returns_text_or_a_load_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "fuzz.txt")
    except LoadError as exc:
        assert str(exc).startswith("fuzz.txt: ") and "\n" not in str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text
    text.encode("utf-8")  # no lone surrogates: the store can take it


clean_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from("\t\n\r\f"),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(clean_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decode_bytes_reads_every_unicode_encoding_back(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x") == text


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(
            min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=("Cc",)
        ),
        max_size=300,
    )
)
@example("\u00fe\u00ff0")  # a UTF-16 BOM by accident: skipped, not misread
def test_decode_bytes_reads_latin1(text: str) -> None:
    data = text.encode("latin-1")
    # "ÿþ"/"þÿ" at the very start are the UTF-16 byte-order marks: such a file is read as
    # UTF-16 (or refused as broken UTF-16), never as Latin-1.
    assume(not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)))
    got = decode_bytes(data, "x")
    try:
        assert got == data.decode("utf-8")  # plain ASCII, or Latin-1 that is also UTF-8
    except UnicodeDecodeError:
        # Windows-1252 where it defines a byte, Latin-1 for the five it leaves out.
        assert len(got) == len(data)
        for ch, byte in zip(got, data, strict=True):
            if byte < 0x80 or byte >= 0xA0:
                assert ch == chr(byte)


file_bytes = st.one_of(
    st.binary(max_size=2000),
    header_texts.map(lambda t: t.encode("utf-8")),
    st.tuples(header_texts, st.sampled_from(["utf-16", "utf-16-le", "cp1252", "utf-32"])).map(
        lambda te: te[0].encode(te[1], errors="replace")
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file_bytes, st.one_of(st.none(), header_texts.map(lambda t: t.encode("utf-8"))))
def test_load_text_file_returns_a_source_or_a_load_error(
    data: bytes, sidecar: bytes | None
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.txt"
        path.write_bytes(data)
        if sidecar is not None:
            (Path(tmp) / "fuzz.txt.meta").write_bytes(sidecar)
        try:
            source = load_text_file(path, LoadOptions())
        except LoadError as exc:
            message = str(exc)
            assert "fuzz.txt" in message and "\n" not in message
            return
    assert isinstance(source, Source)
    assert "\x00" not in source.text and "\r" not in source.text
    assert not is_blank(source.text)
    assert source.published_at is None or source.published_at.tzinfo is not None
    source.text.encode("utf-8")


def test_zero_width_only_text_is_blank() -> None:
    assert is_blank("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f \n\t")
    assert not is_blank("\u200bx")
    assert all(unicodedata.category(c) == "Cf" for c in "\u200b\u2060\ufeff")


dates = st.one_of(
    st.text(max_size=40),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
        datetime.isoformat
    ),
    st.sampled_from(
        ["now", "today", "tomorrow", "9999-12-31", "0001-01-01", "2025-02-29", "Sat, 15 Mar 2025"]
    ),
)


@settings(max_examples=150, deadline=None)
@given(dates)
def test_dates_read_or_refuse_in_one_line(value: str) -> None:
    for read in (parse_when, parse_published):
        try:
            when = read(value, what="published")
        except InputError as exc:
            assert str(exc).startswith("published: ") and "\n" not in str(exc)
            assert len(str(exc)) < 300
            continue
        assert when is None or when.tzinfo is not None


@settings(max_examples=100, deadline=None)
@given(header_texts)
def test_source_from_text_names_the_input(text: str) -> None:
    try:
        source = source_from_text(text, label="the-label")
    except LoadError as exc:
        assert str(exc).startswith("the-label: ")
        return
    assert source.text == parse_header(text.replace("\r\n", "\n").replace("\r", "\n"))[1]

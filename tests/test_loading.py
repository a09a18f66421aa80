"""Sources on disk: header blocks, front matter, sidecars, directories, clear errors."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import LoadError
from claimtrack.loading import LoadOptions, expand_paths, load_sources, load_text_file, parse_header
from claimtrack.plugins import get_plugin_manager

UTC = timezone.utc
SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4f9421fb867c1b8c.txt"


def test_header_block() -> None:
    meta, body = parse_header("title: A\npublished: 2025-03-15\n\nBody text.\n")
    assert meta == {"title": "A", "published": "2025-03-15"} and body == "Body text.\n"


def test_front_matter() -> None:
    meta, body = parse_header('---\ntitle: "Quoted: title"\npublisher: LBC\n---\n\nBody.')
    assert meta == {"title": "Quoted: title", "publisher": "LBC"} and body == "Body."


def test_a_first_line_with_a_colon_is_not_a_header() -> None:
    text = "Warning: the minister said the plan would fail.\n\nMore text."
    assert parse_header(text) == ({}, text)


def test_unknown_keys_end_the_header() -> None:
    text = "title: A\nmood: cheerful\n\nBody."
    assert parse_header(text) == ({}, text)


@given(st.text(max_size=300))
def test_body_is_a_suffix_of_the_text(text: str) -> None:
    meta, body = parse_header(text)
    assert text.endswith(body) or text.lstrip("\ufeff").endswith(body)
    if not meta:
        assert body in (text, text.lstrip("\ufeff"))


def test_seed_sidecar_is_read() -> None:
    source = load_text_file(SEED, LoadOptions())
    assert source.publisher == "LBC"
    assert source.published_at == datetime(2025, 3, 15, 12, tzinfo=UTC)
    assert source.text == SEED.read_text(encoding="utf-8")


def test_date_without_time_is_noon_utc(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("published: 2025-03-20\n\nText.\n")
    assert load_text_file(p, LoadOptions()).published_at == datetime(2025, 3, 20, 12, tzinfo=UTC)


def test_bad_published_date_names_the_file(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("published: the day after the storm\n\nText.\n")
    with pytest.raises(LoadError, match=r"a\.txt.*cannot read"):
        load_text_file(p, LoadOptions())


def test_binary_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    with pytest.raises(LoadError, match="binary"):
        load_text_file(p, LoadOptions())


def test_utf16_and_latin1_are_decoded(tmp_path: Path) -> None:
    a = tmp_path / "u16.txt"
    a.write_bytes("Café will open.".encode("utf-16"))
    b = tmp_path / "l1.txt"
    b.write_bytes("Café will open.".encode("latin-1"))
    assert load_text_file(a, LoadOptions()).text == "Café will open."
    assert load_text_file(b, LoadOptions()).text == "Café will open."


def test_directory_expands_skipping_meta_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "a.txt.meta").write_text("title: A")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("c")
    names = [Path(p).name for p in expand_paths(str(tmp_path))]
    assert names == ["a.txt", "b.txt", "c.md"]


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    with pytest.raises(LoadError, match="no such file or directory"):
        load_sources(pm, str(tmp_path / "gone.txt"), LoadOptions())


def test_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("x" * 2000)
    with pytest.raises(LoadError, match="more than the limit"):
        load_text_file(p, LoadOptions(max_bytes=1000))

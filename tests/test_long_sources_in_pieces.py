"""Long sources are extracted a piece at a time: the pieces tile the text, claims come
back as claims of the whole source, and memory per input byte does not grow."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import Claim, ClaimKind, Source
from claimtrack.chunks import chunk_spans, extract_in_pieces
from claimtrack.extraction import run_extractors
from claimtrack.testing import make_plugin_manager

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import worst_cases


@given(
    st.text(alphabet=st.sampled_from(list("ab .,;\n")), max_size=3000),
    st.integers(min_value=20, max_value=400),
    st.integers(min_value=10, max_value=200),
)
def test_pieces_tile_the_text_within_the_limit(text: str, limit: int, long_para: int) -> None:
    spans = chunk_spans(text, limit, long_para)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(0 < b - a <= limit for a, b in spans)
    if len(text) > limit:  # no piece of an over-long paragraph outgrows the paragraph limit
        assert all(b - a <= max(long_para, limit) for a, b in spans)


def test_a_short_text_is_one_piece() -> None:
    text = "The council will act.\n\nIt said so."
    assert chunk_spans(text) == [(0, len(text))]


def _sentence_claims(source: Source) -> Iterator[Claim]:
    at = 0
    for part in source.text.split("."):
        text = part.strip()
        if text:
            start = source.text.index(text, at)
            yield Claim.build(
                source_id=source.id,
                span=(start, start + len(text)),
                speaker=None,
                kind=ClaimKind.STATEMENT,
                text=text,
            )
            at = start + len(text)


def test_claims_of_the_pieces_are_claims_of_the_whole_source() -> None:
    text = "".join(f"The council will act on item {i}.\n\n" for i in range(400))
    source = Source.from_text(text)
    pieces = list(extract_in_pieces(source, lambda s: _sentence_claims(s), limit=1000))
    whole = list(_sentence_claims(source))
    assert [(c.id, c.span, c.text) for c in pieces] == [(c.id, c.span, c.text) for c in whole]
    for claim in pieces:
        claim.check_against(source)


class SentenceExtractor:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        return _sentence_claims(source)


def test_the_built_in_extractor_gives_valid_claims_on_a_long_source() -> None:
    paragraph = "The mayor said the council will reopen the depot by May.\n\n"
    source = Source.from_text(paragraph * 3000)  # 177,000 characters: two pieces
    assert len(chunk_spans(source.text)) == 2
    result = run_extractors(make_plugin_manager(), source, timeout=None)
    assert not result.errors
    assert len(result.claims) >= 2900
    assert len({c.id for c in result.claims}) == len(result.claims)


def _bytes_per_byte(text: str) -> float:
    tracemalloc.start()
    try:
        claimtrack.extract(text, published=worst_cases.REFERENCE, plugin_timeout=None)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode("utf-8"))


@pytest.mark.slow
def test_memory_per_input_byte_does_not_grow() -> None:
    # One long line with no full stop: the case where every sentence was the whole text.
    # benchmarks/worst_cases.py --memory prints the figure for every case.
    build = worst_cases.CASES["megabyte_line"]
    small = _bytes_per_byte(build(64 * 1024))
    large = _bytes_per_byte(build(256 * 1024))
    assert large <= small * 1.25, (small, large)

"""Invariants of the English extractor on any text."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import ExtractContext, Source
from claimtrack.english import extract_claims
from claimtrack.english.text import scan_quotes, split_sentences

PUBLISHED = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)
PIECES = [
    "Sir Keir Starmer",
    "said",
    "told",
    "he",
    "We will",
    "must",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "Mr.",
    "U.S.",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "if",
    "in the event of",
    "should the",
    "set to",
    "according to",
    "Putin",
    "the Prime Minister",
    ":",
    "…",
    "...",
    "on Thursday",
    "next week",
    "let the",
    "urged",
    "saying that",
    "claims that",
    "Q:",
    "Mayor Ann Lee:",
    "and",
    "will not",
]
texty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map(
    " ".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texty, st.text(max_size=400)))
def test_no_exception_and_exact_spans(text: str) -> None:
    source = Source.from_text(text, published_at=PUBLISHED)
    for claim in extract_claims(source, ExtractContext(reference=PUBLISHED)):
        assert source.text[claim.span[0] : claim.span[1]] == claim.text
        assert claim.text.strip()
        assert 0.0 <= claim.confidence <= 1.0


@settings(max_examples=200, deadline=None)
@given(texty)
def test_sentences_and_quotes_stay_inside(text: str) -> None:
    for a, b in split_sentences(text, 0, len(text)):
        assert 0 <= a < b <= len(text)
    for seg in scan_quotes(text, 0, len(text)):
        assert 0 <= seg.open <= seg.inner_start <= seg.inner_end <= seg.end <= len(text)


def test_no_source_time_keeps_due_text() -> None:
    source = Source.from_text('"We will meet next week," said Ann Lee.')
    claims = list(extract_claims(source, ExtractContext(reference=None)))
    assert claims and claims[0].due is not None and claims[0].due.start is None


def test_other_languages_yield_nothing() -> None:
    source = Source.from_text("Le ministre a dit qu'il viendrait.", language="fr")
    assert list(extract_claims(source, ExtractContext())) == []


def test_plugin_is_registered() -> None:
    from claimtrack.plugins import get_plugin_manager

    pm = get_plugin_manager(load_entrypoints=False)
    names = [pm.get_name(p) for p in pm.get_plugins()]
    assert "claimtrack.default_plugins.english_extractor" in names

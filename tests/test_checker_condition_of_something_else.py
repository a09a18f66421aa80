"""A promise's condition met for something else is not met for the promise: "the
licence" a ferry route waits on is not "a licence for a fish farm"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from claimtrack import Actor, Claim, Source, Verdict
from claimtrack.checking import check_commitment
from claimtrack.checking.identity import meant_for_another
from claimtrack.checking.text import stem, tokens
from claimtrack.store import SQLiteStore

UTC = timezone.utc
SAID = datetime(2025, 4, 7, 9, tzinfo=UTC)
LATER = datetime(2025, 6, 1, tzinfo=UTC)
OPERATOR = Actor.named("the ferry operator", "organisation")
PROMISE = "The ferry operator will open a route to Skerra if the regulator grants the licence."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """An empty store."""
    with SQLiteStore(tmp_path / "conditions.db") as s:
        yield s


def _verdicts(store: SQLiteStore, report_text: str) -> set[Verdict]:
    source = Source.from_text(PROMISE, published_at=SAID, title="Ferry", publisher="Test Wire")
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(PROMISE)),
        speaker=Actor.named("Test Wire", "organisation"),
        kind="commitment",
        text=PROMISE,
        sentence=PROMISE,
        asserted_at=SAID,
        actor=OPERATOR,
        action="open a route to Skerra",
        condition="if the regulator grants the licence",
    )
    store.add_source(source, [claim])
    later = Source.from_text(
        report_text, published_at=datetime(2025, 5, 2, tzinfo=UTC), uri="https://example.org/r"
    )
    store.add_source(later, [])
    return {e.verdict for e in check_commitment(claim, store, LATER)}


def test_the_condition_met_for_the_promise(store: SQLiteStore) -> None:
    assert Verdict.CONDITION_MET in _verdicts(store, "The regulator granted the licence on Monday.")


@pytest.mark.parametrize(
    "report_text",
    [
        "The regulator granted a licence for a fish farm near Dunvar on Monday.",
        "A licence for an oyster hatchery was granted by the regulator on Monday.",
    ],
)
def test_the_condition_met_for_something_else_is_not_met(
    store: SQLiteStore, report_text: str
) -> None:
    assert Verdict.CONDITION_MET not in _verdicts(store, report_text)


def _own() -> frozenset[str]:
    return frozenset(stem(w) for w in ["ferry", "route", "skerra", "operator"])


@pytest.mark.parametrize(
    ("sentence", "another"),
    [
        ("The regulator granted a licence for a fish farm.", True),
        ("The regulator granted the licence for a new ferry route.", False),
        ("The regulator granted the licence for the route.", False),
        ("The regulator granted the licence for two years.", False),
        ("The regulator granted the licence on Monday.", False),
    ],
)
def test_only_an_indefinite_object_of_for_brings_in_something_else(
    sentence: str, another: bool
) -> None:
    toks = tokens(sentence)
    assert meant_for_another(toks, frozenset([stem("licence")]), _own()) is another

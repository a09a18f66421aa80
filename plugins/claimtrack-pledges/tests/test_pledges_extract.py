"""The pledges extractor, run the way claimtrack runs it (claimtrack.testing)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from claimtrack import ExtractContext, Source, TimeWindow
from claimtrack.testing import make_source, run_extractor

import claimtrack_pledges

DATA = Path(__file__).parent / "data"
PUBLISHED = datetime(2025, 3, 14, 10, tzinfo=timezone.utc)


def release() -> Source:
    text = (DATA / "press-release.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    return make_source(text, published=PUBLISHED, publisher="Northfield Water")


def test_each_pledge_is_a_commitment_of_the_publisher() -> None:
    result = run_extractor(claimtrack_pledges, release())
    assert result.errors == []
    assert [c.text for c in result.claims] == [
        "We pledge to replace 40 km of lead pipes by the end of 2026",
        "We are committed to keeping bills below inflation, provided that the regulator approves the plan",
        "Our board also vowed to publish leakage figures every month",
    ]
    for claim in result.claims:
        assert claim.kind.value == "commitment"
        assert claim.speaker is not None and claim.speaker.name == "Northfield Water"
        assert claim.actor == claim.speaker
        assert claim.asserted_at == PUBLISHED
        assert claim.extractor == "claimtrack_pledges"
    assert [c.cue for c in result.claims] == ["pledge", "committed", "vowed"]


def test_condition_is_split_off_the_action() -> None:
    claim = run_extractor(claimtrack_pledges, release()).claims[1]
    assert claim.action == "keeping bills below inflation"
    assert claim.condition == "the regulator approves the plan"


def test_spans_index_the_source_text() -> None:
    source = release()
    for claim in run_extractor(claimtrack_pledges, source).claims:
        assert source.text[claim.span[0] : claim.span[1]] == claim.text


def test_due_window_comes_from_context_find_windows() -> None:
    window = TimeWindow(
        start=datetime(2026, 10, 1, tzinfo=timezone.utc),
        end=datetime(2027, 1, 1, tzinfo=timezone.utc),
        grain="quarter",
        text="the end of 2026",
    )

    class FixedWindows(ExtractContext):
        # Stands in for claimtrack's time resolver: one phrase, one known window.
        def find_windows(
            self, sentence: str, *, tense: str | None = None
        ) -> list[tuple[tuple[int, int], TimeWindow]]:
            at = sentence.find("the end of 2026")
            return [] if at < 0 else [((at, at + len("the end of 2026")), window)]

    source = release()
    result = run_extractor(
        claimtrack_pledges, source, context=FixedWindows(reference=source.published_at)
    )
    first = result.claims[0]
    assert first.due == window
    assert first.action == "replace 40 km of lead pipes"
    assert first.confidences["due"] == 0.8
    assert result.claims[2].due is None


def test_real_time_resolver_never_breaks_the_claim() -> None:
    # Whatever claimtrack's resolver finds, a pledge due "by the end of 2026" is never
    # due before it was made.
    first = run_extractor(claimtrack_pledges, release()).claims[0]
    if first.due is not None and first.due.start is not None:
        assert first.due.start >= datetime(2025, 1, 1, tzinfo=timezone.utc)


def test_no_publisher_no_claims() -> None:
    source = make_source("We pledge to answer every letter.", published=PUBLISHED)
    assert run_extractor(claimtrack_pledges, source).claims == []


def test_other_sentences_are_left_alone() -> None:
    source = make_source(
        "The council said it would review parking. Residents pledged nothing.",
        publisher="Town Hall",
    )
    assert run_extractor(claimtrack_pledges, source).claims == []


def test_runs_beside_the_builtin_extractor() -> None:
    result = run_extractor(claimtrack_pledges, release(), builtins=True)
    assert result.errors == []
    assert any(c.extractor == "claimtrack_pledges" for c in result.claims)

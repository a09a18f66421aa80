"""Reading ClaimReview in: another fact-checker's reviews become claims with their
speaker, appearance and date, and the rating a verdict recorded by the reviewer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import claimtrack
import pytest
from claimtrack import ClaimKind, LoadError, LoadOptions, RecorderKind, Status, Verdict
from claimtrack.testing import invoke_cli, make_plugin_manager

import claimtrack_claimreview
from claimtrack_claimreview import reviewed_from, verdict_of_label

DATA = Path(__file__).parent / "data"
REVIEWS = DATA / "harbour-reviews.json"
PAGE = DATA / "review-page.html"


@pytest.fixture
def pm() -> claimtrack.plugins.ClaimtrackPluginManager:
    return make_plugin_manager(claimtrack_claimreview)


def test_a_reviews_file_adds_claims_speakers_and_verdicts(tmp_path: Path, pm: Any) -> None:
    db = tmp_path / "t.db"
    result = invoke_cli("add", str(REVIEWS), plugin_manager=pm, db=db)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith(
        "3 claim(s) extracted into " + str(db) + "; 2 verdict(s) imported"
    )
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        rows = {
            r.claim.text: r for r in tracker.status(as_of="2025-06-01", kind=None, history=True)
        }
        depot = rows["We will reopen the Station Road depot this week"]
        assert depot.claim.kind is ClaimKind.COMMITMENT and depot.status is Status.KEPT
        assert depot.claim.speaker is not None and depot.claim.speaker.name == "Ana Ruiz"
        assert (
            depot.claim.asserted_at is not None
            and depot.claim.asserted_at.date().isoformat() == "2025-03-03"
        )
        assert depot.source is not None
        assert depot.source.uri == "https://gazette.example/news/spring-works"
        assert depot.source.publisher == "Riverside Gazette"
        (ev,) = depot.evidence
        assert ev.recorded_by == "Harbour Fact Check" and ev.recorder is RecorderKind.IMPORTED
        assert ev.known_at.date().isoformat() == "2025-03-08"
        assert ev.uri == "https://factcheck.example/claims/depot"
        assert ev.note == "The depot reopened on Friday"
        ferry = rows["The ferry service will run every hour from April"]
        assert ferry.status is Status.BROKEN
        assert ferry.claim.speaker is not None and ferry.claim.speaker.kind.value == "organisation"
        fares = rows["Bus fares have halved since January"]
        assert fares.claim.kind is ClaimKind.STATEMENT and fares.status is None
        meta = tracker.store.get_source(fares.claim.source_id).meta
        assert meta["rating"] == "False" and meta["reviewer"] == "Harbour Fact Check"
    again = invoke_cli("add", str(REVIEWS), plugin_manager=pm, db=db)
    assert "3 unchanged" in again.stdout and "imported" not in again.stdout


def test_a_page_that_embeds_a_review_is_read_for_it(tmp_path: Path, pm: Any) -> None:
    db = tmp_path / "t.db"
    result = invoke_cli("add", str(PAGE), plugin_manager=pm, db=db)
    assert result.exit_code == 0, result.output
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        (row,) = tracker.status(as_of="2025-04-10")
        assert row.claim.text == "The harbour board will dredge the channel by the end of March"
        assert row.progress is claimtrack.Progress.IN_PROGRESS


def test_a_page_without_a_review_is_left_to_the_other_loaders(tmp_path: Path) -> None:
    page = tmp_path / "plain.html"
    page.write_text("<html><body><p>Nothing reviewed here.</p></body></html>", encoding="utf-8")
    assert claimtrack_claimreview.claimtrack_load_reviewed(str(page), LoadOptions()) is None
    notes = tmp_path / "notes.json"
    notes.write_text('{"@type": "NewsArticle", "headline": "ClaimReview of nothing"}')
    assert claimtrack_claimreview.claimtrack_load_reviewed(str(notes), LoadOptions()) is None
    assert (
        claimtrack_claimreview.claimtrack_load_reviewed(str(tmp_path / "a.txt"), LoadOptions())
        is None
    )


def test_broken_json_is_named(tmp_path: Path, pm: Any) -> None:
    bad = tmp_path / "reviews.json"
    bad.write_text('{"@type": "ClaimReview", "claimReviewed": ', encoding="utf-8")
    result = invoke_cli("add", str(bad), plugin_manager=pm, db=tmp_path / "t.db")
    assert result.exit_code == 1
    assert f"{bad}: is not valid JSON" in result.stderr and "Traceback" not in result.output


def test_deep_nesting_is_refused_in_linear_time(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + '"ClaimReview"' + "]" * 100_000)
    with pytest.raises(LoadError, match=r"nested deeper|not valid JSON"):
        claimtrack_claimreview.claimtrack_load_reviewed(str(deep), LoadOptions())


def test_a_review_without_claim_text_is_named_and_the_others_kept(tmp_path: Path, pm: Any) -> None:
    doc = json.loads(REVIEWS.read_text())
    del doc["@graph"][1]["claimReviewed"]
    path = tmp_path / "reviews.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = invoke_cli("add", str(path), plugin_manager=pm, db=tmp_path / "t.db")
    assert result.exit_code == 0 and "2 source(s) added" in result.stdout
    assert f"{path} (review 2): a ClaimReview without claimReviewed" in result.stderr


def test_an_implausible_date_is_named() -> None:
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "x will happen",
        "datePublished": "1066-10-14",
    }
    with pytest.raises(LoadError, match=r"reviews\.json"):
        reviewed_from(review, "reviews.json")


@pytest.mark.parametrize(
    ("label", "verdict"),
    [
        ("Promise Kept", Verdict.KEPT),
        ("promise  broken", Verdict.BROKEN),
        ("Compromise", Verdict.PARTIALLY_KEPT),
        ("In the Works", Verdict.IN_PROGRESS),
        ("Stalled", Verdict.STALLED),
        ("partially kept", Verdict.PARTIALLY_KEPT),
        ("withdrawn", Verdict.WITHDRAWN),
        ("False", None),
        ("Not Yet Rated", None),
        (None, None),
    ],
)
def test_ratings_as_verdicts(label: str | None, verdict: Verdict | None) -> None:
    assert verdict_of_label(label) == verdict


def test_a_round_trip_keeps_every_promise_and_verdict(tmp_path: Path, pm: Any) -> None:
    article = tmp_path / "works.txt"
    article.write_text(
        "published: 2025-03-03T09:00:00+00:00\npublisher: Riverside Gazette\n\n"
        + claimtrack.testing.SAMPLE_TEXT,
        encoding="utf-8",
    )
    first = tmp_path / "first.db"
    invoke_cli("add", str(article), plugin_manager=pm, db=first)
    verdicts = ["kept", "withdrawn", "partially_kept", "annulled"]
    with claimtrack.Tracker(first, plugin_manager=pm) as tracker:
        rows = tracker.status(as_of="2025-03-10")
        assert len(rows) >= len(verdicts)
        for row, verdict in zip(rows[: len(verdicts)], verdicts, strict=True):
            tracker.resolve(row.claim.id, verdict, known="2025-03-09", by="desk")
    out = tmp_path / "reviews.jsonld"
    exported = invoke_cli("export", "--format", "claimreview", "-O", "reviewer=Riverside Checks",
                          "-o", str(out), plugin_manager=pm, db=first)  # fmt: skip
    assert exported.stderr.strip() == f"Wrote {len(verdicts)} claimreview review(s) to {out}"
    second = tmp_path / "second.db"
    invoke_cli("add", str(out), plugin_manager=pm, db=second)

    def settled(db: Path) -> set[tuple[str, str]]:
        with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
            return {
                (r.claim.text, r.status.value)
                for r in tracker.status(as_of="2025-03-10")
                if r.status is not None and r.status.is_final
            }

    assert len(settled(first)) == len(verdicts)
    assert settled(second) == settled(first)

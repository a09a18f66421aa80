"""The claimreview exporter: ClaimReview JSON-LD for commitments with a final verdict."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from claimtrack import Actor, Progress, Standing, Status
from claimtrack.testing import (
    export_text,
    invoke_cli,
    make_claim,
    make_evidence,
    make_plugin_manager,
    make_source,
    make_standing,
)

import claimtrack_claimreview
from claimtrack_claimreview import promise_label

AS_OF = datetime(2025, 3, 20, 12, tzinfo=timezone.utc)


def reviews(standings: Sequence[Standing]) -> dict[str, dict[str, Any]]:
    text = export_text("claimreview", standings, as_of=AS_OF, plugins=[claimtrack_claimreview])
    doc = json.loads(text)
    assert doc["@context"] == "https://schema.org"
    return {
        r["itemReviewed"]["author"]["name"] + ": " + r["claimReviewed"]: r for r in doc["@graph"]
    }


def test_only_final_verdicts_are_reviewed(sample_standings: Sequence[Standing]) -> None:
    found = reviews(sample_standings)
    labels = sorted(r["reviewRating"]["alternateName"] for r in found.values())
    assert labels == ["Compromise", "Promise Broken", "Promise Kept"]


def test_review_fields(sample_standings: Sequence[Standing]) -> None:
    found = reviews(sample_standings)
    kept = found["Ana Ruiz: We will reopen the Station Road depot this week"]
    assert kept["@type"] == "ClaimReview"
    assert kept["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Promise Kept",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "Reopened on Friday",
    }
    item = kept["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ana Ruiz"}
    assert item["datePublished"] == "2025-03-03"
    assert item["appearance"] == [
        {
            "@type": "CreativeWork",
            "url": "https://gazette.example/news/spring-works",
            "headline": "Council sets out spring works",
            "publisher": {"@type": "Organization", "name": "Riverside Gazette"},
        }
    ]
    assert kept["datePublished"] == "2025-03-07"
    assert kept["author"] == {"@type": "Person", "name": "tester"}
    assert kept["citation"] == "https://gazette.example/news/depot-reopens"
    meetings = found["The council: The council said it would hold two public meetings in March"]
    # recorded by a checker plugin, not a person
    assert meetings["author"] == {"@type": "Organization", "name": "checker-bot"}


@pytest.mark.parametrize(
    ("status", "progress", "label"),
    [
        (Status.KEPT, None, "Promise Kept"),
        (Status.PARTIALLY_KEPT, None, "Compromise"),
        (Status.BROKEN, None, "Promise Broken"),
        (Status.WITHDRAWN, None, "Promise Broken"),
        (Status.UNVERIFIABLE, None, "Not Yet Rated"),
        (Status.ANNULLED, None, "Not Yet Rated"),
        (Status.OPEN, None, "Not Yet Rated"),
        (Status.OVERDUE, None, "Not Yet Rated"),
        (Status.DUE, Progress.IN_PROGRESS, "In the Works"),
        (Status.OVERDUE, Progress.STALLED, "Stalled"),
        (Status.CONDITIONAL, None, "Not Yet Rated"),
        (None, None, "Not Yet Rated"),
    ],
)
def test_promise_labels(status: Status | None, progress: Progress | None, label: str) -> None:
    assert promise_label(status, progress) == label


def test_every_status_has_a_label() -> None:
    assert set(claimtrack_claimreview.STATUS_LABELS) == set(Status)
    assert set(claimtrack_claimreview.PROGRESS_LABELS) == set(Progress)


def test_withdrawn_and_organisation_speaker() -> None:
    source = make_source(
        "The ministry pledged to publish the report. It later withdrew the pledge.",
        published="2025-01-10",
        uri="https://news.example/report",
    )
    ministry = Actor.named("Ministry of Works", kind="organisation")
    claim = make_claim(source, "The ministry pledged to publish the report", speaker=ministry)
    row = make_standing(
        claim, source, evidence=[make_evidence(claim, "withdrawn", known="2025-02-01")], as_of=AS_OF
    )
    (review,) = reviews([row]).values()
    assert review["reviewRating"]["alternateName"] == "Promise Broken"
    assert review["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "Ministry of Works",
    }


def test_nothing_settled_is_an_empty_graph() -> None:
    text = export_text("claimreview", [], as_of=AS_OF, plugins=[claimtrack_claimreview])
    assert json.loads(text) == {"@context": "https://schema.org", "@graph": []}


def test_claimtrack_export_format_claimreview(tmp_path: Path) -> None:
    # The exporter is reachable by name through the CLI (an empty ledger here).
    pm = make_plugin_manager(claimtrack_claimreview, extractor=False)
    db = tmp_path / "ledger.db"
    result = invoke_cli("export", "--format", "claimreview", plugin_manager=pm, db=db)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["@graph"] == []


def test_installed_entry_point_is_listed() -> None:
    result = invoke_cli(
        "plugins", "--format", "json", env={"CLAIMTRACK_LOAD_PLUGINS": "claimreview"}
    )
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["claimreview"]["version"] == claimtrack_claimreview.__version__
    assert info["claimreview"]["hooks"] == ["claimtrack_register_exporters"]

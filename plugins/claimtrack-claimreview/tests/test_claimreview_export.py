"""The claimreview exporter: ClaimReview JSON-LD for commitments with a final verdict."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import claimtrack
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


def reviews(standings: Sequence[Standing], **options: str) -> dict[str, dict[str, Any]]:
    text = export_text(
        "claimreview",
        standings,
        as_of=AS_OF,
        plugins=[claimtrack_claimreview],
        options=options,
    )
    doc = json.loads(text)
    assert doc["@context"] == "https://schema.org"
    return {
        r["itemReviewed"]["author"]["name"] + ": " + r["claimReviewed"]: r for r in doc["@graph"]
    }


def test_only_final_verdicts_are_reviewed(sample_standings: Sequence[Standing]) -> None:
    found = reviews(sample_standings, include_machine="true")
    labels = sorted(r["reviewRating"]["alternateName"] for r in found.values())
    assert labels == ["Compromise", "Promise Broken", "Promise Kept"]


def test_by_default_only_a_persons_verdicts_are_reviewed(
    sample_standings: Sequence[Standing],
) -> None:
    people = [s for s in sample_standings if s.decided_by is not None and s.decided_by.by_person]
    machine = [
        s for s in sample_standings if s.decided_by is not None and not s.decided_by.by_person
    ]
    assert people and machine  # the sample has both
    found = reviews(sample_standings)
    assert {r["identifier"] for r in found.values()} <= {s.claim.id for s in people}
    assert not {r["identifier"] for r in found.values()} & {s.claim.id for s in machine}
    marked = [
        r for r in reviews(sample_standings, include_machine="yes").values() if "description" in r
    ]
    assert marked and all("automatic checker" in r["description"] for r in marked)
    assert {r["identifier"] for r in marked} == {
        s.claim.id for s in machine if s.status is not None and s.status.is_final
    }


def test_reviewer_and_url_template_make_author_and_url(
    sample_standings: Sequence[Standing],
) -> None:
    found = reviews(
        sample_standings,
        reviewer="Harbour Fact Check",
        reviewer_url="https://factcheck.example/",
        url_template="https://factcheck.example/claims/{short_id}",
    )
    assert found
    for review in found.values():
        assert review["author"] == {
            "@type": "Organization",
            "name": "Harbour Fact Check",
            "url": "https://factcheck.example/",
        }
        assert review["url"] == f"https://factcheck.example/claims/{review['identifier'][:8]}"


def test_without_a_reviewer_no_login_name_is_published(
    sample_standings: Sequence[Standing],
) -> None:
    # The sample's verdicts were recorded by "tester": that name is not an author.
    for review in reviews(sample_standings, include_machine="true").values():
        assert "author" not in review
        assert "tester" not in json.dumps(review)


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("reviewer_url", "ftp://factcheck.example/", "not an http(s) URL"),
        ("url_template", "https://factcheck.example/claims/", "no placeholder"),
        ("url_template", "https://factcheck.example/{slug}", "uses {slug}"),
        ("include_machine", "perhaps", "not true or false"),
    ],
)
def test_a_bad_option_value_is_refused_naming_it(
    sample_standings: Sequence[Standing], option: str, value: str, says: str
) -> None:
    with pytest.raises(claimtrack.InputError) as err:
        reviews(sample_standings, **{option: value})
    assert "'claimreview'" in str(err.value) and option in str(err.value)
    assert says in str(err.value)


def test_review_fields(sample_standings: Sequence[Standing]) -> None:
    found = reviews(sample_standings, include_machine="true")
    kept = found["Ana Ruiz: We will reopen the Station Road depot this week"]
    assert kept["@type"] == "ClaimReview"
    assert kept["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Promise Kept",
        "name": "kept",
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
            "datePublished": "2025-03-03T09:00:00+00:00",
            "publisher": {"@type": "Organization", "name": "Riverside Gazette"},
        }
    ]
    assert item["firstAppearance"] == item["appearance"][0]
    assert kept["datePublished"] == "2025-03-07"
    assert "description" not in kept  # a person's verdict
    assert kept["citation"] == "https://gazette.example/news/depot-reopens"
    meetings = found["The council: The council said it would hold two public meetings in March"]
    # recorded by a checker plugin, not a person, and says so
    assert "checker-bot" in meetings["description"]


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
    (review,) = reviews([row]).values()  # make_evidence: a person's verdict
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
    claimtrack.Tracker(db, plugin_manager=pm).close()
    result = invoke_cli("export", "--format", "claimreview", plugin_manager=pm, db=db)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["@graph"] == []


def test_installed_entry_point_is_listed() -> None:
    result = invoke_cli(
        "plugins", "--format", "json", env={"CLAIMTRACK_LOAD_PLUGINS": "claimreview"}
    )
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["claimreview"]["version"] == claimtrack_claimreview.__version__
    assert sorted(info["claimreview"]["hooks"]) == [
        "claimtrack_load_reviewed",
        "claimtrack_register_exporters",
    ]

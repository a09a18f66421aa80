"""Sources that come with their claims and verdicts (``claimtrack_load_reviewed``): the
host checks every item as it checks a loader's sources and an extractor's claims, keeps
the good items beside a bad one, and records the verdicts as suggestions that a
person's own verdict outranks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest

import claimtrack
from claimtrack import (
    Claim,
    ClaimKind,
    Evidence,
    LoadError,
    LoadOptions,
    PluginError,
    RecorderKind,
    Reviewed,
    Source,
)
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.reviews import finish_reviewed

KNOWN = datetime(2025, 3, 20, 12, tzinfo=timezone.utc)


def reviewed(text: str = "will reopen the depot", verdict: str = "kept", **source: Any) -> Reviewed:
    src = Source.from_text(text, uri="https://gazette.example/depot", **source)
    claim = Claim.build(
        source_id=src.id, span=(0, len(text)), speaker=None, kind=ClaimKind.COMMITMENT, text=text
    )
    ev = Evidence(
        claim_id=claim.id,
        verdict=verdict,
        known_at=KNOWN,
        recorded_at=KNOWN,
        recorded_by="Harbour Fact Check",
        recorder="person",  # what a careless plugin says; the host decides
    )
    return Reviewed(source=src, claims=[claim], evidence=[ev])


class Hands:
    """A loader of ``*.rev`` files that hands over whatever ``make`` returns."""

    def __init__(self, make: Callable[[], list[Any]]) -> None:
        self.make = make

    @claimtrack.hookimpl
    def claimtrack_load_reviewed(self, uri: str) -> list[Any] | None:
        return self.make() if uri.endswith(".rev") else None


def add(tmp_path: Path, pm: ClaimtrackPluginManager, make: Callable[[], list[Any]]) -> Any:
    pm.register(Hands(make), name="hands")
    path = tmp_path / "in.rev"
    path.write_text("-", encoding="utf-8")
    tracker = claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm)
    return tracker, tracker.add(path)


def test_verdicts_are_recorded_as_imported_once(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    tracker, report = add(tmp_path, will_pm, lambda: [reviewed()])
    with tracker:
        assert report.added == 1 and report.claims == 1 and not report.errors
        (ev,) = report.evidence
        assert ev.recorder is RecorderKind.IMPORTED and ev.recorded_by == "Harbour Fact Check"
        (row,) = tracker.status(as_of="2025-03-25")
        assert row.status is claimtrack.Status.KEPT
        # A person's verdict outranks the imported one.
        tracker.resolve(row.claim.id, "broken", known="2025-03-22", note="closed again")
        (row,) = tracker.status(as_of="2025-03-25")
        assert row.status is claimtrack.Status.BROKEN
        again = tracker.add(tmp_path / "in.rev")
        assert again.unchanged == 1 and again.evidence == []


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        (lambda: "not a review", "returned str, not Reviewed"),
        (
            lambda: attrs.evolve(
                reviewed(),
                claims=[attrs.evolve(reviewed().claims[0], text="will remove the depot")],
            ),
            "invalid claim",
        ),
        (
            lambda: attrs.evolve(
                reviewed(), evidence=[attrs.evolve(reviewed().evidence[0], claim_id="f" * 16)]
            ),
            "not one of its claims",
        ),
        (lambda: attrs.evolve(reviewed(), evidence=["kept"]), "not Evidence"),
        (lambda: reviewed(text="will reopen \x1b[2Jthe depot"), "control characters"),
    ],
)
def test_a_bad_item_is_named_and_the_good_ones_kept(
    tmp_path: Path, will_pm: ClaimtrackPluginManager, bad: Callable[[], Any], says: str
) -> None:
    good = reviewed("will repaint the bus shelter")
    tracker, report = add(tmp_path, will_pm, lambda: [good, bad()])
    with tracker:
        assert report.added == 1 and len(report.evidence) == 1
        (error,) = report.errors
        assert isinstance(error, PluginError) and error.plugin == "hands"
        assert "(item 2)" in str(error) and says in str(error)


def test_a_load_error_in_place_of_an_item_is_reported(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    tracker, report = add(
        tmp_path, will_pm, lambda: [LoadError("in.rev (review 1)", "no claim text"), reviewed()]
    )
    with tracker:
        assert report.added == 1
        assert [str(e) for e in report.errors] == ["in.rev (review 1): no claim text"]


def test_a_loader_that_raises_is_named(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> None:
    def boom() -> list[Any]:
        raise RuntimeError("disk on fire")

    tracker, report = add(tmp_path, will_pm, boom)
    with tracker:
        (error,) = report.errors
        assert isinstance(error, PluginError) and error.plugin == "hands"
        assert "disk on fire" in str(error) and tracker.store.count("sources") == 0


def test_when_finishing_renames_the_source_its_claims_and_evidence_follow() -> None:
    # A plugin that built its source by hand with a made-up id.
    item = reviewed()
    odd = attrs.evolve(item.source, id="made-up")
    claim = attrs.evolve(item.claims[0], source_id="made-up")
    ev = attrs.evolve(item.evidence[0], claim_id=claim.id)
    done = finish_reviewed(
        Reviewed(source=odd, claims=[claim], evidence=[ev]),
        LoadOptions(),
        label="in.rev",
        plugin="hands",
    )
    assert done.source.id == item.source.identity
    (c,) = done.claims
    assert c.source_id == done.source.id and c.extractor == "hands"
    assert done.evidence[0].claim_id == c.id


def test_ordinary_loaders_still_read_what_no_review_loader_takes(
    tmp_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    will_pm.register(Hands(lambda: [reviewed()]), name="hands")
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        report = tracker.add(article)
        assert report.added == 1 and report.claims == 4 and report.evidence == []


def test_rederiving_leaves_a_reviews_claims_as_they_came(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    # WillExtractor would make a claim of the review's "will" sentence: it is not asked.
    tracker, report = add(tmp_path, will_pm, lambda: [reviewed("The board will dredge.")])
    with tracker:
        (source,) = report.sources
        assert source.meta["reviewed_by"] == "hands"
        before = tracker.store.claims_of(source.id)
        again = tracker.rederive()
        assert again.claims == 0 and tracker.store.claims_of(source.id) == before
        assert [c.extractor for c in before] == ["hands"]

"""A check reads the reports once per run, however many promises it checks; a name is
found as itself or a related form ("Russia", "Russian"), never as another name that
only begins alike ("Austria", "Australia")."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Actor, Claim, Source, TimeWindow, Tracker
from claimtrack.checking import reports
from claimtrack.checking.reports import related

UTC = timezone.utc
SAID = datetime(2025, 1, 6, 12, tzinfo=UTC)
BY_JUNE = TimeWindow(
    start=SAID, end=datetime(2025, 7, 1, tzinfo=UTC), grain="month", text="by June"
)
TOWNS = ["Ashvale", "Brindle", "Corran", "Dunmore", "Elstow", "Fairholt"]


def _promise(town: str) -> tuple[Source, list[Claim]]:
    text = f"The council of {town} will open a swimming pool by June, its mayor said."
    source = Source.from_text(text, title=f"{town} plans", published_at=SAID)
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(text)),
        speaker=Actor.named(f"mayor of {town}"),
        kind="commitment",
        text=text,
        sentence=text,
        asserted_at=SAID,
        actor=Actor.named(f"council of {town}"),
        action="open a swimming pool",
        due=BY_JUNE,
    )
    return source, [claim]


def test_one_check_reads_the_reports_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[int] = []
    real = reports.ReportIndex.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[reports.ReportIndex], *args: object) -> reports.ReportIndex:
        builds.append(1)
        return real(cls, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(reports.ReportIndex, "build", classmethod(counting))
    with Tracker(tmp_path / "towns.db") as tracker:
        for town in TOWNS:
            tracker.store.add_source(*_promise(town))
        for k, town in enumerate(TOWNS[:3]):
            text = f"The council of {town} opened the swimming pool on Monday."
            when = SAID + timedelta(days=30 + k)
            tracker.store.add_source(Source.from_text(text, title=town, published_at=when), [])
        report = tracker.check("2025-03-31")
        assert report.checked == len(TOWNS)
        assert len(builds) == 1
        kept = [ln for ln in tracker.status_lines("2025-03-31") if ln.status.value == "kept"]
        assert len(kept) == 3  # each report kept its own town's promise, no other


def test_a_name_that_only_begins_alike_is_another_name(tmp_path: Path) -> None:
    with Tracker(tmp_path / "names.db") as tracker:
        tracker.store.add_source(*_promise("Barrowfield"))
        text = "The new swimming pool in Barrowford opened on Monday."
        later = SAID + timedelta(days=30)
        tracker.store.add_source(Source.from_text(text, title="Pool", published_at=later), [])
        report = tracker.check("2025-03-31", dry_run=True, min_confidence=0.0)
        assert report.recorded == [] and report.suggested == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("russia", "russian", True),
        ("iran", "iranian", True),
        ("china", "chines", True),
        ("austria", "australia", False),
        ("iran", "iraq", False),
        ("barrowfield", "barrowford", False),
    ],
)
def test_related_names(a: str, b: str, same: bool) -> None:
    assert related(a, b) is same


@given(st.text("abcdefghij", min_size=1, max_size=12), st.text("abcdefghij", max_size=12))
def test_related_is_symmetric_and_holds_for_a_name_and_itself(a: str, b: str) -> None:
    assert related(a, a)
    assert related(a, b) == related(b, a)

"""A claim row that is a mention of a tracked promise names the promise's first mention
(``PromiseFacts.first_claim``), not the promise's id, in both ways exporters get claim
rows: ``Tracker.claim_standings`` and the sliced export (``ClaimStandings``).  The two
ids differ once a person's correction regroups mentions (a merge into a later promise),
so the test builds that case; the first mentions are read once per page of promises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import claimtrack
from claimtrack import export_rows
from claimtrack.export_rows import ClaimStandings
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.status import Standing

AS_OF = "2025-03-05"


@pytest.fixture
def merged(
    ledger: str, tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> tuple[claimtrack.Tracker, str]:
    """A tracker whose depot promise took in the earlier road promise by a merge: its
    first mention is the road claim, its id stays the depot claim's."""
    article = tmp_path / "plans.txt"
    article.write_text(
        "published: 2025-03-03T09:00:00+00:00\npublisher: Hillside Courier\n\n"
        "The board will widen Quarry Road. The board will rebuild the bus depot.\n",
        encoding="utf-8",
    )
    tracker = claimtrack.Tracker(ledger, plugin_manager=will_pm)
    tracker.add(article)
    ids = {(r.claim.action or ""): r.claim.id for r in tracker.status(as_of=AS_OF)}
    road = next(pid for action, pid in ids.items() if "Quarry Road" in action)
    depot = next(pid for action, pid in ids.items() if "depot" in action)
    tracker.merge([depot, road], note="one programme of works")
    return tracker, depot


def _mention_rows(rows: list[Standing]) -> list[Standing]:
    return [r for r in rows if r.promise is not None]


def test_the_merged_promise_keeps_its_id_but_not_its_first_mention(
    merged: tuple[claimtrack.Tracker, str],
) -> None:
    tracker, depot = merged
    assert tracker.store.promise_first_claim(depot) != depot


def test_claim_standings_name_the_first_mention(merged: tuple[claimtrack.Tracker, str]) -> None:
    tracker, depot = merged
    rows = _mention_rows(tracker.claim_standings(AS_OF))
    assert rows and {r.promise.id for r in rows if r.promise} == {depot}
    first = tracker.store.promise_first_claim(depot)
    assert [r.promise.first_claim for r in rows if r.promise] == [first] * len(rows)


def test_the_sliced_export_names_the_first_mention(
    merged: tuple[claimtrack.Tracker, str],
) -> None:
    tracker, depot = merged
    assert tracker.store.has_status_index()
    when = tracker._as_of(AS_OF)
    rows = _mention_rows(list(ClaimStandings(tracker, when)))
    first = tracker.store.promise_first_claim(depot)
    assert len(rows) == 2
    assert [r.promise.first_claim for r in rows if r.promise] == [first, first]
    # The same rows either way.
    assert rows == _mention_rows(tracker.claim_standings(when))


def test_first_mentions_are_read_once_per_slice(
    merged: tuple[claimtrack.Tracker, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tracker, _ = merged
    monkeypatch.setattr(export_rows, "SLICE", 1)  # a slice per claim
    calls: list[list[str]] = []
    bulk = tracker.store.promise_first_claims

    def counted(ids: Any) -> dict[str, str]:
        calls.append(list(ids))
        return bulk(ids)

    def one_by_one(pid: str) -> str:
        raise AssertionError(f"first mention of {pid} read on its own")

    monkeypatch.setattr(tracker.store, "promise_first_claims", counted)
    monkeypatch.setattr(tracker.store, "promise_first_claim", one_by_one)
    rows = list(ClaimStandings(tracker, tracker._as_of(AS_OF)))
    assert len(calls) == len(rows)  # one read per slice, not per row
    calls.clear()
    tracker.claim_standings(AS_OF)
    assert len(calls) == 1

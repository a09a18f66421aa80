"""Rule **same-finding** (:mod:`claimtrack.duplicates`): which findings the ledger holds
already, decided over plain records; and the store on each engine keeps exactly what
the rule keeps."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, closing
from datetime import datetime, timedelta, timezone

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import Claim, Evidence, Source
from claimtrack.duplicates import finding_key, held_already, without_duplicates
from claimtrack.store_protocol import open_store

T0 = datetime(2025, 3, 3, 9, tzinfo=timezone.utc)


def finding(**fields: object) -> Evidence:
    base: dict[str, object] = {
        "claim_id": "c1",
        "verdict": "kept",
        "known_at": T0,
        "recorded_at": T0,
        "recorded_by": "checker",
        "recorder": "checker",
        "source_id": "report-1",
        "excerpt": "The road was opened.",
    }
    return Evidence(**{**base, **fields})  # type: ignore[arg-type]


def test_the_same_claim_verdict_recorder_report_and_sentence_is_the_same_finding() -> None:
    again = finding(
        reason="matched",
        note="second run",
        confidence=0.4,
        uri="https://example.org/r",
        known_at=T0 + timedelta(days=1),
        recorded_at=T0 + timedelta(days=2),
    )
    assert finding_key(again) == finding_key(finding())
    assert held_already(again, [finding()])


def test_any_key_field_that_differs_makes_another_finding() -> None:
    for change in (
        {"claim_id": "c2"},
        {"verdict": "broken"},
        {"recorded_by": "ana"},
        {"source_id": None},
        {"source_id": "report-2"},
        {"excerpt": None},
        {"excerpt": "Another sentence."},
    ):
        assert not held_already(finding(**change), [finding()]), change


FINDINGS = st.builds(
    finding,
    claim_id=st.sampled_from(["c1", "c2"]),
    verdict=st.sampled_from(["kept", "broken", "stalled"]),
    recorded_by=st.sampled_from(["checker", "ana"]),
    source_id=st.sampled_from(["report-1", "report-2", None]),
    excerpt=st.sampled_from(["One.", "Two.", None]),
    note=st.sampled_from([None, "a", "b"]),
)


@given(st.lists(FINDINGS, max_size=12))
def test_without_duplicates_keeps_one_of_each_finding_in_order(found: list[Evidence]) -> None:
    kept = without_duplicates(found)
    keys = [finding_key(e) for e in kept]
    assert len(keys) == len(set(keys)) == len({finding_key(e) for e in found})
    assert without_duplicates(kept) == kept
    assert all(any(e is k for e in found) for k in kept)
    assert [e for e in found if any(e is k for k in kept)] == kept


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FINDINGS, max_size=8))
def test_the_store_keeps_what_the_rule_keeps(
    new_store: Callable[[], AbstractContextManager[str]], found: list[Evidence]
) -> None:
    source = Source.from_text("The road will open. The bridge will close.", published_at=T0)
    claims = [
        Claim.build(source_id=source.id, span=span, speaker=None, kind="commitment", text=t)
        for span, t in (((4, 8), "road"), ((24, 30), "bridge"))
    ]
    ids = {"c1": claims[0].id, "c2": claims[1].id}
    found = [attrs.evolve(e, claim_id=ids[e.claim_id]) for e in found]
    with new_store() as where, closing(open_store(where)) as store:
        store.add_source(source, claims)
        added = [e for e in found if store.add_evidence(e, skip_duplicate=True) is not None]
        assert added == without_duplicates(found)
        held = [e for c in claims for e in store.evidence_for(c.id)]
        assert sorted(map(repr, map(finding_key, held))) == sorted(
            map(repr, map(finding_key, added))
        )

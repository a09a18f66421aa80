"""Whatever a checker's confidences and `--min-confidence`, the findings below the
threshold are suggestions and change no status: the status after a check is the one
derived from the findings at or above it alone; nothing is lost (every finding is a
verdict or a suggestion) and a second check adds nothing."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Claim, Evidence, Tracker
from claimtrack.model import RecorderKind, Verdict
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.status import derive_status
from claimtrack.store import StoreView

UTC = timezone.utc
KNOWN = datetime(2025, 3, 5, 9, tzinfo=UTC)
AS_OF = "2025-03-20"
VERDICTS = [Verdict.KEPT, Verdict.BROKEN, Verdict.IN_PROGRESS, Verdict.PARTIALLY_KEPT]


class Scripted:
    """A checker that finds, for every promise, the given (verdict, confidence) pairs."""

    def __init__(self, findings: list[tuple[Verdict, float]]) -> None:
        self.findings = findings

    @claimtrack.hookimpl
    def claimtrack_check(
        self, claim: Claim, store: StoreView, as_of: datetime
    ) -> Iterator[Evidence]:
        for k, (verdict, confidence) in enumerate(self.findings):
            yield Evidence(
                claim_id=claim.id,
                verdict=verdict,
                known_at=KNOWN,
                recorded_at=KNOWN,
                recorded_by="scripted 1.0",
                recorder=RecorderKind.CHECKER,
                excerpt=f"finding {k}",
                confidence=confidence,
                note=f"rule scripted_{k}: as told",
            )


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    findings=st.lists(
        st.tuples(st.sampled_from(VERDICTS), st.floats(0.0, 1.0)), min_size=1, max_size=4
    ),
    threshold=st.floats(0.0, 1.0),
)
def test_only_findings_at_the_threshold_count(
    will_pm: ClaimtrackPluginManager,
    article: Path,
    findings: list[tuple[Verdict, float]],
    threshold: float,
) -> None:
    will_pm.register(Scripted(findings), name="scripted")
    try:
        with (
            tempfile.TemporaryDirectory() as tmp,
            Tracker(Path(tmp) / "t.db", plugin_manager=will_pm) as tracker,
        ):
            tracker.add(article, published="2025-03-03T09:00:00+00:00")
            report = tracker.check(AS_OF, min_confidence=threshold)
            promises = report.checked
            assert len(report.recorded) + len(report.suggested) == promises * len(findings)
            assert all(
                e.confidence is not None and e.confidence >= threshold for e in report.recorded
            )
            assert all(
                e.confidence is not None and e.confidence < threshold for e in report.suggested
            )
            when = tracker._as_of(AS_OF)
            for line in tracker.status_lines(AS_OF):
                pid = line.claim_id
                reading = tracker.store.get_claim(tracker.store.promise_first_claim(pid))
                counted = tracker.store.promise_history(pid)
                assert all(e.confidence is None or e.confidence >= threshold for e in counted)
                assert line.status == derive_status(reading, counted, when)[0]
            again = tracker.check(AS_OF, min_confidence=threshold)
            assert again.recorded == [] and again.suggested == []
    finally:
        will_pm.unregister(name="scripted")

"""The status report counts the settled promises by the reason their deciding verdict
gives (one vocabulary, ``claimtrack.reasons``): how many were broken because postponed,
cancelled …, annulled because a condition failed; in the table, Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Status, Tracker
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.reasons import REASONS, UNSTATED, reason_counts, reason_lines
from claimtrack.status import StatusLine
from claimtrack.testing import invoke_cli, make_claim, make_evidence, make_source

ARTICLE = (
    "published: 2025-03-03T09:00:00+00:00\npublisher: Riverside Gazette\n\n"
    "The pool will reopen. The library will extend its hours. The market will move.\n"
    "The ferry will run hourly. The school will add a wing. The park will get lights.\n"
)
#: (verdict, reason) for each of the article's six promises, in order.
SETTLED = [
    ("broken", "postponed"),
    ("broken", "postponed"),
    ("broken", "cancelled"),
    ("broken", None),
    ("annulled", "condition_failed"),
    ("kept", None),
]


def _ledger(tmp_path: Path, pm: ClaimtrackPluginManager) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "t.db"
    with Tracker(db, plugin_manager=pm) as tracker:
        tracker.add(path)
        rows = sorted(tracker.status(as_of="2025-03-04"), key=lambda r: r.claim.span)
        assert len(rows) == len(SETTLED)
        for row, (verdict, reason) in zip(rows, SETTLED, strict=True):
            tracker.resolve(row.claim.id, verdict, reason=reason, known="2025-03-05")
    return db


def test_the_report_counts_promises_by_reason(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    db = _ledger(tmp_path, will_pm)
    with Tracker(db, plugin_manager=will_pm) as tracker:
        report = tracker.report(as_of="2025-03-10")
    assert report.reasons == {
        "annulled": {"condition_failed": 1},
        "broken": {"postponed": 2, "cancelled": 1, UNSTATED: 1},
    }
    args = ("status", "--as-of", "2025-03-10")
    doc = json.loads(invoke_cli(*args, "--format", "json", plugin_manager=will_pm, db=db).stdout)
    assert doc["reasons"]["broken"] == {"postponed": 2, "cancelled": 1, UNSTATED: 1}
    table = invoke_cli(*args, plugin_manager=will_pm, db=db, env={"COLUMNS": "120"}).stdout
    assert "broken: postponed 2 · cancelled 1 · unstated 1" in table
    assert "annulled: condition failed 1" in table
    markdown = invoke_cli(*args, "--format", "markdown", plugin_manager=will_pm, db=db).stdout
    assert "## Reasons" in markdown and "- broken: postponed 2" in markdown


SOURCE = make_source("The depot will reopen.", published="2025-03-01")
CLAIM = make_claim(SOURCE, "The depot will reopen")


@given(
    st.lists(
        st.tuples(
            st.sampled_from(list(Status)), st.one_of(st.none(), st.sampled_from(list(REASONS)))
        ),
        max_size=30,
    )
)
def test_each_status_counts_sum_to_its_promises(rows: list[tuple[Status, str | None]]) -> None:
    lines = []
    for n, (status, reason) in enumerate(rows):
        decided = None
        if status.is_final:
            ev = make_evidence(CLAIM, status.value, known="2025-03-02")
            decided = attrs.evolve(ev, reason=reason)
        lines.append(
            StatusLine(
                claim_id=f"p{n}",
                status=status,
                progress=None,
                decided_by=decided,
                who=None,
                due_start_ts=None,
                due_end_ts=None,
                due_vague=False,
            )
        )
    counts = reason_counts(lines)
    for status, row in counts.items():
        assert sum(row.values()) == sum(1 for s, _ in rows if s.value == status)
        assert set(row) - {UNSTATED} <= set(REASONS) and set(row) != {UNSTATED}
    given_reason = {s.value for s, r in rows if s.is_final and r is not None}
    assert set(counts) == given_reason
    assert len(reason_lines(counts)) == len(counts)

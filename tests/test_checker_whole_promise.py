"""The checker reads a promise as a whole: every mention's place, names and sources count,
a later article restating the promise is one of its mentions and never evidence of it,
and a postponement the grouping recorded is not recorded again by the checker."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from claimtrack import Actor, Claim, Source, TimeWindow, Tracker
from claimtrack.checking.promise import PromiseView, promise_mentions

UTC = timezone.utc
SAID = datetime(2025, 3, 15, 12, tzinfo=UTC)
THURSDAY = TimeWindow(
    start=datetime(2025, 3, 20, tzinfo=UTC),
    end=datetime(2025, 3, 21, tzinfo=UTC),
    grain="day",
    text="on Thursday",
)
THIS_WEEK = TimeWindow(
    start=datetime(2025, 3, 17, tzinfo=UTC),
    end=datetime(2025, 3, 24, tzinfo=UTC),
    grain="week",
    text="this week",
)


def _claim(source: Source, sentence: str, action: str, due: TimeWindow) -> Claim:
    at = source.text.index(sentence)
    return Claim.build(
        source_id=source.id,
        span=(at, at + len(sentence)),
        speaker=Actor.named("Dana Holt", "person"),
        kind="commitment",
        text=sentence,
        sentence=sentence,
        asserted_at=source.published_at,
        actor=Actor.named("harbour chiefs"),
        action=action,
        due=due,
    )


def _ledger(db: Path) -> Tracker:
    """One promise, two mentions in one article: the headline says where, the body
    says when ("on Thursday", the reading: the most precise window)."""
    text = (
        "Harbour chiefs will meet in London this week\n\n"
        "The harbour chiefs will meet on Thursday, the board's chair, Dana Holt, said."
    )
    source = Source.from_text(text, title="Harbour chiefs to meet", published_at=SAID)
    tracker = Tracker(db)
    tracker.store.add_source(
        source,
        [
            _claim(source, "Harbour chiefs will meet in London this week", "meet", THIS_WEEK),
            _claim(source, "The harbour chiefs will meet on Thursday", "meet", THURSDAY),
        ],
    )
    return tracker


def _report(tracker: Tracker, text: str, days: float = 5.5) -> None:
    tracker.store.add_source(
        Source.from_text(text, title=text[:40], published_at=SAID + timedelta(days=days)), []
    )


def test_the_promise_has_one_view_with_every_mention(tmp_path: Path) -> None:
    with _ledger(tmp_path / "p.db") as tracker:
        (pid,) = [ln.claim_id for ln in tracker.status_lines(SAID)]
        first = tracker.store.promise_first_claim(pid)
        reading = tracker.store.get_claim(first)
        mentions = promise_mentions(reading, tracker.store)
        assert len(mentions) == 2
        view = PromiseView.of(mentions, tracker.store)
        assert view is not None
        # The place comes from the headline's mention, though the reading names none.
        assert [p.key for p in view.act.places] == ["london"]


def test_a_place_said_in_another_mention_is_held_against_the_report(tmp_path: Path) -> None:
    with _ledger(tmp_path / "p.db") as tracker:
        _report(tracker, "The harbour chiefs met in Paris on Thursday, officials said.")
        tracker.check("2025-03-25")
        (line,) = tracker.status_lines("2025-03-25")
        # Met, but not where promised: not simply kept.
        assert line.status is not None and line.status.value != "kept"


def test_a_report_at_the_promised_place_keeps_it(tmp_path: Path) -> None:
    with _ledger(tmp_path / "p.db") as tracker:
        _report(tracker, "The harbour chiefs met in London on Thursday, officials said.")
        tracker.check("2025-03-25")
        (line,) = tracker.status_lines("2025-03-25")
        assert line.status is not None and line.status.value == "kept"


def test_a_later_article_restating_the_promise_is_a_mention_not_evidence(tmp_path: Path) -> None:
    with _ledger(tmp_path / "p.db") as tracker:
        # Another outlet, two days later, repeats the promise in the same words, with a
        # sentence of its own that reads as done ("the chiefs met" last year).
        text = (
            "Harbour chiefs will meet in London this week\n\n"
            "The harbour chiefs met in London last year to plan the dredging."
        )
        later = Source.from_text(text, title="Chiefs to meet", published_at=SAID + timedelta(2))
        tracker.store.add_source(
            later,
            [_claim(later, "Harbour chiefs will meet in London this week", "meet", THIS_WEEK)],
        )
        (pid,) = [ln.claim_id for ln in tracker.status_lines("2025-03-25")]
        reading = tracker.store.get_claim(tracker.store.promise_first_claim(pid))
        view = PromiseView.of(promise_mentions(reading, tracker.store), tracker.store)
        assert view is not None and later.id in view.source_ids
        report = tracker.check("2025-03-25", dry_run=True, min_confidence=0.0)
        assert not [e for e in report.recorded + report.suggested if e.source_id == later.id]


DEPOT = """title: Depot to reopen
published: 2025-03-03T09:00:00+00:00
publisher: Riverside Gazette

"We will reopen the Mill Lane depot by 14 March," the council leader, Ana Ruiz, said on Monday.
"""
DEPOT_LATER = """title: Depot reopening put back
published: 2025-03-12T09:00:00+00:00
publisher: Riverside Gazette

"We will now reopen the Mill Lane depot on 28 March," Ana Ruiz said.
"""


def test_a_postponement_the_grouping_recorded_is_not_recorded_again(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DEPOT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DEPOT_LATER, encoding="utf-8")
    with Tracker(tmp_path / "depot.db") as tracker:
        tracker.add(tmp_path / "a.txt")
        tracker.add(tmp_path / "b.txt")
        lines = {ln.claim_id: ln for ln in tracker.status_lines("2025-03-20")}
        broken = [pid for pid, ln in lines.items() if ln.status.value == "broken"]
        assert len(broken) == 1  # the revising mention broke the earlier promise
        before = tracker.store.promise_history(broken[0])
        report = tracker.check("2025-03-20", min_confidence=0.0)
        assert not [e for e in report.recorded + report.suggested if e.reason == "postponed"]
        assert tracker.store.promise_history(broken[0]) == before

"""What a promise is on (its theme) holds no words of when ("On 30 June, the depot will
close") or of how ("close for good", "once and for all"): a report that the promised
thing closed is found without them."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from claimtrack import Actor, Claim, Source, TimeWindow, Tracker
from claimtrack.checking.promise import read_act

UTC = timezone.utc
SAID = datetime(2025, 3, 3, 9, tzinfo=UTC)
JUNE_30 = TimeWindow(
    start=datetime(2025, 6, 30, tzinfo=UTC),
    end=datetime(2025, 7, 1, tzinfo=UTC),
    grain="day",
    text="On 30 June",
)


@pytest.mark.parametrize(
    ("action", "theme"),
    [
        ("close for good", set()),
        ("shut the mill once and for all", {"mill"}),
        ("publish the accounts in full", {"account"}),
    ],
)
def test_manner_words_are_no_theme(action: str, theme: set[str]) -> None:
    assert set(read_act(action, None, phrase=True).theme) == theme


def test_a_time_phrase_before_the_verb_is_no_theme() -> None:
    text = "On 30 June, the Kestrel Works will close for good"
    act = read_act(text, None, phrase=False, windows=[(0, len("On 30 June"))])
    assert "june" not in act.theme and "good" not in act.theme


def _ledger(db: Path, report: str) -> Tracker:
    text = "On 30 June, the Kestrel Works will close for good, its owner said."
    source = Source.from_text(text, title="Works to close", published_at=SAID)
    sentence = "On 30 June, the Kestrel Works will close for good"
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(sentence)),
        speaker=Actor.named("Dana Holt", "person"),
        kind="commitment",
        text=sentence,
        sentence=text,
        asserted_at=SAID,
        actor=Actor.named("Kestrel Works"),
        action="close for good",
        due=JUNE_30,
    )
    tracker = Tracker(db)
    tracker.store.add_source(source, [claim])
    when = datetime(2025, 6, 30, 18, tzinfo=UTC)
    tracker.store.add_source(Source.from_text(report, title="Works", published_at=when), [])
    return tracker


def test_a_report_that_it_closed_keeps_the_promise(tmp_path: Path) -> None:
    with _ledger(tmp_path / "k.db", "The Kestrel Works closed on Monday after 80 years.") as t:
        report = t.check("2025-07-10", min_confidence=0.0, dry_run=True)
        assert [e.verdict.value for e in report.recorded] == ["kept"]


def test_a_report_of_another_works_closing_says_nothing_of_it(tmp_path: Path) -> None:
    with _ledger(tmp_path / "k.db", "The Osprey Works closed on Monday after 80 years.") as t:
        report = t.check("2025-07-10", min_confidence=0.0, dry_run=True)
        assert report.recorded == [] and report.suggested == []

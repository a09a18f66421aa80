"""The built-in checker on texts written for these tests: reports that match a
commitment, and near misses that must not (another actor, another action, another
place, a date outside the window, the future tense, a postponement)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest

from claimtrack import Actor, Claim, Evidence, Source, Status, TimeWindow, Tracker, Verdict
from claimtrack.checking import check_commitment, recorded_by
from claimtrack.model import RecorderKind
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.store import SQLiteStore

UTC = timezone.utc
SAID = datetime(2025, 3, 15, 12, tzinfo=UTC)  # a Saturday
THURSDAY = TimeWindow(
    start=datetime(2025, 3, 20, tzinfo=UTC),
    end=datetime(2025, 3, 21, tzinfo=UTC),
    grain="day",
    text="on Thursday",
    reference=SAID,
)
THIS_WEEK = TimeWindow(
    start=datetime(2025, 3, 17, tzinfo=UTC),
    end=datetime(2025, 3, 24, tzinfo=UTC),
    grain="week",
    text="this week",
    reference=SAID,
)
LATER = datetime(2025, 5, 1, tzinfo=UTC)
CHIEFS = Actor.named("coalition military chiefs", "group")
PLANNERS = Actor.named("military planners", "group")
COALITION = Actor.named("coalition of the willing", "group")
MINISTER = Actor.named("Jane Harlow", "person", aliases=["the Defence Secretary"])


def commitment(
    text: str,
    *,
    actor: Actor = CHIEFS,
    action: str | None = None,
    due: TimeWindow | None = THURSDAY,
    condition: str | None = None,
    said: datetime = SAID,
) -> tuple[Source, Claim]:
    """A source holding one commitment (its whole text)."""
    source = Source.from_text(text, published_at=said, title="Promise", publisher="Test Wire")
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(text)),
        speaker=Actor.named("Test Wire", "organisation"),
        kind="commitment",
        text=text,
        sentence=text,
        asserted_at=said,
        actor=actor,
        action=action,
        due=due,
        condition=condition,
    )
    return source, claim


def report(text: str, published: datetime, title: str | None = None) -> Source:
    """A later report."""
    return Source.from_text(
        text, published_at=published, title=title, uri=f"https://example.org/{published:%Y%m%d}"
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """An empty store."""
    with SQLiteStore(tmp_path / "checker.db") as s:
        yield s


def findings(
    store: SQLiteStore, claim_source: tuple[Source, Claim], *reports: Source
) -> list[Evidence]:
    """Store the commitment and the reports; run the checker as of a later day."""
    source, claim = claim_source
    store.add_source(source, [claim])
    for r in reports:
        store.add_source(r, [])
    return check_commitment(claim, store, LATER)


MEET = "Coalition military chiefs are set to meet in London on Thursday."


def test_a_report_of_the_meeting_keeps_the_commitment(store: SQLiteStore) -> None:
    published = datetime(2025, 3, 20, 18, tzinfo=UTC)
    text = (
        "Defence chiefs and planners of the coalition's member states gathered in Northwood,"
        " north-west London, on Thursday to plan support for Ukraine."
    )
    [ev] = findings(store, commitment(MEET, action="meet in London"), report(text, published))
    assert ev.verdict is Verdict.KEPT
    assert ev.recorder is RecorderKind.CHECKER
    assert ev.recorded_by == recorded_by()
    assert ev.excerpt == text
    assert ev.known_at == published
    assert ev.source_id is not None and ev.uri == "https://example.org/20250320"
    assert ev.confidence is not None and 0.3 <= ev.confidence <= 1
    assert ev.happened_at is None or THURSDAY.contains(ev.happened_at)
    assert ev.note and "gathered" in ev.note


def test_synonyms_match_across_classes(store: SQLiteStore) -> None:
    promise = commitment(
        "Military planners would convene again in the UK this week.",
        actor=PLANNERS,
        action="convene again in the UK",
        due=THIS_WEEK,
    )
    met = report(
        "Military planners from 20 countries met in London on Wednesday.",
        datetime(2025, 3, 19, 20, tzinfo=UTC),
    )
    [ev] = findings(store, promise, met)
    assert ev.verdict is Verdict.KEPT


def test_a_meeting_reported_as_a_noun_counts(store: SQLiteStore) -> None:
    text = "A meeting of coalition military chiefs was held in London on Thursday."
    [ev] = findings(
        store,
        commitment(MEET, action="meet in London"),
        report(text, datetime(2025, 3, 20, 21, tzinfo=UTC)),
    )
    assert ev.verdict is Verdict.KEPT


def test_a_headline_in_the_present_reports_the_past(store: SQLiteStore) -> None:
    r = report(
        "Nothing else to add.",
        datetime(2025, 3, 20, 19, tzinfo=UTC),
        title="Coalition military chiefs meet in London",
    )
    [ev] = findings(store, commitment(MEET, action="meet in London"), r)
    assert ev.verdict is Verdict.KEPT and ev.excerpt == "Coalition military chiefs meet in London"


def test_a_pronoun_subject_after_a_naming_sentence(store: SQLiteStore) -> None:
    text = "Coalition military chiefs arrived in London on Wednesday night. They met on Thursday morning."
    [ev] = findings(
        store,
        commitment(MEET, action="meet in London"),
        report(text, datetime(2025, 3, 20, 18, tzinfo=UTC)),
    )
    assert ev.verdict is Verdict.KEPT and ev.excerpt == "They met on Thursday morning."


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Navy chiefs met in London on Thursday.", id="another actor"),
        pytest.param(
            "Coalition military chiefs visited a factory in London on Thursday.",
            id="another action",
        ),
        pytest.param(
            "Coalition military chiefs will meet in London on Thursday.", id="future tense"
        ),
        pytest.param(
            "Coalition military chiefs are expected to meet in London on Thursday.",
            id="expected to",
        ),
        pytest.param(
            "Coalition military chiefs agreed to meet in London on Thursday.", id="agreed to meet"
        ),
        pytest.param(
            "Coalition military chiefs met in London on 3 March.", id="date before the window"
        ),
    ],
)
def test_near_misses_do_not_match(store: SQLiteStore, text: str) -> None:
    r = report(text, datetime(2025, 3, 20, 18, tzinfo=UTC))
    assert findings(store, commitment(MEET, action="meet in London"), r) == []


def test_a_meeting_held_elsewhere_is_partly_kept(store: SQLiteStore) -> None:
    r = report(
        "Coalition military chiefs met in Paris on Thursday.", datetime(2025, 3, 20, 18, tzinfo=UTC)
    )
    [ev] = findings(store, commitment(MEET, action="meet in London"), r)
    assert (ev.verdict, ev.reason) == (Verdict.PARTIALLY_KEPT, "elsewhere")


def test_a_report_long_after_the_window_does_not_match(store: SQLiteStore) -> None:
    r = report("Coalition military chiefs met in London.", datetime(2025, 4, 10, 12, tzinfo=UTC))
    assert findings(store, commitment(MEET, action="meet in London"), r) == []


def test_reports_from_before_the_promise_are_not_read(store: SQLiteStore) -> None:
    r = report("Coalition military chiefs met in London.", SAID - timedelta(days=2))
    assert findings(store, commitment(MEET, action="meet in London"), r) == []


def test_reports_published_after_as_of_are_not_read(store: SQLiteStore) -> None:
    source, claim = commitment(MEET, action="meet in London")
    store.add_source(source, [claim])
    store.add_source(
        report(
            "Coalition military chiefs met in London on Thursday.",
            datetime(2025, 3, 20, 18, tzinfo=UTC),
        ),
        [],
    )
    assert check_commitment(claim, store, datetime(2025, 3, 20, 17, tzinfo=UTC)) == []
    assert len(check_commitment(claim, store, datetime(2025, 3, 20, 19, tzinfo=UTC))) == 1


@pytest.mark.parametrize(
    ("text", "verdict", "reason"),
    [
        (
            "The meeting of coalition military chiefs in London has been postponed.",
            Verdict.BROKEN,
            "postponed",
        ),
        (
            "Coalition military chiefs called off their meeting in London.",
            Verdict.BROKEN,
            "cancelled",
        ),
        (
            "The coalition military chiefs' meeting was cancelled at short notice.",
            Verdict.BROKEN,
            "cancelled",
        ),
        ("Coalition military chiefs refused to meet in London.", Verdict.BROKEN, "declined"),
        ("Coalition military chiefs put off their London meeting.", Verdict.BROKEN, "postponed"),
        (
            "Coalition military chiefs pulled out of the London meeting.",
            Verdict.WITHDRAWN,
            "reversed",
        ),
        (
            "The meeting of coalition military chiefs was delayed by the snow.",
            Verdict.BROKEN,
            "postponed",
        ),
    ],
)
def test_postponement_cancellation_refusal_count_against(
    store: SQLiteStore, text: str, verdict: Verdict, reason: str
) -> None:
    r = report(text, datetime(2025, 3, 19, 9, tzinfo=UTC))
    found = findings(store, commitment(MEET, action="meet in London"), r)
    assert [(e.verdict, e.reason) for e in found] == [(verdict, reason)]


def test_a_risk_of_delay_is_not_a_delay(store: SQLiteStore) -> None:
    r = report(
        "Officials warned the meeting of coalition military chiefs could be delayed.",
        datetime(2025, 3, 18, 9, tzinfo=UTC),
    )
    assert findings(store, commitment(MEET, action="meet in London"), r) == []


def test_objects_must_overlap(store: SQLiteStore) -> None:
    promise = commitment(
        "We will tighten our sanctions on Russia's revenues.",
        actor=COALITION,
        action="tighten our sanctions on Russia's revenues",
        due=None,
    )
    other = report(
        "The coalition tightened security around the summit.", datetime(2025, 3, 25, tzinfo=UTC)
    )
    assert findings(store, promise, other) == []
    same = report(
        "The coalition of the willing tightened sanctions on Russian oil revenues.",
        datetime(2025, 3, 26, tzinfo=UTC),
    )
    store.add_source(same, [])
    [ev] = check_commitment(promise[1], store, LATER)
    assert ev.verdict is Verdict.KEPT and ev.source_id == same.id


def test_a_person_is_found_by_surname_or_registry_alias(store: SQLiteStore) -> None:
    promise = commitment(
        "Jane Harlow will visit Kyiv next month.", actor=MINISTER, action="visit Kyiv", due=None
    )
    by_alias = report(
        "The Defence Secretary visited Kyiv on Tuesday.", datetime(2025, 4, 2, tzinfo=UTC)
    )
    [ev] = findings(store, promise, by_alias)
    assert ev.verdict is Verdict.KEPT
    other = report("Harlow travelled to Kyiv yesterday.", datetime(2025, 4, 9, tzinfo=UTC))
    store.add_source(other, [])
    assert {e.source_id for e in check_commitment(promise[1], store, LATER)} == {
        by_alias.id,
        other.id,
    }


def test_partial_delivery(store: SQLiteStore) -> None:
    promise = commitment(
        "We will tighten sanctions on Russian banks.",
        actor=COALITION,
        action="tighten sanctions on Russian banks",
        due=None,
    )
    r = report(
        "The coalition partly tightened sanctions on Russian banks.",
        datetime(2025, 4, 2, tzinfo=UTC),
    )
    [ev] = findings(store, promise, r)
    assert ev.verdict is Verdict.PARTIALLY_KEPT


def test_a_nominal_condition_met_and_failed(store: SQLiteStore) -> None:
    promise = commitment(
        "We will deploy troops in the event of a peace deal.",
        actor=COALITION,
        action="deploy troops",
        due=None,
        condition="in the event of a peace deal",
    )
    signed = report(
        "Russia and Ukraine signed a peace deal in Geneva on Monday.",
        datetime(2025, 6, 3, tzinfo=UTC),
    )
    source, claim = promise
    store.add_source(source, [claim])
    store.add_source(signed, [])
    [ev] = check_commitment(claim, store, datetime(2025, 7, 1, tzinfo=UTC))
    assert ev.verdict is Verdict.CONDITION_MET and ev.source_id == signed.id
    collapsed = report(
        "The peace deal collapsed after a week of fighting.", datetime(2025, 6, 20, tzinfo=UTC)
    )
    store.add_source(collapsed, [])
    found = {e.verdict for e in check_commitment(claim, store, datetime(2025, 7, 1, tzinfo=UTC))}
    assert found == {Verdict.CONDITION_MET, Verdict.ANNULLED}


def test_a_condition_only_talked_about_is_not_met(store: SQLiteStore) -> None:
    promise = commitment(
        "We will deploy troops in the event of a peace deal.",
        actor=COALITION,
        action="deploy troops",
        due=None,
        condition="in the event of a peace deal",
    )
    r = report(
        "Leaders discussed what a peace deal would need to include.",
        datetime(2025, 6, 3, tzinfo=UTC),
    )
    assert findings(store, promise, r) == []


def test_statements_and_undatable_commitments_are_skipped(store: SQLiteStore) -> None:
    _, claim = commitment(MEET, action="meet in London")
    store.add_source(
        report("Coalition military chiefs met in London.", datetime(2025, 3, 20, tzinfo=UTC)), []
    )
    assert check_commitment(attrs.evolve(claim, kind="statement"), store, LATER) == []
    # No time for the promise or its source: "later" reports cannot be told apart.
    undated = Source.from_text(MEET, title="Promise")
    store.add_source(undated, [])
    timeless = attrs.evolve(claim, source_id=undated.id, asserted_at=None)
    assert check_commitment(timeless, store, LATER) == []


# -- through the Tracker: recorded once, outranked by a person ----------------------------


@pytest.fixture
def tracker_with_meeting(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> Iterator[tuple[Tracker, Claim]]:
    """A tracker whose store holds the meeting commitment and a report that it happened."""
    with Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        source, claim = commitment(MEET, action="meet in London")
        tracker.store.add_source(source, [claim])
        tracker.store.add_source(
            report(
                "Coalition military chiefs met in London on Thursday.",
                datetime(2025, 3, 20, 18, tzinfo=UTC),
            ),
            [],
        )
        yield tracker, claim


def test_check_records_once_and_reports_the_change(
    tracker_with_meeting: tuple[Tracker, Claim],
) -> None:
    tracker, claim = tracker_with_meeting
    first = tracker.check(as_of="2025-03-25")
    assert [(c.id, old, new) for c, old, new in first.changed] == [
        (claim.id, Status.OVERDUE, Status.KEPT)
    ]
    assert len(first.recorded) == 1 and not first.errors
    again = tracker.check(as_of="2025-03-25")
    assert again.recorded == [] and again.changed == []


def test_check_as_of_before_the_report_finds_nothing(
    tracker_with_meeting: tuple[Tracker, Claim],
) -> None:
    tracker, _ = tracker_with_meeting
    assert tracker.check(as_of="2025-03-19").recorded == []
    [row] = tracker.status(as_of="2025-03-19")
    assert row.status is Status.OPEN


def test_a_person_outranks_the_checker(tracker_with_meeting: tuple[Tracker, Claim]) -> None:
    tracker, claim = tracker_with_meeting
    assert tracker.check(as_of="2025-03-25").recorded  # the checker says kept
    tracker.resolve(
        claim.id[:6],
        "broken",
        reason="elsewhere",
        note="met online, not in London",
        known="2025-03-21",
    )
    [row] = tracker.status(as_of="2025-03-25")
    assert row.status is Status.BROKEN and row.decided_by is not None and row.decided_by.by_person


def test_sentences_rejoin_lines_that_run_on() -> None:
    from claimtrack.checking.text import sentences

    text = (
        "Chiefs gathered on Thursday at Northwood,\n"
        "the joint headquarters near London.\n"
        "Headline without a full stop\n"
        "Another paragraph starts here, and it is long, as paragraphs in feeds are when each"
        " sits on one line of its own.\n"
    )
    got = [s.text for s in sentences(text, "A title")]
    assert got == [
        "A title",
        "Chiefs gathered on Thursday at Northwood, the joint headquarters near London.",
        "Headline without a full stop",
        "Another paragraph starts here, and it is long, as paragraphs in feeds are when each"
        " sits on one line of its own.",
    ]
    wrapped = (
        "Military chiefs met on\nThursday in London, to work\non plans.\n\nSecond paragraph.\n"
    )
    assert [s.text for s in sentences(wrapped)] == [
        "Military chiefs met on Thursday in London, to work on plans.",
        "Second paragraph.",
    ]


# -- other kinds of promise, in other words -------------------------------------------------

EU = Actor.named("European Union", "organisation", aliases=["EU", "Brussels"])
BANK = Actor.named("Bank of England", "organisation")
HOUSING = Actor.named("Housing Ministry", "organisation")


@pytest.mark.parametrize(
    ("actor", "action", "report_text", "verdict"),
    [
        pytest.param(
            EU, "impose new sanctions on Russia",
            "EU foreign ministers approved a new package of sanctions against Russia on Monday.",
            Verdict.KEPT, id="approved sanctions fulfil impose sanctions",
        ),
        pytest.param(
            BANK, "cut interest rates",
            "The Bank of England cut rates to 4% on Thursday.",
            Verdict.KEPT, id="cut rates",
        ),
        pytest.param(
            MINISTER, "visit Washington",
            "Jane Harlow arrived in Washington on Monday for talks.",
            Verdict.KEPT, id="arrived for visit",
        ),
        pytest.param(
            HOUSING, "build 300,000 homes",
            "The Housing Ministry has built 150,000 homes, official figures show.",
            Verdict.PARTIALLY_KEPT, id="fewer than promised",
        ),
        pytest.param(
            HOUSING, "build 300,000 homes",
            "The Housing Ministry built 310,000 homes, official figures show.",
            Verdict.KEPT, id="as many as promised",
        ),
    ],
)  # fmt: skip
def test_other_promises_in_other_words(
    store: SQLiteStore, actor: Actor, action: str, report_text: str, verdict: Verdict
) -> None:
    promise = commitment(f"{actor.name} will {action}.", actor=actor, action=action, due=None)
    [ev] = findings(store, promise, report(report_text, datetime(2025, 4, 15, 18, tzinfo=UTC)))
    assert ev.verdict is verdict


def test_an_event_dated_before_the_promise_does_not_count(store: SQLiteStore) -> None:
    promise = commitment(
        "The Housing Ministry will build 300,000 homes.",
        actor=HOUSING,
        action="build 300,000 homes",
        due=None,
    )
    r = report(
        "The Housing Ministry built 310,000 homes last year.", datetime(2025, 4, 15, tzinfo=UTC)
    )
    assert findings(store, promise, r) == []


@pytest.mark.parametrize(
    ("actor", "action", "report_text"),
    [
        pytest.param(
            EU, "impose new sanctions on Russia",
            "EU foreign ministers approved a new trade deal with Japan on Monday.",
            id="enacting verb, other objects",
        ),
        pytest.param(
            BANK, "cut interest rates",
            "The Bank of England cut its growth forecast on Thursday.",
            id="same verb, other objects",
        ),
        pytest.param(
            HOUSING, "build 300,000 homes",
            "The Housing Ministry said it would build 300,000 homes.",
            id="reported future",
        ),
    ],
)  # fmt: skip
def test_other_near_misses(store: SQLiteStore, actor: Actor, action: str, report_text: str) -> None:
    promise = commitment(f"{actor.name} will {action}.", actor=actor, action=action, due=None)
    assert (
        findings(store, promise, report(report_text, datetime(2025, 4, 15, 18, tzinfo=UTC))) == []
    )


def test_an_agentless_passive_of_the_promised_thing(store: SQLiteStore) -> None:
    promise = commitment(
        "The coalition will publish its review of air defences.",
        actor=COALITION,
        action="publish its review of air defences",
        due=None,
    )
    done = report(
        "The review of air defences was published on Tuesday.", datetime(2025, 4, 2, tzinfo=UTC)
    )
    [ev] = findings(store, promise, done)
    assert ev.verdict is Verdict.KEPT and ev.confidence is not None
    # Less sure than a report that names who did it.
    named = report(
        "The coalition published its review of air defences on Tuesday.",
        datetime(2025, 4, 2, 1, tzinfo=UTC),
    )
    store.add_source(named, [])
    by_source = {e.source_id: e.confidence for e in check_commitment(promise[1], store, LATER)}
    assert ev.confidence < (by_source[named.id] or 0.0)
    other = report(
        "The review of air defences was published by the Senate on Tuesday.",
        datetime(2025, 4, 3, tzinfo=UTC),
    )
    store.add_source(other, [])
    assert {e.source_id for e in check_commitment(promise[1], store, LATER)} == {done.id, named.id}


TRUMP = Actor.named("Donald Trump", "person")
UKRAINE = Actor.named("Ukraine", "country")
COUNCIL = Actor.named("the council", "organisation")


@pytest.mark.parametrize(
    ("actor", "action", "report_text", "expected"),
    [
        pytest.param(
            TRUMP, "impose 25% tariffs on Canadian goods",
            "Trump delayed the tariffs on Canadian goods for a month.",
            (Verdict.BROKEN, "postponed"), id="delay of what was promised",
        ),
        pytest.param(
            UKRAINE, "sign the minerals deal",
            "The signing of the minerals deal was called off after a row in the Oval Office.",
            (Verdict.BROKEN, "cancelled"), id="cancelled, actor implied",
        ),
        pytest.param(
            COUNCIL, "reopen the library",
            "The library reopened its doors on Monday after the council finished repairs.",
            (Verdict.KEPT, None), id="what was promised as the subject",
        ),
        pytest.param(
            MINISTER, "host a summit of European leaders in London",
            "Harlow hosted European leaders at Lancaster House on Sunday.",
            (Verdict.KEPT, None), id="host, place inside London",
        ),
    ],
)  # fmt: skip
def test_reports_in_other_shapes(
    store: SQLiteStore,
    actor: Actor,
    action: str,
    report_text: str,
    expected: tuple[Verdict, str | None],
) -> None:
    promise = commitment(f"{actor.name} will {action}.", actor=actor, action=action, due=None)
    [ev] = findings(store, promise, report(report_text, datetime(2025, 3, 24, 20, tzinfo=UTC)))
    assert (ev.verdict, ev.reason) == expected

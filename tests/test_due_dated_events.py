"""A deadline anchored on an event the article dates elsewhere ("before the Games")
runs from publication to the day the event begins; an event the article never dates
gives no window.  Sentences of our own."""

from __future__ import annotations

from datetime import datetime, timezone

from claimtrack.english.due_events import EventDates
from claimtrack.model import ClaimKind, Grain, TimeWindow
from claimtrack.testing import extract_english

PUBLISHED = datetime(2026, 1, 14, 12, 0, tzinfo=timezone.utc)
GAMES = "The Kelby Games will be held from 4 to 12 July, the organisers said. "


def due_of(text: str, words: str) -> TimeWindow | None:
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    found = [c for c in claims if words in c.text]
    assert found, [c.text for c in claims]
    return found[0].due


def test_before_a_dated_event_ends_when_it_begins() -> None:
    due = due_of(
        GAMES + "The new stadium will not be finished before the Games, the builder said.",
        "stadium",
    )
    assert due is not None and due.start == PUBLISHED
    assert due.end == datetime(2026, 7, 4, tzinfo=timezone.utc)


def test_an_event_never_dated_gives_no_window() -> None:
    due = due_of("The new stadium will be finished before the Games, the builder said.", "stadium")
    assert due is None


def test_the_odds_of_an_event_are_a_forecast_with_its_deadline() -> None:
    text = GAMES + "The owner said a full reopening before the Games looks unlikely."
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    (claim,) = [c for c in claims if "looks unlikely" in c.text]
    assert claim.kind is ClaimKind.PREDICTION
    assert claim.due is not None and claim.due.text == "before the Games"


def test_an_event_in_doubt_is_still_scheduled_for_its_time() -> None:
    text = "The owner said the pitch was not ready, casting doubt on the friendly against Chile next month."
    claims = extract_english(text, published=PUBLISHED, publisher="The Courier")
    (claim,) = [c for c in claims if "the friendly" in c.text]
    assert claim.kind is ClaimKind.COMMITMENT
    assert claim.due is not None and claim.due.grain is Grain.MONTH


def test_events_are_found_by_the_end_of_their_name_and_without_years() -> None:
    events = EventDates()
    window = TimeWindow(
        start=datetime(2026, 6, 11, tzinfo=timezone.utc),
        end=datetime(2026, 7, 20, tzinfo=timezone.utc),
        grain=Grain.DAY,
    )
    events.learn("The 2026 World Cup", window)
    events.learn("the works", window)  # no name: not learnt
    got = events.deadline("completion before the World Cup now seems doubtful", PUBLISHED)
    assert got is not None and got.window.end == window.start
    assert events.deadline("completion before the works end", PUBLISHED) is None
    assert events.deadline("completion before the Cup", PUBLISHED) is not None


def test_at_which_time_after_by_early_is_that_month() -> None:
    text = (
        "The agency will survey every dam by early April, at which time some gates will "
        "start to be replaced."
    )
    due = due_of(text, "some gates")
    assert due is not None
    assert (due.start, due.end) == (
        datetime(2026, 4, 1, tzinfo=timezone.utc),
        datetime(2026, 5, 1, tzinfo=timezone.utc),
    )


def test_before_a_named_holiday_is_a_deadline_to_its_start() -> None:
    published = datetime(2025, 8, 6, 12, 0, tzinfo=timezone.utc)
    text = "The council said the market would reopen before the festive season of Christmas."
    claims = extract_english(text, published=published, publisher="The Courier")
    (claim,) = [c for c in claims if "market" in c.text]
    assert claim.due is not None
    assert (claim.due.start, claim.due.end) == (
        published,
        datetime(2025, 12, 25, tzinfo=timezone.utc),
    )


def test_not_until_at_least_a_month_is_that_month() -> None:
    text = "The clinic will not open to patients until at least June of next year."
    due = due_of(text, "open to patients")
    assert due is not None
    assert (due.start, due.end) == (
        datetime(2027, 6, 1, tzinfo=timezone.utc),
        datetime(2027, 7, 1, tzinfo=timezone.utc),
    )

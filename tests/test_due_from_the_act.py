"""The due window is the time phrase that modifies the promised act: not a phrase in a
relative clause, a parenthesis or a past clause of its own; a negated deadline is the
period itself; "the same day" is the day the article gave (sentences of our own)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Claim, TimeWindow
from claimtrack.english.due import DueContext, choose
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english
from claimtrack.timewindows import find_windows

# A Wednesday.
PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)


def run(text: str) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher="Kelby Courier")


def due_of(claims: list[Claim], words: str) -> TimeWindow | None:
    return find(claims, words).due


def test_a_relative_clause_s_past_does_not_date_the_act() -> None:
    claims = run(
        "Ward\n\nThe trust will close the ward, which opened last year, by March, the chief "
        "executive said.\n"
    )
    due = due_of(claims, "close the ward")
    assert due is not None and due.text == "by March"
    assert "due.after-verb" in find(claims, "close the ward").rules


def test_a_relative_clause_with_a_future_of_its_own_keeps_its_phrase() -> None:
    claims = run(
        "Terminal\n\nThe site will become an import terminal, which will cut 400 jobs over the "
        "next two years, Orland Fuels said.\n"
    )
    claim = find(claims, "import terminal")
    assert claim.due is not None and "two years" in claim.due.text


def test_a_parenthesis_does_not_date_the_act() -> None:
    claims = run(
        "Pool\n\nThe council will reopen the pool (shut in 2019) in May, the leader said.\n"
    )
    due = due_of(claims, "reopen the pool")
    assert due is not None and due.text == "in May"


def test_a_negated_deadline_is_the_period_itself() -> None:
    claims = run("Depot\n\nThe Alder Group said the depot would not open before next year.\n")
    due = due_of(claims, "would not open")
    assert due is not None
    assert (due.start.date() if due.start else None) == date(2026, 1, 1)
    assert (due.end.date() if due.end else None) == date(2027, 1, 1)
    assert "due.negated-deadline" in find(claims, "would not open").rules


def test_not_until_the_spring_is_the_spring() -> None:
    claims = run("Depot\n\nThe depot will not reopen until the spring, Ravi Holt said.\n")
    due = due_of(claims, "not reopen")
    assert due is not None and due.start is not None and due.start.month == 3
    assert due.text == "the spring"


def test_a_deadline_that_is_not_negated_runs_from_publication() -> None:
    claims = run("Depot\n\nThe depot will reopen before the summer, Ravi Holt said.\n")
    due = due_of(claims, "will reopen")
    assert due is not None and due.start is not None and due.start.date() == date(2025, 3, 12)


def test_the_same_day_is_the_day_the_article_gave() -> None:
    claims = run(
        "Bridge\n\nThe Kelby bridge will open on 14 April, the council said. New bus routes "
        "will launch the same day, the council said.\n"
    )
    due = due_of(claims, "New bus routes")
    assert due is not None and due.start is not None and due.start.date() == date(2025, 4, 14)
    assert due.text == "the same day"


def test_a_duration_gives_way_to_when() -> None:
    claims = run(
        "Strike\n\nStaff at the depot will walk out for ten days next month unless managers "
        "improve their offer, the union said.\n"
    )
    due = due_of(claims, "walk out")
    assert due is not None and due.text == "next month"


def test_the_phrase_in_the_act_s_clause_beats_one_past_a_break() -> None:
    clause = "In May the firm will open the depot – but the cafe will wait until June"
    windows = find_windows(clause, PUBLISHED, tense="future")
    verb = clause.index("open")
    picked = choose(windows, DueContext(clause, verb, None, lambda _: None))
    assert picked is not None and picked.window.text == "In May"
    assert picked.rule == "due.before-verb"


def test_a_number_s_comma_is_no_clause_boundary() -> None:
    claims = run(
        "Homes\n\nHigh borrowing costs would keep housing starts below 75,000 next year "
        "whatever the province did, the bank said.\n"
    )
    due = due_of(claims, "housing starts")
    assert due is not None and due.text == "next year"


PHRASES = ["by March", "in May", "next week", "on Friday", "within six weeks", "by the summer"]
NOISE = [", which opened last year,", " (built in 1990)", ", which was shut last May,"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(PHRASES), st.sampled_from(NOISE))
def test_a_past_aside_never_wins_over_the_act_s_phrase(phrase: str, noise: str) -> None:
    text = f"Depot\n\nThe trust will close the depot{noise} {phrase}, the chief executive said.\n"
    due = due_of(run(text), "close the depot")
    assert due is not None and due.text == phrase


def test_days_later_count_from_the_day_the_article_gave() -> None:
    claims = run(
        "Bridge\n\nThe Kelby bridge will open on 14 April, the council said. A second crossing "
        "will open three days later, the council said.\n"
    )
    due = due_of(claims, "second crossing")
    assert due is not None and due.start is not None and due.start.date() == date(2025, 4, 17)


def test_days_later_with_no_day_before_count_from_publication() -> None:
    claims = run("Bridge\n\nA second crossing will open three days later, the council said.\n")
    due = due_of(claims, "second crossing")
    assert due is not None and due.start is not None and due.start.date() == date(2025, 3, 15)

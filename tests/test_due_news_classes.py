"""Due windows of constructions real news uses, each on sentences written for the test.

The publication is Wednesday 12 March 2025, 12:00 UTC.  Each window was worked out by
hand from the annotation guideline's convention 7 and the bench README.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from claimtrack import ExtractContext, Source
from claimtrack.english import extract_claims
from claimtrack.model import Claim

PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)  # a Wednesday


def claims(text: str) -> list[Claim]:
    source = Source.from_text(text, published_at=PUBLISHED, publisher="The Courier")
    return list(extract_claims(source, ExtractContext(reference=PUBLISHED)))


def due_of(text: str, part: str) -> tuple[str, str, str]:
    found = [c for c in claims(text) if part in c.text]
    assert found, f"no claim holds {part!r}"
    due = found[0].due
    assert due is not None and due.start is not None and due.end is not None, found[0]
    return due.text, due.start.strftime("%Y-%m-%d"), due.end.strftime("%Y-%m-%d")


@pytest.mark.parametrize(
    ("text", "part", "want"),
    [
        # news names today by its weekday: a Wednesday story's "on Wednesday"
        (
            "The tug would pull the barge off the slipway on Wednesday, the yard said.",
            "pull the barge",
            ("on Wednesday", "2025-03-12", "2025-03-13"),
        ),
        # ... and "next Wednesday" is still the week after
        (
            "The tug would pull the barge off the slipway next Wednesday, the yard said.",
            "pull the barge",
            ("next Wednesday", "2025-03-19", "2025-03-20"),
        ),
        # another weekday is the coming one, as before
        (
            "The tug would pull the barge off the slipway on Friday, the yard said.",
            "pull the barge",
            ("on Friday", "2025-03-14", "2025-03-15"),
        ),
        # one act on two dates
        (
            "Voting will take place in two rounds on 6 April and 20 April, the commission said.",
            "Voting will take place",
            ("on 6 April and 20 April", "2025-04-06", "2025-04-21"),
        ),
        # a deadline whose event the sentence dates
        (
            'The minister said the figures would be out "before the autumn recess", which '
            "begins on 20 October.",
            "the figures would be out",
            ("before the autumn recess", "2025-03-12", "2025-10-20"),
        ),
        # "in N months' time" with a hedge word is the one day
        (
            "The mine will stop production in just two months' time, the owners said.",
            "stop production",
            ("in just two months' time", "2025-05-12", "2025-05-13"),
        ),
        # "not ... until the new year": the coming year itself
        (
            "The second lift will not be working until the new year, the hospital said.",
            "will not be working",
            ("the new year", "2026-01-01", "2027-01-01"),
        ),
    ],
)
def test_due_window(text: str, part: str, want: tuple[str, str, str]) -> None:
    assert due_of(text, part) == want


def test_on_schedule_takes_the_schedule_the_article_gave() -> None:
    text = (
        "The Kelby sports hall will open in June, the trust said.\n\n"
        "Both of its courts should still be finished on schedule, the trust said."
    )
    assert due_of(text, "be finished on schedule") == (
        "on schedule",
        "2025-06-01",
        "2025-07-01",
    )


def test_on_schedule_without_an_earlier_window_has_no_due() -> None:
    text = "Both of the sports hall's courts should still be finished on schedule, the trust said."
    found = [c for c in claims(text) if "on schedule" in c.text]
    assert found and found[0].due is None


def test_two_acts_joined_by_and_keep_their_own_dates() -> None:
    text = "The bridge will close on 6 April and reopen on 20 April, the council said."
    found = [c for c in claims(text) if "close" in c.text]
    assert found
    due = found[0].due
    assert due is not None and due.end is not None
    assert due.end.strftime("%Y-%m-%d") == "2025-04-07"


def test_unlikely_until_is_a_negated_deadline() -> None:
    from claimtrack.english.due import DueContext, choose
    from claimtrack.timewindows import find_windows

    clause = "the pier now seems unlikely to be repaired until next year"

    def reparse(phrase: str):  # type: ignore[no-untyped-def]
        found = find_windows(phrase, PUBLISHED, tense="future")
        return found[0][1] if found else None

    windows = find_windows(clause, PUBLISHED, tense="future")
    picked = choose(windows, DueContext(clause, clause.index("repaired"), None, reparse))
    assert picked is not None and picked.rule == "due.negated-deadline"
    w = picked.window
    assert w.start is not None and w.end is not None
    assert (w.start.year, w.end.year) == (2026, 2027)

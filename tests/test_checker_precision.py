"""No verdict on a promise the report does not speak of: two promises of one actor and
a report about one of them; many towns' mayors promising a bridge and a report about
one town; a postponed meeting and an unrelated promise of the same people."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Actor, Claim, Source, TimeWindow, Verdict
from claimtrack.checking import check_commitment
from claimtrack.store import SQLiteStore

UTC = timezone.utc
SAID = datetime(2025, 3, 10, 12, tzinfo=UTC)
BY_JUNE = TimeWindow(
    start=SAID, end=datetime(2025, 7, 1, tzinfo=UTC), grain="month", text="by June", reference=SAID
)
LATER = datetime(2025, 8, 1, tzinfo=UTC)
TOWNS = [
    "Ashford", "Bexley", "Crowthorne", "Dunmere", "Elsworth", "Farnhill", "Greyhope",
    "Harwick", "Ilsley", "Jarrow Mill",
]  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """An empty store."""
    with SQLiteStore(tmp_path / "precision.db") as s:
        yield s


def promises(text: str, actor: Actor, actions: list[str], title: str) -> tuple[Source, list[Claim]]:
    """A source whose text is ``text``, one commitment per action (each the whole text)."""
    source = Source.from_text(text, published_at=SAID, title=title)
    claims = [
        Claim.build(
            source_id=source.id,
            span=(0, len(text)),
            speaker=Actor.named(f"speaker {n}"),
            kind="commitment",
            text=text,
            sentence=text,
            asserted_at=SAID,
            actor=actor,
            action=action,
            due=BY_JUNE,
        )
        for n, action in enumerate(actions)
    ]
    return source, claims


def report(text: str, day: int) -> Source:
    """A later report, published on ``day`` of April."""
    return Source.from_text(
        text, published_at=datetime(2025, 4, day, 12, tzinfo=UTC), uri=f"https://example.org/{day}"
    )


def test_a_report_about_one_of_two_promises_decides_only_that_one(store: SQLiteStore) -> None:
    council = Actor.named("Ashford Borough Council", "organisation")
    text = (
        "Ashford Borough Council will repair the library roof and open a new swimming pool by June."
    )
    source, (roof, pool) = promises(
        text, council, ["repair the library roof", "open a new swimming pool"], "Ashford plans"
    )
    store.add_source(source, [roof, pool])
    store.add_source(
        report("Ashford Borough Council opened the new swimming pool on Monday.", 8), []
    )
    assert [e.verdict for e in check_commitment(pool, store, LATER)] == [Verdict.KEPT]
    assert check_commitment(roof, store, LATER) == []
    store.add_source(
        report("Ashford Borough Council has postponed the repair of the library roof.", 9), []
    )
    assert [e.verdict for e in check_commitment(roof, store, LATER)] == [Verdict.BROKEN]
    # The pool's verdicts are those of the pool's report alone.
    assert [e.verdict for e in check_commitment(pool, store, LATER)] == [Verdict.KEPT]


def test_a_postponed_meeting_is_not_a_broken_promise_of_support(store: SQLiteStore) -> None:
    chiefs = Actor.named("coalition military chiefs", "group")
    text = "Coalition military chiefs will accelerate our military support and meet in London."
    source, (support, meet) = promises(
        text, chiefs, ["accelerate our military support", "meet in London"], "Coalition plans"
    )
    store.add_source(source, [support, meet])
    store.add_source(
        report("The meeting of the coalition's military chiefs has been postponed.", 3), []
    )
    assert check_commitment(support, store, LATER) == []
    assert [e.verdict for e in check_commitment(meet, store, LATER)] == [Verdict.BROKEN]


def _town_promise(town: str) -> tuple[Source, Claim]:
    mayor = Actor.named(f"the mayor of {town}", "person")
    text = f"The mayor of {town} said the town will build a new bridge over the river by June."
    source, [claim] = promises(text, mayor, ["build a new bridge over the river"], f"{town} news")
    return source, claim


def test_each_town_s_report_decides_only_its_own_bridge(store: SQLiteStore) -> None:
    made = [_town_promise(town) for town in TOWNS]
    for source, claim in made:
        store.add_source(source, [claim])
    store.add_source(
        report(
            "The mayor of Bexley said the town completed the new bridge over the river on Monday.",
            7,
        ),
        [],
    )
    store.add_source(
        report("In Greyhope, the new bridge over the river was built in April.", 8), []
    )
    decided = {
        town: [e.verdict for e in check_commitment(claim, store, LATER)]
        for town, (_source, claim) in zip(TOWNS, made, strict=True)
    }
    assert decided.pop("Bexley") == [Verdict.KEPT]
    assert decided.pop("Greyhope") == [Verdict.KEPT]
    assert all(v == [] for v in decided.values()), decided


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(TOWNS), st.sampled_from(TOWNS))
def test_a_report_about_another_town_never_decides(
    tmp_path_factory: pytest.TempPathFactory, mine: str, other: str
) -> None:
    if mine == other:
        return
    with SQLiteStore(tmp_path_factory.mktemp("towns") / "t.db") as store:
        source, claim = _town_promise(mine)
        store.add_source(source, [claim])
        for n, text in enumerate(
            [
                f"The mayor of {other} opened the new bridge over the river on Monday.",
                f"{other} council has cancelled the new bridge over the river.",
                f"The new bridge over the river in {other} opened on Friday.",
            ]
        ):
            store.add_source(report(text, 10 + n), [])
        assert check_commitment(claim, store, LATER) == []

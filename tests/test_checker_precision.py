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
from claimtrack.tracker_check import DEFAULT_MIN_CONFIDENCE

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


def _finals(store: SQLiteStore, claim: Claim) -> list[tuple[Verdict, float | None, str | None]]:
    # The final verdicts the checker would record at the default threshold.
    return [
        (e.verdict, e.confidence, e.excerpt)
        for e in check_commitment(claim, store, LATER)
        if e.verdict.is_final and (e.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE
    ]


def test_recruitment_continuing_is_no_final_verdict(store: SQLiteStore) -> None:
    council = Actor.named("Ashford Borough Council", "organisation")
    text = "Ashford Borough Council will recruit 40 community wardens by June."
    source, [wardens] = promises(text, council, ["recruit 40 community wardens"], "Ashford")
    store.add_source(source, [wardens])
    store.add_source(report("Recruitment of community wardens in Ashford is continuing.", 4), [])
    found = check_commitment(wardens, store, LATER)
    assert all(not e.verdict.is_final for e in found), [e.note for e in found]


def test_another_company_doing_the_same_is_no_verdict(store: SQLiteStore) -> None:
    firm = Actor.named("Brightwater", "organisation")
    text = "Brightwater will open a store in Kelby by June."
    source, [store_promise] = promises(text, firm, ["open a store in Kelby"], "Brightwater")
    store.add_source(source, [store_promise])
    for n, text in enumerate(
        [
            "Cobalt Stores opened a store in Kelby on Saturday.",
            "Rival retailer Cobalt opened a store in Kelby on Monday.",
            "A store opened by Cobalt Stores in Kelby drew crowds on Monday.",
        ]
    ):
        store.add_source(report(text, 5 + n), [])
    assert _finals(store, store_promise) == []


@pytest.mark.parametrize(
    ("promise", "action", "later"),
    [
        pytest.param(
            "Ashford Borough Council will repair the library roof by June.",
            "repair the library roof",
            "Ashford Borough Council has postponed its meeting on parking charges.",
            id="the same actor postpones something else",
        ),
        pytest.param(
            "Ashford Borough Council will increase funding for rural schools by June.",
            "increase funding for rural schools",
            "Ashford Borough Council postponed the vote on the schools bill.",
            id="a word of the theme in a postponement of another thing",
        ),
        pytest.param(
            "Ashford Borough Council will open the new market hall by June.",
            "open the new market hall",
            "Ashford Borough Council said the new market hall could open in June.",
            id="the promise said again as a possibility",
        ),
        pytest.param(
            "Ashford Borough Council will reopen Harbour Bridge by June.",
            "reopen Harbour Bridge",
            "Harbour Street in Ashford reopened on Friday after resurfacing.",
            id="a name that begins the same",
        ),
        pytest.param(
            "Ashford Borough Council will hold the Riverside festival in Halden Park by June.",
            "hold the Riverside festival in Halden Park",
            "The Riverside festival in Halden Park was held in 2019 with 20,000 visitors.",
            id="the same event before the promise",
        ),
        pytest.param(
            "Ashford Borough Council will reopen the Queen Street car park by June.",
            "reopen the Queen Street car park",
            "Ashford Borough Council has not postponed the reopening of the Queen Street car park.",
            id="a postponement denied",
        ),
    ],
)  # fmt: skip
def test_no_final_verdict_on_what_the_report_does_not_speak_of(
    store: SQLiteStore, promise: str, action: str, later: str
) -> None:
    council = Actor.named("Ashford Borough Council", "organisation")
    source, [claim] = promises(promise, council, [action], "Ashford plans")
    store.add_source(source, [claim])
    store.add_source(report(later, 6), [])
    assert _finals(store, claim) == []


def test_the_postponed_meeting_breaks_only_the_meeting_at_the_default_threshold(
    store: SQLiteStore,
) -> None:
    chiefs = Actor.named("coalition military chiefs", "group")
    text = "Coalition military chiefs will accelerate our military support and meet in London."
    source, (support, meet) = promises(
        text, chiefs, ["accelerate our military support", "meet in London"], "Coalition plans"
    )
    store.add_source(source, [support, meet])
    store.add_source(
        report("The meeting of the coalition's military chiefs has been postponed.", 3), []
    )
    assert _finals(store, support) == []
    [(verdict, confidence, _excerpt)] = _finals(store, meet)
    assert verdict is Verdict.BROKEN and confidence is not None and confidence < 0.95


@pytest.mark.parametrize(
    ("promise", "action", "later", "verdict"),
    [
        ("Ashford Borough Council will reopen Harbour Bridge by June.", "reopen Harbour Bridge",
         "Ashford Borough Council reopened Harbour Bridge on Friday.", Verdict.KEPT),
        ("Ashford Borough Council will repair the library roof by June.", "repair the library roof",
         "Ashford Borough Council has postponed the repair of the library roof.", Verdict.BROKEN),
        ("Brightwater will open a store in Kelby by June.", "open a store in Kelby",
         "Brightwater opened its store in Kelby on Saturday.", Verdict.KEPT),
    ],
)  # fmt: skip
def test_the_same_promises_are_decided_by_a_report_that_speaks_of_them(
    store: SQLiteStore, promise: str, action: str, later: str, verdict: Verdict
) -> None:
    # The controls of the tests above: the checker is not merely silent.
    actor = Actor.named(promise.split(" will ")[0], "organisation")
    source, [claim] = promises(promise, actor, [action], "Plans")
    store.add_source(source, [claim])
    store.add_source(report(later, 6), [])
    assert [v for v, _c, _e in _finals(store, claim)] == [verdict]

"""Grouping claims into promises: the rules on sentences of their own, and the
invariants (deterministic, independent of the order claims arrive in, ids stable across
re-runs and re-extraction, revisions found once)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Actor, Claim, TimeWindow
from claimtrack.grouping import RULES, group, mention_of
from claimtrack.plugins import ClaimtrackPluginManager

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4f9421fb867c1b8c.txt"
UTC = timezone.utc
T0 = datetime(2025, 3, 3, 12, tzinfo=UTC)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ACTORS = ["Riverside Council", "the council", "Harbour Trust", "Riverside Council planners"]
ACTIONS = [
    "publish the audit",
    "publish its review of the accounts",
    "publish the annual audit report",
    "reopen the depot",
    "not raise the fares",
    "raise the fares",
    "meet the unions",
    "convene the unions again",
]


def _window(day: int, days: int) -> TimeWindow:
    start = T0 + timedelta(days=day)
    return TimeWindow(start=start, end=start + timedelta(days=days), grain="span", text="soon-ish")


def _claim(source: int, n: int, actor: str, action: str, due: TimeWindow | None) -> Claim:
    text = f"{actor} will {action}"
    who = Actor.named(actor)
    return Claim.build(
        source_id=f"src{source}",
        span=(n * 100, n * 100 + len(text)),
        speaker=who,
        kind="commitment",
        text=text,
        actor=who,
        action=action,
        due=due,
        asserted_at=T0 + timedelta(days=source),
    )


claims_strategy = st.lists(
    st.builds(
        _claim,
        st.integers(0, 3),
        st.integers(0, 5),
        st.sampled_from(ACTORS),
        st.sampled_from(ACTIONS),
        st.one_of(st.none(), st.builds(_window, st.integers(0, 30), st.integers(1, 10))),
    ),
    max_size=12,
    unique_by=lambda c: c.id,
)


def _partition(
    claims: list[Claim], seed: int
) -> tuple[frozenset[frozenset[str]], dict[str, tuple[str | None, str]]]:
    shuffled = list(claims)
    random.Random(seed).shuffle(shuffled)
    g = group(mention_of(c) for c in shuffled)
    return frozenset(frozenset(grp) for grp in g.groups), {
        k: (v.joined, v.rule) for k, v in g.links.items()
    }


@SETTINGS
@given(claims_strategy, st.integers(0, 1000))
def test_grouping_is_deterministic_and_order_independent(claims: list[Claim], seed: int) -> None:
    assert _partition(claims, seed) == _partition(claims, seed + 1) == _partition(claims, 0)


@SETTINGS
@given(claims_strategy)
def test_every_mention_is_in_exactly_one_group_with_a_named_rule(claims: list[Claim]) -> None:
    g = group(mention_of(c) for c in claims)
    members = [c for grp in g.groups for c in grp]
    assert sorted(members) == sorted(c.id for c in claims)
    names = {r.name for r in RULES} | {"first_mention", "pinned_by_person"}
    for grp in g.groups:
        assert g.links[grp[0]].rule == "first_mention"
        for cid in grp[1:]:
            assert g.links[cid].rule in names and g.links[cid].joined in grp


def test_the_rules_join_their_own_examples() -> None:
    for rule in RULES:
        for a, b in rule.examples:
            due = _window(0, 7)
            ca, cb = _claim(0, 0, "Harbour Trust", a, due), _claim(0, 1, "Harbour Trust", b, due)
            assert rule.test(mention_of(ca), mention_of(cb)), rule.name


def test_distinct_acts_in_one_sentence_stay_distinct() -> None:
    a = _claim(0, 0, "Harbour Trust", "accelerate our dredging work", None)
    b = _claim(0, 1, "Harbour Trust", "tighten our berthing rules", None)
    assert len(group([mention_of(a), mention_of(b)]).groups) == 2


def test_paraphrased_object_with_the_same_deadline_is_one_promise() -> None:
    due = _window(10, 30)
    a = _claim(0, 0, "Riverside Council", "publish the audit", due)
    b = _claim(0, 1, "Riverside Council", "publish its review of the accounts", due)
    g = group([mention_of(a), mention_of(b)])
    assert len(g.groups) == 1 and g.links[b.id].rule == "same_source_same_deadline"


def test_a_later_article_moving_the_deadline_is_a_revision() -> None:
    first = _claim(0, 0, "Harbour Trust", "reopen the depot", _window(0, 7))
    later = _claim(3, 0, "Harbour Trust", "reopen the depot", _window(20, 1))
    g = group([mention_of(later), mention_of(first)])
    assert len(g.groups) == 2
    assert g.revisions == ((later.id, first.id, "later_window_revises"),)


def test_pins_keep_promises_apart_and_together() -> None:
    a = _claim(0, 0, "Harbour Trust", "reopen the depot", None)
    b = _claim(1, 0, "Harbour Trust", "reopen the depot", None)
    c = _claim(2, 0, "Harbour Trust", "meet the unions", None)
    ms = [mention_of(x) for x in (a, b, c)]
    assert len(group(ms).groups) == 2
    apart = group(ms, {a.id: "P", b.id: "Q"})
    assert {frozenset(g) for g in apart.groups} == {
        frozenset({a.id}),
        frozenset({b.id}),
        frozenset({c.id}),
    }
    together = group(ms, {a.id: "P", c.id: "P"})
    assert {frozenset(g) for g in together.groups} == {frozenset({a.id, b.id, c.id})}


# -- through the store -----------------------------------------------------------------


def _article(tmp: Path, name: str, published: str, body: str) -> Path:
    path = tmp / name
    path.write_text(f"published: {published}\npublisher: Gazette\n\n{body}\n", encoding="utf-8")
    return path


BODIES = [
    "The council will resurface Mill Lane. The depot will reopen.",
    "The council will resurface Mill Lane. The ferry will run again.",
    "The trust will dredge the harbour. The council will resurface Mill Lane.",
]


def _ledger(tmp: Path, pm: ClaimtrackPluginManager, order: list[int]) -> dict[frozenset[str], str]:
    db = tmp / f"l{'-'.join(map(str, order))}.db"
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        for i in order:
            tracker.add(_article(tmp, f"a{i}.txt", f"2025-03-0{i + 1}T09:00:00+00:00", BODIES[i]))
        return {
            frozenset(tracker.store.mention_ids(ln.claim_id)): ln.claim_id
            for ln in tracker.status_lines(as_of="2025-04-01")
        }


def test_the_store_groups_the_same_whatever_order_sources_arrive_in(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    one = _ledger(tmp_path, will_pm, [0, 1, 2])
    other = _ledger(tmp_path, will_pm, [2, 0, 1])
    assert set(one) == set(other)
    assert len(one) < sum(b.count(" will ") for b in BODIES)  # some were grouped


def test_ids_are_stable_across_regrouping_and_rederiving(
    engine_tracker: claimtrack.Tracker, tmp_path: Path
) -> None:
    for i, body in enumerate(BODIES):
        engine_tracker.add(
            _article(tmp_path, f"b{i}.txt", f"2025-03-0{i + 1}T09:00:00+00:00", body)
        )

    def ids() -> dict[str, list[str]]:
        return {
            ln.claim_id: engine_tracker.store.mention_ids(ln.claim_id)
            for ln in engine_tracker.status_lines(as_of="2025-04-01")
        }

    before = ids()
    engine_tracker.store.regroup(None)
    assert ids() == before
    engine_tracker.rederive()
    assert ids() == before
    # A new source joining a promise leaves its id as it was.
    engine_tracker.add(_article(tmp_path, "late.txt", "2025-03-05T09:00:00+00:00", BODIES[0]))
    after = ids()
    assert set(before) <= set(after)


def test_seed_the_chiefs_meeting_is_one_overdue_promise(tmp_path: Path) -> None:
    with claimtrack.Tracker(tmp_path / "seed.db") as tracker:
        tracker.add(SEED)
        rows = tracker.status(as_of="2025-03-25")
    overdue = [r for r in rows if r.status is not None and r.status.value == "overdue"]
    chiefs = [r for r in overdue if "chiefs" in (r.claim.actor.name if r.claim.actor else "")]
    assert len(chiefs) == 1 and chiefs[0].promise is not None
    assert chiefs[0].promise.mentions == 3
    waits = [r for r in rows if "sit back and wait for Putin" in (r.claim.action or "")]
    assert len(waits) == 1 and waits[0].promise is not None and waits[0].promise.mentions == 2


def test_a_moved_deadline_breaks_the_earlier_promise_once(
    engine_tracker: claimtrack.Tracker, tmp_path: Path
) -> None:
    body = "The council will reopen the depot."
    engine_tracker.add(_article(tmp_path, "first.txt", "2025-03-03T09:00:00+00:00", body))
    engine_tracker.add(_article(tmp_path, "later.txt", "2025-03-12T09:00:00+00:00", body))
    lines = engine_tracker.status_lines(as_of="2025-03-13")
    assert len(lines) == 2
    rows = {
        r.claim.id: r
        for r in engine_tracker.standings_of([ln.claim_id for ln in lines], "2025-03-13")
    }
    (later,) = [r for r in rows.values() if r.promise is not None and r.promise.relations]
    ((kind, earlier_id),) = later.promise.relations  # type: ignore[union-attr]
    assert kind == "revises"
    earlier = rows[earlier_id]
    assert earlier.status is not None and earlier.status.value == "broken"
    assert earlier.decided_by is not None and earlier.decided_by.reason == "postponed"
    assert f"{earlier.decided_by.known_at:%Y-%m-%d}" == "2025-03-12"
    assert "later_window_revises" in earlier.decided_by.recorded_by
    # Before the later article, the earlier promise was simply overdue.
    [before] = engine_tracker.standings_of([earlier_id], "2025-03-11")
    assert before.status is not None and before.status.value == "overdue"
    engine_tracker.rederive()
    engine_tracker.store.regroup(None)
    history = engine_tracker.store.promise_history(earlier_id)
    assert sum(e.reason == "postponed" for e in history) == 1


def test_a_later_mention_taking_it_back_withdraws_the_promise(
    engine_tracker: claimtrack.Tracker, tmp_path: Path
) -> None:
    engine_tracker.add(
        _article(
            tmp_path, "on.txt", "2025-03-03T09:00:00+00:00", "The council will reopen the depot."
        )
    )
    engine_tracker.add(
        _article(
            tmp_path,
            "off.txt",
            "2025-03-05T09:00:00+00:00",
            "The council will not reopen the depot.",
        )
    )
    rows = engine_tracker.status(as_of="2025-03-06")
    (back,) = [r for r in rows if r.promise is not None and r.promise.relations]
    ((kind, earlier_id),) = back.promise.relations  # type: ignore[union-attr]
    assert kind == "reverses"
    (earlier,) = [r for r in rows if r.claim.id == earlier_id]
    assert earlier.status is not None and earlier.status.value == "withdrawn"
    assert earlier.decided_by is not None and earlier.decided_by.reason == "reversed"
    [before] = engine_tracker.standings_of([earlier_id], "2025-03-04")
    assert before.status is not None and before.status.value == "due"  # within its week

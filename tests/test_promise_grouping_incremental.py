"""Incremental grouping: resuming from the grouping of the mentions stored so far with
only the new mentions' candidates gives exactly what grouping everything afresh gives —
the same groups, the same reasons, the same relations — and the store, adding sources
in any order (resuming when it can, regrouping what they touch when not), ends where a
full regroup does."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Actor, Claim, TimeWindow
from claimtrack.grouping import Grouping, can_extend, extend, group, mention_of
from claimtrack.plugins import ClaimtrackPluginManager

UTC = timezone.utc
T0 = datetime(2025, 3, 3, 12, tzinfo=UTC)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ACTORS = ["Riverside Council", "the council", "Harbour Trust"]
ACTIONS = [
    "publish the audit",
    "publish its review of the accounts",
    "publish the annual audit report",
    "reopen the depot",
    "not reopen the depot",
    "sell the old boathouse",
    "lease the old boathouse rather than sell it",
    "cut 300 jobs",
    "cut 150 jobs, not the 300 announced",
    "hold its monthly meeting",
    "meeting",
]


def _claim(source: int, n: int, actor: str, action: str, due: tuple[int, int] | None) -> Claim:
    text = f"{actor} will {action}"
    who = Actor.named(actor)
    window = None
    if due is not None:
        start = T0 + timedelta(days=due[0])
        window = TimeWindow(start=start, end=start + timedelta(days=due[1]), grain="span", text="")
    return Claim.build(
        source_id=f"src{source}",
        span=(n * 100, n * 100 + len(text)),
        speaker=who,
        kind="commitment",
        text=text,
        actor=who,
        action=action,
        due=window,
        asserted_at=T0 + timedelta(days=source * 3),
    )


CLAIMS = st.lists(
    st.builds(
        _claim,
        st.integers(0, 5),
        st.integers(0, 4),
        st.sampled_from(ACTORS),
        st.sampled_from(ACTIONS),
        st.one_of(st.none(), st.tuples(st.integers(0, 40), st.integers(1, 10))),
    ),
    max_size=16,
    unique_by=lambda c: c.id,
)


def _same(a: Grouping, b: Grouping) -> None:
    assert a.groups == b.groups
    assert a.links == b.links
    assert sorted(a.relations) == sorted(b.relations)


@SETTINGS
@given(CLAIMS)
def test_resuming_source_by_source_equals_grouping_afresh(claims: list[Claim]) -> None:
    by_source: dict[str, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.asserted_at, c.source_id)):
        by_source.setdefault(c.source_id, []).append(c)
    so_far: list[Claim] = []
    current = group([])
    for batch in by_source.values():
        old, new = [mention_of(c) for c in so_far], [mention_of(c) for c in batch]
        assert can_extend(old, new)
        current = extend(current, old, new)
        so_far += batch
        _same(current, group(mention_of(c) for c in so_far))


@SETTINGS
@given(CLAIMS, st.integers(0, 16))
def test_resuming_at_any_point_in_canonical_order_equals_grouping_afresh(
    claims: list[Claim], cut: int
) -> None:
    ms = sorted((mention_of(c) for c in claims), key=lambda m: m.order)
    old, new = ms[:cut], ms[cut:]
    _same(extend(group(old), old, new), group(ms))


def test_a_mention_before_the_stored_ones_cannot_resume() -> None:
    late = mention_of(_claim(3, 0, "Harbour Trust", "reopen the depot", None))
    early = mention_of(_claim(1, 0, "Harbour Trust", "reopen the depot", None))
    assert not can_extend([late], [early])
    with pytest.raises(ValueError):
        extend(group([late]), [late], [early])


# -- through the store -----------------------------------------------------------------

BODIES = [
    "The council will resurface Mill Lane. The depot will reopen.",
    "The council will resurface Mill Lane. The ferry will run again.",
    "The trust will dredge the harbour. The council will resurface Mill Lane.",
    "The depot will reopen. The trust will dredge the harbour.",
    "The ferry will run again. The depot will reopen.",
]


def _article(tmp: Path, i: int) -> Path:
    path = tmp / f"a{i}.txt"
    path.write_text(
        f"published: 2025-03-0{i + 1}T09:00:00+00:00\npublisher: Gazette\n\n{BODIES[i]}\n",
        encoding="utf-8",
    )
    return path


def _state(tracker: claimtrack.Tracker) -> tuple[frozenset[frozenset[str]], frozenset[object]]:
    lines = tracker.status_lines(as_of="2025-04-01")
    promises = frozenset(frozenset(tracker.store.mention_ids(ln.claim_id)) for ln in lines)
    reasons = frozenset(
        (m["id"], m["rule"], m["joined"])
        for ln in lines
        for m in tracker.store.promise_record(ln.claim_id)["mentions"]
    )
    return promises, reasons


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.permutations(range(len(BODIES))))
def test_the_store_adding_in_any_order_ends_where_a_full_regroup_does(
    tmp_path_factory: pytest.TempPathFactory, will_pm: ClaimtrackPluginManager, order: list[int]
) -> None:
    tmp = tmp_path_factory.mktemp("inc")
    with claimtrack.Tracker(tmp / "ledger.db", plugin_manager=will_pm) as tracker:
        for i in order:
            tracker.add(_article(tmp, i))
        added = _state(tracker)
        tracker.store.regroup(None)
        assert _state(tracker) == added
    with claimtrack.Tracker(tmp / "fresh.db", plugin_manager=will_pm) as fresh:
        fresh.add([str(_article(tmp, i)) for i in range(len(BODIES))])
        assert _state(fresh) == added


def test_a_random_order_of_many_sources_ends_where_a_full_regroup_does(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    order = list(range(len(BODIES)))
    random.Random(5).shuffle(order)
    with claimtrack.Tracker(tmp_path / "ledger.db", plugin_manager=will_pm) as tracker:
        for i in order:
            tracker.add(_article(tmp_path, i))
        before = _state(tracker)
        tracker.store.regroup(None)
        assert _state(tracker) == before


@SETTINGS
@given(CLAIMS, st.integers(0, 16))
def test_resuming_for_the_changed_groups_gives_those_groups_as_afresh(
    claims: list[Claim], cut: int
) -> None:
    ms = sorted((mention_of(c) for c in claims), key=lambda m: m.order)
    old, new = ms[:cut], ms[cut:]
    whole = group(ms)
    part = extend(group(old), old, new, changed_only=True)
    fresh = {m.claim_id for m in new}
    assert set(part.groups) == {g for g in whole.groups if fresh & set(g)}
    assert all(whole.links[c] == part.links[c] for g in part.groups for c in g)
    touched = {c for g in part.groups for c in g}
    assert set(part.relations) == {r for r in whole.relations if r[0] in touched or r[1] in touched}


def test_mentions_stored_without_a_reading_get_one_at_the_next_regroup(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    import sqlite3

    db = tmp_path / "ledger.db"
    with claimtrack.Tracker(db, plugin_manager=will_pm) as tracker:
        tracker.add(_article(tmp_path, 0))
    conn = sqlite3.connect(db)
    conn.execute("UPDATE mentions SET reading = NULL")  # as a store from before readings
    conn.commit()
    (unread,) = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()
    conn.close()
    with claimtrack.Tracker(db, plugin_manager=will_pm) as tracker:
        tracker.add(_article(tmp_path, 1))  # touches the Mill Lane promise's bucket
        added = _state(tracker)
        tracker.store.regroup(None)
        assert _state(tracker) == added
    conn = sqlite3.connect(db)
    (left,) = conn.execute("SELECT COUNT(*) FROM mentions WHERE reading IS NULL").fetchone()
    conn.close()
    assert left == 0 and unread > 0  # the full regroup read every claim it had to

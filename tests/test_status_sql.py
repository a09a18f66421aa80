"""Status through the store: SQL narrows the rows (a few columns, per claim only the
evidence that can decide it) and one Python derivation decides.  Properties over random
ledgers show the narrowed answer equals ``derive_status`` over everything, and that the
rules of DESIGN.md hold end to end (time only moves a commitment forward; evidence
known after ``as_of`` is ignored; a person outranks a checker; a later verdict
outranks an earlier one)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import Actor, Claim, Evidence, Source, Status, TimeWindow, Tracker, Verdict
from claimtrack.model import FINAL_VERDICTS, RecorderKind
from claimtrack.plugins import get_plugin_manager
from claimtrack.status import derive_status

UTC = timezone.utc
T0 = datetime(2025, 3, 15, 12, tzinfo=UTC)
OFFSETS = [timezone.utc, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))]
ORDER = {Status.OPEN: 0, Status.DUE: 1, Status.OVERDUE: 2}
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def ledger(new_store: Callable[[], AbstractContextManager[str]] | None = None) -> Iterator[Tracker]:
    """A tracker on a fresh store (one per hypothesis example): an SQLite file in a
    folder of its own, or where ``new_store`` says (each engine in turn)."""
    pm = get_plugin_manager(load_entrypoints=False)
    if new_store is not None:
        with new_store() as where, Tracker(where, plugin_manager=pm) as tracker:
            yield tracker
        return
    with (
        tempfile.TemporaryDirectory() as tmp,
        Tracker(Path(tmp) / "ledger.db", plugin_manager=pm) as tracker,
    ):
        yield tracker


def window(start_h: int, hours: int, vague: bool) -> TimeWindow:
    start = T0 + timedelta(hours=start_h)
    return TimeWindow(start=start, end=start + timedelta(hours=hours), grain="span", vague=vague)


claim_shapes = st.tuples(
    st.one_of(
        st.none(),
        st.builds(
            window,
            st.integers(-500, 500),
            st.integers(1, 300),
            st.booleans(),
        ),
    ),
    st.booleans(),  # has a condition
    st.sampled_from(["commitment", "commitment", "statement"]),
)
evidence_shapes = st.tuples(
    st.integers(0, 4),  # which claim
    st.sampled_from(list(Verdict)),
    st.integers(-100, 600),  # known, hours after T0 (coarse, so ties happen)
    st.integers(0, 3),  # recorded, hours after known
    st.booleans(),  # by a person
    st.sampled_from(OFFSETS),
)


#: A different act for each claim, so each is a promise of its own.
VERBS = ["publish", "build", "repair", "open", "close"]


def build(tracker: Tracker, shapes: list[tuple[TimeWindow | None, bool, str]]) -> list[Claim]:
    """One source with a claim for each shape, each a different act (so a promise of
    its own: grouping is tested in test_promise_grouping.py)."""
    text = " ".join(f"Claim number {i:02d} is here." for i in range(len(shapes)))
    source = Source.from_text(text, published_at=T0, publisher="Wire")
    actor = Actor.named("Wire", "organisation")
    claims = []
    for i, (due, conditional, kind) in enumerate(shapes):
        start = text.index(f"Claim number {i:02d}")
        piece = f"Claim number {i:02d} is here."
        claims.append(
            Claim.build(
                source_id=source.id,
                span=(start, start + len(piece)),
                speaker=actor,
                kind=kind,
                text=piece,
                asserted_at=T0,
                actor=actor,
                action=f"{VERBS[i]} the depot",
                due=due,
                condition="if it rains" if conditional else None,
            )
        )
    tracker.store.add_source(source, claims)
    return claims


def add(
    tracker: Tracker,
    claim: Claim,
    verdict: Verdict,
    known_h: int,
    *,
    person: bool,
    recorded_h: int = 0,
    tz: timezone = UTC,
) -> Evidence:
    known = (T0 + timedelta(hours=known_h)).astimezone(tz)
    stored = tracker.store.add_evidence(
        Evidence(
            claim_id=claim.id,
            verdict=verdict,
            known_at=known,
            recorded_at=(known + timedelta(hours=recorded_h)).astimezone(tz),
            recorded_by="someone" if person else "claimtrack.checker 0.1.0",
            recorder=RecorderKind.PERSON if person else RecorderKind.CHECKER,
        )
    )
    assert stored is not None
    return stored


@SETTINGS
@given(
    st.lists(claim_shapes, min_size=1, max_size=5),
    st.lists(evidence_shapes, max_size=14),
    st.lists(st.integers(-600, 900), min_size=1, max_size=4),
)
def test_sql_narrowed_status_equals_derive_status_over_everything(
    new_store: Callable[[], AbstractContextManager[str]],
    shapes: list[tuple[TimeWindow | None, bool, str]],
    history: list[tuple[int, Verdict, int, int, bool, timezone]],
    as_ofs: list[int],
) -> None:
    # On both engines: the decisive-evidence query is the SQL most likely to differ.
    with ledger(new_store) as tracker:
        claims = build(tracker, shapes)
        for which, verdict, known_h, rec_h, person, tz in history:
            claim = claims[which % len(claims)]
            add(tracker, claim, verdict, known_h, person=person, recorded_h=rec_h, tz=tz)
        for h in as_ofs:
            as_of = T0 + timedelta(hours=h)
            lines = {ln.claim_id: ln for ln in tracker.status_lines(as_of, kind=None)}
            rows = {r.claim.id: r for r in tracker.status(as_of, kind=None)}
            for claim in claims:
                everything = tracker.store.evidence_for(claim.id)
                if as_of < T0:  # nothing is listed before it was said
                    assert claim.id not in lines and claim.id not in rows
                    continue
                if not claim.is_tracked:  # a statement: listed, no status, no promise
                    assert claim.id not in lines and rows[claim.id].status is None
                    continue
                expected = derive_status(claim, everything, as_of)
                line = lines[claim.id]
                assert (line.status, line.progress, line.decided_by) == expected
                row = rows[claim.id]
                assert (row.status, row.progress, row.decided_by) == expected


@SETTINGS
@given(
    claim_shapes, st.lists(evidence_shapes, max_size=8), st.integers(-600, 900), st.integers(0, 900)
)
def test_time_only_moves_a_commitment_forward(
    shape: tuple[TimeWindow | None, bool, str],
    history: list[tuple[int, Verdict, int, int, bool, timezone]],
    at: int,
    later: int,
) -> None:
    with ledger() as tracker:
        [claim] = build(tracker, [(shape[0], shape[1], "commitment")])
        a = T0 + timedelta(hours=max(at, 0))  # listed from when it was made
        b = a + timedelta(hours=later)
        for _, verdict, known_h, rec_h, person, tz in history:
            # Only evidence already known at a: nothing new arrives between a and b.
            add(tracker, claim, verdict, min(known_h, at), person=person, recorded_h=rec_h, tz=tz)
        [early] = tracker.status(a)
        [late] = tracker.status(b)
        assert early.status is not None and late.status is not None
        if early.status in ORDER and late.status in ORDER:
            assert ORDER[early.status] <= ORDER[late.status]
        if early.status.is_final:
            assert late.status == early.status


@SETTINGS
@given(claim_shapes, st.lists(evidence_shapes, max_size=8), st.integers(-300, 700))
def test_evidence_known_after_as_of_is_ignored(
    shape: tuple[TimeWindow | None, bool, str],
    history: list[tuple[int, Verdict, int, int, bool, timezone]],
    at: int,
) -> None:
    at = max(at, 0)  # listed from when it was made
    as_of = T0 + timedelta(hours=at)
    with ledger() as before, ledger() as with_future:
        [c1] = build(before, [(shape[0], shape[1], "commitment")])
        [c2] = build(with_future, [(shape[0], shape[1], "commitment")])
        for _, verdict, known_h, rec_h, person, tz in history:
            if known_h <= at:
                add(before, c1, verdict, known_h, person=person, recorded_h=rec_h, tz=tz)
                add(with_future, c2, verdict, known_h, person=person, recorded_h=rec_h, tz=tz)
            else:
                add(with_future, c2, verdict, known_h, person=person, recorded_h=rec_h, tz=tz)
        [r1] = before.status(as_of)
        [r2] = with_future.status(as_of)
        assert (r1.status, r1.progress) == (r2.status, r2.progress)


@SETTINGS
@given(
    claim_shapes,
    st.lists(evidence_shapes, max_size=8),
    st.sampled_from(sorted(FINAL_VERDICTS)),
    st.integers(-100, 600),
)
def test_a_persons_verdict_outranks_any_checker(
    shape: tuple[TimeWindow | None, bool, str],
    history: list[tuple[int, Verdict, int, int, bool, timezone]],
    verdict: Verdict,
    at: int,
) -> None:
    with ledger() as tracker:
        [claim] = build(tracker, [(shape[0], shape[1], "commitment")])
        for _, v, known_h, rec_h, _person, tz in history:
            add(tracker, claim, v, known_h, person=False, recorded_h=rec_h, tz=tz)
        person = add(tracker, claim, verdict, at, person=True)
        [row] = tracker.status(T0 + timedelta(hours=900))
        assert row.status == Status(verdict.value)
        assert row.decided_by == person


@SETTINGS
@given(
    claim_shapes,
    st.sampled_from(sorted(FINAL_VERDICTS)),
    st.sampled_from(sorted(FINAL_VERDICTS)),
    st.integers(-100, 400),
    st.integers(1, 200),
    st.booleans(),
)
def test_a_later_verdict_outranks_an_earlier_one(
    shape: tuple[TimeWindow | None, bool, str],
    first: Verdict,
    second: Verdict,
    at: int,
    gap: int,
    person: bool,
) -> None:
    with ledger() as tracker:
        [claim] = build(tracker, [(shape[0], shape[1], "commitment")])
        # Recorded in the other order: what counts is when each became known.
        at = max(at, 0)  # listed from when it was made
        add(tracker, claim, second, at + gap, person=person)
        add(tracker, claim, first, at, person=person)
        [between] = tracker.status(T0 + timedelta(hours=at))
        [after] = tracker.status(T0 + timedelta(hours=at + gap))
        assert between.status == Status(first.value)
        assert after.status == Status(second.value)


def test_narrowing_keeps_only_deciding_rows(tmp_path: Path) -> None:
    with Tracker(
        tmp_path / "l.db", plugin_manager=get_plugin_manager(load_entrypoints=False)
    ) as tracker:
        [claim] = build(tracker, [(window(0, 48, False), True, "commitment")])
        for h in range(10):
            add(tracker, claim, Verdict.IN_PROGRESS, h, person=False)
        add(tracker, claim, Verdict.STALLED, 20, person=True)
        add(tracker, claim, Verdict.CONDITION_MET, 21, person=False)
        narrowed = tracker.store.decisive_evidence(T0 + timedelta(hours=30))[claim.id]
        assert sorted(e.verdict.value for e in narrowed) == ["condition_met", "stalled"]
        [row] = tracker.status(T0 + timedelta(hours=30))
        assert row.status is Status.DUE and row.progress is not None
        assert row.progress.value == "stalled"
        [full] = tracker.status(T0 + timedelta(hours=30), history=True)
        assert len(full.evidence) == 12

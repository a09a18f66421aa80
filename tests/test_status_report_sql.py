"""The report decided in the database (counts, sections, the rows shown, every line),
and the rows exporters get a slice at a time, equal the report assembled from each
promise's pure derivation (``decide`` over the
evidence known then), on both engines, for ``--as-of`` just before, at and just after
each verdict's known time and each retraction's: the index of deciding verdicts is
used only from the time each became known, and before it the evidence known then
decides.  A promise whose index is stale (marked, not rebuilt) is decided from its
evidence, and the answer is the same."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import Actor, Claim, Evidence, Source, TimeWindow, Tracker, Verdict
from claimtrack.export_rows import ClaimStandings
from claimtrack.model import RecorderKind
from claimtrack.plugins import get_plugin_manager
from claimtrack.report import StatusReport, assemble_report, render_json
from claimtrack.status import Standing

UTC = timezone.utc
T0 = datetime(2025, 3, 15, 12, tzinfo=UTC)
ACTORS = [
    Actor.named("Harbour Board", "organisation"),
    Actor.named("Valley Council", "organisation"),
]
VERBS = ["dredge", "repair", "reopen", "paint", "survey", "widen"]

windows = st.one_of(
    st.none(),
    st.tuples(st.integers(-300, 300), st.integers(1, 200), st.booleans()).map(
        lambda t: TimeWindow(
            start=T0 + timedelta(hours=t[0]),
            end=T0 + timedelta(hours=t[0] + t[1]),
            grain="span",
            vague=t[2],
        )
    ),
)
promise_shapes = st.lists(
    st.tuples(windows, st.booleans(), st.integers(0, 1), st.integers(-50, 50)),
    min_size=1,
    max_size=6,
)
evidence_shapes = st.lists(
    st.tuples(
        st.integers(0, 5),
        st.sampled_from(list(Verdict)),
        st.integers(-60, 400),  # known, hours after T0
        st.booleans(),  # by a person
        st.sampled_from([None, None, "cancelled", "postponed"]),  # a reason code
    ),
    max_size=10,
)
retractions = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 500)), max_size=2)


def _build(tracker: Tracker, shapes: list[tuple[TimeWindow | None, bool, int, int]]) -> list[Claim]:
    claims = []
    for i, (due, conditional, who, said_h) in enumerate(shapes):
        said = T0 + timedelta(hours=said_h)
        piece = f"Item {i}: the board will {VERBS[i]} the quay."
        source = Source.from_text(piece, published_at=said, publisher="Wire")
        actor = ACTORS[who]
        claim = Claim.build(
            source_id=source.id,
            span=(0, len(piece)),
            speaker=actor,
            kind="commitment",
            text=piece,
            asserted_at=said,
            actor=actor,
            action=f"{VERBS[i]} the quay",
            due=due,
            condition="if the grant comes" if conditional else None,
        )
        tracker.store.add_source(source, [claim])
        claims.append(claim)
    return claims


def _plain(tracker: Tracker, at: datetime, limit: int | None) -> StatusReport:
    # The reference: every promise's line by the pure derivation, sorted in Python.
    lines = tracker.status_lines(at)
    return assemble_report(
        lines,
        at,
        limit=limit,
        load=lambda ids: {s.claim.id: s for s in tracker.standings_of(ids, at)},
        names=tracker.store.actor_names,
        records=lambda ls: tracker._records(ls, at),
    )


def _row(r: Standing) -> tuple[object, ...]:
    return (r.claim.id, r.status, r.progress, r.decided_by, list(r.evidence), r.promise)


def _same(fast: StatusReport, plain: StatusReport) -> None:
    assert fast.counts == plain.counts
    assert fast.reasons == plain.reasons
    assert fast.total == plain.total
    assert [(s.key, s.total, [r.claim.id for r in s.rows]) for s in fast.sections] == [
        (s.key, s.total, [r.claim.id for r in s.rows]) for s in plain.sections
    ]
    assert [(r.status, r.progress, r.decided_by) for s in fast.sections for r in s.rows] == [
        (r.status, r.progress, r.decided_by) for s in plain.sections for r in s.rows
    ]
    assert [(a.id, a.name, dict(a.counts)) for a in fast.actors] == [
        (a.id, a.name, dict(a.counts)) for a in plain.actors
    ]
    assert {k: list(v) for k, v in fast.section_ids.items()} == {
        k: list(v) for k, v in plain.section_ids.items()
    }
    assert [(ln.claim_id, ln.status, ln.progress, ln.decided_by) for ln in fast.lines] == [
        (ln.claim_id, ln.status, ln.progress, ln.decided_by) for ln in plain.lines
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(promise_shapes, evidence_shapes, retractions, st.sampled_from([None, 1, 2]), st.data())
def test_the_report_in_sql_equals_the_pure_derivation(
    new_store: Callable[[], AbstractContextManager[str]],
    shapes: list[tuple[TimeWindow | None, bool, int, int]],
    history: list[tuple[int, Verdict, int, bool, str | None]],
    retract: list[tuple[int, int]],
    limit: int | None,
    data: st.DataObject,
) -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    with new_store() as where, Tracker(where, plugin_manager=pm) as tracker:
        claims = _build(tracker, shapes)
        times = [T0]
        for which, verdict, known_h, person, reason in history:
            known = T0 + timedelta(hours=known_h)
            tracker.store.add_evidence(
                Evidence(
                    claim_id=claims[which % len(claims)].id,
                    verdict=verdict,
                    reason=reason,
                    known_at=known,
                    recorded_at=known,
                    recorded_by="desk" if person else "claimtrack.checker 0.1.0",
                    recorder=RecorderKind.PERSON if person else RecorderKind.CHECKER,
                )
            )
            times.append(known)
        for which, known_h in retract:
            known = T0 + timedelta(hours=known_h)
            try:
                tracker.retract(claims[which % len(claims)].id, known=known.isoformat())
            except Exception:  # no person's verdict left to retract: nothing to do
                continue
            times.append(known)
        moments = sorted({t + timedelta(seconds=d) for t in times for d in (-1, 0, 1)})
        for at in data.draw(st.lists(st.sampled_from(moments), min_size=1, max_size=4)):
            fast = tracker.report(at, limit=limit)
            _same(fast, _plain(tracker, at, limit))
            # What exporters get, read a slice at a time, is what the whole read gives.
            sliced = ClaimStandings(tracker, at)
            whole = tracker.claim_standings(at)
            assert len(sliced) == len(whole)
            assert [_row(r) for r in sliced] == [_row(r) for r in whole]


def test_a_stale_index_is_not_trusted(new_store: Callable[[], AbstractContextManager[str]]) -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    with new_store() as where, Tracker(where, plugin_manager=pm) as tracker:
        [claim, _other] = _build(tracker, [(None, False, 0, 0), (None, True, 1, 0)])
        tracker.store.add_evidence(
            Evidence(
                claim_id=claim.id,
                verdict=Verdict.KEPT,
                known_at=T0 + timedelta(hours=2),
                recorded_at=T0 + timedelta(hours=2),
                recorded_by="desk",
                recorder=RecorderKind.PERSON,
            )
        )
        at = T0 + timedelta(hours=3)
        assert tracker.report(at).counts == {"kept": 1, "conditional": 1}
        # What an older claimtrack leaves: its evidence is not in the index, only marked.
        pid = tracker.store.promise_of_claims([claim.id])[claim.id]
        conn = tracker.store._conn  # type: ignore[attr-defined]
        conn.execute("BEGIN")
        conn.execute("DELETE FROM status_steps")
        conn.execute("INSERT INTO status_dirty (promise_id) VALUES (?)", (pid,))
        conn.execute("COMMIT")
        fast = tracker.report(at)
        assert fast.counts == {"kept": 1, "conditional": 1}
        _same(fast, _plain(tracker, at, None))


def test_json_streams_the_same_document(
    new_store: Callable[[], AbstractContextManager[str]],
) -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    with new_store() as where, Tracker(where, plugin_manager=pm) as tracker:
        _build(tracker, [(None, False, 0, 0), (None, True, 1, -5), (None, False, 1, 5)])
        at = T0 + timedelta(hours=10)
        streamed, plain = io.StringIO(), io.StringIO()
        render_json(tracker.report(at, limit=0), streamed)
        render_json(_plain(tracker, at, 0), plain)
        assert json.loads(streamed.getvalue()) == json.loads(plain.getvalue())


def test_counts_too_large_for_a_field_are_counted_one_class_at_a_time(
    new_store: Callable[[], AbstractContextManager[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimtrack.store_status as store_status

    pm = get_plugin_manager(load_entrypoints=False)
    with new_store() as where, Tracker(where, plugin_manager=pm) as tracker:
        windows = [TimeWindow(start=T0, end=T0 + timedelta(hours=h), grain="span") for h in (1, 9)]
        _build(
            tracker, [(w, c, 0, 0) for w in windows for c in (False, True)] + [(None, False, 0, 0)]
        )
        at = T0 + timedelta(hours=5)
        packed = tracker.report(at)
        monkeypatch.setattr(store_status, "_FIELD", 2)
        wide = tracker.report(at)
        _same(wide, packed)
        _same(wide, _plain(tracker, at, None))

"""derive_status follows DESIGN.md's rules exactly; properties over random histories."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import assume, given
from hypothesis import strategies as st

from claimtrack import Claim, Evidence, Progress, Status, TimeWindow, Verdict, derive_status
from claimtrack.model import FINAL_VERDICTS, RecorderKind

UTC = timezone.utc
T0 = datetime(2025, 3, 15, 12, tzinfo=UTC)
ORDER = {Status.OPEN: 0, Status.DUE: 1, Status.OVERDUE: 2}


def commitment(due: TimeWindow | None = None, condition: str | None = None) -> Claim:
    return Claim(
        id="c1",
        source_id="s1",
        kind="commitment",
        text="meet",
        span=(0, 4),
        due=due,
        condition=condition,
    )


def window(start_h: int, hours: int, vague: bool = False) -> TimeWindow:
    start = T0 + timedelta(hours=start_h)
    return TimeWindow(start=start, end=start + timedelta(hours=hours), grain="span", vague=vague)


def ev(
    verdict: Verdict, known_h: int, person: bool = True, recorded_h: int | None = None
) -> Evidence:
    known = T0 + timedelta(hours=known_h)
    return Evidence(
        claim_id="c1",
        verdict=verdict,
        known_at=known,
        recorded_at=T0 + timedelta(hours=recorded_h if recorded_h is not None else known_h),
        recorded_by="someone" if person else "claimtrack.checker 0.1",
        recorder=RecorderKind.PERSON if person else RecorderKind.CHECKER,
    )


hours = st.integers(min_value=-2000, max_value=2000)
windows = st.one_of(
    st.none(),
    st.builds(window, hours, st.integers(min_value=1, max_value=500), st.booleans()),
)
evidence_lists = st.lists(
    st.builds(ev, st.sampled_from(list(Verdict)), hours, st.booleans(), hours), max_size=6
)


def test_timeline_states() -> None:
    c = commitment(window(24, 48))
    assert derive_status(c, [], T0)[0] is Status.OPEN
    assert derive_status(c, [], T0 + timedelta(hours=24))[0] is Status.DUE
    assert derive_status(c, [], T0 + timedelta(hours=71))[0] is Status.DUE
    assert derive_status(c, [], T0 + timedelta(hours=72))[0] is Status.OVERDUE


def test_undated_and_vague_are_never_overdue() -> None:
    far = T0 + timedelta(days=3650)
    assert derive_status(commitment(None), [], far)[0] is Status.OPEN
    assert derive_status(commitment(window(0, 24, vague=True)), [], far)[0] is Status.OPEN
    unresolved = TimeWindow(start=None, end=None, text="next week")
    assert derive_status(commitment(unresolved), [], far)[0] is Status.OPEN


def test_conditional_until_condition_met() -> None:
    c = commitment(window(0, 24), condition="in the event of a peace deal")
    assert derive_status(c, [], T0 + timedelta(days=30))[0] is Status.CONDITIONAL
    met = ev(Verdict.CONDITION_MET, 10)
    assert derive_status(c, [met], T0 + timedelta(hours=5))[0] is Status.CONDITIONAL
    assert derive_status(c, [met], T0 + timedelta(days=30))[0] is Status.OVERDUE
    assert (
        derive_status(c, [ev(Verdict.ANNULLED, 1)], T0 + timedelta(hours=2))[0] is Status.ANNULLED
    )


def test_progress_beside_timeline() -> None:
    c = commitment(window(0, 240))
    status, progress, decided = derive_status(
        c, [ev(Verdict.IN_PROGRESS, 1), ev(Verdict.STALLED, 2)], T0 + timedelta(hours=3)
    )
    assert (status, progress, decided) == (Status.DUE, Progress.STALLED, None)


def test_person_outranks_later_checker() -> None:
    c = commitment(window(0, 24))
    person = ev(Verdict.KEPT, 1, person=True)
    checker = ev(Verdict.BROKEN, 5, person=False)
    status, _, decided = derive_status(c, [checker, person], T0 + timedelta(days=1))
    assert status is Status.KEPT and decided == person


@given(windows, evidence_lists, hours, hours)
def test_time_only_moves_forward_without_new_evidence(
    due: TimeWindow | None, evidence: list[Evidence], a: int, b: int
) -> None:
    assume(a <= b)
    c = commitment(due)
    evidence = [
        e for e in evidence if e.known_at <= T0 + timedelta(hours=a)
    ]  # nothing new between a and b
    early = derive_status(c, evidence, T0 + timedelta(hours=a))[0]
    late = derive_status(c, evidence, T0 + timedelta(hours=b))[0]
    if early in ORDER and late in ORDER:
        assert ORDER[early] <= ORDER[late]
    if early.is_final:
        assert late == early


@given(windows, evidence_lists, evidence_lists, hours)
def test_evidence_known_after_as_of_is_ignored(
    due: TimeWindow | None, known: list[Evidence], later: list[Evidence], at: int
) -> None:
    as_of = T0 + timedelta(hours=at)
    c = commitment(due)
    before = [e for e in known if e.known_at <= as_of]
    future = [e for e in later if e.known_at > as_of]
    assert derive_status(c, before + future, as_of) == derive_status(c, before, as_of)


@given(windows, evidence_lists, st.sampled_from(sorted(FINAL_VERDICTS)), hours)
def test_a_persons_final_verdict_outranks_any_checker(
    due: TimeWindow | None, evidence: list[Evidence], verdict: Verdict, at: int
) -> None:
    checkers = [e for e in evidence if not e.by_person]
    person = ev(verdict, at, person=True)
    as_of = T0 + timedelta(hours=at + 1)
    status, progress, decided = derive_status(commitment(due), [*checkers, person], as_of)
    assert status == Status(verdict.value) and decided == person and progress is None


@given(
    windows,
    st.sampled_from(sorted(FINAL_VERDICTS)),
    st.sampled_from(sorted(FINAL_VERDICTS)),
    hours,
    st.integers(1, 500),
    st.booleans(),
)
def test_later_verdict_outranks_earlier_from_same_kind_of_recorder(
    due: TimeWindow | None, first: Verdict, second: Verdict, at: int, gap: int, person: bool
) -> None:
    a = ev(first, at, person=person)
    b = ev(second, at + gap, person=person)
    as_of = T0 + timedelta(hours=at + gap)
    assert derive_status(commitment(due), [b, a], as_of)[0] == Status(second.value)


@given(windows, evidence_lists, hours)
def test_derivation_is_pure_and_order_independent(
    due: TimeWindow | None, evidence: list[Evidence], at: int
) -> None:
    as_of = T0 + timedelta(hours=at)
    c = commitment(due)
    first = derive_status(c, evidence, as_of)
    assert derive_status(c, list(reversed(evidence)), as_of)[:2] == first[:2]

"""The verdict rules' confidences are what the calibration set says they are, and the
calibration set holds the checker to its word: no final verdict at the default
threshold on a report that speaks of something else, and most verdicts right."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.checking.calibration import (
    Outcome,
    load_pairs,
    reliability,
    rule_counts,
    run_pairs,
)
from claimtrack.checking.confidence import CAP, PRIOR, STRENGTHS, Part, about, compose
from claimtrack.checking.rules import CONDITION_RULES, RULES
from claimtrack.tracker_check import DEFAULT_MIN_CONFIDENCE

CALIBRATION = Path(__file__).parent / "data" / "checker_calibration.jsonl"
#: Pairs never used to set a confidence or change a rule: a guard of precision only.
HELDOUT = Path(__file__).parent / "data" / "checker_heldout.jsonl"
CASES = {
    "kept", "cancelled", "declined", "postponed", "missed", "late", "reduced", "elsewhere",
    "item left out", "withdrawn", "not as promised", "condition failed", "condition met",
    "in progress", "stalled", "restated", "risk", "denied", "unrelated",
}  # fmt: skip


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    """Every calibration pair through the whole checker."""
    return run_pairs(load_pairs(CALIBRATION))


@pytest.fixture(scope="module")
def heldout() -> list[Outcome]:
    """Every held-out pair through the whole checker."""
    return run_pairs(load_pairs(HELDOUT))


def test_the_calibration_set_covers_every_kind_of_follow_up() -> None:
    pairs = load_pairs(CALIBRATION)
    assert {p.case for p in pairs} == CASES
    assert sum(p.case == "unrelated" for p in pairs) >= 35
    # Distinct reports: no pair counted twice.
    assert len({(p.example.promise, p.example.report) for p in pairs}) == len(pairs)


def test_each_rule_s_confidence_is_its_reliability_on_the_calibration_set(
    outcomes: list[Outcome],
) -> None:
    counts = rule_counts(outcomes)
    for rule in (*RULES, *CONDITION_RULES):
        if rule.verdict is None:
            continue
        right, fired = counts.get(rule.name, (0, 0))
        assert rule.confidence == pytest.approx(reliability(right, fired), abs=0.01), (
            rule.name,
            right,
            fired,
        )


@pytest.mark.parametrize("which", ["outcomes", "heldout"])
def test_no_final_verdict_on_a_report_about_something_else(
    which: str, request: pytest.FixtureRequest
) -> None:
    found: list[Outcome] = request.getfixturevalue(which)
    wrong = [
        (o.pair.example.report, o.verdict, o.confidence)
        for o in found
        if o.pair.case == "unrelated"
        and o.verdict is not None
        and o.verdict.is_final
        and (o.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE
    ]
    assert wrong == []


def test_verdicts_at_the_default_threshold_are_mostly_right(outcomes: list[Outcome]) -> None:
    decided = [o for o in outcomes if (o.confidence or 0.0) >= DEFAULT_MIN_CONFIDENCE]
    right = sum(o.right for o in decided)
    assert right / len(decided) >= 0.9, [
        (o.pair.example.report, o.verdict) for o in decided if not o.right
    ]
    # And the confidences are not too modest: the mean is within the share right.
    mean = sum(o.confidence or 0.0 for o in decided) / len(decided)
    assert mean <= right / len(decided)


def test_every_verdict_names_its_rule(outcomes: list[Outcome]) -> None:
    assert all(o.rule is not None for o in outcomes if o.verdict is not None)


def test_confidence_is_about_times_reliability_capped() -> None:
    parts = [Part("actor", "named"), Part("act", "a verb of its class")]
    assert about([]) == pytest.approx(1 / (1 + 2.718281828 ** (-PRIOR)), abs=1e-6)
    assert compose(parts, 0.8) == pytest.approx(about(parts) * 0.8)
    assert compose([Part("actor", "named")] * 10, 1.0) == CAP
    with pytest.raises(ValueError, match="no strength"):
        Part("actor", "guessed")


def test_more_matched_parts_never_make_a_verdict_less_sure() -> None:
    # Every strength but the ones that point away is positive or nothing.
    away = {("place", "unknown"), ("form", "headline"), ("name", "absent")}
    assert all(v >= 0 for k, v in STRENGTHS.items() if k not in away)
    assert all(STRENGTHS[k] < 0 for k in away)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(sorted(STRENGTHS)), max_size=6),
    st.sampled_from(sorted(k for k, v in STRENGTHS.items() if v > 0)),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_a_further_matching_part_raises_the_confidence(
    held: list[tuple[str, str]], more: tuple[str, str], rel: float
) -> None:
    parts = [Part(*k) for k in held]
    assert compose([*parts, Part(*more)], rel) >= compose(parts, rel)
    assert 0.0 <= compose(parts, rel) <= CAP

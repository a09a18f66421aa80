"""Every verdict rule's examples, run through the whole checker: the promise and the
later report are stored, the checker runs, and the verdict (and the rule named in the
evidence's note) is the example's.  An example with no verdict must record nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from claimtrack import Source
from claimtrack.checking import check_commitment
from claimtrack.checking.calibration import promise_of
from claimtrack.checking.rules import CONDITION_RULES, RULES, Example, Rule
from claimtrack.store import SQLiteStore

CASES = [
    pytest.param(rule, example, id=f"{rule.name}-{n}")
    for rule in (*RULES, *CONDITION_RULES)
    for n, example in enumerate(rule.examples)
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    """An empty store."""
    with SQLiteStore(tmp_path / "rules.db") as s:
        yield s


def test_every_rule_has_an_example() -> None:
    assert all(rule.examples for rule in (*RULES, *CONDITION_RULES))
    names = [rule.name for rule in (*RULES, *CONDITION_RULES)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(store: SQLiteStore, rule: Rule, example: Example) -> None:
    source, claim = promise_of(example)
    store.add_source(source, [claim])
    report = Source.from_text(
        example.report,
        published_at=datetime.fromisoformat(example.published),
        uri="https://example.org/report",
    )
    store.add_source(report, [])
    as_of = datetime.fromisoformat(example.published)
    found = check_commitment(claim, store, as_of)
    if example.expect is None:
        assert found == [], [e.note for e in found]
        return
    assert [e.verdict for e in found] == [example.expect], [e.note for e in found]
    [evidence] = found
    assert evidence.note is not None and evidence.note.startswith(f"rule {rule.name}:")
    assert evidence.excerpt == example.report
    assert evidence.reason == rule.reason
    assert evidence.confidence is not None and 0.3 <= evidence.confidence <= 0.95

"""The checker's calibration set: follow-up pairs of our own writing (a promise, a later
report, the verdict a person gives, or none), run through the whole checker to count how
often each verdict rule is right.  A rule's confidence (its reliability, see
:mod:`.confidence`) is ``(right + 1) / (fired + 2)`` of these counts;
``tests/test_checker_calibration.py`` holds the rules to them, and
``benchmarks/followups.py --part calibration`` prints them.

A pair's ``case`` says what kind of follow-up it is (kept, cancelled, declined,
postponed, missed, late, reduced, elsewhere, item left out, withdrawn, not as promised,
condition failed, condition met, in progress, stalled, restated, risk, denied,
unrelated).  An ``unrelated`` pair's report speaks of something else: any final verdict
on it is a verdict on a promise the report does not speak of.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

import attrs

from ..model import Actor, Claim, Evidence, Source, Verdict
from ..store import SQLiteStore
from ..timewindows import find_windows
from .checker import check_commitment
from .rules import Example

__all__ = [
    "Outcome",
    "Pair",
    "load_pairs",
    "promise_of",
    "reliability",
    "rule_counts",
    "run_example",
    "run_pairs",
]


@attrs.frozen
class Pair:
    """One pair of the calibration set: what kind of follow-up, and the example."""

    case: str
    example: Example


@attrs.frozen
class Outcome:
    """What the checker found on a pair: its most confident finding, if any."""

    pair: Pair
    verdict: Verdict | None
    rule: str | None
    confidence: float | None

    @property
    def right(self) -> bool:
        """Whether the checker's verdict is the person's (no verdict for none)."""
        return self.verdict == self.pair.example.expect


def load_pairs(path: Path) -> list[Pair]:
    """The pairs of a calibration file (JSON lines)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        expect = Verdict(d["expect"]) if d.get("expect") else None
        example = Example(
            d["promise"],
            d["said"],
            d["report"],
            d["published"],
            expect,
            actor=d.get("actor"),
            condition=d.get("condition"),
        )
        out.append(Pair(d["case"], example))
    return out


def promise_of(example: Example) -> tuple[Source, Claim]:
    """The example's promise as a stored commitment, its window read from its words."""
    said = datetime.fromisoformat(example.said)
    text = example.promise
    source = Source.from_text(text, published_at=said, title="Promise", publisher="Test Wire")
    windows = find_windows(text, said, tense="future")
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(text)),
        speaker=Actor.named("Test Wire", "organisation"),
        kind="commitment",
        text=text,
        sentence=text,
        asserted_at=said,
        actor=Actor.named(example.actor) if example.actor else None,
        due=windows[0][1] if windows else None,
        condition=example.condition,
    )
    return source, claim


def run_example(example: Example, store: SQLiteStore) -> list[Evidence]:
    """Store ``example``'s promise (its window read from its words) and report in
    ``store``, run the checker as of the report's publication, return its evidence."""
    source, claim = promise_of(example)
    store.add_source(source, [claim])
    published = datetime.fromisoformat(example.published)
    report = Source.from_text(example.report, published_at=published, uri="https://example.org/r")
    store.add_source(report, [])
    return check_commitment(claim, store, published)


def run_pairs(pairs: Iterable[Pair]) -> list[Outcome]:
    """Each pair through the checker, in a store of its own."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, pair in enumerate(pairs):
            with SQLiteStore(Path(tmp) / f"pair{n}.db") as store:
                found = run_example(pair.example, store)
            best = max(found, key=lambda e: e.confidence or 0.0, default=None)
            rule = None
            if best is not None and best.note and best.note.startswith("rule "):
                rule = best.note[5:].split(":", 1)[0]
            out.append(
                Outcome(
                    pair,
                    best.verdict if best is not None else None,
                    rule,
                    best.confidence if best is not None else None,
                )
            )
    return out


def rule_counts(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int]]:
    """Per rule, (right, fired) over the pairs whose report speaks of the promise; a
    verdict on an ``unrelated`` pair is the identity's error, not the rule's."""
    counts: dict[str, list[int]] = {}
    for o in outcomes:
        if o.rule is None or o.pair.case == "unrelated":
            continue
        c = counts.setdefault(o.rule, [0, 0])
        c[0] += o.right
        c[1] += 1
    return {rule: (c[0], c[1]) for rule, c in counts.items()}


def reliability(right: int, fired: int) -> float:
    """``(right + 1) / (fired + 2)``: the share right, one right and one wrong added."""
    return (right + 1) / (fired + 2)

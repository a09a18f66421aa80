#!/usr/bin/env python3
"""Benchmark claimtrack's time windows: accuracy, speed against dateparser, linear scaling.

usage: python benchmarks/time_windows.py [CASES.jsonl ...] [--rounds N]

Prints, for each cases file in the format of ``../shared/bench/time-dev.jsonl`` (by
default that development file, the held-out ``benchmarks/data/time-heldout.jsonl``,
written apart from the engine's development and computed by hand, and
``time-heldout-unsupported.jsonl``, real dates of holidays not supported yet):

1. accuracy of ``parse_window`` per kind and overall, judged exactly as
   ``../shared/bench/score_time.py`` judges it;
2. phrases per second of ``parse_window`` beside raw ``dateparser.parse`` on the same
   phrases in the same process (both warmed up first), and the ratio;
3. ``find_windows`` throughput on growing inputs: the time per thousand characters stays
   flat as the input grows, the evidence that the scan is linear.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from claimtrack.timewindows import find_windows, parse_window

DEFAULT_CASES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "time-dev.jsonl"
HELDOUT_CASES = Path(__file__).resolve().parent / "data" / "time-heldout.jsonl"
# Real dates the grammar cannot compute yet (lunar calendars): kept visible, not scored
# with the rest.
UNSUPPORTED_CASES = Path(__file__).resolve().parent / "data" / "time-heldout-unsupported.jsonl"

PARAGRAPH = (
    "Sir Keir said on Saturday morning that military planners would convene again in "
    "the UK this week, and that a decision was expected by the end of March. We may see "
    "a second meeting within 30 days, the Sunday Times reported, with talks from 5 to 16 "
    "August and a summit on Thursday 20 March 2025 at 3pm. Officials said the plan would "
    "be delivered later this year, by 2030 at the latest, or in the first half of 2026. "
    "Will the ceasefire hold? Mark Carney met the President in the coming days. "
)


def iso(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def reference(case: dict[str, Any]) -> datetime:
    ref = iso(case["reference"])
    return ref if ref.tzinfo is not None else ref.replace(tzinfo=timezone.utc)


def same(x: datetime | None, y: datetime | None) -> bool:
    if x is None or y is None:
        return False
    if x.tzinfo is None or y.tzinfo is None:
        return x.replace(tzinfo=None) == y.replace(tzinfo=None)
    return x == y


def right(case: dict[str, Any]) -> bool:
    w = parse_window(case["text"], reference(case), tense=case.get("tense"))
    e = case["expected"]
    if e is None:
        return w is None
    if w is None or w.start is None:
        return False
    if e.get("vague"):
        start = iso(e["start"])
        return w.vague and (same(w.start, start) or w.start.date() == start.date())
    return same(w.start, iso(e["start"])) and same(w.end, iso(e["end"]))


def accuracy(cases: list[dict[str, Any]], label: str = "") -> None:
    ok: collections.Counter[str] = collections.Counter()
    n: collections.Counter[str] = collections.Counter()
    for case in cases:
        kind = case.get("kind", "?")
        n[kind] += 1
        ok[kind] += right(case)
    print(f"accuracy of parse_window{label}")
    for kind in sorted(n):
        print(f"  {kind:18} {ok[kind]:4}/{n[kind]:<4} {100 * ok[kind] / n[kind]:5.1f}%")
    total, count = sum(ok.values()), sum(n.values())
    print(f"  {'overall':18} {total:4}/{count:<4} {100 * total / count:5.1f}%")


def throughput(cases: list[dict[str, Any]], rounds: int, label: str = "") -> None:
    import dateparser

    items = [(c["text"], reference(c), c.get("tense")) for c in cases]
    for text, ref, tense in items:  # warm both up: dateparser loads its languages lazily
        parse_window(text, ref, tense=tense)
        dateparser.parse(text, settings={"RELATIVE_BASE": ref.replace(tzinfo=None)})

    t0 = time.perf_counter()
    for _ in range(rounds):
        for text, ref, tense in items:
            parse_window(text, ref, tense=tense)
    ours = rounds * len(items) / (time.perf_counter() - t0)

    dp_rounds = max(1, rounds // 5)
    t0 = time.perf_counter()
    for _ in range(dp_rounds):
        for text, ref, _tense in items:
            dateparser.parse(text, settings={"RELATIVE_BASE": ref.replace(tzinfo=None)})
    theirs = dp_rounds * len(items) / (time.perf_counter() - t0)

    print(f"\nthroughput on the {len(items)} phrases{label}")
    print(f"  claimtrack parse_window  {ours:10.0f} phrases/s")
    print(f"  dateparser.parse         {theirs:10.0f} phrases/s")
    print(f"  ratio                    {ours / theirs:10.1f}x")


def scaling() -> None:
    ref = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)
    print("\nfind_windows on growing inputs (linear: time per 1000 chars stays flat)")
    print(f"  {'chars':>8} {'windows':>8} {'ms':>9} {'us/1000 chars':>14}")
    for copies in (1, 4, 16, 64, 256):
        text = PARAGRAPH * copies
        t0 = time.perf_counter()
        hits = find_windows(text, ref, tense="future")
        ms = 1000 * (time.perf_counter() - t0)
        print(f"  {len(text):8} {len(hits):8} {ms:9.2f} {1000 * ms / len(text) * 1000:14.1f}")
    print("  adversarial inputs (runs of cue words and numbers)")
    units = ("by the end of the ", "20 / 03 / ", "from 5 to ", "in in in ")
    units += ("since for since ", "October-to-", "every Monday to ", "for the next ")
    for unit in units:
        for copies in (250, 2000):
            text = unit * copies
            t0 = time.perf_counter()
            find_windows(text, ref)
            ms = 1000 * (time.perf_counter() - t0)
            label = repr(unit.strip())
            print(
                f"  {label:20} {len(text):8} chars {ms:9.2f} ms "
                f"{1000 * ms / len(text) * 1000:10.1f} us/1000 chars"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    defaults = [str(DEFAULT_CASES), str(HELDOUT_CASES), str(UNSUPPORTED_CASES)]
    ap.add_argument("cases", nargs="*", default=defaults)
    ap.add_argument("--rounds", type=int, default=20, help="timing rounds for parse_window")
    args = ap.parse_args(argv)
    for path in args.cases:
        if not Path(path).exists():
            print(f"(no {path}: skipped)\n")
            continue
        with open(path, encoding="utf-8") as fh:
            cases = [json.loads(line) for line in fh if line.strip()]
        label = f" ({Path(path).name})"
        accuracy(cases, label)
        throughput(cases, args.rounds, label)
        print()
    scaling()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark claimtrack's time windows: accuracy, speed against dateparser, linear scaling.

usage: python benchmarks/time_windows.py [CASES.jsonl ...] [--rounds N]

Prints, for each cases file in the format of ``../shared/bench/time-dev.jsonl`` (by
default that development file; the held-out ``benchmarks/data/time-heldout.jsonl``,
written apart from the engine's development and computed by hand; the held-out
``time-heldout-classes.jsonl``, one group of cases per class of expression, written
before each class was built; and ``time-heldout-lunar.jsonl``, real dates of holidays of
lunar calendars):

1. accuracy of ``parse_window`` per kind and overall, judged exactly as
   ``../shared/bench/score_time.py`` judges it;
2. phrases per second of ``parse_window`` (the best of interleaved rounds) beside the baseline ``dateparser.parse(text,
   languages=["en"], settings={"RELATIVE_BASE": reference, "PREFER_DATES_FROM":
   "future"})`` on one mixed set (every case of the files, and as many phrases of news
   text that are no time expression), in the same process, both warmed up first, and
   the ratio;
3. the first call of ``parse_window`` in a fresh process (a subprocess), and the import
   time before it;
4. ``find_windows`` throughput on growing inputs: the time per thousand characters stays
   flat as the input grows, the evidence that the scan is linear.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from claimtrack.timewindows import find_windows, parse_window

DEFAULT_CASES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "time-dev.jsonl"
HELDOUT_CASES = Path(__file__).resolve().parent / "data" / "time-heldout.jsonl"
CLASSES_CASES = Path(__file__).resolve().parent / "data" / "time-heldout-classes.jsonl"
LUNAR_CASES = Path(__file__).resolve().parent / "data" / "time-heldout-lunar.jsonl"
# Phrases of news text that are no time expression, for the mixed speed set: the engine
# must be fast on what it cannot read too.
NOT_TIMES = (
    "the minister said",
    "3 ministers resigned",
    "version 2.1 of the plan",
    "a 40% rise",
    "the Sunday Times",
    "Theresa May",
    "we may see",
    "Sir Keir Starmer",
    "about 2,000 troops",
    "March on parliament",
    "the second half of the match",
    "Will the ceasefire hold?",
    "room 101",
    "the 20th anniversary",
    "a one-day strike",
    "until further notice",
    "Mark Carney",
    "the Easter Rising",
    "Bloody Sunday",
    "April Ryan",
    "the 737 Max",
    "G7 leaders",
    "Article 5",
    "COP29",
    "a 3-1 win",
    "the A14",
    "Covid-19",
    "the 1.5C goal",
    "five people were injured",
    "the Prime Minister's office",
    "in the House of Commons",
    "on the record",
    "at the summit",
    "by the government",
    "for the first time",
    "since the war began",
    "after the vote",
    "before the committee",
    "during the debate",
    "within the party",
    "over the border",
    "the autumn budget statement",
    "Summer Brennan",
    "a second term",
    "the 12 members",
    "3.2 million people",
    "No 10",
    "M25 closures",
    "the Fed's 0.25 point cut",
    "the BBC reported",
    "Hamas and Israel",
    "the EU's 27 states",
    "£4bn",
    "$1.2tn",
    "10,000 homes",
    "2 of the 3",
    "one in four",
    "a quarter of voters",
    "half of them",
    "Ant and Dec",
)

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


def throughput(items: list[tuple[str, datetime, str | None]], rounds: int) -> None:
    import dateparser

    def baseline(text: str, ref: datetime) -> object:
        return dateparser.parse(
            text, languages=["en"], settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "future"}
        )

    for text, ref, tense in items:  # warm both up: dateparser loads its language lazily
        parse_window(text, ref, tense=tense)
        baseline(text, ref)

    # Interleaved rounds, the best of each side, in CPU time: a shared machine's load
    # changes over seconds, and this way it weighs on both alike.
    n = len(items)
    ours_best = theirs_best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for text, ref, tense in items:
            parse_window(text, ref, tense=tense)
        ours_best = min(ours_best, (time.process_time() - t0) / n)
        t0 = time.process_time()
        for text, ref, _tense in items:
            baseline(text, ref)
        theirs_best = min(theirs_best, (time.process_time() - t0) / n)
    ours, theirs = 1 / ours_best, 1 / theirs_best

    print(f"\nthroughput on {len(items)} mixed phrases (the cases and {len(NOT_TIMES)} non-times)")
    print(f"  claimtrack parse_window  {ours:10.0f} phrases/s")
    print(f"  dateparser.parse (en)    {theirs:10.0f} phrases/s")
    print(f"  ratio                    {ours / theirs:10.1f}x")


_FIRST_CALL = """
import time
t0 = time.perf_counter()
from datetime import datetime, timezone
from claimtrack.timewindows import parse_window
t1 = time.perf_counter()
parse_window({text!r}, datetime(2025, 3, 15, 12, tzinfo=timezone.utc), tense="future")
t2 = time.perf_counter()
print(f"{{1000 * (t1 - t0):.1f}} {{1000 * (t2 - t1):.1f}}")
"""


def first_call() -> None:
    print("\nfirst call of parse_window in a fresh process (ms)")
    print(f"  {'phrase':28} {'import':>8} {'first call':>11}")
    for text in ("by the end of March", "the minister said", "next Ramadan"):
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_CALL.format(text=text)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        print(f"  {text!r:28} {float(out[0]):8.1f} {float(out[1]):11.1f}")


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
    defaults = [str(p) for p in (DEFAULT_CASES, HELDOUT_CASES, CLASSES_CASES, LUNAR_CASES)]
    ap.add_argument("cases", nargs="*", default=defaults)
    ap.add_argument("--rounds", type=int, default=10, help="timing rounds for parse_window")
    args = ap.parse_args(argv)
    mixed: list[tuple[str, datetime, str | None]] = []
    for path in args.cases:
        if not Path(path).exists():
            print(f"(no {path}: skipped)\n")
            continue
        with open(path, encoding="utf-8") as fh:
            cases = [json.loads(line) for line in fh if line.strip()]
        accuracy(cases, f" ({Path(path).name})")
        mixed.extend((c["text"], reference(c), c.get("tense")) for c in cases)
        print()
    ref = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)
    mixed.extend((text, ref, None) for text in NOT_TIMES)
    throughput(mixed, args.rounds)
    first_call()
    scaling()
    return 0


if __name__ == "__main__":
    sys.exit(main())

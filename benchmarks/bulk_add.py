#!/usr/bin/env python3
"""What one source costs in a bulk ``add``: with 0 and with many stored actors, with the
extractor in a worker process (the default: killed at its time limit) and in this
process (``plugin_timeout=None``).

Each run adds ``--sources`` short synthetic items (each quoting a new speaker, as a feed
of many voices does) with the built-in English extractor into a fresh store that already
holds ``--actors`` actors, and prints the time per source.  Per-source time that does not
grow with the stored actors is what the actor index buys (before it, every source
reloaded every actor: 80,000 actors made each source 3x slower); the worker column minus
the in-process one is what the killable worker costs per source.

Then, with ``--promises N`` (default 20,000; 0 to skip), what stored promises cost:

- a bulk build of N synthetic commitments (``SQLiteStore.add_many`` in batches of
  2,000 sources, grouped after each batch) and the seconds per 1,000 claims of its
  first and last tenth — grouping resumes from what is stored, so the last tenth costs
  what the first did (ratio ~1; regrouping whole buckets made it grow with the store);
- adding ``--sources`` items one by one (in process) into an empty store and into the
  store of N promises, and the ratio of the two per-source times.

usage: .venv/bin/python benchmarks/bulk_add.py [--sources 200] [--actors 0 80000]
       [--promises 20000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from claimtrack import Actor, Tracker

sys.path.insert(0, str(Path(__file__).resolve().parent))
from status_scale import synthetic  # the scale benchmark's documents

NAMES = ("Ana", "Ben", "Cleo", "Dev", "Ewa", "Finn", "Gita", "Hal", "Ines", "Jon")


def _item(i: int) -> str:
    first, last = NAMES[i % 10], f"Quayson{i}"
    return (
        f"Published: 2025-03-{1 + i % 28:02}\n\n"
        f'"We will reopen the ferry pier {i} by June," said {first} {last}, the harbour '
        f"chair. {last} said the board had approved the money on Monday.\n"
    )


def _run(folder: Path, db: Path, actors: int, timeout: float | None) -> float:
    with Tracker(db, plugin_timeout=timeout) as tracker:
        if actors:
            tracker.store.save_actors(
                Actor.named(f"Stored Person {n}", "person") for n in range(actors)
            )
        start = time.perf_counter()
        report = tracker.add(folder)
        elapsed = time.perf_counter() - start
    assert report.added == len(list(folder.iterdir())), report.errors[:3]
    return elapsed / report.added


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--actors", type=int, nargs="+", default=[0, 80_000])
    parser.add_argument("--promises", type=int, default=20_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "items"
        folder.mkdir()
        for i in range(args.sources):
            (folder / f"{i:05}.txt").write_text(_item(i), encoding="utf-8")
        print(f"{args.sources} sources; ms per source")
        print(f"{'stored actors':>14} {'worker':>9} {'in-process':>11}")
        for n, actors in enumerate(args.actors):
            worker = _run(folder, Path(tmp) / f"w{n}.db", actors, 120.0)
            inline = _run(folder, Path(tmp) / f"i{n}.db", actors, None)
            print(f"{actors:>14,} {worker * 1000:>9.1f} {inline * 1000:>11.1f}")
        if args.promises:
            _promises(folder, Path(tmp), args.promises)
    return 0


def _build(db: Path, n_claims: int) -> tuple[list[float], list[float]]:
    """Bulk-build ``n_claims`` commitments into ``db``; seconds of each 2,000-source
    batch, and of the grouping in each (``regroup``, timed around the store's call)."""
    import claimtrack.store as store_module

    times: list[float] = []
    grouping: list[float] = []
    regroup = store_module.regroup

    def timed(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return regroup(*args, **kwargs)
        finally:
            grouping[-1] += time.perf_counter() - t0

    store_module.regroup = timed  # type: ignore[assignment]
    try:
        with Tracker(db) as tracker:
            batch: list[Any] = []
            items = list(synthetic(n_claims))
            for start in range(0, len(items), 2000):
                batch = items[start : start + 2000]
                grouping.append(0.0)
                t0 = time.perf_counter()
                tracker.store.add_many(batch)
                times.append(time.perf_counter() - t0)
    finally:
        store_module.regroup = regroup  # type: ignore[assignment]
    return times, grouping


def _promises(folder: Path, tmp: Path, n_claims: int) -> None:
    db = tmp / "promises.db"
    batches, grouping = _build(db, n_claims)
    per_k = [t / (10_000 / 1000) for t in batches]  # 2,000 sources of 5 claims a batch
    first, last = per_k[0], per_k[-1]
    print(f"\nbulk build of {n_claims:,} commitments: {sum(batches):.1f} s")
    print(f"  s per 1,000 claims, first batch {first:.2f}, last batch {last:.2f}")
    print(
        f"  last / first batch = {last / first:.2f} (1.0: adding costs the same however many are stored)"
    )
    g_first, g_last = grouping[0] / 10, grouping[-1] / 10
    print(
        f"  of which grouping: {sum(grouping):.1f} s; per 1,000 claims first {g_first:.2f},"
        f" last {g_last:.2f}; last / first = {g_last / g_first:.2f}"
    )
    empty = _run(folder, tmp / "empty.db", 0, None)
    full = _run(folder, db, 0, None)
    print(
        f"add per source, in process: empty store {empty * 1000:.1f} ms,"
        f" {n_claims:,} promises {full * 1000:.1f} ms"
    )
    print(f"  with {n_claims:,} promises / empty = {full / empty:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())

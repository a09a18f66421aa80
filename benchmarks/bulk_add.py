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

usage: .venv/bin/python benchmarks/bulk_add.py [--sources 200] [--actors 0 80000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from claimtrack import Actor, Tracker

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

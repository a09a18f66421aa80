#!/usr/bin/env python3
"""How ``add --jobs`` scales: the same articles added with ``--jobs 1`` and ``--jobs N``
into fresh stores, in one run, and the ratio of the times.

The articles are made from the bundled benchmark texts (``benchmarks/data/articles``
and the ``blind*`` folders), each given a date of its own, so every copy is a source of
its own (same words, another day).  Both runs use the default extractors and the
plugin time limit; their ledgers are compared (same claims), and the last line is
``add --jobs N / --jobs 1 = R`` (R the speed-up).

usage: .venv/bin/python benchmarks/add_jobs.py [--articles 200] [--jobs 2]
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from claimtrack import Tracker

DATA = Path(__file__).parent / "data"
_PUBLISHED = re.compile(r"^published:.*$", re.MULTILINE)


def articles(folder: Path, n: int) -> list[str]:
    """``n`` article files in ``folder``: the bundled texts in turn, each dated anew."""
    texts = sorted(
        p for d in ("articles", "blind", "blind2", "blind3") for p in (DATA / d).glob("*.txt")
    )
    start = datetime(2025, 1, 1, 8, tzinfo=timezone.utc)
    paths = []
    for i in range(n):
        text = texts[i % len(texts)].read_text(encoding="utf-8")
        when = (start + timedelta(days=i, hours=i % 7)).isoformat()
        if _PUBLISHED.search(text):
            text = _PUBLISHED.sub(f"published: {when}", text, count=1)
        else:
            text = f"published: {when}\n\n{text}"
        path = folder / f"{i:04d}-{texts[i % len(texts)].name}"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def run(db: Path, paths: list[str], jobs: int) -> float:
    with Tracker(db) as tracker:
        t0 = time.perf_counter()
        report = tracker.add(paths, jobs=jobs)
        took = time.perf_counter() - t0
        assert report.added == len(paths), (report.added, report.errors)
    return took


def claims(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, record FROM claims ORDER BY id").fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = articles(folder, opts.articles)
        run(Path(tmp) / "warm.db", paths[:2], 1)  # imports and caches, once
        serial = run(Path(tmp) / "one.db", paths, 1)
        print(f"add --jobs 1, {len(paths)} articles: {serial:6.1f} s")
        parallel = run(Path(tmp) / "many.db", paths, opts.jobs)
        print(f"add --jobs {opts.jobs}, {len(paths)} articles: {parallel:6.1f} s")
        same = claims(Path(tmp) / "one.db") == claims(Path(tmp) / "many.db")
        print(f"same claims: {same}")
        print(f"\nadd --jobs {opts.jobs} / --jobs 1 = {serial / parallel:.2f}")


if __name__ == "__main__":
    main()

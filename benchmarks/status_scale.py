#!/usr/bin/env python3
"""How ``status`` scales: stores of 1,000 and 100,000 synthetic commitments, each a
promise of its own (so 100,000 tracked promises).

Builds each store through the store's bulk path (``SQLiteStore.add_many``: many sources
with their claims per transaction), adds ~30% of the commitments some evidence (people
and the checker, interim and final verdicts, some known only later), then times:

- ``add`` per document: ``Tracker.add`` of short real-looking articles through the full
  pipeline (load, the English extractor, store) into the big store;
- ``status``: ``Tracker.report`` as the CLI's ``claimtrack status`` runs it (every
  commitment counted, 25 rows per section read in full), with the table rendered;
- ``status_lines`` alone (SQL narrowing + one ``decide`` per commitment);
- ``Tracker.status()`` that builds a full Standing (parsed claim) for every commitment,
  for comparison;
- ``status --format json`` (every commitment's record).

and prints the ratio status(largest) / status(smallest).  Times are the best of
``--repeat`` runs.

usage: .venv/bin/python benchmarks/status_scale.py [--sizes 1000 100000] [--repeat 3]
       [--db postgresql://user@host/database]

With ``--db URL`` the stores are built on that PostgreSQL server instead of SQLite
files, each in a schema of its own (``status_scale_<size>``, made afresh and dropped
after).
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

from rich.console import Console

from claimtrack import Actor, Claim, Evidence, Source, TimeWindow, Tracker, Verdict
from claimtrack.model import RecorderKind
from claimtrack.report import render_json, render_table

UTC = timezone.utc
AS_OF = datetime(2025, 6, 1, 12, tzinfo=UTC)
START = datetime(2024, 1, 1, tzinfo=UTC)
CLAIMS_PER_DOC = 5
ACTIONS = [
    "meet in London",
    "publish the review",
    "tighten sanctions on Russia's revenues",
    "build 300,000 homes",
    "deploy troops to the border",
    "cut waiting lists",
    "hold a referendum",
    "sign the trade agreement",
]


def _actors(n: int) -> list[Actor]:
    return [Actor.named(f"Ministry number {i}", "organisation") for i in range(n)]


def synthetic(n_claims: int, seed: int = 7) -> Iterator[tuple[Source, list[Claim]]]:
    """Documents of ``CLAIMS_PER_DOC`` commitments each, with due windows spread around
    ``AS_OF``: past, current, future, vague, undated and conditional ones."""
    rnd = random.Random(seed)
    actors = _actors(200)
    for d in range(n_claims // CLAIMS_PER_DOC):
        published = START + timedelta(minutes=d * 7 % (520 * 24 * 60))
        sentences = [
            f"Item {d}-{k}: {actors[(d + k) % len(actors)].name} will {rnd.choice(ACTIONS)}."
            for k in range(CLAIMS_PER_DOC)
        ]
        text = " ".join(sentences)
        source = Source.from_text(
            text, published_at=published, publisher="Synthetic Wire", title=f"Doc {d}"
        )
        claims = []
        at = 0
        for k, sentence in enumerate(sentences):
            start = text.index(sentence, at)
            at = start + len(sentence)
            shape = rnd.random()
            due: TimeWindow | None
            if shape < 0.15:
                due = None
            else:
                begin = published + timedelta(days=rnd.randint(0, 400))
                due = TimeWindow(
                    start=begin,
                    end=begin + timedelta(days=rnd.choice([1, 7, 30, 90])),
                    grain="span",
                    text="by then",
                    reference=published,
                    vague=shape < 0.2,
                )
            actor = actors[(d + k) % len(actors)]
            claims.append(
                Claim.build(
                    source_id=source.id,
                    span=(start, at),
                    speaker=actor,
                    kind="commitment",
                    text=sentence,
                    sentence=sentence,
                    asserted_at=published,
                    actor=actor,
                    # Three words of its own make each a promise of its own: grouping
                    # joins repeats of one act by one actor, and reads the same act
                    # with a later window in a later source as a revision.
                    action=f"{sentence.split(' will ', 1)[1].rstrip('.')} {d}-{k} {k}x{d} n{d}",
                    due=due,
                    condition="if the budget passes" if shape > 0.93 else None,
                    confidence=0.8,
                )
            )
        yield source, claims


#: Above this many commitments the minutes-long parse of every promise is not timed.
FULL_MAX = 200_000

#: Stores larger than this are built as copies of one built this size (see replicate).
TEMPLATE = 20_000

_COPY_SQL = {
    "sources": (
        "INSERT INTO sources (id, uri, title, publisher, published_at, published_ts,"
        " retrieved_at, language, meta, text, added_at) SELECT id || ?, uri, title, publisher,"
        " published_at, published_ts, retrieved_at, language, meta, text, added_at FROM sources"
        " WHERE id NOT LIKE '%x%'"
        " AND id IN (SELECT source_id FROM claims WHERE id IN (SELECT claim_id FROM mentions))"
    ),
    "claims": (
        "INSERT INTO claims (id, source_id, kind, span_start, span_end, speaker_id, actor_id,"
        " due_start_ts, due_end_ts, due_vague, has_condition, record, added_at, retired_at)"
        " SELECT c.id || ?, c.source_id || ?, c.kind, c.span_start, c.span_end, c.speaker_id,"
        " c.actor_id, c.due_start_ts, c.due_end_ts, c.due_vague, c.has_condition,"
        " {record}, c.added_at, c.retired_at FROM claims c"
        " WHERE c.id NOT LIKE '%x%' AND c.id IN (SELECT claim_id FROM mentions)"
    ),
    "promises": (
        "INSERT INTO promises (id, kind, actor_id, speaker_id, due_start_ts, due_end_ts,"
        " due_vague, has_condition, first_seen_ts, first_claim, mentions, sources, bucket,"
        " record, created_at, retired_at) SELECT c.id || ?, c.kind, c.actor_id, c.speaker_id,"
        " c.due_start_ts, c.due_end_ts, c.due_vague, c.has_condition, c.first_seen_ts,"
        " c.first_claim || ?, c.mentions, c.sources, c.bucket || ?, {record}, c.created_at,"
        " c.retired_at FROM promises c WHERE c.id NOT LIKE '%x%'"
    ),
    "mentions": (
        "INSERT INTO mentions (claim_id, promise_id, bucket, rule, joined, active)"
        " SELECT claim_id || ?, promise_id || ?, bucket || ?, rule, joined, active FROM mentions"
        " WHERE claim_id NOT LIKE '%x%'"
    ),
    "evidence": (
        "INSERT INTO evidence (claim_id, verdict, reason, source_id, uri, excerpt, happened_at,"
        " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note)"
        " SELECT claim_id || ?, verdict, reason, source_id, uri, excerpt, happened_at,"
        " known_at, known_ts, recorded_at, recorded_by, recorder, confidence, note"
        " FROM evidence WHERE id <= ? ORDER BY id"
    ),
}


def replicate(tracker: Tracker, copies: int) -> None:
    """Make the store ``copies`` times as large: every source, claim, promise, mention
    and verdict copied under new ids (the id with a suffix, in the records too), in
    one transaction a copy; the store's triggers and index see the copies as any write.

    A bulk path for this benchmark's fixture only: grouping a million synthetic claims
    one source at a time takes most of an hour, and they would group the same way (each
    is a promise of its own)."""
    store = tracker.store
    pg = not isinstance(store.path, Path)

    def record(sql: str) -> str:
        column = "CAST(c.record AS TEXT)" if pg else "c.record"
        text = f"replace(replace({column}, c.id, c.id || ?), {{src}}, {{src}} || ?)"
        return sql.replace("{record}", f"CAST({text} AS JSONB)" if pg else text)

    (last,) = store.read("SELECT MAX(id) FROM evidence")[0]
    if not pg:  # a cache to hold the indexes being grown (SQLite's default is 2 MB)
        store._conn.execute("PRAGMA cache_size = -1000000")  # type: ignore[attr-defined]
    for k in range(1, copies):
        with store.transaction() as conn:  # one copy a transaction: the WAL stays small
            sfx = f"x{k}"
            conn.execute(_COPY_SQL["sources"], (sfx,))
            claims = record(_COPY_SQL["claims"]).format(src="c.source_id")
            conn.execute(claims, (sfx, sfx, sfx, sfx))
            first = "(SELECT f.source_id FROM claims f WHERE f.id = c.first_claim)"
            promises = record(_COPY_SQL["promises"]).format(src=first)
            conn.execute(promises, (sfx, sfx, sfx, sfx, sfx))
            conn.execute(_COPY_SQL["mentions"], (sfx, sfx, sfx))
            conn.execute(_COPY_SQL["evidence"], (sfx, last))


def build_store(path: Path | str, n_claims: int) -> tuple[Tracker, float]:
    """A store of ``n_claims`` commitments and their evidence; seconds to insert.  A
    store larger than :data:`TEMPLATE` is built that size and then replicated."""
    if n_claims > TEMPLATE and n_claims % TEMPLATE == 0:
        tracker, built = _build_store(path, TEMPLATE)
        t0 = time.perf_counter()
        replicate(tracker, n_claims // TEMPLATE)
        copied = time.perf_counter() - t0
        print(f"(built {TEMPLATE:,} in {built:.1f} s, copied to {n_claims:,} in {copied:.1f} s)")
        return tracker, built + copied
    return _build_store(path, n_claims)


def _build_store(path: Path | str, n_claims: int) -> tuple[Tracker, float]:
    tracker = Tracker(path)
    store = tracker.store
    rnd = random.Random(11)
    t0 = time.perf_counter()
    batch: list[tuple[Source, list[Claim]]] = []
    ids: list[tuple[str, datetime]] = []
    for source, claims in synthetic(n_claims):
        batch.append((source, claims))
        ids += [(c.id, source.published_at or START) for c in claims]
        if len(batch) >= 2000:
            store.add_many(batch)
            batch = []
    if batch:
        store.add_many(batch)
    verdicts = list(Verdict)
    evidence: list[Evidence] = []
    for cid, published in ids:
        if rnd.random() > 0.3:
            continue
        for _ in range(rnd.randint(1, 3)):
            known = published + timedelta(days=rnd.randint(1, 600))
            person = rnd.random() < 0.4
            evidence.append(
                Evidence(
                    claim_id=cid,
                    verdict=rnd.choice(verdicts),
                    known_at=known,
                    recorded_at=known,
                    recorded_by="desk" if person else "claimtrack.checker 0.1.0",
                    recorder=RecorderKind.PERSON if person else RecorderKind.CHECKER,
                    confidence=None if person else 0.7,
                )
            )
    store.add_evidence_many(evidence)
    return tracker, time.perf_counter() - t0


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


ARTICLE = """title: Council {n} sets out its plans
published: 2025-05-{day:02d}T09:00:00+00:00
publisher: Riverside Gazette {n}

The council will resurface Mill Lane {n} by the end of June, the leader said on Monday.
"We will reopen the depot next week," said Councillor Ann Lee.
Residents welcomed the news but warned that the budget was tight.
"""


def time_add(tracker: Tracker, folder: Path, n_docs: int) -> float:
    """Mean seconds per document of ``Tracker.add`` (full pipeline) into ``tracker``."""
    paths = []
    for n in range(n_docs):
        p = folder / f"article-{n}.txt"
        p.write_text(ARTICLE.format(n=n, day=1 + n % 28), encoding="utf-8")
        paths.append(str(p))
    tracker.add(paths[:1])  # warm the extractor's caches and imports
    t0 = time.perf_counter()
    report = tracker.add(paths[1:])
    assert not report.errors, report.errors
    return (time.perf_counter() - t0) / max(1, n_docs - 1)


def time_status(tracker: Tracker, repeat: int) -> float:
    """Print the status timings of one store; return the report's (the CLI's) time."""

    def report_table() -> None:
        report = tracker.report(AS_OF, limit=25)
        render_table(report, Console(file=io.StringIO(), width=120))

    def report_json() -> None:
        render_json(tracker.report(AS_OF, limit=0), io.StringIO())

    status_s = best_of(repeat, report_table)
    print(f"status (report, table, 25 rows/section):    {status_s * 1000:8.1f} ms")
    lines_s = best_of(repeat, lambda: tracker.status_lines(AS_OF))
    print(f"status_lines (SQL narrowing + decide):      {lines_s * 1000:8.1f} ms")
    if tracker.store.count("claims") <= FULL_MAX:
        full_s = best_of(1, lambda: tracker.status(AS_OF))
        print(f"Tracker.status() (every promise parsed):    {full_s * 1000:8.1f} ms")
    else:
        print(f"Tracker.status() (every promise parsed):    skipped above {FULL_MAX:,}")
    json_s = best_of(1, report_json)
    print(f"status --format json (every record):        {json_s * 1000:8.1f} ms")
    return status_s


def postgres_schema(server: str, schema: str, *, drop: bool = False) -> str:
    """A fresh schema on ``server`` (or, with ``drop``, none), and its URL."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # type: ignore[arg-type]
        if not drop:
            conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=21, help="documents for the add timing")
    parser.add_argument(
        "--db", metavar="URL", help="a PostgreSQL server to build the stores on (default: SQLite)"
    )
    opts = parser.parse_args()
    results: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in opts.sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            where: Path | str = folder / "ledger.db"
            if opts.db:
                where = postgres_schema(opts.db, f"status_scale_{size}")
            tracker, build = build_store(where, size)
            n = tracker.store.count("claims")
            ev = tracker.store.count("evidence")
            promises = len(tracker.status_lines(AS_OF))
            print(
                f"\n== {n:,} commitments in {promises:,} promises, {ev:,} evidence rows"
                f" (built in {build:.1f} s, bulk)"
            )
            per_doc = time_add(tracker, folder, opts.docs)
            print(f"add, per document (load + extract + store): {per_doc * 1000:8.1f} ms")

            results[size] = time_status(tracker, opts.repeat)
            tracker.close()
            if opts.db:
                postgres_schema(opts.db, f"status_scale_{size}", drop=True)
    if len(results) > 1:
        small, large = min(results), max(results)
        ratio = results[large] / results[small]
        print(
            f"\nstatus({large:,}) / status({small:,}) = {ratio:.1f}"
            f" (for {large // small}x the commitments)"
        )


if __name__ == "__main__":
    main()

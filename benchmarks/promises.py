#!/usr/bin/env python3
"""How many tracked promises: the gold's commitments against the store's, on news-dev.

The gold (``../shared/bench/news-dev/gold.jsonl``) annotates claims one per mention and
says nothing of which mentions state one promise, so its promises are made here two
ways from the annotators' own readings (actor, action, window):

- **exact**: mentions with the same story, actor, action and window are one promise;
- **rules**: the grouping rules the store uses, run on the gold readings (what the store
  would make of a perfect extraction).

Then every article is added to one fresh store (each with its own ``published:``) and
the store's promises are counted.  Each gold commitment is matched to the stored claim
of its article whose text overlaps its quote most (word F1 >= 0.5, as the claim scorer
matches quotes); over the pairs of matched gold commitments:

- **over-merged**: one promise in the store, two in the gold (rules);
- **under-merged**: one promise in the gold (rules), two in the store.

usage: .venv/bin/python benchmarks/promises.py [--bench DIR] [-v]

Exit status 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from claimtrack import Tracker
from claimtrack.grouping import group, mention_of
from claimtrack.model import Actor, Claim, TimeWindow

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
WORD = re.compile(r"\w+")


def toks(s: str | None) -> list[str]:
    return [w.lower() for w in WORD.findall(s or "")]


def overlap(a: str, b: str) -> float:
    ta, tb = collections.Counter(toks(a)), collections.Counter(toks(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _published(path: Path) -> datetime | None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            return None
        if line.startswith("published:"):
            return datetime.fromisoformat(line.split(":", 1)[1].strip().replace("Z", "+00:00"))
    return None


def _window(due: dict[str, Any] | None) -> TimeWindow | None:
    if not due:
        return None
    start, end = due.get("start"), due.get("end")
    if not start or not end:
        return TimeWindow(start=None, end=None, text=due.get("text") or "")
    return TimeWindow(
        start=datetime.fromisoformat(start),
        end=datetime.fromisoformat(end),
        text=due.get("text") or "",
    )


def gold_claims(gold: list[dict[str, Any]], docs: Path) -> list[Claim]:
    out = []
    for n, g in enumerate(gold):
        published = _published(docs / g["doc"])
        text = g.get("quote") or g.get("sentence") or "?"
        actor = Actor.named(g["actor"]) if g.get("actor") else None
        speaker = Actor.named(g["speaker"]) if g.get("speaker") else None
        out.append(
            Claim(
                id=f"g{n:04d}",
                source_id=g["doc"],
                kind="commitment",
                text=text,
                span=(n * 10_000, n * 10_000 + len(text)),
                speaker=speaker,
                actor=actor or speaker,
                action=g.get("action"),
                due=_window(g.get("due")),
                condition=g.get("condition"),
                asserted_at=published,
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    news = args.bench / "news-dev"
    docs = news / "docs"
    gold = [
        json.loads(line)
        for line in (news / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    commitments = [g for g in gold if g["kind"] == "commitment"]
    exact = {
        (
            g["doc"].split("-")[0],
            (g.get("actor") or "").casefold(),
            (g.get("action") or "").casefold(),
            json.dumps(g.get("due"), sort_keys=True),
        )
        for g in commitments
    }
    claims = gold_claims(commitments, docs)
    ruled = group(mention_of(c) for c in claims)
    gold_promise = {cid: n for n, grp in enumerate(ruled.groups) for cid in grp}
    print(
        f"news-dev: {len(commitments)} gold commitments in {len({g['doc'] for g in gold})} articles"
    )
    print(f"  gold promises, same story/actor/action/window:  {len(exact)}")
    print(f"  gold promises, the grouping rules on gold:       {len(ruled.groups)}")

    with tempfile.TemporaryDirectory() as tmp, Tracker(Path(tmp) / "bench.db") as tracker:
        uri_doc: dict[str, str] = {}
        for path in sorted(docs.glob("*.txt")):
            for source in tracker.add(path).sources:
                uri_doc[source.id] = path.name
        lines = tracker.status_lines(as_of="2100-01-01", kind="commitment")
        stored = tracker.store.claims(kinds=None)
        promise_of = tracker.store.promise_of_claims(c.id for c in stored)
        by_doc: dict[str, list[Claim]] = collections.defaultdict(list)
        for c in stored:
            if c.kind.value == "commitment" and c.id in promise_of:
                by_doc[uri_doc.get(c.source_id, "")].append(c)
        n_claims = sum(len(v) for v in by_doc.values())
        print(f"  store: {n_claims} commitment claims, {len(lines)} promises")
        matched: dict[str, str] = {}  # gold claim id -> store promise id
        for gc, g in zip(claims, commitments, strict=True):
            best = max(
                by_doc.get(g["doc"], []),
                key=lambda c: overlap(c.text, gc.text),
                default=None,
            )
            if best is not None and overlap(best.text, gc.text) >= 0.5:
                matched[gc.id] = promise_of[best.id]
        over = under = same = 0
        for a, b in itertools.combinations(sorted(matched), 2):
            in_gold = gold_promise[a] == gold_promise[b]
            in_store = matched[a] == matched[b]
            if in_gold and in_store:
                same += 1
            elif in_store:
                over += 1
                if args.verbose:
                    print(f"    over-merged: {a} {b} -> {matched[a]}")
            elif in_gold:
                under += 1
                if args.verbose:
                    print(f"    under-merged: {a} {b}")
        print(f"  gold commitments matched to a stored commitment: {len(matched)}")
        print(f"  pairs one promise in both: {same}; over-merged: {over}; under-merged: {under}")
        doc_of = {c.id: c.source_id for c in claims}
        multi = sum(1 for grp in ruled.groups if len({doc_of[c] for c in grp}) > 1)
        print(f"  gold promises (rules) stated in more than one article: {multi}")
        sources_of = {ln.claim_id: tracker.store.promise_record(ln.claim_id) for ln in lines}
        multi_store = sum(
            1
            for rec in sources_of.values()
            if len({m["source"]["id"] for m in rec["mentions"]}) > 1
        )
        print(f"  store promises stated in more than one article:  {multi_store}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

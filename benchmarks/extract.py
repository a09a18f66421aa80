#!/usr/bin/env python3
"""Benchmark the English claim extractor: accuracy on seed-gold and on the held-out
articles, speed, linear scaling.

usage: python benchmarks/extract.py [--gold GOLD.jsonl] [--docs DOCDIR] [--rounds N]
                                    [--heldout-gold GOLD.jsonl] [--heldout-docs DOCDIR]
                                    [--blind-gold GOLD.jsonl] [--blind-docs DOCDIR]

Prints:

1. against the gold claims (``../shared/bench/seed-gold.jsonl`` by default), matched
   exactly as ``../shared/bench/score_claims.py`` matches them (word-level F1 >= 0.5,
   one-to-one, best first): claims P/R/F1, commitments P/R/F1, speaker accuracy and due
   accuracy; then the same against the held-out development set
   (``benchmarks/data/articles-gold.jsonl``: six articles of other shapes, each resolved
   against its own ``published:`` header), and against the blind set
   (``benchmarks/data/blind-gold.jsonl``: five articles annotated before any run);
2. throughput in KB/s of the whole extraction beside dateparser's ``search_dates`` on
   the same texts in the same process (both warmed up first), and the ratio;
3. time per KB on growing inputs (1x, 2x, 4x, 8x the seed): flat means linear.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from claimtrack.english import extract_claims
from claimtrack.extraction import ExtractContext
from claimtrack.loading import source_from_text
from claimtrack.model import Claim, Source

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / "data"
PUBLISHED = datetime(2025, 3, 15, 12, 0, tzinfo=timezone.utc)
WORD = re.compile(r"\w+")
TITLES = {
    "he", "she", "they", "it", "we", "i", "the", "a", "an", "sir", "dame", "mr", "mrs", "ms",
    "dr", "president", "prime", "minister", "leader", "secretary", "chancellor", "spokesman",
    "spokeswoman", "spokesperson", "official", "officials", "of", "and", "his", "her",
}  # fmt: skip


def toks(s: str | None) -> list[str]:
    return [w.lower() for w in WORD.findall(s or "")]


def overlap(a: str, b: str) -> float:
    ta, tb = collections.Counter(toks(a)), collections.Counter(toks(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def name_ok(pred: str, gold: dict[str, Any]) -> bool:
    """The scorer's rule: the gold name or an alias, or a shared proper name."""
    pn = toks(pred)
    if not pn:
        return False
    pronouns = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
    aliases = [a for a in gold.get("speaker_aliases") or [] if not set(toks(a)) <= pronouns]
    names = [gold.get("speaker") or "", *aliases]
    if any(pn == toks(n) for n in names if n):
        return True
    proper = set(pn) - TITLES
    full = set(toks(gold.get("speaker") or "")) - TITLES
    return bool(proper) and bool(full) and (proper <= full or full <= proper)


def day(value: datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.date()


def load(path: Path) -> Source:
    source = source_from_text(path.read_text(encoding="utf-8"), uri=str(path))
    if source.published_at is None:
        source = Source(
            id=source.id, text=source.text, uri=source.uri, title=source.title,
            publisher=source.publisher, published_at=PUBLISHED, language=source.language,
        )  # fmt: skip
    return source


def extract(source: Source) -> list[Claim]:
    return list(extract_claims(source, ExtractContext(reference=source.published_at)))


def f1(m: int, p: int, g: int) -> tuple[float, float, float]:
    precision = m / p if p else 0.0
    recall = m / g if g else 0.0
    return (
        precision,
        recall,
        (2 * precision * recall / (precision + recall) if precision + recall else 0.0),
    )


def accuracy(gold_path: Path, docs: Path) -> None:
    gold = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    by_doc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    tot: collections.Counter[str] = collections.Counter()
    for doc, golds in sorted(by_doc.items()):
        preds = extract(load(docs / doc))
        tot["gold"] += len(golds)
        tot["pred"] += len(preds)
        tot["gold_commit"] += sum(g["kind"] == "commitment" for g in golds)
        tot["pred_commit"] += sum(p.kind.value == "commitment" for p in preds)
        pairs = sorted(
            (
                (overlap(p.text, g["quote"]), i, j)
                for i, p in enumerate(preds)
                for j, g in enumerate(golds)
            ),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for score, i, j in pairs:
            if score < 0.5:
                break
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            p, g = preds[i], golds[j]
            tot["match"] += 1
            tot["speaker_ok"] += name_ok(p.speaker.name if p.speaker else "", g)
            if g["kind"] == "commitment" and p.kind.value == "commitment":
                tot["commit_match"] += 1
            if g.get("due"):
                tot["due_gold"] += 1
                due = p.due
                if (
                    due is not None
                    and day(due.start) == day(g["due"]["start"])
                    and day(due.end) == day(g["due"]["end"])
                ):
                    tot["due_ok"] += 1
    P, R, F = f1(tot["match"], tot["pred"], tot["gold"])
    cP, cR, cF = f1(tot["commit_match"], tot["pred_commit"], tot["gold_commit"])
    speaker = tot["speaker_ok"] / tot["match"] if tot["match"] else 0.0
    due = tot["due_ok"] / tot["due_gold"] if tot["due_gold"] else 0.0
    print("accuracy against", gold_path.name)
    print(
        f"  claims      P={P:.2f} R={R:.2f} F1={F:.2f}   (gold {tot['gold']}, predicted {tot['pred']})\n"
        f"  commitments P={cP:.2f} R={cR:.2f} F1={cF:.2f}\n"
        f"  speaker     {speaker:.0%} of {tot['match']} matched\n"
        f"  due         {due:.0%} of {tot['due_gold']} matched gold claims with a window"
    )


def timed(fn: Callable[[], object], rounds: int) -> float:
    fn()  # warm up (imports, caches)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def speed(texts: list[Source], rounds: int) -> None:
    from dateparser.search import search_dates

    size_kb = sum(len(s.text.encode("utf-8")) for s in texts) / 1024

    def ours() -> None:
        for s in texts:
            extract(s)

    def theirs() -> None:
        for s in texts:
            search_dates(s.text, settings={"RELATIVE_BASE": PUBLISHED.replace(tzinfo=None)})

    t_ours = timed(ours, rounds)
    t_theirs = timed(theirs, max(1, rounds // 2))
    print(f"throughput on {size_kb:.1f} KB (best of {rounds})")
    print(f"  claimtrack extraction       {size_kb / t_ours:8.1f} KB/s")
    print(f"  dateparser search_dates     {size_kb / t_theirs:8.1f} KB/s")
    print(f"  ratio                       {t_theirs / t_ours:8.1f}x")


def scaling(
    seed: Source, rounds: int, joiner: str = "\n", label: str = "the seed repeated"
) -> None:
    print(f"scaling ({label}; flat ms/KB = linear)")
    base = None
    for factor in (1, 2, 4, 8):
        text = joiner.join([seed.text] * factor)
        if joiner == " ":
            text = text.replace("\n", " ")
        source = Source.from_text(text, published_at=seed.published_at, publisher=seed.publisher)
        t = timed(lambda source=source: extract(source), rounds)  # type: ignore[misc]
        kb = len(text.encode("utf-8")) / 1024
        per_kb = 1000 * t / kb
        base = base or per_kb
        print(
            f"  {factor}x  {kb:7.1f} KB  {1000 * t:8.1f} ms  {per_kb:6.2f} ms/KB  ({per_kb / base:.2f} of 1x)"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--gold", type=Path, default=SHARED / "bench" / "seed-gold.jsonl")
    ap.add_argument("--docs", type=Path, default=SHARED / "seeds")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--heldout-gold", type=Path, default=DATA / "articles-gold.jsonl")
    ap.add_argument("--heldout-docs", type=Path, default=DATA / "articles")
    ap.add_argument("--blind-gold", type=Path, default=DATA / "blind-gold.jsonl")
    ap.add_argument("--blind-docs", type=Path, default=DATA / "blind")
    a = ap.parse_args(argv)
    accuracy(a.gold, a.docs)
    if a.heldout_gold.exists():
        accuracy(a.heldout_gold, a.heldout_docs)
    if a.blind_gold.exists():
        accuracy(a.blind_gold, a.blind_docs)
    sources = [load(p) for p in sorted(a.docs.iterdir()) if p.is_file()]
    speed(sources, a.rounds)
    scaling(sources[0], a.rounds)
    scaling(sources[0], a.rounds, " ", "the seed as one paragraph, repeated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark the English claim extractor: accuracy on every gold set, where gold claims
are lost, speed, linear scaling.

usage: python benchmarks/extract.py [--gold GOLD.jsonl] [--docs DOCDIR] [--rounds N]
                                    [--heldout-gold GOLD.jsonl] [--heldout-docs DOCDIR]
                                    [--news-gold GOLD.jsonl] [--news-docs DOCDIR]
                                    [--blind-gold GOLD.jsonl] [--blind-docs DOCDIR] [-v]
                                    [--profile N]

Prints:

1. against the gold claims (``../shared/bench/seed-gold.jsonl`` by default), matched
   exactly as ``../shared/bench/score_claims.py`` matches them (its own functions,
   imported: word-level F1 >= 0.5, one-to-one, best first): claims P/R/F1, commitments
   P/R/F1, speaker accuracy and due accuracy; then the same against the held-out
   development set (``benchmarks/data/articles-gold.jsonl``), the real news-dev articles
   (``../shared/bench/news-dev``) and the blind sets (``benchmarks/data/blind*``), each
   document resolved against its own ``published:`` header.  A set given twice is
   scored once;
2. for each set, where gold claims are lost: not found at all, found with the wrong
   kind, the wrong speaker, the wrong actor (commitments and demands found with the
   right kind) or the wrong due window.  A claim found can be lost at several stages.
   ``-v`` lists every loss with the gold value beside the predicted one;
3. throughput in KB/s of the whole extraction beside the baseline, dateparser's
   ``search_dates(text, languages=["en"], settings={"RELATIVE_BASE": published})``, on
   the same texts in the same process, and the ratio: on the seed, on the seed and the
   news-dev texts, and on every real text (seed, news-dev, held-out, blind).  CPU time,
   best of ``--rounds``, the two run in turn each round (both warmed up first);
4. time per KB on growing inputs (1x, 2x, 4x, 8x the seed): flat means linear.

``--profile N`` prints instead of 3 and 4 the ``N`` costliest functions (cProfile, by
own time and by cumulative time) of one extraction of every real text, to see where
the time goes before making it faster.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
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
SCORER = SHARED / "bench" / "score_claims.py"
ACTOR_KINDS = frozenset({"commitment", "demand"})
STAGES = ("not found", "wrong kind", "wrong speaker", "wrong actor", "wrong due")


def _scorer() -> Any:
    """The official scorer as a module, so its matching and name rules are used as they are."""
    spec = importlib.util.spec_from_file_location("score_claims", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {SCORER}: is ../shared/bench in place?")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score = _scorer()
overlap: Callable[[str, str], float] = score.overlap
name_ok: Callable[[str, dict[str, Any]], bool] = score.name_ok


def day(value: datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    result: date | None = score.day(value)
    return result


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


def texts(docs: Path) -> list[Source]:
    """The sources of a folder of documents, in name order (none if it is missing)."""
    if not docs.is_dir():
        return []
    return [load(p) for p in sorted(docs.iterdir()) if p.is_file()]


def f1(m: int, p: int, g: int) -> tuple[float, float, float]:
    precision = m / p if p else 0.0
    recall = m / g if g else 0.0
    return (
        precision,
        recall,
        (2 * precision * recall / (precision + recall) if precision + recall else 0.0),
    )


def match(preds: list[Claim], golds: list[dict[str, Any]]) -> dict[int, int]:
    """Gold index -> predicted index: the scorer's greedy one-to-one matching (token F1
    >= 0.5, best pair first, ties broken by the higher indices as its sort does)."""
    pairs = sorted(
        (
            (overlap(p.text, g["quote"]), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    found: dict[int, int] = {}
    for value, i, j in pairs:
        if value < 0.5:
            break
        if i in used_p or j in found:
            continue
        used_p.add(i)
        found[j] = i
    return found


def due_ok(p: Claim, g: dict[str, Any]) -> bool:
    due = p.due
    return (
        due is not None
        and day(due.start) == day(g["due"]["start"])
        and day(due.end) == day(g["due"]["end"])
    )


def actor_ok(pred: str, g: dict[str, Any]) -> bool:
    """The scorer does not score actors; this benchmark reads them as it reads speakers
    (the gold actor, a shared proper name, the speaker's aliases when the actor is the
    speaker) or by token F1 >= 0.5 against the gold actor's words."""
    gold = g.get("actor") or ""
    if name_ok(pred, {"speaker": gold, "speaker_aliases": []}) or overlap(pred, gold) >= 0.5:
        return True
    return gold == g.get("speaker") and name_ok(pred, g)


def losses(p: Claim | None, g: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The stages at which the gold claim ``g`` is lost, each with gold and predicted value."""
    if p is None:
        return [("not found", g["quote"], "")]
    out: list[tuple[str, str, str]] = []
    if p.kind.value != g["kind"]:
        out.append(("wrong kind", g["kind"], p.kind.value))
    speaker = p.speaker.name if p.speaker else ""
    if not name_ok(speaker, g):
        out.append(("wrong speaker", g.get("speaker") or "", speaker))
    actor = p.actor.name if p.actor else ""
    gets_actor = g["kind"] in ACTOR_KINDS and p.kind.value == g["kind"] and g.get("actor")
    if gets_actor and not actor_ok(actor, g):
        out.append(("wrong actor", g["actor"], actor))
    if g.get("due") and not due_ok(p, g):
        shown = f"{p.due.text} [{day(p.due.start)}, {day(p.due.end)})" if p.due else "none"
        gd = g["due"]
        out.append(("wrong due", f"{gd.get('text')} [{day(gd['start'])}, {day(gd['end'])})", shown))
    return out


def accuracy(gold_path: Path, docs: Path, verbose: bool = False) -> None:
    gold = [
        json.loads(line)
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    by_doc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    tot: collections.Counter[str] = collections.Counter()
    lost: collections.Counter[str] = collections.Counter()
    details: list[str] = []
    for doc, golds in sorted(by_doc.items()):
        preds = extract(load(docs / doc))
        tot["gold"] += len(golds)
        tot["pred"] += len(preds)
        tot["gold_commit"] += sum(g["kind"] == "commitment" for g in golds)
        tot["pred_commit"] += sum(p.kind.value == "commitment" for p in preds)
        found = match(preds, golds)
        for j, g in enumerate(golds):
            p = preds[found[j]] if j in found else None
            for stage, want, got in losses(p, g):
                lost[stage] += 1
                details.append(
                    f"    {stage}: {g.get('id', doc)}\n"
                    f"      gold  {want!r}\n      pred  {got!r}\n"
                    f"      quote {g['quote'][:160]!r}"
                    + (f"\n      text  {p.text[:160]!r}" if p is not None else "")
                    + (f"\n      rules {', '.join(p.rules)}" if p is not None and p.rules else "")
                )
            if p is None:
                continue
            tot["match"] += 1
            tot["speaker_ok"] += name_ok(p.speaker.name if p.speaker else "", g)
            if g["kind"] == "commitment" and p.kind.value == "commitment":
                tot["commit_match"] += 1
            if g.get("due"):
                tot["due_gold"] += 1
                tot["due_ok"] += due_ok(p, g)
    P, R, F = f1(tot["match"], tot["pred"], tot["gold"])
    cP, cR, cF = f1(tot["commit_match"], tot["pred_commit"], tot["gold_commit"])
    speaker = tot["speaker_ok"] / tot["match"] if tot["match"] else 0.0
    due = tot["due_ok"] / tot["due_gold"] if tot["due_gold"] else 0.0
    print("accuracy against", gold_path.parent.name + "/" + gold_path.name)
    print(
        f"  claims      P={P:.2f} R={R:.2f} F1={F:.2f}   (gold {tot['gold']}, predicted {tot['pred']})\n"
        f"  commitments P={cP:.2f} R={cR:.2f} F1={cF:.2f}\n"
        f"  speaker     {speaker:.0%} of {tot['match']} matched\n"
        f"  due         {due:.0%} of {tot['due_gold']} matched gold claims with a window"
    )
    print("  gold claims lost, by stage: " + ", ".join(f"{s} {lost[s]}" for s in STAGES))
    if verbose:
        print("\n".join(details))


def timed(fn: Callable[[], object], rounds: int) -> float:
    """The best CPU time of ``fn`` over ``rounds`` runs, after one to warm up."""
    fn()  # warm up (imports, caches)
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def baseline(source: Source) -> object:
    """The baseline: dateparser's ``search_dates`` in English, relative to the source's
    own publication time (as issue 15 states it)."""
    from dateparser.search import search_dates

    base = (source.published_at or PUBLISHED).replace(tzinfo=None)
    return search_dates(source.text, languages=["en"], settings={"RELATIVE_BASE": base})


def interleaved(fns: list[Callable[[], object]], rounds: int) -> list[float]:
    """The best CPU time (``time.process_time``) of each of ``fns`` over ``rounds``
    rounds, run in turn within each round so that a slow spell of the machine falls on
    all of them alike; each is run once first to warm up."""
    for fn in fns:
        fn()
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            t0 = time.process_time()
            fn()
            best[i] = min(best[i], time.process_time() - t0)
    return best


def speed(sets: list[tuple[str, list[Source]]], rounds: int) -> None:
    """Throughput of the whole extraction and of the baseline on each group of texts,
    and the ratio: both timed in this process, in CPU time, best of ``rounds``,
    interleaved.  The last group is every text together."""
    rounds = max(rounds, 1)
    print(f"throughput (CPU time, best of {rounds}, interleaved with the baseline)")
    for label, group in sets:
        size_kb = sum(len(s.text.encode("utf-8")) for s in group) / 1024

        def ours(texts: list[Source] = group) -> None:
            for s in texts:
                extract(s)

        def theirs(texts: list[Source] = group) -> None:
            for s in texts:
                baseline(s)

        t_ours, t_theirs = interleaved([ours, theirs], rounds)
        print(
            f"  {label}: {len(group)} texts, {size_kb:.1f} KB\n"
            f"    claimtrack extraction     {size_kb / t_ours:8.1f} KB/s\n"
            f"    dateparser search_dates   {size_kb / t_theirs:8.1f} KB/s\n"
            f"    ratio                     {t_theirs / t_ours:8.2f}x"
        )
    print(f"  of which the time grammar (find_windows): {time_grammar_share(sets[-1][1]):.0%}")


def time_grammar_share(texts: list[Source]) -> float:
    """The share of one extraction of ``texts`` spent in the time grammar (CPU time of
    ``ExtractContext.find_windows``, the extractor's one way into it)."""
    spent = [0.0]
    plain = ExtractContext.find_windows

    def counted(self: ExtractContext, sentence: str, **kw: Any) -> Any:
        t0 = time.process_time()
        try:
            return plain(self, sentence, **kw)
        finally:
            spent[0] += time.process_time() - t0

    ExtractContext.find_windows = counted  # type: ignore[method-assign]
    try:
        t0 = time.process_time()
        for s in texts:
            extract(s)
        total = time.process_time() - t0
    finally:
        ExtractContext.find_windows = plain  # type: ignore[method-assign]
    return spent[0] / total if total else 0.0


def profile(texts: list[Source], top: int) -> None:
    """cProfile of one extraction of ``texts`` (after one to warm up): the ``top``
    functions by own time, then by cumulative time."""
    import cProfile
    import pstats

    for s in texts:
        extract(s)
    prof = cProfile.Profile()
    prof.enable()
    for s in texts:
        extract(s)
    prof.disable()
    print(f"profile of one extraction of {len(texts)} texts")
    for order in ("tottime", "cumulative"):
        pstats.Stats(prof, stream=sys.stdout).strip_dirs().sort_stats(order).print_stats(top)


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
    ap.add_argument("--news-gold", type=Path, default=SHARED / "bench" / "news-dev" / "gold.jsonl")
    ap.add_argument("--news-docs", type=Path, default=SHARED / "bench" / "news-dev" / "docs")
    ap.add_argument(
        "-v", "--verbose", action="store_true",
        help="print every lost gold claim: its stage, the gold value and the predicted one",
    )  # fmt: skip
    ap.add_argument(
        "--profile", type=int, metavar="N", default=0,
        help="print the N costliest functions of one extraction instead of the timings",
    )  # fmt: skip
    a = ap.parse_args(argv)
    sets = [
        (a.gold, a.docs),
        (a.heldout_gold, a.heldout_docs),
        (a.news_gold, a.news_docs),
        (a.blind_gold, a.blind_docs),
        (DATA / "blind2-gold.jsonl", DATA / "blind2"),
        (DATA / "blind3-gold.jsonl", DATA / "blind3"),
    ]
    seen: set[Path] = set()
    for gold_path, docs in sets:
        if gold_path.resolve() in seen or not gold_path.exists():
            continue
        seen.add(gold_path.resolve())
        accuracy(gold_path, docs, a.verbose)
    folders = [a.docs, a.news_docs] + [docs for _gold, docs in sets]
    unique = list({docs.resolve(): docs for docs in folders}.values())
    sources = texts(a.docs)
    news = sources + (texts(a.news_docs) if len(unique) > 1 else [])
    real = news + [s for docs in unique[2:] for s in texts(docs)]
    if a.profile:
        profile(real, a.profile)
        return 0
    speed(
        [
            ("seed", sources),
            ("seed + news-dev", news),
            ("seed + news-dev + held-out + blind (all real texts)", real),
        ],
        a.rounds,
    )
    scaling(sources[0], a.rounds)
    scaling(sources[0], a.rounds, " ", "the seed as one paragraph, repeated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

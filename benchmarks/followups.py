#!/usr/bin/env python3
"""Development check of the built-in checker: did the promises happen?

Three parts, each printing its figures:

1. **seed** (``../shared/bench/followups-dev.jsonl``): a fresh store, ``claimtrack add``
   the seed and then ``seed-followup.txt`` with separate commands, ``claimtrack check``,
   then each commitment's status against the verdict a person gave.
2. **news-dev** (``../shared/bench/news-dev/followups.jsonl``): per pair, a fresh store,
   the commitment doc and then the follow-up doc added separately (each with its own
   ``published:``), ``check``, and the status of the stored claim whose text matches
   the gold quote.  A miss is put down to extraction (the commitment was not stored as a
   commitment, or with a due window that misses the gold's) or to the checker.  The same
   pairs are then checked on the gold commitment itself (its actor, action, window and
   condition as the annotators wrote them), which measures the checker alone.
3. **calibration** (``tests/data/checker_calibration.jsonl``, pairs of our own writing):
   per verdict rule, how often it was right and the reliability that follows (the rule's
   confidence, ``docs/checker.md``); per kind of follow-up, how many pairs were decided
   right; the verdicts at the default threshold on reports about something else.
   **heldout** (``tests/data/checker_heldout.jsonl``): the same figures on pairs of our
   own that were never used to set a confidence or change a rule.
4. **cost**: many towns' mayors each promising a bridge and more, and reports each about
   one town; the time per promise against the time to read every report once, in the
   same run (the machine is shared: ratios, not seconds, are the figure).

A text is matched to a stored claim by word-level F1 >= 0.5, as the claim scorer
matches quotes.  Verdicts: ``fulfilled`` = kept, ``broken`` = broken or withdrawn,
``partially`` = partially kept, ``pending`` = no final verdict.

usage: .venv/bin/python benchmarks/followups.py [--bench DIR] [--part seed|news|calibration|heldout|cost] [-v]
       [--min-confidence X]

Exit status 0 whatever the score.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from claimtrack import Tracker
from claimtrack.checking import check_commitment
from claimtrack.checking.calibration import load_pairs, reliability, rule_counts, run_pairs
from claimtrack.checking.reports import ReportIndex, one_reading
from claimtrack.checking.rules import CONDITION_RULES, RULES
from claimtrack.model import (
    Actor,
    Claim,
    ClaimKind,
    Evidence,
    Grain,
    Source,
    TimeWindow,
)
from claimtrack.status import derive_status
from claimtrack.store import SQLiteStore
from claimtrack.tracker_check import DEFAULT_MIN_CONFIDENCE

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SEED = ROOT / "seeds" / "000_4f9421fb867c1b8c.txt"
WORD = re.compile(r"\w+", re.U)
UTC = timezone.utc

#: The verdicts of the follow-up files and the statuses each accepts.
ACCEPTS = {
    "fulfilled": {"kept"},
    "broken": {"broken", "withdrawn"},
    "partially": {"partially_kept"},
    "pending": {"open", "due", "overdue", "conditional"},
}


def _toks(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")]


def overlap(a: str, b: str) -> float:
    """Word-level F1 of two texts (the scorer's measure)."""
    ta, tb = collections.Counter(_toks(a)), collections.Counter(_toks(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def match(claim_text: str, quote: str) -> float:
    """How well a stored claim's text matches a gold quote: word F1, or the share of
    the quote's words the claim holds when it holds nearly all of them (a claim may
    run on past the quote)."""
    tq, tc = collections.Counter(_toks(quote)), collections.Counter(_toks(claim_text))
    held = sum((tq & tc).values()) / max(1, sum(tq.values()))
    return max(overlap(claim_text, quote), held if held >= 0.8 else 0.0)


def claimtrack(db: Path, *args: str) -> str:
    """Run the ``claimtrack`` CLI of this environment on ``db``; return its output."""
    # The console script beside this Python (the venv's), else the one on PATH.
    script = Path(sys.executable).with_name("claimtrack")
    cmd = [str(script) if script.exists() else "claimtrack", "--db", str(db), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {done.returncode}: {done.stderr[-800:]}")
    return done.stdout


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


# -- 1. the seed --------------------------------------------------------------------------


def seed_part(bench: Path, seed: Path, verbose: bool) -> tuple[int, int]:
    """The seed's follow-up pairs through the CLI; (right, total)."""
    cases = _jsonl(bench / "followups-dev.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "followups.db"
        claimtrack(db, "add", str(seed))
        claimtrack(db, "add", str(bench / "seed-followup.txt"))
        claimtrack(db, "check")
        records = [
            json.loads(line)
            for line in claimtrack(db, "export", "--format", "jsonl").splitlines()
            if line.startswith("{")
        ]
        right = 0
        for case in cases:
            best = max(
                records, key=lambda r: overlap(r["text"], case["commitment_text"]), default=None
            )
            score = overlap(best["text"], case["commitment_text"]) if best else 0.0
            status = best.get("status") if best is not None and score >= 0.5 else None
            ok = status in ACCEPTS[case["verdict"]]
            right += ok
            print(
                f"  {'ok  ' if ok else 'MISS'} want {case['verdict']:<9} got {status or '-':<14}"
                f" {case['commitment_text'][:60]!r}"
            )
            if verbose and best is not None and score >= 0.5:
                history = json.loads(claimtrack(db, "show", best["id"], "--format", "json"))
                for e in history.get("history", []):
                    print(f"       {e['verdict']} {e['confidence']}: {e['note']}")
    return right, len(cases)


# -- 2. news-dev ----------------------------------------------------------------------


def _gold_window(due: dict[str, Any] | None, reference: datetime | None) -> TimeWindow | None:
    if not due or not due.get("start"):
        return None
    return TimeWindow(
        start=datetime.fromisoformat(due["start"]),
        end=datetime.fromisoformat(due["end"]),
        grain=Grain.parse(due["grain"]) if due.get("grain") else None,
        text=due.get("text") or "",
        reference=reference,
    )


def _windows_agree(got: TimeWindow | None, want: TimeWindow | None) -> bool:
    if want is None:
        return True  # the gold gives none: any window is the extractor's own reading
    if got is None or got.start is None or got.end is None:
        return False
    assert want.start is not None and want.end is not None
    return got.start < want.end and want.start < got.end


def _status(claim: Claim, evidence: list[Evidence], as_of: datetime) -> str:
    status, _progress, _by = derive_status(claim, evidence, as_of)
    return status.value


def _gold_claim(gold: dict[str, Any], source: Source) -> Claim:
    """The annotators' reading of a commitment, as a claim in ``source``."""
    quote = gold["quote"]
    at = source.text.find(quote)
    span = (at, at + len(quote)) if at >= 0 else (0, len(quote))
    text = source.text[span[0] : span[1]] if at >= 0 else quote
    actor = Actor.named(gold["actor"]) if gold.get("actor") else None
    return Claim.build(
        source_id=source.id,
        span=span,
        speaker=Actor.named(gold["speaker"]) if gold.get("speaker") else None,
        kind=ClaimKind.COMMITMENT,
        text=text,
        sentence=gold.get("sentence") or text,
        asserted_at=source.published_at,
        actor=actor,
        action=gold.get("action"),
        due=_gold_window(gold.get("due"), source.published_at),
        condition=gold.get("condition"),
    )


def news_part(bench: Path, verbose: bool, threshold: float = DEFAULT_MIN_CONFIDENCE) -> None:
    """The news-dev pairs, end to end and on the gold commitment."""
    news = bench / "news-dev"
    gold = {g["id"]: g for g in _jsonl(news / "gold.jsonl")}
    pairs = _jsonl(news / "followups.jsonl")
    as_of = datetime.now(UTC)
    right = oracle_right = suggested = oracle_suggested = 0
    causes: collections.Counter[str] = collections.Counter()
    for pair in pairs:
        g = gold[pair["commitment_id"]]
        want = ACCEPTS[pair["verdict"]]
        with tempfile.TemporaryDirectory() as tmp:
            tracker = Tracker(Path(tmp) / "pair.db")
            first = tracker.add(news / "docs" / pair["commitment_doc"])
            source = first.sources[0]
            error = ""
            try:
                second = tracker.add(news / "docs" / pair["followup_doc"])
                if second.errors:
                    error = str(second.errors[0])
                tracker.check(as_of, min_confidence=threshold)
            except Exception as exc:  # a crash in the store is a miss, not the end of the run
                error = f"{type(exc).__name__}: {exc}"
            claims = tracker.store.claims_of(source.id)
            best = max(claims, key=lambda c: match(c.text, g["quote"]), default=None)
            score = match(best.text, g["quote"]) if best is not None else 0.0
            got = "-"
            hint = ""
            if best is not None and score >= 0.5 and best.is_tracked:
                got = _status(best, tracker.store.evidence_for(best.id), as_of)
                pid = tracker.store.promise_of_claims([best.id]).get(best.id)
                if pid is not None:
                    # The promise's status (its verdicts may sit on another mention),
                    # and what the checker left to a person below --min-confidence.
                    (line,) = [ln for ln in tracker.status_lines(as_of) if ln.claim_id == pid]
                    got = line.status.value if line.status is not None else got
                    for sug in tracker.suggestions([pid]).get(pid, []):
                        if _status(best, [sug.evidence], as_of) in want:
                            hint = f"suggested {sug.evidence.verdict.value}"
            ok = got in want
            right += ok
            suggested += bool(not ok and hint)
            if ok:
                cause = ""
            elif error:
                cause = f"store error ({error[:70]})"
            elif hint:
                cause = f"checker: below --min-confidence ({hint})"
            elif best is None or score < 0.5:
                cause = "extraction: no claim matches the quote"
            elif not best.is_tracked:
                cause = f"extraction: stored as a {best.kind.value}"
            elif not _windows_agree(best.due, _gold_window(g.get("due"), source.published_at)):
                cause = f"extraction: due {best.due.text if best.due else None!r}"
            elif g.get("actor") and not overlap(best.actor.name if best.actor else "", g["actor"]):
                # Read with someone else as who must act: the checker looks for them.
                cause = f"extraction: actor {best.actor.name if best.actor else None!r}"
            else:
                cause = "checker"
            if cause:
                causes[cause.split(" (")[0].split(":")[0]] += 1
            # The checker alone, on the annotators' reading of the commitment.
            claim = _gold_claim(g, source)
            if error:
                # The follow-up could not be added whole: store its text alone, so the
                # checker can still be measured on it.
                for later in tracker.load(str(news / "docs" / pair["followup_doc"])):
                    tracker.store.add_source(later, [])
            found = check_commitment(claim, tracker.store, as_of)
            oracle = [e for e in found if (e.confidence or 1.0) >= threshold]
            ogot = _status(claim, oracle, as_of)
            oracle_right += ogot in want
            oracle_suggested += ogot not in want and _status(claim, found, as_of) in want
            tracker.close()
        print(
            f"  {'ok  ' if ok else 'MISS'} want {pair['verdict']:<9} got {got:<14}"
            f" gold-claim {'ok  ' if ogot in want else 'MISS'} {ogot:<14} {pair['commitment_id']}"
        )
        if cause:
            print(f"       end to end: {cause}")
        if verbose:
            for e in found:
                print(f"       {e.verdict.value} {e.confidence} {e.note}\n         {e.excerpt}")
    n = len(pairs)
    at = f"--min-confidence {threshold}"
    print(
        f"  end to end: {right}/{n} = {right / n:.0%} ({at}); {suggested} more left to a"
        f" person as a suggestion of the right verdict"
    )
    print("  misses by cause: " + (", ".join(f"{k} {v}" for k, v in causes.items()) or "none"))
    print(
        f"  checker on the gold commitments: {oracle_right}/{n} = {oracle_right / n:.0%}"
        f" ({at}); {oracle_suggested} more as suggestions"
    )


# -- 3. calibration ----------------------------------------------------------------------

CALIBRATION = ROOT / "tests" / "data" / "checker_calibration.jsonl"
HELDOUT = ROOT / "tests" / "data" / "checker_heldout.jsonl"


def calibration_part(
    verbose: bool, threshold: float = DEFAULT_MIN_CONFIDENCE, path: Path = CALIBRATION
) -> None:
    """The calibration pairs: each rule's reliability, each kind's score.  With the
    held-out pairs (never used to set anything), the same figures as a measurement."""
    outcomes = run_pairs(load_pairs(path))
    counts = rule_counts(outcomes)
    for rule in (*RULES, *CONDITION_RULES):
        if rule.verdict is None:
            continue
        right, fired = counts.get(rule.name, (0, 0))
        if path != CALIBRATION and not fired:
            continue
        print(
            f"  {rule.name:<24} right {right}/{fired}  reliability {reliability(right, fired):.2f}"
            f"  (rule's confidence {rule.confidence:.2f})"
        )
    by_case: dict[str, list[int]] = {}
    for o in outcomes:
        c = by_case.setdefault(o.pair.case, [0, 0])
        c[0] += o.right
        c[1] += 1
    print("  by kind: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_case.items())))
    decided = [o for o in outcomes if (o.confidence or 0.0) >= threshold]
    right = sum(o.right for o in decided)
    unrelated = [
        o
        for o in decided
        if o.pair.case == "unrelated" and o.verdict is not None and o.verdict.is_final
    ]
    mean = sum(o.confidence or 0.0 for o in decided) / max(1, len(decided))
    print(
        f"  decided at --min-confidence {threshold}: {len(decided)}/{len(outcomes)} pairs,"
        f" {right} right ({right / max(1, len(decided)):.0%}; mean confidence {mean:.2f});"
        f" final verdicts on reports about something else: {len(unrelated)}"
    )
    for o in outcomes:
        if verbose or not o.right:
            want = o.pair.example.expect
            print(
                f"    {'ok  ' if o.right else 'MISS'} {o.pair.case:<16}"
                f" want {want.value if want else '-':<14}"
                f" got {o.verdict.value if o.verdict else '-':<14}"
                f" {o.confidence if o.confidence is not None else '':<6} {o.rule or ''}"
            )


# -- 4. cost ----------------------------------------------------------------------------

_ACTS = [
    ("build a new bridge over the river", "opened the new bridge over the river"),
    ("repair the library roof", "finished repairing the library roof"),
    ("open a swimming pool", "opened the swimming pool"),
    ("publish the annual budget", "published the annual budget"),
    ("hire ten more wardens", "hired ten more wardens"),
]


def _town(i: int) -> str:
    # Distinct made-up names: syllables by the digits of i.
    parts = ["bar", "cal", "den", "fol", "gam", "hob", "kel", "lun", "mor", "pel"]
    digits = f"{i:04d}"
    return ("".join(parts[int(d)] for d in digits)).capitalize()


def cost_part(promises: int, reports: int) -> None:
    """Time to check ``promises`` open promises against ``reports`` later reports."""
    made = datetime(2025, 1, 6, 12, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "cost.db")
        towns = max(1, promises // len(_ACTS))
        promise_src = []
        claims: list[Claim] = []
        for t in range(towns):
            town = _town(t)
            text = " ".join(
                f"The mayor of {town} said the council of {town} will {act} by June."
                for act, _ in _ACTS
            )
            src = Source.from_text(text, title=f"{town} plans", published_at=made)
            promise_src.append(src)
            at = 0
            for act, _ in _ACTS:
                sent = f"The mayor of {town} said the council of {town} will {act} by June."
                start = text.index(sent, at)
                at = start + len(sent)
                claims.append(
                    Claim.build(
                        source_id=src.id,
                        span=(start, start + len(sent)),
                        speaker=Actor.named(f"mayor of {town}"),
                        kind=ClaimKind.COMMITMENT,
                        text=sent,
                        sentence=sent,
                        asserted_at=made,
                        actor=Actor.named(f"council of {town}"),
                        action=act,
                        due=TimeWindow(
                            start=made,
                            end=datetime(2025, 7, 1, tzinfo=UTC),
                            grain=Grain.MONTH,
                            text="by June",
                        ),
                    )
                )
        report_src = []
        for r in range(reports):
            town = _town(r % towns)
            _, done = _ACTS[r % len(_ACTS)]
            text = (
                f"The council of {town} {done} on Monday, the mayor said.\n\n"
                f"Residents in {town} welcomed the news."
            )
            when = made + timedelta(days=30 + r % 100)
            report_src.append(
                Source.from_text(
                    text, title=f"{town} news {r}", published_at=when + timedelta(hours=r % 7)
                )
            )
        store.add_many([(s, [c for c in claims if c.source_id == s.id]) for s in promise_src])
        store.add_many([(s, []) for s in report_src])
        claims = claims[:promises]
        as_of = datetime(2025, 12, 31, tzinfo=UTC)

        t0 = time.perf_counter()
        ReportIndex.build(store.sources(), as_of)
        read_once = time.perf_counter() - t0

        t0 = time.perf_counter()
        found = 0
        with one_reading(store, as_of):  # as `claimtrack check`: the reports read once a run
            for claim in claims:
                found += len(check_commitment(claim, store, as_of))
        checked = time.perf_counter() - t0
    pairs = len(claims) * reports
    print(
        f"  {len(claims)} promises x {reports} reports: reading every report once took"
        f" {read_once:.2f} s; checking every promise {checked:.2f} s"
        f" ({checked / read_once:.1f}x one reading; {checked / pairs * 1e9:.0f} ns a pair);"
        f" {found} pieces of evidence"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument(
        "--part", choices=["seed", "news", "calibration", "heldout", "cost"], action="append"
    )
    parser.add_argument("--promises", type=int, default=10_000)
    parser.add_argument("--reports", type=int, default=1_000)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the evidence")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=DEFAULT_MIN_CONFIDENCE,
        help="as `check --min-confidence` (news-dev)",
    )
    opts = parser.parse_args()
    parts = opts.part or ["seed", "news", "calibration", "heldout", "cost"]
    if "seed" in parts:
        print("seed follow-ups")
        right, total = seed_part(opts.bench, opts.seed, opts.verbose)
        print(f"  accuracy {right}/{total} = {right / total:.0%}")
    if "news" in parts:
        print("news-dev follow-up pairs")
        news_part(opts.bench, opts.verbose, opts.min_confidence)
    if "calibration" in parts:
        print("calibration pairs (ours)")
        calibration_part(opts.verbose, opts.min_confidence)
    if "heldout" in parts:
        print("held-out pairs (ours; never used to set anything)")
        calibration_part(opts.verbose, opts.min_confidence, HELDOUT)
    if "cost" in parts:
        print("cost")
        cost_part(opts.promises, opts.reports)


if __name__ == "__main__":
    main()

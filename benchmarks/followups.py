#!/usr/bin/env python3
"""Development check of the built-in checker: did the seed's commitments happen?

Follows ``../shared/bench/README.md`` ("seed-followup.txt and followups-dev.jsonl"):
a fresh store, ``claimtrack add`` the seed and then the follow-up report with separate
commands (each keeps its own publication time), ``claimtrack check``, then compare each
commitment's status (as of now) with the verdict a person gave.  A commitment_text is
matched to a stored claim by word-level F1 >= 0.5, as the claim scorer matches quotes.

usage: .venv/bin/python benchmarks/followups.py [--bench DIR] [--seed FILE] [-v]

Prints one line per case and the accuracy.  Exit status 0 whatever the score.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SEED = ROOT / "seeds" / "000_4f9421fb867c1b8c.txt"
WORD = re.compile(r"\w+", re.U)

#: The verdicts of followups-dev.jsonl and the statuses each accepts.
ACCEPTS = {
    "fulfilled": {"kept"},
    "broken": {"broken"},
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


def claimtrack(db: Path, *args: str) -> str:
    """Run the ``claimtrack`` CLI of this environment on ``db``; return its output."""
    # The console script beside this Python (the venv's), else the one on PATH.
    script = Path(sys.executable).with_name("claimtrack")
    cmd = [str(script) if script.exists() else "claimtrack", "--db", str(db), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {done.returncode}: {done.stderr[-800:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--seed", type=Path, default=SEED)
    parser.add_argument("-v", "--verbose", action="store_true", help="show the evidence")
    opts = parser.parse_args()
    cases = [
        json.loads(line)
        for line in (opts.bench / "followups-dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "followups.db"
        print(claimtrack(db, "add", str(opts.seed)).strip())
        print(claimtrack(db, "add", str(opts.bench / "seed-followup.txt")).strip())
        print(claimtrack(db, "check").strip())
        records: list[dict[str, Any]] = [
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
            if best is None or score < 0.5:
                status, how = None, "no matching claim stored"
            else:
                status = best.get("status")
                how = f"claim {best['id'][:8]} ({best['kind']}, F1 {score:.2f})"
            ok = status in ACCEPTS[case["verdict"]]
            right += ok
            mark = "ok  " if ok else "MISS"
            print(
                f"{mark} want {case['verdict']:<9} got {status or '-':<12} {case['commitment_text'][:60]!r}"
            )
            print(f"       {how}")
            if opts.verbose and best is not None and score >= 0.5:
                history = json.loads(claimtrack(db, "show", best["id"], "--format", "json"))
                for e in history.get("history", []):
                    print(
                        f"       {e['verdict']} {e['confidence']} {e['recorded_by']}: {e['note']}"
                    )
        print(f"accuracy {right}/{len(cases)} = {right / len(cases):.0%}")


if __name__ == "__main__":
    main()

"""Time on the worst inputs grows linearly with their size.

For each hostile input (a megabyte on one line, thousands of unbalanced quotation
marks, deeply repetitive reported speech, right-to-left text with zero-width
characters, dense dates, a single giant token ...) this builds the text at 1x, 2x, 4x
and 8x a base size and times the three stages a source goes through: loading
(``decode_bytes`` + ``parse_header``), ``claimtrack.find_windows`` on the whole text,
and ``claimtrack.extract``.  It prints the time per KB at each size and the ratio of the
largest size's per-KB time to the smallest's: about 1 for linear work, about 8 for
quadratic.  A ratio above ``--limit`` is flagged and makes the exit status 1.

    python benchmarks/worst_cases.py                 # base 32 KB: 32, 64, 128, 256 KB
    python benchmarks/worst_cases.py --base-kb 128   # 128 KB .. 1 MB
    python benchmarks/worst_cases.py --case megabyte_line --stage extract

``tests/test_robust_linearity.py`` imports :data:`CASES` and checks the same inputs
structurally (counting work, not time).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone

REFERENCE = datetime(2025, 3, 15, 12, tzinfo=timezone.utc)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def megabyte_line(size: int) -> str:
    """News prose on one line: no newline, no full stop, quotes and clauses throughout."""
    return _repeat(
        "The minister said the council would reopen the depot next week, "
        "and “we will publish the plan by Friday,” she added; ",
        size,
    )


def unbalanced_quotes(size: int) -> str:
    """Opening quotation marks that never close, of every kind, among words."""
    return _repeat('He said "we will act and “they promised ‘ soon, she said. « ', size)


def quote_marks_only(size: int) -> str:
    """Nothing but quotation marks."""
    return _repeat("\"“”‘’'«»„", size)


def reported_speech(size: int) -> str:
    """One sentence of reported speech nested as deep as the size allows."""
    return _repeat("The mayor said that the minister said that the council said that ", size)


def reported_speech_sentences(size: int) -> str:
    """The same reported speech, many sentences of it, each with a commitment."""
    return _repeat(
        "The mayor said that the minister said the council will reopen the depot by May. ",
        size,
    )


def rtl_zero_width(size: int) -> str:
    """Arabic and Hebrew sentences, English with zero-width and direction controls."""
    return _repeat(
        "قال الوزير إن المجلس سيعيد فتح المستودع الأسبوع المقبل. "
        "אמר השר כי המועצה תפתח את המחסן בשבוע הבא. "
        "The min\u200bister said the coun\u200dcil will re\u2060open it "
        "\u202enext week\u202c, “\u200fwe will\u200e act by Friday,” he said.\u200b\n",
        size,
    )


def dense_dates(size: int) -> str:
    """Time expressions back to back, the time-window engine's busiest input."""
    return _repeat(
        "by Friday, next week, on 3/4/2025, in March 2025, within 30 days, before the end "
        "of the year, on Monday 17 March, this weekend, in the coming days, Q3 2026, ",
        size,
    )


def numbers_run(size: int) -> str:
    """Digits and separators without end (date patterns on the edge of matching)."""
    return _repeat("12/03/2025 2025-03-15 15.03.2025 3 4 5 6 7 8 9 10 11 12 ", size)


def one_giant_token(size: int) -> str:
    """A single word the size of the input."""
    return "a" * size


def capitalised_names(size: int) -> str:
    """Names and titles without a verb: speaker detection's worst case."""
    return _repeat(
        "Sir Keir Starmer Prime Minister President Emmanuel Macron Chancellor Friedrich Merz ",
        size,
    )


def punctuation(size: int) -> str:
    """Punctuation only: sentence splitting's worst case."""
    return _repeat(".,;:!?…—-()[]{}", size)


def many_short_lines(size: int) -> str:
    """A baseline: ordinary short news sentences, one a line."""
    return _repeat("“We will reopen the depot next week,” the mayor said.\n", size)


#: name -> builder(size in characters) -> text
CASES: dict[str, Callable[[int], str]] = {
    f.__name__: f
    for f in (
        megabyte_line,
        unbalanced_quotes,
        quote_marks_only,
        reported_speech,
        reported_speech_sentences,
        rtl_zero_width,
        dense_dates,
        numbers_run,
        one_giant_token,
        capitalised_names,
        punctuation,
        many_short_lines,
    )
}

STAGES = ("load", "find_windows", "extract")


def run_stage(stage: str, text: str) -> None:
    """Run one stage on ``text`` (the work the benchmark times and the test counts)."""
    import claimtrack
    from claimtrack.loading import decode_bytes, parse_header

    if stage == "load":
        parse_header(decode_bytes(text.encode("utf-8"), "bench"))
    elif stage == "find_windows":
        claimtrack.find_windows(text, reference=REFERENCE)
    elif stage == "extract":
        claimtrack.extract(text, published=REFERENCE, plugin_timeout=None)
    else:
        raise ValueError(stage)


def _time(stage: str, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run_stage(stage, text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-kb", type=int, default=32, help="the 1x size (default 32 KB)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only these")
    parser.add_argument("--stage", action="append", choices=STAGES, help="only these stages")
    parser.add_argument("--repeat", type=int, default=1, help="runs per point; the best counts")
    parser.add_argument(
        "--limit", type=float, default=2.0, help="flag a largest/smallest per-KB ratio above this"
    )
    args = parser.parse_args(argv)
    factors = (1, 2, 4, 8)
    run_stage("extract", many_short_lines(2048))  # warm caches and lazy imports
    header = "  ".join(f"{f * args.base_kb:>6} KB" for f in factors)
    print("time per KB (ms) at each size; ratio = per-KB time at 8x / at 1x\n")
    print(f"{'case':<26} {'stage':<13} {header}   ratio")
    flagged: list[tuple[str, str, float]] = []
    failed: list[tuple[str, str, str]] = []
    for name in args.case or CASES:
        for stage in args.stage or STAGES:
            per_kb = []
            try:
                for f in factors:
                    size = f * args.base_kb * 1024
                    text = CASES[name](size)
                    per_kb.append(_time(stage, text, args.repeat) * 1000 / (size / 1024))
            except Exception as exc:  # a crash is a finding too: report it, go on
                problem = f"{type(exc).__name__}: {' '.join(str(exc).split())[:90]}"
                print(f"{name:<26} {stage:<13} FAILED {problem}", flush=True)
                failed.append((name, stage, problem))
                continue
            ratio = per_kb[-1] / max(per_kb[0], 1e-9)
            mark = "  <- SUPERLINEAR" if ratio > args.limit else ""
            if mark:
                flagged.append((name, stage, ratio))
            cells = "  ".join(f"{v:9.4f}" for v in per_kb)
            print(f"{name:<26} {stage:<13} {cells}   {ratio:5.2f}{mark}", flush=True)
    if failed:
        print("\nfailed:", ", ".join(f"{n}/{s}" for n, s, _ in failed))
    if flagged:
        print("\nsuperlinear:", ", ".join(f"{n}/{s} ({r:.1f}x)" for n, s, r in flagged))
    if failed or flagged:
        return 1
    print(f"\nall linear (ratio <= {args.limit:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time on the worst inputs grows linearly with their size.

For each hostile input (a megabyte on one line, thousands of unbalanced quotation
marks, deeply repetitive reported speech, right-to-left text with zero-width
characters, dense dates, a single giant token ...) this builds the text at 1x, 2x, 4x
and 8x a base size (``--doublings`` sets how many sizes) and times the three stages a
source goes through: loading (``decode_bytes`` + ``parse_header``),
``claimtrack.find_windows`` on the whole text, and ``claimtrack.extract``.  It prints
the time per KB at each size and the time ratio per doubling of the input (the mean
over the doublings, and the worst single one): about 2 for linear work, about 4 for
quadratic.  A mean ratio above ``--limit`` (2.3) is flagged and makes the exit status 1.

    python benchmarks/worst_cases.py                 # base 32 KB: 32, 64, 128, 256 KB
    python benchmarks/worst_cases.py --base-kb 128   # 128 KB .. 1 MB
    python benchmarks/worst_cases.py --case megabyte_line --stage extract

``tests/test_robust_linearity.py`` imports :data:`CASES` and checks the same inputs
structurally (counting work, not time).

Hostile *sources* (:data:`SOURCES`: feeds that declare entities or are full of ``&lt;``,
pages with unclosed comments, deep inline nesting or deep JSON-LD) go through their
real loader as stage ``source`` (the feed or HTML plugin, then the core's finishing
step).  ``--memory`` adds the traced memory peak per input byte at the largest size.
The figures asked of the loaders, 125 KB to 2 MB with the time ratio per doubling:

    python benchmarks/worst_cases.py --stage source --base-kb 125 --doublings 4 --memory
"""

from __future__ import annotations

import argparse
import gc
import itertools
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


# -- hostile sources: bytes for a real loader -----------------------------------------


def _rss(description: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}\n<rss version="2.0"><channel>'
        "<title>Valley Paper</title><link>https://valley.example/</link><item>"
        f"<title>Depot</title><description>{description}</description></item></channel></rss>"
    ).encode()


def _html(body: str) -> bytes:
    return (
        "<!DOCTYPE html><html lang='en'><head><title>Depot</title></head><body><article>"
        f"<h1>Depot</h1>{body}</article></body></html>"
    ).encode()


_PARA = "<p>The council said it will reopen the depot by May, the mayor added.</p>\n"


def feed_entities(size: int) -> tuple[str, bytes]:
    """A feed declaring an entity (in a comment too) and referring to it throughout."""
    value = "The council will reopen the depot next week. " * 40
    prolog = f'<!--\n<!DOCTYPE rss [\n<!ENTITY a "{value}">\n]>\n-->'
    return "feed", _rss(_repeat("&a; text ", size), prolog)


def feed_less_thans(size: int) -> tuple[str, bytes]:
    """A feed whose description is full of escaped ``<`` and rarely a ``>``."""
    return "feed", _rss(_repeat("a &lt; b &lt;p&gt; c &lt;br ", size))


def feed_bad_references(size: int) -> tuple[str, bytes]:
    """A feed full of character references XML forbids."""
    return "feed", _rss(_repeat("The mayor &#xD800; will &#x110000; act &#27;. ", size))


def page_unclosed_comments(size: int) -> tuple[str, bytes]:
    """Paragraphs, each followed by a comment that never closes."""
    return "html", _html(_repeat(_PARA + "<!-- a note ", size))


def page_comments(size: int) -> tuple[str, bytes]:
    """Paragraphs and comments, as long as the size allows."""
    return "html", _html(_repeat(_PARA + "<!-- note -->", size))


def page_deep_inline(size: int) -> tuple[str, bytes]:
    """Inline elements opened and never closed, text between each."""
    return "html", _html(_PARA * 5 + _repeat("<b><i>the council will act ", size))


def page_deep_json_ld(size: int) -> tuple[str, bytes]:
    """An article with a JSON-LD block nested as deep as the size allows."""
    deep = "[" * (size // 2) + "]" * (size // 2)
    return "html", _html(_PARA * 5 + f'<script type="application/ld+json">{deep}</script>')


#: name -> builder(size in characters) -> (loader kind, document bytes)
SOURCES: dict[str, Callable[[int], tuple[str, bytes]]] = {
    f.__name__: f
    for f in (
        feed_entities,
        feed_less_thans,
        feed_bad_references,
        page_unclosed_comments,
        page_comments,
        page_deep_inline,
        page_deep_json_ld,
    )
}


def run_source(kind: str, data: bytes) -> None:
    """Read ``data`` with its real loader and finish the sources as claimtrack does.
    A loader's own refusal (a page over its size) is an answer too."""
    from claimtrack import LoadError, LoadOptions
    from claimtrack.loading import check_source, finish_source

    options = LoadOptions()
    try:
        if kind == "feed":
            import claimtrack_feeds

            sources = claimtrack_feeds.parse_feed(data, "https://valley.example/feed")
        else:
            import claimtrack_html

            sources = [claimtrack_html.article_source(data, "https://valley.example/a")]
        for source in sources:
            finish_source(check_source(source), options)
    except LoadError:
        pass


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


def _work(name: str, stage: str, size: int) -> tuple[Callable[[], None], int]:
    """The call to time for ``name`` at ``size`` characters, and its input's bytes."""
    if stage == "source":
        kind, data = SOURCES[name](size)
        return (lambda: run_source(kind, data)), len(data)
    text = CASES[name](size)
    return (lambda: run_stage(stage, text)), len(text.encode("utf-8"))


def _time(work: Callable[[], None], repeat: int) -> float:
    # The collector off while timing: a full collection landing in one run and not the
    # next is most of the noise in a per-doubling ratio.
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def _bytes_per_byte(work: Callable[[], None], size: int) -> float:
    import tracemalloc

    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / size
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-kb", type=int, default=32, help="the 1x size (default 32 KB)")
    parser.add_argument("--doublings", type=int, default=3, help="sizes after the first (3)")
    names = sorted(CASES) + sorted(SOURCES)
    parser.add_argument("--case", action="append", choices=names, help="only these")
    parser.add_argument(
        "--stage", action="append", choices=(*STAGES, "source"), help="only these stages"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per point; the best counts")
    parser.add_argument(
        "--limit", type=float, default=2.3, help="flag a mean ratio per doubling above this"
    )
    parser.add_argument(
        "--memory", action="store_true", help="also the memory peak per input byte (largest size)"
    )
    args = parser.parse_args(argv)
    factors = [2**i for i in range(args.doublings + 1)]
    run_stage("extract", many_short_lines(2048))  # warm caches and lazy imports
    run_source(*feed_less_thans(2048))
    run_source(*page_comments(2048))
    header = "  ".join(f"{f * args.base_kb:>7} KB" for f in factors)
    print("time per KB (ms) at each size; ratio = time ratio per doubling of the input,")
    print("the mean over the doublings and the worst one (2 = linear, 4 = quadratic)\n")
    mem_head = "   B/byte" if args.memory else ""
    print(f"{'case':<26} {'stage':<13} {header}    mean  worst{mem_head}")
    flagged: list[tuple[str, str, float]] = []
    failed: list[tuple[str, str, str]] = []
    stages = args.stage or [*STAGES, "source"]
    for name in args.case or names:
        for stage in stages:
            if (stage == "source") != (name in SOURCES):
                continue
            times, per_kb = [], []
            memory = ""
            try:
                for f in factors:
                    work, size = _work(name, stage, f * args.base_kb * 1024)
                    times.append(_time(work, args.repeat))
                    per_kb.append(times[-1] * 1000 / (size / 1024))
                if args.memory:
                    memory = f"   {_bytes_per_byte(work, size):7.0f}"
            except Exception as exc:  # a crash is a finding too: report it, go on
                problem = f"{type(exc).__name__}: {' '.join(str(exc).split())[:90]}"
                print(f"{name:<26} {stage:<13} FAILED {problem}", flush=True)
                failed.append((name, stage, problem))
                continue
            worst = max(b / max(a, 1e-9) for a, b in itertools.pairwise(times))
            ratio = (times[-1] / max(times[0], 1e-9)) ** (1 / max(1, len(times) - 1))
            mark = "  <- SUPERLINEAR" if ratio > args.limit else ""
            if mark:
                flagged.append((name, stage, ratio))
            cells = "  ".join(f"{v:10.4f}" for v in per_kb)
            print(
                f"{name:<26} {stage:<13} {cells}   {ratio:5.2f}  {worst:5.2f}{memory}{mark}",
                flush=True,
            )
    if failed:
        print("\nfailed:", ", ".join(f"{n}/{s}" for n, s, _ in failed))
    if flagged:
        print("\nsuperlinear:", ", ".join(f"{n}/{s} ({r:.1f}x)" for n, s, r in flagged))
    if failed or flagged:
        return 1
    print(f"\nall linear (mean time ratio per doubling <= {args.limit:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

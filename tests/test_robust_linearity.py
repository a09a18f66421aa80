"""Work grows linearly with input size on the worst inputs, checked structurally: no
clocks.  ``benchmarks/worst_cases.py`` prints the timings of the same cases.

1. Counting: every Python-level call (and generator resume) made while loading, finding
   time windows in and extracting from each worst case, at a small size and at 4x it.  Linear
   work makes 4x the calls; a quadratic scan makes far more.
2. Regular expressions: regex backtracking happens in C, invisible to the count, so
   every pattern claimtrack compiles (at import or at run time) is checked for the
   shapes that backtrack exponentially: a repeat of a repeat, ``(a+)+``, and a repeat
   of something that can match nothing, ``(a*)*``.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest

import claimtrack

ROOT = Path(__file__).resolve().parent.parent
#: The smaller size per stage (the larger is FACTOR times it): big enough that a
#: quadratic term shows, small enough to count quickly.
SMALL = {"load": 8 * 1024, "find_windows": 4 * 1024, "extract": 8 * 1024}
FACTOR = 4
#: Linear work gives FACTOR; constant set-up costs make it a little less.  Allow 25%.
MAX_RATIO = FACTOR * 1.25


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "worst_cases", ROOT / "benchmarks" / "worst_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORST = _benchmark()

#: Known super-linear cases in code this suite does not own, pinned (xfail) until
#: fixed: (case, stage) -> where and why.  Empty: the English extractor's quadratic
#: scan on one long quoted paragraph (found here) has been fixed.
KNOWN: dict[tuple[str, str], str] = {}


def _calls(stage: str, text: str) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        WORST.run_stage(stage, text)
    except claimtrack.ClaimtrackError:
        pass  # a failure is the robustness tests' business; here only work counts
    finally:
        sys.setprofile(None)
    return count


def _params() -> Iterator[Any]:
    for name in WORST.CASES:
        for stage in WORST.STAGES:
            reason = KNOWN.get((name, stage))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            yield pytest.param(name, stage, marks=marks, id=f"{name}-{stage}")


@pytest.mark.parametrize(("name", "stage"), list(_params()))
def test_work_grows_linearly(name: str, stage: str) -> None:
    build = WORST.CASES[name]
    size = SMALL[stage]
    with contextlib.suppress(claimtrack.ClaimtrackError):
        WORST.run_stage(stage, build(size // 4))  # warm caches and lazy imports
    small = _calls(stage, build(size))
    large = _calls(stage, build(size * FACTOR))
    assert large <= MAX_RATIO * max(small, 1), (
        f"{name}/{stage}: {small} calls at {size // 1024} KB, {large} at "
        f"{size * FACTOR // 1024} KB: {large / max(small, 1):.1f}x for {FACTOR}x the input"
    )


#: Cases whose extracted records grow faster than the input, pinned until fixed.
#: Empty: a claim's sentence is now cut to the context around it on run-on lines.
KNOWN_OUTPUT: dict[str, str] = {}


def _output_params() -> Iterator[Any]:
    for name in WORST.CASES:
        reason = KNOWN_OUTPUT.get(name)
        marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_output_params()))
def test_extracted_records_grow_linearly(name: str) -> None:
    # What the store and every exporter must write: the claim records' total size.
    from claimtrack.records import claim_record, dumps_line

    def size(text: str) -> int:
        claims = claimtrack.extract(text, published=WORST.REFERENCE, plugin_timeout=None)
        return sum(len(dumps_line(claim_record(c))) for c in claims)

    build = WORST.CASES[name]
    n = 8 * 1024
    # Characters of records per character of input must not grow with the input (a
    # floor of 1: a few claims appearing only in the larger text are not growth).
    small = size(build(n)) / n
    large = size(build(n * FACTOR)) / (n * FACTOR)
    assert large <= 1.25 * max(small, 1.0), (
        f"{name}: {small:.1f} characters of records per character of input at 8 KB, "
        f"{large:.1f} at {8 * FACTOR} KB"
    )


# -- regular expressions ---------------------------------------------------------------

if sys.version_info >= (3, 11):
    import re._constants as sre_constants
    import re._parser as sre_parse
else:  # pragma: no cover
    import sre_constants
    import sre_parse

_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
_SRC = str(Path(claimtrack.__file__).resolve().parent)


def _can_be_empty(items: Any) -> bool:
    for op, av in items:
        if op in _REPEATS or op == getattr(sre_constants, "POSSESSIVE_REPEAT", None):
            if av[0] > 0 and not _can_be_empty(av[2]):
                return False
        elif op == sre_constants.SUBPATTERN:
            if not _can_be_empty(av[3]):
                return False
        elif op == sre_constants.BRANCH:
            if not any(_can_be_empty(b) for b in av[1]):
                return False
        elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        else:
            return False
    return True


def _only_repeat(items: Any) -> bool:
    # The body is one unbounded repeat (possibly inside groups): (a+)+, ((?:a|b)*)+ ...
    items = list(items)
    while len(items) == 1 and items[0][0] == sre_constants.SUBPATTERN:
        items = list(items[0][1][3])
    return len(items) == 1 and items[0][0] in _REPEATS and items[0][1][1] == sre_constants.MAXREPEAT


def catastrophic(pattern: str, flags: int = 0) -> str | None:
    """The sub-pattern of ``pattern`` that can backtrack exponentially, or None."""

    def walk(items: Any) -> str | None:
        for op, av in items:
            if op in _REPEATS:
                body = av[2]
                if av[1] == sre_constants.MAXREPEAT and (_only_repeat(body) or _can_be_empty(body)):
                    return f"an unbounded repeat of {'a repeat' if _only_repeat(body) else 'something that can match nothing'}"
                found = walk(body)
            elif op == sre_constants.SUBPATTERN:
                found = walk(av[3])
            elif op == sre_constants.BRANCH:
                found = next((f for b in av[1] if (f := walk(b))), None)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                found = walk(av[1])
            else:
                found = None
            if found:
                return found
        return None

    return walk(sre_parse.parse(pattern, flags))


@pytest.mark.parametrize(
    ("pattern", "bad"),
    [
        (r"(a+)+$", True),
        (r"(?:\s*)*x", True),
        (r"((?:ab|a)*)+", True),
        (r"(\w+\s?)*$", False),  # polynomial at worst: not this check's shape
        (r"\b(?:very\s+)*good\b", False),
        (r"[^.!?]+[.!?]", False),
    ],
)
def test_the_audit_recognises_the_shapes(pattern: str, bad: bool) -> None:
    assert (catastrophic(pattern) is not None) is bad


def _module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for info in pkgutil.walk_packages(claimtrack.__path__, "claimtrack."):
        module = importlib.import_module(info.name)
        values: list[tuple[str, object]] = [(info.name, v) for v in vars(module).values()]
        for key, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == info.name:
                values += [(f"{info.name}.{key}", v) for v in vars(value).values()]
        while values:
            where, value = values.pop()
            if isinstance(value, re.Pattern):
                yield where, value
            elif isinstance(value, (list, tuple, set, frozenset)):
                values += [(where, v) for v in value if not isinstance(v, (str, int))]
            elif isinstance(value, dict):
                values += [(where, v) for v in value.values() if not isinstance(v, (str, int))]


def _runtime_patterns(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, int], str]:
    # Patterns compiled while claimtrack works (re.search(r"...") and friends),
    # attributed to the claimtrack file that asked for them.
    found: dict[tuple[str, int], str] = {}
    original = re._compile  # type: ignore[attr-defined]

    def spy(pattern: Any, flags: Any) -> Any:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.endswith(
            ("re/__init__.py", "re\\__init__.py")
        ):
            frame = frame.f_back  # type: ignore[assignment]
        if (
            isinstance(pattern, str)
            and frame is not None
            and frame.f_code.co_filename.startswith(_SRC)
        ):
            found[(pattern, int(flags))] = f"{frame.f_code.co_filename}:{frame.f_lineno}"
        return original(pattern, flags)

    monkeypatch.setattr(re, "_compile", spy)
    seed = (ROOT / "seeds" / "000_4f9421fb867c1b8c.txt").read_text(encoding="utf-8")
    for stage in WORST.STAGES:
        WORST.run_stage(stage, seed)
        for build in WORST.CASES.values():
            with contextlib.suppress(claimtrack.ClaimtrackError):
                WORST.run_stage(stage, build(2000))
    return found


def test_no_regex_can_backtrack_exponentially(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = []
    patterns = {(p.pattern, p.flags): where for where, p in _module_patterns()}
    patterns.update(_runtime_patterns(monkeypatch))
    assert patterns, "found no patterns: the audit would prove nothing"
    for (pattern, flags), where in patterns.items():
        shape = catastrophic(pattern, flags)
        if shape:
            problems.append(f"{where}: {pattern!r} has {shape}")
    assert problems == []

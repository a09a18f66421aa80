"""The cheap skip-checks in front of the extractor's rules never change what the rules
decide: a segmentation rule never cuts a sentence whose words its ``needs`` would skip,
over every rule example and every benchmark text (the sentences the extractor really
segments), and segmenting with the skip-checks gives the same pieces as without them; likewise no kind
rule decides on a clause its ``needs`` would skip; the kind reading's word skip (``kinds._READ_WORDS``) holds every word its branches
compare a token with, and reading without it gives the same claims."""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack.english.kind.clauses as kind_clauses
import claimtrack.english.kind.grammar as grammar
import claimtrack.english.kinds as kinds
import claimtrack.english.segment as segmentation
from claimtrack.english.kind import engine as kind_engine
from claimtrack.english.kind.analysis import Analysis
from claimtrack.english.kind.engine import Clause, KindRule
from claimtrack.english.kind.rules import RULES as KIND_RULES
from claimtrack.english.segment import PLAIN, RULES, Context, Piece, SegmentRule
from claimtrack.english.segment.engine import segment
from claimtrack.english.text import Tok
from claimtrack.loading import source_from_text
from claimtrack.records import claim_record
from claimtrack.testing import extract_english
from claimtrack.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
#: The benchmark's real texts: those in the repository, and the shared news-dev set
#: when it is in place beside the checkout.
TEXT_DIRS = [
    ROOT / "benchmarks" / "data" / "articles",
    ROOT / "benchmarks" / "data" / "blind",
    ROOT / "benchmarks" / "data" / "blind2",
    ROOT / "benchmarks" / "data" / "blind3",
    ROOT.parent / "shared" / "seeds",
    ROOT.parent / "shared" / "bench" / "news-dev" / "docs",
]
PUBLISHED = datetime(2025, 3, 12, 12, 0, tzinfo=timezone.utc)

Call = tuple[Sequence[Tok], Context]


def _benchmark_files() -> list[Path]:
    return [p for d in TEXT_DIRS if d.is_dir() for p in sorted(d.iterdir()) if p.is_file()]


def _recorded_calls(texts: Sequence[str], monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """Every (tokens, context) the extractor segments while reading ``texts``."""
    calls: list[Call] = []
    plain = segmentation.segment

    def recording(
        toks: Sequence[Tok], rules: Sequence[SegmentRule], context: Context = PLAIN
    ) -> list[Piece]:
        calls.append((list(toks), context))
        return plain(toks, rules, context)

    monkeypatch.setattr(segmentation, "segment", recording)
    for text in texts:
        source = source_from_text(text)
        extract_english(
            source.text, published=source.published_at or PUBLISHED, publisher=source.publisher
        )
    monkeypatch.undo()
    return calls


def _example_calls() -> Iterator[Call]:
    for rule in RULES:
        for example in rule.examples:
            yield tokenize(example.text), example.context


def _unfiltered(on_cut: Callable[[SegmentRule, Sequence[Tok]], None]) -> list[SegmentRule]:
    """The rules without their needs, each reporting every cut it makes to ``on_cut``."""

    def watched(rule: SegmentRule) -> SegmentRule:
        apply = rule.apply

        def run(toks: Sequence[Tok], piece: Piece, context: Context) -> list[Piece] | None:
            made = apply(toks, piece, context)
            if made is not None:
                on_cut(rule, toks)
            return made

        return attrs.evolve(rule, apply=run, needs=frozenset())

    return [watched(rule) for rule in RULES]


def _check(calls: Sequence[Call]) -> None:
    wrong: list[str] = []

    def on_cut(rule: SegmentRule, toks: Sequence[Tok]) -> None:
        present = {t.low for t in toks}
        if rule.needs and present.isdisjoint(rule.needs):
            wrong.append(f"{rule.name} cut {' '.join(t.text for t in toks)!r}")

    bare = _unfiltered(on_cut)
    for toks, context in calls:
        assert segment(toks, RULES, context) == segment(toks, bare, context)
    assert not wrong, wrong[:5]


def test_some_rules_have_needs() -> None:
    assert sum(bool(rule.needs) for rule in RULES) >= 5


def test_needs_are_token_forms() -> None:
    for rule in RULES:
        assert all(w == w.lower() and w.strip() == w and w for w in rule.needs), rule.name


def test_no_rule_cuts_an_example_its_needs_skip() -> None:
    _check(list(_example_calls()))


def test_no_rule_cuts_a_benchmark_sentence_its_needs_skip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = _benchmark_files()
    if not files:
        pytest.skip("no benchmark texts in place")
    calls = _recorded_calls([p.read_text(encoding="utf-8") for p in files], monkeypatch)
    assert len(calls) > 100
    _check(calls)


_WORDS = st.sampled_from(
    ["The", "depot", "will", "close", "and", "the", "staff", "moved", ",", "but", "we",
     "said", "to", "open", "in", "May", ";", "being", "open", "—", "while", "it", "is"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=24))
def test_skip_checks_change_no_pieces(words: list[str]) -> None:
    toks = tokenize(" ".join(words) + ".")
    for context in (Context(), Context(direct=True), Context(cue="said")):
        _check([(toks, context)])


# --- the kind reading's word skip -------------------------------------------------


def _compared_words(node: ast.AST, module: object) -> tuple[set[str], list[str]]:
    """The words ``_read``'s loop compares the token form ``low`` with (``low in X``,
    ``low == "w"``), and the comparisons that would enter a branch for a word outside
    a list (``low not in X``, ``low != "w"``), which a word skip cannot allow."""
    found: set[str] = set()
    negated: list[str] = []
    for cmp in ast.walk(node):
        if not (isinstance(cmp, ast.Compare) and isinstance(cmp.left, ast.Name)):
            continue
        if cmp.left.id != "low":
            continue
        for op, right in zip(cmp.ops, cmp.comparators, strict=True):
            if isinstance(op, (ast.NotIn, ast.NotEq)):
                negated.append(ast.unparse(cmp))
            elif isinstance(right, ast.Constant) and isinstance(right.value, str):
                found.add(right.value)
            elif isinstance(right, (ast.Set, ast.Tuple, ast.List)):
                found |= {e.value for e in right.elts if isinstance(e, ast.Constant)}
            elif isinstance(right, ast.Name):
                found |= set(getattr(module, right.id))
            else:
                negated.append(ast.unparse(cmp))  # a comparison the test cannot read
    return found, negated


def _branch_words(func: Callable[..., object], module: object) -> tuple[set[str], list[str]]:
    """The words the if/elif chains of ``func``'s first loop compare ``low`` with (what
    decides that a branch is taken), and the negated comparisons among them."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    loop = next(n for n in ast.walk(tree) if isinstance(n, ast.For))
    tests: list[ast.expr] = []
    for stmt in loop.body:
        while isinstance(stmt, ast.If):
            tests.append(stmt.test)
            stmt = stmt.orelse[0] if len(stmt.orelse) == 1 else None  # type: ignore[assignment]
    chain = ast.Module(body=[ast.Expr(t) for t in tests], type_ignores=[])
    return _compared_words(chain, module)


@pytest.mark.parametrize(
    ("func", "module", "skip", "words"),
    [
        (kinds._read, kinds, "low not in read_words", kinds._READ_WORDS),
        (grammar.find_condition, grammar, "low not in _CONDITION_WORDS", grammar._CONDITION_WORDS),
        (kind_clauses.named_cuts, kind_clauses, "low not in _CUT_WORDS", kind_clauses._CUT_WORDS),
    ],
    ids=["kinds._read", "find_condition", "named_cuts"],
)
def test_word_skip_holds_every_word_the_branches_compare_with(
    func: Callable[..., object], module: object, skip: str, words: frozenset[str]
) -> None:
    found, negated = _branch_words(func, module)
    # the skip itself is the one negated comparison allowed
    assert negated == [skip], negated
    found -= {"read_words", "_CONDITION_WORDS", "_CUT_WORDS"}
    assert found <= words, sorted(found - words)


class _Everything(frozenset[str]):
    def __contains__(self, _word: object) -> bool:
        return True


def _claims(texts: Sequence[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for text in texts:
        source = source_from_text(text)
        for claim in extract_english(
            source.text, published=source.published_at or PUBLISHED, publisher=source.publisher
        ):
            out.append(claim_record(claim))
    return out


def test_kind_reading_is_the_same_without_its_word_skips(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [example.text for rule in KIND_RULES for example in rule.examples]
    texts += [p.read_text(encoding="utf-8") for p in _benchmark_files()]
    skipped = _claims(texts)
    monkeypatch.setattr(kinds, "_READ_WORDS", _Everything())
    monkeypatch.setattr(grammar, "_CONDITION_WORDS", _Everything())
    monkeypatch.setattr(kind_clauses, "_CUT_WORDS", _Everything())
    assert _claims(texts) == skipped


# --- the kind rules' needs -------------------------------------------------------


def _recorded_readings(texts: Sequence[str], monkeypatch: pytest.MonkeyPatch) -> list[Reading]:
    """Every (clause, core reading) the extractor offers the kind rules in ``texts``."""
    seen: list[Reading] = []
    plain = kind_engine.revise

    def recording(clause: Clause, found: Analysis, rules: Sequence[KindRule]) -> Analysis:
        seen.append((clause, found))
        return plain(clause, found, rules)

    monkeypatch.setattr(kinds, "revise", recording)
    _claims(texts)
    monkeypatch.undo()
    return seen


Reading = tuple[Clause, Analysis]


def test_some_kind_rules_have_needs() -> None:
    assert sum(bool(rule.needs) for rule in KIND_RULES) >= 10
    for rule in KIND_RULES:
        assert all(w == w.lower() and w.strip() == w and w for w in rule.needs), rule.name


def test_no_kind_rule_decides_on_a_clause_its_needs_skip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [example.text for rule in KIND_RULES for example in rule.examples]
    texts += [p.read_text(encoding="utf-8") for p in _benchmark_files()]
    readings = _recorded_readings(texts, monkeypatch)
    assert len(readings) > 100
    wrong: list[str] = []
    skipped = 0
    for clause, found in readings:
        present = {t.low for t in clause.toks}
        for rule in KIND_RULES:
            if not rule.needs or not present.isdisjoint(rule.needs):
                continue
            skipped += 1
            if rule.apply(clause, found) is not None:
                wrong.append(f"{rule.name} on {' '.join(t.text for t in clause.toks)!r}")
    assert skipped > len(readings)  # the needs do skip work
    assert not wrong, wrong[:5]

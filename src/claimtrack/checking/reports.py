"""Later reports, read once per check: every source split into sentences and words,
with an index from word stem to the sentences holding it, so that each promise reads
only the few sentences that could speak of it.

:func:`report_index` keeps one index per store and moment: ``claimtrack check`` asks
about every open promise as of one ``as_of``, and all of them share it.
"""

from __future__ import annotations

import bisect
import contextlib
import threading
import weakref
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any

import attrs

from ..model import Source, TimeWindow
from ..store import StoreView
from .text import Sentence, sentences

__all__ = [
    "Report",
    "ReportIndex",
    "ReportSentence",
    "anchor_key",
    "name_anchor",
    "one_reading",
    "related",
    "report_index",
]


def anchor_key(word_stem: str) -> str:
    """How a name is looked up: its first five letters, so that a country and its
    people's adjective meet ("russia", "russian"; "congo", "congolese"); two stems of
    one key are the same name only when :func:`related`."""
    return "^" + word_stem[:5]


def name_anchor(word_stem: str) -> str:
    """A name as an anchor of :meth:`ReportIndex.candidates`: found as itself or as a
    :func:`related` stem ("russia" finds "russian", not "rusty")."""
    return "^" + word_stem


def related(a: str, b: str) -> bool:
    """Whether two stems are one name: the same, or one the other's start and four
    letters or more ("iran", "iranian"; "russia", "russian"), or but for its last
    letter when five or more ("china", "chinese"; "ukraine", "ukrainian").  "austria"
    and "australia" are two names; so are "iran" and "iraq"."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if long_.startswith(short):
        return len(short) >= 4
    return len(short) >= 5 and long_.startswith(short[:-1])


@attrs.frozen
class Report:
    """A source as the checker reads it: its identity, publication time, sentences."""

    id: str
    uri: str | None
    published_at: datetime
    sentences: tuple[Sentence, ...]


@attrs.define(slots=False)  # slots off: the windows are cached_property
class ReportSentence:
    """One sentence of a report, with the sentences it may lean on for who and what
    ("It opened on Monday." after a sentence naming the bridge): the headline and the
    two sentences before it."""

    report: Report
    index: int
    #: What readers of this sentence worked out once for all promises asking (the
    #: mentions of an act class, say), by key.
    memo: dict[Any, Any] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def sentence(self) -> Sentence:
        """The sentence itself."""
        return self.report.sentences[self.index]

    @cached_property
    def context(self) -> tuple[Sentence, ...]:
        """The headline (when this is not it) and up to two sentences before."""
        sents = self.report.sentences
        out = [sents[k] for k in range(max(0, self.index - 2), self.index)]
        if sents and sents[0].headline and self.index > 2:
            out.insert(0, sents[0])
        return tuple(out)

    @cached_property
    def context_stems(self) -> frozenset[str]:
        """Every word stem of the context."""
        out: set[str] = set()
        for s in self.context:
            out |= s.stems
        return frozenset(out)

    @cached_property
    def anchor_keys(self) -> frozenset[str]:
        """The :func:`anchor_key` of every word of the sentence and its context."""
        return frozenset(self._by_key)

    @cached_property
    def _by_key(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for s in self.sentence.stems | self.context_stems:
            out.setdefault(anchor_key(s), []).append(s)
        return out

    def names_any(self, stems: Iterable[str]) -> bool:
        """Whether the sentence or its context holds one of these names (stems), as
        itself or a :func:`related` stem."""
        by_key = self._by_key
        return any(related(name, s) for name in stems for s in by_key.get(anchor_key(name), ()))

    @cached_property
    def past_windows(self) -> tuple[tuple[tuple[int, int], TimeWindow], ...]:
        """Time phrases of the sentence read as the past of its publication."""
        return _windows(self.sentence.text, self.report.published_at, "past")

    @cached_property
    def open_windows(self) -> tuple[tuple[tuple[int, int], TimeWindow], ...]:
        """Time phrases read without a tense (a new date: "now expected in December")."""
        return _windows(self.sentence.text, self.report.published_at, None)


def _windows(
    text: str, reference: datetime, tense: str | None
) -> tuple[tuple[tuple[int, int], TimeWindow], ...]:
    from ..timewindows import find_windows

    try:
        found = find_windows(text, reference, tense=tense)
    except Exception:  # the time engine failing on one sentence must not stop the check
        return ()
    return tuple(
        (span, w) for span, w in found if w.start is not None and w.end is not None and not w.vague
    )


class ReportIndex:
    """Every report published in a span of time, split once, with a word index.

    ``candidates(anchors, since)`` gives the sentences of reports published after
    ``since`` that hold one of ``anchors`` in themselves or the sentences they lean
    on; a promise is then read only against those."""

    def __init__(self, reports: Iterable[Report]) -> None:
        self.reports: list[Report] = sorted(reports, key=lambda r: (r.published_at, r.id))
        self._times = [r.published_at for r in self.reports]
        self._postings: dict[str, list[tuple[int, int]]] = {}
        #: The stems of each :func:`anchor_key`, for names found by relation.
        self._keyed: dict[str, set[str]] = {}
        for ri, report in enumerate(self.reports):
            for si, sent in enumerate(report.sentences):
                for s in sent.stems:
                    self._postings.setdefault(s, []).append((ri, si))
                    self._keyed.setdefault(anchor_key(s), set()).add(s)
        self._views: dict[tuple[int, int], ReportSentence] = {}
        #: How many sentences the index holds.
        self.sentence_count = sum(len(r.sentences) for r in self.reports)

    @classmethod
    def build(cls, sources: Iterable[Source], as_of: datetime) -> ReportIndex:
        """The index of ``sources`` published by ``as_of`` (sources without a
        publication time cannot be placed after a promise: they are left out)."""
        return cls(
            Report(s.id, s.uri, s.published_at, tuple(sentences(s.text, s.title)))
            for s in sources
            if s.published_at is not None and s.published_at <= as_of
        )

    def __len__(self) -> int:
        return len(self.reports)

    def view(self, ri: int, si: int) -> ReportSentence:
        """The sentence ``si`` of report ``ri`` (one object per sentence, so its time
        phrases are read once whichever promise asks)."""
        key = (ri, si)
        found = self._views.get(key)
        if found is None:
            found = self._views[key] = ReportSentence(self.reports[ri], si)
        return found

    def frequency(self, stem: str) -> int:
        """How many sentences hold ``stem``."""
        return len(self._postings.get(stem, ()))

    def _expand(self, anchors: Iterable[str]) -> set[str]:
        # A name anchor ("^russia") stands for every related stem the reports hold.
        out: set[str] = set()
        for anchor in anchors:
            if anchor.startswith("^"):
                name = anchor[1:]
                out |= {s for s in self._keyed.get(anchor_key(name), ()) if related(name, s)}
            else:
                out.add(anchor)
        return out

    def frequency_of_name(self, name: str) -> int:
        """How many sentences hold ``name`` or a :func:`related` stem."""
        return sum(self.frequency(s) for s in self._expand([name_anchor(name)]))

    def candidates(
        self, anchors: Iterable[str], since: datetime, *, skip: frozenset[str] = frozenset()
    ) -> list[ReportSentence]:
        """Sentences of reports published after ``since`` (and not in ``skip``) that
        hold an anchor (a stem, or a :func:`name_anchor`), or follow one within two
        sentences, or whose headline does."""
        first = bisect.bisect_right(self._times, since)
        hits: set[tuple[int, int]] = set()
        for anchor in self._expand(anchors):
            for ri, si in self._postings.get(anchor, ()):
                if ri < first:
                    continue
                report = self.reports[ri]
                if report.id in skip:
                    continue
                if si == 0 and report.sentences[0].headline:
                    hits.update((ri, k) for k in range(len(report.sentences)))
                else:
                    hits.update((ri, k) for k in range(si, min(si + 3, len(report.sentences))))
        return [self.view(ri, si) for ri, si in sorted(hits)]


# One index per store object and moment; rebuilt when the store's sources change.
_CACHE: weakref.WeakKeyDictionary[Any, tuple[tuple[Any, ...], ReportIndex]] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()


def _fingerprint(store: StoreView, as_of: datetime) -> tuple[Any, ...]:
    count = getattr(store, "count", None)
    size = count("sources") if callable(count) else None
    return (as_of, size)


#: Runs in progress (see :func:`one_reading`): store id -> (as_of, index once built).
_PINNED: dict[int, tuple[datetime, ReportIndex | None]] = {}


@contextlib.contextmanager
def one_reading(store: StoreView, as_of: datetime) -> Iterator[None]:
    """Within it, every :func:`report_index` of ``store`` as of ``as_of`` is the one
    index, built at the first call, without asking the store whether its sources
    changed: ``claimtrack check`` reads the reports once per run, however many
    promises it checks (nothing is added to the store while it runs)."""
    with _LOCK:
        held = _PINNED.get(id(store))
        _PINNED[id(store)] = (as_of, None)
    try:
        yield
    finally:
        with _LOCK:
            if held is None:
                _PINNED.pop(id(store), None)
            else:
                _PINNED[id(store)] = held


def report_index(store: StoreView, as_of: datetime) -> ReportIndex:
    """The index of the store's reports published by ``as_of``: within
    :func:`one_reading`, the run's one index; else built on the first call and shared
    by every later call for the same store and moment while the number of stored
    sources stays the same.  A store that cannot count its sources is read anew on each
    call."""
    with _LOCK:
        pinned = _PINNED.get(id(store))
    if pinned is not None and pinned[0] == as_of:
        if pinned[1] is not None:
            return pinned[1]
        index = ReportIndex.build(store.sources(published_before=as_of), as_of)
        with _LOCK:
            if id(store) in _PINNED:
                _PINNED[id(store)] = (as_of, index)
        return index
    key = _fingerprint(store, as_of)
    with _LOCK:
        try:
            held = _CACHE.get(store)
        except TypeError:  # a store that cannot be weakly referenced
            held = None
        if held is not None and held[0] == key and key[1] is not None:
            return held[1]
    index = ReportIndex.build(store.sources(published_before=as_of), as_of)
    with _LOCK, contextlib.suppress(TypeError):
        _CACHE[store] = (key, index)
    return index


def sentences_of(index: ReportIndex, report_id: str) -> Sequence[ReportSentence]:
    """Every sentence of one report in the index (for tests and tools)."""
    for ri, report in enumerate(index.reports):
        if report.id == report_id:
            return [index.view(ri, si) for si in range(len(report.sentences))]
    return []

"""Re-deriving is safe: an extractor that fails keeps what it made before, only the
extractors that succeeded have their claims replaced, and a person's verdict is never
moved onto another extractor's claim."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Claim, ClaimKind, Source
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager

TEXT = (
    "title: Depot works\n"
    "published: 2025-03-03T09:00:00+00:00\n"
    "publisher: Riverside Gazette\n"
    "\n"
    "The council will reopen the depot. The mayor will open the bridge.\n"
)


class Sentences:
    """Each sentence is a commitment; ``trim`` characters come off its end (an
    "upgrade" that changes every span); ``fail`` makes it raise."""

    def __init__(self, trim: int = 0) -> None:
        self.trim = trim
        self.fail = False

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        if self.fail:
            raise RuntimeError("broken today")
        for m in re.finditer(r"[^.\n]+\.", source.text):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.end() - self.trim
            yield Claim.build(
                source_id=source.id,
                span=(start, end),
                speaker=None,
                kind=ClaimKind.COMMITMENT,
                text=source.text[start:end],
                asserted_at=source.published_at,
            )


class FirstWords(Sentences):
    """Another extractor: the first three words of each sentence, a shorter overlap."""

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        if self.fail:
            raise RuntimeError("broken today")
        for m in re.finditer(r"(?:^|(?<=\. ))(\w+ \w+ \w+)", source.text, re.M):
            yield Claim.build(
                source_id=source.id,
                span=m.span(1),
                speaker=None,
                kind=ClaimKind.COMMITMENT,
                text=m.group(1),
                asserted_at=source.published_at,
            )


def _pm(**extractors: object) -> ClaimtrackPluginManager:
    pm = get_plugin_manager(load_entrypoints=False)
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    for name, plugin in extractors.items():
        pm.register(plugin, name=name)
    return pm


def _by_extractor(tracker: claimtrack.Tracker, source_id: str) -> dict[str | None, set[str]]:
    out: dict[str | None, set[str]] = {}
    for claim in tracker.store.claims_of(source_id):
        out.setdefault(claim.extractor, set()).add(claim.id)
    return out


def test_a_failing_extractor_keeps_its_claims(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    sentences, words = Sentences(), FirstWords()
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=_pm(s=sentences, w=words)) as t:
        source = t.add(article).sources[0]
        before = _by_extractor(t, source.id)
        assert set(before) == {"s", "w"} and all(before.values())
        words.fail = True
        sentences.trim = 1  # upgraded: every span changes
        report = t.rederive()
        after = _by_extractor(t, source.id)
        assert [e.plugin for e in report.errors] == ["w"]
        assert after["w"] == before["w"]  # what the failed one made is still there
        assert after["s"] and after["s"].isdisjoint(before["s"])  # replaced


def test_a_verdict_is_never_moved_onto_another_extractors_claim(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    sentences, words = Sentences(), FirstWords()
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=_pm(s=sentences, w=words)) as t:
        source = t.add(article).sources[0]
        mine = next(c for c in t.store.claims_of(source.id) if c.extractor == "s")
        t.resolve(mine.id, "kept", known="2025-03-05", by="news desk")
        # The extractor that made the claim fails: the claim and its verdict stay put.
        sentences.fail = True
        t.rederive()
        assert mine.id in {c.id for c in t.store.claims_of(source.id)}
        assert t.show(mine.id).standing.status is claimtrack.Status.KEPT
        for other in t.store.claims_of(source.id):
            if other.extractor == "w":
                assert t.store.evidence_for(other.id) == []
        # Upgraded instead: the verdict follows the same extractor's new claim, even
        # though the other extractor's claim is there too.
        sentences.fail, sentences.trim = False, 1
        t.rederive()
        moved = [
            c
            for c in t.store.claims_of(source.id)
            if t.store.evidence_for(c.id) and c.id != mine.id
        ]
        assert [c.extractor for c in moved] == ["s"]
        assert "moved from claim" in (t.store.evidence_for(moved[0].id)[0].note or "")


def test_rederive_with_one_extractor_leaves_the_others_claims_alone(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    sentences, words = Sentences(), FirstWords()
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=_pm(s=sentences, w=words)) as t:
        source = t.add(article).sources[0]
        before = _by_extractor(t, source.id)
        sentences.trim = words.trim = 1
        t.rederive(extractors=["w"])  # only "w" runs: "s" is not replaced
        after = _by_extractor(t, source.id)
        assert after["s"] == before["s"] and after["w"] == before["w"]


@settings(max_examples=25, deadline=None)
@given(failing=st.sets(st.sampled_from(["a", "b", "c"])), upgrade=st.booleans())
def test_only_extractors_that_succeed_are_replaced(failing: set[str], upgrade: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "a.txt"
        article.write_text(TEXT, encoding="utf-8")
        plugins = {"a": Sentences(), "b": FirstWords(), "c": Sentences(trim=2)}
        with claimtrack.Tracker(Path(folder) / "t.db", plugin_manager=_pm(**plugins)) as t:
            source = t.add(article).sources[0]
            before = _by_extractor(t, source.id)
            for name, plugin in plugins.items():
                plugin.fail = name in failing
                plugin.trim += int(upgrade)
            fresh = {
                name: {c.id for c in t.extract_source(source, extractors=[name]).claims}
                for name in plugins
                if name not in failing
            }
            t.rederive()
            after = _by_extractor(t, source.id)
    for name in plugins:
        if name in failing:
            assert after.get(name) == before[name]
        else:
            # Claims another extractor stated first stay with it (one id, one claim).
            others = set().union(*(before[n] for n in failing)) if failing else set()
            assert after.get(name, set()) == fresh[name] - others


def test_a_claim_another_extractor_now_states_stays_with_the_one_that_failed(
    tmp_path: Path,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    first, second = Sentences(), Sentences(trim=1)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=_pm(a=first, b=second)) as t:
        source = t.add(article).sources[0]
        held = next(c for c in t.store.claims_of(source.id) if c.extractor == "b")
        t.resolve(held.id, "broken", known="2025-03-05", by="news desk")
        second.fail = True
        first.trim = 1  # "a" now finds exactly what "b" found: the same claim ids
        t.rederive()
        claims = {c.id: c for c in t.store.claims_of(source.id)}
        assert claims[held.id].extractor == "b"  # not silently re-labelled "a"
        assert t.show(held.id).standing.status is claimtrack.Status.BROKEN

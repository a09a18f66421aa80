"""On each engine: a bulk add reads the stored actors once, not once per source, and each source still
sees every actor stored before it; a library Source with lone surrogates is cleaned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import Actor, ActorRegistry, Claim, ClaimKind, ExtractContext, Source
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.store import SQLStore


class Speakers:
    """The first sentence names its speaker ("Said by NAME."); a later source that says
    only "Said by the trust." gets the actor the registry resolves that to, if any."""

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        text = source.text.split("\n")[0]
        name = text.removeprefix("Said by ").rstrip(".")
        if name.startswith("the "):
            speaker = context.registry.resolve(name)
        else:
            speaker = context.registry.add(
                Actor(id=name.lower().replace(" ", "-"), name=name, aliases=("the trust",))
            ) if name == "Ferry Trust" else context.registry.resolve_or_add(name)  # fmt: skip
        yield Claim.build(
            source_id=source.id, span=(0, len(text)), speaker=speaker,
            kind=ClaimKind.STATEMENT, text=text, sentence=text,
        )  # fmt: skip


@pytest.fixture
def speakers_pm(will_pm: ClaimtrackPluginManager) -> ClaimtrackPluginManager:
    will_pm.unregister(name="will-extractor")
    will_pm.register(Speakers(), name="speakers")
    return will_pm


def test_a_bulk_add_reads_the_stored_actors_once(
    ledger: str,
    tmp_path: Path,
    speakers_pm: ClaimtrackPluginManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02}.txt").write_text(f"Said by Speaker Number {i}.\nMore words {i}.\n")
    reads = [0]
    original = SQLStore.registry

    def counted(self: SQLStore) -> ActorRegistry:
        reads[0] += 1
        return original(self)

    monkeypatch.setattr(SQLStore, "registry", counted)
    with claimtrack.Tracker(ledger, plugin_manager=speakers_pm) as tracker:
        report = tracker.add(folder)
        assert report.added == 12 and tracker.store.count("actors") == 12
    assert reads[0] == 1


def test_each_source_sees_the_actors_stored_before_it(
    ledger: str, tmp_path: Path, speakers_pm: ClaimtrackPluginManager
) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Said by Ferry Trust.\n")
    second = tmp_path / "b.txt"
    second.write_text("Said by the trust.\n")
    with claimtrack.Tracker(ledger, plugin_manager=speakers_pm) as tracker:
        report = tracker.add([first, second])
        assert report.added == 2 and not report.errors
        (claim,) = tracker.store.claims_of(report.sources[1].id)
    assert claim.speaker is not None and claim.speaker.id == "ferry-trust"


names = st.text(alphabet="abcdefgh ", min_size=1, max_size=8).filter(str.strip)


@given(st.lists(names, max_size=6, unique=True), st.lists(names, max_size=6, unique=True))
def test_an_overlay_reads_through_and_keeps_its_additions(
    base_names: list[str], added: list[str]
) -> None:
    base = ActorRegistry()
    for name in base_names:
        base.resolve_or_add(name)
    before = sorted(a.id for a in base)
    view = base.overlay()
    for name in base_names:
        assert view.resolve(name) == base.resolve(name)
    for name in added:
        got = view.resolve_or_add(name)
        assert view.resolve(name) == got
    assert sorted(a.id for a in base) == before  # nothing leaked into the base


def test_a_library_source_with_lone_surrogates_is_cleaned(
    ledger: str, will_pm: ClaimtrackPluginManager
) -> None:
    source = Source.from_text(
        "The council will open the ferry terminal. \udc80 It rained.", title="Ferry \ud800 news"
    )
    with claimtrack.Tracker(ledger, plugin_manager=will_pm) as tracker:
        report = tracker.add_source(source)
        assert report.added == 1 and not report.errors
        (stored,) = tracker.store.sources()
        assert tracker.store.count("claims") == 2
    assert "\ufffd" in stored.text and "\udc80" not in stored.text
    assert stored.title == "Ferry \ufffd news"

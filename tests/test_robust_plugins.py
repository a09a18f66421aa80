"""Plugins that raise, return garbage or run too long are named and contained; the
other plugins' results still land in the store."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack import Actor, Claim, ClaimKind, ExtractContext, PluginError, Source
from claimtrack.cli import cli
from claimtrack.loading import LoadOptions, load_sources
from claimtrack.plugins import call_each, get_plugin_manager

#: Set at the end of the module so sleeping plugins' threads finish.
RELEASE = threading.Event()


def _good_claim(source: Source, **changes: Any) -> Claim:
    text = source.text.split(".")[0]
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(text)),
        speaker=Actor.named("Garbage Maker"),
        kind=ClaimKind.STATEMENT,
        text=text,
        sentence=text,
    )
    return attrs.evolve(claim, **changes) if changes else claim


class Raises:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        raise RuntimeError("kaboom\nsecond line")


class RaisesHalfway:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        yield _good_claim(source)
        raise KeyError("half way")


class ExitsProcess:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Any:
        raise SystemExit(3)


class ReturnsInt:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Any:
        return 42


class ReturnsStr:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Any:
        return "a claim, honest"


class ReturnsDict:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Any:
        return {"text": "x"}


class YieldsJunk:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Any]:
        yield None
        yield "claim"
        yield {"span": [0, 3]}


class SpanOutside:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        n = len(source.text)
        yield Claim(
            id="outside", source_id=source.id, kind="statement", text="x" * 5, span=(n, n + 5)
        )


class WrongText:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        yield Claim(id="wrong", source_id=source.id, kind="statement", text="zzz", span=(0, 3))


class WrongSource:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        yield attrs.evolve(_good_claim(source), source_id="another-source")


class WrongTypes:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        yield attrs.evolve(_good_claim(source), actor=42)
        yield attrs.evolve(_good_claim(source), speaker="Bob")
        yield attrs.evolve(_good_claim(source), due={"text": "soon"})
        yield attrs.evolve(_good_claim(source), action=17)
        yield attrs.evolve(_good_claim(source), direct="yes")
        yield attrs.evolve(_good_claim(source), sentence=None)
        yield attrs.evolve(_good_claim(source), condition="\ud800")


class Sleeps:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        RELEASE.wait(30)
        yield _good_claim(source)


class Endless:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        claim = _good_claim(source)
        while not RELEASE.is_set():
            yield claim


BAD = {
    "raises": (Raises, "RuntimeError: kaboom"),
    "raises-halfway": (RaisesHalfway, "KeyError"),
    "exits": (ExitsProcess, "SystemExit"),
    "returns-int": (ReturnsInt, "returned int, not an iterable"),
    "returns-str": (ReturnsStr, "returned str, not an iterable"),
    "returns-dict": (ReturnsDict, "returned dict, not an iterable"),
    "yields-junk": (YieldsJunk, r"3 invalid claim\(s\)"),
    "span-outside": (SpanOutside, "outside the source text"),
    "wrong-text": (WrongText, "not the source text"),
    "wrong-source": (WrongSource, "belongs to source another-source"),
    "wrong-types": (WrongTypes, r"7 invalid claim\(s\)"),
    "sleeps": (Sleeps, "no result within"),
    # Stopped by the clock or by the cap on results, whichever comes first.
    "endless": (Endless, r"no result within|more than 1,000,000 results"),
}


@pytest.fixture(scope="module", autouse=True)
def _release_sleepers() -> Iterator[None]:
    yield
    RELEASE.set()


def _pm_with(
    will_pm: claimtrack.plugins.ClaimtrackPluginManager, name: str
) -> claimtrack.plugins.ClaimtrackPluginManager:
    # will_pm: built-ins with the predictable WillExtractor (conftest) as the good plugin.
    will_pm.register(BAD[name][0](), name=f"bad-{name}")
    return will_pm


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_extractor_is_named_and_contained(
    name: str, tmp_path: Path, article: Path, will_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    pm = _pm_with(will_pm, name)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm, plugin_timeout=0.5) as tracker:
        report = tracker.add(article)
        assert report.added == 1
        (error,) = report.errors
        assert isinstance(error, PluginError)
        assert error.plugin == f"bad-{name}"
        assert "article.txt" in str(error)
        assert re.search(BAD[name][1], str(error)), str(error)
        assert "\n" not in str(error)
        # The well-behaved extractor's claims all landed; the bad one's none did.
        stored = tracker.store.claims_of(report.sources[0].id)
        assert len(stored) == 4
        assert {c.extractor for c in stored} == {"will-extractor"}


@pytest.mark.parametrize("name", ["raises", "returns-int", "wrong-types", "sleeps"])
def test_bad_extractor_through_the_cli(
    name: str, tmp_path: Path, article: Path, will_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    pm = _pm_with(will_pm, name)
    db = tmp_path / "c.db"
    # The CLI's tracker uses the default time limit; give the sleeper a short one.
    with claimtrack.Tracker(db, plugin_manager=pm, plugin_timeout=0.5) as tracker:
        tracker.add(article)
    result = CliRunner().invoke(
        cli, ["--db", str(db), "export", "--format", "jsonl"], obj={"pm": pm}
    )
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 4
    if name != "sleeps":
        added = CliRunner().invoke(
            cli, ["--db", str(tmp_path / "d.db"), "add", str(article)], obj={"pm": pm}
        )
        # Done, but a plugin failed: status 4, so a cron job notices; the rest is kept.
        assert added.exit_code == 4
        warnings = [x for x in added.stderr.splitlines() if x.startswith("Warning")]
        assert len(warnings) == 1 and f"bad-{name}" in warnings[0]
        assert "article.txt" in warnings[0]
        assert f"--rederive --extractor bad-{name}" in added.stderr  # what to do
        assert "Traceback" not in added.output
        with claimtrack.Tracker(tmp_path / "d.db", plugin_manager=pm) as tracker:
            assert tracker.store.count("claims") == 4


def test_library_extract_contains_a_bad_plugin(
    will_pm: claimtrack.plugins.ClaimtrackPluginManager,
) -> None:
    pm = _pm_with(will_pm, "wrong-types")
    claims = claimtrack.extract("The council will act. It rained.", plugin_manager=pm)
    assert [c.extractor for c in claims] == ["will-extractor", "will-extractor"]


def test_library_extract_raises_named_error_when_nothing_came_back() -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[])
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    pm.register(Raises(), name="only-raiser")
    with pytest.raises(PluginError, match="only-raiser"):
        claimtrack.extract("The council will act.", plugin_manager=pm)


def test_an_endless_generator_is_stopped_after_its_time(
    article: Path, will_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    # The runaway thread must stop at its next item, not fill memory forever.
    pm = will_pm
    source = load_sources(pm, str(article), LoadOptions())[0]
    seen = threading.Event()

    class Watch:
        @claimtrack.hookimpl
        def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
            i = 0
            while True:
                i += 1
                if i > 10 and threading.current_thread().name == "claimtrack-plugin":
                    seen.set()
                yield _good_claim(source)

    pm.register(Watch(), name="watch")
    results = dict(
        call_each(
            pm,
            "claimtrack_extract",
            {"source": source, "context": ExtractContext()},
            label="a",
            timeout=0.2,
        )
    )
    assert isinstance(results["watch"], PluginError)
    assert seen.is_set()


class RaisingLoader:
    @claimtrack.hookimpl(tryfirst=True)
    def claimtrack_load(self, uri: str, options: LoadOptions) -> Any:
        if uri.endswith(".boom"):
            raise OSError("disk on fire")
        if uri.endswith(".junk"):
            return [42]
        if uri.endswith(".surrogate"):
            return [Source.from_text("bad \udc80 text")]
        if uri.endswith(".notiter"):
            return 42
        return None


@pytest.mark.parametrize(
    ("suffix", "words"),
    [
        (".boom", "OSError: disk on fire"),
        (".junk", "returned int, not Source"),
        (".surrogate", "not valid Unicode"),
        (".notiter", "returned int, not an iterable"),
    ],
)
def test_bad_loader_is_named_and_the_rest_are_added(
    suffix: str,
    words: str,
    tmp_path: Path,
    article: Path,
    will_pm: claimtrack.plugins.ClaimtrackPluginManager,
) -> None:
    pm = will_pm
    pm.register(RaisingLoader(), name="raising-loader")
    bad = tmp_path / f"x{suffix}"
    bad.write_text("whatever")
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm) as tracker:
        report = tracker.add([bad, article])
    assert report.added == 1
    (error,) = report.errors
    assert isinstance(error, PluginError) and error.plugin == "raising-loader"
    assert words in str(error) and bad.name in str(error)

"""Plugins: hookspecs documented and typed, built-ins registered as plugins, entry points
loaded one by one, failures named and contained."""

from __future__ import annotations

import inspect
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimtrack
from claimtrack import ExtractContext, PluginError, Source, hookspecs
from claimtrack.extraction import run_extractors
from claimtrack.plugins import DEFAULT_PLUGINS, describe_plugins, get_plugin_manager

HOOKS = [name for name in dir(hookspecs) if name.startswith("claimtrack_")]


def test_every_hook_has_a_contract_docstring_and_types() -> None:
    assert set(HOOKS) == {
        "claimtrack_load",
        "claimtrack_load_reviewed",
        "claimtrack_extract",
        "claimtrack_check",
        "claimtrack_register_exporters",
        "claimtrack_register_commands",
    }
    for name in HOOKS:
        fn = getattr(hookspecs, name)
        assert fn.__doc__ and len(fn.__doc__.split()) > 15, name
        sig = inspect.signature(fn)
        assert all(p.annotation is not inspect.Parameter.empty for p in sig.parameters.values()), (
            name
        )
    assert "Stops at first non-None result" in (hookspecs.claimtrack_load.__doc__ or "")
    assert "Stops at first non-None result" in (hookspecs.claimtrack_load_reviewed.__doc__ or "")


def test_markers_are_exported_from_the_package() -> None:
    assert claimtrack.hookimpl.project_name == "claimtrack"
    assert claimtrack.hookspec.project_name == "claimtrack"


def test_builtins_are_ordinary_plugins() -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    names = {i.name for i in describe_plugins(pm)}
    assert set(DEFAULT_PLUGINS) <= names


class Boom:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[object]:
        yield from ()
        raise RuntimeError("kaput")


class Garbage:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[object]:
        return ["not a claim", 42]


def test_failing_extractor_is_named_and_others_still_count(
    will_pm: claimtrack.plugins.ClaimtrackPluginManager,
) -> None:
    will_pm.register(Boom(), name="boom")
    will_pm.register(Garbage(), name="garbage")
    source = Source.from_text("The depot will reopen. Good news.")
    result = run_extractors(will_pm, source)
    assert len(result.claims) == 2
    problems = {e.plugin: e for e in result.errors}
    assert "kaput" in str(problems["boom"])
    assert "2 invalid claim(s)" in str(problems["garbage"])
    assert all(isinstance(e, PluginError) for e in result.errors)


def test_slow_plugin_is_abandoned(will_pm: claimtrack.plugins.ClaimtrackPluginManager) -> None:
    import threading

    release = threading.Event()

    class Slow:
        @claimtrack.hookimpl
        def claimtrack_extract(self, source: Source) -> list[object]:
            release.wait(5)
            return []

    will_pm.register(Slow(), name="slow")
    result = run_extractors(will_pm, Source.from_text("It will rain."), timeout=0.2)
    release.set()
    assert [e.plugin for e in result.errors] == ["slow"]
    assert "within 0.2 s" in str(result.errors[0])
    assert len(result.claims) == 1


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A plugin distribution on sys.path with an entry point in the claimtrack group,
    plus one whose import fails."""
    (tmp_path / "ct_demo.py").write_text(
        textwrap.dedent(
            """
            import claimtrack

            @claimtrack.hookimpl
            def claimtrack_register_exporters(register):
                register("demo", lambda rows, stream, as_of: stream.write("demo"), description="d")
            """
        )
    )
    (tmp_path / "ct_broken.py").write_text("raise ImportError('missing dependency xyz')\n")
    dist = tmp_path / "ct_demo-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: ct-demo\nVersion: 1.2.3\n")
    (dist / "entry_points.txt").write_text("[claimtrack]\ndemo = ct_demo\nbroken = ct_broken\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "demo"
    for mod in ("ct_demo", "ct_broken"):
        sys.modules.pop(mod, None)


def test_entry_points_load_one_by_one(installed_plugin: str) -> None:
    pm = get_plugin_manager(env={})
    infos = {i.name: i for i in describe_plugins(pm)}
    assert infos["demo"].version == "1.2.3"
    assert infos["demo"].hooks == ("claimtrack_register_exporters",)
    assert infos["broken"].error and "missing dependency xyz" in infos["broken"].error


def test_allow_and_block_lists(installed_plugin: str) -> None:
    blocked = get_plugin_manager(env={"CLAIMTRACK_BLOCK_PLUGINS": "demo,broken"})
    assert blocked.get_plugin("demo") is None and not blocked.load_errors
    allowed = get_plugin_manager(env={"CLAIMTRACK_LOAD_PLUGINS": "demo"})
    assert allowed.get_plugin("demo") is not None and not allowed.load_errors


def test_duplicate_exporter_name_is_refused(
    will_pm: claimtrack.plugins.ClaimtrackPluginManager,
) -> None:
    from claimtrack.exporters import collect_exporters

    class Impostor:
        @claimtrack.hookimpl
        def claimtrack_register_exporters(self, register):  # type: ignore[no-untyped-def]
            register("csv", lambda rows, stream, as_of: None)

    will_pm.register(Impostor(), name="impostor")
    found, errors = collect_exporters(will_pm)
    assert found["csv"].plugin == "claimtrack.default_plugins.exporters"
    assert "already registered" in str(errors[0]) and errors[0].plugin == "impostor"

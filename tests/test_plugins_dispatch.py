"""One dispatcher for every hook: a failure keeps its cause and the plugin's own file and
line, a traceback only on request, and one plugin's failure or collision never hides
another's work."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest

import claimtrack
from claimtrack import PluginError, Source
from claimtrack.dispatch import call_hook
from claimtrack.extraction import run_extractors
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager
from claimtrack.testing import invoke_cli, make_source, run_extractor

Install = Callable[..., dict[str, str]]


def _parse(text: str) -> list[object]:
    raise ValueError(f"no header in {len(text)} characters")


class Flaky:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[object]:
        return _parse(source.text)


THIS_FILE = Path(__file__).resolve()


def test_the_cause_and_the_plugins_own_line_are_kept() -> None:
    result = run_extractor(Flaky(), make_source("Some text."))
    (error,) = result.errors
    assert isinstance(error.__cause__, ValueError)
    path, _, line = (error.location or "").rpartition(":")
    assert Path(path).resolve() == THIS_FILE
    # The line that raised, in this file, not the dispatcher's.
    assert "raise ValueError" in THIS_FILE.read_text().splitlines()[int(line) - 1]
    assert "ValueError" in error.traceback_text() and "_parse" in error.traceback_text()
    assert "claimtrack/dispatch.py" not in error.traceback_text()  # it starts in the plugin
    assert str(error.location) in repr(error)


def test_raise_errors_shows_the_plugins_exception_as_the_cause() -> None:
    result = run_extractor(Flaky(), make_source("Some text."))
    with pytest.raises(PluginError) as caught:
        result.raise_errors()
    assert isinstance(caught.value.__cause__, ValueError)
    run_extractor(Quiet(), make_source("Some text.")).raise_errors()  # no errors: no raise


class Quiet:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> list[object]:
        return []


def test_debug_prints_the_plugins_traceback_on_stderr(
    installed_plugins: Install, tmp_path: Path, article: Path
) -> None:
    env = installed_plugins(
        flaky="""
        import claimtrack

        @claimtrack.hookimpl
        def claimtrack_extract(source):
            return _parse(source.text)

        def _parse(text):
            raise ValueError("transcript header missing")
        """
    )
    quiet = invoke_cli("add", str(article), db=tmp_path / "a.db", env=env)
    assert quiet.exit_code == 4 and "Traceback" not in quiet.stderr
    loud = invoke_cli(
        "add", str(article), db=tmp_path / "b.db", env={**env, "CLAIMTRACK_DEBUG": "1"}
    )
    assert loud.exit_code == 4
    assert "Traceback of plugin 'flaky'" in loud.stderr
    assert 'ct_flaky.py", line 9, in _parse' in loud.stderr
    assert "ValueError: transcript header missing" in loud.stderr


def test_every_hook_goes_through_the_one_dispatcher() -> None:
    class Everything:
        @claimtrack.hookimpl
        def claimtrack_load(self, uri: str) -> None:
            raise RuntimeError("load")

        @claimtrack.hookimpl
        def claimtrack_load_reviewed(self, uri: str) -> None:
            raise RuntimeError("load_reviewed")

        @claimtrack.hookimpl
        def claimtrack_extract(self, source: Source) -> None:
            raise RuntimeError("extract")

        @claimtrack.hookimpl
        def claimtrack_check(self, claim: object) -> None:
            raise RuntimeError("check")

        @claimtrack.hookimpl
        def claimtrack_register_exporters(self, register: object) -> None:
            raise RuntimeError("exporters")

        @claimtrack.hookimpl
        def claimtrack_register_commands(self, cli: object) -> None:
            raise RuntimeError("commands")

    pm = get_plugin_manager(load_entrypoints=False, builtins=False, plugins=[Everything()])
    args = {"uri": "u", "source": None, "claim": None, "register": None, "cli": None}
    for hook in claimtrack.hookspecs.__dict__:
        if not hook.startswith("claimtrack_"):
            continue
        (call,) = call_hook(pm, hook, args, results="ignored")
        assert call.error is not None and call.error.hook == hook
        assert isinstance(call.error.__cause__, RuntimeError)
        assert str(call.error.__cause__) in hook


def test_a_raising_commands_plugin_is_named_and_the_others_commands_stay() -> None:
    class Raises:
        @claimtrack.hookimpl(tryfirst=True)
        def claimtrack_register_commands(self, cli: click.Group) -> None:
            raise RuntimeError("no commands today")

    class Adds:
        @claimtrack.hookimpl
        def claimtrack_register_commands(self, cli: click.Group) -> None:
            @cli.command("hello")
            def hello() -> None:
                """Say hello: a command a plugin added."""
                click.echo("hello from a plugin")

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(Adds(), name="adds")
    pm.register(Raises(), name="raises")
    result = invoke_cli("hello", plugin_manager=pm)
    assert "hello from a plugin" in result.stdout
    assert "plugin 'raises' failed: RuntimeError: no commands today" in result.stderr
    assert result.exit_code == 4


@pytest.mark.parametrize("taken", ["status", "mine"])
def test_a_command_name_already_taken_is_refused_naming_both_plugins(taken: str) -> None:
    def plugin(label: str) -> object:
        class AddsCommand:
            @claimtrack.hookimpl
            def claimtrack_register_commands(self, cli: click.Group) -> None:
                @cli.command(taken)
                def command() -> None:
                    click.echo(f"{label} ran")

        return AddsCommand()

    pm = get_plugin_manager(load_entrypoints=False)
    pm.register(plugin("first"), name="first")
    pm.register(plugin("second"), name="second")  # registered later: called first
    result = invoke_cli(taken, "--help", plugin_manager=pm)
    holder = "claimtrack" if taken == "status" else "second"
    loser = "first" if taken == "mine" else "second"
    line = next(x for x in result.stderr.splitlines() if "already registered" in x)
    assert f"plugin {loser!r}" in line and f"by {holder!r}" in line
    if taken == "status":
        assert "The report" in result.stdout  # the built-in still answers


def test_a_second_exporter_under_a_taken_name_is_reported_on_stderr(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    class Markdown:
        @claimtrack.hookimpl
        def claimtrack_register_exporters(self, register: Callable[..., None]) -> None:
            register("markdown", lambda rows, stream, as_of: stream.write("impostor"))

    will_pm.register(Markdown(), name="digest")
    claimtrack.Tracker(tmp_path / "x", plugin_manager=will_pm).close()
    result = invoke_cli("export", "--format", "markdown", plugin_manager=will_pm, db=tmp_path / "x")
    assert "impostor" not in result.stdout and "# Claims" in result.stdout
    line = next(x for x in result.stderr.splitlines() if "already registered" in x)
    assert "'digest'" in line and "'claimtrack.default_plugins.exporters'" in line
    assert result.exit_code == 4
    listed = invoke_cli("plugins", "--format", "json", plugin_manager=will_pm)
    assert "already registered" in listed.stderr and json.loads(listed.stdout)


def test_a_generator_that_fails_half_way_gives_nothing_and_is_named() -> None:
    class HalfWay:
        @claimtrack.hookimpl
        def claimtrack_extract(self, source: Source) -> object:
            yield claimtrack.Claim.build(
                source_id=source.id, span=(0, 9), speaker=None, kind="statement", text="The depot"
            )
            raise KeyError("half way")

    pm = get_plugin_manager(load_entrypoints=False, builtins=False, plugins=[HalfWay()])
    result = run_extractors(pm, make_source("The depot will reopen."))
    assert result.claims == [] and result.succeeded == ()
    assert isinstance(result.errors[0].__cause__, KeyError)

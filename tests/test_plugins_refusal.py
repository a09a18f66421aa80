"""Plugins that cannot be run are refused when they load, the reason named, on every
command; every other plugin still loads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import claimtrack
from claimtrack import PluginLoadError, Source
from claimtrack.plugins import describe_plugins, get_plugin_manager
from claimtrack.testing import invoke_cli

Install = Callable[..., dict[str, str]]

TYPO = """
    import claimtrack

    @claimtrack.hookimpl
    def claimtrack_extrat(source):
        return []
"""
WRONG_ARGUMENT = """
    import claimtrack

    @claimtrack.hookimpl
    def claimtrack_extract(src, context):
        return []
"""
NEW_WRAPPER = """
    import claimtrack

    @claimtrack.hookimpl(wrapper=True)
    def claimtrack_extract(source):
        claims = yield
        return claims
"""
OLD_WRAPPER = """
    import claimtrack

    @claimtrack.hookimpl(hookwrapper=True)
    def claimtrack_extract(source):
        yield
"""
UNIMPORTABLE = "import a_module_nobody_installed\n"
GOOD = """
    import claimtrack

    @claimtrack.hookimpl
    def claimtrack_register_exporters(register):
        register("good", lambda rows, stream, as_of: stream.write("ok"))
"""


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (TYPO, "unknown hook 'claimtrack_extrat' (did you mean 'claimtrack_extract'?)"),
        (WRONG_ARGUMENT, "takes 'src', which the hook does not pass (it passes: source, context)"),
        (NEW_WRAPPER, "hook wrapper"),
        (OLD_WRAPPER, "hook wrapper"),
        (UNIMPORTABLE, "cannot be imported: ModuleNotFoundError"),
    ],
)
def test_a_plugin_that_cannot_run_is_refused_and_the_others_load(
    installed_plugins: Install, source: str, words: str
) -> None:
    env = installed_plugins(bad=source, good=GOOD)
    pm = get_plugin_manager(env=env)
    assert pm.get_plugin("bad") is None and pm.get_plugin("good") is not None
    (error,) = pm.load_errors
    assert isinstance(error, PluginLoadError) and error.plugin == "bad"
    assert words in str(error) and "'bad'" in str(error)
    assert error.version == "0.3.0"
    info = {i.name: i for i in describe_plugins(pm)}
    assert info["bad"].error and words in info["bad"].error and info["bad"].hooks == ()


def test_unknown_hook_is_found_by_check_pending(installed_plugins: Install) -> None:
    # The refusal is pluggy's own check, so nothing pluggy would reject slips through.
    pm = get_plugin_manager(env=installed_plugins(typo=TYPO))
    pm.check_pending()  # nothing pending: the plugin was refused, not registered
    assert "unknown hook" in pm.load_errors[0].problem


def test_a_refused_plugin_points_at_its_own_file(installed_plugins: Install) -> None:
    pm = get_plugin_manager(env=installed_plugins(typo=TYPO))
    path, _, line = (pm.load_errors[0].location or "").rpartition(":")
    assert Path(path).name == "ct_typo.py"
    # The implementation's first line (its decorator) in the plugin's own file.
    at = Path(path).read_text().splitlines()[int(line) - 1].strip()
    assert at in ("@claimtrack.hookimpl", "def claimtrack_extrat(source):")


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["extract", "ARTICLE"],
        ["add", "ARTICLE"],
        ["check"],
        ["export", "--format", "jsonl"],
        ["show", "nope"],
    ],
)
def test_a_plugin_that_was_not_loaded_is_named_on_every_command(
    installed_plugins: Install, tmp_path: Path, article: Path, args: list[str]
) -> None:
    env = installed_plugins(typo=TYPO)
    argv = [str(article) if a == "ARTICLE" else a for a in args]
    result = invoke_cli(*argv, db=tmp_path / "t.db", env=env)
    lines = [x for x in result.stderr.splitlines() if "'typo' was not loaded" in x]
    assert len(lines) == 1 and "unknown hook 'claimtrack_extrat'" in lines[0]
    assert "CLAIMTRACK_BLOCK_PLUGINS=typo" in result.stderr  # what to do
    assert result.exit_code in (1, 4)  # show nope: not found (1); the rest did their work (4)
    assert "Traceback" not in result.output


def test_plugins_lists_the_refused_plugin_and_exits_4(installed_plugins: Install) -> None:
    result = invoke_cli("plugins", "--format", "json", env=installed_plugins(typo=TYPO))
    assert result.exit_code == 4
    import json

    rows = {p["name"]: p for p in json.loads(result.stdout)}
    assert "unknown hook" in rows["typo"]["error"]


def test_registering_a_bad_plugin_in_code_raises_a_clear_error() -> None:
    class Typo:
        @claimtrack.hookimpl
        def claimtrack_chek(self, claim: object) -> list[object]:
            return []

    class Wrapper:
        @claimtrack.hookimpl(wrapper=True)
        def claimtrack_extract(self, source: Source) -> Iterator[None]:
            return (yield)

    pm = get_plugin_manager(load_entrypoints=False)
    with pytest.raises(PluginLoadError, match="unknown hook 'claimtrack_chek'"):
        pm.register(Typo(), name="typo")
    with pytest.raises(PluginLoadError, match="hook wrapper"):
        pm.register(Wrapper(), name="wrapper")
    assert pm.get_plugin("typo") is None and pm.get_plugin("wrapper") is None
    pm.check_pending()


def test_a_built_in_can_be_blocked_by_its_short_name(installed_plugins: Install) -> None:
    env = {**installed_plugins(good=GOOD), "CLAIMTRACK_BLOCK_PLUGINS": "english"}
    pm = get_plugin_manager(env=env)
    assert pm.get_plugin("claimtrack.default_plugins.english_extractor") is None
    assert pm.get_plugin("claimtrack.default_plugins.text_loader") is not None
    assert not pm.load_errors

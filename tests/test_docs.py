"""Documentation keeps up with the code: every hook and every command is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack import hookspecs
from claimtrack.cli import cli

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = Path(__file__).resolve().parent.parent / "README.md"
HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("claimtrack_"))
COMMANDS = ["add", "check", "export", "extract", "plugins", "resolve", "show", "status"]


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook: str) -> None:
    assert re.search(rf"^## {hook}\(", (DOCS / "hooks.md").read_text(), re.M), hook


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented_and_has_help(command: str) -> None:
    assert f"## claimtrack {command}\n" in (DOCS / "cli.md").read_text()
    result = CliRunner().invoke(cli, [command, "--help"], obj={})
    assert result.exit_code == 0
    assert len(result.output.split("\n\n")[1].split()) >= 5, "help text is too thin"


def test_every_command_is_covered() -> None:
    assert sorted(cli.commands) == COMMANDS


def test_readme_has_a_two_command_quick_start() -> None:
    text = README.read_text()
    section = re.search(r"^## Quick start\n(.*?)^## ", text, re.M | re.S)
    assert section, "README needs a '## Quick start' section"
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", section.group(1), re.S)
    commands = [
        line for b in blocks for line in b.splitlines() if line.strip() and not line.startswith("#")
    ]
    assert "claimtrack status" in commands[0] and "pytest" in commands[1]


def test_model_doc_examples_run() -> None:
    import doctest

    result = doctest.testfile(str(DOCS / "model.md"), module_relative=False)
    assert result.attempted >= 3 and result.failed == 0

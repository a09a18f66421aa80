"""Documentation keeps up with the code: every hook is documented with its real
arguments and has a test, every command and option is documented, the docs never send a
reader to a source file, and the README's sample output has the shape of the real one."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack import hookspecs
from claimtrack.cli import cli
from claimtrack.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("claimtrack_"))
# The built-in commands (a plugin's are documented by the plugin).
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented_with_its_real_arguments(hook: str) -> None:
    args = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    text = (DOCS / "hooks.md").read_text()
    assert re.search(rf"^## {re.escape(f'{hook}({args})')}$", text, re.M), f"{hook}({args})"
    assert f"`{hook}({args})`" in (DOCS / "plugins.md").read_text()


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook: str) -> None:
    names = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert f"test_{hook.replace('claimtrack_', 'hook_claimtrack_')}" in names


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end >= 0 else len(text)]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented_and_has_help(command: str) -> None:
    assert f"## claimtrack {command}\n" in (DOCS / "cli.md").read_text()
    result = CliRunner().invoke(cli, [command, "--help"], obj={})
    assert result.exit_code == 0
    assert len(result.output.split("\n\n")[1].split()) >= 5, "help text is too thin"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_of_a_command_is_documented_in_its_section(command: str) -> None:
    section = _section((DOCS / "cli.md").read_text(), f"## claimtrack {command}\n")
    for param in cli.commands[command].params:
        if isinstance(param, click.Option):
            long = max(param.opts, key=len)
            assert re.search(rf"`[^`]*{re.escape(long)}\b", section), f"{command} {long}"


def test_every_global_option_is_documented_before_the_commands() -> None:
    text = (DOCS / "cli.md").read_text()
    intro = text[: text.index("## claimtrack ")]
    for param in cli.params:
        for opt in param.opts:
            assert f"`{opt}" in intro, opt
    assert "`--help`" in intro


#: Where the plugin author and the user read; none may point into the source code.
READER_DOCS = [README, DOCS / "plugins.md", DOCS / "hooks.md", DOCS / "cli.md"]


@pytest.mark.parametrize("doc", READER_DOCS, ids=lambda p: p.name)
def test_docs_never_send_a_reader_to_a_source_file(doc: Path) -> None:
    text = doc.read_text()
    package = Path(claimtrack.__file__).parent
    modules = {p.name for p in package.rglob("*.py")} - {"__init__.py"}
    assert "src/claimtrack" not in text
    named = set(re.findall(r"\b\w+\.py\b", text)) & modules
    assert not named, f"{doc.name} sends readers to {sorted(named)}"
    assert "in the package" not in text  # "see the test in the package"


def _shape(line: str) -> str:
    line = re.sub(r"\b[0-9a-f]{8}\b", "ID", line)
    line = re.sub(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", "DAY", line)
    line = re.sub(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", "MON", line)
    line = re.sub(r"\d+", "9", line)
    return " ".join(line.split())


def _structure(lines: list[str]) -> list[str]:
    # Headings, summaries and column titles; not the rows' wrapped text.
    keep = re.compile(r"^(\S.*|\s*(id|actor)\s{2,}\S.*)$")
    return [_shape(x) for x in lines if x.strip() and keep.match(x) and x.strip() != "…"]


def test_readme_sample_output_has_the_shape_of_the_real_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = re.search(r"^## Quick start\n(.*?)^## ", README.read_text(), re.M | re.S)
    assert section
    sample = re.search(r"```text\n(.*?)```", section.group(1), re.S)
    assert sample, "the quick start shows what the commands print"
    monkeypatch.chdir(tmp_path)  # the store is claimtrack.db here, as in the README
    pm = get_plugin_manager(load_entrypoints=False)
    env = {"COLUMNS": "100"}
    added = CliRunner().invoke(cli, ["add", str(ROOT / "seeds")], obj={"pm": pm}, env=env)
    status = CliRunner().invoke(cli, ["status"], obj={"pm": pm}, env=env)
    assert added.exit_code == 0 and status.exit_code == 0
    real = (added.stdout + status.stdout).splitlines()
    wanted = _structure(sample.group(1).splitlines())
    got = _structure(real)
    at = 0
    for line in wanted:  # in the same order, perhaps with more between
        assert line in got[at:], f"the README shows {line!r}; claimtrack prints {got}"
        at = got.index(line, at) + 1
    rows = {_shape(x).split()[1] for x in sample.group(1).splitlines() if _shape(x)[:3] == "ID "}
    assert rows <= {_shape(x).split()[1] for x in real if _shape(x)[:3] == "ID "}


def test_docs_agree_on_what_adding_the_seed_prints() -> None:
    added = r"^1 source\(s\) added, .*?; (\d+) claim\(s\)"
    sample = re.search(r"```text\n" + added, README.read_text(), re.M)
    assert sample, "the README's sample starts with what `claimtrack add seeds/` prints"
    counts = {sample.group(1)}
    for doc in (DOCS / "cli.md", DOCS / "status.md"):
        counts |= set(
            re.findall(r"^\$ claimtrack add seeds/\S*\n" + added[1:], doc.read_text(), re.M)
        )
    assert len(counts) == 1, f"the docs disagree on the seed's claims: {sorted(counts)}"


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


SITE = ROOT / "mkdocs.yml"


def test_every_doc_page_is_in_the_site_navigation() -> None:
    nav = set(re.findall(r":\s*(\S+\.md)\s*$", SITE.read_text(encoding="utf-8"), re.M))
    pages = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}
    assert pages == nav, f"not in mkdocs.yml: {sorted(pages - nav)}; missing: {sorted(nav - pages)}"


def test_every_public_module_has_a_place_in_the_api_reference() -> None:
    package = Path(claimtrack.__file__).parent
    modules = {p.stem for p in package.glob("*.py") if not p.stem.startswith("_")}
    modules |= {p.parent.name for p in package.glob("*/__init__.py")}
    modules -= {"default_plugins"}  # the built-ins are plugins: hooks.md documents them
    shown = set()
    for page in (DOCS / "reference").glob("*.md"):
        shown |= set(re.findall(r"^::: claimtrack\.(\w+)", page.read_text(encoding="utf-8"), re.M))
    assert modules <= shown, f"no API reference for {sorted(modules - shown)}"


def test_the_readme_says_how_to_build_the_docs_site() -> None:
    text = README.read_text(encoding="utf-8")
    assert "mkdocs build --strict" in text and "requirements-docs.txt" in text
    assert "mkdocs build --strict" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_hooks_doc_example_review_loader_runs(tmp_path: Path) -> None:
    import types

    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    at = text.index("A loader of a made-up format")
    code = re.search(r"```python\n(.*?)```", text[at:], re.S)
    assert code
    module = types.ModuleType("verdicts_example")
    exec(compile(code.group(1), "hooks.md", "exec"), module.__dict__)
    path = tmp_path / "march.verdicts"
    path.write_text("Harbour Board | will dredge the channel | kept\n", encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False, plugins=[module])
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm) as tracker:
        report = tracker.add(path)
        assert (report.added, report.claims, len(report.evidence), report.errors) == (1, 1, 1, [])
        (row,) = tracker.status()
        assert row.status is claimtrack.Status.KEPT
        assert tracker.add(path).unchanged == 1  # the same sources on every run


def test_the_hooks_doc_example_exporter_with_options_runs(tmp_path: Path) -> None:
    import io
    import types

    from claimtrack.testing import make_sample_standings

    text = (DOCS / "hooks.md").read_text(encoding="utf-8")
    at = text.index("from claimtrack import ExportOption")
    code = "import claimtrack\n" + text[at : text.index("```", at)]
    module = types.ModuleType("digest_example")
    exec(compile(code, "hooks.md", "exec"), module.__dict__)
    pm = get_plugin_manager(load_entrypoints=False, plugins=[module])
    from claimtrack.exporters import collect_exporters

    exporter = collect_exporters(pm)[0]["digest"]
    rows = make_sample_standings()
    stream = io.StringIO()
    written = exporter.run(rows, stream, rows[0].as_of, exporter.bind({"prefix": "* "}))
    lines = stream.getvalue().splitlines()
    assert written == len(lines) and lines and all(x.startswith("* ") for x in lines)
    every = exporter.run(rows, io.StringIO(), rows[0].as_of, exporter.bind({"all": "true"}))
    assert every == len(rows) > written

"""Text from a source reaches the reader as text: no escape sequence reaches the terminal
(``status``, ``show``, ``extract``, ``check``), no Markdown link or image reaches a
rendered report, and options a person mistypes are refused in one line."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html import unescape
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import claimtrack
from claimtrack import Source
from claimtrack.testing import invoke_cli

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = (
    "Council\x1b]52;c;ZmFrZQ==\x07 plan\n\n"
    "The mayor said the council will \x1b[2K\x1b[1A\rreopen the depot by Friday "
    "![pixel](https://track.example/p.png) [kept](javascript:alert(1)).\n"
)


@pytest.fixture
def dirty_db(tmp_path: Path) -> tuple[Path, str]:
    """A store holding a source whose text was never cleaned (stored by an older
    version, or by code that writes the store itself: ``Tracker.add_source`` cleans)."""
    db = tmp_path / "s.db"
    source = Source.from_text(
        HOSTILE,
        title="Depot\x1b[31m plan",
        publisher="Paper\x9b2J",
        published_at=datetime(2025, 3, 10, 12, tzinfo=timezone.utc),
    )
    with claimtrack.Tracker(db) as tracker:
        tracker.store.add_source(source, tracker.extract_source(source).claims)
        (claim,) = [c for c in tracker.store.claims() if c.kind.value == "commitment"][:1]
    return db, claim.id


def _clean_output(text: str) -> None:
    assert not CONTROL.search(text.replace("\n", "")), repr(text)


def test_status_table_prints_no_control_sequence(dirty_db: tuple[Path, str]) -> None:
    db, _ = dirty_db
    result = invoke_cli("status", "--as-of", "2025-03-20", db=db)
    assert result.exit_code == 0, result.output
    assert "reopen" in result.output and "overdue" in result.output
    _clean_output(result.output)


def test_show_prints_no_control_sequence(dirty_db: tuple[Path, str]) -> None:
    db, claim_id = dirty_db
    result = invoke_cli("show", claim_id[:10], db=db)
    assert result.exit_code == 0, result.output
    assert "Depot plan" in result.output
    _clean_output(result.output)


def test_extract_prints_no_control_sequence(tmp_path: Path) -> None:
    path = tmp_path / "dirty.txt"
    path.write_text(HOSTILE)
    result = invoke_cli("extract", str(path), "--published", "2025-03-10")
    assert result.exit_code == 0, result.output
    _clean_output(result.output)


def test_status_markdown_has_no_link_or_image(dirty_db: tuple[Path, str]) -> None:
    db, _ = dirty_db
    result = invoke_cli("status", "--as-of", "2025-03-20", "--format", "markdown", db=db)
    assert result.exit_code == 0, result.output
    assert "reopen the depot" in result.output
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(result.output)
    assert "<img" not in html and "<a " not in html
    assert "![pixel](https://track.example/p.png)" in unescape(re.sub(r"<[^<>]*>", "", html))


# -- options ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--due-within", "inf"],
        ["--due-within", "nan"],
        ["--due-within", "1e9"],
        ["--due-within", "-1"],
        ["--as-of", "9999-12-31"],
        ["--as-of", "0001-01-01"],
        ["--since", "0001-01-01"],
    ],
)
def test_out_of_range_options_are_one_clear_line(tmp_path: Path, args: list[str]) -> None:
    result = invoke_cli("status", *args, db=tmp_path / "s.db")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: Invalid value for") and args[0] in lines[-1]
    assert "Overflow" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'[{"name": "Ana Ruiz", "aliases": "she"}]', '"aliases" must be a list'),
        (b'[{"name": "Ana Ruiz", "aliases": ["she", 3]}]', '"aliases" must be a list'),
        (b'[{"name": "Ana Ruiz", "kind": 7}]', '"kind" must be a string'),
        (b'[{"name": "Ana Ruiz", "kind": "wizard"}]', "not a valid"),
        (b'[{"name": "Ana Ruiz", "id": ["x"]}]', '"id" must be a string'),
        (b'[{"name": ""}]', '"name" is empty'),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not a UTF-8 text file"),
        (b'{"name": "Ana Ruiz"}', "expected a JSON list"),
    ],
)
def test_a_bad_actors_file_names_the_file_and_key(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    actors = tmp_path / "actors.json"
    actors.write_bytes(content)
    result = invoke_cli("--actors", str(actors), "status", db=tmp_path / "s.db")
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: {actors}") and expected in line


def test_a_good_actors_file_reads_its_aliases_whole(tmp_path: Path) -> None:
    actors = tmp_path / "actors.json"
    actors.write_text('[{"name": "Ana Ruiz", "kind": "person", "aliases": ["the mayor"]}]')
    registry = claimtrack.ActorRegistry.from_file(actors)
    (actor,) = list(registry)
    assert actor.aliases == ("the mayor",)

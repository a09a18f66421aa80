"""Choosing extractors: ``--extractor`` (repeatable), ``$CLAIMTRACK_EXTRACTORS``, and
extractors that own a kind or media type of source keeping the others off it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, ClaimKind, InputError, Source
from claimtrack.extraction import Ownership, resolve_extractors, run_extractors
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager
from claimtrack.testing import invoke_cli

ENGLISH = "claimtrack.default_plugins.english_extractor"


def _first(source: Source, separator: str) -> Iterator[Claim]:
    # The text up to the first separator: each test extractor's claims are its own.
    text = source.text.split(separator, 1)[0]
    yield Claim.build(
        source_id=source.id, span=(0, len(text)), speaker=None, kind=ClaimKind.STATEMENT, text=text
    )


class Transcripts:
    @claimtrack.hookimpl
    @claimtrack.owns_sources(kinds=["Transcript"], media_types=["text/x-hansard"])
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        yield from _first(source, " ")


class Everything:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        yield from _first(source, "\n")


@pytest.fixture
def pm() -> ClaimtrackPluginManager:
    manager = get_plugin_manager(load_entrypoints=False)
    manager.register(Transcripts(), name="transcripts")
    manager.register(Everything(), name="everything")
    return manager


SAID = "The minister said the council will reopen the depot next week.\nMore words."


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({}, {"transcripts", "everything", ENGLISH}),
        ({"kind": "transcript"}, {"transcripts"}),
        ({"kind": " TRANSCRIPT "}, {"transcripts"}),
        ({"media_type": "text/x-hansard; charset=utf-8"}, {"transcripts"}),
        (
            {"kind": "press-release", "media_type": "text/html"},
            {"transcripts", "everything", ENGLISH},
        ),
    ],
)
def test_an_owner_keeps_the_others_off_its_sources(
    pm: ClaimtrackPluginManager, meta: dict[str, str], expected: set[str]
) -> None:
    source = Source.from_text(SAID, meta=meta)
    assert set(run_extractors(pm, source).ran) == expected


def test_a_media_type_family_is_owned_with_a_star() -> None:
    owned = Ownership(media_types=frozenset({"text/*"}))
    assert owned.covers(Source.from_text("x", meta={"media_type": "text/html"}))
    assert not owned.covers(Source.from_text("x", meta={"media_type": "application/json"}))
    with pytest.raises(ValueError, match="at least one"):
        claimtrack.owns_sources()


def test_named_extractors_run_whatever_owns_the_source(pm: ClaimtrackPluginManager) -> None:
    source = Source.from_text(SAID, meta={"kind": "transcript"})
    chosen = resolve_extractors(pm, ["english", "everything"])
    assert chosen == (ENGLISH, "everything")
    assert set(run_extractors(pm, source, extractors=chosen).ran) == {ENGLISH, "everything"}


def test_an_unknown_extractor_is_refused_with_the_list(pm: ClaimtrackPluginManager) -> None:
    with pytest.raises(InputError, match=r"no extractor 'pledge'; the extractors are: english, "):
        resolve_extractors(pm, ["pledge"])
    # A plugin that is not an extractor is not one to choose.
    with pytest.raises(InputError, match="no extractor 'text'"):
        resolve_extractors(pm, ["text"])


def test_add_extractor_is_repeatable_and_stores_only_theirs(
    pm: ClaimtrackPluginManager, tmp_path: Path, article: Path
) -> None:
    db = tmp_path / "t.db"
    result = invoke_cli(
        "add", str(article), "--extractor", "everything", "--extractor", "transcripts",
        plugin_manager=pm, db=db,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    exported = invoke_cli("export", "--format", "jsonl", plugin_manager=pm, db=db)
    extractors = {json.loads(line)["extractor"] for line in exported.stdout.splitlines()}
    assert extractors == {"everything", "transcripts"}


def test_an_unknown_extractor_on_the_command_line_is_a_usage_error(
    pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    result = invoke_cli(
        "extract", str(article), "--extractor", "nope", plugin_manager=pm, db=tmp_path / "x"
    )
    assert result.exit_code == 2
    assert "no extractor 'nope'" in result.stderr and "everything" in result.stderr


def test_the_environment_chooses_when_the_command_line_does_not(
    pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    env = {"CLAIMTRACK_EXTRACTORS": "everything"}
    result = invoke_cli("extract", str(article), "--format", "jsonl", plugin_manager=pm, env=env)
    assert {json.loads(x)["extractor"] for x in result.stdout.splitlines()} == {"everything"}
    flag = invoke_cli(
        "extract", str(article), "--format", "jsonl", "--extractor", "transcripts",
        plugin_manager=pm, env=env,
    )  # fmt: skip
    assert {json.loads(x)["extractor"] for x in flag.stdout.splitlines()} == {"transcripts"}
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm, extractors=["english"]) as t:
        t.add(article)
        assert {c.extractor for c in t.store.claims()} == {ENGLISH}


def test_a_text_file_can_say_it_is_a_transcript(
    pm: ClaimtrackPluginManager, tmp_path: Path
) -> None:
    path = tmp_path / "sitting.txt"
    path.write_text("title: Sitting\nkind: transcript\n\nThe minister: we will act.\n")
    found = claimtrack.extract_path(path, plugin_manager=pm)
    ((source, claims),) = found.items
    assert source.meta["kind"] == "transcript"
    assert {c.extractor for c in claims} == {"transcripts"}


def test_plugins_shows_what_an_extractor_owns(pm: ClaimtrackPluginManager) -> None:
    result = invoke_cli("plugins", "--format", "json", plugin_manager=pm)
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["transcripts"]["owns"] == "kind transcript, media type text/x-hansard"
    assert rows["everything"]["owns"] is None
    assert rows[ENGLISH]["alias"] == "english"


def test_library_extract_takes_extractors(pm: ClaimtrackPluginManager) -> None:
    claims = claimtrack.extract(SAID, plugin_manager=pm, extractors=["everything"])
    assert [c.extractor for c in claims] == ["everything"]


def test_an_unknown_extractor_in_the_environment_says_where_it_came_from(
    pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    env = {"CLAIMTRACK_EXTRACTORS": "english,nope"}
    result = invoke_cli("add", str(article), plugin_manager=pm, db=tmp_path / "t.db", env=env)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: CLAIMTRACK_EXTRACTORS: no extractor 'nope'")

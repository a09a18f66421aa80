"""A source's language is named (its header's, else the detected one), an extractor
that reads other languages is kept off it, and ``add`` says when no extractor reads it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Claim, ExtractContext, Source
from claimtrack.languages import (
    MIN_LETTERS,
    SAMPLE_CHARS,
    UnreadLanguage,
    detect_language,
    language_label,
    normalise_language,
)
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager
from claimtrack.testing import invoke_cli

FRENCH = (
    "Le conseil municipal rénovera la rue du Moulin avant la fin du mois de mars, a "
    "déclaré lundi la maire. « Nous rouvrirons le dépôt cette semaine », a-t-elle ajouté.\n"
)
GERMAN = (
    "Der Stadtrat wird die Mühlenstraße bis Ende März sanieren, sagte die Bürgermeisterin "
    "am Montag. Das Depot werde noch in dieser Woche wieder öffnen, fügte sie hinzu.\n"
)
ENGLISH = (
    "The council will resurface Mill Lane by the end of March, the mayor said on Monday. "
    "The depot will reopen this week, she added.\n"
)


def write(tmp_path: Path, name: str, body: str, header: str = "") -> Path:
    path = tmp_path / name
    path.write_text(f"published: 2025-03-03T09:00:00+00:00\n{header}\n{body}", encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en")])
def test_the_language_of_a_paragraph_is_detected(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "Ana Ruiz said so.", "12:30 — 14:00", "« Oui »"])
def test_too_little_text_is_left_unnamed(text: str) -> None:
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("given_", "code"),
    [("fr", "fr"), ("FR", "fr"), ("en-GB", "en"), ("pt_BR", "pt"), ("French", "fr"), (" ", None)],
)
def test_a_header_language_becomes_its_code(given_: str, code: str | None) -> None:
    assert normalise_language(given_) == code


def test_labels_name_the_language_and_its_code() -> None:
    assert language_label("fr") == "French (fr)"
    assert language_label("xx") == "language 'xx'"


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=3000))
def test_detection_never_fails_and_answers_a_code_or_nothing(text: str) -> None:
    found = detect_language(text)
    assert found is None or (found.isalpha() and found.islower() and len(found) <= 3)
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        assert found is None


def test_only_the_start_of_a_long_text_is_read() -> None:
    # French first, then far more English than the sample: the sample decides.
    text = FRENCH * (SAMPLE_CHARS // len(FRENCH) + 1) + ENGLISH * 2000
    assert detect_language(text) == "fr"


def test_a_french_article_is_stored_named_and_not_read_as_english(tmp_path: Path) -> None:
    path = write(tmp_path, "conseil.txt", FRENCH)
    pm = get_plugin_manager(load_entrypoints=False)
    db = tmp_path / "t.db"
    result = invoke_cli("add", str(path), plugin_manager=pm, db=db)
    assert result.exit_code == 0
    assert "1 source(s) added" in result.stdout and "0 claim(s)" in result.stdout
    (warning,) = result.stderr.splitlines()
    assert warning.startswith("Warning: ") and "conseil.txt" in warning
    assert "French (fr)" in warning and "no installed extractor reads" in warning
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        (source,) = tracker.store.sources()
        assert source.language == "fr"


def test_an_english_article_is_named_and_read_without_a_word(tmp_path: Path) -> None:
    path = write(tmp_path, "council.txt", ENGLISH)
    pm = get_plugin_manager(load_entrypoints=False)
    result = invoke_cli("add", str(path), plugin_manager=pm, db=tmp_path / "t.db")
    assert result.exit_code == 0 and result.stderr == ""
    assert "0 claim(s)" not in result.stdout
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm) as tracker:
        assert [s.language for s in tracker.store.sources()] == ["en"]


def test_the_header_language_wins_over_the_detector(tmp_path: Path) -> None:
    # English words, but the header says what the newsroom knows.
    path = write(tmp_path, "bilingue.txt", ENGLISH, header="language: fr-CA\n")
    pm = get_plugin_manager(load_entrypoints=False)
    result = invoke_cli("add", str(path), plugin_manager=pm, db=tmp_path / "t.db")
    assert "French (fr)" in result.stderr


class French:
    """An extractor that reads French: one claim per sentence with "rénovera"."""

    @claimtrack.hookimpl
    @claimtrack.reads_languages("fr")
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        at = source.text.find("rénovera")
        if at >= 0:
            text = source.text[at : at + len("rénovera")]
            yield Claim.build(
                source_id=source.id, span=(at, at + len(text)), speaker=None,
                kind="commitment", text=text,
            )  # fmt: skip


def test_each_source_goes_to_the_extractors_that_read_its_language(tmp_path: Path) -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[French()])
    db = tmp_path / "t.db"
    fr = invoke_cli("add", str(write(tmp_path, "fr.txt", FRENCH)), plugin_manager=pm, db=db)
    assert fr.stderr == "" and "1 claim(s)" in fr.stdout
    en = invoke_cli("add", str(write(tmp_path, "en.txt", ENGLISH)), plugin_manager=pm, db=db)
    assert en.stderr == ""
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        by_language = {s.language: tracker.store.claims_of(s.id) for s in tracker.store.sources()}
    assert {c.extractor for c in by_language["fr"]} == {"French"}
    assert by_language["en"] and "French" not in {c.extractor for c in by_language["en"]}


def test_naming_an_extractor_runs_it_whatever_the_language(tmp_path: Path) -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    path = write(tmp_path, "fr.txt", FRENCH)
    result = invoke_cli("extract", str(path), "--extractor", "english", "--format", "json",
                        plugin_manager=pm)  # fmt: skip
    # It ran (the person asked), and the person is still told it does not read French.
    assert "French (fr)" in result.stderr


def test_an_extractor_that_declares_nothing_reads_every_language(
    tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = invoke_cli("add", str(write(tmp_path, "de.txt", GERMAN + "Sie will es.\n")),
                        plugin_manager=will_pm, db=tmp_path / "t.db")  # fmt: skip
    assert result.stderr == "" and "0 claim(s)" not in result.stdout


def test_detection_can_be_switched_off(tmp_path: Path) -> None:
    pm = get_plugin_manager(load_entrypoints=False)
    options = claimtrack.LoadOptions(detect_language=False)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm, load_options=options) as t:
        report = t.add(write(tmp_path, "fr.txt", FRENCH))
        assert report.notes == [] and [s.language for s in t.store.sources()] == [None]


def test_the_note_is_a_claimtrack_error_naming_the_source() -> None:
    note = UnreadLanguage("conseil.txt", "fr")
    assert isinstance(note, claimtrack.ClaimtrackError)
    assert str(note).startswith("conseil.txt: written in French (fr)")


def test_plugins_lists_the_languages_each_extractor_reads() -> None:
    import json

    pm = get_plugin_manager(load_entrypoints=False, plugins=[French()])
    rows = {r["name"]: r for r in json.loads(invoke_cli("plugins", "--format", "json",
                                                        plugin_manager=pm).stdout)}  # fmt: skip
    assert rows["French"]["languages"] == ["fr"]
    assert rows["claimtrack.default_plugins.english_extractor"]["languages"] == ["en"]
    assert rows["claimtrack.default_plugins.checker"]["languages"] is None

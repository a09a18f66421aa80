"""``show`` names the source's reporter (its ``author:`` or ``byline:`` header) apart
from the speaker and the outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli


@pytest.mark.parametrize("key", ["author", "byline"])
def test_show_names_the_reporter_apart_from_speaker_and_outlet(
    tmp_path: Path, will_pm: ClaimtrackPluginManager, key: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "title: Depot to reopen\npublished: 2025-03-03T09:00:00+00:00\n"
        f"publisher: Riverside Gazette\n{key}: Tom Ashby\n\nThe depot will reopen.\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    invoke_cli("add", str(path), plugin_manager=will_pm, db=db)
    csv = invoke_cli("export", "--format", "csv", plugin_manager=will_pm, db=db).stdout
    claim = csv.splitlines()[1].split(",")[0]
    shown = invoke_cli("show", claim, plugin_manager=will_pm, db=db, env={"COLUMNS": "120"})
    lines = {ln.strip().split("  ")[0]: ln for ln in shown.stdout.splitlines() if ln.strip()}
    assert "Tom Ashby" in lines["reported by"]
    assert "Tom Ashby" not in lines["said by"] and "Riverside Gazette" in lines["source"]


def test_no_byline_no_line(tmp_path: Path, will_pm: ClaimtrackPluginManager, article: Path) -> None:
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    csv = invoke_cli("export", "--format", "csv", plugin_manager=will_pm, db=db).stdout
    shown = invoke_cli("show", csv.splitlines()[1].split(",")[0], plugin_manager=will_pm, db=db)
    assert "reported by" not in shown.stdout


@pytest.mark.parametrize(
    ("body", "reporter"),
    [
        (
            "Depot to reopen\nby Tom Ashby · Riverside Gazette\nThe depot will reopen.\n",
            "Tom Ashby",
        ),
        ("By Ana Ruiz\n\nThe depot will reopen.\n", "Ana Ruiz"),
        ("BY ANA RUIZ | Harbour News\nThe depot will reopen.\n", "Ana Ruiz"),
        ("By Thursday the depot will reopen.\n", None),
        ("By Monday Ana Ruiz said the depot would reopen.\n", None),
        ("by the council, officials said.\n", None),
    ],
)
def test_a_byline_among_the_first_lines_is_the_reporter(
    tmp_path: Path, will_pm: ClaimtrackPluginManager, body: str, reporter: str | None
) -> None:
    import claimtrack
    from claimtrack.loading import BYLINE_RULE, find_byline

    assert find_byline(body) == reporter
    path = tmp_path / "article.txt"
    path.write_text("published: 2025-03-03T09:00:00+00:00\n\n" + body, encoding="utf-8")
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        (source,) = tracker.add(path).sources
        assert source.meta.get("byline") == reporter
        # The rule that found it is named; the text is left as it was.
        assert source.meta.get("byline_rule") == (BYLINE_RULE if reporter else None)
        assert source.text == body


def test_a_header_author_wins_over_a_byline_line() -> None:
    from claimtrack.loading import source_from_text

    source = source_from_text("author: Tom Ashby\n\nBy Ana Ruiz\nThe depot will reopen.\n")
    assert source.meta["author"] == "Tom Ashby" and "byline" not in source.meta

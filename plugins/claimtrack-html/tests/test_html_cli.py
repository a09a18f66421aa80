"""The installed plugin through the CLI: ``claimtrack add page.html``, ``plugins``."""

from __future__ import annotations

import json
from pathlib import Path

from claimtrack.testing import invoke_cli, make_plugin_manager

import claimtrack_html

DATA = Path(__file__).parent / "data"


def test_claimtrack_add_reads_a_page(tmp_path: Path) -> None:
    pm = make_plugin_manager(claimtrack_html, extractor=False)
    db = tmp_path / "ledger.db"
    result = invoke_cli("add", str(DATA / "harbour-article.html"), plugin_manager=pm, db=db)
    assert result.exit_code == 0, result.output
    assert "1 source(s) added" in result.output
    again = invoke_cli("add", str(DATA / "harbour-article.html"), plugin_manager=pm, db=db)
    assert "1 unchanged" in again.output


def test_unreadable_page_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    pm = make_plugin_manager(claimtrack_html, extractor=False)
    result = invoke_cli(
        "add",
        str(DATA / "hostile.html"),
        str(DATA / "council-notice.htm"),
        plugin_manager=pm,
        db=tmp_path / "ledger.db",
    )
    assert result.exit_code == 0
    assert "hostile.html: has no article text" in result.output
    assert "1 source(s) added" in result.output


def test_installed_entry_point_is_listed() -> None:
    result = invoke_cli("plugins", "--format", "json", env={"CLAIMTRACK_LOAD_PLUGINS": "html"})
    assert result.exit_code == 0, result.output
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["html"]["version"] == claimtrack_html.__version__
    assert info["html"]["hooks"] == ["claimtrack_load"]

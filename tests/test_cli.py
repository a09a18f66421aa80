"""The command line, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from claimtrack.cli import cli
from claimtrack.plugins import ClaimtrackPluginManager

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_4f9421fb867c1b8c.txt"


def run(pm: ClaimtrackPluginManager | None, db: Path, *args: str) -> Result:
    obj: dict[str, Any] = {} if pm is None else {"pm": pm}
    return CliRunner().invoke(cli, ["--db", str(db), *args], obj=obj, catch_exceptions=False)


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"], obj={})
    for name in ("add", "extract", "status", "check", "resolve", "show", "export", "plugins"):
        assert f"  {name} " in result.output


def test_db_from_environment(
    tmp_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    db = tmp_path / "env.db"
    result = CliRunner().invoke(
        cli, ["add", str(article)], obj={"pm": will_pm}, env={"CLAIMTRACK_DB": str(db)}
    )
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_add_twice_stores_once(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    first = run(will_pm, db_path, "add", str(article))
    assert "1 source(s) added" in first.output
    second = run(will_pm, db_path, "add", str(article.parent))
    assert "0 source(s) added, 0 updated, 1 unchanged" in second.output


def test_add_reports_bad_file_and_goes_on(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "add", str(bad), str(article)], obj={"pm": will_pm}
    )
    assert result.exit_code == 0
    assert "broken.txt" in result.output and "binary" in result.output
    assert "1 source(s) added" in result.output
    assert "Traceback" not in result.output


def test_add_missing_path_exits_1_with_one_line(
    db_path: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = run(will_pm, db_path, "add", "no/such/file.txt")
    assert result.exit_code == 1
    assert "no/such/file.txt: no such file or directory" in result.output


def test_extract_jsonl_records_match_schema(
    will_pm: ClaimtrackPluginManager, article: Path, db_path: Path, claim_schema: dict[str, Any]
) -> None:
    result = run(will_pm, db_path, "extract", str(article), "--format", "jsonl")
    lines = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 4
    for record in lines:
        jsonschema.validate(record, claim_schema)
    commitments = [r for r in lines if r["kind"] == "commitment"]
    assert commitments and all("status" in r for r in commitments)
    assert not db_path.exists()  # extract stores nothing


def test_real_extractor_on_seed_matches_schema(
    tmp_path: Path, claim_schema: dict[str, Any]
) -> None:
    result = run(None, tmp_path / "unused.db", "extract", str(SEED), "--format", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(x) for x in result.output.splitlines() if x.strip()]
    assert records, "the built-in extractor found no claims in the seed"
    text = SEED.read_text(encoding="utf-8")
    for record in records:
        jsonschema.validate(record, claim_schema)
        start, end = record["span"]
        assert text[start:end] == record["text"]
    assert any(r["kind"] == "commitment" for r in records)


def test_status_exit_codes(db_path: Path, will_pm: ClaimtrackPluginManager, article: Path) -> None:
    run(will_pm, db_path, "add", str(article))
    ok = run(will_pm, db_path, "status", "--as-of", "2025-03-04")
    assert ok.exit_code == 0 and "Due now" in ok.output
    later = run(will_pm, db_path, "status", "--as-of", "2025-04-01", "--fail-on", "overdue")
    assert later.exit_code == 3 and "Overdue" in later.output
    early = run(will_pm, db_path, "status", "--as-of", "2025-03-04", "--fail-on", "overdue")
    assert early.exit_code == 0


def test_status_json_is_one_object(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path, claim_schema: dict[str, Any]
) -> None:
    run(will_pm, db_path, "add", str(article))
    result = run(will_pm, db_path, "status", "--as-of", "2025-04-01", "--format", "json")
    doc = json.loads(result.output)
    assert set(doc) >= {"as_of", "commitments", "actors"}
    assert len(doc["commitments"]) == 2
    for record in doc["commitments"]:
        jsonschema.validate(record, claim_schema)
        assert record["status"] == "overdue"


def test_resolve_show_and_as_of(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    run(will_pm, db_path, "add", str(article))
    doc = json.loads(
        run(will_pm, db_path, "status", "--as-of", "2025-03-04", "--format", "json").output
    )
    cid = doc["commitments"][0]["id"]
    resolved = run(
        will_pm,
        db_path,
        "resolve",
        cid[:8],
        "partially-kept",
        "--evidence",
        "https://example.org/r",
        "--happened",
        "2025-03-06",
        "--known",
        "2025-03-07",
        "--note",
        "one lane done",
    )
    assert resolved.exit_code == 0, resolved.output
    assert "partially_kept" in resolved.output
    shown = run(will_pm, db_path, "show", cid[:8])
    assert shown.exit_code == 0
    assert "partially" in shown.output and "lane" in shown.output  # human text; JSON below
    before = json.loads(
        run(will_pm, db_path, "show", cid, "--as-of", "2025-03-06", "--format", "json").output
    )
    after = json.loads(
        run(will_pm, db_path, "show", cid, "--as-of", "2025-03-08", "--format", "json").output
    )
    assert before["status"] == "due" and after["status"] == "partially_kept"
    assert len(after["history"]) == 1


def test_resolve_bad_verdict_is_usage_error(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    run(will_pm, db_path, "add", str(article))
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "resolve", "abc", "done"], obj={"pm": will_pm}
    )
    assert result.exit_code == 2 and "not a valid verdict" in result.output


def test_show_unknown_claim(empty_db: Path, will_pm: ClaimtrackPluginManager) -> None:
    result = run(will_pm, empty_db, "show", "ffffffff")
    assert result.exit_code == 1 and "no claim with id 'ffffffff'" in result.output


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_export_formats(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path, tmp_path: Path, fmt: str
) -> None:
    run(will_pm, db_path, "add", str(article))
    out = tmp_path / f"claims.{fmt}"
    result = run(will_pm, db_path, "export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "resurface Mill Lane" in out.read_text(encoding="utf-8")


def test_export_unknown_format_lists_choices(
    empty_db: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = run(will_pm, empty_db, "export", "--format", "pdf")
    assert result.exit_code == 1 and "available: csv, json, jsonl, markdown" in result.output


def test_plugins_lists_builtins_with_hooks(db_path: Path) -> None:
    result = run(None, db_path, "plugins", "--format", "json")
    infos = {i["name"]: i for i in json.loads(result.output)}
    assert "claimtrack_extract" in infos["claimtrack.default_plugins.english_extractor"]["hooks"]
    assert "claimtrack_load" in infos["claimtrack.default_plugins.text_loader"]["hooks"]


def test_bad_as_of_is_usage_error(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "status", "--as-of", "someday"], obj={})
    assert result.exit_code == 2 and "cannot read 'someday'" in result.output


def test_seed_quick_start(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    added = run(None, db, "add", str(SEEDS))
    assert "1 source(s) added" in added.output
    status = run(None, db, "status", "--as-of", "2025-03-16")
    assert status.exit_code == 0
    assert "commitments" in status.output and "No commitments stored yet" not in status.output


def test_actors_file_seeds_the_registry(
    tmp_path: Path, db_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    actors = tmp_path / "actors.json"
    actors.write_text(
        '[{"name": "Riverside Gazette", "kind": "organisation", "aliases": ["the Gazette"]}]'
    )
    result = CliRunner().invoke(
        cli,
        ["--db", str(db_path), "--actors", str(actors), "add", str(article)],
        obj={"pm": will_pm},
    )
    assert result.exit_code == 0, result.output
    rows = run(will_pm, db_path, "status", "--actor", "the gazette", "--format", "json").output
    assert len(json.loads(rows)["commitments"]) == 2


def test_bad_actors_file_is_one_line(
    tmp_path: Path, db_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    actors = tmp_path / "actors.json"
    actors.write_text("[{]")
    result = CliRunner().invoke(
        cli,
        ["--db", str(db_path), "--actors", str(actors), "add", str(article)],
        obj={"pm": will_pm},
    )
    assert result.exit_code == 1 and "actors.json: not valid JSON" in result.output


def test_export_file_has_ordinary_permissions(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path, tmp_path: Path
) -> None:
    import os

    run(will_pm, db_path, "add", str(article))
    out = tmp_path / "claims.csv"
    umask = os.umask(0o022)
    try:
        run(will_pm, db_path, "export", "--format", "csv", "-o", str(out))
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644


def test_add_needs_paths_unless_rederive(
    db_path: Path, will_pm: ClaimtrackPluginManager, article: Path
) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path), "add"], obj={"pm": will_pm})
    assert result.exit_code == 2 and "--rederive" in result.output
    run(will_pm, db_path, "add", str(article))
    again = run(will_pm, db_path, "add", "--rederive")
    assert again.exit_code == 0 and "1 updated" in again.output

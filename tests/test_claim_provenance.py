"""Every claim says which extractor found it and by which rules: in the JSON record, in
``show``, in the CSV and in the status report's JSON."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema

import claimtrack
from claimtrack import Claim, ClaimKind, Source
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager
from claimtrack.records import claim_from_record, claim_record, store_record
from claimtrack.testing import invoke_cli, make_claim, make_source


class Ruled:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source) -> Iterator[Claim]:
        text = source.text.split(".")[0]
        yield Claim.build(
            source_id=source.id,
            span=(0, len(text)),
            speaker=None,
            kind=ClaimKind.COMMITMENT,
            text=text,
            extractor="something it made up",  # the host's name wins
            rules=("future-will", "publisher-as-speaker"),
        )


def _pm() -> ClaimtrackPluginManager:
    pm = get_plugin_manager(load_entrypoints=False)
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    pm.register(Ruled(), name="ruled")
    return pm


def test_the_record_carries_extractor_and_rules(claim_schema: dict[str, Any]) -> None:
    claim = attrs.evolve(
        make_claim(make_source("The depot will reopen."), "The depot will reopen"),
        extractor="ruled",
        rules=["a-rule"],
    )
    record = claim_record(claim)
    assert record["extractor"] == "ruled" and record["rules"] == ["a-rule"]
    jsonschema.validate(record, claim_schema)
    assert claim_from_record(store_record(claim)) == claim
    assert list(record)[-4:] == ["extractor", "rules", "status", "progress"]


def test_every_output_names_the_extractor_and_its_rules(
    tmp_path: Path, article: Path, claim_schema: dict[str, Any]
) -> None:
    pm, db = _pm(), tmp_path / "t.db"
    assert invoke_cli("add", str(article), plugin_manager=pm, db=db).exit_code == 0
    exported = [
        json.loads(x)
        for x in invoke_cli(
            "export", "--format", "jsonl", plugin_manager=pm, db=db
        ).stdout.splitlines()
    ]
    (record,) = exported
    jsonschema.validate(record, claim_schema)
    assert (record["extractor"], record["rules"]) == (
        "ruled",
        ["future-will", "publisher-as-speaker"],
    )
    shown = invoke_cli("show", record["id"][:8], plugin_manager=pm, db=db).stdout
    assert "found by  ruled (rules: future-will, publisher-as-speaker)" in shown
    table = invoke_cli("export", "--format", "csv", plugin_manager=pm, db=db).stdout
    (row,) = csv.DictReader(io.StringIO(table))
    assert row["extractor"] == "ruled" and row["rules"] == "future-will publisher-as-speaker"
    report = json.loads(
        invoke_cli(
            "status", "--format", "json", "--as-of", "2025-03-04", plugin_manager=pm, db=db
        ).stdout
    )
    (commitment,) = report["commitments"]
    assert commitment["rules"] == record["rules"] and commitment["extractor"] == "ruled"
    # A promise's record is the claim record of its reading, then what a promise adds.
    claim_keys = [k for k in record if k not in ("status", "progress", "commitment")]
    assert list(commitment) == [
        *claim_keys,
        "mentions",
        "first_seen",
        "relations",
        "status",
        "progress",
        "reason",
    ]
    assert [m["id"] for m in commitment["mentions"]] == [record["id"]]


def test_a_record_stored_before_claims_had_rules_reads_as_none(
    tmp_path: Path, article: Path
) -> None:
    pm, db = _pm(), tmp_path / "t.db"
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        tracker.add(article)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE claims SET record = json_remove(record, '$.rules')")
    conn.commit()
    conn.close()
    with claimtrack.Tracker(db, plugin_manager=pm) as tracker:
        (claim,) = tracker.store.claims()
        assert claim.rules == ()
        (text,) = tracker.store.claim_records_json([claim.id]).values()
        assert json.loads(text)["rules"] == []
        assert tracker.store.claim_records([claim.id])[claim.id]["rules"] == []

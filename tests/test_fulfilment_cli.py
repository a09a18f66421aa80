"""End to end through the command line, on each engine: resolve, check, show and status,
with --as-of."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from claimtrack import Actor, Claim, Source, TimeWindow, Tracker
from claimtrack.cli import cli
from claimtrack.plugins import ClaimtrackPluginManager

UTC = timezone.utc
SAID = datetime(2025, 3, 15, 12, tzinfo=UTC)


def run(pm: ClaimtrackPluginManager, db: str, *args: str, columns: int = 80) -> Result:
    # rich reads the width from COLUMNS when output is not a terminal.
    return CliRunner().invoke(
        cli, ["--db", str(db), *args], obj={"pm": pm}, env={"COLUMNS": str(columns)}
    )


def promise(
    text: str, actor: Actor, due: TimeWindow | None, condition: str | None = None
) -> tuple[Source, Claim]:
    source = Source.from_text(
        text,
        published_at=SAID,
        title=text[:30],
        publisher="Test Wire",
        uri=f"https://example.org/{len(text)}",
    )
    claim = Claim.build(
        source_id=source.id,
        span=(0, len(text)),
        speaker=Actor.named("Keir Starmer", "person"),
        kind="commitment",
        text=text,
        sentence=text,
        asserted_at=SAID,
        actor=actor,
        due=due,
        condition=condition,
    )
    return source, claim


def day(d: int, hours: int = 24) -> TimeWindow:
    start = datetime(2025, 3, d, tzinfo=UTC)
    return TimeWindow(
        start=start, end=start + timedelta(hours=hours), grain="day", text=f"on {d} March"
    )


@pytest.fixture
def db(ledger: str) -> str:
    """Where the store goes: on each engine in turn (an SQLite file, a PostgreSQL schema)."""
    return ledger


@pytest.fixture
def said(db: str, will_pm: ClaimtrackPluginManager) -> Iterator[dict[str, Claim]]:
    """A store with four commitments said on Saturday 15 March 2025 (meet on Thursday
    20th, a review by the 18th, a deployment on a condition, sanctions with no date)
    and a report of 20 March that the chiefs met."""
    chiefs = Actor.named("coalition military chiefs", "group")
    coalition = Actor.named("coalition of the willing", "group")
    items = {
        "meet": promise(
            "Coalition military chiefs will meet in London on Thursday.", chiefs, day(20)
        ),
        "review": promise(
            "The coalition will publish its review of air defences.", coalition, day(17, 48)
        ),
        "deploy": promise(
            "The coalition will deploy troops in the event of a peace deal.",
            coalition,
            None,
            "in the event of a peace deal",
        ),
        "sanctions": promise(
            "We will tighten our sanctions on Russia's revenues.", coalition, None
        ),
    }
    with Tracker(db, plugin_manager=will_pm) as tracker:
        for source, claim in items.values():
            tracker.store.add_source(source, [claim])
        tracker.store.add_source(
            Source.from_text(
                "Coalition military chiefs met at Northwood, in north-west London, on Thursday.",
                published_at=datetime(2025, 3, 20, 18, tzinfo=UTC),
                title="Chiefs meet",
                uri="https://example.org/chiefs-meet",
            ),
            [],
        )
    yield {name: claim for name, (_, claim) in items.items()}


def status_json(pm: ClaimtrackPluginManager, db: str, *args: str) -> dict[str, Any]:
    result = run(pm, db, "status", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def statuses(doc: dict[str, Any]) -> dict[str, str]:
    return {c["id"]: c["status"] for c in doc["commitments"]}


def test_status_as_of_walks_the_timeline(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    early = statuses(status_json(will_pm, db, "--as-of", "2025-03-16"))
    assert early == {
        said["meet"].id: "open",
        said["review"].id: "open",
        said["deploy"].id: "conditional",
        said["sanctions"].id: "open",
    }
    late = statuses(status_json(will_pm, db, "--as-of", "2025-03-22"))
    assert late[said["meet"].id] == "overdue" and late[said["review"].id] == "overdue"


def test_check_then_status_shows_kept_beside_overdue(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    before = run(will_pm, db, "check", "--as-of", "2025-03-19")
    assert before.exit_code == 0 and "0 new piece(s) of evidence" in before.stdout
    result = run(will_pm, db, "check", "--as-of", "2025-03-22")
    assert result.exit_code == 0, result.output
    assert "1 new piece(s) of evidence" in result.stdout
    assert f"{said['meet'].id[:8]}  overdue -> kept" in result.stdout
    doc = status_json(will_pm, db, "--as-of", "2025-03-22")
    got = statuses(doc)
    assert got[said["meet"].id] == "kept" and got[said["review"].id] == "overdue"
    # What did we know on the 20th at noon?  The report came out that evening.
    assert (
        statuses(status_json(will_pm, db, "--as-of", "2025-03-20T12:00:00+00:00"))[said["meet"].id]
        == "due"
    )
    again = run(will_pm, db, "check", "--as-of", "2025-03-22")
    assert "0 new piece(s) of evidence" in again.stdout


def test_status_json_contract(
    db: str,
    will_pm: ClaimtrackPluginManager,
    said: dict[str, Claim],
    claim_schema: dict[str, Any],
) -> None:
    doc = status_json(will_pm, db, "--as-of", "2025-03-22")
    assert {"as_of", "commitments", "actors"} <= set(doc)
    assert doc["as_of"].startswith("2025-03-22T23:59:59")
    for record in doc["commitments"]:
        jsonschema.validate(record, claim_schema)
        assert "status" in record and "progress" in record
    actors = {a["name"]: a for a in doc["actors"]}
    assert actors["coalition of the willing"]["overdue"] == 1
    assert actors["coalition of the willing"]["conditional"] == 1
    assert doc["sections"]["overdue"] == [said["review"].id, said["meet"].id] or set(
        doc["sections"]["overdue"]
    ) == {said["review"].id, said["meet"].id}
    assert doc["counts"] == {"conditional": 1, "open": 1, "overdue": 2}


def test_fail_on_overdue_exits_3(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    calm = run(will_pm, db, "status", "--as-of", "2025-03-16", "--fail-on", "overdue")
    assert calm.exit_code == 0
    alarm = run(will_pm, db, "status", "--as-of", "2025-03-22", "--fail-on", "overdue")
    assert alarm.exit_code == 3
    assert "--fail-on: 2 overdue" in alarm.stderr
    hyphen = run(will_pm, db, "status", "--as-of", "2025-03-22", "--fail-on", "partially-kept")
    assert hyphen.exit_code == 0


def test_status_table_reads_at_a_glance(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    result = run(will_pm, db, "status", "--as-of", "2025-03-22", columns=160)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "4 commitments: 2 overdue, 1 open, 1 conditional" in out
    assert "who must act" in out  # wide: who and what in columns of their own
    for title in (
        "Overdue (2)",
        "Waiting on a condition (1)",
        "Open, no firm date (1)",
        "Record by actor",
    ):
        assert title in out
    assert "2 days overdue" in out and "Thu 20 Mar 2025" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal
    narrow = run(will_pm, db, "status", "--as-of", "2025-03-22", columns=60).stdout
    assert "who must do what" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_status_markdown_and_limit(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    result = run(
        will_pm, db, "status", "--as-of", "2025-03-22", "--format", "markdown", "--limit", "1"
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("# Commitments as of Sat 22 Mar 2025")
    assert "## Overdue (2)" in out and "_… and 1 more._" in out
    assert (
        "| actor | kept | partly kept | broken | overdue | open | unverifiable | share kept |"
        in out
    )


def test_status_filters(db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]) -> None:
    chiefs = statuses(
        status_json(will_pm, db, "--as-of", "2025-03-22", "--actor", "coalition military chiefs")
    )
    assert set(chiefs) == {said["meet"].id}
    partial_name = statuses(status_json(will_pm, db, "--as-of", "2025-03-22", "--actor", "willing"))
    assert set(partial_name) == {said["review"].id, said["deploy"].id, said["sanctions"].id}
    nobody = statuses(status_json(will_pm, db, "--as-of", "2025-03-22", "--actor", "Nobody Atall"))
    assert nobody == {}
    since = statuses(status_json(will_pm, db, "--as-of", "2025-03-22", "--since", "2025-03-16"))
    assert since == {}
    due_soon = status_json(will_pm, db, "--as-of", "2025-03-16", "--due-within", "2")
    assert due_soon["sections"]["due_soon"] == [said["review"].id]


def test_resolve_every_verdict_with_hyphens(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    verdicts = [
        "in-progress", "stalled", "kept", "partially-kept", "broken", "withdrawn",
        "unverifiable", "annulled", "condition-met",
    ]  # fmt: skip
    for i, verdict in enumerate(verdicts):
        result = run(
            will_pm, db, "resolve", said["sanctions"].id[:7], verdict,
            "--known", f"2025-04-{i + 1:02d}", "--by", "desk",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert f"Recorded {verdict.replace('-', '_')}" in result.stdout
    shown = json.loads(
        run(will_pm, db, "show", said["sanctions"].id[:7], "--format", "json").stdout
    )
    assert [e["verdict"] for e in shown["history"]] == [v.replace("-", "_") for v in verdicts]
    # Each verdict counts from when it became known.
    on = {
        "2025-04-01": "open",
        "2025-04-03": "kept",
        "2025-04-04": "partially_kept",
        "2025-04-08": "annulled",
        "2025-04-09": "annulled",
    }
    for when, expected in on.items():
        got = statuses(status_json(will_pm, db, "--as-of", when))
        assert got[said["sanctions"].id] == expected, when


def test_resolve_errors(db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]) -> None:
    bad = run(will_pm, db, "resolve", said["meet"].id, "done")
    assert bad.exit_code == 2 and "not a valid verdict" in bad.output
    missing = run(will_pm, db, "resolve", "ffffffffff", "kept")
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert "no claim" in missing.stderr


def test_show_prints_the_dated_history(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    run(will_pm, db, "check", "--as-of", "2025-03-22")
    run(
        will_pm, db, "resolve", said["meet"].id[:6], "kept",
        "--evidence", "https://example.org/mod", "--happened", "2025-03-20",
        "--known", "2025-03-21", "--note", "met at Northwood", "--by", "desk",
    )  # fmt: skip
    result = run(will_pm, db, "show", said["meet"].id[:6], "--as-of", "2025-03-22", columns=200)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert said["meet"].id in out and "Coalition military chiefs will meet" in out
    assert re.search(r"status\s+kept\s+as of 2025-03-22", out)
    for cell in (
        "2025-03-20",
        "2025-03-21",
        "desk (person)",
        "claimtrack.checker",
        "met at Northwood",
    ):
        assert cell in out


def test_check_lists_evidence_that_changes_no_status(
    db: str, will_pm: ClaimtrackPluginManager, said: dict[str, Claim]
) -> None:
    with Tracker(db, plugin_manager=will_pm) as tracker:
        tracker.store.add_source(
            Source.from_text(
                "Plans for the meeting of coalition military chiefs in London have stalled.",
                published_at=datetime(2025, 3, 17, 9, tzinfo=UTC),
            ),
            [],
        )
        tracker.store.add_source(
            Source.from_text(
                "Russia and Ukraine signed a peace deal in Geneva.",
                published_at=datetime(2025, 3, 18, 9, tzinfo=UTC),
            ),
            [],
        )
    # The peace deal's finding is below the default 0.5: recorded at 0.3 and above.
    result = run(will_pm, db, "check", "--as-of", "2025-03-18", "--min-confidence", "0.3")
    assert result.exit_code == 0, result.output
    assert f"{said['meet'].id[:8]}  + stalled (stalled), status unchanged" in result.stdout
    assert f"{said['deploy'].id[:8]}  conditional -> open" in result.stdout
    doc = status_json(will_pm, db, "--as-of", "2025-03-18")
    meet = next(c for c in doc["commitments"] if c["id"] == said["meet"].id)
    assert (meet["status"], meet["progress"]) == ("open", "stalled")

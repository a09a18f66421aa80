"""A person's corrections: edit, merge, split, retract and add-claim, each recorded with
who, when and a note beside what was extracted, surviving re-extraction; and the bad
inputs each refuses with one line, changing nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.errors import ClaimtrackError
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli

BODY = (
    "The council will resurface Mill Lane. The council will reopen the depot. "
    "The council will repaint the bridge. The ferry company will add a boat."
)


@pytest.fixture
def ledger(
    ledger: str, tmp_path: Path, will_pm: ClaimtrackPluginManager
) -> tuple[Path, claimtrack.Tracker]:
    """The article, and a tracker that added it: on each engine (conftest's ``ledger``)."""
    article = tmp_path / "works.txt"
    article.write_text(
        f"published: 2025-03-03T09:00:00+00:00\npublisher: Riverside Gazette\n\n{BODY}\n",
        encoding="utf-8",
    )
    tracker = claimtrack.Tracker(ledger, plugin_manager=will_pm)
    tracker.add(article)
    return article, tracker


def _by_action(tracker: claimtrack.Tracker, words: str) -> str:
    (row,) = [r for r in tracker.status(as_of="2025-03-05") if words in (r.claim.action or "")]
    return row.claim.id


def _count(tracker: claimtrack.Tracker) -> int:
    return int(tracker.store._conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0])


def test_an_edit_is_recorded_beside_the_extraction_and_survives_rederive(
    ledger: tuple[Path, claimtrack.Tracker],
) -> None:
    _, tracker = ledger
    pid = _by_action(tracker, "Mill Lane")
    extracted = tracker.store.get_claim(tracker.store.promise_first_claim(pid))
    c = tracker.edit(
        pid[:6], due="2025-03-20", actor="Riverside Council", note="the notice says so", by="ana"
    )
    assert (c.command, c.recorded_by, c.note) == ("edit", "ana", "the notice says so")
    assert c.typed == {"due": "2025-03-20", "actor": "Riverside Council"}
    for _ in range(2):
        [row] = tracker.standings_of([pid], "2025-03-21")
        assert row.claim.actor is not None and row.claim.actor.name == "Riverside Council"
        assert row.claim.due is not None and f"{row.claim.due.start:%Y-%m-%d}" == "2025-03-20"
        assert row.status is not None and row.status.value == "overdue"
        # The extracted claim is untouched.
        assert tracker.store.get_claim(extracted.id) == extracted
        tracker.rederive()


def test_due_phrase_is_read_against_the_promise_publication(
    ledger: tuple[Path, claimtrack.Tracker],
) -> None:
    _, tracker = ledger
    pid = _by_action(tracker, "depot")
    tracker.edit(pid, due="by the end of April")
    [row] = tracker.standings_of([pid], "2025-03-05")
    assert row.claim.due is not None and row.claim.due.end is not None
    assert row.claim.due.end.month in (4, 5)


def test_merge_then_split_restores_promises_and_ids(
    ledger: tuple[Path, claimtrack.Tracker],
) -> None:
    _, tracker = ledger
    before = {
        ln.claim_id: tracker.store.mention_ids(ln.claim_id)
        for ln in tracker.status_lines("2025-03-05")
    }
    lane, depot = _by_action(tracker, "Mill Lane"), _by_action(tracker, "depot")
    tracker.merge([lane, depot], note="one works programme")
    merged = {ln.claim_id for ln in tracker.status_lines("2025-03-05")}
    assert depot not in merged and lane in merged
    assert sorted(tracker.store.mention_ids(lane)) == sorted(before[lane] + before[depot])
    tracker.rederive()  # the merge holds after re-extraction
    assert sorted(tracker.store.mention_ids(lane)) == sorted(before[lane] + before[depot])
    tracker.split(lane, [m[:10] for m in before[depot]], note="two jobs after all")
    after = {
        ln.claim_id: tracker.store.mention_ids(ln.claim_id)
        for ln in tracker.status_lines("2025-03-05")
    }
    assert after == before
    commands = [c.command for c in tracker.show_promise(lane).corrections]
    assert commands == ["merge", "split"]


def test_retract_withdraws_the_latest_persons_verdict_from_its_known_time(
    ledger: tuple[Path, claimtrack.Tracker],
) -> None:
    _, tracker = ledger
    pid = _by_action(tracker, "bridge")
    tracker.resolve(pid, "kept", known="2025-03-04")
    tracker.retract(pid, known="2025-03-06", note="the report was wrong")
    [early] = tracker.standings_of([pid], "2025-03-05")
    [late] = tracker.standings_of([pid], "2025-03-07")
    assert early.status is not None and early.status.value == "kept"
    assert late.status is not None and late.status.value != "kept"
    with pytest.raises(ClaimtrackError, match="no verdict recorded by a person"):
        tracker.retract(pid)


def test_add_claim_by_hand_is_grouped_and_survives_rederive(
    ledger: tuple[Path, claimtrack.Tracker],
) -> None:
    _, tracker = ledger
    source = tracker.store.sources().__next__()
    c = tracker.add_claim(
        source.id[:6],
        "The ferry company will add a boat",
        speaker="Riverside Gazette",
        actor="ferry company",
        action="add a boat",
        due="2025-04-01",
        note="missed by the extractor",
    )
    claim_id = c.args["claim"]
    for _ in range(2):
        pid = tracker.promise_id(claim_id)
        assert claim_id in tracker.store.mention_ids(pid)
        tracker.rederive()
    assert tracker.store.get_claim(claim_id).extractor.startswith("person")  # type: ignore[union-attr]


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.permutations(["Mill Lane", "depot", "bridge"]))
def test_merging_then_splitting_any_order_restores(
    tmp_path_factory: pytest.TempPathFactory, will_pm: ClaimtrackPluginManager, order: list[str]
) -> None:
    folder = tmp_path_factory.mktemp("merge")
    article = folder / "works.txt"
    article.write_text(f"published: 2025-03-03T09:00:00+00:00\npublisher: Gazette\n\n{BODY}\n")
    with claimtrack.Tracker(folder / "l.db", plugin_manager=will_pm) as tracker:
        tracker.add(article)
        before = {
            ln.claim_id: tracker.store.mention_ids(ln.claim_id)
            for ln in tracker.status_lines("2025-03-05")
        }
        ids = [_by_action(tracker, w) for w in order]
        tracker.merge(ids[:2])
        tracker.split(ids[0], before[ids[1]])
        after = {
            ln.claim_id: tracker.store.mention_ids(ln.claim_id)
            for ln in tracker.status_lines("2025-03-05")
        }
        assert after == before


# -- bad input: one line, nothing changed --------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["edit", "ffffffffff", "--action", "x"], "no promise or claim with id"),
        (["edit", "{lane}", "--due", "when pigs fly"], "not a time phrase"),
        (["edit", "{lane}"], "nothing to edit"),
        (["merge", "{lane}", "{ferry}"], "different actors"),
        (["merge", "{lane}"], "two ids or more"),
        (["retract", "{lane}"], "no verdict recorded by a person"),
        (["split", "{lane}", "zzzz"], "is not one of the mentions"),
        (["add-claim", "{source}", "words that are not there"], "is not in source"),
    ],
)
def test_bad_corrections_are_one_line_and_change_nothing(
    ledger: tuple[Path, claimtrack.Tracker],
    will_pm: ClaimtrackPluginManager,
    args: list[str],
    message: str,
) -> None:
    _, tracker = ledger
    values = {
        "lane": _by_action(tracker, "Mill Lane"),
        "ferry": _by_action(tracker, "boat"),
        "source": next(tracker.store.sources()).id,
    }
    tracker.edit(values["ferry"], actor="Harbour Ferries")  # another actor's promise
    before = (
        _count(tracker),
        tracker.store.promise_records_json([values["lane"], values["ferry"]]),
    )
    result = invoke_cli(
        *[a.format(**values) for a in args], plugin_manager=will_pm, db=tracker.store.path
    )
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert (
        _count(tracker),
        tracker.store.promise_records_json([values["lane"], values["ferry"]]),
    ) == before


def test_show_prints_each_correction_with_its_command(
    ledger: tuple[Path, claimtrack.Tracker], will_pm: ClaimtrackPluginManager
) -> None:
    _, tracker = ledger
    pid = _by_action(tracker, "Mill Lane")
    db = tracker.store.path
    assert (
        invoke_cli(
            "edit",
            pid[:8],
            "--due",
            "2025-03-20",
            "--note",
            "per notice",
            plugin_manager=will_pm,
            db=db,
        ).exit_code
        == 0
    )
    assert (
        invoke_cli(
            "resolve", pid[:8], "kept", "--known", "2025-03-21", plugin_manager=will_pm, db=db
        ).exit_code
        == 0
    )
    assert invoke_cli("retract", pid[:8], plugin_manager=will_pm, db=db).exit_code == 0
    shown = invoke_cli("show", pid[:8], plugin_manager=will_pm, db=db).output
    assert "edit --due '2025-03-20'" in shown and "per notice" in shown
    assert "retract" in shown and "(retracted)" in shown
    assert "Mentions (1)" in shown
    doc = json.loads(
        invoke_cli("show", pid, "--format", "json", plugin_manager=will_pm, db=db).output
    )
    assert [c["command"] for c in doc["corrections"]] == ["edit", "retract"]
    assert doc["history"][0]["retracted"] is True


def test_status_json_has_one_record_per_promise(
    ledger: tuple[Path, claimtrack.Tracker],
    will_pm: ClaimtrackPluginManager,
    claim_schema: dict[str, object],
) -> None:
    import jsonschema

    _, tracker = ledger
    out = invoke_cli(
        "status",
        "--format",
        "json",
        "--as-of",
        "2025-03-05",
        plugin_manager=will_pm,
        db=tracker.store.path,
    )
    doc = json.loads(out.output)
    assert len(doc["commitments"]) == len(tracker.status_lines("2025-03-05"))
    for record in doc["commitments"]:
        jsonschema.validate(record, claim_schema)
        for key in (
            "id",
            "kind",
            "status",
            "due",
            "actor",
            "action",
            "reason",
            "mentions",
            "first_seen",
            "relations",
        ):
            assert key in record
        for m in record["mentions"]:
            assert set(m) >= {"id", "source", "text", "sentence", "span", "speaker", "asserted_at"}


class Upgradable:
    """Each sentence with " will " is a commitment of the publisher; ``trim`` characters
    come off its end (an upgraded extractor: every span, so every claim id, changes)."""

    def __init__(self) -> None:
        self.trim = 0

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: claimtrack.Source) -> Iterator[claimtrack.Claim]:
        import re

        who = claimtrack.Actor.named(source.publisher or "Desk")
        for m in re.finditer(r"[^.\n]+ will [^.\n]+\.", source.text):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            end = m.end() - self.trim
            text = source.text[start:end]
            yield claimtrack.Claim.build(
                source_id=source.id,
                span=(start, end),
                speaker=who,
                kind="commitment",
                text=text,
                actor=who,
                action=text.split(" will ", 1)[1],
                asserted_at=source.published_at,
            )


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.integers(1, 3), st.booleans())
def test_corrections_survive_a_newer_extractor(
    tmp_path_factory: pytest.TempPathFactory, trim: int, merge_first: bool
) -> None:
    from claimtrack.plugins import get_plugin_manager

    folder = tmp_path_factory.mktemp("upgrade")
    article = folder / "works.txt"
    article.write_text(f"published: 2025-03-03T09:00:00+00:00\npublisher: Gazette\n\n{BODY}\n")
    pm = get_plugin_manager(load_entrypoints=False)
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    extractor = Upgradable()
    pm.register(extractor, name="upgradable")
    with claimtrack.Tracker(folder / "l.db", plugin_manager=pm) as tracker:
        tracker.add(article)
        lane, depot = _by_action(tracker, "Mill Lane"), _by_action(tracker, "depot")
        if merge_first:
            tracker.merge([lane, depot], note="one programme")
        tracker.edit(lane, due="2025-03-20", note="per the notice")
        before = {
            ln.claim_id: len(tracker.store.mention_ids(ln.claim_id))
            for ln in tracker.status_lines("2025-03-05")
        }
        old_claims = {c.id for c in tracker.store.claims()}
        extractor.trim = trim
        tracker.rederive()
        assert not old_claims & {c.id for c in tracker.store.claims()}  # every id changed
        after = {
            ln.claim_id: len(tracker.store.mention_ids(ln.claim_id))
            for ln in tracker.status_lines("2025-03-05")
        }
        assert after == before  # the same promises, under the same ids
        [row] = tracker.standings_of([lane], "2025-03-21")
        assert row.claim.due is not None and f"{row.claim.due.start:%Y-%m-%d}" == "2025-03-20"

"""The daily report: sections, order, per-actor records, wording, and its three formats."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from claimtrack import Actor, Claim, Evidence, Source, Status, TimeWindow, Tracker, Verdict
from claimtrack.model import RecorderKind
from claimtrack.plugins import get_plugin_manager
from claimtrack.records import standing_record
from claimtrack.report import (
    ActorRecord,
    build_report,
    due_phrase,
    relative,
    render_json,
    render_markdown,
    render_table,
)
from claimtrack.status import Standing, standing

UTC = timezone.utc
NOW = datetime(2025, 4, 1, 12, tzinfo=UTC)
SAID = datetime(2025, 3, 1, 12, tzinfo=UTC)
COUNCIL = Actor.named("Riverside Council", "organisation")
MAYOR = Actor.named("Ann Lee", "person")


def window(days_from_now: float, length_days: float = 1, vague: bool = False) -> TimeWindow:
    start = NOW + timedelta(days=days_from_now)
    return TimeWindow(
        start=start, end=start + timedelta(days=length_days), grain="span", text="then", vague=vague
    )


def claim(
    n: int, due: TimeWindow | None, actor: Actor = COUNCIL, condition: str | None = None
) -> Claim:
    text = f"Promise {n} | with a pipe"
    return Claim(
        id=f"c{n:03d}",
        source_id="s1",
        kind="commitment",
        text=text,
        span=(0, len(text)),
        speaker=MAYOR,
        actor=actor,
        action=f"do thing {n}",
        due=due,
        condition=condition,
        asserted_at=SAID,
    )


def verdict(c: Claim, v: Verdict, known: datetime, person: bool = True) -> Evidence:
    return Evidence(
        claim_id=c.id,
        verdict=v,
        known_at=known,
        recorded_at=known,
        recorded_by="desk" if person else "claimtrack.checker 0.1.0",
        recorder=RecorderKind.PERSON if person else RecorderKind.CHECKER,
        confidence=None if person else 0.8,
        reason="postponed" if v is Verdict.BROKEN else None,
    )


def rows(*pairs: tuple[Claim, list[Evidence]]) -> list[Standing]:
    return [standing(c, None, ev, NOW) for c, ev in pairs]


def ids(section: object) -> list[str]:
    return [r.claim.id for r in section]  # type: ignore[attr-defined]


def test_sections_and_their_order() -> None:
    lapsed_long_ago = claim(1, window(-30))
    lapsed_yesterday = claim(2, window(-2))
    due_now = claim(3, window(-1, 3))
    starts_soon = claim(4, window(3))
    starts_later = claim(5, window(40))
    starts_much_later = claim(6, window(20))
    undated = claim(7, None)
    vague = claim(8, window(-100, 1, vague=True))
    waiting = claim(9, window(-5), condition="if the budget passes")
    kept_recently = claim(10, window(-10))
    kept_long_ago = claim(11, window(-200))
    report = build_report(
        rows(
            (lapsed_long_ago, []),
            (lapsed_yesterday, []),
            (due_now, []),
            (starts_soon, []),
            (starts_later, []),
            (starts_much_later, []),
            (undated, []),
            (vague, []),
            (waiting, []),
            (kept_recently, [verdict(kept_recently, Verdict.KEPT, NOW - timedelta(days=3))]),
            (kept_long_ago, [verdict(kept_long_ago, Verdict.BROKEN, NOW - timedelta(days=90))]),
        ),
        NOW,
        due_within=7,
    )
    assert ids(report.overdue) == ["c002", "c001"]  # the most recently lapsed first
    assert ids(report.due_soon) == ["c003", "c004"]  # nearest deadline first
    assert ids(report.open) == ["c006", "c005"]
    assert sorted(ids(report.undated)) == ["c007", "c008"]
    assert ids(report.conditional) == ["c009"]
    assert ids(report.resolved) == ["c010"]  # the old verdict is not news, but it counts:
    [council] = report.actors
    assert council.n("broken") == 1 and council.n("kept") == 1 and council.share_kept == 0.5
    assert report.total == 11
    assert report.counts == {
        "overdue": 2,
        "due": 1,
        "open": 5,
        "conditional": 1,
        "kept": 1,
        "broken": 1,
    }


def test_limit_lists_some_and_counts_all() -> None:
    many = [(claim(n, window(-n - 1)), []) for n in range(10)]
    report = build_report(rows(*many), NOW, limit=3)
    section = report.section("overdue")
    assert len(section.rows) == 3 and section.total == 10 and section.hidden == 7
    assert len(report.section_ids["overdue"]) == 10


def test_actor_record_share_kept() -> None:
    record = ActorRecord(
        id="x",
        name="X",
        counts={
            "kept": 2,
            "partially_kept": 1,
            "broken": 1,
            "unverifiable": 3,
            "annulled": 1,
            "open": 2,
            "due": 1,
            "conditional": 1,
        },
    )
    assert record.decided == 4  # unverifiable and annulled apart
    assert record.share_kept == pytest.approx(2.5 / 4)
    assert record.open == 4
    assert ActorRecord(id="y", name="Y", counts={"open": 3}).share_kept is None


def test_actors_are_who_must_act_else_the_speaker() -> None:
    mine = claim(1, None, actor=COUNCIL)
    theirs = Claim(
        id="c900", source_id="s1", kind="commitment", text="We will", span=(0, 7), speaker=MAYOR
    )
    report = build_report(rows((mine, []), (theirs, [])), NOW)
    assert {a.name for a in report.actors} == {"Riverside Council", "Ann Lee"}


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(days=3), "in 3 days"),
        (timedelta(days=1), "in 1 day"),
        (-timedelta(days=12), "12 days ago"),
        (timedelta(hours=5), "in 5 h"),
        (-timedelta(hours=2), "2 h ago"),
        (timedelta(minutes=10), "now"),
    ],
)
def test_relative(delta: timedelta, text: str) -> None:
    assert relative(NOW + delta, NOW) == text


def test_due_phrases_read_both_ways() -> None:
    [overdue, due, later, vague, unresolved, none] = rows(
        (claim(1, window(-13)), []),
        (claim(2, window(-1, 3)), []),
        (claim(3, window(3)), []),
        (claim(4, window(0, 5, vague=True)), []),
        (claim(5, TimeWindow(start=None, end=None, text="next week")), []),
        (claim(6, None), []),
    )
    assert due_phrase(overdue) == "19 Mar – 20 Mar 2025 (12 days overdue)"
    assert due_phrase(due) == "31 Mar – 03 Apr 2025 (due now, ends in 2 days)"
    assert due_phrase(later) == "04 Apr – 05 Apr 2025 (starts in 3 days)"
    assert due_phrase(vague).startswith('"then" (vague, from 01 Apr 2025)')
    assert due_phrase(unresolved) == '"next week" (unresolved)'
    assert due_phrase(none) == "no date given"


def test_markdown_escapes_table_cells() -> None:
    out = io.StringIO()
    render_markdown(build_report(rows((claim(1, window(-2)), [])), NOW), out)
    text = out.getvalue()
    assert "## Overdue (1)" in text
    assert "do thing 1" in text and "|" in text
    assert "Promise 1 \\| with a pipe" not in text  # the action is shown, not the raw text
    assert "Record by actor" in text


def test_table_fits_the_width_and_has_no_colour_off_a_terminal() -> None:
    report = build_report(rows(*[(claim(n, window(n - 5)), []) for n in range(8)]), NOW)
    for width in (60, 80, 140):
        buf = io.StringIO()
        render_table(report, Console(file=buf, width=width))
        lines = buf.getvalue().splitlines()
        assert max(len(line) for line in lines) <= width
        assert "\x1b[" not in buf.getvalue()


def test_json_is_one_object_with_the_contract() -> None:
    standings = rows((claim(1, window(-2)), []), (claim(2, None), []))
    out = io.StringIO()
    render_json(build_report(standings, NOW), out)
    doc = json.loads(out.getvalue())
    assert {"as_of", "commitments", "actors"} <= set(doc)
    assert doc["commitments"] == [standing_record(s) for s in standings]
    assert doc["actors"][0]["overdue"] == 1 and doc["actors"][0]["share_kept"] is None


# -- the fast path and the plain one agree ------------------------------------------------


ACTS = [
    "build",
    "repair",
    "open",
    "close",
    "paint",
    "sell",
    "move",
    "insure",
    "staff",
    "fence",
    "light",
    "clean",
]
shapes = st.lists(
    st.tuples(
        st.one_of(
            st.none(), st.builds(window, st.integers(-60, 60), st.integers(1, 20), st.booleans())
        ),
        st.booleans(),
        st.lists(
            st.tuples(st.sampled_from(list(Verdict)), st.integers(-60, 5), st.booleans()),
            max_size=3,
        ),
        st.sampled_from([COUNCIL, MAYOR]),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(shapes, st.integers(0, 10), st.one_of(st.none(), st.integers(0, 4)))
def test_tracker_report_equals_build_report_over_full_rows(
    tmp_path_factory: pytest.TempPathFactory,
    items: list[tuple[TimeWindow | None, bool, list[tuple[Verdict, int, bool]], Actor]],
    due_within: int,
    limit: int | None,
) -> None:
    folder = tmp_path_factory.mktemp("report")
    with Tracker(
        Path(folder) / "r.db", plugin_manager=get_plugin_manager(load_entrypoints=False)
    ) as tracker:
        text = " ".join(f"Promise {n:02d}." for n in range(len(items)))
        source = Source.from_text(text, published_at=SAID)
        claims = []
        for n, (due, conditional, _, actor) in enumerate(items):
            piece = f"Promise {n:02d}."
            start = text.index(piece)
            claims.append(
                Claim.build(
                    source_id=source.id,
                    span=(start, start + len(piece)),
                    speaker=MAYOR,
                    kind="commitment",
                    text=piece,
                    # a different act each, so each is a promise of its own
                    action=f"{ACTS[n]} the depot",
                    actor=actor,
                    due=due,
                    condition="if it rains" if conditional else None,
                    asserted_at=SAID,
                )
            )
        tracker.store.add_source(source, claims)
        for c, (_, _, evidence, _) in zip(claims, items, strict=True):
            for v, days, person in evidence:
                tracker.store.add_evidence(verdict(c, v, NOW + timedelta(days=days), person))
        fast = tracker.report(NOW, due_within=due_within, limit=limit)
        plain = build_report(
            tracker.status(NOW, history=True), NOW, due_within=due_within, limit=limit
        )
        assert fast.counts == plain.counts
        assert fast.section_ids == plain.section_ids
        assert [(s.key, s.total, [r.claim.id for r in s.rows]) for s in fast.sections] == [
            (s.key, s.total, [r.claim.id for r in s.rows]) for s in plain.sections
        ]
        assert [(a.id, a.name, dict(a.counts)) for a in fast.actors] == [
            (a.id, a.name, dict(a.counts)) for a in plain.actors
        ]

        # The tracker's records are promise records: the claim record of each promise's
        # reading, then its mentions, first_seen, relations, status, progress and reason.
        def claim_part(record: dict[str, object]) -> dict[str, object]:
            drop = {"mentions", "first_seen", "relations", "reason", "commitment"}
            return {k: v for k, v in record.items() if k not in drop}

        assert [claim_part(r) for r in fast.records()] == [claim_part(r) for r in plain.records()]
        assert [json.loads(t) for t in fast.records_json()] == fast.records()
        assert sum(fast.counts.values()) == fast.total == len(items)
        for status in fast.counts:
            assert Status(status)

"""A later promise that revises an earlier one: a moved deadline, a changed act ("lease
the site rather than sell it"), a changed quantity ("cut 150 jobs, not the 300"); and a
recurring act stated again with its next date, which revises nothing.  The relation
rules on their own examples, on sentences of our own, and end to end through the CLI."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import Actor, Claim, TimeWindow
from claimtrack.grouping import RELATIONS, group, mention_of
from claimtrack.grouping_relations import RELATION_RULES, related
from claimtrack.testing import invoke_cli

UTC = timezone.utc
T0 = datetime(2025, 3, 3, 12, tzinfo=UTC)
ACTOR = "Harbour Trust"


def _claim(action: str, start: int | None, days: int, published: int, n: int = 0) -> Claim:
    who = Actor.named(ACTOR)
    due = None
    if start is not None:
        begin = T0 + timedelta(days=start)
        due = TimeWindow(start=begin, end=begin + timedelta(days=days), grain="span", text="")
    text = f"{ACTOR} will {action}"
    return Claim.build(
        source_id=f"src{published}-{n}",
        span=(0, len(text)),
        speaker=who,
        kind="commitment",
        text=text,
        actor=who,
        action=action,
        due=due,
        asserted_at=T0 + timedelta(days=published),
    )


def test_every_relation_rule_decides_its_own_examples() -> None:
    for rule in RELATION_RULES:
        assert rule.examples, rule.name
        for earlier, later in rule.examples:
            found = related(mention_of(_claim(*earlier)), mention_of(_claim(*later)))
            assert found is not None and found.name == rule.name, (rule.name, earlier, later)


def test_a_changed_act_is_a_new_promise_revising_the_earlier() -> None:
    sell = _claim("sell the old boathouse", 0, 60, 0)
    lease = _claim("lease the old boathouse rather than sell it", None, 0, 12)
    g = group([mention_of(lease), mention_of(sell)])
    assert len(g.groups) == 2
    assert g.revisions == ((lease.id, sell.id, "changed_act_revises"),)
    assert RELATIONS["changed_act_revises"].reason == "changed"


def test_a_changed_quantity_is_a_revision_not_a_restatement() -> None:
    many = _claim("cut 300 jobs", None, 0, 0)
    fewer = _claim("cut 150 jobs, not the 300 announced", None, 0, 20)
    g = group([mention_of(many), mention_of(fewer)])
    assert len(g.groups) == 2
    assert g.revisions == ((fewer.id, many.id, "changed_quantity_revises"),)


def test_two_quantities_without_a_change_are_two_promises_and_no_revision() -> None:
    homes = _claim("build 300 homes", None, 0, 0)
    more = _claim("build 500 homes", None, 0, 30)
    g = group([mention_of(homes), mention_of(more)])
    assert len(g.groups) == 2 and g.relations == ()


def test_a_recurring_act_stated_again_is_its_next_occurrence_not_a_revision() -> None:
    march = _claim("hold its monthly meeting", 7, 1, 0)
    april = _claim("hold its monthly meeting", 35, 1, 20)
    g = group([mention_of(march), mention_of(april)])
    assert g.revisions == ()
    assert g.recurrences == ((april.id, march.id, "recurring_act_recurs"),)


def test_a_recurring_act_moved_off_its_period_is_postponed() -> None:
    march = _claim("hold its monthly meeting", 7, 1, 0)
    later = _claim("hold its monthly meeting", 14, 1, 3)
    g = group([mention_of(march), mention_of(later)])
    assert g.revisions == ((later.id, march.id, "later_window_revises"),)


def test_every_week_in_the_text_marks_a_recurring_act() -> None:
    first = _claim("run the ferry to the island every week", 2, 1, 0)
    again = _claim("run the ferry to the island every week", 9, 1, 4)
    assert related(mention_of(first), mention_of(again)) is RELATIONS["recurring_act_recurs"]


ACTIONS = st.sampled_from(
    [
        "sell the old boathouse",
        "lease the old boathouse rather than sell it",
        "cut 300 jobs",
        "cut 150 jobs, not the 300 announced",
        "hold its monthly meeting",
        "reopen the depot",
        "not reopen the depot",
    ]
)
CLAIMS = st.lists(
    st.builds(
        _claim,
        ACTIONS,
        st.one_of(st.none(), st.integers(0, 60)),
        st.integers(1, 5),
        st.integers(0, 40),
        st.integers(0, 2),
    ),
    max_size=10,
    unique_by=lambda c: c.id,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CLAIMS, st.randoms(use_true_random=False))
def test_relations_point_back_in_time_and_do_not_depend_on_order(
    claims: list[Claim], rnd: object
) -> None:
    shuffled = list(claims)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    one, other = group(mention_of(c) for c in claims), group(mention_of(c) for c in shuffled)
    assert set(one.relations) == set(other.relations)
    published = {c.id: c.asserted_at for c in claims}
    promise_of = {c: n for n, g in enumerate(one.groups) for c in g}
    for later, earlier, rule in one.relations:
        assert rule in RELATIONS
        later_at, earlier_at = published[later], published[earlier]
        assert later_at is not None and earlier_at is not None and later_at > earlier_at
        assert promise_of[later] != promise_of[earlier]


# -- end to end ------------------------------------------------------------------------


def _article(tmp: Path, name: str, published: str, body: str) -> Path:
    path = tmp / name
    path.write_text(f"published: {published}\npublisher: Gazette\n\n{body}\n", encoding="utf-8")
    return path


def _status(db: Path, as_of: str) -> list[dict[str, object]]:
    result = invoke_cli("status", "--format", "json", "--as-of", as_of, db=db)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.output)["commitments"]
    return rows


def _add(db: Path, path: Path) -> None:
    result = invoke_cli("add", str(path), db=db)
    assert result.exit_code == 0, result.output


def test_cli_a_changed_act_breaks_the_earlier_promise_with_reason_changed(
    tmp_path: Path,
) -> None:
    db = tmp_path / "ledger.db"
    _add(
        db,
        _article(
            tmp_path,
            "a.txt",
            "2025-03-03T09:00:00+00:00",
            "The council will sell the old bus garage by June.",
        ),
    )
    _add(
        db,
        _article(
            tmp_path,
            "b.txt",
            "2025-03-20T09:00:00+00:00",
            "The council will now lease the old bus garage rather than sell it.",
        ),
    )
    before = _status(db, "2025-03-10")
    assert [r["status"] for r in before] == ["due"] or [r["status"] for r in before] == ["open"]
    rows = {r["id"]: r for r in _status(db, "2025-03-21")}
    assert len(rows) == 2
    (later,) = [r for r in rows.values() if r["relations"]]
    (rel,) = later["relations"]  # type: ignore[misc]
    assert rel["type"] == "revises" and rel["rule"] == "changed_act_revises"
    earlier = rows[rel["id"]]
    assert earlier["status"] == "broken" and earlier["reason"] == "changed"
    show = invoke_cli("show", str(rel["id"]), db=db)
    assert "changed_act_revises" in show.output


def test_cli_a_changed_quantity_revises(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    _add(
        db,
        _article(
            tmp_path,
            "a.txt",
            "2025-03-03T09:00:00+00:00",
            "Northmill Foods will cut 300 jobs by the end of the year.",
        ),
    )
    _add(
        db,
        _article(
            tmp_path,
            "b.txt",
            "2025-04-02T09:00:00+00:00",
            "Northmill Foods said it will cut 150 jobs instead of the 300 announced earlier.",
        ),
    )
    rows = {r["id"]: r for r in _status(db, "2025-04-03")}
    assert len(rows) == 2
    (later,) = [r for r in rows.values() if r["relations"]]
    (rel,) = later["relations"]  # type: ignore[misc]
    assert (rel["type"], rel["rule"]) == ("revises", "changed_quantity_revises")
    assert rows[rel["id"]]["status"] == "broken" and rows[rel["id"]]["reason"] == "changed"


def test_cli_a_monthly_meeting_with_its_next_date_breaks_nothing(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    _add(
        db,
        _article(
            tmp_path,
            "a.txt",
            "2025-03-03T09:00:00+00:00",
            "The parish council will hold its monthly meeting on 10 March.",
        ),
    )
    _add(
        db,
        _article(
            tmp_path,
            "b.txt",
            "2025-03-28T09:00:00+00:00",
            "The parish council will hold its monthly meeting on 7 April.",
        ),
    )
    rows = _status(db, "2025-03-29")
    assert len(rows) == 2
    assert not any(r["status"] == "broken" for r in rows)
    relations = [rel for r in rows for rel in r["relations"]]  # type: ignore[attr-defined]
    assert [(x["type"], x["rule"]) for x in relations] == [("recurs", "recurring_act_recurs")]

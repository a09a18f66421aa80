"""One ClaimReview per tracked promise, and a round trip that keeps it: export a ledger's
reviews, add them to a fresh store, export again (``include_imported``) and the same
reviews come out — the same addresses and identifiers, ratings, authors, citations and
appearances (each mention's source: address, headline, date, outlet, reporter)."""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import claimtrack
from claimtrack import Actor, Source
from claimtrack.testing import invoke_cli, make_claim, make_plugin_manager
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack_claimreview

AS_OF = "2025-12-31T12:00:00+00:00"
OPTIONS = {
    "reviewer": "Harbour Fact Check",
    "reviewer_url": "https://factcheck.example/",
    "url_template": "https://factcheck.example/claims/{id}",
}
#: Acts of our own, one verb each, so no two promises group as one.
ACTS = (
    "reopen the Station Road depot",
    "repair the harbour bridge",
    "publish the annual audit",
    "hire forty park wardens",
    "dredge the north channel",
    "extend the night bus",
)
SPEAKERS = (
    Actor.named("Ana Ruiz", kind="person"),
    Actor.named("Harbour Board", kind="organisation"),
    Actor.named("Tom Ashby", kind="person"),
)
OUTLETS = ("Riverside Gazette", "Harbour Courier", None)
REPORTERS = ("Mia Kovac", "Sam Oduya", None)
VERDICTS = ("kept", "broken", "partially_kept", "withdrawn", "unverifiable", "annulled")


@attrs.frozen
class Mention:
    day: int
    hour: int
    outlet: str | None
    reporter: str | None


@attrs.frozen
class Promise:
    act: int
    speaker: int
    mentions: tuple[Mention, ...]
    verdict: str
    note: str | None
    evidence: bool


def _pm() -> Any:
    return make_plugin_manager(claimtrack_claimreview, extractor=False)


def build_ledger(db: Path, promises: Sequence[Promise]) -> None:
    """A ledger of ``promises``: each mention an article of its own saying the act in the
    same words, each promise settled by a person."""
    with claimtrack.Tracker(db, plugin_manager=_pm()) as tracker:
        for n, p in enumerate(promises):
            speaker = SPEAKERS[p.speaker]
            said = f"{speaker.name} will {ACTS[p.act]}"
            last = None
            for k, m in enumerate(p.mentions):
                when = datetime(2025, 3, m.day, m.hour, tzinfo=timezone.utc)
                last = when if last is None or when > last else last
                source = Source.from_text(
                    f"Plans for the town\n{said}. Residents welcomed it.\n",
                    uri=f"https://news.example/{n}/{k}",
                    title=f"Plans for the town, part {k + 1}",
                    publisher=m.outlet,
                    published_at=when,
                    meta={} if m.reporter is None else {"author": m.reporter},
                )
                tracker.store.add_source(source, [make_claim(source, said, speaker=speaker)])
            assert last is not None
            (pid,) = {
                s.claim.id
                for s in tracker.status(as_of=AS_OF)
                if s.claim.text == said and s.claim.speaker == speaker
            }
            tracker.resolve(
                pid,
                p.verdict,
                known=(last + timedelta(days=3)).isoformat(),
                note=p.note,
                evidence=f"https://news.example/follow-up/{n}" if p.evidence else None,
                by="desk",
            )


def export(db: Path, **options: str) -> dict[str, Any]:
    with claimtrack.Tracker(db, plugin_manager=_pm()) as tracker:
        out = io.StringIO()
        tracker.export("claimreview", out, as_of=AS_OF, options={**OPTIONS, **options})
    doc: dict[str, Any] = json.loads(out.getvalue())
    return doc


def round_trip(folder: Path, promises: Sequence[Promise]) -> tuple[dict[str, Any], dict[str, Any]]:
    first, second = folder / "first.db", folder / "second.db"
    build_ledger(first, promises)
    before = export(first)
    reviews = folder / "reviews.jsonld"
    reviews.write_text(json.dumps(before), encoding="utf-8")
    with claimtrack.Tracker(second, plugin_manager=_pm()) as tracker:
        added = tracker.add(reviews)
        assert not added.errors
    return before, export(second, include_imported="true")


MENTION = st.builds(
    Mention,
    day=st.integers(1, 20),
    hour=st.integers(0, 23),
    outlet=st.sampled_from(OUTLETS),
    reporter=st.sampled_from(REPORTERS),
)
PROMISE = st.builds(
    Promise,
    act=st.integers(0, len(ACTS) - 1),
    speaker=st.integers(0, len(SPEAKERS) - 1),
    mentions=st.lists(MENTION, min_size=1, max_size=3).map(tuple),
    verdict=st.sampled_from(VERDICTS),
    note=st.sampled_from([None, "Reopened on a Friday", "The works were called off"]),
    evidence=st.booleans(),
)
LEDGER = st.lists(PROMISE, min_size=1, max_size=4, unique_by=lambda p: p.act)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LEDGER)
def test_export_import_export_gives_the_same_reviews(promises: list[Promise]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        before, after = round_trip(Path(tmp), promises)
    assert len(before["@graph"]) == len(promises)
    assert after == before


def test_one_review_per_promise_with_every_mention_an_appearance(tmp_path: Path) -> None:
    mentions = (
        Mention(day=5, hour=9, outlet="Harbour Courier", reporter="Sam Oduya"),
        Mention(day=3, hour=8, outlet="Riverside Gazette", reporter="Mia Kovac"),
        Mention(day=4, hour=7, outlet=None, reporter=None),
    )
    db = tmp_path / "t.db"
    build_ledger(db, [Promise(0, 0, mentions, "kept", "Reopened on a Friday", True)])
    (review,) = export(db)["@graph"]
    item = review["itemReviewed"]
    assert review["claimReviewed"] == "Ana Ruiz will reopen the Station Road depot"
    assert item["author"] == {"@type": "Person", "name": "Ana Ruiz"}
    # Every mention's source, earliest first; the first is the first appearance.
    assert [a["url"] for a in item["appearance"]] == [
        "https://news.example/0/1",
        "https://news.example/0/2",
        "https://news.example/0/0",
    ]
    assert item["firstAppearance"] == item["appearance"][0]
    assert item["firstAppearance"]["author"] == {"@type": "Person", "name": "Mia Kovac"}
    assert item["firstAppearance"]["publisher"] == {
        "@type": "Organization",
        "name": "Riverside Gazette",
    }
    assert item["firstAppearance"]["datePublished"] == "2025-03-03T08:00:00+00:00"
    assert "author" not in item["appearance"][1] and "publisher" not in item["appearance"][1]
    assert item["datePublished"] == "2025-03-03"
    # The promise's id is the review's, in its address.
    assert review["url"] == f"https://factcheck.example/claims/{review['identifier']}"
    out = tmp_path / "reviews.jsonld"
    args = [f"{k}={v}" for k, v in OPTIONS.items()]
    result = invoke_cli(
        "export", "--format", "claimreview", *(a for kv in args for a in ("-O", kv)),
        "-o", str(out), plugin_manager=_pm(), db=db,
    )  # fmt: skip
    assert result.stderr.strip() == f"Wrote 1 claimreview review(s) to {out}"


def test_imported_reviews_go_out_again_only_when_asked(tmp_path: Path) -> None:
    mention = Mention(day=3, hour=8, outlet="Riverside Gazette", reporter="Mia Kovac")
    before, after = round_trip(tmp_path, [Promise(1, 1, (mention,), "broken", None, False)])
    assert after == before
    assert export(tmp_path / "second.db")["@graph"] == []  # not without include_imported
    with claimtrack.Tracker(tmp_path / "second.db", plugin_manager=_pm()) as tracker:
        (row,) = tracker.status(as_of=AS_OF)
        assert row.decided_by is not None and row.decided_by.imported
        assert row.decided_by.recorded_by == "Harbour Fact Check"
    shown = invoke_cli(
        "show", row.claim.id, plugin_manager=_pm(), db=tmp_path / "second.db",
        env={"COLUMNS": "160"},
    )  # fmt: skip
    assert "per Harbour Fact Check" in shown.stdout

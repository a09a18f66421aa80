"""The ical exporter: one event per pending commitment with a definite due window."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import claimtrack
import pytest
from claimtrack import Claim, ClaimKind, ExtractContext, Source, Standing, TimeWindow
from claimtrack.testing import export_text, invoke_cli, make_plugin_manager
from icalendar import Calendar

import claimtrack_ical

AS_OF = datetime(2025, 3, 20, 12, tzinfo=timezone.utc)


def events(text: str) -> dict[str, Any]:
    cal = Calendar.from_ical(text)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_registered_as_ical(sample_standings: Sequence[Standing]) -> None:
    text = export_text("ical", sample_standings, as_of=AS_OF, plugins=[claimtrack_ical])
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "PRODID:-//claimtrack//claimtrack-ical" in text


def test_one_event_per_pending_dated_commitment(sample_standings: Sequence[Standing]) -> None:
    found = events(export_text("ical", sample_standings, as_of=AS_OF, plugins=[claimtrack_ical]))
    # due, open and overdue with a window; not kept/broken/partially kept, conditional,
    # vague ("soon"), undated, or statements
    assert sorted(found) == [
        "The council: publish the audit",
        "The council: resurface Mill Lane",
        "[overdue] The council: repair the bridge",
    ]


def test_event_fields(sample_standings: Sequence[Standing]) -> None:
    found = events(export_text("ical", sample_standings, as_of=AS_OF, plugins=[claimtrack_ical]))
    event = found["The council: resurface Mill Lane"]
    mill_lane = next(s for s in sample_standings if s.claim.action == "resurface Mill Lane")
    assert str(event["uid"]) == f"{mill_lane.claim.id}@claimtrack"
    # midnight-to-midnight windows are all-day events; DTEND is exclusive
    assert event["dtstart"].dt == date(2025, 3, 1)
    assert event["dtend"].dt == date(2025, 4, 1)
    assert str(event["url"]) == "https://gazette.example/news/spring-works"
    description = str(event["description"])
    assert "“The council will resurface Mill Lane by the end of March”" in description
    assert "— Ana Ruiz, 03 March 2025" in description
    assert "Due: by the end of March (Sat 01 Mar 2025 – Mon 31 Mar 2025)" in description
    assert "Status as of 2025-03-20: due" in description
    assert "https://gazette.example/news/spring-works" in description
    assert event["dtstamp"].dt == AS_OF


def test_uids_are_stable_across_exports(sample_standings: Sequence[Standing]) -> None:
    first = export_text("ical", sample_standings, as_of=AS_OF, plugins=[claimtrack_ical])
    second = export_text("ical", sample_standings, as_of=AS_OF, plugins=[claimtrack_ical])
    assert first == second


def test_exact_times_stay_exact() -> None:
    window = TimeWindow(
        start=datetime(2025, 3, 20, 14, 0, tzinfo=timezone.utc),
        end=datetime(2025, 3, 20, 15, 30, tzinfo=timezone.utc),
        grain="hour",
        text="at 2pm on Thursday",
    )
    start, end = claimtrack_ical._bounds(window.start, window.end)  # type: ignore[arg-type]
    assert (start, end) == (window.start, window.end)


def test_empty_store_is_an_empty_calendar() -> None:
    cal = Calendar.from_ical(export_text("ical", [], as_of=AS_OF, plugins=[claimtrack_ical]))
    assert cal.walk("VEVENT") == []


class OneDeadline:
    """A stand-in extractor: one commitment due in the week after publication."""

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        text = source.text.strip()
        assert source.published_at is not None
        speaker = context.registry.resolve_or_add("Harbour Authority", "organisation")
        yield Claim.build(
            source_id=source.id,
            span=(0, len(text)),
            speaker=speaker,
            kind=ClaimKind.COMMITMENT,
            text=text,
            actor=speaker,
            action="finish dredging",
            due=TimeWindow(
                start=datetime(2025, 3, 24, tzinfo=timezone.utc),
                end=datetime(2025, 3, 31, tzinfo=timezone.utc),
                grain="week",
                text="next week",
            ),
        )


def test_claimtrack_export_format_ical(tmp_path: Path) -> None:
    pm = make_plugin_manager(OneDeadline(), claimtrack_ical, extractor=False)
    article = tmp_path / "dredging.txt"
    article.write_text(
        "published: 2025-03-19\n\nDredging will finish next week.\n", encoding="utf-8"
    )
    db = tmp_path / "ledger.db"
    assert invoke_cli("add", str(article), plugin_manager=pm, db=db).exit_code == 0
    out = tmp_path / "deadlines.ics"
    result = invoke_cli(
        "export",
        "--format",
        "ical",
        "--as-of",
        "2025-03-20",
        "-o",
        str(out),
        plugin_manager=pm,
        db=db,
    )
    assert result.exit_code == 0, result.output
    event: Any
    (event,) = Calendar.from_ical(out.read_text(encoding="utf-8")).walk("VEVENT")
    assert str(event["summary"]) == "Harbour Authority: finish dredging"
    assert event["dtstart"].dt == date(2025, 3, 24)


def test_installed_entry_point_is_listed() -> None:
    result = invoke_cli("plugins", "--format", "json", env={"CLAIMTRACK_LOAD_PLUGINS": "ical"})
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["ical"]["version"] == claimtrack_ical.__version__
    assert info["ical"]["hooks"] == ["claimtrack_register_exporters"]


@pytest.mark.parametrize("as_of", ["2025-02-01", "2025-06-01"])
def test_statuses_follow_as_of(as_of: str) -> None:
    from claimtrack.testing import make_sample_standings

    rows = make_sample_standings(as_of=as_of)
    found = events(export_text("ical", rows, as_of=as_of, plugins=[claimtrack_ical]))
    if as_of == "2025-06-01":
        assert all(name.startswith("[overdue]") for name in found)
    else:
        assert not any(name.startswith("[overdue]") for name in found)


def test_one_event_per_promise_however_many_articles_repeat_it(tmp_path: Path) -> None:
    pm = make_plugin_manager(OneDeadline(), claimtrack_ical, extractor=False)
    db = tmp_path / "ledger.db"
    for day, name in (("2025-03-18", "first.txt"), ("2025-03-19", "again.txt")):
        article = tmp_path / name
        article.write_text(
            f"published: {day}\n\nDredging will finish next week.\n", encoding="utf-8"
        )
        assert invoke_cli("add", str(article), plugin_manager=pm, db=db).exit_code == 0
    out = tmp_path / "deadlines.ics"
    result = invoke_cli(
        "export", "--format", "ical", "--as-of", "2025-03-20", "-o", str(out),
        plugin_manager=pm, db=db,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    event: Any
    (event,) = Calendar.from_ical(out.read_text(encoding="utf-8")).walk("VEVENT")
    status = invoke_cli(
        "status", "--format", "json", "--as-of", "2025-03-20", plugin_manager=pm, db=db
    )
    (promise,) = json.loads(status.output)["commitments"]
    assert str(event["uid"]) == f"{promise['id']}@claimtrack"
    assert str(event["x-claimtrack-mentions"]) == "2"
    assert str(event["x-claimtrack-sources"]) == "2"
    assert str(event["x-claimtrack-first-seen"]).startswith("2025-03-18")
    description = str(event["description"])
    assert "Stated: 2 mentions in 2 sources, first seen 18 March 2025" in description
    assert f"Promise id: {promise['id']}" in description


def test_the_exporter_asks_for_promises() -> None:
    from claimtrack.exporters import collect_exporters

    pm = make_plugin_manager(claimtrack_ical)
    assert collect_exporters(pm)[0]["ical"].rows == "promise"

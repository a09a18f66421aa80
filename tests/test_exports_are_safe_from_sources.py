"""What a source holds cannot break or inject into an export: links are http(s) only in
ClaimReview, the timeline and iCal; one poisoned entry cannot take a calendar down or
add lines to it; a window at year 1 does not break the timeline."""

from __future__ import annotations

import json

import claimtrack_claimreview
import claimtrack_ical
import claimtrack_timeline
import pytest
from icalendar import Calendar

from claimtrack import Standing
from claimtrack.testing import export_text, make_claim, make_source, make_standing, make_window

AS_OF = "2025-03-20T12:00:00+00:00"
TEXT = "The council will reopen the depot next week, the mayor said."
BAD_LINKS = [
    "javascript:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "https://news.example/a\r\nBEGIN:VEVENT\r\nSUMMARY:Injected",
]


def _standing(
    uri: str | None, *, start: str | None = "2025-03-24", end: str = "2025-03-31"
) -> Standing:
    source = make_source(TEXT, published="2025-03-15", uri=uri, title="Depot\r\nX-INJECT:1")
    claim = make_claim(
        source,
        "The council will reopen the depot next week",
        speaker="Ana Ruiz\r\nX-INJECT:2",
        actor="the council",
        action="reopen the depot",
        due=None if start is None else make_window(start, end, text="next week", grain="week"),
    )
    return make_standing(claim, source, as_of=AS_OF)


@pytest.mark.parametrize("uri", BAD_LINKS)
def test_claimreview_links_only_http(uri: str) -> None:
    doc = export_text(
        "claimreview", [_standing(uri)], as_of=AS_OF, plugins=[claimtrack_claimreview]
    )
    assert "javascript:" not in doc and "data:text" not in doc
    assert '"url": "https://news.example/a' not in doc


@pytest.mark.parametrize("uri", BAD_LINKS)
def test_timeline_links_only_http(uri: str) -> None:
    # Undated commitments are listed in a table with a link to their source.
    rows = [
        _standing(uri),
        _standing(uri, start=None),
        _standing("https://ok.example/", start=None),
    ]
    page = export_text("timeline", rows, as_of=AS_OF, plugins=[claimtrack_timeline])
    assert 'href="javascript:' not in page and 'href="data:' not in page
    assert page.count("<a href") == 1 and 'href="https://ok.example/"' in page


def test_a_poisoned_entry_does_not_break_the_calendar() -> None:
    rows = [_standing(uri) for uri in BAD_LINKS] + [_standing("https://news.example/good")]
    text = export_text("ical", rows, as_of=AS_OF, plugins=[claimtrack_ical])
    calendar = Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(rows)  # every entry is an event, the poisoned ones too
    lines = text.split("\r\n")
    assert not any(line.startswith(("X-INJECT", "SUMMARY:Injected")) for line in lines)
    assert lines.count("BEGIN:VEVENT") == len(rows)  # in a description it is only text
    urls = [str(e.get("url")) for e in calendar.walk("VEVENT") if e.get("url")]
    assert all(u.startswith("https://news.example/") and "\n" not in u for u in urls)


def test_a_window_at_year_one_does_not_break_the_timeline() -> None:
    ancient = _standing("https://news.example/a", start="0001-01-01", end="0001-01-08")
    usual = _standing("https://news.example/b")
    page = export_text("timeline", [ancient, usual], as_of=AS_OF, plugins=[claimtrack_timeline])
    assert page.count("<svg") >= 1 and "reopen the depot" in page


def test_records_stay_json_with_anything_in_them() -> None:
    doc = export_text("json", [_standing(BAD_LINKS[2])], as_of=AS_OF)
    assert json.loads(doc)["claims"][0]["source"]["uri"] == BAD_LINKS[2]

"""claimtrack-ical: an iCalendar (RFC 5545) feed of commitments' deadlines.

``claimtrack export --format ical -o deadlines.ics`` writes one event per tracked promise
that is still open, due or overdue and has a resolved due window, so a news desk can
subscribe to what was promised for when — one event however many articles repeat the
promise.  Each event carries the promise's first mention, who said it, how many mentions
in how many sources, when it was first seen, what it revises, and a link to the source.
Event UIDs come from promise ids (which never change), so a calendar that re-reads the
file updates its events instead of duplicating them.

Every field is cleaned on its own (:mod:`claimtrack.sanitize`): control characters,
which iCalendar forbids, are dropped, one-line fields stay on one line, and the link is
kept only when it is an ``http(s)`` URL, so no entry can break the calendar or add
lines of its own to it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from typing import TextIO

import claimtrack
from claimtrack import Standing, Status
from claimtrack.sanitize import clean_text, one_line, safe_url
from icalendar import Calendar, Event

__version__ = "0.1.0"

#: The statuses that still have a deadline ahead of (or just behind) them.
PENDING = frozenset({Status.OPEN, Status.DUE, Status.OVERDUE})
UID_DOMAIN = "claimtrack"


@claimtrack.hookimpl
def claimtrack_register_exporters(register: Callable[..., None]) -> None:
    """Register the ``ical`` exporter."""
    register(
        "ical",
        write_ical,
        description="iCalendar: one event per open, due or overdue promise's due window",
        extension="ics",
        rows="promise",
    )


def write_ical(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """Write the calendar of pending deadlines in ``standings`` to ``stream``.

    Vague windows ("soon") are left out: a calendar entry would present a guess as a date.
    """
    stream.write(build_calendar(standings, as_of).to_ical().decode("utf-8"))


def build_calendar(standings: Sequence[Standing], as_of: datetime) -> Calendar:
    """The :class:`icalendar.Calendar` of pending commitments, in due order."""
    cal = Calendar()
    cal.add("prodid", f"-//claimtrack//claimtrack-ical {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "claimtrack: commitments due")
    cal.add("x-wr-caldesc", f"Open, due and overdue commitments as of {as_of:%Y-%m-%d %H:%M %Z}")
    rows = [s for s in standings if is_calendar_item(s)]
    rows.sort(key=lambda s: (s.claim.due.start, s.claim.id) if s.claim.due else (as_of, ""))
    for row in rows:
        cal.add_component(build_event(row, as_of))
    return cal


def is_calendar_item(row: Standing) -> bool:
    """A pending commitment with a resolved, definite due window."""
    due = row.claim.due
    return (
        row.status in PENDING
        and due is not None
        and due.start is not None
        and due.end is not None
        and not due.vague
    )


def build_event(row: Standing, as_of: datetime) -> Event:
    """One VEVENT for the due window of ``row``'s commitment."""
    claim = row.claim
    due = claim.due
    assert due is not None and due.start is not None and due.end is not None
    event = Event()
    event.add("uid", f"{claim.id}@{UID_DOMAIN}")
    # DTSTAMP is when this information was true: as_of keeps the file reproducible.
    event.add("dtstamp", as_of.astimezone(timezone.utc))
    start, end = _bounds(due.start, due.end)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", one_line(summary(row)))
    event.add("description", clean_text(description(row)))
    if row.status is not None:
        event.add("categories", [row.status.value])
    url = safe_url(row.source.uri) if row.source is not None else None
    if url is not None:
        event.add("url", url)
    if claim.speaker is not None:
        event.add("x-claimtrack-speaker", one_line(claim.speaker.name))
    event.add("x-claimtrack-status", row.status.value if row.status else "")
    if row.promise is not None:
        event.add("x-claimtrack-mentions", str(row.promise.mentions))
        event.add("x-claimtrack-sources", str(row.promise.sources))
        if row.promise.first_seen is not None:
            event.add("x-claimtrack-first-seen", row.promise.first_seen.isoformat())
    return event


def _bounds(start: datetime, end: datetime) -> tuple[date | datetime, date | datetime]:
    # Windows of whole days (midnight to midnight, as "this week" or "in April" resolve)
    # become all-day events, which calendars show as a band; anything else keeps its
    # exact times, in UTC.  DTEND is exclusive in iCalendar, as the window's end is.
    if start.timetz().replace(tzinfo=None) == time(0) and end.timetz().replace(tzinfo=None) == time(
        0
    ):
        return start.date(), max(end.date(), start.date() + timedelta(days=1))
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def summary(row: Standing) -> str:
    """ "[overdue] Actor: action", short enough for a calendar cell."""
    claim = row.claim
    who = claim.actor.name if claim.actor else (claim.speaker.name if claim.speaker else "")
    what = claim.action or claim.text
    text = f"{who}: {what}" if who else what
    if len(text) > 120:
        text = text[:119].rstrip() + "…"
    return f"[{row.status.value}] {text}" if row.status is Status.OVERDUE else text


def description(row: Standing) -> str:
    """The claim as said, who said it and when, the due window, status and source."""
    claim = row.claim
    lines = [f"“{claim.text}”"]
    said = claim.speaker.name if claim.speaker else "unknown speaker"
    when = f", {claim.asserted_at:%d %B %Y}" if claim.asserted_at else ""
    lines.append(f"— {said}{when}")
    if claim.sentence and claim.sentence != claim.text:
        lines.append(f"In full: {claim.sentence}")
    if claim.due is not None:
        lines.append(f"Due: {claim.due.text or 'window'} ({_window(row)})")
    if claim.condition:
        lines.append(f"Condition: {claim.condition}")
    status = row.status.value if row.status else "?"
    if row.progress is not None:
        status += f" ({row.progress.value})"
    lines.append(f"Status as of {row.as_of:%Y-%m-%d}: {status}")
    p = row.promise
    if p is not None:
        seen = f", first seen {p.first_seen:%d %B %Y}" if p.first_seen is not None else ""
        lines.append(f"Stated: {p.mentions_phrase}{seen}")
        for kind, other in p.relations:
            lines.append(f"{kind.capitalize()} promise {other}")
    source = row.source
    if source is not None:
        name = " · ".join(x for x in (source.title, source.publisher) if x)
        if name:
            lines.append(f"Source: {name}")
        if source.uri:
            lines.append(one_line(source.uri))
    lines.append(f"{'Promise' if row.promise is not None else 'Claim'} id: {claim.id}")
    return "\n".join(lines)


def _window(row: Standing) -> str:
    due = row.claim.due
    if due is None or due.start is None or due.end is None:
        return "unresolved"
    last = due.end - timedelta(microseconds=1)
    if due.start.date() == last.date():
        return f"{due.start:%a %d %b %Y}"
    return f"{due.start:%a %d %b %Y} – {last:%a %d %b %Y}"

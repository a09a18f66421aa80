"""claimtrack-timeline: a self-contained HTML timeline of commitments.

``claimtrack export --format timeline -o timeline.html`` writes one HTML page — no
external fonts, scripts, styles or images — that draws every tracked promise with a
dated window as a bar over that window on a time axis, coloured by status and grouped
by who must act, with a legend, an "as of" line and, on hover, the quote of its first
mention, how many mentions in how many sources, when it was first seen and what it
revises.  One bar per promise, however many articles repeat it; promises without a date
are listed under the chart.  Every piece of text from a source is escaped.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from typing import TextIO

import claimtrack
from claimtrack import Standing, Status
from claimtrack.sanitize import safe_url

__version__ = "0.1.0"

#: Status colours: warm for trouble, green for kept, greys for the neither-nor.
COLOURS: dict[Status, str] = {
    Status.OPEN: "#4c6ef5",
    Status.DUE: "#f59f00",
    Status.OVERDUE: "#e03131",
    Status.CONDITIONAL: "#9775fa",
    Status.KEPT: "#2f9e44",
    Status.PARTIALLY_KEPT: "#94c11f",
    Status.BROKEN: "#a61e4d",
    Status.WITHDRAWN: "#495057",
    Status.UNVERIFIABLE: "#adb5bd",
    Status.ANNULLED: "#a0785a",
}
LABELS: dict[Status, str] = {s: s.value.replace("_", " ") for s in Status}

# Geometry of the chart, in SVG user units (the SVG scales to the page width).
WIDTH = 1200
LABEL_W = 330
RIGHT_PAD = 24
AXIS_H = 46
ROW_H = 26
GROUP_H = 30
BAR_H = 16
MAX_LABEL = 46

_STYLE = """
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  margin: 24px 32px; color: #212529; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
.asof { color: #495057; margin: 0 0 14px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 0 0 12px; padding: 0;
  list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { width: 14px; height: 14px; border-radius: 3px; display: inline-block; }
.swatch.vague { background: repeating-linear-gradient(45deg, #ced4da 0 3px, #fff 3px 6px);
  border: 1px dashed #868e96; box-sizing: border-box; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; }
.tick { stroke: #e9ecef; }
.ticklabel { fill: #495057; font-size: 12px; }
.group { fill: #212529; font-weight: 600; font-size: 14px; }
.grouprule { stroke: #dee2e6; }
.label { fill: #343a40; font-size: 13px; }
.bar rect { stroke: rgba(0,0,0,.25); stroke-width: .5; }
.bar:hover rect, .bar:focus rect { stroke: #000; stroke-width: 1.5; }
.bar.vague rect { fill-opacity: .35; stroke-dasharray: 4 3; stroke: #343a40; }
.asofline { stroke: #212529; stroke-width: 1.5; stroke-dasharray: 5 4; }
.asoflabel { fill: #212529; font-size: 12px; font-weight: 600; }
.progress { fill: #fff; font-size: 11px; font-weight: 600; pointer-events: none; }
table { border-collapse: collapse; margin-top: 10px; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e9ecef;
  vertical-align: top; }
th { font-size: 12px; color: #495057; text-transform: uppercase; letter-spacing: .03em; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff;
  font-size: 12px; white-space: nowrap; }
h2 { font-size: 16px; margin: 26px 0 4px; }
.empty { color: #868e96; }
#tip { position: fixed; max-width: 420px; background: #212529; color: #f8f9fa;
  padding: 8px 10px; border-radius: 6px; font-size: 13px; white-space: pre-line;
  pointer-events: none; display: none; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 9; }
footer { color: #868e96; font-size: 12px; margin-top: 24px; }
"""

# Tooltips read data-tip with textContent, so no quote is ever parsed as markup.
_SCRIPT = """
(function () {
  var tip = document.getElementById("tip");
  function show(e) {
    var t = e.target.closest("[data-tip]");
    if (!t) { tip.style.display = "none"; return; }
    tip.textContent = t.getAttribute("data-tip");
    tip.style.display = "block";
    var x = e.clientX + 14, y = e.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) { x = e.clientX - tip.offsetWidth - 14; }
    if (y + tip.offsetHeight > window.innerHeight - 8) { y = e.clientY - tip.offsetHeight - 14; }
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  document.addEventListener("mousemove", show);
  document.addEventListener("focusin", function (e) {
    var t = e.target.closest("[data-tip]");
    if (!t) { return; }
    var r = t.getBoundingClientRect();
    show({ target: t, clientX: r.left, clientY: r.bottom });
  });
  document.addEventListener("mouseleave", function () { tip.style.display = "none"; });
})();
"""


@claimtrack.hookimpl
def claimtrack_register_exporters(register: Callable[..., None]) -> None:
    """Register the ``timeline`` exporter."""
    register(
        "timeline",
        write_timeline,
        description="a self-contained HTML page: tracked promises as bars over their due windows",
        extension="html",
        rows="promise",
    )


def esc(value: object) -> str:
    """Text for HTML or SVG content and attribute values, quotes included."""
    return html.escape("" if value is None else str(value), quote=True)


def write_timeline(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """Write the timeline page of the commitments in ``standings`` to ``stream``."""
    stream.write(render_timeline(standings, as_of))


def render_timeline(
    standings: Sequence[Standing], as_of: datetime, *, title: str = "Commitments timeline"
) -> str:
    """The whole page as a string."""
    rows = [s for s in standings if s.status is not None]
    dated = [s for s in rows if _dated(s)]
    undated = [s for s in rows if not _dated(s)]
    counts: dict[Status, int] = {}
    for row in rows:
        assert row.status is not None
        counts[row.status] = counts.get(row.status, 0) + 1
    summary = ", ".join(f"{n} {LABELS[s]}" for s, n in sorted(counts.items(), key=_status_order))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="claimtrack-timeline ' + esc(__version__) + '">',
        f"<title>{esc(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="asof">As of {esc(_when(as_of))} · {len(rows)} promise(s)'
        + (f": {esc(summary)}" if summary else "")
        + "</p>",
        _legend(counts, any(s.claim.due is not None and s.claim.due.vague for s in dated)),
    ]
    if dated:
        parts.append(_chart(dated, as_of))
    else:
        parts.append('<p class="empty">No commitment has a dated due window yet.</p>')
    if undated:
        parts.append(f"<h2>Undated ({len(undated)})</h2>")
        parts.append(_table(undated))
    parts += [
        '<div id="tip" role="tooltip"></div>',
        "<footer>Made by claimtrack-timeline "
        + esc(__version__)
        + ". Hover over a bar (or focus it) for the quote.</footer>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _dated(row: Standing) -> bool:
    due = row.claim.due
    return due is not None and due.start is not None and due.end is not None


def _status_order(item: tuple[Status, int]) -> int:
    return list(COLOURS).index(item[0])


def _legend(counts: dict[Status, int], vague: bool) -> str:
    items = [
        f'<li><span class="swatch" style="background:{COLOURS[s]}"></span>'
        f"{esc(LABELS[s])} ({counts.get(s, 0)})</li>"
        for s in COLOURS
    ]
    if vague:
        items.append('<li><span class="swatch vague"></span>vague window</li>')
    return '<ul class="legend" aria-label="Legend">' + "".join(items) + "</ul>"


def _actor(row: Standing) -> str:
    claim = row.claim
    who = claim.actor or claim.speaker
    return who.name if who is not None else "Unknown"


def _groups(rows: Sequence[Standing]) -> list[tuple[str, list[Standing]]]:
    by_actor: dict[str, list[Standing]] = {}
    for row in rows:
        by_actor.setdefault(_actor(row), []).append(row)
    for items in by_actor.values():
        items.sort(key=lambda r: (r.claim.due.start, r.claim.due.end, r.claim.id))  # type: ignore[union-attr]
    return sorted(by_actor.items(), key=lambda kv: kv[0].casefold())


def _chart(rows: Sequence[Standing], as_of: datetime) -> str:
    starts = [r.claim.due.start for r in rows if r.claim.due and r.claim.due.start]
    ends = [r.claim.due.end for r in rows if r.claim.due and r.claim.due.end]
    lo, hi = min([*starts, as_of]), max([*ends, as_of])
    pad = max((hi - lo) * 0.03, timedelta(hours=12))
    lo, hi = _shifted(lo, -pad), _shifted(hi, pad)
    span = (hi - lo).total_seconds()
    chart_w = WIDTH - LABEL_W - RIGHT_PAD

    def x(when: datetime) -> float:
        return LABEL_W + (when - lo).total_seconds() / span * chart_w

    groups = _groups(rows)
    height = AXIS_H + sum(GROUP_H + ROW_H * len(items) for _, items in groups) + 12
    out = [
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="Commitments on a time axis, grouped by who must act">'
    ]
    for tick, label in _ticks(lo, hi):
        tx = x(tick)
        out.append(
            f'<line class="tick" x1="{tx:.1f}" y1="{AXIS_H - 8}" x2="{tx:.1f}" y2="{height}"/>'
        )
        out.append(
            f'<text class="ticklabel" x="{tx + 3:.1f}" y="{AXIS_H - 14}">{esc(label)}</text>'
        )
    y = AXIS_H
    for actor, items in groups:
        out.append(
            f'<line class="grouprule" x1="0" y1="{y + 2}" x2="{WIDTH}" y2="{y + 2}"/>'
            f'<text class="group" x="4" y="{y + 21}">{esc(_short(actor, 40))}</text>'
        )
        y += GROUP_H
        for row in items:
            out.append(_bar(row, x, y))
            y += ROW_H
    ax = x(as_of)
    out.append(
        f'<line class="asofline" x1="{ax:.1f}" y1="{AXIS_H - 30}" x2="{ax:.1f}" y2="{height}"/>'
    )
    anchor = "end" if ax > WIDTH - 120 else "start"
    offset = -4 if anchor == "end" else 4
    out.append(
        f'<text class="asoflabel" x="{ax + offset:.1f}" y="{AXIS_H - 32}" '
        f'text-anchor="{anchor}">as of {esc(f"{as_of:%d %b %Y}")}</text>'
    )
    out.append("</svg>")
    return "\n".join(out)


def _shifted(moment: datetime, by: timedelta) -> datetime:
    # A window at the edge of the calendar (year 1, a feed's junk) pads to the edge.
    try:
        return moment + by
    except OverflowError:
        edge = datetime.min if by < timedelta(0) else datetime.max
        return edge.replace(tzinfo=moment.tzinfo)


def _bar(row: Standing, x: Callable[[datetime], float], y: int) -> str:
    claim = row.claim
    due = claim.due
    assert due is not None and due.start is not None and due.end is not None
    assert row.status is not None
    x0, x1 = x(due.start), x(due.end)
    width = max(x1 - x0, 4.0)
    what = claim.action or claim.text
    tip = tooltip(row)
    vague = " vague" if due.vague else ""
    bar_y = y + (ROW_H - BAR_H) / 2
    parts = [
        f'<g class="bar{vague}" tabindex="0" data-status="{esc(row.status.value)}" '
        f'data-claim="{esc(claim.id)}" data-tip="{esc(tip)}">',
        f"<title>{esc(tip)}</title>",
        f'<text class="label" x="14" y="{y + ROW_H / 2 + 4:.1f}">{esc(_short(what, MAX_LABEL))}</text>',
        f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{width:.1f}" height="{BAR_H}" rx="3" '
        f'fill="{COLOURS[row.status]}"/>',
    ]
    if row.progress is not None and width > 70:
        parts.append(
            f'<text class="progress" x="{x0 + 5:.1f}" y="{bar_y + 12:.1f}">'
            f"{esc(row.progress.value.replace('_', ' '))}</text>"
        )
    parts.append("</g>")
    return "".join(parts)


def tooltip(row: Standing) -> str:
    """The hover text of a commitment: the quote, who said it, what is due when, status."""
    claim = row.claim
    lines = [f"“{claim.text}”"]
    speaker = claim.speaker.name if claim.speaker else "unknown speaker"
    said = f", {claim.asserted_at:%d %b %Y}" if claim.asserted_at else ""
    lines.append(f"— {speaker}{said}")
    if claim.action:
        lines.append(f"{_actor(row)}: {claim.action}")
    if claim.due is not None:
        lines.append(
            f"Due: {claim.due.text or '?'} ({_window(row)})"
            + (" — vague" if claim.due.vague else "")
        )
    if claim.condition:
        lines.append(f"If: {claim.condition}")
    status = LABELS[row.status] if row.status else "?"
    if row.progress is not None:
        status += f" ({row.progress.value.replace('_', ' ')})"
    lines.append(f"Status: {status}")
    if row.decided_by is not None and (row.decided_by.note or row.decided_by.uri):
        lines.append(
            "Evidence: " + " · ".join(x for x in (row.decided_by.note, row.decided_by.uri) if x)
        )
    if row.source is not None:
        lines.append("Source: " + " · ".join(x for x in (row.source.title, row.source.uri) if x))
    facts = promise_facts(row)
    if facts:
        lines.append(facts)
    return "\n".join(lines)


def promise_facts(row: Standing) -> str:
    """ "3 mentions in 2 sources · first seen 03 Mar 2025 · revises 1a2b3c4d" for a
    promise's row ("" for a row that is no promise)."""
    p = row.promise
    if p is None:
        return ""
    parts = [p.mentions_phrase]
    if p.first_seen is not None:
        parts.append(f"first seen {p.first_seen:%d %b %Y}")
    parts += [f"{kind} {other[:8]}" for kind, other in p.relations]
    return " · ".join(parts)


def _table(rows: Sequence[Standing]) -> str:
    out = [
        "<table><thead><tr><th>status</th><th>who must act</th><th>what</th>"
        "<th>said</th><th>mentions</th><th>source</th></tr></thead><tbody>"
    ]
    for row in sorted(rows, key=lambda r: (_actor(r).casefold(), r.claim.id)):
        assert row.status is not None
        claim = row.claim
        status = LABELS[row.status] + (
            f" ({row.progress.value.replace('_', ' ')})" if row.progress else ""
        )
        source = row.source
        link = ""
        if source is not None and source.uri:
            name = source.title or source.uri
            url = safe_url(source.uri)  # a javascript: or data: URL is shown, not linked
            if url is not None:
                link = f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(name)}</a>'
            else:
                link = esc(name)
        elif source is not None and source.title:
            link = esc(source.title)
        due = f" <small>({esc(claim.due.text)})</small>" if claim.due and claim.due.text else ""
        out.append(
            f'<tr data-tip="{esc(tooltip(row))}" title="{esc(tooltip(row))}">'
            f'<td><span class="status" style="background:{COLOURS[row.status]}">{esc(status)}</span></td>'
            f"<td>{esc(_actor(row))}</td><td>{esc(claim.action or claim.text)}{due}</td>"
            f"<td>“{esc(claim.text)}” — {esc(claim.speaker.name if claim.speaker else '?')}</td>"
            f"<td>{esc(promise_facts(row))}</td><td>{link}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _ticks(lo: datetime, hi: datetime) -> Iterator[tuple[datetime, str]]:
    """Axis ticks between ``lo`` and ``hi``: days, Mondays, months or years, whichever
    gives a readable number of them."""
    days = (hi - lo).total_seconds() / 86400
    tz = lo.tzinfo or timezone.utc
    start = datetime(lo.year, lo.month, lo.day, tzinfo=tz)
    if days <= 16:
        tick = start
        while tick <= hi:
            if tick >= lo:
                yield tick, f"{tick:%a %d %b}"
            tick += timedelta(days=1)
    elif days <= 120:
        tick = start + timedelta(days=(7 - start.weekday()) % 7)
        while tick <= hi:
            yield tick, f"{tick:%d %b}"
            tick += timedelta(days=7)
    elif days <= 1100:
        step = 1 if days <= 400 else 3
        year, month = lo.year, lo.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            if (month - 1) % step:
                continue
            tick = datetime(year, month, 1, tzinfo=tz)
            if tick > hi:
                break
            yield (
                tick,
                f"{calendar.month_abbr[month]} {year}"
                if month == 1 or step > 1
                else f"{calendar.month_abbr[month]}",
            )
    else:
        # About twenty ticks at most, however many centuries the windows span.
        step = max(1, (hi.year - lo.year) // 20)
        for year in range(lo.year + 1, hi.year + 1, step):
            yield datetime(year, 1, 1, tzinfo=tz), str(year)


def _window(row: Standing) -> str:
    due = row.claim.due
    if due is None or due.start is None or due.end is None:
        return "no dates"
    last = due.end - timedelta(microseconds=1)
    if due.start.date() == last.date():
        return f"{due.start:%d %b %Y}"
    return f"{due.start:%d %b} – {last:%d %b %Y}"


def _when(moment: datetime) -> str:
    return f"{moment:%d %B %Y, %H:%M} {moment.tzname() or ''}".strip()


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

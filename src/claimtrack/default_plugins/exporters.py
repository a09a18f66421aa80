"""Built-in exporters: json, jsonl, csv and markdown, all from the one claim record."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TextIO

from ..hookspecs import hookimpl
from ..records import dumps_line, standing_record
from ..sanitize import markdown_text
from ..status import Standing

CSV_COLUMNS = (
    "id",
    "kind",
    "status",
    "progress",
    "speaker",
    "actor",
    "action",
    "due_text",
    "due_start",
    "due_end",
    "condition",
    "text",
    "cue",
    "direct",
    "confidence",
    "source_id",
    "source_title",
    "source_uri",
    "source_publisher",
    "source_reporter",
    "published_at",
    "asserted_at",
    "span_start",
    "span_end",
    "sentence",
    "extractor",
    "rules",
    "verdict",
    "verdict_reason",
    "verdict_by",
    "verdict_recorder",
    "verdict_confidence",
    "verdict_rule",
    "verdict_excerpt",
    "verdicts",
    "suggestions",
)
#: What a spreadsheet may take as the start of a formula (OWASP "CSV injection"),
#: including the full-width forms some spreadsheets fold to ASCII.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def write_json(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """One JSON object: ``as_of`` and ``claims`` (claim records)."""
    doc = {"as_of": as_of.isoformat(), "claims": [standing_record(s) for s in standings]}
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_jsonl(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """One claim record a line (the public JSON Lines record)."""
    for s in standings:
        stream.write(dumps_line(standing_record(s)))
        stream.write("\n")


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula: text that begins (after
    any spaces) with = + - @ or a tab, CR or LF gets a leading apostrophe.  Numbers and
    booleans claimtrack wrote itself pass unchanged."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float)):
        return str(value)
    text = str(value)
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def flat_row(s: Standing) -> dict[str, Any]:
    """A claim record flattened to the CSV columns."""
    r = standing_record(s)
    due = r["due"] or {}
    return {
        "id": r["id"],
        "kind": r["kind"],
        "status": r.get("status"),
        "progress": r.get("progress"),
        "speaker": (r["speaker"] or {}).get("name"),
        "actor": (r["actor"] or {}).get("name"),
        "action": r["action"],
        "due_text": due.get("text"),
        "due_start": due.get("start"),
        "due_end": due.get("end"),
        "condition": r["condition"],
        "text": r["text"],
        "cue": r["cue"],
        "direct": r["direct"],
        "confidence": r["confidence"],
        "source_id": r["source"]["id"],
        "source_title": r["source"]["title"],
        "source_uri": r["source"]["uri"],
        # The outlet and the reporter, apart from the speaker (who said the claim).
        "source_publisher": r["source"].get("publisher"),
        "source_reporter": r["source"].get("reporter"),
        "published_at": r["source"]["published_at"],
        "asserted_at": r["asserted_at"],
        "span_start": r["span"][0],
        "span_end": r["span"][1],
        "sentence": r["sentence"],
        "extractor": r["extractor"],
        # Rule names are identifiers (no spaces): one cell, space-separated.
        "rules": " ".join(r["rules"]),
        # The verdict that decides the status (a checker's says so in verdict_recorder),
        # and every verdict known, one "verdict by recorder" a line.
        **_deciding(r),
        "verdicts": "\n".join(
            f"{v['verdict']} by {v['recorded_by']} ({v['recorder']}"
            + (f", {v['confidence']:.0%}" if v["confidence"] is not None else "")
            + (f", rule {v['rule']}" if v["rule"] else "")
            + ")"
            for v in r["verdicts"]
        ),
        "suggestions": " ".join(r.get("suggestions") or ()),
    }


def _deciding(r: dict[str, Any]) -> dict[str, Any]:
    v = next((v for v in r["verdicts"] if v["id"] == r["decided_by"]), None)
    if v is None:
        return {k: None for k in CSV_COLUMNS if k.startswith("verdict_") or k == "verdict"}
    return {
        "verdict": v["verdict"],
        "verdict_reason": v["reason"],
        "verdict_by": v["recorded_by"],
        "verdict_recorder": v["recorder"],
        "verdict_confidence": v["confidence"],
        "verdict_rule": v["rule"],
        "verdict_excerpt": v["excerpt"],
    }


def write_csv(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """A spreadsheet of claims; cells beginning = + - @ are neutralised."""
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for s in standings:
        row = flat_row(s)
        writer.writerow([safe_cell(row[c]) for c in CSV_COLUMNS])


def _md(value: object) -> str:
    """A Markdown table cell showing ``value`` literally: nothing in it renders as
    markup or HTML, and it stays on one line (:func:`claimtrack.sanitize.markdown_text`)."""
    return markdown_text(value)


def write_markdown(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """A Markdown table of every claim, commitments first."""
    stream.write(f"# Claims as of {as_of:%Y-%m-%d %H:%M %Z}\n\n")
    stream.write("| kind | status | speaker | who must act | what | due | claim |\n")
    stream.write("| --- | --- | --- | --- | --- | --- | --- |\n")
    order = {"commitment": 0, "demand": 1, "prediction": 2, "statement": 3}
    for s in sorted(
        standings, key=lambda s: (order[s.claim.kind.value], s.claim.source_id, s.claim.span)
    ):
        c = s.claim
        due = c.due.text if c.due else ""
        if c.due and c.due.start and c.due.end:
            due += f" ({c.due.start:%Y-%m-%d} – {c.due.end:%Y-%m-%d})"
        cells = [
            c.kind.value,
            s.status.value if s.status else "",
            c.speaker.name if c.speaker else "",
            c.actor.name if c.actor else "",
            c.action,
            due,
            c.text,
        ]
        stream.write("| " + " | ".join(_md(x) for x in cells) + " |\n")


@hookimpl
def claimtrack_register_exporters(register: Callable[..., None]) -> None:
    """Register json, jsonl, csv and markdown."""
    register(
        "json", write_json, description="one JSON object with every claim record", extension="json"
    )
    register(
        "jsonl", write_jsonl, description="JSON Lines: one claim record a line", extension="jsonl"
    )
    register("csv", write_csv, description="a spreadsheet, one claim a row", extension="csv")
    register("markdown", write_markdown, description="a Markdown table of claims", extension="md")

"""The JSON claim record: claimtrack's one wire format (DESIGN.md, "The JSON Lines claim
record"; ``claim-record.schema.json`` is its schema).

``claim_record`` turns a claim into the public record; ``claim_from_record`` reads one
back, so a record survives the store and the exporters unchanged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .model import Actor, Claim, Evidence, Progress, Source, SourceRef, Status, TimeWindow
from .status import Standing
from .timeutil import iso

__all__ = [
    "actor_record",
    "claim_from_record",
    "claim_record",
    "dumps_line",
    "evidence_record",
    "rule_of",
    "source_record",
    "standing_record",
    "store_record",
    "verdict_record",
    "window_from_record",
    "window_record",
]


def _dt(value: object) -> datetime | None:
    if value is None or value == "":
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    """``{"id", "name"}`` or None."""
    return None if actor is None else {"id": actor.id, "name": actor.name}


def window_record(window: TimeWindow | None) -> dict[str, Any] | None:
    """``{"text", "start", "end", "grain", "vague"}`` or None."""
    if window is None:
        return None
    return {
        "text": window.text,
        "start": iso(window.start),
        "end": iso(window.end),
        "grain": None if window.grain is None else window.grain.value,
        "vague": window.vague,
    }


def window_from_record(
    data: Mapping[str, Any] | None, reference: datetime | None = None
) -> TimeWindow | None:
    """The inverse of :func:`window_record`."""
    if data is None:
        return None
    # The store writes "reference" (even when None); a public record has none, so
    # the claim's asserted_at stands in.
    ref = _dt(data["reference"]) if "reference" in data else reference
    return TimeWindow(
        start=_dt(data.get("start")),
        end=_dt(data.get("end")),
        grain=data.get("grain"),
        text=data.get("text") or "",
        reference=ref,
        vague=bool(data.get("vague", False)),
    )


def source_record(source: Source | SourceRef | None, source_id: str) -> dict[str, Any]:
    """The ``source`` member of a claim record: its id, address, title, publication
    time, outlet (``publisher``) and ``reporter`` (who wrote it, apart from the speaker
    of the claim and the outlet)."""
    if source is None:
        return {
            "id": source_id,
            "uri": None,
            "title": None,
            "published_at": None,
            "publisher": None,
            "reporter": None,
        }
    return {
        "id": source.id,
        "uri": source.uri,
        "title": source.title,
        "published_at": iso(source.published_at),
        "publisher": source.publisher,
        "reporter": source.reporter,
    }


def claim_record(
    claim: Claim,
    source: Source | SourceRef | None = None,
    *,
    status: Status | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """The public JSON record of ``claim`` (keys in the documented order).

    ``status`` and ``progress`` appear for commitments only."""
    record: dict[str, Any] = {
        "id": claim.id,
        "source": source_record(source, claim.source_id),
        "kind": claim.kind.value,
        "speaker": actor_record(claim.speaker),
        "cue": claim.cue,
        "direct": claim.direct,
        "text": claim.text,
        "span": [claim.span[0], claim.span[1]],
        "sentence": claim.sentence,
        "asserted_at": iso(claim.asserted_at),
        "actor": actor_record(claim.actor),
        "action": claim.action,
        "due": window_record(claim.due),
        "condition": claim.condition,
        "confidence": round(claim.confidence, 4),
        "confidences": {
            k: (None if v is None else round(v, 4)) for k, v in claim.confidences.items()
        },
        "extractor": claim.extractor,
        "rules": list(claim.rules),
    }
    if claim.is_tracked:
        record["status"] = None if status is None else status.value
        record["progress"] = None if progress is None else progress.value
    return record


def store_record(claim: Claim, source: Source | SourceRef | None = None) -> dict[str, Any]:
    """The record the store keeps for ``claim``: the public record without status, plus
    what the public record leaves out or rounds (actors' kinds and aliases, the due
    window's reference, unrounded confidences).  :func:`claim_from_record`
    reads it back into an equal claim."""
    record = claim_record(claim, source)
    record.pop("status", None)
    record.pop("progress", None)
    for key, actor in (("speaker_detail", claim.speaker), ("actor_detail", claim.actor)):
        if actor is not None:
            record[key] = {"kind": actor.kind.value, "aliases": list(actor.aliases)}
    if claim.due is not None:
        record["due"]["reference"] = iso(claim.due.reference)
    record["exact"] = {"confidence": claim.confidence, "confidences": dict(claim.confidences)}
    return record


#: Characters JSON leaves raw that some readers (Python's str.splitlines) take as line
#: breaks; escaped so one record is always one line.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def dumps_line(record: Mapping[str, Any]) -> str:
    """``record`` as one line of JSON (UTF-8 kept readable; only the characters that
    some readers take as line breaks are escaped).  What ``extract --format jsonl`` and
    the jsonl exporter print."""
    text = json.dumps(record, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text


def standing_record(row: Standing) -> dict[str, Any]:
    """The claim record of a :class:`Standing`, with its status and progress; a claim
    that is a mention of a tracked promise also carries ``commitment`` (the promise's
    id) and that promise's status and progress."""
    record = claim_record(row.claim, row.source, status=row.status, progress=row.progress)
    if row.promise is not None:
        record["commitment"] = row.promise.id
        record["status"] = None if row.status is None else row.status.value
        record["progress"] = None if row.progress is None else row.progress.value
        record["suggestions"] = list(row.promise.suggestions)
    # Every verdict known by then, a checker's marked by ``recorder`` / ``by_checker``.
    record["verdicts"] = [verdict_record(e) for e in row.evidence]
    record["decided_by"] = None if row.decided_by is None else row.decided_by.id
    return record


def _actor_from(
    data: Mapping[str, Any] | None, extra: Mapping[str, Any] | None = None
) -> Actor | None:
    if not data:
        return None
    extra = extra or {}
    return Actor(
        id=data["id"],
        name=data["name"],
        kind=extra.get("kind", data.get("kind", "unknown")),
        aliases=tuple(extra.get("aliases", data.get("aliases", ()))),
    )


def claim_from_record(data: Mapping[str, Any]) -> Claim:
    """Rebuild a :class:`Claim` from its record (as :func:`claim_record` wrote it, plus
    the optional store-only keys ``speaker_detail``, ``actor_detail``, ``due.reference``
    and ``exact``), so a claim survives the store unchanged.  A record written before
    claims had ``rules`` reads as having none."""
    source = data.get("source") or {}
    exact: Mapping[str, Any] = data.get("exact") or {}
    return Claim(
        id=data["id"],
        source_id=str(
            source["id"] if isinstance(source, Mapping) and source.get("id") else data["source_id"]
        ),
        kind=data["kind"],
        text=data["text"],
        span=tuple(data["span"]),
        speaker=_actor_from(data.get("speaker"), data.get("speaker_detail")),
        sentence=data.get("sentence") or "",
        cue=data.get("cue"),
        direct=bool(data.get("direct", False)),
        asserted_at=_dt(data.get("asserted_at")),
        actor=_actor_from(data.get("actor"), data.get("actor_detail")),
        action=data.get("action"),
        due=window_from_record(data.get("due"), _dt(data.get("asserted_at"))),
        condition=data.get("condition"),
        # "exact" (store-only) keeps the unrounded confidences the public record rounds.
        confidence=exact.get("confidence", data.get("confidence", 0.5)),
        confidences=exact.get("confidences", data.get("confidences") or {}),
        extractor=data.get("extractor"),
        rules=tuple(data.get("rules") or ()),
    )


def evidence_record(evidence: Evidence) -> dict[str, Any]:
    """One evidence entry as JSON."""
    return {
        "id": evidence.id,
        "claim_id": evidence.claim_id,
        "verdict": evidence.verdict.value,
        "reason": evidence.reason,
        "source_id": evidence.source_id,
        "uri": evidence.uri,
        "excerpt": evidence.excerpt,
        "happened_at": iso(evidence.happened_at),
        "known_at": iso(evidence.known_at),
        "recorded_at": iso(evidence.recorded_at),
        "recorded_by": evidence.recorded_by,
        "recorder": evidence.recorder.value,
        "confidence": evidence.confidence,
        "note": evidence.note,
    }


def verdict_record(evidence: Evidence) -> dict[str, Any]:
    """One verdict as the records show it: the evidence entry with ``rule`` (the rule
    that decided it, from its note; None for a person's) and ``by_checker``."""
    return {
        **evidence_record(evidence),
        "rule": rule_of(evidence),
        "by_checker": evidence.recorder.value == "checker",
    }


_RULE = re.compile(r"^rule ([\w.-]+):")


def rule_of(evidence: Evidence) -> str | None:
    """The name of the rule that decided ``evidence`` (a checker's note starts ``rule
    NAME:``), else None (a person's verdict, a plugin that names none)."""
    found = _RULE.match(evidence.note or "")
    return found.group(1) if found else None

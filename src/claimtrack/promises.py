"""A promise's reading and its public record, from its mentions and a person's edits:
pure functions (no SQL), used by the store when it writes a promise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import attrs

from .model import Actor, Claim, TimeWindow, slugify
from .records import claim_record, window_from_record, window_record
from .timeutil import iso

__all__ = ["actor_for", "effective_claim", "promise_record", "window_for"]


def effective_claim(
    first: Claim, mentions: Sequence[Claim], edits: Sequence[Mapping[str, Any]]
) -> Claim:
    """The promise's reading: the mention with the most precise firm window (the first
    mention when none has one, or on a tie), then a person's edits applied in the
    order they were made."""
    claim = first
    best: float | None = None
    for c in mentions:
        due = c.due
        if due is None or due.start is None or due.end is None or due.vague:
            continue
        width = (due.end - due.start).total_seconds()
        if best is None or width < best:
            claim, best = c, width
    for edit in edits:
        fields = edit.get("set", {})
        changes: dict[str, Any] = {}
        if "kind" in fields:
            changes["kind"] = fields["kind"]
        if "actor" in fields:
            a = fields["actor"]
            changes["actor"] = Actor(id=a["id"], name=a["name"])
        if "action" in fields:
            changes["action"] = fields["action"]
        if "due" in fields:
            changes["due"] = window_from_record(fields["due"])
        if "condition" in fields:
            changes["condition"] = fields["condition"]
        claim = attrs.evolve(claim, **changes)
    return claim


def actor_for(name: str) -> dict[str, str]:
    """The actor record an edit's ``--actor NAME`` stores."""
    return {"id": slugify(name), "name": name.strip()}


def window_for(window: TimeWindow) -> dict[str, Any]:
    """The due record an edit's ``--due`` stores (with its reference)."""
    record = window_record(window)
    assert record is not None
    record["reference"] = iso(window.reference)
    return record


def promise_record(
    pid: str,
    reading: Claim,
    mentions: Sequence[tuple[Claim, Mapping[str, Any], str, str | None]],
    first_seen: datetime | None,
    relations: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The public record of a promise, without status: the claim record of its reading
    (id: the promise's), then ``mentions`` (each: claim id, source, text, sentence, span,
    speaker, asserted_at, rule, joined), ``first_seen`` and ``relations``."""
    source = mentions[0][1] if mentions else None
    record = claim_record(attrs.evolve(reading, id=pid))
    if source is not None:
        record["source"] = dict(source)
    record.pop("status", None)
    record.pop("progress", None)
    record["mentions"] = [
        {
            "id": c.id,
            "source": dict(src),
            "text": c.text,
            "sentence": c.sentence,
            "span": [c.span[0], c.span[1]],
            "speaker": None if c.speaker is None else {"id": c.speaker.id, "name": c.speaker.name},
            "asserted_at": iso(c.asserted_at),
            "rule": rule,
            "joined": joined,
        }
        for c, src, rule, joined in mentions
    ]
    record["first_seen"] = iso(first_seen)
    record["relations"] = [dict(r) for r in relations]
    return record

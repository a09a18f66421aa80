"""``claimtrack show``: one promise or claim with its source, status, mentions, verdict
history, suggestions and corrections, as text or JSON.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import click
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .cli_host import handle_errors
from .cli_options import as_of_option, console, tracker_of
from .cli_promises import print_promise, print_suggestions
from .errors import NotFoundError
from .model import ClaimKind, RecorderKind
from .records import evidence_record, standing_record
from .report import due_phrase
from .tracker import ClaimHistory
from .tracker_check import rule_of

__all__ = ["register", "show"]


@click.command()
@click.argument("claim_id")
@as_of_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
@handle_errors
def show(ctx: click.Context, claim_id: str, as_of: datetime | None, fmt: str) -> None:
    """One promise (or claim): its reading, source, status, every mention (with the
    rule that grouped it), its relations, the whole dated verdict history and every
    correction a person made.  CLAIM_ID is a promise id, a claim id or a unique prefix
    of either; a claim that is no promise's mention (a statement) is shown alone."""
    tracker = tracker_of(ctx, read_only=True)
    try:
        p = tracker.show_promise(claim_id, as_of)
    except NotFoundError:
        p = None
    if p is not None:
        retracted = tracker.store.retracted()
        if fmt == "json":
            doc = tracker.store.promise_record(p.standing.claim.id)
            st = p.standing
            doc["status"] = None if st.status is None else st.status.value
            doc["progress"] = None if st.progress is None else st.progress.value
            doc["history"] = [
                {**evidence_record(e), "retracted": e.id in retracted} for e in p.evidence
            ]
            doc["suggestions"] = [
                {
                    **evidence_record(s.evidence),
                    "id": s.label,
                    "rule": rule_of(s.evidence),
                    "answer": s.answer,
                    "answered_by": s.answered_by,
                }
                for s in tracker.suggestions([p.standing.claim.id], pending=False).get(
                    p.standing.claim.id, []
                )
            ]
            doc["corrections"] = [
                {
                    "id": c.id,
                    "command": c.command,
                    "typed": c.typed,
                    "note": c.note,
                    "recorded_by": c.recorded_by,
                    "recorded_at": c.recorded_at.isoformat(),
                }
                for c in p.corrections
            ]
            click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
            return
        con = console()
        _print_history(
            ClaimHistory(claim=p.claim, source=p.source, evidence=p.evidence, standing=p.standing),
            con,
            retracted,
        )
        print_promise(p, con, _when)
        # The suggestions known by --as-of, as the history shows what was known then.
        print_suggestions(
            [
                s
                for s in tracker.suggestions([p.standing.claim.id], pending=False).get(
                    p.standing.claim.id, []
                )
                if s.evidence.known_at <= p.standing.as_of
            ],
            con,
            _when,
        )
        return
    h = tracker.show(claim_id, as_of)
    if fmt == "json":
        doc = standing_record(h.standing)
        doc["history"] = [evidence_record(e) for e in h.evidence]
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    _print_history(h, console())


def _print_history(
    h: ClaimHistory, con: Console, retracted: frozenset[int] | set[int] = frozenset()
) -> None:
    # Label-value grids: long values wrap under themselves at any width, and claim text
    # is printed as text (a "[peace]" in a quote is not rich markup).
    c = h.claim
    row = h.standing
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")

    def line(label: str, value: str | Text) -> None:
        facts.add_row(label, value if isinstance(value, Text) else Text(value))

    con.print(Text.assemble((c.id, "bold"), f"  {c.kind.value}"))
    line("said by", (c.speaker.name if c.speaker else "?") + (f" ({c.cue})" if c.cue else ""))
    line("claim", f"“{c.text}”")
    if c.sentence and c.sentence != c.text:
        line("sentence", c.sentence)
    src = h.source
    when = (
        f"{src.published_at:%d %b %Y %H:%M %Z}" if src.published_at else "publication time unknown"
    )
    line(
        "source", " · ".join(x for x in (src.title or src.uri or src.id, src.publisher, when) if x)
    )
    if src.uri:
        line("", src.uri)
    if src.reporter:
        line("reported by", src.reporter)  # the byline: not the speaker, not the outlet
    if c.kind is not ClaimKind.STATEMENT:
        line("who acts", c.actor.name if c.actor else "?")
        line("what", c.action or "?")
        line("by when", due_phrase(row))
        if c.condition:
            line("condition", c.condition)
    if c.extractor:
        rules = f" (rules: {', '.join(c.rules)})" if c.rules else ""
        line("found by", f"{c.extractor}{rules}")
    if row.status is not None:
        status = Text(row.status.value, style="bold")
        if row.progress:
            status.append(f" · {row.progress.value}")
        status.append(f"  as of {_when(row.as_of)}")
        if row.decided_by is not None:
            status.append(f", decided by #{row.decided_by.id}")
        line("status", status)
    if not h.evidence:
        line("history", "no evidence recorded")
    con.print(Padding(facts, (0, 0, 0, 2)))
    if not h.evidence:
        return
    con.print(Text(f"History ({len(h.evidence)}, oldest first)", style="bold"))
    history = Table.grid(padding=(0, 2))
    history.add_column(no_wrap=True, justify="right")
    history.add_column(overflow="fold")
    for e in h.evidence:
        block = Text(e.verdict.value, style="bold")
        if e.id in retracted:
            block.append(" (retracted)", style="dim")
        if e.reason:
            block.append(f" ({e.reason})")
        if e.recorder is RecorderKind.IMPORTED:  # another fact-checker's review
            block.append(f" — per {e.recorded_by} (imported review")
        else:
            block.append(f" — {e.recorded_by} ({e.recorder.value}")
        block.append(f", confidence {e.confidence:.0%})" if e.confidence is not None else ")")
        if e.known_at > row.as_of:
            block.append(f"  not yet known as of {row.as_of:%d %b %Y}", style="dim")
        dates = [f"known {_when(e.known_at)}", f"recorded {_when(e.recorded_at)}"]
        if e.happened_at is not None:
            dates.insert(0, f"happened {_when(e.happened_at)}")
        block.append("\n" + " · ".join(dates))
        for part in (f"“{e.excerpt}”" if e.excerpt else None, e.uri, e.note):
            if part:
                block.append("\n" + part)
        history.add_row(f"#{e.id}", block)
    con.print(Padding(history, (0, 0, 0, 2)))


def _when(moment: datetime) -> str:
    # Midnight and noon UTC are how a bare date was typed: show the date alone.
    if moment.utcoffset() == timedelta(0) and moment.hour in (0, 12) and moment.minute == 0:
        return f"{moment:%Y-%m-%d}"
    return f"{moment:%Y-%m-%d %H:%M %Z}".rstrip()


def register(cli: click.Group) -> None:
    """Add ``show`` to ``cli``."""
    cli.add_command(show)

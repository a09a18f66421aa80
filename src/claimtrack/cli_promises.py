"""The commands a person corrects the ledger with: ``edit``, ``merge``, ``split``,
``retract`` and ``add-claim``, and how ``show`` prints a promise.

Each is a thin layer over the :class:`claimtrack.Tracker` method of the same name.
Every ID accepts a promise id, a claim (mention) id, or a unique prefix of either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import click
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .cli_host import handle_errors
from .model import ClaimKind
from .store_promise_reads import Correction
from .store_suggestions import Suggestion
from .tracker import Tracker
from .tracker_corrections import PromiseHistory

__all__ = ["print_promise", "print_suggestions", "register"]

_KINDS = [k.value for k in ClaimKind]


def _done(c: Correction, what: str) -> None:
    click.echo(
        f"{what} (correction #{c.id} by {c.recorded_by}); `claimtrack show {c.promise_id[:8]}`"
    )


def register(
    cli: click.Group,
    tracker_of: Callable[[click.Context], Tracker],
    when_type: click.ParamType,  # type: ignore[type-arg]  # generic only in newer click
) -> None:
    """Add the correction commands to ``cli``."""

    @cli.command()
    @click.argument("id")
    @click.option("--kind", type=click.Choice(_KINDS), help="What the claim is.")
    @click.option("--actor", metavar="NAME", help="Who must act.")
    @click.option("--action", metavar="TEXT", help="What is to be done.")
    @click.option(
        "--due",
        metavar="PHRASE",
        help="By when: a phrase read against the promise's publication time (\"by the end of"
        ' March") or ISO dates (2025-03-20, 2025-03-17/2025-03-24: end exclusive).',
    )
    @click.option("--condition", metavar="TEXT", help="The condition it waits on.")
    @click.option("--no-condition", is_flag=True, help="It waits on no condition.")
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who makes the correction (default: your user name).")
    @click.pass_context
    @handle_errors
    def edit(
        ctx: click.Context,
        id: str,
        kind: str | None,
        actor: str | None,
        action: str | None,
        due: str | None,
        condition: str | None,
        no_condition: bool,
        note: str | None,
        by: str | None,
    ) -> None:
        """Correct how a promise was read: its kind, who must act, what, by when, its
        condition.  The correction is recorded (who, when, note) beside what was
        extracted, which stays as it was, and holds after re-extraction.

        \b
        Example:
          claimtrack edit 20f9afea --due 2025-03-20 --note "the body gives Thursday"
          claimtrack edit 20f9 --actor "coalition military chiefs"
        """
        c = tracker_of(ctx).edit(
            id,
            kind=kind,
            actor=actor,
            action=action,
            due=due,
            condition=condition,
            no_condition=no_condition,
            note=note,
            by=by,
        )
        _done(c, f"Edited {c.promise_id[:8]}: " + ", ".join(sorted(c.typed)))

    @cli.command()
    @click.argument("ids", nargs=-1, required=True)
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who makes the correction (default: your user name).")
    @click.pass_context
    @handle_errors
    def merge(ctx: click.Context, ids: tuple[str, ...], note: str | None, by: str | None) -> None:
        """Merge promises into the first ID: the others' mentions become its mentions.
        Promises of different actors are refused (edit the actor first if it was misread).

        \b
        Example:
          claimtrack merge 20f9afea 01fb0a05 --note "the planners' meeting is the chiefs' one"
        """
        c = tracker_of(ctx).merge(list(ids), note=note, by=by)
        _done(c, f"Merged {', '.join(i[:8] for i in c.args['from'])} into {c.promise_id[:8]}")

    @cli.command()
    @click.argument("id")
    @click.argument("mentions", nargs=-1, required=True, metavar="MENTION_ID...")
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who makes the correction (default: your user name).")
    @click.pass_context
    @handle_errors
    def split(
        ctx: click.Context, id: str, mentions: tuple[str, ...], note: str | None, by: str | None
    ) -> None:
        """Split MENTION_IDs (claim ids, or unique prefixes, from `claimtrack show ID`)
        off the promise ID into a promise of their own.

        \b
        Example:
          claimtrack split 20f9afea a166d525 --note "Thursday's meeting is another one"
        """
        c = tracker_of(ctx).split(id, list(mentions), note=note, by=by)
        _done(
            c,
            f"Split {len(c.args['claims'])} mention(s) off {c.promise_id[:8]} into {c.args['new'][:8]}",
        )

    @cli.command()
    @click.argument("id")
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who makes the correction (default: your user name).")
    @click.option("--known", type=when_type, help="From when the retraction counts (default: now).")
    @click.pass_context
    @handle_errors
    def retract(
        ctx: click.Context, id: str, note: str | None, by: str | None, known: datetime | None
    ) -> None:
        """Withdraw the latest verdict a person recorded on a promise (`claimtrack
        resolve`).  The verdict stays in the history, marked retracted; from --known on
        the status is derived without it.

        \b
        Example:
          claimtrack retract 20f9afea --note "the report we relied on was wrong"
        """
        c = tracker_of(ctx).retract(id, note=note, by=by, known=known)
        _done(c, f"Retracted {c.args['verdict']} (evidence #{c.evidence_id}) on {c.promise_id[:8]}")

    @cli.command("add-claim")
    @click.argument("source_id")
    @click.argument("text")
    @click.option("--kind", type=click.Choice(_KINDS), default="commitment", show_default=True)
    @click.option("--speaker", metavar="NAME", help="Who said it.")
    @click.option("--actor", metavar="NAME", help="Who must act (default: the speaker).")
    @click.option("--action", metavar="TEXT", help="What is to be done (default: TEXT).")
    @click.option("--due", metavar="PHRASE", help="By when (as for `claimtrack edit`).")
    @click.option("--condition", metavar="TEXT", help="The condition it waits on.")
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who records it (default: your user name).")
    @click.pass_context
    @handle_errors
    def add_claim(
        ctx: click.Context,
        source_id: str,
        text: str,
        kind: str,
        speaker: str | None,
        actor: str | None,
        action: str | None,
        due: str | None,
        condition: str | None,
        note: str | None,
        by: str | None,
    ) -> None:
        """Record by hand a claim the extractor missed.  TEXT is its exact words in the
        stored source SOURCE_ID (id or unique prefix; `claimtrack show` of any of its
        claims gives it).  It is grouped like any claim and never retired by
        re-extraction.

        \b
        Example:
          claimtrack add-claim d422a2d1 "chiefs will meet again in April" \\
              --speaker "Keir Starmer" --actor "military chiefs" --action "meet again" \\
              --due "in April"
        """
        c = tracker_of(ctx).add_claim(
            source_id,
            text,
            kind=kind,
            speaker=speaker,
            actor=actor,
            action=action,
            due=due,
            condition=condition,
            note=note,
            by=by,
        )
        _done(c, f"Added claim {c.args['claim'][:8]} to promise {c.promise_id[:8]}")

    @cli.command()
    @click.argument("suggestion")
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who confirms it (default: your user name).")
    @click.pass_context
    @handle_errors
    def confirm(ctx: click.Context, suggestion: str, note: str | None, by: str | None) -> None:
        """Confirm a checker's suggestion (SUGGESTION as `status` and `show` print it:
        s12): its verdict becomes yours, with its sentence, report and dates, counting
        from when the report was published.  `claimtrack retract` withdraws it again.

        \b
        Example:
          claimtrack confirm s12 --note "read the report: the reopening was put off"
        """
        ev, number = tracker_of(ctx).confirm(suggestion, note=note, by=by)
        click.echo(
            f"Confirmed {suggestion}: recorded {ev.verdict.value} (evidence #{ev.id}, correction"
            f" #{number} by {ev.recorded_by}); `claimtrack show {ev.claim_id[:8]}`"
        )

    @cli.command()
    @click.argument("suggestion")
    @click.option("--note", help="Why, in your own words.")
    @click.option("--by", help="Who sets it aside (default: your user name).")
    @click.pass_context
    @handle_errors
    def dismiss(ctx: click.Context, suggestion: str, note: str | None, by: str | None) -> None:
        """Set a checker's suggestion aside (SUGGESTION: s12): it stays stored, answered,
        and is no longer listed as waiting for you.

        \b
        Example:
          claimtrack dismiss s12 --note "the report is about another bridge"
        """
        number = tracker_of(ctx).dismiss(suggestion, note=note, by=by)
        click.echo(f"Dismissed {suggestion} (correction #{number})")


def _typed(c: Correction) -> str:
    parts = []
    if c.command in ("confirm", "dismiss"):
        return str(c.typed.get("suggestion", ""))
    for key, value in c.typed.items():
        if key in ("id", "ids", "mentions"):
            continue
        if value is True:
            parts.append(f"--{key.replace('_', '-')}")
        else:
            parts.append(f"--{key.replace('_', '-')} {value!r}")
    if c.command == "merge":
        parts.insert(0, " ".join(c.typed.get("ids", [])))
    if c.command == "split":
        parts.insert(0, f"{c.typed.get('id', '')} " + " ".join(c.typed.get("mentions", [])))
    return " ".join(p for p in parts if p)


def print_promise(h: PromiseHistory, con: Console, when: Callable[[datetime], str]) -> None:
    """The parts of ``show`` a promise adds: its mentions, relations and corrections."""
    con.print(Text(f"Mentions ({len(h.mentions)})", style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for m in h.mentions:
        src = m.get("source") or {}
        said = (m.get("speaker") or {}).get("name") or "?"
        why = m.get("rule") or ""
        if m.get("joined"):
            why += f", joined {str(m['joined'])[:8]}"
        block = Text(f"“{m.get('text', '')}”")
        # Speaker, then the source with its outlet and reporter (who wrote it).
        where = [src.get("title") or src.get("uri") or src.get("id"), src.get("publisher")]
        if src.get("reporter"):
            where.append(f"reported by {src['reporter']}")
        block.append(
            f"\n{said} · {' · '.join(str(w) for w in where if w)}"
            f" · {src.get('published_at') or 'time unknown'} · {why}",
            style="dim",
        )
        grid.add_row(str(m.get("id", ""))[:8], block)
    con.print(Padding(grid, (0, 0, 0, 2)))
    if h.relations:
        con.print(Text("Relations", style="bold"))
        for kind, other, rule in h.relations:
            con.print(Text(f"  {kind} {other[:8]}" + (f" (rule {rule})" if rule else "")))
    if h.corrections:
        con.print(Text(f"Corrections ({len(h.corrections)}, oldest first)", style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column(overflow="fold")
        for c in h.corrections:
            block = Text(c.command, style="bold")
            typed = _typed(c)
            if typed:
                block.append(f" {typed}")
            block.append(f" — {c.recorded_by}, {when(c.recorded_at)}")
            if c.known_at is not None:
                block.append(f" (counts from {when(c.known_at)})")
            if c.note:
                block.append(f"\n{c.note}")
            grid.add_row(f"#{c.id}", block)
        con.print(Padding(grid, (0, 0, 0, 2)))


def print_suggestions(
    found: Sequence[Suggestion], con: Console, when: Callable[[datetime], str]
) -> None:
    """The checker's suggestions on a promise, for ``show``: each with its confidence,
    rule, sentence, report, and what a person answered (or how to answer)."""
    if not found:
        return
    con.print(
        Text(f"Suggestions ({len(found)}, oldest first; they change no status)", style="bold")
    )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for s in found:
        e = s.evidence
        block = Text(e.verdict.value, style="bold")
        if e.reason:
            block.append(f" ({e.reason})")
        conf = f", confidence {e.confidence:.0%}" if e.confidence is not None else ""
        block.append(f" — {e.recorded_by} (checker{conf})")
        dates = [f"known {when(e.known_at)}", f"recorded {when(e.recorded_at)}"]
        if e.happened_at is not None:
            dates.insert(0, f"happened {when(e.happened_at)}")
        block.append("\n" + " · ".join(dates))
        for part in (f"“{e.excerpt}”" if e.excerpt else None, e.uri, e.note):
            if part:
                block.append("\n" + part)
        if s.answer is None:
            block.append(
                f"\nwaiting: `claimtrack confirm {s.label}` or `claimtrack dismiss {s.label}`",
                style="dim",
            )
        else:
            done = "confirmed" if s.answer == "confirm" else "dismissed"
            at = f", {when(s.answered_at)}" if s.answered_at else ""
            block.append(f"\n{done} by {s.answered_by}{at}", style="dim")
        grid.add_row(s.label, block)
    con.print(Padding(grid, (0, 0, 0, 2)))

"""``claimtrack resolve``: record a person's verdict on a promise
(:meth:`claimtrack.Tracker.resolve`) and say its status now.
"""

from __future__ import annotations

from datetime import datetime

import click

from .cli_host import handle_errors
from .cli_options import WhenType, tracker_of
from .errors import NotFoundError
from .model import Verdict
from .reasons import reasons_help

__all__ = ["register", "resolve"]


@click.command()
@click.argument("claim_id")
@click.argument("verdict", metavar="VERDICT")
@click.option("--evidence", metavar="URI", help="Where the evidence is (a URL or a file).")
@click.option("--note", help="A note in your own words.")
@click.option(
    "--reason",
    metavar="CODE",
    help=f"Why it was broken, annulled or only partly kept, one of: {reasons_help()} "
    "(your own words go to --note).",
)
@click.option("--happened", type=WhenType(), help="When it happened.")
@click.option(
    "--known", type=WhenType(), help="When it became known (default: now); it counts from then."
)
@click.option("--by", help="Who records this (default: your user name).")
@click.pass_context
@handle_errors
def resolve(
    ctx: click.Context,
    claim_id: str,
    verdict: str,
    evidence: str | None,
    note: str | None,
    reason: str | None,
    happened: datetime | None,
    known: datetime | None,
    by: str | None,
) -> None:
    """Record your verdict on a commitment (CLAIM_ID or a unique prefix of it).

    VERDICT is one of: in_progress, stalled, kept, partially_kept, broken, withdrawn,
    unverifiable, annulled, condition_met (hyphens work too: partially-kept).  The
    verdict is appended to the claim's history; nothing earlier is changed.

    \b
    Example:
      claimtrack resolve 3f2a9c kept --evidence https://example.org/report \\
          --happened 2025-03-20 --known 2025-03-20 --note "met at Northwood"
    """
    try:
        Verdict.parse(verdict)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="VERDICT") from None
    tracker = tracker_of(ctx)
    ev = tracker.resolve(
        claim_id,
        verdict,
        evidence=evidence,
        note=note,
        reason=reason,
        happened=happened,
        known=known,
        by=by,
    )
    try:
        standing_now = tracker.show_promise(ev.claim_id).standing
        shown = standing_now.claim.id
    except NotFoundError:  # not a tracked promise's mention: the claim alone
        standing_now = tracker.show(ev.claim_id).standing
        shown = ev.claim_id
    status_now = standing_now.status.value if standing_now.status else "-"
    click.echo(
        f"Recorded {ev.verdict.value} for {shown[:8]} (evidence #{ev.id}); status now: {status_now}"
    )


def register(cli: click.Group) -> None:
    """Add ``resolve`` to ``cli``."""
    cli.add_command(resolve)

"""The ``claimtrack`` command line: a thin layer over :class:`claimtrack.Tracker`.

Every command takes the store as ``--db PATH`` before the command, else
``$CLAIMTRACK_DB``, else ``claimtrack.db`` in the current directory.  Errors print one
line saying what to do, never a traceback; exit status 1 for errors, 2 for bad usage.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .actors import ActorRegistry
from .cli_check import register as _register_check
from .cli_db import register as _register_db
from .cli_host import DEBUG_ENV as DEBUG_ENV  # the documented name, where it always was
from .cli_host import (
    ClaimtrackGroup,
    handle_errors,
    one_line,
    plugin_manager,
    report_problems,
)
from .cli_promises import print_promise, print_suggestions
from .cli_promises import register as _register_corrections
from .errors import ClaimtrackError, InputError, NotFoundError
from .exporters import options_from_file, parse_option_pairs
from .extraction import EXTRACTORS_ENV, resolve_extractors
from .model import ClaimKind, RecorderKind, Status, Verdict
from .output import write_output
from .plugins import ClaimtrackPluginManager, describe_plugins
from .reasons import reasons_help
from .records import dumps_line, evidence_record, standing_record
from .report import StatusReport, due_phrase, render_json, render_markdown, render_table
from .sanitize import TerminalSafe
from .status import standing
from .store_open import refuse_memory
from .timeutil import check_typed, parse_when
from .tracker import (
    DB_ENV,
    DEFAULT_DB,
    ClaimHistory,
    Tracker,
    default_db_path,
    extract_path,
    require_store,
)
from .tracker_check import rule_of

F = TypeVar("F", bound=Callable[..., Any])
_one_line = one_line

STATUS_CHOICES = [s.value for s in Status]
#: The kinds of promise the ledger tracks, in the order the report shows them.
TRACKED = ("commitment", "prediction", "demand")
VERDICT_NAMES = [v.value for v in Verdict]


def _console(err: bool = False) -> Console:
    # Colour only on a terminal; width from the terminal (80 when piped).  Text from
    # sources passes through sanitize.for_terminal: it cannot move the cursor, rewrite
    # lines or set the clipboard.
    console = Console(stderr=err, highlight=False, soft_wrap=False)
    console.push_render_hook(TerminalSafe())
    return console


class WhenType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A date or time on the command line (ISO 8601, "today", "now" …)."""

    name = "WHEN"

    def __init__(self, end_of_day: bool = False) -> None:
        self.end_of_day = end_of_day

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is None or isinstance(value, datetime):
            return value
        what = param.opts[0] if param else "date"
        try:
            return check_typed(parse_when(value, what=what, end_of_day=self.end_of_day), what=what)
        except (ClaimtrackError, OverflowError) as exc:
            self.fail(str(exc).split(": ", 1)[-1], param, ctx)


class DaysType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A number of days: finite, from 0 to :data:`MAX_DAYS`."""

    name = "DAYS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            days = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of days", param, ctx)
        if not math.isfinite(days) or not 0 <= days <= MAX_DAYS:
            self.fail(f"{value!r} is not a number of days from 0 to {MAX_DAYS:,}", param, ctx)
        return days


#: The most days --due-within takes (a century: every deadline there is).
MAX_DAYS = 36_600


def as_of_option(fn: F) -> F:
    """``--as-of WHEN``, with one meaning across commands."""
    return click.option(
        "--as-of",
        type=WhenType(end_of_day=True),
        default=None,
        help="Report as of this time (a date means the end of that day). Default: now.",
    )(fn)


def extractor_option(fn: F) -> F:
    """``--extractor NAME`` (repeatable): run only these extractors."""
    return click.option(
        "--extractor",
        "extractor",
        multiple=True,
        metavar="NAME",
        help="Run only this extractor (repeatable): a plugin's name from `claimtrack "
        f"plugins`, or english for the built-in. Default: ${EXTRACTORS_ENV}, else all.",
    )(fn)


def _extractors(
    ctx: click.Context, pm: ClaimtrackPluginManager, names: tuple[str, ...]
) -> tuple[str, ...] | None:
    if not names:
        return None
    try:
        return resolve_extractors(pm, names)
    except InputError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param_hint="--extractor") from None


def _registry(obj: dict[str, Any]) -> ActorRegistry | None:
    path = obj.get("actors")
    return None if path is None else ActorRegistry.from_file(path)


def _tracker(ctx: click.Context, *, read_only: bool = False, create: bool = False) -> Tracker:
    # status, show and export open the store for reading only: no write lock, no write.
    # Only `add` makes a store: a command given a path where there is none (a typo in
    # --db) says so instead of creating an empty store, or reading nothing.
    obj = ctx.ensure_object(dict)
    if "tracker" not in obj:
        refuse_memory(obj.get("db") or "")
        registry = _registry(obj)  # a bad --actors file is named first
        if not create:
            require_store(obj.get("db") or default_db_path())
        obj["tracker"] = Tracker(
            obj.get("db"),
            plugin_manager=plugin_manager(ctx),
            registry=registry,
            plugin_timeout=obj.get("time_limit", 120.0),
            read_only=read_only,
        )
        obj["tracker"].store.warn = lambda err: report_problems([err])
        ctx.call_on_close(obj["tracker"].close)
    tracker: Tracker = obj["tracker"]
    return tracker


@click.group(cls=ClaimtrackGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    envvar=DB_ENV,
    default=DEFAULT_DB,
    show_default=True,
    show_envvar=True,
    help="The store to use: an SQLite file (`add` creates it; the other commands refuse a "
    "missing one, and status, show and export only read it), or a PostgreSQL database as "
    "postgresql://user@host/database (see docs/store.md).",
)
@click.option(
    "--actors",
    type=click.Path(dir_okay=False, exists=True),
    envvar="CLAIMTRACK_ACTORS",
    show_envvar=True,
    help="A JSON file of known actors and their aliases, to resolve names with.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1, max=86_400),
    envvar="CLAIMTRACK_TIME_LIMIT",
    default=120.0,
    show_default=True,
    show_envvar=True,
    help="Seconds one extractor or checker may take on one source or claim; past it, "
    "it is stopped (the source is tried again on the next add).",
)
@click.version_option(__version__, prog_name="claimtrack")
@click.pass_context
def cli(ctx: click.Context, db: str, actors: str | None, time_limit: float) -> None:
    """Track what public actors claim and commit to, and whether they deliver.

    \b
    Typical day:
      claimtrack add articles/            read new sources, extract their claims
      claimtrack check                    look for reports that commitments were met
      claimtrack status                   the report: overdue, due soon, kept, broken
      claimtrack resolve ID kept --evidence URL --happened 2025-03-20
    """
    obj = ctx.ensure_object(dict)
    obj["db"] = db
    obj["actors"] = actors
    obj["time_limit"] = time_limit


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--published", type=WhenType(), help="Publication time for these sources (overrides their own)."
)
@click.option(
    "--rederive",
    is_flag=True,
    help="Extract claims again even from sources already stored (after upgrading an "
    "extractor); with no PATHS, every stored source.",
)
@extractor_option
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.pass_context
@handle_errors
def add(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: datetime | None,
    rederive: bool,
    extractor: tuple[str, ...],
    quiet: bool,
) -> None:
    """Read sources, extract their claims and store them.

    PATHS are files, directories (read recursively) or URLs.  Adding the same document
    twice is a no-op; with changed metadata (say a corrected --published) the source is
    updated and its claims re-derived.  A file that cannot be read is reported and the
    rest are still added.  Re-deriving replaces only the claims of the extractors that
    succeeded: one that fails keeps what it found before.

    \b
    Exit status: 0 done; 1 nothing could be added; 4 added, but a plugin failed
    or could not be loaded (the lines above it say which, and what to do).
    \b
    Example:
      claimtrack add seeds/
      claimtrack add statement.txt --published 2025-03-15T14:00:00+00:00
      claimtrack add --rederive            # every stored source, after an upgrade
      claimtrack add --rederive --extractor pledges   # one extractor, again
    """
    if not paths and not rederive:
        raise click.UsageError("give at least one PATH (or --rederive for every stored source)")
    if not paths and published is not None:
        raise click.UsageError("--published needs the PATHS it applies to")
    tracker = _tracker(ctx, create=True)
    chosen = _extractors(ctx, tracker.pm, extractor)
    err = _console(err=True)
    show_bar = not quiet and err.is_terminal
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not show_bar,
    ) as bar:
        task = bar.add_task("Adding", total=None)

        def progress(uri: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"Adding {uri[-40:]}")

        if paths:
            report = tracker.add(
                list(paths),
                published=published,
                on_progress=progress,
                rederive=rederive,
                extractors=chosen,
            )
        else:
            report = tracker.rederive(on_progress=progress, extractors=chosen)
    failed = bool(report.errors) and not (report.added or report.updated or report.unchanged)
    report_problems(report.notes)
    report_problems(report.errors, "Error" if failed else "Warning")
    if failed:
        sys.exit(1)
    if not quiet:
        verdicts = f"; {len(report.evidence)} verdict(s) imported" if report.evidence else ""
        click.echo(
            f"{report.added} source(s) added, {report.updated} updated, {report.unchanged} unchanged; "
            f"{report.claims} claim(s) extracted into {tracker.store.path}{verdicts}"
        )


@cli.command()
@click.argument("path")
@click.option("--published", type=WhenType(), help="Publication time (overrides the source's own).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "json"]),
    default="table",
    show_default=True,
    help="table for reading, jsonl/json for programs (the public claim record).",
)
@click.option(
    "--kind", type=click.Choice([k.value for k in ClaimKind]), help="Only claims of this kind."
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show, under each claim, the rules that made it (the record's rules).",
)
@extractor_option
@click.pass_context
@handle_errors
def extract(
    ctx: click.Context,
    path: str,
    published: datetime | None,
    fmt: str,
    kind: str | None,
    explain: bool,
    extractor: tuple[str, ...],
) -> None:
    """Extract the claims of PATH and print them, storing nothing.

    Commitments get a status from their due window alone (no evidence is read).
    With --explain the table shows, under each claim, the rules that made it (who
    said it, what decided its kind, where its due came from); JSON records always
    carry them as "rules".

    \b
    Examples:
      claimtrack extract seeds/000_4f9421fb867c1b8c.txt --format jsonl
      claimtrack extract seeds/000_4f9421fb867c1b8c.txt --kind commitment --explain
    """
    obj = ctx.ensure_object(dict)
    pm = plugin_manager(ctx)
    found = extract_path(
        path,
        published=published,
        plugin_manager=pm,
        registry=_registry(obj),
        extractors=_extractors(ctx, pm, extractor),
        plugin_timeout=obj.get("time_limit", 120.0),
    )
    now = datetime.now(timezone.utc)
    rows = [
        standing(c, source.ref, (), now)
        for source, claims in found.items
        for c in claims
        if kind is None or c.kind.value == kind
    ]
    errors = found.errors
    report_problems(found.notes)
    report_problems(errors, "Error" if errors and not rows else "Warning")
    if not rows and errors and all(isinstance(e, ClaimtrackError) for e in errors):
        sys.exit(1)
    if fmt == "jsonl":
        for row in rows:
            click.echo(dumps_line(standing_record(row)))
    elif fmt == "json":
        click.echo(json.dumps([standing_record(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        table = Table(title=f"{len(rows)} claims in {path}", title_justify="left")
        for col in ("kind", "speaker", "claim", "due", "condition"):
            table.add_column(col, overflow="fold")
        for row in rows:
            c = row.claim
            claim_text = c.text
            if explain:
                found_by = ", ".join(c.rules) if c.rules else "no rules named"
                claim_text = f"{claim_text}\n  rules: {found_by}"
            table.add_row(
                c.kind.value,
                c.speaker.name if c.speaker else "",
                claim_text,
                due_phrase(row) if c.due else "",
                c.condition or "",
            )
        _console().print(table)


@cli.command()
@as_of_option
@click.option("--actor", help="Only commitments of this actor (who must act or who said it).")
@click.option(
    "--kind",
    type=click.Choice(["all", *TRACKED]),
    default="all",
    show_default=True,
    help="Which tracked promises: commitments, or predictions or demands that carry a"
    " due window; all gives each kind its own sections.",
)
@click.option(
    "--due-within",
    type=DaysType(),
    default=7,
    show_default=True,
    help="Days ahead that count as due soon.",
)
@click.option("--since", type=WhenType(), help="Only promises first made since then.")
@click.option(
    "--fail-on",
    multiple=True,
    metavar="STATUS",
    type=click.Choice(STATUS_CHOICES + [s.replace("_", "-") for s in STATUS_CHOICES if "_" in s]),
    help="Exit with status 3 if any commitment has this status (repeatable), e.g. --fail-on overdue.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=25,
    show_default=True,
    help="Rows listed per section in table and markdown (0: all; json lists all).",
)
@click.pass_context
@handle_errors
def status(
    ctx: click.Context,
    as_of: datetime | None,
    actor: str | None,
    kind: str,
    due_within: float,
    since: datetime | None,
    fail_on: tuple[str, ...],
    fmt: str,
    limit: int,
) -> None:
    """The report: overdue, due soon, waiting on a condition, open, recently resolved,
    and each actor's record (kept, partly kept, broken, overdue, open, share kept).

    One row per promise, however many times it was stated ("said by … · 3 mentions in
    2 sources"); commitments first, then predictions and demands that carry a due
    window, each kind in its own sections (--kind picks one).

    Dates read both ways: "20 Mar 2025 (12 days overdue)", "(starts in 3 days)".
    --as-of answers "what did we know then?": evidence counts from when it became
    known.  --format table fits the terminal and uses colour only on a terminal;
    markdown is for newsletters; json is one object with "as_of", "commitments"
    (claim records with "status" and "progress") and "actors" (per-actor counts).

    \b
    Exit status:
      0  the report was written (whatever it says)
      3  --fail-on names a status some reported commitment has
      1  an error (bad store, unknown option value)
    \b
    Examples:
      claimtrack status
      claimtrack status --as-of 2025-04-01 --actor "Keir Starmer"
      claimtrack status --fail-on overdue --format markdown > today.md
    """
    tracker = _tracker(ctx, read_only=True)
    when = as_of or datetime.now(timezone.utc)

    def report_of(k: str | None) -> StatusReport:
        return tracker.report(
            when,
            actor=actor,
            kind=k,
            due_within=due_within,
            since=since,
            # json lists every promise from its records, not from the sections' rows.
            limit=0 if fmt == "json" else (None if limit == 0 else limit),
        )

    if fmt == "json":
        reports = [report_of(None if kind == "all" else kind)]
        render_json(reports[0], sys.stdout)
    else:
        # Commitments first, then each other kind that has promises, in its own sections.
        kinds = TRACKED if kind == "all" else (kind,)
        reports = []
        for n, k in enumerate(kinds):
            rep = report_of(k)
            if n and kind == "all" and not rep.total:
                continue
            reports.append(rep)
            if fmt == "markdown":
                render_markdown(rep, sys.stdout, kind=k, heading=not n)
            else:
                render_table(rep, _console(), kind=k, heading=not n)
    wanted = sorted({Status(Status.parse(s)) for s in fail_on}, key=lambda s: s.value)
    hits = {s.value: sum(r.count(s) for r in reports) for s in wanted}
    hits = {name: n for name, n in hits.items() if n}
    if hits:
        found = ", ".join(f"{n} {name}" for name, n in hits.items())
        click.echo(f"--fail-on: {found}", err=True)
        sys.exit(3)


@cli.command()
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
    tracker = _tracker(ctx)
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


@cli.command()
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
    tracker = _tracker(ctx, read_only=True)
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
        con = _console()
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
    _print_history(h, _console())


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


@cli.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    metavar="NAME",
    help="An exporter: json, jsonl, csv, markdown or a plugin's.",
)
@as_of_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file (default: standard output).",
)
@click.option(
    "-O",
    "--option",
    "option_pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help='An option of the exporter (repeatable), e.g. -O reviewer="Harbour Fact Check".',
)
@click.option(
    "--options-file",
    type=click.Path(dir_okay=False, exists=True),
    envvar="CLAIMTRACK_EXPORT_OPTIONS",
    show_envvar=True,
    help='A JSON file of options per format, e.g. {"claimreview": {"reviewer": "…"}}; '
    "-O overrides it.",
)
@click.option(
    "--list-options", is_flag=True, help="List the options the format takes, and write nothing."
)
@click.pass_context
@handle_errors
def export(
    ctx: click.Context,
    fmt: str,
    as_of: datetime | None,
    output: str | None,
    option_pairs: tuple[str, ...],
    options_file: str | None,
    list_options: bool,
) -> None:
    """Write every stored claim in a format (statuses as of --as-of).

    An exporter may take options, given as -O key=value; an option the exporter does
    not take, or a value it refuses, is an error that lists the options it has
    (--list-options lists them too).  Options a newsroom always gives (its name as
    the reviewer) can live in a JSON file, --options-file or $CLAIMTRACK_EXPORT_OPTIONS;
    -O overrides it.  The document goes to standard output (or -o FILE); with -o, a
    line on standard error says how many items were written.

    \b
    Examples:
      claimtrack export --format csv -o claims.csv
      claimtrack export --format jsonl --as-of 2025-04-01
      claimtrack export --format claimreview -O reviewer="Harbour Fact Check" \\
          -O url_template="https://factcheck.example/claims/{id}" -o reviews.jsonld
    """
    tracker = _tracker(ctx, read_only=True)
    report_problems(tracker.exporter_problems())
    given = options_from_file(options_file, fmt) if options_file else {}
    given |= parse_option_pairs(option_pairs)
    if list_options:
        _print_export_options(tracker, fmt)
        return
    if output is None:
        tracker.export(fmt, sys.stdout, as_of=as_of, options=given)
        return
    # Whole or not at all, and only into a regular file: see claimtrack.output.
    n = write_output(output, lambda stream: tracker.export(fmt, stream, as_of=as_of, options=given))
    unit = getattr(tracker.exporters().get(fmt), "unit", "record")
    click.echo(f"Wrote {n} {fmt} {unit}(s) to {output}", err=True)


def _print_export_options(tracker: Tracker, fmt: str) -> None:
    exporter = tracker.exporters().get(fmt)
    if exporter is None:
        tracker.export(fmt, sys.stdout)  # raises the error naming the formats there are
        return
    if not exporter.options:
        click.echo(f"{fmt} takes no options.")
        return
    click.echo(f"Options of {fmt} (-O key=value):")
    for option in exporter.options:
        default = "" if option.default is None else f" (default: {option.default})"
        click.echo(f"  {option.name}  {option.help}{default}")


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.pass_context
@handle_errors
def plugins(ctx: click.Context, fmt: str) -> None:
    """List installed plugins, their versions and the hooks they implement, the
    sources an extractor owns and the languages it reads, and every plugin that could
    not be loaded, with why.

    \b
    Exit status: 0 every plugin loaded; 4 one could not be loaded, or one's
    exporter or command was refused (named on standard error).
    """
    from .exporters import collect_exporters
    from .extraction import ownerships
    from .languages import extractor_languages

    pm = plugin_manager(ctx)
    infos = describe_plugins(pm)
    owned = {name: o.describe() for name, o in ownerships(pm).items()}
    reads = {name: sorted(langs) for name, langs in extractor_languages(pm).items()}
    # Refused plugins are rows of the table (and make the exit status 4); a refused
    # exporter is named here.
    report_problems(collect_exporters(pm)[1])
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "name": i.name,
                        "version": i.version,
                        "hooks": list(i.hooks),
                        "builtin": i.builtin,
                        "alias": i.alias,
                        "owns": owned.get(i.name),
                        "languages": reads.get(i.name),
                        "error": i.error,
                    }
                    for i in infos
                ],
                indent=2,
            )
        )
        return
    table = Table(title="claimtrack plugins", title_justify="left")
    for col in ("name", "version", "hooks", ""):
        table.add_column(col, overflow="fold")
    for i in infos:
        notes = []
        if i.builtin:
            notes.append(f"built-in ({i.alias})" if i.alias else "built-in")
        if i.name in owned:
            notes.append(f"owns {owned[i.name]}")
        if i.name in reads:
            notes.append(f"reads {', '.join(reads[i.name])}")
        note = Text("; ".join(notes))
        if i.error:
            note = Text(f"not loaded: {i.error}", style="red")
        table.add_row(i.name, i.version or "", ", ".join(i.hooks), note)
    _console().print(table)


_register_corrections(cli, _tracker, WhenType())
_register_check(cli, _tracker, as_of_option)
_register_db(cli)


def main() -> None:
    """Entry point of the ``claimtrack`` console script."""
    cli(obj={})

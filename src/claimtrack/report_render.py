"""The status report rendered: a terminal table (rich, fitted to the width, colour
only on a terminal), Markdown for a newsletter (source text rendered literally), and
JSON, one object written a member per line so 100,000 records stream quickly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Status
from .reasons import reason_lines
from .report_phrases import (
    NOUNS,
    as_of_text,
    headline,
    made_by,
    status_label,
    what_is_promised,
    when_cell,
    when_title,
    who_must_act,
)
from .sanitize import markdown_text
from .status import Standing

if TYPE_CHECKING:
    from .report import StatusReport

__all__ = ["render_json", "render_markdown", "render_table", "report_json"]

_STYLE = {
    Status.OVERDUE: "bold red",
    Status.DUE: "yellow",
    Status.OPEN: "cyan",
    Status.CONDITIONAL: "magenta",
    Status.KEPT: "green",
    Status.PARTIALLY_KEPT: "green",
    Status.BROKEN: "red",
    Status.WITHDRAWN: "red",
    Status.UNVERIFIABLE: "dim",
    Status.ANNULLED: "dim",
}


def _what_cell(row: Standing, key: str) -> Text:
    text = Text(what_is_promised(row, key))
    extra = made_by(row)
    if extra:
        text.append("\n" + extra, style="dim")
    return text


def _status_text(row: Standing) -> Text:
    assert row.status is not None
    return Text(status_label(row), style=_STYLE.get(row.status, ""))


def render_table(
    report: StatusReport, console: Console, *, kind: str = "commitment", heading: bool = True
) -> None:
    """The report as rich tables, fitted to the console's width (colour only when the
    console is a terminal; rich also honours ``NO_COLOR``).  ``kind`` names what the
    report counts (a report of dated predictions or demands follows the commitments'
    without ``heading``)."""
    if heading:
        console.print(
            Text.assemble(("claimtrack status", "bold"), f" as of {as_of_text(report.as_of)}")
        )
    else:
        console.print()
    console.print(
        Text(headline(report, kind), style="bold red" if report.count(Status.OVERDUE) else "")
    )
    if not report.total and not heading:
        return
    if not report.total:
        console.print(
            "No commitments to report. Add sources with: claimtrack add PATH"
            " (or widen the filters)."
        )
        return
    narrow = console.width < 100
    for section in report.sections:
        if not section.total:
            continue
        title = section.title
        if section.key == "due_soon":
            title = f"Due now or within {report.due_within:g} days"
        table = Table(
            title=f"{title} ({section.total})",
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            expand=False,
            pad_edge=False,
        )
        table.add_column("id", style="dim", no_wrap=True)
        table.add_column("status", no_wrap=True)
        if narrow:  # one column for who and what leaves room to read both
            table.add_column("who must do what", overflow="fold", ratio=3)
        else:
            table.add_column("who must act", overflow="fold", ratio=1)
            table.add_column("what", overflow="fold", ratio=3)
        table.add_column(when_title(section.key), overflow="fold", ratio=2)
        for row in section.rows:
            who_what: tuple[str | Text, ...] = (
                (Text.assemble((who_must_act(row), "bold"), ": ", _what_cell(row, section.key)),)
                if narrow
                else (who_must_act(row), _what_cell(row, section.key))
            )
            table.add_row(
                row.claim.id[:8], _status_text(row), *who_what, when_cell(section.key, row)
            )
        console.print(table)
        if section.hidden:
            console.print(
                Text(f"  … and {section.hidden} more (--limit 0 lists all)\n", style="dim")
            )
    actors = Table(
        title="Record by actor",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        caption="share kept = (kept + ½ partly kept) / decided; unverifiable and annulled apart",
        caption_justify="left",
    )
    actors.add_column("actor", overflow="fold")
    for col in ("kept", "partly", "broken", "overdue", "open", "unverif.", "share kept"):
        actors.add_column(col, justify="right", no_wrap=True)
    for a in report.actors:
        share = "–" if a.share_kept is None else f"{a.share_kept:.0%}"
        actors.add_row(
            a.name,
            str(a.n("kept")),
            str(a.n("partially_kept")),
            str(a.n("broken", "withdrawn")),
            str(a.n("overdue")),
            str(a.open),
            str(a.n("unverifiable")),
            share,
        )
    console.print(actors)
    if report.reasons:  # why the settled ones were broken, annulled, partly kept
        console.print(Text("Reasons", style="bold"))
        for line in reason_lines(report.reasons):
            console.print(Text(f"  {line}"))


def _md(value: str) -> str:
    # Source text renders literally: no links, images, emphasis, HTML (sanitize.py).
    return markdown_text(value)


def render_markdown(
    report: StatusReport, stream: TextIO, *, kind: str = "commitment", heading: bool = True
) -> None:
    """The report as Markdown, for a newsletter or a wiki page (``kind`` and
    ``heading`` as for :func:`render_table`)."""
    if heading:
        stream.write(f"# Commitments as of {as_of_text(report.as_of)}\n\n")
    else:
        stream.write(f"\n# {NOUNS.get(kind, NOUNS['commitment'])[1].capitalize()}\n\n")
    stream.write(f"{headline(report, kind)}.\n")
    for section in report.sections:
        if not section.total:
            continue
        title = section.title
        if section.key == "due_soon":
            title = f"Due now or within {report.due_within:g} days"
        when_col = when_title(section.key)
        stream.write(
            f"\n## {title} ({section.total})\n\n| id | status | who must act | what | {when_col} |\n"
        )
        stream.write("| --- | --- | --- | --- | --- |\n")
        for row in section.rows:
            extra = made_by(row)
            cells = (
                status_label(row),
                who_must_act(row),
                what_is_promised(row, section.key) + (f" ({extra})" if extra else ""),
                when_cell(section.key, row),
            )
            stream.write(f"| `{row.claim.id[:8]}` | " + " | ".join(_md(c) for c in cells) + " |\n")
        if section.hidden:
            stream.write(f"\n_… and {section.hidden} more._\n")
    if report.actors:
        stream.write(
            "\n## Record by actor\n\n"
            "| actor | kept | partly kept | broken | overdue | open | unverifiable | share kept |\n"
        )
        stream.write("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
        for a in report.actors:
            share = "–" if a.share_kept is None else f"{a.share_kept:.0%}"
            stream.write(
                f"| {_md(a.name)} | {a.n('kept')} | {a.n('partially_kept')} | "
                f"{a.n('broken', 'withdrawn')} | {a.n('overdue')} | {a.open} | "
                f"{a.n('unverifiable')} | {share} |\n"
            )
        stream.write(
            "\nShare kept = (kept + half of partly kept) / decided (kept, partly kept, broken,"
            " withdrawn); unverifiable and annulled are counted apart.\n"
        )
    if report.reasons:
        stream.write("\n## Reasons\n\n")
        stream.write("".join(f"- {_md(line)}\n" for line in reason_lines(report.reasons)))


def report_json(
    report: StatusReport, *, records: bool = True, sections: bool = True
) -> dict[str, Any]:
    """The report as one JSON object: ``as_of``, ``commitments`` (every claim record,
    with ``status`` and ``progress``), ``actors`` (per-actor counts, ``decided`` and
    ``share_kept``), plus ``due_within``, ``counts`` (by status), ``reasons`` (by final
    status, how many promises each reason code settled) and ``sections``
    (claim ids in each section, in report order, unlimited).  ``records=False``
    leaves ``commitments`` empty, ``sections=False`` each section's list (for writers
    that stream them)."""
    return {
        "as_of": report.as_of.isoformat(),
        "due_within": report.due_within,
        "counts": dict(sorted(report.counts.items())),
        "reasons": {status: dict(row) for status, row in report.reasons.items()},
        "sections": {key: list(ids) if sections else [] for key, ids in report.section_ids.items()},
        "commitments": report.records() if records else [],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                **{s.value: a.counts.get(s.value, 0) for s in Status},
                "decided": a.decided,
                "share_kept": a.share_kept,
            }
            for a in report.actors
        ],
    }


def render_json(report: StatusReport, stream: TextIO) -> None:
    """Write :func:`report_json` to ``stream``: one object, a member per line, each
    commitment and each actor on a line of its own.  (The encoder's ``indent`` runs in
    pure Python and takes seconds over 100,000 records; this layout stays readable and
    line-diffable.)"""
    doc = report_json(report, records=False, sections=False)
    keys = list(doc)
    stream.write("{")
    for n, key in enumerate(keys):
        stream.write(("\n" if n == 0 else ",\n") + f"  {json.dumps(key)}: ")
        if key == "sections":  # each section's ids as they are read
            stream.write("{")
            for m, (name, ids) in enumerate(report.section_ids.items()):
                stream.write(("" if m == 0 else ", ") + f"{json.dumps(name)}: [")
                for i, cid in enumerate(ids):
                    stream.write(("" if i == 0 else ", ") + json.dumps(cid))
                stream.write("]")
            stream.write("}")
            continue
        if key == "commitments":
            items: Iterable[str] = report.records_json()
        elif key == "actors":
            items = (json.dumps(a, ensure_ascii=False) for a in doc[key])
        else:
            stream.write(json.dumps(doc[key], ensure_ascii=False))
            continue
        stream.write("[")
        empty = True
        for text in items:
            stream.write(("\n    " if empty else ",\n    ") + text)
            empty = False
        stream.write("]" if empty else "\n  ]")
    stream.write("\n}\n")

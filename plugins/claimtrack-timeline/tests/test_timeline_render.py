"""The timeline page: structure, grouping, colours, as-of line, escaping, no external assets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import claimtrack
import pytest
from claimtrack import Standing
from claimtrack.testing import (
    export_text,
    invoke_cli,
    make_claim,
    make_plugin_manager,
    make_source,
    make_standing,
    make_window,
)

import claimtrack_timeline

AS_OF = datetime(2025, 3, 20, 12, tzinfo=timezone.utc)


def render(rows: Sequence[Standing], as_of: datetime = AS_OF) -> str:
    return export_text("timeline", rows, as_of=as_of, plugins=[claimtrack_timeline])


class Collector(HTMLParser):
    """Every start tag with its attributes, and every script's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    return collector


def bars(page: str) -> list[dict[str, str | None]]:
    return [a for t, a in parse(page).tags if t == "g" and "bar" in (a.get("class") or "")]


def test_dated_commitments_are_bars_coloured_by_status(
    sample_standings: Sequence[Standing],
) -> None:
    page = render(sample_standings)
    drawn = {b["data-status"] for b in bars(page)}
    # every commitment with a window, vague included; not the undated or conditional ones
    assert drawn == {"due", "kept", "open", "overdue", "broken", "partially_kept"}
    assert len(bars(page)) == 7
    for status, colour in claimtrack_timeline.COLOURS.items():
        if status.value in drawn:
            assert f'fill="{colour}"' in page
    assert 'class="bar vague"' in page


def test_grouped_by_actor_with_legend_and_as_of(sample_standings: Sequence[Standing]) -> None:
    page = render(sample_standings)
    groups = re.findall(r'<text class="group"[^>]*>([^<]*)</text>', page)
    assert groups == ["Ana Ruiz", "The council"]
    assert "As of 20 March 2025, 12:00 UTC" in page
    assert 'class="asofline"' in page and "as of 20 Mar 2025" in page
    legend = page[page.index('<ul class="legend"') :]
    legend = legend[: legend.index("</ul>")]
    for label in ("open", "due", "overdue", "kept", "partially kept", "broken", "conditional"):
        assert f"{label} (" in legend


def test_undated_commitments_are_listed(sample_standings: Sequence[Standing]) -> None:
    page = render(sample_standings)
    assert "<h2>Undated (2)</h2>" in page
    undated = page[page.index("<h2>Undated") :]
    assert "plant 500 trees" in undated and "cut bus fares" in undated
    assert "conditional" in undated and "open (in progress)" in undated


def test_quote_on_hover(sample_standings: Sequence[Standing]) -> None:
    page = render(sample_standings)
    mill = next(b for b in bars(page) if "Mill Lane" in (b["data-tip"] or ""))
    tip = mill["data-tip"] or ""
    assert tip.startswith("“The council will resurface Mill Lane by the end of March”")
    assert "— Ana Ruiz, 03 Mar 2025" in tip
    assert "Due: by the end of March (01 Mar – 31 Mar 2025)" in tip
    assert "Status: due" in tip
    assert "<title>“The council will resurface Mill Lane" in page


def test_self_contained(sample_standings: Sequence[Standing]) -> None:
    page = render(sample_standings)
    for tag, attrs in parse(page).tags:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        if tag == "script":
            assert "src" not in attrs
        if tag == "a":
            # links to sources are fine; nothing is loaded from them
            assert (attrs.get("href") or "").startswith("https://")
    assert "@import" not in page and "url(" not in page


HOSTILE = (
    "Minister said: \"<script>alert(1)</script> & we will <b>deliver</b> by 'Friday'\" "
    "</title><img src=x onerror=alert(2)>"
)


@pytest.mark.parametrize("dated", [True, False])
def test_hostile_text_is_escaped(dated: bool) -> None:
    source = make_source(
        HOSTILE,
        published="2025-03-10",
        title='<script>alert("title")</script>',
        uri='https://x.example/"><script>alert(3)</script>',
    )
    claim = make_claim(
        source,
        "<script>alert(1)</script> & we will <b>deliver</b> by 'Friday'",
        speaker='Mallory <script>alert("s")</script>',
        actor="</text><script>alert(4)</script>",
        action="<img src=x onerror=alert(5)>",
        due=make_window("2025-03-14", "2025-03-15", text="by 'Friday'") if dated else None,
    )
    page = render([make_standing(claim, source, as_of=AS_OF)])
    collector = parse(page)
    # the only script is the page's own; no quote became markup
    assert len(collector.scripts) == 1
    assert "alert" not in collector.scripts[0]
    assert [t for t, _ in collector.tags if t in ("img", "b")] == []
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "onerror=alert" not in page.replace("onerror=alert(5)&gt;", "")


def test_nothing_dated() -> None:
    page = render([])
    assert "No commitment has a dated due window yet." in page
    assert page.startswith("<!DOCTYPE html>")


def test_statements_are_left_out(sample_standings: Sequence[Standing]) -> None:
    assert "turnout was 41%" not in render(sample_standings)


def test_long_ranges_use_month_and_year_ticks() -> None:
    source = make_source(
        "We will build the bypass. We will open the station.", published="2025-01-01"
    )
    rows = [
        make_standing(
            make_claim(
                source,
                "We will build the bypass",
                speaker="Mayor",
                due=make_window("2025-01-01", "2027-06-01", text="by mid 2027"),
            ),
            source,
            as_of=AS_OF,
        ),
        make_standing(
            make_claim(
                source,
                "We will open the station",
                speaker="Mayor",
                due=make_window("2025-02-01", "2025-09-01", text="this year"),
            ),
            source,
            as_of=AS_OF,
        ),
    ]
    ticks = re.findall(r'<text class="ticklabel"[^>]*>([^<]*)</text>', render(rows))
    assert "2026" in ticks or "Jan 2026" in ticks


def test_claimtrack_export_format_timeline(tmp_path: Path) -> None:
    pm = make_plugin_manager(claimtrack_timeline, extractor=False)
    claimtrack.Tracker(tmp_path / "l.db", plugin_manager=pm).close()  # an empty ledger
    out = tmp_path / "timeline.html"
    result = invoke_cli(
        "export", "--format", "timeline", "-o", str(out), plugin_manager=pm, db=tmp_path / "l.db"
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_installed_entry_point_is_listed() -> None:
    import json

    result = invoke_cli("plugins", "--format", "json", env={"CLAIMTRACK_LOAD_PLUGINS": "timeline"})
    info = {p["name"]: p for p in json.loads(result.output)}
    assert info["timeline"]["version"] == claimtrack_timeline.__version__
    assert info["timeline"]["hooks"] == ["claimtrack_register_exporters"]


class RepeatedPromise:
    """A stand-in extractor: each article states one promise to resurface Mill Lane
    by the end of March, so articles repeating it are mentions of one promise."""

    @claimtrack.hookimpl
    def claimtrack_extract(
        self, source: claimtrack.Source, context: claimtrack.ExtractContext
    ) -> list[claimtrack.Claim]:
        text = source.text.strip()
        council = context.registry.resolve_or_add("The council", "organisation")
        return [
            claimtrack.Claim.build(
                source_id=source.id,
                span=(0, len(text)),
                speaker=council,
                kind=claimtrack.ClaimKind.COMMITMENT,
                text=text,
                actor=council,
                action="resurface Mill Lane",
                due=claimtrack.TimeWindow(
                    start=datetime(2025, 3, 1, tzinfo=timezone.utc),
                    end=datetime(2025, 4, 1, tzinfo=timezone.utc),
                    grain="month",
                    text="by the end of March",
                ),
                asserted_at=source.published_at,
            )
        ]


def test_one_bar_per_promise_with_its_mentions_on_hover(tmp_path: Path) -> None:
    pm = make_plugin_manager(RepeatedPromise(), claimtrack_timeline, extractor=False)
    db = tmp_path / "l.db"
    for day in ("03", "05", "09"):
        article = tmp_path / f"a{day}.txt"
        article.write_text(
            f"published: 2025-03-{day}\n\nThe lane will be resurfaced this month.\n",
            encoding="utf-8",
        )
        assert invoke_cli("add", str(article), plugin_manager=pm, db=db).exit_code == 0
    out = tmp_path / "timeline.html"
    result = invoke_cli(
        "export", "--format", "timeline", "--as-of", "2025-03-20", "-o", str(out),
        plugin_manager=pm, db=db,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert len(bars(page)) == 1
    assert "1 promise(s)" in page
    assert "3 mentions in 3 sources · first seen 03 Mar 2025" in page


def test_a_revision_is_named_on_hover() -> None:
    from attrs import evolve
    from claimtrack.status import PromiseFacts

    source = make_source("The council will reopen the depot.", published="2025-03-03")
    claim = make_claim(
        source,
        "The council will reopen the depot.",
        speaker="The council",
        action="reopen the depot",
        due=make_window("2025-03-10", "2025-03-17", text="next week"),
    )
    row = make_standing(claim, source, as_of="2025-03-05")
    facts = PromiseFacts(
        id=row.claim.id,
        first_claim=row.claim.id,
        mentions=2,
        sources=1,
        first_seen=datetime(2025, 3, 3, tzinfo=timezone.utc),
        relations=(("revises", "0123456789abcdef"),),
    )
    text = claimtrack_timeline.tooltip(evolve(row, promise=facts))
    assert "2 mentions in 1 source · first seen 03 Mar 2025 · revises 01234567" in text

"""Each hook, through the command line, as a plugin author writes it: the arguments by
their documented names, the results where a person sees them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

import click

import claimtrack
from claimtrack import (
    Claim,
    ClaimKind,
    Evidence,
    ExtractContext,
    LoadOptions,
    Reviewed,
    Source,
    Standing,
)
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli

NOTE = "The harbour board will dredge the channel. It said so on Monday.\n"


class Notes:
    """Reads ``*.note`` files, one source each, published on a fixed day; it notes in
    the source what options it received (it runs in a worker process, so the source is
    what comes back)."""

    @claimtrack.hookimpl
    def claimtrack_load(self, uri: str, options: LoadOptions) -> list[Source] | None:
        if not uri.endswith(".note"):
            return None
        return [
            Source.from_text(
                Path(uri).read_text(encoding="utf-8"),
                uri=f"https://notes.example/{Path(uri).stem}",
                published_at=datetime.fromisoformat("2025-03-03T09:00:00+00:00"),
                publisher="Harbour Board",
                meta={"kind": "note", "network": options.network},
            )
        ]


def test_hook_claimtrack_load(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> None:
    will_pm.register(Notes(), name="notes")
    (tmp_path / "dredging.note").write_text(NOTE, encoding="utf-8")
    db = tmp_path / "t.db"
    added = invoke_cli("add", str(tmp_path / "dredging.note"), plugin_manager=will_pm, db=db)
    assert added.exit_code == 0 and "1 source(s) added" in added.stdout
    with claimtrack.Tracker(db, plugin_manager=will_pm) as tracker:
        (stored,) = tracker.store.sources()
    assert stored.meta["network"] is True
    records = invoke_cli("export", "--format", "jsonl", plugin_manager=will_pm, db=db).stdout
    sources = {json.loads(x)["source"]["uri"] for x in records.splitlines()}
    assert sources == {"https://notes.example/dredging"}


class Verdicts:
    """Reads ``*.verdicts`` files: one line a reviewed promise, ``speaker | claim | verdict``,
    each handed over with its claim and verdict made."""

    @claimtrack.hookimpl
    def claimtrack_load_reviewed(self, uri: str, options: LoadOptions) -> list[Reviewed] | None:
        if not uri.endswith(".verdicts"):
            return None
        out = []
        for line in Path(uri).read_text(encoding="utf-8").splitlines():
            speaker_name, text, verdict = (part.strip() for part in line.split("|"))
            source = Source.from_text(
                text,
                uri=f"https://verdicts.example/{len(out)}",
                published_at=datetime.fromisoformat("2025-03-03T09:00:00+00:00"),
            )
            speaker = claimtrack.Actor.named(speaker_name, kind="organisation")
            claim = Claim.build(
                source_id=source.id,
                span=(0, len(text)),
                speaker=speaker,
                actor=speaker,
                kind=ClaimKind.COMMITMENT,
                text=text,
                rules=("verdicts-file",),
            )
            known = datetime.fromisoformat("2025-03-20T12:00:00+00:00")
            evidence = Evidence(
                claim_id=claim.id,
                verdict=verdict,
                known_at=known,
                recorded_at=known,
                recorded_by="Harbour Fact Check",
                uri="https://factcheck.example/review",
            )
            out.append(Reviewed(source=source, claims=[claim], evidence=[evidence]))
        return out


def test_hook_claimtrack_load_reviewed(tmp_path: Path, will_pm: ClaimtrackPluginManager) -> None:
    will_pm.register(Verdicts(), name="verdicts")
    path = tmp_path / "march.verdicts"
    path.write_text(
        "Harbour Board | will dredge the channel by April | kept\n"
        "Parish Council | will repaint the bus shelter | broken\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    added = invoke_cli("add", str(path), plugin_manager=will_pm, db=db)
    assert added.exit_code == 0, added.output
    assert "2 source(s) added" in added.stdout and "2 verdict(s) imported" in added.stdout
    status = invoke_cli("status", "--as-of", "2025-03-25", "--format", "json",
                        plugin_manager=will_pm, db=db).stdout  # fmt: skip
    rows = {c["text"]: c for c in json.loads(status)["commitments"]}
    assert rows["will dredge the channel by April"]["status"] == "kept"
    assert rows["will repaint the bus shelter"]["status"] == "broken"
    # No extractor ran on them: the claims are the plugin's, as it made them.
    assert {c["extractor"] for c in rows.values()} == {"verdicts"}
    again = invoke_cli("add", str(path), plugin_manager=will_pm, db=db)
    assert "2 unchanged" in again.stdout and "imported" not in again.stdout


class Dredging:
    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        at = source.text.find("will dredge")
        if at < 0:
            return
        board = context.registry.resolve_or_add("Harbour Board", "organisation")
        text = "will dredge the channel"
        yield Claim.build(
            source_id=source.id,
            span=(at, at + len(text)),
            speaker=board,
            actor=board,
            kind=ClaimKind.COMMITMENT,
            text=text,
            action="dredge the channel",
            due=context.parse_window("by the end of March", tense="future"),
            rules=("will-verb",),
        )


def test_hook_claimtrack_extract(tmp_path: Path, article: Path) -> None:
    article.write_text(
        "published: 2025-03-03T09:00:00+00:00\n\nThe harbour board will dredge the channel.\n"
    )
    pm = claimtrack.get_plugin_manager(load_entrypoints=False, plugins=[Dredging()])
    result = invoke_cli("extract", str(article), "--format", "jsonl", "--extractor", "Dredging",
                        plugin_manager=pm)  # fmt: skip
    (record,) = [json.loads(x) for x in result.stdout.splitlines()]
    assert record["actor"]["name"] == "Harbour Board" and record["rules"] == ["will-verb"]
    assert record["due"]["end"].startswith("2025-04-01")
    assert record["extractor"] == "Dredging"


class Always:
    @claimtrack.hookimpl
    def claimtrack_check(
        self, claim: Claim, store: claimtrack.store.StoreView, as_of: datetime
    ) -> Iterator[Evidence]:
        source = store.get_source(claim.source_id)
        yield Evidence(
            claim_id=claim.id,
            verdict="in_progress",
            known_at=as_of,
            recorded_at=as_of,
            recorded_by="always 1.0",
            recorder="checker",
            excerpt=source.title,
        )


def test_hook_claimtrack_check(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    will_pm.register(Always(), name="always")
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    first = invoke_cli("check", "--as-of", "2025-03-04", plugin_manager=will_pm, db=db)
    assert first.exit_code == 0 and "2 new piece(s) of evidence" in first.stdout
    again = invoke_cli("check", "--as-of", "2025-03-04", plugin_manager=will_pm, db=db)
    assert "0 new piece(s) of evidence" in again.stdout  # nothing recorded twice


class Digest:
    @claimtrack.hookimpl
    def claimtrack_register_exporters(self, register: Callable[..., None]) -> None:
        def write(standings: list[Standing], stream: TextIO, as_of: datetime) -> None:
            for row in standings:
                stream.write(f"{row.claim.kind.value}: {row.claim.text}\n")

        register("digest", write, description="one line a claim", extension="txt")


def test_hook_claimtrack_register_exporters(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    will_pm.register(Digest(), name="digest")
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    result = invoke_cli("export", "--format", "digest", plugin_manager=will_pm, db=db)
    assert result.exit_code == 0
    assert "commitment: The council will resurface Mill Lane." in result.stdout


class Count:
    @claimtrack.hookimpl
    def claimtrack_register_commands(self, cli: click.Group) -> None:
        @cli.command("count")
        @click.pass_context
        def count(ctx: click.Context) -> None:
            """Print how many claims the store holds."""
            with claimtrack.Tracker(ctx.obj["db"], plugin_manager=ctx.obj["pm"]) as tracker:
                click.echo(f"{tracker.store.count('claims')} claims")


def test_hook_claimtrack_register_commands(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    will_pm.register(Count(), name="count")
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    result = invoke_cli("count", plugin_manager=will_pm, db=db)
    assert result.exit_code == 0 and result.stdout == "4 claims\n"
    assert "count" in invoke_cli("--help", plugin_manager=will_pm).stdout

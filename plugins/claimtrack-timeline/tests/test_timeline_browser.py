"""The timeline of the seed article's commitments, rendered by headless Chromium.

Skips when no Chromium is installed (Debian's ``chromium`` package provides one)."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from datetime import date, datetime, time, timezone
from pathlib import Path

import claimtrack
import pytest
from claimtrack import Actor, Standing
from claimtrack.testing import (
    make_claim,
    make_evidence,
    make_plugin_manager,
    make_sample_standings,
    make_standing,
    make_window,
)

import claimtrack_timeline

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_4f9421fb867c1b8c.txt"
AS_OF = datetime(2025, 3, 21, 18, tzinfo=timezone.utc)
UTC = timezone.utc


def browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def day(d: date) -> datetime:
    return datetime.combine(d, time(0), UTC)


def seed_standings(tmp_path: Path) -> list[Standing]:
    """The seed article's commitments (built by hand: the built-in extractor's findings
    may vary), with the Thursday meeting kept."""
    if not SEED.is_file():
        pytest.skip("the seed article is not beside this checkout")
    pm = make_plugin_manager(extractor=False)
    with claimtrack.Tracker(tmp_path / "seed.db", plugin_manager=pm) as tracker:
        (source,) = tracker.load(str(SEED))
    starmer = Actor.named("Keir Starmer", kind="person")
    planners = Actor.named("Coalition military planners", kind="group")
    chiefs = Actor.named("Coalition military chiefs", kind="group")
    coalition = Actor.named("Coalition of the willing", kind="group")
    week = make_window(
        day(date(2025, 3, 17)), day(date(2025, 3, 24)), text="this week", grain="week"
    )
    claims = [
        make_claim(
            source,
            "military planners would convene again in the UK this week",
            speaker=starmer,
            actor=planners,
            action="convene again in the UK",
            due=week,
        ),
        make_claim(
            source,
            "coalition military chiefs are set to meet in London on Thursday",
            speaker=starmer,
            actor=chiefs,
            action="meet in London",
            due=make_window(
                day(date(2025, 3, 20)), day(date(2025, 3, 21)), text="on Thursday", grain="day"
            ),
        ),
        make_claim(
            source,
            "Military chiefs to meet in UK next week",
            speaker=Actor.named("LBC", kind="organisation"),
            actor=chiefs,
            action="meet in the UK",
            due=make_window(
                day(date(2025, 3, 17)), day(date(2025, 3, 24)), text="next week", grain="week"
            ),
        ),
        make_claim(
            source,
            "We will build up Ukraine's own defences and armed forces",
            speaker=starmer,
            actor=coalition,
            action="build up Ukraine's own defences and armed forces",
        ),
        make_claim(
            source,
            "be ready to deploy as a 'coalition of the willing' in the event of a peace deal",
            speaker=starmer,
            actor=coalition,
            action="be ready to deploy",
            condition="a peace deal",
        ),
        make_claim(
            source,
            "the coalition will put pressure on Russia",
            speaker=starmer,
            actor=coalition,
            action="put pressure on Russia",
            condition="Putin rejects a peace deal",
        ),
    ]
    kept = make_evidence(
        claims[1],
        "kept",
        known="2025-03-20T18:00:00+00:00",
        happened="2025-03-20",
        note="Coalition military chiefs met in London on Thursday 20 March",
    )
    return [make_standing(c, source, evidence=[kept], as_of=AS_OF) for c in claims]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def screenshot(page: Path, out: Path, profile: Path) -> None:
    exe = browser()
    if exe is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    command = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--screenshot={out}",
        "--window-size=1400,900",
        page.resolve().as_uri(),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("Chromium did not finish the screenshot within 120 s")


def test_seed_timeline_renders_in_chromium(tmp_path: Path) -> None:
    rows = seed_standings(tmp_path)
    page = tmp_path / "timeline.html"
    page.write_text(claimtrack_timeline.render_timeline(rows, AS_OF), encoding="utf-8")
    out = Path(os.environ.get("CLAIMTRACK_SCREENSHOT_DIR", tmp_path)) / "seed-timeline.png"
    screenshot(page, out, tmp_path / "profile")
    assert out.is_file(), "Chromium wrote no screenshot"
    width, height = png_size(out)
    assert (width, height) == (1400, 900)
    # a blank page compresses to almost nothing; bars, text and colours do not
    assert out.stat().st_size > 20_000


def test_sample_timeline_renders_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "sample.html"
    page.write_text(
        claimtrack_timeline.render_timeline(
            make_sample_standings(), datetime(2025, 3, 20, 12, tzinfo=UTC)
        ),
        encoding="utf-8",
    )
    out = Path(os.environ.get("CLAIMTRACK_SCREENSHOT_DIR", tmp_path)) / "sample-timeline.png"
    screenshot(page, out, tmp_path / "profile")
    assert out.is_file() and out.stat().st_size > 20_000

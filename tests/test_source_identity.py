"""A source is its text, its address and its publication time: the same document is
one source wherever it is read from, two releases with one body are two."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import Source
from claimtrack.model import content_id, document_address
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.store import SQLiteStore

UTC = timezone.utc
WHEN = datetime(2025, 3, 14, 10, tzinfo=UTC)
TEXT = "The trust will open the new ward in May."


def test_the_date_and_the_address_are_part_of_the_identity() -> None:
    base = content_id(TEXT, "https://news.example/a", WHEN)
    assert base == content_id(TEXT, "https://news.example/a", WHEN)  # deterministic
    assert base != content_id(TEXT, "https://news.example/b", WHEN)
    assert base != content_id(TEXT, "https://news.example/a", WHEN + timedelta(days=1))
    assert base != content_id(TEXT + " ", "https://news.example/a", WHEN)
    # One moment, written in another zone, is the same time.
    plus_one = timezone(timedelta(hours=1))
    assert base == content_id(TEXT, "https://news.example/a", WHEN.astimezone(plus_one))


def test_a_local_path_is_not_an_address() -> None:
    ids = {
        content_id(TEXT, uri, WHEN)
        for uri in ("file:///home/a/news/x.txt", "file:///srv/copy/x.txt", "x.txt", None, "")
    }
    assert len(ids) == 1
    assert document_address("C:\\news\\x.txt") is None
    assert document_address("urn:isbn:0451450523") == "urn:isbn:0451450523"


def test_without_address_or_date_the_id_is_the_hash_of_the_text() -> None:
    # So sources stored before addresses and dates counted keep their ids.
    assert content_id(TEXT) == hashlib.sha256(TEXT.encode()).hexdigest()[:16]
    assert Source.from_text(TEXT, title="any").id == content_id(TEXT)


@given(
    text=st.text(min_size=1),
    uri=st.one_of(st.none(), st.text()),
    day=st.one_of(st.none(), st.integers(0, 20000)),
)
def test_every_identity_is_sixteen_hex_digits_and_from_text_agrees(
    text: str, uri: str | None, day: int | None
) -> None:
    when = None if day is None else datetime(1990, 1, 1, tzinfo=UTC) + timedelta(days=day)
    made = Source.from_text(text, uri=uri, published_at=when)
    assert made.id == made.identity == content_id(text, uri, when)
    assert len(made.id) == 16 and set(made.id) <= set("0123456789abcdef")


def test_a_store_from_before_keeps_its_sources(
    tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager
) -> None:
    # A store written when ids hashed the text alone: adding the file again is a no-op,
    # not a second copy of every source.
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        (loaded,) = tracker.load(str(article))
    old = Source(**{**_fields(loaded), "id": content_id(loaded.text)})
    SQLiteStore(tmp_path / "t.db").add_source(old, [])
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        report = tracker.add(article)
        assert (report.added, report.unchanged) == (0, 1)
        assert tracker.store.count("sources") == 1


def _fields(source: Source) -> dict[str, object]:
    import attrs

    return attrs.asdict(source, recurse=False)

"""Reading HTML pages: article text, metadata, sniffing by content, limits."""

from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions, Source
from claimtrack.loading import load_sources
from claimtrack.testing import make_plugin_manager

import claimtrack_html

DATA = Path(__file__).parent / "data"
UTC = timezone.utc
OFFLINE = LoadOptions(network=False)


def load(path: Path | str, options: LoadOptions = OFFLINE) -> Source:
    result = claimtrack_html.claimtrack_load(str(path), options)
    assert result is not None
    (source,) = result
    return source


def test_article_text_and_metadata() -> None:
    source = load(DATA / "harbour-article.html")
    assert source.title == "Harbour dredging to finish by June, authority says"
    assert source.publisher == "The Estuary Herald"
    assert source.uri == "https://herald.example/news/2025/03/harbour-dredging"
    assert source.published_at == datetime(2025, 3, 19, 16, 15, tzinfo=UTC)
    assert source.language == "en-GB"
    assert source.meta["author"] == "Tomas Reyes"
    assert source.text.startswith("Harbour dredging to finish by June, authority says\n\n")
    assert '"We will complete the work before 30 June' in source.text
    # boilerplate is gone
    for junk in ("Cookie settings", "Most read", "Sport", "window.tracking"):
        assert junk not in source.text


def test_same_page_same_source() -> None:
    assert load(DATA / "harbour-article.html").id == load(DATA / "harbour-article.html").id


def test_legacy_page_with_json_ld_time_and_windows_1252() -> None:
    source = load(DATA / "council-notice.htm")
    assert source.title == "Notice: Mill Lane bridge"
    assert source.published_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    assert "Café owners" in source.text
    assert "Bins" not in source.text
    assert source.uri is not None and source.uri.startswith("file://")


def test_date_without_time_means_noon_utc(tmp_path: Path) -> None:
    page = (DATA / "harbour-article.html").read_text(encoding="utf-8")
    page = page.replace("2025-03-19T16:15:00+00:00", "2025-03-19")
    target = tmp_path / "story.html"
    target.write_text(page, encoding="utf-8")
    assert load(target).published_at == datetime(2025, 3, 19, 12, tzinfo=UTC)


@pytest.mark.parametrize("name", ["story.txt", "story", "story.md", "story.html"])
def test_chosen_by_content_not_extension(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    shutil.copy(DATA / "harbour-article.html", target)
    assert load(target).publisher == "The Estuary Herald"


@pytest.mark.parametrize(
    "content",
    [
        b"The council will meet on Monday.\n",
        b"<p>A Markdown file that starts with inline HTML.</p>\n",
        b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
        b"",
    ],
)
def test_other_documents_are_declined(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "note.md"
    target.write_bytes(content)
    assert claimtrack_html.claimtrack_load(str(target), OFFLINE) is None


def test_feed_named_html_is_declined(tmp_path: Path) -> None:
    target = tmp_path / "feed.html"
    target.write_bytes(b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>')
    assert claimtrack_html.claimtrack_load(str(target), OFFLINE) is None


def test_page_without_article_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="no article text"):
        load(DATA / "hostile.html")


def test_size_limit() -> None:
    with pytest.raises(LoadError, match="limit"):
        load(DATA / "harbour-article.html", LoadOptions(max_bytes=500, network=False))


def test_file_uri() -> None:
    assert load((DATA / "harbour-article.html").resolve().as_uri()).title is not None


def test_goes_before_the_builtin_text_loader(tmp_path: Path) -> None:
    pm = make_plugin_manager(claimtrack_html)
    target = tmp_path / "saved.txt"
    shutil.copy(DATA / "harbour-article.html", target)
    (source,) = load_sources(pm, str(target), OFFLINE)
    assert "<p>" not in source.text and source.publisher == "The Estuary Herald"
    plain = tmp_path / "plain.txt"
    plain.write_text("title: A note\n\nThe depot will reopen.\n", encoding="utf-8")
    (note,) = load_sources(pm, str(plain), OFFLINE)
    assert note.title == "A note"

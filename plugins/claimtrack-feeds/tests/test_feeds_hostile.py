"""A hostile feed is read as data: no entity expansion, no file opened by its body, bad
character references mended per entry, no quadratic text clean-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from claimtrack import LoadError, LoadOptions

import claimtrack_feeds
from claimtrack_feeds import defused, html_to_text, parse_feed

PADDING = "The council will reopen the depot next week. " * 40


def _feed(description: str, *, prolog: str = "", items: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}\n'
        '<rss version="2.0"><channel><title>Valley Paper</title>'
        "<link>https://valley.example/</link>"
        f"<item><title>Depot</title><link>https://valley.example/a</link>"
        f"<description>{description}</description></item>{items}"
        "</channel></rss>"
    ).encode()


AMPLIFYING = f'<!DOCTYPE rss [\n<!ENTITY a "{PADDING}">\n]>'


@pytest.mark.parametrize(
    "prolog",
    [AMPLIFYING, f"<!--\n{AMPLIFYING}\n-->", AMPLIFYING.replace("DOCTYPE", "doctype")],
    ids=["doctype", "doctype-in-a-comment", "lower-case"],
)
def test_declared_entities_are_never_expanded(prolog: str) -> None:
    data = _feed("&a;" * 2000, prolog=prolog)
    try:
        entries = parse_feed(data, "https://valley.example/feed")
    except LoadError:
        return  # not XML at all (a lower-case doctype): refused, not expanded
    (entry,) = entries
    assert len(entry.text) < len(data)  # 8 KB in, never megabytes out
    assert "reopen the depot" not in entry.text


def test_nested_entities_are_never_expanded() -> None:
    levels = ['<!ENTITY e0 "lol lol lol lol lol lol lol lol lol lol">']
    levels += [f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 9)]
    data = _feed("&e8;", prolog="<!DOCTYPE rss [\n" + "\n".join(levels) + "\n]>")
    (entry,) = parse_feed(data, "https://valley.example/feed")
    assert "lol" not in entry.text


def test_an_external_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the password is swordfish")
    data = _feed("&x;", prolog=f'<!DOCTYPE rss [\n<!ENTITY x SYSTEM "{secret.as_uri()}">\n]>')
    (entry,) = parse_feed(data, "https://valley.example/feed")
    assert "swordfish" not in entry.text


def test_a_feed_with_an_internal_subset_is_read(tmp_path: Path) -> None:
    data = _feed(
        "The council will act &amp; hire&nbsp;staff &copy; &pub;.",
        prolog='<!DOCTYPE rss [\n<!ENTITY pub "Valley Paper">\n]>',
    )
    path = tmp_path / "news.xml"
    path.write_bytes(data)
    assert claimtrack_feeds.is_feed(data[:8192])
    result = claimtrack_feeds.claimtrack_load(str(path), LoadOptions(network=False))
    assert result is not None
    (entry,) = result
    # &nbsp; read as HTML reads it (then a plain space); &pub; declared, so dropped
    assert entry.text.endswith("The council will act & hire staff © .")


def test_invalid_character_references_are_mended_in_their_entry() -> None:
    other = "<item><title>Second</title><description>We will publish it.</description></item>"
    data = _feed("Bad &#xD800; and &#x110000; and &#1114112; and &#27;[2K here.", items=other)
    first, second = parse_feed(data, "https://valley.example/feed")
    assert first.text.endswith("Bad \ufffd and \ufffd and \ufffd and [2K here.")
    assert second.text.endswith("We will publish it.")


def test_control_bytes_do_not_refuse_the_feed() -> None:
    (entry,) = parse_feed(_feed("The mayor\x01 will\x1b act."), "https://valley.example/feed")
    assert entry.text.endswith("The mayor will act.")


def test_a_body_that_looks_like_a_path_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # feedparser opens a string or bytes naming a file: the body must reach it as data.
    (tmp_path / "<rss>").mkdir()
    (tmp_path / "stolen.xml").write_bytes(_feed("A local file the server named."))
    monkeypatch.chdir(tmp_path)
    body = b"<rss>/../stolen.xml"
    assert claimtrack_feeds.is_feed(body)
    entries = parse_feed(body, "https://evil.example/feed")
    assert not any("local file" in e.text for e in entries)


def test_defused_keeps_a_feed_without_declarations_as_it_is() -> None:
    data = _feed("Plain &amp; simple.")
    assert defused(data).endswith(data.split(b"?>", 1)[1])


def test_a_stray_less_than_is_text_not_a_tag() -> None:
    # A "<" that never closes cannot swallow text up to some later ">": the scan for a
    # tag stops at the next "<", which is also what keeps it linear on "<"-heavy text.
    assert html_to_text("a < b <i>c</i> d") == "a < b c d"
    assert html_to_text("x <p never closes <br> y") == "x <p never closes\ny"
    assert html_to_text("keep <script>drop</script> this <style>x") == "keep this"


@pytest.mark.slow
def test_a_two_megabyte_description_of_less_thans_reads() -> None:
    unit = "a &lt; b &lt;p&gt; c "
    body = (unit * (2 * 1024 * 1024 // len(unit) + 1))[: 2 * 1024 * 1024]
    (entry,) = parse_feed(_feed(body), "https://valley.example/feed")
    assert entry.text.count("<") > 90_000

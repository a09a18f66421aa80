"""Nothing from a source controls the reader: clean text, terminals, Markdown, links."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimtrack.sanitize import (
    TerminalSafe,
    clean_text,
    for_terminal,
    markdown_text,
    one_line,
    safe_url,
)

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Text with a high share of escapes, controls and the characters they take.
_HOSTILE = st.text(
    alphabet=st.sampled_from(
        [
            *"\x1b\x9b\x9d\x07\x9c\r\n\t\x00\x08\x0b\x0c\x85[];:0123456789mHJK?aZ \\",
            *("\ud800", "\u202e", "\u2066", "é", "—"),
        ]
    )
)

CLIPBOARD_WRITE = "\x1b]52;c;ZmFrZQ==\x07"
ERASE_LINE = "\r\x1b[2K\x1b[1A"


@given(_HOSTILE | st.text())
def test_clean_text_leaves_no_control_and_is_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert not _FORBIDDEN.search(cleaned)
    assert clean_text(cleaned) == cleaned
    cleaned.encode("utf-8")  # no lone surrogates left


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))))
def test_clean_text_returns_clean_text_itself(text: str) -> None:
    assert clean_text(text) is text


def test_escape_sequences_go_whole_and_line_breaks_stay() -> None:
    dirty = f"Kept\x1b[31m red\x1b[0m{CLIPBOARD_WRITE}\r\nnext\rline\ttab\x00"
    assert clean_text(dirty) == "Kept red\nnext\nline\ttab"


def test_an_unterminated_string_sequence_stops_at_the_line_end() -> None:
    # An OSC that never ends must not eat the rest of an article.
    assert clean_text("a\x1b]0;title\nThe mayor will act.") == "a\nThe mayor will act."


@given(_HOSTILE)
def test_one_line_is_one_line(text: str) -> None:
    line = one_line(text)
    assert "\n" not in line and "\t" not in line and line == line.strip()


def test_for_terminal_drops_bidi_overrides_but_keeps_marks() -> None:
    assert for_terminal("kept\u202e deppets\u202c \u200fok") == "kept deppets \u200fok"


@given(_HOSTILE)
def test_a_rich_console_with_the_hook_prints_no_escape_from_text(text: str) -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="standard", width=60)
    console.push_render_hook(TerminalSafe())
    table = Table("a", "b")
    table.add_row(Text(text, style="bold"), text.replace("[", "\\["))
    console.print(table)
    # Rich's own styles are SGR sequences (ESC [ digits m); nothing else may appear.
    leftover = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    assert not _FORBIDDEN.search(leftover.replace("\n", ""))


# CommonMark with GitHub's tables and strike-through (markdown-it comes with rich).
_RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@given(st.text())
def test_markdown_text_renders_as_exactly_that_text(text: str) -> None:
    cell = markdown_text(text)
    assert "\n" not in cell
    html = _RENDER.render(f"| a |\n| --- |\n| {cell} |\n")
    body = html.split("<tbody>", 1)[1] if "<tbody>" in html else html
    inner = re.sub(r"</?(tbody|tr|td|table)[^>]*>", "", body)
    assert not re.search(r"<(a|img|em|strong|code|s|del)\b", inner)


def test_markdown_text_neutralises_links_and_images() -> None:
    html = _RENDER.render(markdown_text("see ![pixel](https://t.example/p.png) [x](javascript:1)"))
    assert "<img" not in html and "<a " not in html and "pixel" in html


def test_safe_url_allows_only_absolute_http_links() -> None:
    assert safe_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    assert safe_url(" http://news.example/ ") == "http://news.example/"
    for bad in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "/local/path",
        "https://news.example/a\r\nInjected: yes",
        "https://news.example/a b",
        "https://",
        "http://[::1",
        None,
        42,
    ):
        assert safe_url(bad) is None, bad

"""Text from sources, made safe for the people who read it.

A source is written by someone else: a feed, a scraped page, a file passed around.
Nothing in it may act on the reader's tools instead of being read.  This module is the
one place that decides what is removed or escaped, used on the way in (every loaded
source, in :func:`claimtrack.loading.load_sources`) and again on the way out (the
terminal, Markdown, calendars, links), so that text stored before a rule existed, or
put there by a plugin, is shown as safely as new text.

- :func:`clean_text` — source text: escape sequences (ANSI/VT colour, cursor moves,
  OSC clipboard and title writes, DCS strings) and C0/C1 control characters go; line
  breaks and tabs stay (CR, CRLF, NEL, vertical tab and form feed become LF); lone
  surrogates become U+FFFD.
- :func:`one_line` — a one-line field (title, publisher, a name): the same, and every
  run of whitespace, line breaks included, becomes one space.
- :func:`for_terminal` — what is printed on a terminal: :func:`clean_text`, and the
  bidirectional embedding/override/isolate controls go too (they can make a line
  read differently from what it holds).  :class:`TerminalSafe` applies it to every
  piece of text a :class:`rich.console.Console` prints, leaving rich's own colours.
- :func:`markdown_text` — a Markdown table cell that renders literally: no links,
  images, emphasis, code, HTML or table breaks.
- :func:`safe_url` — a link only when it is an absolute ``http(s)`` URL; anything else
  (``javascript:``, ``data:``, a path, a URL with spaces or control characters) is None.

Every function is linear in its input and returns its input unchanged (the same
object) when there is nothing to remove, so clean text costs one scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook, RenderResult
from rich.console import RenderableType as _Renderable
from rich.segment import Segment

__all__ = [
    "TerminalSafe",
    "clean_text",
    "for_terminal",
    "markdown_text",
    "one_line",
    "safe_url",
]

# Escape sequences (ECMA-48), 7-bit (ESC ...) and 8-bit (C1 introducers).  A string
# sequence (OSC, DCS, SOS, PM, APC) ends at its terminator, else at the next line
# break or escape: an unterminated one never swallows the rest of an article, and the
# lone introducer is removed with the other controls below in any case.
_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: ESC [ params intermediates final
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # CSI, 8-bit
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # the same, 8-bit
    r"|\x1b[ -/]*[0-~]?"  # any other escape: ESC intermediates final
)
#: Control characters that never belong in text (tab and line feed do).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: What clean text never holds: a quick test before any rewriting.
_UNCLEAN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85]")
#: Bidirectional embeddings, overrides and isolates (not the harmless LRM/RLM marks).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """``text`` without escape sequences, control characters (tab and line feed
    stay; CR, CRLF, NEL, vertical tab and form feed become a line feed) or lone
    surrogates (each becomes U+FFFD)."""
    if not _UNCLEAN.search(text):
        return text
    text = _BREAKS.sub("\n", text)
    text = _SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def one_line(text: str) -> str:
    """:func:`clean_text` for a one-line field: runs of whitespace (line breaks, tabs,
    U+2028 …) become one space, and the ends are trimmed."""
    return _WHITESPACE.sub(" ", clean_text(text)).strip()


def for_terminal(text: str) -> str:
    """:func:`clean_text`, and no bidirectional embedding, override or isolate
    controls: what a terminal shows is what the text holds, in its order."""
    text = clean_text(text)
    return _BIDI.sub("", text) if _BIDI.search(text) else text


#: Markdown that text from a source must not produce: tables, links, images, emphasis,
#: strike-through, code, HTML and entities.  Each becomes a literal character.
_MD_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "~": "\\~",
        "[": "\\[",
        "]": "\\]",
        "!": "\\!",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\n": " ",
        "\r": " ",
        "\t": " ",
        "\u2028": " ",
        "\u2029": " ",
        "\x85": " ",
    }
)


def markdown_text(value: object) -> str:
    """``value`` (None is empty) as Markdown that renders as exactly this text, on
    one line: fit for a table cell or a paragraph."""
    text = "" if value is None else str(value)
    return for_terminal(text).translate(_MD_ESCAPES)


def safe_url(value: object) -> str | None:
    """``value`` when it is an absolute ``http://`` or ``https://`` URL with a host and
    without whitespace or control characters; None otherwise.  A link made from a
    source's URL goes through this, so a ``javascript:`` or ``data:`` URL is never
    a link."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > 8192 or _UNCLEAN.search(url) or _WHITESPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # an invalid IPv6 literal and the like
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


class TerminalSafe(RenderHook):
    """A rich render hook that passes every piece of text through
    :func:`for_terminal` on its way to the terminal.

    Rich's own styling (colour, bold) is not text and is untouched.  Install it with
    ``console.push_render_hook(TerminalSafe())``."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        """Wrap each renderable so that its text is cleaned as it is rendered."""
        return [_Cleaned(r) for r in renderables]


class _Cleaned:
    def __init__(self, inner: _Renderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments: Iterable[Segment] = console.render(self.inner, options)
        for segment in segments:
            if segment.control or not segment.text:
                yield segment
            else:
                text = for_terminal(segment.text)
                yield segment if text is segment.text else Segment(text, segment.style)

"""Paragraph ranges and trimming: the spans everything else is cut from.

Spans are ``(start, end)`` code-point offsets into the source, end exclusive.
"""

from __future__ import annotations

__all__ = ["paragraphs", "strip_span"]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as (start, end), trimmed of surrounding whitespace.

    News text puts one paragraph (or a headline) on each line, so a line is a paragraph.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = strip_span(text, pos, nl)
        if e > s:
            out.append((s, e))
        pos = nl + 1
    return out


def strip_span(text: str, start: int, end: int, chars: str | None = None) -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading and trailing ``chars`` and whitespace
    (default: whitespace only)."""
    if chars is None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end

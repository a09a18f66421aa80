"""Times as they were written, across engines: plain rules over ISO 8601 texts.

An SQLite store keeps a time as the text it was written with (``2025-03-03T10:00:00+01:00``);
PostgreSQL's ``timestamptz`` keeps the instant and gives it back in UTC
(``2025-03-03T09:00:00+00:00``).  So that ``claimtrack db copy`` from SQLite to
PostgreSQL and back gives every time its exact text, a PostgreSQL store keeps, beside
the rows, the texts its ``timestamptz`` would not give back (table ``time_texts``).

- **kept-text**: a time's text is kept when PostgreSQL would give back another text
  for the same instant (another offset, or no offset at all); a text in UTC as
  PostgreSQL writes it needs nothing kept.
- **same-instant**: a kept text replaces what PostgreSQL gives back only when both name
  the same instant: a time changed since (a source re-dated) is given as it is now.
"""

from __future__ import annotations

from datetime import datetime, timezone

__all__ = ["as_written", "instant", "needs_keeping", "utc_text"]


def instant(text: str) -> datetime:
    """The instant ``text`` names (a text without an offset is UTC, as the store's
    PostgreSQL session reads it)."""
    when = datetime.fromisoformat(text)
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


def utc_text(text: str) -> str:
    """What PostgreSQL gives back for ``text``: its instant, in UTC, as ISO 8601."""
    return instant(text).astimezone(timezone.utc).isoformat()


def needs_keeping(text: str) -> bool:
    """Rule **kept-text**: whether PostgreSQL would give back another text than ``text``
    (only a time's text is asked; anything that is not one is never kept)."""
    try:
        return utc_text(text) != text
    except ValueError:
        return False


def as_written(given: str | None, kept: str | None) -> str | None:
    """Rule **same-instant**: the kept text when it names the instant PostgreSQL gave
    back (``given``), else ``given``."""
    if given is None or kept is None:
        return given
    try:
        return kept if instant(kept) == instant(given) else given
    except ValueError:
        return given

"""Deadlines anchored on an event the article dates elsewhere.

"The Kelby Games will be held from 4 to 12 July" gives the Kelby Games a window; a
later claim "the stadium will not be finished before the Games" is due from the
publication to the day the Games begin.  :class:`EventDates` learns the windows of the
named subjects of an article's dated claims, in reading order, and reads "before /
by / until / ahead of (the) <Name>" against them.  A name the article never dated
gives nothing (the guideline's "at the next World Cup" with no period stays null).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from ..model import Grain, TimeWindow
from .due_types import Choice, due_example
from .rulebook import Rule

__all__ = ["EVENT_RULES", "EventDates"]

_DEADLINE = re.compile(
    r"\b(before|by|until|till|ahead of|in time for)\s+(?:the\s+)?"
    r"((?:[A-Z0-9][\w'’-]*)(?:\s+(?:of\s+)?[A-Z0-9][\w'’-]*){0,5})"
)
_SKIP = frozenset({"the", "a", "an", "this", "next", "its", "their"})
_MAX_EVENTS = 200


def _key(name: str) -> str:
    """The event's name as a key: lower case, without articles and years ("The 2026
    World Cup" and "the World Cup" are one event)."""
    words = [w.strip(".,;:'’\"“”").lower() for w in name.split()]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    kept = [w for w in words if w and w not in _SKIP and not (w.isdigit() and len(w) == 4)]
    return " ".join(kept)


class EventDates:
    """The dated events of one article, in the order it dates them."""

    def __init__(self) -> None:
        self._events: dict[str, TimeWindow] = {}

    def learn(self, subject: str, window: TimeWindow) -> None:
        """Remember ``window`` for the named ``subject`` of a dated claim ("The 2026
        World Cup will be staged from June 11": the World Cup)."""
        if window.start is None:
            return
        if not any(w[:1].isupper() and w.lower() not in _SKIP for w in subject.split()):
            return  # "the works": no name another claim could point back to
        key = _key(subject)
        if key and len(self._events) < _MAX_EVENTS:
            self._events[key] = window

    def _find(self, key: str) -> TimeWindow | None:
        """The event named ``key``, or the latest whose name ends with it ("the Games"
        for "the Kelby Games")."""
        if not key:
            return None
        found = self._events.get(key)
        if found is not None:
            return found
        for name in reversed(self._events):
            if name.endswith(" " + key):
                return self._events[name]
        return None

    def deadline(self, clause: str, reference: datetime | None) -> Choice | None:
        """The deadline of a clause with no time phrase of its own that names a dated
        event after "before", "by", "until" or "ahead of": from the reference to the
        event's start."""
        if reference is None or not self._events:
            return None
        for m in _DEADLINE.finditer(clause):
            event = self._find(_key(m.group(2)))
            if event is None or event.start is None or event.start <= reference:
                continue
            window = TimeWindow(
                start=reference,
                end=event.start,
                grain=event.grain or Grain.DAY,
                text=m.group(0),
                reference=reference,
            )
            return Choice(window, "due.dated-event", 0.5)
        return None


def _rule(*_args: object) -> Choice | None:
    return None  # applied by :class:`EventDates` in the reading order; here for its name


EVENT_RULES: tuple[Rule[Callable[..., Choice | None]], ...] = (
    Rule(
        "due.dated-event",
        _rule,
        (
            due_example(
                "due.dated-event",
                "The Kelby Games will be held from 4 to 12 July, the organisers said. "
                "The new stadium will not be finished before the Games, the builder said.",
                "The new stadium will not be finished before the Games",
                "before the Games",
            ),
        ),
        "'before the Games', dated elsewhere in the article: from now to the day they begin",
    ),
)

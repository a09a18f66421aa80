"""What every ``claimtrack`` command shares: the ``WHEN`` and ``DAYS`` option types,
the ``--as-of`` and ``--extractor`` options with one meaning across commands, the
console (terminal-safe), and the :class:`claimtrack.Tracker` the group's ``--db``,
``--actors`` and ``--time-limit`` open, once per invocation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import click
from rich.console import Console

from .actors import ActorRegistry
from .cli_host import plugin_manager, report_problems
from .errors import ClaimtrackError, InputError
from .extraction import EXTRACTORS_ENV, resolve_extractors
from .plugins import ClaimtrackPluginManager
from .sanitize import TerminalSafe
from .store_open import refuse_memory
from .timeutil import check_typed, parse_when
from .tracker import Tracker, default_db_path, require_store

__all__ = [
    "MAX_DAYS",
    "DaysType",
    "WhenType",
    "as_of_option",
    "console",
    "extractor_option",
    "extractors_of",
    "registry_of",
    "tracker_of",
]

F = TypeVar("F", bound=Callable[..., Any])


def console(err: bool = False) -> Console:
    # Colour only on a terminal; width from the terminal (80 when piped).  Text from
    # sources passes through sanitize.for_terminal: it cannot move the cursor, rewrite
    # lines or set the clipboard.
    out = Console(stderr=err, highlight=False, soft_wrap=False)
    out.push_render_hook(TerminalSafe())
    return out


class WhenType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A date or time on the command line (ISO 8601, "today", "now" …)."""

    name = "WHEN"

    def __init__(self, end_of_day: bool = False) -> None:
        self.end_of_day = end_of_day

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value is None or isinstance(value, datetime):
            return value
        what = param.opts[0] if param else "date"
        try:
            return check_typed(parse_when(value, what=what, end_of_day=self.end_of_day), what=what)
        except (ClaimtrackError, OverflowError) as exc:
            self.fail(str(exc).split(": ", 1)[-1], param, ctx)


class DaysType(click.ParamType):  # type: ignore[type-arg]  # generic only in newer click
    """A number of days: finite, from 0 to :data:`MAX_DAYS`."""

    name = "DAYS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            days = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of days", param, ctx)
        if not math.isfinite(days) or not 0 <= days <= MAX_DAYS:
            self.fail(f"{value!r} is not a number of days from 0 to {MAX_DAYS:,}", param, ctx)
        return days


#: The most days --due-within takes (a century: every deadline there is).
MAX_DAYS = 36_600


def as_of_option(fn: F) -> F:
    """``--as-of WHEN``, with one meaning across commands."""
    return click.option(
        "--as-of",
        type=WhenType(end_of_day=True),
        default=None,
        help="Report as of this time (a date means the end of that day). Default: now.",
    )(fn)


def extractor_option(fn: F) -> F:
    """``--extractor NAME`` (repeatable): run only these extractors."""
    return click.option(
        "--extractor",
        "extractor",
        multiple=True,
        metavar="NAME",
        help="Run only this extractor (repeatable): a plugin's name from `claimtrack "
        f"plugins`, or english for the built-in. Default: ${EXTRACTORS_ENV}, else all.",
    )(fn)


def extractors_of(
    ctx: click.Context, pm: ClaimtrackPluginManager, names: tuple[str, ...]
) -> tuple[str, ...] | None:
    if not names:
        return None
    try:
        return resolve_extractors(pm, names)
    except InputError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param_hint="--extractor") from None


def registry_of(obj: dict[str, Any]) -> ActorRegistry | None:
    path = obj.get("actors")
    return None if path is None else ActorRegistry.from_file(path)


def tracker_of(ctx: click.Context, *, read_only: bool = False, create: bool = False) -> Tracker:
    # status, show and export open the store for reading only: no write lock, no write.
    # Only `add` makes a store: a command given a path where there is none (a typo in
    # --db) says so instead of creating an empty store, or reading nothing.
    obj = ctx.ensure_object(dict)
    if "tracker" not in obj:
        refuse_memory(obj.get("db") or "")
        registry = registry_of(obj)  # a bad --actors file is named first
        if not create:
            require_store(obj.get("db") or default_db_path())
        obj["tracker"] = Tracker(
            obj.get("db"),
            plugin_manager=plugin_manager(ctx),
            registry=registry,
            plugin_timeout=obj.get("time_limit", 120.0),
            read_only=read_only,
        )
        obj["tracker"].store.warn = lambda err: report_problems([err])
        ctx.call_on_close(obj["tracker"].close)
    tracker: Tracker = obj["tracker"]
    return tracker

"""The errors claimtrack raises.  Each message names the input or plugin at fault and
what to do about it, in one line a person can act on."""

from __future__ import annotations

__all__ = [
    "ClaimtrackError",
    "InputError",
    "LoadError",
    "NotFoundError",
    "PluginError",
    "StoreError",
]


class ClaimtrackError(Exception):
    """Base class of every error claimtrack raises on purpose."""


class InputError(ClaimtrackError, ValueError):
    """A value given by the user (a date, a verdict, an option) is not valid."""


class LoadError(ClaimtrackError):
    """A source could not be read: missing, unreadable, binary or undecodable."""

    def __init__(self, uri: str, problem: str) -> None:
        self.uri = uri
        self.problem = problem
        super().__init__(f"{uri}: {problem}")


class NotFoundError(ClaimtrackError, LookupError):
    """A claim, source or exporter that was asked for is not there."""


class StoreError(ClaimtrackError):
    """The store cannot be opened or written."""


class PluginError(ClaimtrackError):
    """A plugin raised, returned garbage or ran too long.

    ``plugin`` names the plugin, ``source`` the input it was working on (if any).
    """

    def __init__(self, plugin: str, source: str | None, problem: str) -> None:
        self.plugin = plugin
        self.source = source
        self.problem = problem
        where = f" on {source}" if source else ""
        super().__init__(f"plugin {plugin!r} failed{where}: {problem}")

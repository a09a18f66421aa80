"""The errors claimtrack raises.  Each message names the input or plugin at fault and
what to do about it, in one line a person can act on."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ClaimtrackError",
    "InputError",
    "LoadError",
    "NotFoundError",
    "PluginError",
    "PluginLoadError",
    "StoreError",
    "StoreMissingError",
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

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent back from a loader's worker process as itself.
        return (type(self), (self.uri, self.problem))


class NotFoundError(ClaimtrackError, LookupError):
    """A claim, source or exporter that was asked for is not there."""


class StoreError(ClaimtrackError):
    """The store cannot be opened or written."""


class StoreMissingError(StoreError, NotFoundError):
    """A command that reads the ledger was given a store that does not exist; the
    message says how to create one (``claimtrack add``) or name the right one."""


class PluginError(ClaimtrackError):
    """A plugin raised, returned garbage, ran too long or could not be loaded.

    ``plugin`` names the plugin, ``source`` the input it was working on (if any),
    ``problem`` what went wrong, ``hook`` the hook it was running (if known).  When the plugin raised, its exception is the
    ``__cause__`` (with the plugin's own traceback) and ``location`` is the file and
    line in the plugin where it happened (``"ct_flaky.py:12"``); set
    ``CLAIMTRACK_DEBUG=1`` and the command line prints that traceback.  ``timed_out``
    says the plugin ran past its time limit (and was stopped).
    """

    def __init__(
        self,
        plugin: str,
        source: str | None,
        problem: str,
        *,
        cause: BaseException | None = None,
        location: str | None = None,
        hook: str | None = None,
        timed_out: bool = False,
    ) -> None:
        self.plugin = plugin
        self.source = source
        self.problem = problem
        self.location = location
        self.hook = hook
        self.timed_out = timed_out
        where = f" on {source}" if source else ""
        super().__init__(f"plugin {plugin!r} failed{where}: {problem}")
        if cause is not None:
            self.__cause__ = cause

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent back from a worker process as itself (its cause stays behind).
        state: dict[str, Any] = {"plugin": self.plugin, "source": self.source}
        state.update(problem=self.problem, location=self.location, hook=self.hook)
        state.update(timed_out=self.timed_out, cause=_portable_cause(self.__cause__))
        return (_rebuild_plugin_error, (state,))

    def __repr__(self) -> str:
        # What a failing test shows of ``result.errors``: the message, and where.
        at = f", at {self.location!r}" if self.location else ""
        return f"{type(self).__name__}({str(self)!r}{at})"

    def traceback_text(self) -> str:
        """The plugin's own traceback (file, line, code), or "" when it did not raise."""
        if self.__cause__ is None:
            return ""
        import traceback

        return "".join(traceback.format_exception(self.__cause__))


class PluginLoadError(PluginError):
    """A plugin that was refused at start-up: it could not be imported, implements a
    hook claimtrack does not have, takes an argument its hook does not pass, or is a
    hook wrapper.  It is not registered; every other plugin still is."""

    def __init__(
        self,
        plugin: str,
        problem: str,
        *,
        cause: BaseException | None = None,
        location: str | None = None,
        version: str | None = None,
    ) -> None:
        super().__init__(plugin, None, problem, cause=cause, location=location)
        self.version = version
        # The message says what happened to the plugin: it is not there at all.
        self.args = (f"plugin {plugin!r} was not loaded: {problem}",)


def _portable_cause(cause: BaseException | None) -> tuple[BaseException, str] | None:
    # The cause, if it survives pickling as itself, with its traceback as text.
    if cause is None:
        return None
    import pickle
    import traceback

    try:
        back = pickle.loads(pickle.dumps(cause))
    except Exception:
        return None
    if type(back) is not type(cause):
        return None
    return back, "".join(traceback.format_exception(cause))


def _rebuild_plugin_error(state: dict[str, Any]) -> PluginError:
    cause = None
    if state.get("cause") is not None:
        from .workers import remote_traceback

        cause, text = state["cause"]
        cause.__cause__ = remote_traceback(text)
    return PluginError(
        state["plugin"],
        state["source"],
        state["problem"],
        cause=cause,
        location=state["location"],
        hook=state["hook"],
        timed_out=state["timed_out"],
    )

"""The command line's side of the plugin host: the click group that loads the plugins
(and their commands) once per run, and the way errors and plugin failures reach a
person: one line each on standard error, the plugin's traceback only when
``CLAIMTRACK_DEBUG=1``, and the exit status.

Exit status: 0 done; 1 an error (nothing, or not the thing asked for, was done);
2 bad usage; 3 ``status --fail-on`` matched; 4 done, but a plugin failed or could not
be loaded: what did go in is kept, and the last lines say which plugin and what to do.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import click

from . import sanitize
from .dispatch import call_hook
from .errors import ClaimtrackError, PluginError, PluginLoadError
from .plugins import BLOCK_ENV, ClaimtrackPluginManager, get_plugin_manager

__all__ = [
    "DEBUG_ENV",
    "PLUGIN_FAILED",
    "ClaimtrackGroup",
    "handle_errors",
    "one_line",
    "plugin_manager",
    "report_problems",
]

F = TypeVar("F", bound=Callable[..., Any])

#: Set to see tracebacks (of unexpected errors, and of plugins that failed).
DEBUG_ENV = "CLAIMTRACK_DEBUG"
#: The exit status of a run that did its work but in which a plugin failed.
PLUGIN_FAILED = 4


def one_line(message: object) -> str:
    """``message`` as one line: every run of whitespace, newlines included, one space,
    and nothing a terminal would act on (:func:`claimtrack.sanitize.for_terminal`)."""
    return sanitize.one_line(sanitize.for_terminal(str(message)))


def _debug() -> bool:
    return bool(os.environ.get(DEBUG_ENV))


def _echo_traceback(err: BaseException) -> None:
    if _debug() and isinstance(err, PluginError) and err.traceback_text():
        at = f" ({err.location})" if err.location else ""
        click.echo(f"Traceback of plugin {err.plugin!r}{at}:", err=True)
        click.echo(err.traceback_text().rstrip("\n"), err=True)


def _fail(message: str) -> None:
    click.echo(f"Error: {one_line(message)}", err=True)
    sys.exit(1)


def handle_errors(fn: F) -> F:
    """Turn claimtrack's errors into one line on standard error and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ClaimtrackError as exc:
            if isinstance(exc, PluginError):
                _note_failure(click.get_current_context(silent=True), exc)
            _echo_traceback(exc)
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("Interrupted; everything added so far is kept.", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click's own: usage errors and exits keep their meaning
        except Exception as exc:
            # A bug, not bad input; still one line, and the way to the full story.
            if _debug():
                raise
            _fail(
                f"unexpected {type(exc).__name__}: {exc} "
                f"(a bug in claimtrack or a plugin; set {DEBUG_ENV}=1 to see the traceback)"
            )

    return wrapper  # type: ignore[return-value]


def _root_obj(ctx: click.Context | None) -> dict[str, Any] | None:
    if ctx is None:
        return None
    root = ctx.find_root()
    obj = root.ensure_object(dict)
    return obj if isinstance(obj, dict) else None


def _note_failure(ctx: click.Context | None, err: PluginError) -> None:
    obj = _root_obj(ctx)
    if obj is not None:
        failures: dict[str, list[PluginError]] = obj.setdefault("plugin_failures", {})
        failures.setdefault(err.plugin, []).append(err)


def report_problems(errors: Iterable[Exception], prefix: str = "Warning") -> None:
    """Print each error as one line on standard error (a plugin's traceback too under
    ``CLAIMTRACK_DEBUG=1``); a plugin that failed makes the run end with status 4."""
    ctx = click.get_current_context(silent=True)
    for err in errors:
        click.echo(f"{prefix}: {one_line(err)}", err=True)
        if isinstance(err, PluginError):
            _echo_traceback(err)
            _note_failure(ctx, err)


def plugin_manager(ctx: click.Context) -> ClaimtrackPluginManager:
    """The run's plugin manager (``ctx.obj["pm"]`` when a caller gave one), built once;
    the plugins that could not be loaded are reported the first time."""
    obj = _root_obj(ctx)
    assert obj is not None
    pm = obj.get("pm")
    if pm is None:
        pm = obj["pm"] = get_plugin_manager()
    if not obj.get("load_errors_reported"):
        obj["load_errors_reported"] = True
        if not ctx.resilient_parsing:  # shell completion prints nothing
            quiet = obj.get("load_errors_shown_elsewhere", False)
            for err in getattr(pm, "load_errors", ()):
                if not quiet:
                    report_problems([err])
                else:
                    _note_failure(ctx, err)
    assert isinstance(pm, ClaimtrackPluginManager)
    return pm


def _advice(name: str, errors: list[PluginError], pm: object) -> str:
    """What a person can do about ``name``'s failures, by what it was doing."""
    if errors and all(e.timed_out for e in errors):
        return (
            f"{name!r} ran out of time: split the inputs it names into smaller files, or "
            "give it more with --time-limit SECONDS; adding them again tries them again"
        )
    if name in getattr(pm, "builtin_names", ()):
        return (
            f"{name!r} is built in: this is a bug in claimtrack; please report it with the "
            f"traceback that {DEBUG_ENV}=1 prints"
        )
    if any(isinstance(e, PluginLoadError) for e in errors):
        return f"{name!r}: fix or reinstall it, or stop it loading with {BLOCK_ENV}={name}"
    hooks = {e.hook for e in errors}
    again = []
    if "claimtrack_extract" in hooks:
        again.append(
            f"`claimtrack add --rederive --extractor {name}` runs it again on the stored sources"
        )
    if "claimtrack_load" in hooks:
        again.append("add the inputs it failed on again")
    if "claimtrack_check" in hooks:
        again.append("`claimtrack check` runs it again")
    then = f", then {' and '.join(again)}" if again else ""
    return (
        f"{name!r}: fix or update it{then}; {BLOCK_ENV}={name} leaves it out; "
        f"{DEBUG_ENV}=1 shows its traceback"
    )


def _summarise(ctx: click.Context, status: int | None = PLUGIN_FAILED) -> bool:
    obj = _root_obj(ctx)
    if obj is None or obj.get("plugin_summary_done"):
        return False
    failures: dict[str, list[PluginError]] = obj.get("plugin_failures") or {}
    if not failures:
        return False
    obj["plugin_summary_done"] = True
    names = ", ".join(repr(n) for n in failures)
    status_note = f"exit status {status}; " if status else ""
    click.echo(
        f"{len(failures)} plugin(s) failed or could not be loaded: {names} "
        f"({status_note}what did go in is kept). What to do:",
        err=True,
    )
    for name, errors in failures.items():
        click.echo(f"  {_advice(name, errors, obj.get('pm'))}.", err=True)
    return True


class ClaimtrackGroup(click.Group):
    """The ``claimtrack`` group: builds the plugin manager once per run, reports the
    plugins that could not be loaded on every command, adds the plugins' commands (a
    name already taken is refused, naming both plugins) and ends a run in which a
    plugin failed with exit status 4."""

    _builtin_commands: dict[str, click.Command] | None = None

    def _plugins(self, ctx: click.Context, cmd_name: str | None = None) -> None:
        obj = _root_obj(ctx)
        assert obj is not None
        if cmd_name == "plugins":
            obj.setdefault("load_errors_shown_elsewhere", True)  # the table lists them
        pm = plugin_manager(ctx)
        if obj.get("plugin_commands_loaded"):
            return
        obj["plugin_commands_loaded"] = True
        if self._builtin_commands is None:
            self._builtin_commands = dict(self.commands)
        # The group outlives a run (tests invoke it many times): start from the built-ins.
        self.commands = dict(self._builtin_commands)
        owners = dict.fromkeys(self.commands, "claimtrack")
        before = dict(self.commands)
        problems: list[PluginError] = []
        for call in call_hook(pm, "claimtrack_register_commands", {"cli": self}, results="ignored"):
            for name in sorted(set(before) | set(self.commands)):
                new = self.commands.get(name)
                if new is before.get(name):
                    continue
                if name in before:  # replaced or removed: the first holder keeps it
                    self.commands[name] = before[name]
                    problems.append(
                        PluginError(
                            call.plugin,
                            None,
                            f"command {name!r} is already registered by {owners[name]!r}; "
                            f"{call.plugin!r}'s is not used (uninstall one of the two, or "
                            f"block one with {BLOCK_ENV})",
                            hook="claimtrack_register_commands",
                        )
                    )
                else:
                    owners[name] = call.plugin
            before = dict(self.commands)
            if call.error is not None:
                problems.append(call.error)
        if not ctx.resilient_parsing:
            report_problems(problems)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._plugins(ctx)
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._plugins(ctx, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
        except (SystemExit, click.exceptions.Exit):
            _summarise(ctx, None)  # the command's own status stands
            raise
        if _summarise(ctx):
            ctx.exit(PLUGIN_FAILED)
        return result

"""Calling plugins: every implementation of a hook on its own, isolated, timed.

pluggy stops at the first exception.  claimtrack calls each implementation of every
hook itself, through :func:`call_hook`, consuming its results inside the ``try``, so a
failing plugin is named (:class:`PluginError`, its exception kept as the cause) and
the others still run.  Loaders, extractors, checkers, exporters and commands all go
through here; loaders, extractors and checkers get a time limit (the registration
hooks only register).  Loaders and extractors are called with ``isolate=True``: each
call runs in a worker process (:mod:`claimtrack.workers`) that is killed when its time
is up.  Checkers read the store, whose connection cannot cross into another process, so
they run in a thread, abandoned (and a generator stopped at its next item) when late.
"""

from __future__ import annotations

import concurrent.futures
import inspect
import os
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any, Literal

import attrs
import pluggy

from . import workers
from .errors import PluginError

__all__ = ["MAX_RESULTS", "Call", "call_each", "call_hook"]

#: More results than this from one call is a runaway plugin, not a document's claims.
MAX_RESULTS = 1_000_000

#: How a hook's return value is read: ``iterable`` (None counts as nothing),
#: ``optional`` (None means "not mine" and stays None) or ``ignored``.
Results = Literal["iterable", "optional", "ignored"]


@attrs.frozen
class Call:
    """One implementation's outcome: ``value`` is what it returned or yielded, as a
    list (None when it returned None under ``optional``, or its value is ignored);
    ``error`` is set instead when it failed."""

    plugin: str
    value: list[Any] | None = None
    error: PluginError | None = None


class _Garbage(Exception):
    """A plugin returned something that is not an iterable of results."""


def _consume(produced: object, stop: threading.Event, results: Results) -> list[Any] | None:
    # Consumed here, inside the isolation, so a generator that raises half-way is
    # caught, and one that never ends stops when its time is up.
    if results == "ignored":
        return None
    if produced is None:
        return None if results == "optional" else []
    if isinstance(produced, (str, bytes, Mapping)) or not isinstance(produced, Iterable):
        raise _Garbage(f"returned {type(produced).__name__}, not an iterable of results")
    out: list[Any] = []
    for item in produced:
        if stop.is_set():
            break
        out.append(item)
        if len(out) > MAX_RESULTS:
            raise _Garbage(f"returned more than {MAX_RESULTS:,} results; stopped")
    return out


def _run_with_limit(
    fn: Callable[[threading.Event], list[Any] | None], timeout: float | None
) -> list[Any] | None:
    stop = threading.Event()
    if timeout is None:
        return fn(stop)
    # A daemon thread: a plugin that never returns cannot keep the process alive.
    result: concurrent.futures.Future[list[Any] | None] = concurrent.futures.Future()

    def target() -> None:
        try:
            result.set_result(fn(stop))
        except BaseException as exc:  # handed to the caller's except
            result.set_exception(exc)

    threading.Thread(target=target, daemon=True, name="claimtrack-plugin").start()
    try:
        return result.result(timeout=timeout)
    except concurrent.futures.TimeoutError:
        stop.set()  # a generator stops at its next item; its results are dropped
        raise


def _code_file(function: Callable[..., Any]) -> str | None:
    try:
        return inspect.getsourcefile(inspect.unwrap(function))
    except TypeError:  # a builtin or a callable object without source
        return None


def where_defined(function: Callable[..., Any]) -> str | None:
    """``"path/to/plugin.py:LINE"`` where ``function`` is defined, if known."""
    code = getattr(inspect.unwrap(function), "__code__", None)
    if code is None:
        bound = getattr(function, "__func__", None)
        code = getattr(bound, "__code__", None)
    return None if code is None else f"{code.co_filename}:{code.co_firstlineno}"


def where_raised(exc: BaseException, function: Callable[..., Any] | None = None) -> str | None:
    """The file and line where ``exc`` was raised, in the plugin's own file when its
    traceback passes through it (``function``'s file), else its innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    frames = [f for f in frames if os.path.abspath(f.filename) != os.path.abspath(__file__)]
    if not frames:
        return None
    own = _code_file(function) if function is not None else None
    if own is not None:
        mine = [f for f in frames if os.path.abspath(f.filename) == os.path.abspath(own)]
        if mine:
            return f"{mine[-1].filename}:{mine[-1].lineno}"
    return f"{frames[-1].filename}:{frames[-1].lineno}"


def failure(
    plugin: str,
    label: str | None,
    exc: BaseException,
    function: Callable[..., Any] | None = None,
    *,
    doing: str = "",
    hook: str | None = None,
    location: str | None = None,
) -> PluginError:
    """A :class:`PluginError` for an exception a plugin raised: the exception is kept
    as the cause, with the file and line in the plugin where it was raised (``location``
    when it was found in a worker process, where the traceback was)."""
    text = " ".join(str(exc).split())
    if len(text) > 300:
        text = text[:297] + "..."
    problem = f"{doing}{workers.kind_of_exception(exc)}" + (f": {text}" if text else "")
    where = location or where_raised(exc, function)
    return PluginError(plugin, label, problem, cause=exc, location=where, hook=hook)


def call_hook(
    pm: pluggy.PluginManager,
    hook_name: str,
    kwargs: Mapping[str, Any] | Callable[[str], Mapping[str, Any]],
    *,
    label: str | None = None,
    timeout: float | None = None,
    results: Results = "iterable",
    only: Callable[[str], bool] | None = None,
    builtins_first: bool = False,
    isolate: bool = False,
    on_start: Callable[[str], None] | None = None,
    given: Mapping[str, Call] | None = None,
) -> Iterator[Call]:
    """Call every implementation of ``hook_name`` on its own, in pluggy's order
    (later-registered first, ``tryfirst``/``trylast`` honoured), and yield a
    :class:`Call` for each.

    ``kwargs`` are the hook's arguments (or a function giving them for a plugin name);
    each implementation receives the ones it asks for.  An implementation that raises
    (even ``SystemExit``), returns what ``results`` does not allow, or runs past
    ``timeout`` seconds (its results are then dropped, and a generator is stopped at
    its next item) gives a ``Call`` whose ``error`` names it and ``label`` (the input).
    ``only`` keeps the plugins whose name it accepts; ``builtins_first`` calls
    claimtrack's own plugins before the others.  ``isolate`` runs each call with a
    ``timeout`` in its own worker process, killed when the time is up (where processes
    cannot be forked, a thread as without it).  ``given`` holds the outcome of plugins
    already called elsewhere (one stopped in an ``add --jobs`` worker when its time ran
    out): each is yielded in its turn, and the plugin is not called again.  Only
    ``KeyboardInterrupt`` goes through.  The caller may stop iterating at any point (a
    loader's first answer)."""
    caller = getattr(pm.hook, hook_name)
    impls = list(reversed(caller.get_hookimpls()))
    if builtins_first:
        impls.sort(key=lambda i: not i.plugin_name.startswith("claimtrack."))
    for impl in impls:
        name = impl.plugin_name
        if only is not None and not only(name):
            continue
        if impl.wrapper or impl.hookwrapper:
            yield Call(name, error=PluginError(name, label, _WRAPPER_PROBLEM, hook=hook_name))
            continue
        if given is not None and name in given:
            yield given[name]
            continue
        if on_start is not None:
            on_start(name)
        given = kwargs(name) if callable(kwargs) else kwargs
        args = {k: given[k] for k in impl.argnames if k in given}
        function = impl.function

        def run(
            stop: threading.Event,
            function: Callable[..., Any] = function,
            args: dict[str, Any] = args,
        ) -> list[Any] | None:
            return _consume(function(**args), stop, results)

        if isolate and timeout is not None and workers.available():
            yield _call_in_worker(name, run, function, timeout, label, hook_name)
            continue
        try:
            value = _run_with_limit(run, timeout)
        except concurrent.futures.TimeoutError:
            assert timeout is not None
            yield Call(name, error=_late(name, label, timeout, hook_name))
        except _Garbage as exc:
            where = where_defined(function)
            yield Call(
                name, error=PluginError(name, label, str(exc), location=where, hook=hook_name)
            )
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit from a plugin must not end the run
            error = failure(name, label, _without_dispatch(exc), function, hook=hook_name)
            yield Call(name, error=error)
        else:
            yield Call(name, value=value)


def first_answer(
    pm: pluggy.PluginManager,
    hook_name: str,
    kwargs: Mapping[str, Any],
    *,
    label: str | None = None,
    timeout: float | None = None,
) -> Call | None:
    """The first implementation's answer that is not None (or its failure), asking each
    in :func:`call_hook`'s order; None when none answers.  With a ``timeout`` they are
    all asked in one worker process (not one per implementation: most say "not mine"
    at once), each given ``timeout`` seconds; past it the worker is killed and the one
    at work is named.  This is how the loaders are asked to read one input."""
    if timeout is None or not workers.available():
        for call in call_hook(
            pm, hook_name, kwargs, label=label, results="optional", timeout=timeout
        ):
            if call.error is not None or call.value is not None:
                return call
        return None

    def chain() -> Call | None:
        for call in call_hook(
            pm, hook_name, kwargs, label=label, results="optional", on_start=workers.step
        ):
            if call.error is not None or call.value is not None:
                return call
        return None

    try:
        value, raised = workers.run_in_worker(chain, timeout, skip_files=(__file__,))
    except workers.WorkerTimeout as exc:
        name = exc.step or "?"
        return Call(name, error=_late(name, label, timeout, hook_name))
    except workers.WorkerDied as exc:
        name = exc.step or "?"
        problem = f"{exc.how}; its results were dropped"
        return Call(name, error=PluginError(name, label, problem, hook=hook_name))
    if raised is not None:  # call_hook contains the plugins: this is claimtrack's own
        raise raised[0]
    return value


def _late(name: str, label: str | None, timeout: float, hook: str) -> PluginError:
    problem = f"gave no result within {timeout:g} s, its time limit; it was stopped and its results dropped"
    return PluginError(name, label, problem, hook=hook, timed_out=True)


def _call_in_worker(
    name: str,
    run: Callable[[threading.Event], list[Any] | None],
    function: Callable[..., Any],
    timeout: float,
    label: str | None,
    hook: str,
) -> Call:
    never = threading.Event()
    try:
        value, raised = workers.run_in_worker(
            lambda: run(never),
            timeout,
            locate=lambda exc: where_raised(exc, function),
            skip_files=(__file__,),
        )
    except workers.WorkerTimeout:
        return Call(name, error=_late(name, label, timeout, hook))
    except workers.WorkerDied as exc:
        problem = f"{exc.how}; its results were dropped"
        return Call(name, error=PluginError(name, label, problem, hook=hook))
    if raised is None:
        return Call(name, value=value)
    error, where = raised
    if isinstance(error, _Garbage):
        where = where_defined(function)
        return Call(name, error=PluginError(name, label, str(error), location=where, hook=hook))
    return Call(name, error=failure(name, label, error, function, hook=hook, location=where))


_WRAPPER_PROBLEM = (
    "is a hook wrapper (wrapper=True or hookwrapper=True), which claimtrack does not run: "
    "it calls each plugin on its own; make it a plain @claimtrack.hookimpl"
)


def _without_dispatch(exc: BaseException) -> BaseException:
    # The traceback a person reads under CLAIMTRACK_DEBUG starts in the plugin, not in
    # the thread and isolation machinery that called it: everything up to the last
    # frame of this module goes.
    here = os.path.abspath(__file__)
    start: TracebackType | None = exc.__traceback__
    tb = start
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == here:
            start = tb.tb_next
        tb = tb.tb_next
    return exc.with_traceback(start) if start is not None else exc


def call_each(
    pm: pluggy.PluginManager,
    hook_name: str,
    kwargs: Mapping[str, Any],
    *,
    label: str | None = None,
    timeout: float | None = None,
) -> Iterator[tuple[str, list[Any] | PluginError]]:
    """:func:`call_hook` for a hook whose implementations return iterables of results:
    yields ``(plugin_name, results)`` or ``(plugin_name, PluginError)``."""
    for call in call_hook(pm, hook_name, kwargs, label=label, timeout=timeout):
        yield call.plugin, call.error if call.error is not None else (call.value or [])

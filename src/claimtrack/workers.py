"""Running one plugin call in a worker process that is killed when its time is up.

A thread cannot be stopped: a loader or extractor that loops for ever, or takes minutes
over a hostile input, would keep its CPU and memory until the whole run ends.  So
loaders and extractors are called in a child process forked for the call
(:func:`run_in_worker`): it starts with everything the caller has (the plugins, the
source, the actors), does the one call, sends its result back and exits.  When the time
limit passes first it is killed (``SIGKILL``), and its memory goes with it.

What the plugin changes in its own process (a list it appends to, the registry it is
given) is not seen by the caller: only the returned value comes back, and the names of
the modules the worker imported, which the caller then imports too, so the next worker
starts with them (a plugin that imports its machinery on first use would otherwise
import it anew in every worker).  The value must be
picklable; an item that is not comes back as :class:`Unpassable` (which the caller
refuses, naming its type).  An exception raised in the worker comes back as itself when
it can be pickled (else as :class:`RaisedInWorker`), with the worker's traceback as its
``__cause__``.

Forking needs the ``fork`` start method (Linux, the BSDs, macOS); where there is none
(Windows) :func:`available` is False and the caller runs the plugin in a thread as before.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

import attrs

__all__ = [
    "RaisedInWorker",
    "Unpassable",
    "WorkerDied",
    "WorkerTimeout",
    "available",
    "kind_of",
    "kind_of_exception",
    "run_in_worker",
]

T = TypeVar("T")

#: Frames of these files are left out of the traceback a worker sends back: a person
#: reads the plugin's frames, not the machinery's.
_MACHINERY = {os.path.abspath(__file__)}


class WorkerTimeout(Exception):
    """The call did not finish within its time limit; the worker was killed.  ``step``
    is the last step the worker announced (:func:`step`), if any."""

    def __init__(self, limit: float, step: str | None = None) -> None:
        self.limit = limit
        self.step = step
        super().__init__(f"did not finish within {limit:g} s")


class WorkerDied(Exception):
    """The worker ended without sending a result (killed by a signal, or it called
    ``os._exit``): ``how`` says which; ``step`` is the last step it announced."""

    def __init__(self, how: str, step: str | None = None) -> None:
        self.how = how
        self.step = step
        super().__init__(how)


#: The pipe back to the caller, in a worker process (None elsewhere).
_to_caller: Connection | None = None


def step(name: str) -> None:
    """In a worker, say that a new step begins (a loader's turn): the time limit starts
    again for it, and a timeout names it.  Does nothing outside a worker."""
    if _to_caller is not None:
        _to_caller.send(("step", name))


class RaisedInWorker(Exception):
    """An exception of the worker that could not be sent back as itself: ``type_name``
    is its type, the message its text."""

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name = type_name
        self.text = text
        super().__init__(type_name, text)

    def __str__(self) -> str:
        return self.text


class _RemoteTraceback(Exception):
    # The worker's traceback, shown as the cause of the exception it raised.
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f"\n(in the worker process)\n{self.text}"


def remote_traceback(text: str) -> BaseException:
    """An exception that shows ``text``, a worker's traceback, as a cause."""
    return _RemoteTraceback(text)


@attrs.frozen
class Unpassable:
    """An item a plugin returned that cannot be sent back from its worker process
    (e.g. an object of a class defined inside a function): ``type_name`` is its type."""

    type_name: str
    reason: str


def available() -> bool:
    """Whether plugins can run in forked worker processes here."""
    return "fork" in multiprocessing.get_all_start_methods()


def kind_of(item: object) -> str:
    """The type name to show for ``item`` (the original type of an :class:`Unpassable`)."""
    return item.type_name if isinstance(item, Unpassable) else type(item).__name__


def kind_of_exception(exc: BaseException) -> str:
    """The type name to show for ``exc`` (the original type of a :class:`RaisedInWorker`)."""
    return exc.type_name if isinstance(exc, RaisedInWorker) else type(exc).__name__


def run_in_worker(
    fn: Callable[[], T],
    timeout: float,
    *,
    locate: Callable[[BaseException], str | None] | None = None,
    skip_files: tuple[str, ...] = (),
) -> tuple[T, None] | tuple[None, tuple[BaseException, str | None]]:
    """Call ``fn()`` in a forked child process and return ``(value, None)``, or
    ``(None, (exception, location))`` when ``fn`` raised (any ``BaseException``, even
    ``SystemExit``; ``location`` is what ``locate`` said of it in the worker, where its
    traceback is).  Raises :class:`WorkerTimeout` when ``timeout`` seconds pass first
    (the worker is killed) and :class:`WorkerDied` when the worker ends without an
    answer.  ``skip_files`` are left out of the traceback sent back.  Each
    :func:`step` the worker announces gives it ``timeout`` seconds anew.  A
    ``KeyboardInterrupt`` in the caller kills the worker and goes through."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    skip = _MACHINERY | {os.path.abspath(f) for f in skip_files}
    process = context.Process(
        target=_child, args=(send, fn, locate, skip, os.getpid()), name="claimtrack-worker"
    )
    current: str | None = None
    try:
        process.start()
        send.close()
        while True:
            if not receive.poll(timeout):
                raise WorkerTimeout(timeout, current)
            try:
                kind, *payload = receive.recv()
            except (EOFError, OSError):
                process.join(5)
                raise WorkerDied(_how_it_ended(process.exitcode), current) from None
            if kind != "step":
                break
            current = payload[0]
    finally:
        receive.close()
        if process.is_alive():
            process.kill()
        process.join()
    _import_too(payload[-1])
    if kind == "ok":
        return payload[0], None
    exc, tb_text, where, _ = payload
    if tb_text:
        exc.__cause__ = _RemoteTraceback(tb_text)
    return None, (exc, where)


def _how_it_ended(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"its process was killed by {name}{hint}"
    return f"its process ended (exit status {code}) without an answer"


def _die_with(parent: int) -> None:
    # A caller killed outright (SIGKILL) cannot kill its worker: on Linux the kernel
    # does it (PR_SET_PDEATHSIG); a caller already gone before that ends it here.
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no prctl here: the caller's own kill remains
            pass
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _child(
    conn: Connection,
    fn: Callable[[], Any],
    locate: Callable[[BaseException], str | None] | None,
    skip: set[str],
    parent: int,
) -> None:
    # Ctrl-C reaches the whole process group: the caller decides, the worker just ends.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _die_with(parent)
    global _to_caller
    _to_caller = conn
    before = set(sys.modules)
    try:
        value = fn()
        message: tuple[Any, ...] = ("ok", value, _imported_since(before))
    except BaseException as exc:  # SystemExit from a plugin is an answer too
        where = locate(exc) if locate is not None else None
        tb_text = _traceback_text(exc, skip)
        message = ("raise", _portable(exc), tb_text, where, _imported_since(before))
    try:
        conn.send(message)
    except Exception as exc:  # the value could not be pickled: send what can be
        conn.send(_passable(message, exc))
    finally:
        conn.close()


def _imported_since(before: set[str]) -> list[str]:
    return sorted(name for name in list(sys.modules) if name not in before)


def _import_too(names: list[str]) -> None:
    # What the worker imported, imported here once, so the next worker has it.
    for name in names:
        if name in sys.modules:
            continue
        try:
            importlib.import_module(name)
        except KeyboardInterrupt:
            raise
        except BaseException:  # a module that only imports in some settings: its loss
            continue


def _traceback_text(exc: BaseException, skip: set[str]) -> str:
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if os.path.abspath(f.filename) not in skip
    ]
    lines = traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "Traceback (most recent call last):\n" + "".join(lines)


def _portable(exc: BaseException) -> BaseException:
    try:
        back = pickle.loads(pickle.dumps(exc))
    except Exception:
        return RaisedInWorker(type(exc).__name__, str(exc))
    if type(back) is not type(exc):
        return RaisedInWorker(type(exc).__name__, str(exc))
    back.__traceback__ = None
    return back


def _passable(message: tuple[Any, ...], problem: Exception) -> tuple[Any, ...]:
    kind, value, modules = message[0], message[1], message[-1]
    if kind == "ok" and isinstance(value, list):
        return ("ok", [_item(v) for v in value], modules)
    if kind == "ok" and attrs.has(type(value)) and isinstance(getattr(value, "value", None), list):
        # A result record holding a list (a dispatch Call): the items that cannot go.
        items = [_item(v) for v in value.value]
        return ("ok", attrs.evolve(value, value=items), modules)
    if kind == "ok":
        return ("ok", _item(value), modules)
    reason = f"{type(problem).__name__}: {problem}"
    return ("raise", RaisedInWorker("unpicklable result", reason), "", None, modules)


def _item(value: object) -> object:
    try:
        pickle.dumps(value)
    except Exception as exc:
        return Unpassable(type(value).__name__, f"{type(exc).__name__}: {exc}")
    return value

"""The plugin manager: built-ins and third-party plugins, loaded one by one, run isolated.

pluggy stops at the first exception and its entry-point loader aborts on the first
broken plugin.  claimtrack instead loads each entry point on its own and calls each
extract/check implementation itself, consuming its results inside the ``try``, so a
failing plugin is named (:class:`PluginError`) and the run goes on.
"""

from __future__ import annotations

import concurrent.futures
import importlib
import importlib.metadata
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .errors import PluginError

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginInfo",
    "call_each",
    "get_plugin_manager",
    "plugin_name",
]

ENTRY_POINT_GROUP = "claimtrack"

#: The built-in behaviour, registered exactly like third-party plugins.
DEFAULT_PLUGINS = (
    "claimtrack.default_plugins.text_loader",
    "claimtrack.default_plugins.english_extractor",
    "claimtrack.default_plugins.checker",
    "claimtrack.default_plugins.exporters",
)

#: Comma-separated entry-point names to load (all when unset; none when empty).
LOAD_ENV = "CLAIMTRACK_LOAD_PLUGINS"
#: Comma-separated entry-point names never to load.
BLOCK_ENV = "CLAIMTRACK_BLOCK_PLUGINS"


@attrs.frozen
class PluginInfo:
    """What ``claimtrack plugins`` shows of one plugin."""

    name: str
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool
    error: str | None = None


def _names(env: Mapping[str, str], key: str) -> set[str] | None:
    raw = env.get(key)
    if raw is None:
        return None
    return {n.strip() for n in raw.split(",") if n.strip()}


class ClaimtrackPluginManager(pluggy.PluginManager):
    """A pluggy manager that remembers plugins which failed to load, and versions."""

    def __init__(self) -> None:
        super().__init__("claimtrack")
        self.load_errors: list[PluginError] = []
        self.versions: dict[str, str] = {}
        self.builtin_names: set[str] = set()


def get_plugin_manager(
    *,
    load_entrypoints: bool = True,
    builtins: bool = True,
    plugins: Iterable[object] = (),
    env: Mapping[str, str] | None = None,
) -> ClaimtrackPluginManager:
    """Build a new plugin manager.

    ``builtins`` registers :data:`DEFAULT_PLUGINS`; ``load_entrypoints`` loads the
    ``claimtrack`` entry-point group, honouring ``$CLAIMTRACK_LOAD_PLUGINS`` (allow list)
    and ``$CLAIMTRACK_BLOCK_PLUGINS`` (block list).  ``plugins`` are extra plugin objects
    (modules or instances) to register, e.g. in tests.  A plugin that fails to import is
    recorded in ``pm.load_errors`` and skipped.
    """
    pm = ClaimtrackPluginManager()
    pm.add_hookspecs(hookspecs)
    if builtins:
        from . import __version__

        for module_name in DEFAULT_PLUGINS:
            module = importlib.import_module(module_name)
            pm.register(module, name=module_name)
            pm.builtin_names.add(module_name)
            pm.versions[module_name] = __version__
    if load_entrypoints:
        _load_entrypoints(pm, os.environ if env is None else env)
    for plugin in plugins:
        pm.register(plugin)
    return pm


def _load_entrypoints(pm: ClaimtrackPluginManager, env: Mapping[str, str]) -> None:
    allow = _names(env, LOAD_ENV)
    block = _names(env, BLOCK_ENV) or set()
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in block or (allow is not None and ep.name not in allow):
            continue
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # a broken plugin must not stop the others
            pm.load_errors.append(PluginError(ep.name, None, f"could not be loaded: {exc!r}"))
            continue
        dist = getattr(ep, "dist", None)
        if dist is not None:
            pm.versions[ep.name] = dist.version


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """The registered name of ``plugin`` (a module name or entry-point name)."""
    return pm.get_name(plugin) or str(getattr(plugin, "__name__", repr(plugin)))


def describe_plugins(pm: ClaimtrackPluginManager) -> list[PluginInfo]:
    """Every registered plugin with its version and the hooks it implements."""
    out: list[PluginInfo] = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda np: np[0]):
        if plugin is None:
            continue
        hooks = tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ()))
        out.append(
            PluginInfo(
                name=name,
                version=pm.versions.get(name),
                hooks=hooks,
                builtin=name in pm.builtin_names,
            )
        )
    for err in pm.load_errors:
        out.append(
            PluginInfo(name=err.plugin, version=None, hooks=(), builtin=False, error=err.problem)
        )
    return out


#: More results than this from one call is a runaway plugin, not a document's claims.
MAX_RESULTS = 1_000_000


class _Garbage(Exception):
    """A plugin returned something that is not an iterable of results."""


def _consume(produced: object, stop: threading.Event) -> list[Any]:
    # Consumed here, inside the isolation, so a generator that raises half-way is
    # caught, and one that never ends stops when its time is up.
    if produced is None:
        return []
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


def _run_with_limit(fn: Callable[[threading.Event], list[Any]], timeout: float | None) -> list[Any]:
    stop = threading.Event()
    if timeout is None:
        return fn(stop)
    # A daemon thread: a plugin that never returns cannot keep the process alive.
    result: concurrent.futures.Future[list[Any]] = concurrent.futures.Future()

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


def call_each(
    pm: pluggy.PluginManager,
    hook_name: str,
    kwargs: Mapping[str, Any],
    *,
    label: str | None = None,
    timeout: float | None = None,
) -> Iterator[tuple[str, list[Any] | PluginError]]:
    """Call every implementation of ``hook_name`` on its own.

    Yields ``(plugin_name, results)`` where results is the list the implementation
    returned or yielded (None counts as empty), or ``(plugin_name, PluginError)`` when
    it raised (even ``SystemExit``), returned something that is not an iterable of
    results, or ran past ``timeout`` seconds (its results are then abandoned, and a
    generator is stopped at its next item).  ``label`` names the input for error
    messages.  Implementations are called in pluggy's order (later-registered first,
    ``tryfirst``/``trylast`` honoured).  Only ``KeyboardInterrupt`` goes through.
    """
    caller = getattr(pm.hook, hook_name)
    for impl in reversed(caller.get_hookimpls()):
        name = impl.plugin_name
        args = {k: kwargs[k] for k in impl.argnames}
        function = impl.function

        def run(
            stop: threading.Event,
            function: Callable[..., Any] = function,
            args: dict[str, Any] = args,
        ) -> list[Any]:
            return _consume(function(**args), stop)

        try:
            results = _run_with_limit(run, timeout)
        except concurrent.futures.TimeoutError:
            yield (
                name,
                PluginError(
                    name, label, f"gave no result within {timeout:g} s; its results were dropped"
                ),
            )
        except _Garbage as exc:
            yield name, PluginError(name, label, str(exc))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit from a plugin must not end the run
            yield name, PluginError(name, label, f"{type(exc).__name__}: {_one_line(exc)}")
        else:
            yield name, results


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."

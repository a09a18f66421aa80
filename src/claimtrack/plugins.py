"""The plugin manager: built-ins and third-party plugins, loaded one by one, checked.

pluggy's entry-point loader aborts on the first broken plugin.  claimtrack instead loads
each entry point on its own and checks it before registering it: a plugin that cannot
be imported, implements a hook claimtrack does not have (``pm.check_pending()``), takes
an argument its hook does not pass, or is a hook wrapper is refused, recorded in
``pm.load_errors`` with a one-line reason, and every other plugin still loads.  Calling
the plugins is :mod:`claimtrack.dispatch`'s work.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import inspect
import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .dispatch import call_each, failure, where_defined
from .errors import PluginLoadError

__all__ = [
    "BLOCK_ENV",
    "BUILTIN_ALIASES",
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "ClaimtrackPluginManager",
    "PluginInfo",
    "call_each",
    "describe_plugins",
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

#: Short names a person may type for the built-ins (``--extractor english``).
BUILTIN_ALIASES = {
    "text": "claimtrack.default_plugins.text_loader",
    "english": "claimtrack.default_plugins.english_extractor",
    "checker": "claimtrack.default_plugins.checker",
    "exporters": "claimtrack.default_plugins.exporters",
}

#: Comma-separated entry-point names to load (all when unset; none when empty).
LOAD_ENV = "CLAIMTRACK_LOAD_PLUGINS"
#: Comma-separated entry-point names never to load.
BLOCK_ENV = "CLAIMTRACK_BLOCK_PLUGINS"


@attrs.frozen
class PluginInfo:
    """What ``claimtrack plugins`` shows of one plugin (``error`` when it was refused;
    ``alias`` is a built-in's short name)."""

    name: str
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool
    error: str | None = None
    alias: str | None = None


def _names(env: Mapping[str, str], key: str) -> set[str] | None:
    raw = env.get(key)
    if raw is None:
        return None
    return {n.strip() for n in raw.split(",") if n.strip()}


_HOOK_NAMES = tuple(sorted(n for n in dir(hookspecs) if n.startswith("claimtrack_")))


class ClaimtrackPluginManager(pluggy.PluginManager):
    """A pluggy manager that checks each plugin as it is registered, remembers the
    plugins it refused (``load_errors``) and their versions.

    :meth:`register` raises :class:`PluginLoadError` for a plugin that implements an
    unknown hook, a hook wrapper, or takes an argument its hook does not pass; the
    plugin is then not registered."""

    def __init__(self) -> None:
        super().__init__("claimtrack")
        self.add_hookspecs(hookspecs)
        self.load_errors: list[PluginLoadError] = []
        self.versions: dict[str, str] = {}
        self.builtin_names: set[str] = set()

    def register(self, plugin: object, name: str | None = None) -> str | None:
        """Register ``plugin`` after checking it (see the class docstring)."""
        label = name or self.get_canonical_name(plugin)
        problem = self._impl_problem(plugin)
        if problem:
            raise PluginLoadError(label, problem)
        try:
            registered = super().register(plugin, name)
        except pluggy.PluginValidationError as exc:
            raise PluginLoadError(label, " ".join(str(exc).split()), cause=exc) from exc
        try:
            self.check_pending()
        except pluggy.PluginValidationError as exc:
            unknown = [c.name for c in self.get_hookcallers(plugin) or () if not c.has_spec()]
            self.unregister(plugin)
            raise PluginLoadError(label, _unknown_hooks(unknown), cause=exc) from exc
        return registered

    def _impl_problem(self, plugin: object) -> str:
        """Why ``plugin``'s hook implementations cannot be run ("" when they can)."""
        for attr in dir(plugin):
            try:
                opts = self.parse_hookimpl_opts(plugin, attr)
            except Exception:  # an attribute that raises on access is not a hook
                continue
            if opts is None:
                continue
            if opts.get("wrapper") or opts.get("hookwrapper"):
                return (
                    f"implements {attr} as a hook wrapper (wrapper=True or hookwrapper=True); "
                    "claimtrack calls each plugin on its own and runs no wrappers: make it a "
                    "plain @claimtrack.hookimpl"
                )
            caller = getattr(self.hook, attr, None)
            spec = caller.spec if caller is not None else None
            if spec is None:
                continue  # an unknown hook: check_pending refuses it, naming it
            wanted = _required_args(getattr(plugin, attr))
            extra = [a for a in wanted if a not in spec.argnames]
            if extra:
                names = ", ".join(repr(a) for a in extra)
                return (
                    f"its {attr} takes {names}, which the hook does not pass "
                    f"(it passes: {', '.join(spec.argnames)}); rename the argument"
                )
        return ""

    def resolve_name(self, name: str) -> str | None:
        """The registered name for ``name`` (a registered name or a built-in's alias)."""
        if self.get_plugin(name) is not None:
            return name
        full = BUILTIN_ALIASES.get(name)
        return full if full is not None and self.get_plugin(full) is not None else None

    def implementers(self, hook_name: str) -> list[str]:
        """The names of the registered plugins that implement ``hook_name``."""
        caller = getattr(self.hook, hook_name)
        return [impl.plugin_name for impl in reversed(caller.get_hookimpls())]

    def alias_of(self, name: str) -> str | None:
        """A built-in's short name (None for other plugins)."""
        return next((a for a, full in BUILTIN_ALIASES.items() if full == name), None)


def _required_args(function: Any) -> list[str]:
    try:
        params = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return []
    if params and params[0].name in ("self", "cls") and not inspect.ismethod(function):
        params = params[1:]
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.POSITIONAL_ONLY)
    return [p.name for p in params if p.kind in kinds and p.default is inspect.Parameter.empty]


def _unknown_hooks(names: list[str]) -> str:
    parts = []
    for name in names:
        close = difflib.get_close_matches(name, _HOOK_NAMES, n=1)
        parts.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    hooks = ", ".join(parts) or "a hook claimtrack does not have"
    if any("did you mean" in p for p in parts):
        return f"implements unknown hook {hooks}"
    return f"implements unknown hook {hooks}; the hooks are: {', '.join(_HOOK_NAMES)}"


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
    and ``$CLAIMTRACK_BLOCK_PLUGINS`` (block list, which may also name a built-in, by
    its full or short name: ``english``).  ``plugins`` are extra plugin objects
    (modules or instances) to register, e.g. in tests, each under its module's or
    class's name; one that cannot be registered raises :class:`PluginLoadError`.  An entry point that fails to import or is refused
    (see :class:`ClaimtrackPluginManager`) is recorded in ``pm.load_errors`` and skipped.
    """
    pm = ClaimtrackPluginManager()
    environ = os.environ if env is None else env
    # Built-ins are blocked only where the environment is read (the real manager).
    blocked = (_names(environ, BLOCK_ENV) or set()) if load_entrypoints else set()
    if builtins:
        from . import __version__

        for module_name in DEFAULT_PLUGINS:
            if module_name in blocked or pm.alias_of(module_name) in blocked:
                continue
            module = importlib.import_module(module_name)
            pm.register(module, name=module_name)
            pm.builtin_names.add(module_name)
            pm.versions[module_name] = __version__
    if load_entrypoints:
        _load_entrypoints(pm, environ)
    for plugin in plugins:
        # A module under its own name (as an entry point would be), an instance under
        # its class's, so messages and ``--extractor`` name something readable.
        base = str(getattr(plugin, "__name__", None) or type(plugin).__name__)
        name, n = base, 1
        while pm.get_plugin(name) is not None or pm.is_blocked(name):
            n += 1
            name = f"{base}-{n}"
        pm.register(plugin, name=name)
    return pm


def _load_entrypoints(pm: ClaimtrackPluginManager, env: Mapping[str, str]) -> None:
    allow = _names(env, LOAD_ENV)
    block = _names(env, BLOCK_ENV) or set()
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in block or (allow is not None and ep.name not in allow):
            continue
        if pm.get_plugin(ep.name) is not None:
            continue
        dist = getattr(ep, "dist", None)
        version = None if dist is None else dist.version
        try:
            plugin = ep.load()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # a broken plugin must not stop the others
            err = failure(ep.name, None, exc, doing="cannot be imported: ")
            pm.load_errors.append(
                PluginLoadError(
                    ep.name, err.problem, cause=exc, location=err.location, version=version
                )
            )
            continue
        try:
            pm.register(plugin, name=ep.name)
        except PluginLoadError as exc:
            where = next((where_defined(f) for f in _hook_functions(pm, plugin)), None)
            pm.load_errors.append(
                PluginLoadError(
                    ep.name, exc.problem, cause=exc.__cause__, location=where, version=version
                )
            )
            continue
        if version is not None:
            pm.versions[ep.name] = version


def _hook_functions(pm: ClaimtrackPluginManager, plugin: object) -> list[Any]:
    out = []
    for attr in dir(plugin):
        try:
            if pm.parse_hookimpl_opts(plugin, attr) is not None:
                out.append(getattr(plugin, attr))
        except Exception:
            continue
    return out


def plugin_name(pm: pluggy.PluginManager, plugin: object) -> str:
    """The registered name of ``plugin`` (a module name or entry-point name)."""
    return pm.get_name(plugin) or str(getattr(plugin, "__name__", repr(plugin)))


def describe_plugins(pm: ClaimtrackPluginManager) -> list[PluginInfo]:
    """Every registered plugin with its version and the hooks it implements, then the
    plugins that were refused, with the reason."""
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
                alias=pm.alias_of(name),
            )
        )
    for err in pm.load_errors:
        out.append(
            PluginInfo(
                name=err.plugin, version=err.version, hooks=(), builtin=False, error=err.problem
            )
        )
    return out

"""The registry of output formats.  Exporters come from ``claimtrack_register_exporters``
implementations; the host owns the policy (a name is taken once, by the first plugin)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TextIO

import attrs
import pluggy

from .errors import PluginError
from .status import Standing

__all__ = ["Exporter", "WriteFn", "collect_exporters"]

#: ``write(standings, stream, as_of)``: write every claim to a text stream.
WriteFn = Callable[[Sequence[Standing], TextIO, datetime], None]


@attrs.frozen(kw_only=True)
class Exporter:
    """One output format: its name, writer, a one-line description and file extension."""

    name: str
    write: WriteFn
    description: str = ""
    extension: str = ""
    plugin: str = ""


def collect_exporters(pm: pluggy.PluginManager) -> tuple[dict[str, Exporter], list[PluginError]]:
    """Every registered exporter by name, and the plugins that failed to register.

    A name registered twice keeps the first registration; the second plugin is reported."""
    found: dict[str, Exporter] = {}
    errors: list[PluginError] = []
    current = [""]

    def register(name: str, write: WriteFn, *, description: str = "", extension: str = "") -> None:
        if not isinstance(name, str) or not name.strip() or not callable(write):
            raise TypeError("register(name, write) needs a name and a callable writer")
        if name in found:
            errors.append(
                PluginError(
                    current[0],
                    None,
                    f"exporter {name!r} is already registered by {found[name].plugin!r}",
                )
            )
            return
        found[name] = Exporter(
            name=name,
            write=write,
            description=description,
            extension=extension or name,
            plugin=current[0],
        )

    caller = pm.hook.claimtrack_register_exporters
    # Built-ins register first so a plugin cannot silently replace json/jsonl/csv/markdown.
    impls = sorted(
        reversed(caller.get_hookimpls()), key=lambda i: not i.plugin_name.startswith("claimtrack.")
    )
    for impl in impls:
        current[0] = impl.plugin_name
        try:
            impl.function(**{k: register for k in impl.argnames})
        except Exception as exc:
            errors.append(PluginError(impl.plugin_name, None, f"{type(exc).__name__}: {exc}"))
    return found, errors

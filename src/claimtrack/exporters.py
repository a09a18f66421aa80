"""The registry of output formats.  Exporters come from ``claimtrack_register_exporters``
implementations; the host owns the policy (a name is taken once, by the first plugin)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TextIO

import attrs
import pluggy

from .dispatch import call_hook
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

    claimtrack's own exporters register first, so a plugin cannot silently replace
    json, jsonl, csv or markdown; a name registered twice keeps the first registration
    and the second is reported, naming both plugins.  A plugin whose hook raises is
    reported; the exporters it registered before raising are kept."""
    found: dict[str, Exporter] = {}
    errors: list[PluginError] = []

    def register_for(plugin: str) -> dict[str, Callable[..., None]]:
        def register(
            name: str, write: WriteFn, *, description: str = "", extension: str = ""
        ) -> None:
            if not isinstance(name, str) or not name.strip() or not callable(write):
                raise TypeError("register(name, write) needs a name and a callable writer")
            if name in found:
                errors.append(
                    PluginError(
                        plugin,
                        None,
                        f"exporter {name!r} is already registered by {found[name].plugin!r}; "
                        f"{plugin!r}'s is not used (uninstall one of the two, or block one "
                        "with CLAIMTRACK_BLOCK_PLUGINS)",
                        hook="claimtrack_register_exporters",
                    )
                )
                return
            found[name] = Exporter(
                name=name,
                write=write,
                description=description,
                extension=extension or name,
                plugin=plugin,
            )

        return {"register": register}

    for call in call_hook(
        pm, "claimtrack_register_exporters", register_for, results="ignored", builtins_first=True
    ):
        if call.error is not None:
            errors.append(call.error)
    return found, errors

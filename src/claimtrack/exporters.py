"""The registry of output formats.  Exporters come from ``claimtrack_register_exporters``
implementations; the host owns the policy (a name is taken once, by the first plugin).

An exporter may declare the options it takes (:class:`ExportOption`); a person gives
them as ``-O key=value`` on ``claimtrack export``.  The host checks them against the
declaration before anything is written: an option the exporter does not declare, or a
value its converter refuses, is an :class:`InputError` naming the exporter, the option
and the options there are."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, TextIO
from urllib.parse import urlsplit

import attrs
import pluggy

from .dispatch import call_hook
from .errors import InputError, PluginError
from .status import Standing

__all__ = [
    "ExportOption",
    "Exporter",
    "WriteFn",
    "collect_exporters",
    "option_bool",
    "option_template",
    "option_url",
    "options_from_file",
    "parse_option_pairs",
]

#: ``write(standings, stream, as_of)``, or ``write(standings, stream, as_of, options)``
#: for an exporter that declares options: write every claim to a text stream.  It may
#: return how many items it wrote (a review per settled promise, say); otherwise the
#: count is the number of claims it was given.
WriteFn = Callable[..., object]


def option_bool(value: str) -> bool:
    """``true``/``yes``/``1``/``on`` or ``false``/``no``/``0``/``off`` (any case)."""
    key = value.strip().lower()
    if key in ("true", "yes", "1", "on"):
        return True
    if key in ("false", "no", "0", "off"):
        return False
    raise ValueError("is not true or false (also: yes/no, 1/0, on/off)")


def option_url(value: str) -> str:
    """An absolute ``http(s)`` URL."""
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("is not an http(s) URL such as https://example.org/")
    return value.strip()


def option_template(*fields: str) -> Callable[[str], str]:
    """A converter for a URL template whose ``{field}`` placeholders are among
    ``fields`` (at least one must be used, so every item gets its own URL)."""

    def convert(value: str) -> str:
        import string

        used = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
        unknown = sorted(set(used) - set(fields))
        if unknown:
            raise ValueError(
                f"uses {{{unknown[0]}}}; the placeholders are: "
                + ", ".join(f"{{{f}}}" for f in fields)
            )
        if not used:
            raise ValueError(
                "has no placeholder, so every item would get the same URL; use "
                + " or ".join(f"{{{f}}}" for f in fields)
            )
        option_url(value.replace("{", "").replace("}", ""))
        return value

    return convert


@attrs.frozen(kw_only=True)
class ExportOption:
    """One option an exporter takes: its ``name`` (``-O name=value``), a one-line
    ``help``, a ``convert`` function from the text given to the value the writer gets
    (raising ``ValueError`` with a short reason when the text is not a valid value),
    and the ``default`` the writer gets when the option is not given."""

    name: str
    help: str = ""
    convert: Callable[[str], Any] = str
    default: Any = None


def _options(value: Iterable[ExportOption] | None) -> tuple[ExportOption, ...]:
    out = tuple(value or ())
    for option in out:
        if not isinstance(option, ExportOption):
            raise TypeError(f"options must be ExportOption values, not {type(option).__name__}")
    names = [o.name for o in out]
    if len(set(names)) != len(names):
        raise TypeError(f"an option is declared twice: {names}")
    return out


@attrs.frozen(kw_only=True)
class Exporter:
    """One output format: its name, writer, a one-line description, file extension,
    the plugin that registered it, the options it takes and what an item it writes is
    called (``unit``, for the summary line: "Wrote 3 claimreview review(s)")."""

    name: str
    write: WriteFn
    description: str = ""
    extension: str = ""
    plugin: str = ""
    options: tuple[ExportOption, ...] = attrs.field(default=(), converter=_options)
    #: What one item written is called ("review"): the summary line counts them.
    unit: str = "record"

    def bind(self, given: Mapping[str, str] | None) -> dict[str, Any]:
        """Every declared option's value: converted from ``given`` (the ``-O`` pairs)
        or its default.  An undeclared option, or a value the option's converter
        refuses, is an :class:`InputError` naming this exporter and listing its
        options."""
        given = dict(given or {})
        declared = {o.name: o for o in self.options}
        for name in given:
            if name not in declared:
                if not declared:
                    raise InputError(
                        f"exporter {self.name!r} takes no options (-O {name}=…); "
                        "leave out -O for this format"
                    )
                raise InputError(
                    f"exporter {self.name!r} has no option {name!r}; its options are: "
                    f"{', '.join(declared)} (`claimtrack export --format {self.name} "
                    "--list-options` says what each does)"
                )
        values: dict[str, Any] = {}
        for name, option in declared.items():
            if name not in given:
                values[name] = option.default
                continue
            try:
                values[name] = option.convert(given[name])
            except (ValueError, TypeError) as exc:
                raise InputError(
                    f"exporter {self.name!r}: -O {name}={given[name]!r} {exc}"
                    + (f" ({name}: {option.help})" if option.help else "")
                ) from None
        return values

    def run(
        self,
        standings: Sequence[Standing],
        stream: TextIO,
        as_of: datetime,
        values: Mapping[str, Any] | None = None,
    ) -> int:
        """Write, with ``values`` (what :meth:`bind` returned; the defaults when None)
        for an exporter that declares options, and return how many items were written
        (what the writer returned, else the number of claims)."""
        if self.options:
            bound = dict(values) if values is not None else self.bind(None)
            written = self.write(standings, stream, as_of, bound)
        else:
            written = self.write(standings, stream, as_of)
        if isinstance(written, int) and not isinstance(written, bool) and written >= 0:
            return written
        return len(standings)


def parse_option_pairs(pairs: Iterable[str]) -> dict[str, str]:
    """``["reviewer=Harbour Fact Check", …]`` as a dict; a pair without ``=``, with an
    empty key, or a key given twice is an :class:`InputError` naming it."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise InputError(f"-O {pair!r}: give an option as key=value, e.g. -O reviewer=Name")
        if key in out:
            raise InputError(f"-O {key}: given twice ({out[key]!r} and {value!r}); give it once")
        out[key] = value
    return out


def options_from_file(path: str, format: str) -> dict[str, str]:
    """The options for ``format`` in a JSON options file: an object with one object of
    ``"option": "value"`` pairs per format, e.g. ``{"claimreview": {"reviewer":
    "Harbour Fact Check"}}``.  A format the file does not mention has none.  A file
    that cannot be read, is not such an object, or holds a value that is not a string,
    number or boolean is an :class:`InputError` naming the file and what is wrong."""
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: is not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or not all(isinstance(v, dict) for v in doc.values()):
        raise InputError(
            f'{path}: expected an object of formats, e.g. {{"claimreview": {{"reviewer": '
            '"Harbour Fact Check"}}'
        )
    out: dict[str, str] = {}
    for key, value in doc.get(format, {}).items():
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, (str, int, float)):
            out[key] = str(value)
        else:
            raise InputError(
                f"{path}: {format}.{key} is {type(value).__name__}; give a string, number "
                "or true/false"
            )
    return out


def _check_writer(write: Callable[..., Any], options: tuple[ExportOption, ...]) -> None:
    # A writer that declares options must take them as its fourth argument.
    if not options:
        return
    try:
        inspect.signature(write).bind(None, None, None, {})
    except TypeError:
        raise TypeError(
            "an exporter that declares options is called write(standings, stream, as_of, "
            "options); this writer does not take a fourth argument"
        ) from None
    except ValueError:  # no signature to read (a builtin): trust it
        return


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
            name: str,
            write: WriteFn,
            *,
            description: str = "",
            extension: str = "",
            options: Iterable[ExportOption] = (),
            unit: str = "record",
        ) -> None:
            if not isinstance(name, str) or not name.strip() or not callable(write):
                raise TypeError("register(name, write) needs a name and a callable writer")
            declared = _options(options)
            _check_writer(write, declared)
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
                options=declared,
                unit=unit if isinstance(unit, str) and unit.strip() else "record",
            )

        return {"register": register}

    for call in call_hook(
        pm, "claimtrack_register_exporters", register_for, results="ignored", builtins_first=True
    ):
        if call.error is not None:
            errors.append(call.error)
    return found, errors

"""Exporter options: ``-O key=value`` reaches an exporter only as it declared it; anything
else stops the export before a byte is written, naming the exporter and the option."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack import ExportOption, InputError, Standing
from claimtrack.exporters import (
    Exporter,
    collect_exporters,
    option_bool,
    option_template,
    option_url,
    parse_option_pairs,
)
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli


class Digest:
    """An exporter with two options: a line prefix and whether to list statements."""

    seen: list[dict[str, Any]] = []  # noqa: RUF012  (the test reads what the writer got)

    @claimtrack.hookimpl
    def claimtrack_register_exporters(self, register: Callable[..., None]) -> None:
        def write(
            standings: Sequence[Standing], stream: TextIO, as_of: datetime, options: dict[str, Any]
        ) -> int:
            self.seen.append(options)
            shown = [s for s in standings if options["all"] or s.claim.is_tracked]
            for s in shown:
                stream.write(f"{options['prefix']}{s.claim.text}\n")
            return len(shown)

        register(
            "digest",
            write,
            description="one line a claim",
            extension="txt",
            options=[
                ExportOption(name="prefix", help="put before each line", default="- "),
                ExportOption(name="all", help="statements too", convert=option_bool, default=False),
            ],
        )


@pytest.fixture
def ledger(tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager) -> Path:
    """A store holding the article's two commitments and two statements."""
    will_pm.register(Digest(), name="digest")
    db = tmp_path / "t.db"
    assert invoke_cli("add", str(article), plugin_manager=will_pm, db=db).exit_code == 0
    return db


def test_options_reach_the_writer_converted_with_defaults(
    ledger: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = invoke_cli("export", "--format", "digest", plugin_manager=will_pm, db=ledger)
    assert result.exit_code == 0, result.output
    assert Digest.seen[-1] == {"prefix": "- ", "all": False}
    assert result.stdout.splitlines() == [
        "- The council will resurface Mill Lane.",
        "- The depot will reopen.",
    ]
    every = invoke_cli("export", "--format", "digest", "-O", "prefix=* ", "-O", "all=yes",
                       plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert Digest.seen[-1] == {"prefix": "* ", "all": True}
    assert len(every.stdout.splitlines()) == 4 and every.stdout.startswith("* ")


def test_the_summary_counts_what_the_writer_wrote(
    ledger: Path, will_pm: ClaimtrackPluginManager, tmp_path: Path
) -> None:
    out = tmp_path / "digest.txt"
    result = invoke_cli("export", "--format", "digest", "-o", str(out),
                        plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert result.exit_code == 0
    # Two commitments written, of four claims stored.
    assert result.stderr.strip() == f"Wrote 2 digest record(s) to {out}"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["-O", "prefx=> "],
            "exporter 'digest' has no option 'prefx'; its options are: prefix, all",
        ),
        (["-O", "all=maybe"], "exporter 'digest': -O all='maybe' is not true or false"),
        (["-O", "prefix"], "give an option as key=value"),
        (["-O", "=x"], "give an option as key=value"),
        (["-O", "all=yes", "-O", "all=no"], "-O all: given twice"),
    ],
)
def test_a_bad_option_stops_the_export_and_says_why(
    ledger: Path, will_pm: ClaimtrackPluginManager, tmp_path: Path, args: list[str], says: str
) -> None:
    out = tmp_path / "digest.txt"
    result = invoke_cli("export", "--format", "digest", *args, "-o", str(out),
                        plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert result.exit_code == 1
    assert says in result.stderr and result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing written


def test_a_format_without_options_refuses_any(
    ledger: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = invoke_cli("export", "--format", "csv", "-O", "delimiter=;",
                        plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert result.exit_code == 1
    assert "exporter 'csv' takes no options (-O delimiter=…)" in result.stderr
    assert result.stdout == ""


def test_list_options_names_each_option_with_its_help(
    ledger: Path, will_pm: ClaimtrackPluginManager
) -> None:
    result = invoke_cli("export", "--format", "digest", "--list-options",
                        plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Options of digest (-O key=value):",
        "  prefix  put before each line (default: - )",
        "  all  statements too (default: False)",
    ]
    plain = invoke_cli("export", "--format", "json", "--list-options",
                       plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert plain.stdout == "json takes no options.\n"


def test_the_library_checks_options_as_the_command_line_does(
    ledger: Path, will_pm: ClaimtrackPluginManager
) -> None:
    import io

    with claimtrack.Tracker(ledger, plugin_manager=will_pm) as tracker:
        stream = io.StringIO()
        assert tracker.export("digest", stream, options={"all": "true"}) == 4
        with pytest.raises(InputError, match="no option 'colour'"):
            tracker.export("digest", io.StringIO(), options={"colour": "red"})
        assert json.loads(_json(tracker))["claims"]


def _json(tracker: claimtrack.Tracker) -> str:
    import io

    stream = io.StringIO()
    tracker.export("json", stream)
    return stream.getvalue()


def test_a_writer_that_declares_options_but_takes_none_is_refused_at_registration() -> None:
    class Broken:
        @claimtrack.hookimpl
        def claimtrack_register_exporters(self, register: Callable[..., None]) -> None:
            register(
                "broken",
                lambda standings, stream, as_of: None,
                options=[ExportOption(name="colour")],
            )

    pm = claimtrack.get_plugin_manager(load_entrypoints=False, plugins=[Broken()])
    found, errors = collect_exporters(pm)
    assert "broken" not in found
    (error,) = errors
    assert error.plugin.startswith("Broken") or "Broken" in str(error)
    assert "fourth argument" in str(error)


@pytest.mark.parametrize(
    ("convert", "value", "expected"),
    [
        (option_bool, "TRUE", True),
        (option_bool, " off ", False),
        (option_url, "https://factcheck.example/", "https://factcheck.example/"),
        (option_template("id"), "https://x.example/{id}", "https://x.example/{id}"),
    ],
)
def test_converters_accept_good_values(
    convert: Callable[[str], Any], value: str, expected: Any
) -> None:
    assert convert(value) == expected


@pytest.mark.parametrize(
    ("convert", "value"),
    [
        (option_bool, "2"),
        (option_url, "factcheck.example"),
        (option_url, "javascript:alert(1)"),
        (option_template("id"), "https://x.example/{id"),
        (option_template("id"), "https://x.example/{name}"),
        (option_template("id"), "{id}"),
    ],
)
def test_converters_refuse_bad_values(convert: Callable[[str], Any], value: str) -> None:
    with pytest.raises(ValueError):
        convert(value)


keys = st.text(st.characters(blacklist_characters="=", blacklist_categories=("Cs",)), min_size=1)


@given(st.dictionaries(keys.filter(lambda k: k.strip() == k and k), st.text()))
def test_option_pairs_read_back_as_given(options: dict[str, str]) -> None:
    pairs = [f"{k}={v}" for k, v in options.items()]
    assert parse_option_pairs(pairs) == options


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.text()))
def test_binding_keeps_declared_options_and_refuses_the_rest(given_: dict[str, str]) -> None:
    exporter = Exporter(
        name="x",
        write=lambda standings, stream, as_of, options: None,
        options=[ExportOption(name="a", default="A"), ExportOption(name="b", default="B")],
    )
    if set(given_) <= {"a", "b"}:
        assert exporter.bind(given_) == {"a": "A", "b": "B"} | given_
    else:
        with pytest.raises(InputError, match="its options are: a, b"):
            exporter.bind(given_)


def test_an_options_file_gives_defaults_that_o_overrides(
    ledger: Path, will_pm: ClaimtrackPluginManager, tmp_path: Path
) -> None:
    path = tmp_path / "export-options.json"
    path.write_text(json.dumps({"digest": {"prefix": "> ", "all": True}, "other": {"x": 1}}))
    from_file = invoke_cli("export", "--format", "digest", "--options-file", str(path),
                           plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert from_file.exit_code == 0 and Digest.seen[-1] == {"prefix": "> ", "all": True}
    overridden = invoke_cli("export", "--format", "digest", "-O", "all=no",
                            plugin_manager=will_pm, db=ledger,
                            env={"CLAIMTRACK_EXPORT_OPTIONS": str(path)})  # fmt: skip
    assert overridden.exit_code == 0 and Digest.seen[-1] == {"prefix": "> ", "all": False}
    # A format the file does not mention gets nothing from it.
    plain = invoke_cli("export", "--format", "csv", "--options-file", str(path),
                       plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert plain.exit_code == 0


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "is not valid JSON"),
        ('["digest"]', "expected an object of formats"),
        ('{"digest": {"prefix": ["a"]}}', "digest.prefix is list"),
        ('{"digest": {"colour": "red"}}', "no option 'colour'"),
    ],
)
def test_a_bad_options_file_is_named(
    ledger: Path, will_pm: ClaimtrackPluginManager, tmp_path: Path, content: str, says: str
) -> None:
    path = tmp_path / "opts.json"
    path.write_text(content, encoding="utf-8")
    result = invoke_cli("export", "--format", "digest", "--options-file", str(path),
                        plugin_manager=will_pm, db=ledger)  # fmt: skip
    assert result.exit_code == 1 and says in result.stderr

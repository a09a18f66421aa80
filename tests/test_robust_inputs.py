"""Hostile inputs end in a clean result or one clear error naming the input and the
problem: never a traceback, never a hang.  Through the library (``Tracker.add``,
``claimtrack.extract``) and the CLI (``add``, ``extract``), with the real built-in
extractor, whose time limit turns a hang into a reported failure."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import claimtrack
from claimtrack import LoadError, PluginError
from claimtrack.cli import cli
from claimtrack.loading import LoadOptions, decode_bytes, load_text_file
from claimtrack.plugins import get_plugin_manager
from claimtrack.timeutil import parse_when

#: Generous: a run that needs this long has hung (the extractor is linear; see
#: benchmarks/worst_cases.py).  A plugin past it is reported, which the tests refuse.
LIMIT = 60.0

#: A scraped page: a megabyte of news prose with quotations and no newline.
MEGABYTE_LINE = (
    "The minister said the council would reopen the depot next week. "
    "“We will publish the plan by Friday,” she added; "
) * (1024 * 1024 // 114)

#: Heavy inputs go through the real extractor once (Tracker.add), and through every
#: entry point with the quick predictable extractor.
HEAVY = {"megabyte_one_line"}

UNBALANCED = 'He said "we will act and “they promised ” ” “ ‘ soon, she said. “ ' * 2000

REPORTED = "The mayor said that the minister said that the council said that " * 1500 + (
    "the depot will reopen by March."
)

RTL_ZW = (
    "قال الوزير إن المجلس سيعيد فتح المستودع الأسبوع المقبل. "
    "אמר השר כי המועצה תפתח את המחסן בשבוע הבא. "
    "The min\u200bister said the coun\u200dcil will re\u2060open the de\ufeffpot "
    "\u202enext week\u202c, “\u200fwe will\u200e act by Friday,” he said.\u200b\n"
)

NEWS = (
    "published: 2025-03-15T12:00:00+00:00\n\n"
    "“We will reopen the depot next week,” the mayor said on Saturday.\n"
)


def _utf16_no_bom(text: str, codec: str) -> bytes:
    return text.encode(codec)


#: name -> (file bytes, None for a clean result or the words the one error must hold)
CASES: dict[str, tuple[bytes, str | None]] = {
    "empty": (b"", "no text"),
    "whitespace_only": (b"  \n\t\r\n   \n", "no text"),
    "zero_width_only": ("\u200b\u200d\u2060\ufeff\u200e\n".encode(), "no text"),
    "header_only": (b"title: Nothing here\npublished: 2025-03-15\n\n", "no text"),
    "binary": (bytes(range(256)) * 64, "binary"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4000), "binary"),
    "nul_bytes": (b"\x00" * 5000, "binary"),
    "stray_nul": (NEWS.encode().replace(b"depot", b"de\x00pot"), None),
    "latin1": (
        ("Le maire a déclaré: « nous rouvrirons le dépôt à Zürich ». " * 20).encode("latin-1"),
        None,
    ),
    "cp1252_quotes": ("“We will build it,” she said — café €5.\n".encode("cp1252"), None),
    "latin1_undefined_in_cp1252": (b"caf\xe9 \x81\x8d\x8f\x90\x9d said the mayor.\n", None),
    "utf16_bom": (NEWS.encode("utf-16"), None),
    "utf16le_no_bom": (_utf16_no_bom(NEWS, "utf-16-le"), None),
    "utf16be_no_bom": (_utf16_no_bom(NEWS, "utf-16-be"), None),
    "utf32_bom": (NEWS.encode("utf-32"), None),
    "utf8_bom": (codecs.BOM_UTF8 + NEWS.encode(), None),
    "bad_utf16_after_bom": (codecs.BOM_UTF16_LE + b"\x00\xd8a", "not valid utf-16"),
    "megabyte_one_line": (MEGABYTE_LINE.encode(), None),
    "unbalanced_quotes": (UNBALANCED.encode(), None),
    "repetitive_reported_speech": (REPORTED.encode(), None),
    "rtl_and_zero_width": (RTL_ZW.encode(), None),
    "crlf_and_cr": (NEWS.replace("\n", "\r\n").encode() + b"Old Mac line.\rAnother.\r", None),
    "invalid_date": (b"published: the day after the storm\n\nThe mayor spoke.\n", "published"),
    "impossible_date": (b"published: 2025-02-30\n\nThe mayor spoke.\n", "not a real date"),
    "far_future_date": (b"published: 9999-12-31\n\nThe mayor spoke.\n", "future"),
    "year_3025_typo": (b"published: 3025-03-15T09:00:00Z\n\nThe mayor spoke.\n", "future"),
    "ancient_date": (b"published: 0001-01-01\n\nThe mayor spoke.\n", "before 1800"),
    "huge_header_value": (b"title: " + b"x" * 200_000 + b"\n\nThe mayor spoke.\n", None),
    "control_chars": (b"\x1b[31mred\x1b[0m said the mayor. \x07\x08 He will go.\n", None),
}


@pytest.fixture(scope="module")
def real_pm() -> claimtrack.plugins.ClaimtrackPluginManager:
    """The built-ins (with the real English extractor), no third-party plugins."""
    return get_plugin_manager(load_entrypoints=False)


def _write(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(CASES[name][0])
    return path


def _assert_one_clean_error(
    errors: list[claimtrack.ClaimtrackError], path: Path, words: str
) -> None:
    assert len(errors) == 1, errors
    (error,) = errors
    assert isinstance(error, LoadError), repr(error)
    message = str(error)
    assert path.name in message
    assert words.lower() in message.lower(), message
    assert "\n" not in message and len(message) < 400


@pytest.mark.parametrize("name", sorted(set(CASES) - HEAVY))
def test_tracker_add_ends_cleanly(
    name: str, tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    path = _write(tmp_path, name)
    expected = CASES[name][1]
    with claimtrack.Tracker(
        tmp_path / "t.db", plugin_manager=real_pm, plugin_timeout=LIMIT
    ) as tracker:
        report = tracker.add(path)
        if expected is None:
            assert report.errors == [], [str(e) for e in report.errors]
            assert report.added == 1
            (source,) = report.sources
            stored = tracker.store.get_source(source.id)
            assert stored.text == source.text and "\x00" not in stored.text
            for claim in tracker.store.claims_of(source.id):
                claim.check_against(stored)
        else:
            assert report.added == 0
            _assert_one_clean_error(report.errors, path, expected)


@pytest.mark.parametrize(
    "name", sorted(n for n, (_, err) in CASES.items() if err is None and n not in HEAVY)
)
def test_library_extract_ends_cleanly(
    name: str, tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    text = load_text_file(_write(tmp_path, name), LoadOptions()).text
    claims = claimtrack.extract(
        text, published="2025-03-15T12:00:00+00:00", plugin_manager=real_pm, plugin_timeout=LIMIT
    )
    # The source claimtrack.extract made: its id counts the publication time too.
    source = claimtrack.Source.from_text(text, published_at=parse_when("2025-03-15T12:00:00+00:00"))
    for claim in claims:
        claim.check_against(source)


@pytest.mark.parametrize(
    "text", ["", " \n ", "\x00", "\u200b", "\ud800 lone surrogate said he.", "'" * 10_000]
)
def test_library_extract_takes_any_str(
    text: str, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    assert isinstance(claimtrack.extract(text, plugin_manager=real_pm, plugin_timeout=LIMIT), list)


@pytest.mark.parametrize(
    ("published", "words"),
    [
        ("9999-12-31", "future"),
        ("3025-03-15", "future"),
        ("1066-10-14", "before 1800"),
        ("the day after", "cannot read"),
        ("2025-13-01", "not a real date"),
        ("x" * 5000, "cannot read"),
    ],
)
def test_library_refuses_implausible_published(
    published: str, words: str, real_pm: claimtrack.plugins.ClaimtrackPluginManager, tmp_path: Path
) -> None:
    with pytest.raises(claimtrack.InputError, match=words) as caught:
        claimtrack.extract("The mayor spoke.", published=published, plugin_manager=real_pm)
    assert len(str(caught.value)) < 300
    with (
        claimtrack.Tracker(tmp_path / "t.db", plugin_manager=real_pm) as tracker,
        pytest.raises(claimtrack.InputError, match=words),
    ):
        tracker.add(_write(tmp_path, "latin1"), published=published)


def test_directories_and_missing_paths(
    tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    full = tmp_path / "full"
    full.mkdir()
    (full / "a.txt").write_bytes(CASES["latin1"][0])
    (full / "b.txt").write_bytes(CASES["binary"][0])
    missing = tmp_path / "gone.txt"
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=real_pm) as tracker:
        report = tracker.add([empty, full, missing])
    assert report.added == 1
    messages = sorted(str(e) for e in report.errors)
    assert len(messages) == 3
    assert any("empty_dir" in m and "no files" in m for m in messages)
    assert any("b.txt" in m and "binary" in m for m in messages)
    assert any("gone.txt" in m and "no such file" in m for m in messages)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    # Reading a FIFO with no writer blocks forever: the loader must not open it.
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        load_text_file(fifo, LoadOptions())
    pm = get_plugin_manager(load_entrypoints=False)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=pm) as tracker:
        report = tracker.add(fifo)
    assert "pipe.txt" in str(report.errors[0])


@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heavy_inputs_through_every_entry_point(
    name: str, tmp_path: Path, will_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    # Loaders, store and CLI on the heavy inputs, with the quick predictable extractor.
    path = _write(tmp_path, name)
    with claimtrack.Tracker(tmp_path / "t.db", plugin_manager=will_pm) as tracker:
        report = tracker.add(path)
        assert report.errors == [] and report.added == 1
        assert tracker.store.count("claims") > 1000
    text = load_text_file(path, LoadOptions()).text
    assert "\n" not in text.strip() and len(text) > 1_000_000
    assert claimtrack.extract(text, plugin_manager=will_pm)
    _assert_clean(_cli(will_pm, "--db", str(tmp_path / "c.db"), "add", str(path)), path, None)
    extracted = _cli(will_pm, "extract", str(path), "--format", "jsonl")
    _assert_clean(extracted, path, None)


@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heavy_inputs_through_the_real_extractor(
    name: str, tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    path = _write(tmp_path, name)
    # The limit only keeps a regression from hanging the suite: what is pinned is that a
    # megabyte line is extracted without an error, on however loaded a machine.
    with claimtrack.Tracker(
        tmp_path / "t.db", plugin_manager=real_pm, plugin_timeout=300
    ) as tracker:
        report = tracker.add(path)
    assert report.errors == [], [str(e) for e in report.errors]
    assert report.added == 1


def test_stray_nul_is_dropped_but_binary_refused() -> None:
    assert decode_bytes(b"The mayor\x00 spoke.", "x") == "The mayor spoke."
    with pytest.raises(LoadError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 100, "x")


# -- the CLI ---------------------------------------------------------------------------


def _cli(pm: object, *args: str) -> Result:
    return CliRunner().invoke(cli, list(args), obj={"pm": pm})


def _assert_clean(result: Result, path: Path, expected: str | None) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    if expected is None:
        assert result.exit_code == 0, result.output
        assert errors == []
    else:
        assert result.exit_code == 1, result.output
        assert result.stderr.count("\n") == 1, result.stderr
        (line,) = errors
        assert path.name in line and expected.lower() in line.lower(), line


@pytest.mark.parametrize("name", sorted(set(CASES) - HEAVY))
def test_cli_add_ends_cleanly(
    name: str, tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    path = _write(tmp_path, name)
    result = _cli(real_pm, "--db", str(tmp_path / "c.db"), "add", str(path))
    _assert_clean(result, path, CASES[name][1])


@pytest.mark.parametrize("name", sorted(set(CASES) - HEAVY))
def test_cli_extract_ends_cleanly(
    name: str, tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    path = _write(tmp_path, name)
    result = _cli(real_pm, "extract", str(path), "--format", "jsonl")
    _assert_clean(result, path, CASES[name][1])


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: tmp / "missing.txt",
        lambda tmp: (tmp / "empty_dir").mkdir() or tmp / "empty_dir",
    ],
    ids=["missing", "empty_dir"],
)
@pytest.mark.parametrize("command", ["add", "extract"])
def test_cli_paths_that_are_not_sources(
    make: Callable[[Path], Path],
    command: str,
    tmp_path: Path,
    real_pm: claimtrack.plugins.ClaimtrackPluginManager,
) -> None:
    path = make(tmp_path)
    result = _cli(real_pm, "--db", str(tmp_path / "c.db"), command, str(path))
    _assert_clean(result, path, "no such file" if path.name == "missing.txt" else "no files")


@pytest.mark.parametrize("command", ["add", "extract"])
@pytest.mark.parametrize("published", ["9999-12-31", "3025-01-01", "soonish", "2025-02-30"])
def test_cli_bad_published_is_one_line(
    command: str,
    published: str,
    tmp_path: Path,
    real_pm: claimtrack.plugins.ClaimtrackPluginManager,
) -> None:
    path = _write(tmp_path, "latin1")
    result = _cli(
        real_pm, "--db", str(tmp_path / "c.db"), command, str(path), "--published", published
    )
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "published" in errors[0], errors


def test_cli_unexpected_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A bug (here: a store that raises something claimtrack did not expect) still
    # ends in one line saying how to see the traceback.
    pm = get_plugin_manager(load_entrypoints=False)

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(claimtrack.Tracker, "add", boom)
    result = _cli(pm, "--db", str(tmp_path / "c.db"), "add", str(_write(tmp_path, "latin1")))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "ZeroDivisionError" in result.stderr and "CLAIMTRACK_DEBUG" in result.stderr


def test_plugin_error_messages_stay_one_line() -> None:
    err = PluginError("p", "src.txt", "line one\nline two")
    from claimtrack.cli import _one_line

    assert "\n" not in _one_line(err)


if sys.platform == "win32":  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX paths and pipes")


def test_cli_output_into_a_closed_pipe_is_quiet(
    tmp_path: Path, real_pm: claimtrack.plugins.ClaimtrackPluginManager
) -> None:
    # `claimtrack export | head`: the reader leaving is not an error.
    import subprocess

    path = tmp_path / "many.txt"
    path.write_text("“We will act by Friday,” the mayor said.\n" * 400, encoding="utf-8")
    db = tmp_path / "p.db"
    with claimtrack.Tracker(db, plugin_manager=real_pm) as tracker:
        assert tracker.add(path).claims >= 400
    for args in (["export", "--format", "jsonl"], ["export", "--format", "csv"]):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from claimtrack.cli import main; main()",
                "--db",
                str(db),
                *args,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.read(10)
        child.stdout.close()
        stderr = child.stderr.read().decode()
        child.wait(timeout=60)
        assert "Error" not in stderr and "Traceback" not in stderr, stderr

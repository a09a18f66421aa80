"""``export -o`` writes only plain files, whole or not at all, and leaves no temp file."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimtrack import InputError
from claimtrack.output import write_output
from claimtrack.testing import SAMPLE_TEXT, invoke_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    article = tmp_path / "article.txt"
    article.write_text("published: 2025-03-03\n\n" + SAMPLE_TEXT)
    path = tmp_path / "s.db"
    assert invoke_cli("add", str(article), db=path).exit_code == 0
    return path


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".claimtrack-" in p.name]


def test_a_fifo_is_refused_and_stays_a_fifo(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    result = invoke_cli("export", "--format", "csv", "-o", str(fifo), db=db)
    assert result.exit_code == 1 and "is a named pipe, not a regular file" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("through_link", [False, True])
def test_a_device_is_refused_and_stays_a_device(
    db: Path, tmp_path: Path, through_link: bool
) -> None:
    target = "/dev/null"
    if through_link:
        os.symlink("/dev/null", tmp_path / "null-link")
        target = str(tmp_path / "null-link")
    result = invoke_cli("export", "--format", "csv", "-o", target, db=db)
    assert result.exit_code == 1 and "is a device, not a regular file" in result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if through_link:
        assert os.path.islink(target)


def test_an_existing_file_keeps_its_mode(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "private.csv"
    out.write_text("old")
    out.chmod(0o600)
    result = invoke_cli("export", "--format", "csv", "-o", str(out), db=db)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith("id,kind")
    assert not _temps(tmp_path)


def test_a_link_to_a_file_is_written_through_and_kept(db: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}")
    os.symlink(real, tmp_path / "link.json")
    result = invoke_cli("export", "--format", "json", "-o", str(tmp_path / "link.json"), db=db)
    assert result.exit_code == 0, result.output
    assert os.path.islink(tmp_path / "link.json") and '"claims"' in real.read_text()


def test_a_missing_folder_is_one_clear_line(db: Path, tmp_path: Path) -> None:
    result = invoke_cli("export", "--format", "csv", "-o", str(tmp_path / "no/such/x.csv"), db=db)
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error:") and "does not exist; create it first" in line


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    out.write_text("kept")

    def fail(stream: object) -> None:
        raise RuntimeError("exporter broke")

    with pytest.raises(RuntimeError):
        write_output(str(out), fail)
    assert out.read_text() == "kept" and not _temps(tmp_path)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write_output(str(tmp_path), lambda stream: None)


_KILLED_MID_WRITE = """
import os, signal, sys
from claimtrack.output import write_output

def write(stream):
    stream.write("half")
    stream.flush()
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    stream.write("never")

write_output(sys.argv[1], write)
"""


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_mid_write_removes_the_temp_file(tmp_path: Path, sig: str) -> None:
    out = tmp_path / "x.csv"
    out.write_text("old")
    script = textwrap.dedent(_KILLED_MID_WRITE)
    done = subprocess.run([sys.executable, "-c", script, str(out), sig], capture_output=True)
    assert done.returncode != 0
    assert out.read_text() == "old" and not _temps(tmp_path)


def test_a_temp_file_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    script = textwrap.dedent(_KILLED_MID_WRITE)
    done = subprocess.run([sys.executable, "-c", script, str(out), "SIGKILL"], capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert len(_temps(tmp_path)) == 1  # nothing can clean up after SIGKILL ...
    write_output(str(out), lambda stream: stream.write("new"))
    assert out.read_text() == "new" and not _temps(tmp_path)  # ... but the next run does

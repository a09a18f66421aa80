"""Writing an output file (``claimtrack export -o PATH``) safely.

The file appears whole or not at all: it is written beside the target under a
temporary name and renamed over it.  And the target stays what it was, a plain file:

- only a regular file (or a link to one, which is written through and kept) or a new
  path is written; a device, a named pipe, a socket or a directory is refused, so
  ``-o /dev/null`` or a FIFO never becomes a regular file, even for root;
- an existing file keeps its permissions (a private 0600 export stays private; root
  also keeps its owner); a new one gets the usual ones (0666 less the umask);
- a missing folder is a clear error, not a traceback;
- SIGINT, SIGTERM or SIGHUP during the write remove the temporary file; one left by a
  process killed outright (SIGKILL) is named after its process and removed by the next
  write to the same target, once that process is gone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from typing import TextIO, TypeVar

from .errors import InputError

__all__ = ["write_output"]

T = TypeVar("T")

_TEMP_MARK = ".claimtrack-"
_TEMP_SUFFIX = ".tmp"
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def write_output(path: str, write: Callable[[TextIO], T]) -> T:
    """Call ``write`` with a text stream (UTF-8, newlines untranslated) whose content
    becomes the file ``path``, and return what it returns.

    Raises :class:`InputError` naming ``path`` when it is not a regular file or a new
    path in an existing folder (see the module's description).  If ``write`` raises,
    or the process is interrupted, ``path`` is left as it was."""
    target, mode, owner = _target(path)
    folder = os.path.dirname(target)
    _remove_stale_temps(folder, os.path.basename(target))
    temp = os.path.join(
        folder,
        f".{os.path.basename(target)}{_TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}{_TEMP_SUFFIX}",
    )
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise InputError(f"{path}: cannot write there ({exc.strerror or exc})") from exc
    try:
        with _signals_raise(), os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
            os.chmod(temp, mode)
            if owner is not None:
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.chown(temp, *owner)
            os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return result


def _target(path: str) -> tuple[str, int, tuple[int, int] | None]:
    """The real file to replace, the mode to give it and the owner to keep."""
    if os.path.lexists(path):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise InputError(
                f"{path}: is a link to {os.path.realpath(path)}, which does not exist; "
                "give a file path"
            ) from None
        except OSError as exc:
            raise InputError(f"{path}: cannot be checked ({exc.strerror or exc})") from exc
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path}: is {_kind(info.st_mode)}, not a regular file; give a file path "
                "(or leave out -o to write to standard output)"
            )
        is_root = getattr(os, "geteuid", lambda: -1)() == 0
        owner = (info.st_uid, info.st_gid) if is_root else None
        return os.path.realpath(path), stat.S_IMODE(info.st_mode), owner
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"{path}: the folder {folder} does not exist; create it first")
    umask = os.umask(0)
    os.umask(umask)
    return os.path.abspath(path), 0o666 & ~umask, None


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _remove_stale_temps(folder: str, name: str) -> None:
    # A temporary file of a process that no longer runs (killed outright) is garbage.
    prefix = f".{name}{_TEMP_MARK}"
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        if not (entry.startswith(prefix) and entry.endswith(_TEMP_SUFFIX)):
            continue
        pid_text = entry[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, entry))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    # The default action of SIGTERM and SIGHUP ends the process on the spot, leaving the
    # temporary file; raising instead runs the clean-up, then exits as the signal asks.
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    # Only where nobody else handles the signal already.
    previous = {
        sig: signal.signal(sig, _raise)
        for sig in _SIGNALS
        if signal.getsignal(sig) is signal.SIG_DFL
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

"""Built-in loader: plain text and Markdown files, with header, front matter or sidecar."""

from __future__ import annotations

from pathlib import Path

from ..hookspecs import hookimpl
from ..loading import TEXT_SUFFIXES, LoadOptions, load_text_file, looks_like_text
from ..model import Source


@hookimpl(trylast=True)
def claimtrack_load(uri: str, options: LoadOptions) -> list[Source] | None:
    """Read ``uri`` when it is a local text/Markdown file (any other loader goes first)."""
    if "://" in uri and not uri.startswith("file://"):
        return None
    path = Path(uri[len("file://") :] if uri.startswith("file://") else uri)
    if path.suffix.lower() not in TEXT_SUFFIXES and not _sniff_text(path):
        return None
    return [load_text_file(path, options)]


def _sniff_text(path: Path) -> bool:
    # Unknown extensions are read when their start is not markup or binary.  Anything
    # but a regular file (a directory, pipe or device) goes to load_text_file, which
    # names the problem; opening a pipe here could block forever.
    if not path.is_file():
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError:
        return True  # let load_text_file report the problem with the path
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype", b"<html", b"<?xml", b"<rss", b"<feed", b"{", b"%pdf")):
        return False
    return looks_like_text(head)

"""claimtrack: track what public actors claim and commit to, and whether they deliver.

The library API (a contract: tests, docs and benchmarks use these names)::

    import claimtrack

    claims = claimtrack.extract(text, published="2025-03-15T12:00:00+00:00")
    window = claimtrack.parse_window("on Thursday", reference=published_at)
    found = claimtrack.find_windows(sentence, reference=published_at)

    tracker = claimtrack.Tracker("claims.db")
    tracker.add("seeds/", published="2025-03-15")
    for row in tracker.status(as_of="2025-03-25"):
        print(row.claim.actor, row.claim.action, row.claim.due, row.status)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .actors import ActorRegistry
from .errors import (
    ClaimtrackError,
    InputError,
    LoadError,
    NotFoundError,
    PluginError,
    PluginLoadError,
    StoreError,
    StoreMissingError,
)
from .exporters import ExportOption
from .extraction import ExtractContext, owns_sources
from .hookspecs import hookimpl, hookspec
from .languages import UnreadLanguage, reads_languages
from .loading import Fetched, LoadOptions, fetch_url
from .model import (
    Actor,
    ActorKind,
    Claim,
    ClaimKind,
    Evidence,
    Grain,
    Progress,
    RecorderKind,
    Source,
    SourceRef,
    Status,
    TimeWindow,
    Verdict,
)
from .plugins import get_plugin_manager
from .reviews import Reviewed
from .status import Standing, derive_status
from .timewindows import find_windows, parse_window
from .tracker import Tracker, extract, extract_path

__all__ = [
    "Actor",
    "ActorKind",
    "ActorRegistry",
    "Claim",
    "ClaimKind",
    "ClaimtrackError",
    "Evidence",
    "ExportOption",
    "ExtractContext",
    "Fetched",
    "Grain",
    "InputError",
    "LoadError",
    "LoadOptions",
    "NotFoundError",
    "PluginError",
    "PluginLoadError",
    "Progress",
    "RecorderKind",
    "Reviewed",
    "Source",
    "SourceRef",
    "Standing",
    "Status",
    "StoreError",
    "StoreMissingError",
    "TimeWindow",
    "Tracker",
    "UnreadLanguage",
    "Verdict",
    "__version__",
    "derive_status",
    "extract",
    "extract_path",
    "fetch_url",
    "find_windows",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "owns_sources",
    "parse_window",
    "reads_languages",
]

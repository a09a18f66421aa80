"""Built-in checker: matches later sources' reports to open commitments.

The logic lives in :mod:`claimtrack.checking`; this module only registers it.
"""

from __future__ import annotations

from datetime import datetime

from ..checking import check_commitment
from ..hookspecs import hookimpl
from ..model import Claim, Evidence
from ..store import StoreView


@hookimpl
def claimtrack_check(claim: Claim, store: StoreView, as_of: datetime) -> list[Evidence]:
    """Evidence from later reports in ``store`` that ``claim`` was kept, broken,
    delayed, or that its condition was met or failed (see :mod:`claimtrack.checking`)."""
    return check_commitment(claim, store, as_of)

"""When a finding is one the ledger holds already: a plain rule over evidence records.

Rule **same-finding**: two findings are the same when they name the same claim, the
same verdict, the same recorder (``recorded_by``), the same report (``source_id``) and
the same sentence of it (``excerpt``).  Everything else (reason, note, confidence,
times, the report's address) may differ: a checker run again over the same report, or
a review imported twice, adds nothing.  The store asks this of its evidence
(``add_evidence(..., skip_duplicate=True)``) and of the checker's suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .model import Evidence

__all__ = ["SAME_FINDING", "FindingKey", "finding_key", "held_already", "without_duplicates"]


class FindingKey(NamedTuple):
    """What makes two findings the same (rule **same-finding**)."""

    claim_id: str
    verdict: str
    recorded_by: str
    source_id: str | None
    excerpt: str | None


#: The columns of :class:`FindingKey` as a WHERE clause over a table of evidence rows
#: (``IS ?`` where a value may be missing), for :func:`finding_key`'s values.
SAME_FINDING = (
    " WHERE claim_id = ? AND verdict = ? AND recorded_by = ? AND source_id IS ? AND excerpt IS ?"
)


def finding_key(evidence: Evidence) -> FindingKey:
    """The key under which ``evidence`` is the same finding as another."""
    e = evidence
    return FindingKey(e.claim_id, e.verdict.value, e.recorded_by, e.source_id, e.excerpt)


def held_already(evidence: Evidence, held: Iterable[Evidence]) -> bool:
    """Whether ``held`` holds the same finding as ``evidence``."""
    key = finding_key(evidence)
    return any(finding_key(h) == key for h in held)


def without_duplicates(findings: Iterable[Evidence]) -> list[Evidence]:
    """``findings`` in order, each kept only when no earlier one is the same finding:
    what the store keeps when they are added one by one with ``skip_duplicate``."""
    seen: set[FindingKey] = set()
    out: list[Evidence] = []
    for e in findings:
        key = finding_key(e)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out

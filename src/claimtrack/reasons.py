"""Why a commitment was broken, annulled or only partly kept: one vocabulary of reason
codes, for the person (``resolve --reason``) and the built-in checker alike, so a
report can count them.  Free text goes to ``--note``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .status import StatusLine

__all__ = ["REASONS", "UNSTATED", "parse_reason", "reason_counts", "reason_lines", "reasons_help"]

#: Every reason code, with what it means.  The built-in checker's rules use these
#: (a test holds it to that).
REASONS: dict[str, str] = {
    "cancelled": "the plan was cancelled or scrapped",
    "declined": "the act was rejected or refused",
    "blocked_by_others": "others stopped it (a court, a parliament, a partner)",
    "reversed": "it was done, then undone",
    "missed": "the deadline passed without it",
    "postponed": "it was put off to a later date",
    "late": "it happened, but after the promised window",
    "stalled": "work on it stopped or is held up",
    "reduced": "less was done than promised",
    "not_as_promised": "something other than what was promised was done",
    "elsewhere": "it happened, but not where promised",
    "condition_failed": "the condition it hung on did not happen",
    "premise_failed": "what it rested on fell away",
}


def parse_reason(value: str) -> str:
    """``value`` as a reason code: any case, hyphens or spaces for underscores
    (``premise-failed``); anything else is an :class:`InputError` listing the codes and
    sending free text to ``--note``."""
    key = "_".join(value.strip().lower().replace("-", " ").split())
    if key in REASONS:
        return key
    raise InputError(
        f"--reason {value!r} is not a reason code; use one of: {', '.join(REASONS)} "
        "(put your own words in --note)"
    )


def reasons_help() -> str:
    """The codes, comma-separated, for a command's help."""
    return ", ".join(code.replace("_", "-") for code in REASONS)


#: The count of settled promises whose deciding verdict gives no reason code.
UNSTATED = "unstated"


def reason_counts(lines: Iterable[StatusLine]) -> dict[str, dict[str, int]]:
    """final status -> reason code -> how many promises it settled for that reason (the
    deciding verdict's ``reason``), for every final status some promise reached with a
    reason code; those of that status without one count as :data:`UNSTATED`, so each
    status's counts sum to how many promises have it."""
    tally: dict[str, dict[str, int]] = {}
    for ln in lines:
        e = ln.decided_by
        if e is None or ln.status is None or not ln.status.is_final:
            continue
        row = tally.setdefault(ln.status.value, {})
        key = e.reason or UNSTATED
        row[key] = row.get(key, 0) + 1
    return {
        status: dict(sorted(row.items(), key=lambda kv: (kv[0] == UNSTATED, -kv[1], kv[0])))
        for status, row in sorted(tally.items())
        if set(row) != {UNSTATED}
    }


def reason_lines(counts: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The reason counts as the report prints them, a status a line:
    "broken: postponed 3 · cancelled 1 · unstated 2"."""
    return [
        f"{status.replace('_', ' ')}: "
        + " · ".join(f"{code.replace('_', ' ')} {n}" for code, n in row.items())
        for status, row in counts.items()
    ]

"""Why a commitment was broken, annulled or only partly kept: one vocabulary of reason
codes, for the person (``resolve --reason``) and the built-in checker alike, so a
report can count them.  Free text goes to ``--note``."""

from __future__ import annotations

from .errors import InputError

__all__ = ["REASONS", "parse_reason", "reasons_help"]

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

"""The names of the rules that made a claim, in the order the extractor applied them.

A claim's ``rules`` read like a trace: how its speaker was found (``attribution.*``),
what decided its kind (``kind.*``, then any rule that revised it) and where its due
window came from (``due.*``).  The names are stable: tests and users refer to them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import ClaimKind

__all__ = ["attribution_rule", "claim_rules", "kind_rule"]

#: How a speaker is found, by the extractor's unit mode when no finer cue is known.
_MODE_RULES = {
    "direct": "attribution.adjacent",
    "indirect": "attribution.verb",
    "nested": "attribution.participle",
    "publisher": "attribution.publisher",
    "headline": "attribution.headline",
    "event": "attribution.publisher-event",
}


def attribution_rule(mode: str, via: str = "") -> str:
    """The attribution rule for a unit found in ``mode`` by the cue family ``via``
    (``verb``, ``participle``, ``nominal``, ``according``, ``inverted``, ``adjacent``,
    ``chain``, ``last-speaker``, ``publisher``); ``via`` wins when given."""
    if via:
        return f"attribution.{via}"
    return _MODE_RULES.get(mode, f"attribution.{mode}")


def kind_rule(trigger: str | None, kind: ClaimKind) -> str:
    """The rule that decided ``kind`` from the analysis ``trigger`` ("future", "plan",
    "obligation" ...); a reporting cue's override names the kind it gave."""
    if trigger is None:
        return "kind.statement"
    if "." in trigger:
        return trigger  # a named rule's own reading ("schedule.on-track")
    if trigger == "cue":
        return f"kind.cue-{kind.value}"
    return f"kind.{trigger}"


def claim_rules(
    attribution: str, kind: str, revisions: Iterable[str] = (), due: str | None = None
) -> tuple[str, ...]:
    """The claim's rule trace: attribution, kind, the kind's revisions, due; no repeats."""
    out: list[str] = []
    for name in (attribution, kind, *revisions, due or ""):
        if name and name not in out:
            out.append(name)
    return tuple(out)

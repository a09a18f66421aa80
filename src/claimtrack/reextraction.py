"""What happens to a source's stored claims when it is extracted again: plain rules over
plain records, with no database (the store applies the plan in its transaction).

- **replaced**: only the claims of the extractors that ran and succeeded now are
  replaced; a failed (or unselected) extractor's claims stay as they were.
- **kept-own**: a claim stored active under an extractor not replaced now is that
  extractor's own: the new run does not overwrite it.
- **person-stays**: a claim a person recorded (``claimtrack add-claim``) is never
  retired by re-extraction.
- **retired**: every other held claim the new run did not make again is retired.
- **carried**: a retired claim's evidence (append-only) is carried, as a copy, to the
  new claim of the *same* extractor that overlaps its span most; with no overlap it
  stays with the retired claim.  A person's verdict is never moved onto what another
  extractor made of the sentence.  Corrections naming the old claim then apply to the
  one that replaced it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

from .model import Claim

__all__ = [
    "PERSON_EXTRACTOR",
    "HeldClaim",
    "Plan",
    "carried_note",
    "is_replaced",
    "keeps_its_own",
    "plan_reextraction",
    "successor",
]

#: Claims whose extractor name starts with this were recorded by a person
#: (``claimtrack add-claim``): re-extraction never retires them.
PERSON_EXTRACTOR = "person"


class HeldClaim(NamedTuple):
    """A stored, active claim of the source, as far as re-extraction needs it."""

    id: str
    span: tuple[int, int]
    extractor: str | None


class Plan(NamedTuple):
    """What re-extraction does to the held claims: ``replaced`` (those of the extractors
    that ran), ``retire`` (in the order held) and, for each retired claim that has one,
    the new claim its evidence is carried to."""

    replaced: list[str]
    retire: list[str]
    moves: dict[str, str]


def is_replaced(extractor: str | None, replace: Collection[str] | None) -> bool:
    """Rule **replaced**: whether a claim of ``extractor`` is replaced by this run
    (``replace`` names the extractors that ran and succeeded; None: every one)."""
    return replace is None or extractor in replace


def keeps_its_own(active: bool, extractor: str | None, replace: Collection[str] | None) -> bool:
    """Rule **kept-own**: whether a claim already stored under the new claim's id stays
    as it is (it is active and its extractor is not replaced now)."""
    return active and replace is not None and extractor not in replace


def successor(span: tuple[int, int], extractor: str | None, claims: Sequence[Claim]) -> str | None:
    """Rule **carried**: the id of the new claim of ``extractor`` that overlaps ``span``
    most (the first such in ``claims`` on a tie), or None when none overlaps."""
    best: tuple[int, str] | None = None
    for claim in claims:
        if claim.extractor != extractor:
            continue
        overlap = min(span[1], claim.span[1]) - max(span[0], claim.span[0])
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim.id)
    return None if best is None else best[1]


def plan_reextraction(
    held: Iterable[HeldClaim], claims: Sequence[Claim], replace: Collection[str] | None
) -> Plan:
    """Which of the ``held`` claims the new ``claims`` retire (rules **replaced**,
    **person-stays**, **retired**), and where each one's evidence goes (**carried**)."""
    new_ids = {c.id for c in claims}
    replaced: list[str] = []
    retire: list[str] = []
    moves: dict[str, str] = {}
    for h in held:
        if not is_replaced(h.extractor, replace):
            continue
        replaced.append(h.id)
        if h.id in new_ids:
            continue
        if str(h.extractor or "").startswith(PERSON_EXTRACTOR):
            continue
        retire.append(h.id)
        target = successor(h.span, h.extractor, claims)
        if target is not None:
            moves[h.id] = target
    return Plan(replaced, retire, moves)


def carried_note(old_id: str, note: str | None) -> str:
    """The note of a copy of evidence carried from claim ``old_id``: says where it came
    from, then the original note."""
    return f"moved from claim {old_id} when the source was re-extracted" + (
        f"; {note}" if note else ""
    )

"""Actors as the ledger keeps them: plain rules over stored actor records (no database).

- **merge-seen**: an actor seen again keeps one record: a fuller form of its name
  ("Keir Starmer" for "Starmer") becomes the name, every other name seen stays an alias
  (:func:`claimtrack.actors.merged_names`).
- **first-keeps-the-name**: two stored actors may share a name's key ("the Glen Rosa"
  stored as ``the-glen-rosa`` before ids dropped "the", and "Glen Rosa"): read in id
  order, the first keeps the name, a later one keeps only the names nobody else has,
  and one left with no name of its own is not in the registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .actors import ActorRegistry, merged_names, normalise_name
from .model import Actor

__all__ = ["StoredActor", "merge_seen", "registry_of"]


class StoredActor(NamedTuple):
    """An actor row: id, name, kind and aliases as stored."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]


def merge_seen(stored: StoredActor | None, seen: Actor) -> StoredActor:
    """Rule **merge-seen**: the record an actor keeps once ``seen`` (the stored one, or
    None when it is new)."""
    if stored is None:
        return StoredActor(seen.id, seen.name, seen.kind.value, tuple(seen.aliases))
    name, aliases = merged_names(stored.name, stored.aliases, seen.name, seen.aliases)
    return StoredActor(stored.id, name, stored.kind, tuple(aliases))


def _free(reg: ActorRegistry, name: str, actor_id: str) -> bool:
    owner = reg.resolve(name)
    return (owner is None or owner.id == actor_id) and bool(normalise_name(name))


def registry_of(rows: Iterable[StoredActor]) -> ActorRegistry:
    """Rule **first-keeps-the-name**: the registry of the stored actors ``rows`` (read in
    id order)."""
    reg = ActorRegistry()
    for row in sorted(rows, key=lambda r: r.id):
        names = [n for n in (row.name, *row.aliases) if _free(reg, n, row.id)]
        if names:
            reg.add(Actor(id=row.id, name=names[0], kind=row.kind, aliases=tuple(names[1:])))
    return reg

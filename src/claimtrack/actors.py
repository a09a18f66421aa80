"""Resolve names, titles and aliases of speakers and actors to one :class:`Actor`.

The registry is seeded from a file of known actors (or built up while reading an
article) and answers "who is 'Sir Keir'?" with one actor and one id.
"""

from __future__ import annotations

import functools
import json
from collections import ChainMap
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from pathlib import Path

from .errors import InputError
from .model import Actor, ActorKind, slugify

__all__ = ["ActorRegistry", "fuller_name", "normalise_name"]

_LEADING_THE = ("the ", "The ")


@functools.lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """The key a name is looked up by: case-folded, single-spaced, curly quotes plain,
    without a leading "the" and without trailing possessive "'s"."""
    # str.split() and the regular expression \s agree on what whitespace is.
    key = " ".join(name.replace("\u2019", "'").split()).casefold()
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    return key.strip(" .,;:")


#: Honorifics and titles dropped when a fuller form of a person's name becomes the
#: display name: the name should outlast the office.
_HONORIFICS = frozenset(
    {
        "sir",
        "dame",
        "lord",
        "lady",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "rev",
        "reverend",
        "president",
        "vice",
        "prime",
        "minister",
        "chancellor",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "cllr",
        "councillor",
        "councilman",
        "councilwoman",
        "judge",
        "justice",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "capt",
        "captain",
        "sgt",
        "maj",
        "major",
        "adm",
        "admiral",
        "commissioner",
        "chief",
        "ambassador",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "mp",
        "mep",
        "executive",
        "director",
        "deputy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "leader",
        "founder",
        "editor",
    }
)


def fuller_name(candidate: str, current: str) -> str | None:
    """The display name to use instead of ``current`` when ``candidate`` is a fuller
    form of the same proper name ("Sir Keir Starmer" for "Starmer" gives "Keir
    Starmer"), else None.  Role phrases ("the Prime Minister") never qualify."""
    words = candidate.replace("\u2019", "'").split()
    # Drop everything up to the last title before the name itself, so role adjectives
    # go with their title ("Foreign Minister Ingrid Solberg" -> "Ingrid Solberg").
    cut = 0
    for i, word in enumerate(words[:-1]):
        if word.lower().rstrip(".,") in _HONORIFICS:
            cut = i + 1
    words = words[cut:]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    have = {w.lower() for w in current.split() if w.lower().rstrip(".") not in _HONORIFICS}
    want = {w.lower() for w in words}
    if not have or not have < want:
        return None
    return " ".join(words)


def merged_names(
    stored_name: str, stored_aliases: Sequence[str], seen_name: str, seen_aliases: Sequence[str]
) -> tuple[str, list[str]]:
    """The name and aliases a stored actor keeps when it is seen again: a fuller form of
    its name ("Keir Starmer" for "Starmer") becomes the name, every other name seen stays
    an alias (the old name too), each once, in the order first seen."""
    name = fuller_name(seen_name, stored_name) or stored_name
    names = dict.fromkeys([*stored_aliases, *seen_aliases, stored_name])
    return name, [a for a in names if a != name]


class ActorRegistry:
    """Known actors, looked up by any of their names or aliases (case-insensitive).

    One name maps to one actor; adding an alias another actor already owns is refused
    (``ValueError``) rather than silently merging two people.
    """

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        self._by_id: MutableMapping[str, Actor] = {}
        self._by_key: MutableMapping[str, str] = {}
        for actor in actors:
            self.add(actor)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._by_id.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) is not None

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id)

    def add(self, actor: Actor) -> Actor:
        """Register ``actor`` (merging aliases if its id is known) and return the stored one."""
        existing = self._by_id.get(actor.id)
        if existing is not None:
            names = (*existing.aliases, *actor.aliases, actor.name)
            display = existing.name
            for name in names:
                display = fuller_name(name, display) or display
            aliases = tuple(dict.fromkeys((existing.name, *names)))
            aliases = tuple(a for a in aliases if a != display)
            kind = existing.kind if existing.kind is not ActorKind.UNKNOWN else actor.kind
            actor = Actor(id=existing.id, name=display, kind=kind, aliases=aliases)
        for name in (actor.name, *actor.aliases):
            key = normalise_name(name)
            owner = self._by_key.get(key)
            if owner is not None and owner != actor.id:
                raise ValueError(f"the name {name!r} already belongs to actor {owner!r}")
        self._by_id[actor.id] = actor
        for name in (actor.name, *actor.aliases):
            self._by_key[normalise_name(name)] = actor.id
        return actor

    def alias(self, actor_id: str, name: str) -> Actor:
        """Teach the registry that ``name`` also means the actor ``actor_id``."""
        actor = self._by_id[actor_id]
        if normalise_name(name) in {normalise_name(n) for n in (actor.name, *actor.aliases)}:
            return actor
        return self.add(Actor(id=actor.id, name=actor.name, kind=actor.kind, aliases=(name,)))

    def resolve(self, name: str) -> Actor | None:
        """The actor that ``name`` (a name, title or alias) refers to, or None."""
        actor_id = self._by_key.get(normalise_name(name))
        return None if actor_id is None else self._by_id[actor_id]

    def resolve_or_add(self, name: str, kind: ActorKind | str = ActorKind.UNKNOWN) -> Actor:
        """The known actor for ``name``, else a new one registered under it."""
        found = self.resolve(name)
        if found is not None:
            return found
        actor = Actor(id=slugify(name), name=name.strip(), kind=kind)
        if actor.id in self._by_id:  # same slug, different spelling: an alias of that actor
            return self.alias(actor.id, name)
        return self.add(actor)

    def copy(self) -> ActorRegistry:
        """An independent registry with the same actors."""
        return ActorRegistry(self._by_id.values())

    def overlay(self) -> ActorRegistry:
        """A registry that starts as this one and keeps what it learns to itself, made
        in constant time however many actors this one holds (lookups fall through to
        this registry, additions stay in the overlay).  Each source's extraction gets
        one, so a bulk add never copies every known actor per source.  This registry
        must not change while the overlay is in use."""
        view = ActorRegistry()
        view._by_id = ChainMap({}, self._by_id)
        view._by_key = ChainMap({}, self._by_key)
        return view

    @classmethod
    def from_file(cls, path: str | Path) -> ActorRegistry:
        """Load actors from a JSON file: a list of {"name", "kind", "aliases", "id"?}.

        ``name`` is a non-empty string; ``kind`` (optional) one of the actor kinds;
        ``aliases`` (optional) a list of strings; ``id`` (optional) a string.  Anything
        else (a file that is not UTF-8 JSON, a key of the wrong type, an unknown kind)
        raises :class:`InputError` naming the file, the actor and the key."""
        p = Path(path)
        try:
            data = json.loads(p.read_bytes().decode("utf-8-sig"))
        except OSError as exc:
            raise InputError(f"{p}: cannot read the actors file ({exc.strerror})") from exc
        except UnicodeDecodeError:
            raise InputError(f"{p}: not a UTF-8 text file; the actors file is JSON") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
        except RecursionError:
            raise InputError(f"{p}: not an actors file (JSON nested too deep)") from None
        if not isinstance(data, list):
            raise InputError(f"{p}: expected a JSON list of actors")
        registry = cls()
        for i, item in enumerate(data, 1):
            registry.add(_actor_entry(p, i, item))
        return registry


def _actor_entry(path: Path, i: int, item: object) -> Actor:
    where = f"{path}: actor {i}"
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise InputError(f'{where} needs at least a "name" string')
    name = item["name"]
    if not name.strip():
        raise InputError(f'{where}: "name" is empty')
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        shown = type(aliases).__name__ if not isinstance(aliases, list) else "list with non-strings"
        raise InputError(f'{where} ({name}): "aliases" must be a list of names, not a {shown}')
    kind = item.get("kind", "unknown")
    if not isinstance(kind, str):
        raise InputError(f'{where} ({name}): "kind" must be a string, not {type(kind).__name__}')
    actor_id = item.get("id") or slugify(name)
    if not isinstance(actor_id, str):
        raise InputError(f'{where} ({name}): "id" must be a string, not {type(actor_id).__name__}')
    try:
        return Actor(id=actor_id, name=name, kind=kind, aliases=tuple(aliases))
    except ValueError as exc:
        raise InputError(f"{where} ({name}): {exc}") from exc

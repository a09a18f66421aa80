"""Actor keys: a leading "the" is not part of an actor's id, and a store holding two
actors whose names share a key (one stored before ids dropped "the") still gives a
registry instead of raising (on each engine)."""

from __future__ import annotations

from contextlib import closing

from claimtrack.model import Actor, slugify
from claimtrack.store_protocol import open_store


def test_slug_drops_a_leading_the() -> None:
    assert slugify("the Glen Rosa") == slugify("Glen Rosa") == "glen-rosa"
    assert slugify("The") == "the"  # nothing after it: the word itself
    assert slugify("theatre royal") == "theatre-royal"


def test_registry_of_colliding_stored_actors(ledger: str) -> None:
    with closing(open_store(ledger)) as store:
        store.save_actors(
            [
                Actor(id="the-glen-rosa", name="the Glen Rosa", aliases=("the ferry",)),
                Actor(id="glen-rosa", name="Glen Rosa"),
            ]
        )
        registry = store.registry()
    found = registry.resolve("Glen Rosa")
    assert found is not None and found.id == "glen-rosa"
    assert registry.resolve("the Glen Rosa") == found
    ferry = registry.resolve("the ferry")  # the other actor keeps the names nobody shares
    assert ferry is not None and ferry.id == "the-glen-rosa"

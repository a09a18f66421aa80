"""How the ledger keeps actors (:mod:`claimtrack.stored_actors`), over plain records:
an actor seen again keeps one record with every name seen (rule **merge-seen**), and
stored actors that share a name give it to the first (rule **first-keeps-the-name**)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack import Actor
from claimtrack.actors import normalise_name
from claimtrack.stored_actors import StoredActor, merge_seen, registry_of


def test_merge_seen_a_new_actor_is_kept_as_seen() -> None:
    seen = Actor(id="ferry-trust", name="Ferry Trust", kind="organisation", aliases=("the trust",))
    assert merge_seen(None, seen) == StoredActor(
        "ferry-trust", "Ferry Trust", "organisation", ("the trust",)
    )


def test_merge_seen_a_fuller_name_becomes_the_name() -> None:
    stored = StoredActor("starmer", "Starmer", "person", ())
    seen = Actor(id="starmer", name="Keir Starmer", kind="person")
    assert merge_seen(stored, seen) == StoredActor(
        "starmer", "Keir Starmer", "person", ("Starmer",)
    )


def test_first_keeps_the_name_a_shared_name_goes_to_the_first_by_id() -> None:
    rows = [
        StoredActor("the-glen-rosa", "The Glen Rosa", "organisation", ("Glen Rosa ferry",)),
        StoredActor("glen-rosa", "Glen Rosa", "organisation", ()),
    ]
    reg = registry_of(rows)
    owner = reg.resolve("Glen Rosa")
    assert owner is not None and owner.id == "glen-rosa"
    theirs = reg.resolve("Glen Rosa ferry")
    assert theirs is not None and theirs.id == "the-glen-rosa"


def test_first_keeps_the_name_an_actor_with_no_name_left_is_left_out() -> None:
    rows = [
        StoredActor("a-desk", "Desk", "organisation", ()),
        StoredActor("b-desk", "desk", "organisation", ()),
    ]
    assert [a.id for a in registry_of(rows)] == ["a-desk"]


NAMES = st.text(alphabet="abc ", min_size=1, max_size=5).filter(str.strip)
ROWS = st.lists(
    st.builds(
        lambda i, name, aliases: StoredActor(f"a{i}", name, "person", tuple(aliases)),
        st.integers(0, 9),
        NAMES,
        st.lists(NAMES, max_size=3),
    ),
    max_size=6,
    unique_by=lambda r: r.id,
)


@given(ROWS)
def test_every_stored_name_resolves_to_the_first_actor_that_has_it(rows: list[StoredActor]) -> None:
    reg = registry_of(rows)
    for row in rows:
        for name in (row.name, *row.aliases):
            if not normalise_name(name):
                continue
            owner = reg.resolve(name)
            assert owner is not None
            first = min(
                (
                    r
                    for r in rows
                    if any(normalise_name(n) == normalise_name(name) for n in (r.name, *r.aliases))
                ),
                key=lambda r: r.id,
            )
            assert owner.id <= row.id and owner.id == first.id


@given(ROWS)
def test_the_registry_does_not_depend_on_the_order_rows_are_read(rows: list[StoredActor]) -> None:
    def names(reg: object) -> list[tuple[str, str, tuple[str, ...]]]:
        return sorted((a.id, a.name, a.aliases) for a in reg)  # type: ignore[attr-defined]

    assert names(registry_of(rows)) == names(registry_of(reversed(rows)))


@given(
    st.builds(
        StoredActor, st.just("x"), NAMES, st.just("person"), st.lists(NAMES, max_size=3).map(tuple)
    ),
    st.builds(
        lambda n, a: Actor(id="x", name=n, kind="person", aliases=tuple(a)),
        NAMES,
        st.lists(NAMES, max_size=3),
    ),
)
def test_merge_seen_keeps_every_name_and_seeing_again_changes_nothing(
    stored: StoredActor, seen: Actor
) -> None:
    kept = merge_seen(stored, seen)
    assert kept.id == stored.id and kept.kind == stored.kind
    every = {kept.name, *kept.aliases}
    assert {stored.name, *stored.aliases, *seen.aliases} <= every
    assert kept.name not in kept.aliases and len(set(kept.aliases)) == len(kept.aliases)
    assert merge_seen(kept, seen) == kept

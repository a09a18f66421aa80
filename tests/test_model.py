"""The model refuses invalid values at construction, with a message that says why."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import (
    Actor,
    ActorKind,
    ActorRegistry,
    Claim,
    ClaimKind,
    Evidence,
    Source,
    Status,
    TimeWindow,
    Verdict,
)
from claimtrack.model import claim_id, content_id, slugify

UTC = timezone.utc
T0 = datetime(2025, 3, 15, 12, tzinfo=UTC)


def test_source_id_is_content_hash() -> None:
    a = Source.from_text("Same words.", title="one")
    b = Source.from_text("Same words.", title="two")
    assert a.id == b.id == content_id("Same words.")
    assert Source.from_text("Other words.").id != a.id


def test_naive_datetime_refused() -> None:
    with pytest.raises(ValueError, match="published_at must be timezone-aware"):
        Source.from_text("x", published_at=datetime(2025, 3, 15, 12))


def test_window_end_must_follow_start() -> None:
    with pytest.raises(ValueError, match="must end after it starts"):
        TimeWindow(start=T0, end=T0)
    with pytest.raises(ValueError, match="both start and end, or neither"):
        TimeWindow(start=T0, end=None)


def test_unresolved_window_keeps_text() -> None:
    w = TimeWindow(start=None, end=None, text="next week")
    assert not w.resolved and w.text == "next week"


def test_window_contains_is_end_exclusive() -> None:
    w = TimeWindow(start=T0, end=T0 + timedelta(days=1), grain="day")
    assert w.contains(T0) and not w.contains(T0 + timedelta(days=1))


def test_unknown_kind_refused_with_choices() -> None:
    with pytest.raises(ValueError, match="choose one of: statement, commitment"):
        Claim(id="c", source_id="s", kind="promise", text="abc", span=(0, 3))


def test_span_must_cover_text() -> None:
    with pytest.raises(ValueError, match="covers 5 characters but the claim text has 3"):
        Claim(id="c", source_id="s", kind="statement", text="abc", span=(0, 5))
    with pytest.raises(ValueError, match="0 <= start < end"):
        Claim(id="c", source_id="s", kind="statement", text="abc", span=(3, 0))


def test_span_outside_source_text_refused() -> None:
    source = Source.from_text("short")
    claim = Claim(id="c", source_id=source.id, kind="statement", text="abcdefgh", span=(2, 10))
    with pytest.raises(ValueError, match="outside the source text"):
        claim.check_against(source)


def test_confidence_range_checked() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        Claim(id="c", source_id="s", kind="statement", text="a", span=(0, 1), confidence=1.5)
    with pytest.raises(ValueError, match="unknown confidence"):
        Claim(
            id="c",
            source_id="s",
            kind="statement",
            text="a",
            span=(0, 1),
            confidences={"mood": 0.1},
        )


def test_claim_id_depends_on_speaker() -> None:
    one = Actor.named("Ana Ruiz")
    two = Actor.named("Ben Ode")
    a = Claim.build(source_id="s", span=(0, 1), speaker=one, kind="statement", text="a")
    b = Claim.build(source_id="s", span=(0, 1), speaker=two, kind="statement", text="a")
    assert a.id != b.id
    assert a.id == claim_id("s", (0, 1), one.id)


def test_verdicts_accept_hyphens_and_say_what_is_valid() -> None:
    assert Verdict.parse("partially-kept") is Verdict.PARTIALLY_KEPT
    assert Verdict.parse("In Progress") is Verdict.IN_PROGRESS
    with pytest.raises(ValueError, match="not a valid verdict"):
        Verdict.parse("done")


def test_final_verdicts_map_to_statuses() -> None:
    for v in Verdict:
        if v.is_final:
            assert Status(v.value).is_final


def test_evidence_requires_aware_times() -> None:
    with pytest.raises(ValueError, match="known_at must be timezone-aware"):
        Evidence(
            claim_id="c",
            verdict="kept",
            known_at=datetime(2025, 3, 20),
            recorded_at=T0,
            recorded_by="me",
        )


def test_values_are_frozen() -> None:
    s = Source.from_text("x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.title = "y"  # type: ignore[misc]


@given(st.text(min_size=1, max_size=40))
def test_slug_is_never_empty_and_ascii(name: str) -> None:
    slug = slugify(name)
    assert slug and slug.isascii() and " " not in slug


def test_registry_resolves_aliases_case_insensitively() -> None:
    reg = ActorRegistry()
    keir = reg.add(
        Actor.named("Keir Starmer", ActorKind.PERSON, aliases=["Sir Keir", "the Prime Minister"])
    )
    assert reg.resolve("sir keir") == keir
    assert reg.resolve("Prime Minister") == keir  # a leading "the" does not matter
    assert reg.resolve("Starmer's") is None
    reg.alias(keir.id, "Starmer")
    assert reg.resolve("Starmer's") == reg.get(keir.id)


def test_registry_refuses_one_alias_for_two_actors() -> None:
    reg = ActorRegistry([Actor.named("Keir Starmer", aliases=["the PM"])])
    with pytest.raises(ValueError, match="already belongs to actor 'keir-starmer'"):
        reg.add(Actor.named("Rishi Sunak", aliases=["the PM"]))


def test_registry_from_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "actors.json"
    path.write_text(
        '[{"name": "Liberal Democrats", "kind": "organisation", "aliases": ["Lib Dems"]}]'
    )
    reg = ActorRegistry.from_file(path)
    found = reg.resolve("lib dems")
    assert found is not None and found.kind is ActorKind.ORGANISATION
    path.write_text("{not json")
    with pytest.raises(Exception, match="not valid JSON"):
        ActorRegistry.from_file(path)


def test_claim_kinds_are_snake_case_on_the_wire() -> None:
    assert [k.value for k in ClaimKind] == ["statement", "commitment", "prediction", "demand"]
    assert str(Verdict.CONDITION_MET) == "condition_met"


def test_fuller_name_becomes_the_display_name() -> None:
    from claimtrack.actors import fuller_name

    reg = ActorRegistry()
    short = reg.resolve_or_add("Osei", "person")
    grown = reg.alias(short.id, "Dr Ama Osei")
    assert grown.id == short.id and grown.name == "Ama Osei"
    assert reg.resolve("Osei") == grown and reg.resolve("dr ama osei") == grown
    assert fuller_name("the Finance Minister", "Osei") is None
    assert fuller_name("Ama Osei", "Ama Osei") is None
    assert fuller_name("Kofi Mensah", "Osei") is None


def test_store_keeps_the_fuller_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from claimtrack.store import SQLiteStore

    store = SQLiteStore(tmp_path / "a.db")
    store.save_actors([Actor(id="osei", name="Osei", kind="person")])
    store.save_actors([Actor(id="osei", name="Ama Osei", kind="person")])
    found = store.registry().resolve("osei")
    assert found is not None and found.name == "Ama Osei" and "Osei" in found.aliases


def test_fuller_name_drops_role_before_the_name() -> None:
    from claimtrack.actors import fuller_name

    assert fuller_name("Foreign Minister Ingrid Solberg", "Solberg") == "Ingrid Solberg"
    assert fuller_name("Chief Executive Jane Okafor", "Okafor") == "Jane Okafor"
    assert fuller_name("the Prime Minister", "Starmer") is None

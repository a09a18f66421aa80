"""The store's SQL as PostgreSQL spells it (``pg_sql``), URLs named without their
password, serialization failures retried, and an unreachable server a clear error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.actors import fuller_name, merged_names
from claimtrack.errors import StoreError

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")

from claimtrack.store_pg import PostgresStore, pg_sql, redact  # noqa: E402


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        ("SELECT id FROM claims WHERE id = ?", "SELECT id FROM claims WHERE id = %s"),
        (
            "x IN (SELECT value FROM json_each(?))",
            "x IN (SELECT value FROM jsonb_array_elements_text(%s::jsonb))",
        ),
        (
            "FROM corrections c, json_each(c.args, '$.from') j WHERE j.value = ?",
            "FROM corrections c, jsonb_array_elements_text(c.args -> 'from') AS j(value)"
            " WHERE j.value = %s",
        ),
        ("SELECT json_extract(record, '$.extractor')", "SELECT (record ->> 'extractor')"),
        (
            "INSERT OR IGNORE INTO relations (a) VALUES (?)",
            "INSERT INTO relations (a) VALUES (%s) ON CONFLICT DO NOTHING",
        ),
        ("AND source_id IS ? AND x = 1", "AND source_id IS NOT DISTINCT FROM %s AND x = 1"),
        (
            "WHERE +c.retired_at IS NULL AND +c.kind IN (?)",
            "WHERE c.retired_at IS NULL AND c.kind IN (%s)",
        ),
        ("WHERE a LIKE ? ESCAPE '\\'", "WHERE a LIKE %s ESCAPE '\\'"),
        ("SELECT 5 % 2", "SELECT 5 %% 2"),
        (
            "NOT (json_valid(c.record) AND json_type(c.record) = 'object')",
            "NOT ((c.record IS NOT NULL) AND jsonb_typeof(c.record) = 'object')",
        ),
        (
            "SELECT id, json_remove(record, '$.speaker_detail', '$.actor_detail') FROM promises",
            "SELECT id, (record - 'speaker_detail' - 'actor_detail') FROM promises",
        ),
    ],
)
def test_sqlite_spellings_are_rewritten(sqlite: str, postgres: str) -> None:
    assert pg_sql(sqlite) == postgres


def test_a_url_is_named_without_its_password() -> None:
    assert redact("postgresql://desk:s3cret@db.example.org:5433/claims") == (
        "postgresql://desk:***@db.example.org:5433/claims"
    )
    assert redact("postgresql://desk@db.example.org/claims") == (
        "postgresql://desk@db.example.org/claims"
    )


def test_an_unreachable_server_is_a_clear_error() -> None:
    # Port 1 on this machine: nothing listens there.
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL server") as caught:
        PostgresStore("postgresql://desk:s3cret@127.0.0.1:1/claims?connect_timeout=5")
    assert "s3cret" not in str(caught.value) and "check the URL" in str(caught.value)


def test_serialization_failures_are_retried() -> None:
    store = PostgresStore.__new__(PostgresStore)
    store.path = "postgresql://desk@db.example.org/claims"
    calls = []

    class _Idle:
        in_transaction = False

    store._conn = _Idle()  # type: ignore[assignment]

    def conflicting() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise psycopg.errors.SerializationFailure("could not serialize access")
        return "done"

    assert store._retry(conflicting) == "done" and len(calls) == 3

    def always() -> str:
        raise psycopg.errors.SerializationFailure("could not serialize access")

    with pytest.raises(StoreError, match="kept conflicting"):
        store._retry(always)


names = st.text(alphabet="AbcDe ", min_size=1, max_size=12)


@given(names, st.lists(names, max_size=4), names, st.lists(names, max_size=4))
def test_a_merged_actor_loses_no_name(
    stored: str, stored_aliases: list[str], seen: str, seen_aliases: list[str]
) -> None:
    name, aliases = merged_names(stored, stored_aliases, seen, seen_aliases)
    assert name not in aliases and len(aliases) == len(set(aliases))
    assert {stored, *stored_aliases, *seen_aliases} <= {name, *aliases}
    assert name == (fuller_name(seen, stored) or stored)


def test_a_postgresql_url_without_the_driver_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from claimtrack.store_protocol import open_store

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "claimtrack.store_pg")
    with pytest.raises(StoreError, match=r"pip install 'claimtrack\[postgresql\]'"):
        open_store("postgresql://desk@db.example.org/claims")


def test_a_commit_the_server_refuses_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    # A failed COMMIT has rolled the transaction back: a second COMMIT would "succeed"
    # with nothing in it, so the write is reported as not kept instead.
    store = PostgresStore.__new__(PostgresStore)
    store.path = "postgresql://desk@db.example.org/claims"
    store.read_only = False
    sent: list[str] = []

    class _Refusing:
        in_transaction = False

        def execute(self, sql: str, parameters: object = ()) -> None:
            sent.append(sql)
            if sql == "COMMIT":
                raise psycopg.errors.SerializationFailure("could not serialize access")

    store._conn = _Refusing()  # type: ignore[assignment]
    monkeypatch.setattr("claimtrack.store_pg.refresh_status", lambda conn: None)
    with pytest.raises(StoreError, match="nothing of it was kept"), store.transaction():
        pass
    assert sent.count("COMMIT") == 1

"""Shared fixtures, named for the state they give."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NoReturn

import pytest

import claimtrack
from claimtrack import Claim, ClaimKind, ExtractContext, Source, TimeWindow
from claimtrack.plugins import ClaimtrackPluginManager, get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_4f9421fb867c1b8c.txt"
SCHEMA = Path(__file__).parent / "data" / "claim-record.schema.json"
UTC = timezone.utc


class WillExtractor:
    """A tiny, predictable extractor for tests of everything around extraction: each
    sentence with " will " is a commitment of the publisher, due within a week of
    publication; every other sentence is a statement."""

    @claimtrack.hookimpl
    def claimtrack_extract(self, source: Source, context: ExtractContext) -> Iterator[Claim]:
        publisher = context.registry.resolve_or_add(source.publisher or "Publisher", "organisation")
        for m in re.finditer(r"[^.!?\n]+[.!?]", source.text):
            text = m.group().strip()
            start = source.text.index(text, m.start())
            is_commitment = " will " in f" {text} "
            due = None
            if is_commitment and source.published_at is not None:
                due = TimeWindow(
                    start=source.published_at,
                    end=source.published_at + timedelta(days=7),
                    grain="span",
                    text="within a week",
                    reference=source.published_at,
                )
            yield Claim.build(
                source_id=source.id,
                span=(start, start + len(text)),
                speaker=publisher,
                kind=ClaimKind.COMMITMENT if is_commitment else ClaimKind.STATEMENT,
                text=text,
                sentence=text,
                asserted_at=source.published_at,
                actor=publisher if is_commitment else None,
                action=text if is_commitment else None,
                due=due,
                confidence=0.9,
            )


@pytest.fixture
def will_pm() -> ClaimtrackPluginManager:
    """A plugin manager with the built-in loaders and exporters, no entry points, and
    the predictable WillExtractor in place of the English extractor."""
    pm = get_plugin_manager(load_entrypoints=False)
    pm.unregister(name="claimtrack.default_plugins.english_extractor")
    pm.register(WillExtractor(), name="will-extractor")
    return pm


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a store that does not exist yet."""
    return tmp_path / "ledger.db"


@pytest.fixture
def empty_db(db_path: Path) -> Path:
    """A store that exists and holds nothing (commands that only read refuse a missing
    one)."""
    claimtrack.Tracker(
        db_path, plugin_manager=claimtrack.get_plugin_manager(load_entrypoints=False)
    ).close()
    return db_path


@pytest.fixture
def fresh_tracker(db_path: Path, will_pm: ClaimtrackPluginManager) -> Iterator[claimtrack.Tracker]:
    """A Tracker on an empty store, extracting with WillExtractor."""
    with claimtrack.Tracker(db_path, plugin_manager=will_pm) as tracker:
        yield tracker


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A short article file with a header block, published Monday 3 March 2025."""
    path = tmp_path / "article.txt"
    path.write_text(
        "title: Council sets out road plan\n"
        "published: 2025-03-03T09:00:00+00:00\n"
        "publisher: Riverside Gazette\n"
        "\n"
        "The council will resurface Mill Lane. Residents welcomed the news.\n"
        "The mayor said the budget was tight. The depot will reopen.\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def claim_schema() -> dict[str, Any]:
    """The JSON Schema of the public claim record (a copy of the shared one)."""
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return loaded


def aware(*args: int) -> datetime:
    """datetime(*args) in UTC."""
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def installed_plugins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., dict[str, str]]]:
    """A factory installing plugins as entry points: ``installed_plugins(name=source)``
    writes each module ``ct_<name>.py`` and one distribution (version 0.3.0) whose
    ``claimtrack`` entry points name them; returns the environment that loads exactly
    those (``CLAIMTRACK_LOAD_PLUGINS``)."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    written: list[str] = []

    def install(**modules: str) -> dict[str, str]:
        for name, source in modules.items():
            (site / f"ct_{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            written.append(name)
        dist = site / "ct_test_plugins-0.3.0.dist-info"
        dist.mkdir(exist_ok=True)
        (dist / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: ct-test-plugins\nVersion: 0.3.0\n", encoding="utf-8"
        )
        points = "".join(f"{n} = ct_{n}\n" for n in written)
        (dist / "entry_points.txt").write_text(f"[claimtrack]\n{points}", encoding="utf-8")
        return {"CLAIMTRACK_LOAD_PLUGINS": ",".join(written)}

    yield install
    for name in written:
        sys.modules.pop(f"ct_{name}", None)


# -- both engines ------------------------------------------------------------------------
#
# ``ledger`` is a store location on each engine in turn: an SQLite file, and a fresh
# schema on a PostgreSQL server.  The server is $CLAIMTRACK_TEST_POSTGRES when set; else
# a throwaway cluster is started (.ci/postgres-start) when this machine has PostgreSQL's
# initdb.  With neither, the PostgreSQL half is skipped, saying why; with
# CLAIMTRACK_REQUIRE_POSTGRES=1 (as in CI) it fails instead.

POSTGRES_ENV = "CLAIMTRACK_TEST_POSTGRES"
REQUIRE_POSTGRES_ENV = "CLAIMTRACK_REQUIRE_POSTGRES"
_CI = Path(__file__).resolve().parent.parent / ".ci"


def _no_postgres(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_POSTGRES_ENV) == "1":
        pytest.fail(f"PostgreSQL is required here ({REQUIRE_POSTGRES_ENV}=1): {reason}")
    pytest.skip(f"no PostgreSQL server for the tests: {reason}")


def _has_initdb() -> bool:
    return shutil.which("initdb") is not None or bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL database the tests may fill (see above)."""
    try:
        import psycopg
    except ImportError:
        _no_postgres("the driver is not installed (pip install 'claimtrack[postgresql]')")
    url = os.environ.get(POSTGRES_ENV)
    folder = None
    if not url:
        if not _has_initdb() or not (_CI / "postgres-start").exists():
            _no_postgres(f"${POSTGRES_ENV} is not set and this machine has no initdb to start one")
        started = subprocess.run(
            ["bash", str(_CI / "postgres-start")],
            capture_output=True,
            text=True,
            env={**os.environ, "CLAIMTRACK_PG_NO_INSTALL": "1"},
        )
        if started.returncode != 0:
            _no_postgres(f"a throwaway server could not be started: {started.stderr.strip()}")
        folder, url = started.stdout.split()
    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as exc:
        _no_postgres(f"cannot connect to {url}: {exc}")
    yield url
    if folder is not None:
        subprocess.run(["bash", str(_CI / "postgres-stop"), folder], check=False)


def postgres_schema_url(server: str, schema: str) -> str:
    """``server`` with ``schema`` first on the search path (one ledger per schema)."""
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a new, empty store goes: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "ledger.db")
        return
    import psycopg

    server = request.getfixturevalue("postgres_server")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield postgres_schema_url(server, schema)
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def engine_tracker(ledger: str, will_pm: ClaimtrackPluginManager) -> Iterator[claimtrack.Tracker]:
    """A Tracker on an empty store on each engine, extracting with WillExtractor."""
    with claimtrack.Tracker(ledger, plugin_manager=will_pm) as tracker:
        yield tracker


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> str:
    """ "sqlite", or the URL of the PostgreSQL server (for tests that make many stores,
    e.g. one per hypothesis example, with :func:`new_store`)."""
    if request.param == "sqlite":
        return "sqlite"
    url: str = request.getfixturevalue("postgres_server")
    return url


@pytest.fixture(scope="session")
def new_store(engine: str) -> Callable[[], contextlib.AbstractContextManager[str]]:
    """``new_store()``: where a new, empty store goes on each engine, removed after."""
    return lambda: _fresh_store(engine)


@contextlib.contextmanager
def _fresh_store(engine: str) -> Iterator[str]:
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield str(Path(tmp) / "ledger.db")
        return
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(engine, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")  # type: ignore[arg-type]
    try:
        yield postgres_schema_url(engine, schema)
    finally:
        with psycopg.connect(engine, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")  # type: ignore[arg-type]

"""Helpers for testing claimtrack plugins, and a pytest plugin with fixtures.

claimtrack registers this module with pytest (the ``pytest11`` entry point), so once
claimtrack is installed its fixtures are available in every test suite, with no
``conftest.py`` needed:

``plugin_manager``
    A factory: ``plugin_manager(MyPlugin(), builtins=True, extractor=False)`` returns
    a fresh plugin manager with your plugins registered directly, without loading any
    entry points, so a test sees exactly the plugins it names.
``claimtrack_plugins``
    The plugins ``tmp_tracker`` registers: an empty list unless you override this
    fixture in your test module or ``conftest.py``.
``sample_standings``
    Exporter input: a fictional article's claims as of 20 March 2025, one in every
    status (see :func:`make_sample_standings`).
``tmp_tracker``
    A :class:`claimtrack.Tracker` on an empty store in a temporary directory, with the
    built-in loaders, checker and exporters plus ``claimtrack_plugins`` (the built-in
    English extractor is left out, so only your extractor's claims appear).

And plain functions to import (``from claimtrack.testing import make_source``):
:func:`make_source`, :func:`make_window`, :func:`make_claim`, :func:`make_evidence`,
:func:`make_standing`, :func:`make_sample_standings`, :func:`run_extractor`,
:func:`export_text` and :func:`invoke_cli`.  A whole test of an extractor plugin::

    from claimtrack.testing import make_source, run_extractor
    import claimtrack_pledges

    def test_finds_the_pledge():
        source = make_source("We pledge to plant 500 trees.", publisher="Acme")
        result = run_extractor(claimtrack_pledges, source)
        assert result.errors == []
        assert [c.text for c in result.claims] == ["We pledge to plant 500 trees"]
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from click.testing import Result

    from .extraction import ExtractContext, ExtractResult
    from .model import Actor, Claim, ClaimKind, Evidence, Source, TimeWindow
    from .plugins import ClaimtrackPluginManager
    from .status import Standing
    from .tracker import Tracker

__all__ = [
    "ENGLISH_EXTRACTOR",
    "SAMPLE_TEXT",
    "Route",
    "claim_containing",
    "claimtrack_plugins",
    "export_text",
    "extract_english",
    "invoke_cli",
    "make_claim",
    "make_evidence",
    "make_plugin_manager",
    "make_sample_standings",
    "make_source",
    "make_standing",
    "make_window",
    "plugin_manager",
    "run_extractor",
    "sample_standings",
    "serve_http",
    "speaker_name",
    "tmp_tracker",
]

#: The registered name of the built-in English extractor (left out with ``extractor=False``).
ENGLISH_EXTRACTOR = "claimtrack.default_plugins.english_extractor"

When = str | date | datetime | None


def _when(value: When, what: str) -> datetime | None:
    from .timeutil import parse_when

    return parse_when(value, what=what)


def make_plugin_manager(
    *plugins: object,
    builtins: bool = True,
    extractor: bool = True,
    entrypoints: bool = False,
) -> ClaimtrackPluginManager:
    """A new plugin manager with ``plugins`` (modules or instances) registered.

    ``builtins`` keeps claimtrack's own loaders, extractor, checker and exporters;
    ``extractor=False`` drops just the built-in English extractor, so an extractor test
    sees only its own plugin's claims.  Entry points are not loaded unless
    ``entrypoints`` is true, so installed plugins cannot leak into a test.
    """
    from .plugins import get_plugin_manager

    pm = get_plugin_manager(load_entrypoints=entrypoints, builtins=builtins)
    if builtins and not extractor and pm.get_plugin(ENGLISH_EXTRACTOR) is not None:
        pm.unregister(name=ENGLISH_EXTRACTOR)
    for plugin in plugins:
        # A module registers under its own name, as an entry point would; an instance
        # under its class name, so error messages in tests name something readable.
        name = str(getattr(plugin, "__name__", None) or type(plugin).__name__)
        base, n = name, 1
        while pm.get_plugin(name) is not None or pm.is_blocked(name):
            n += 1
            name = f"{base}-{n}"
        pm.register(plugin, name=name)
    return pm


def make_source(
    text: str,
    *,
    published: When = None,
    title: str | None = None,
    publisher: str | None = None,
    uri: str | None = None,
    language: str | None = "en",
    meta: Mapping[str, Any] | None = None,
) -> Source:
    """A :class:`claimtrack.Source` of ``text`` as an extractor would receive it.

    ``published`` is a datetime, a date (12:00 UTC that day) or ISO 8601 text; None
    leaves the publication time unknown, as for an undated document."""
    from .model import Source

    return Source.from_text(
        text,
        uri=uri,
        title=title,
        publisher=publisher,
        published_at=_when(published, "published"),
        language=language,
        meta=dict(meta or {}),
    )


def make_window(
    start: When,
    end: When,
    *,
    text: str = "",
    grain: str | None = None,
    vague: bool = False,
    reference: When = None,
) -> TimeWindow:
    """A resolved :class:`claimtrack.TimeWindow` ``[start, end)`` (dates mean 12:00 UTC;
    pass datetimes for exact bounds)."""
    from .model import TimeWindow

    return TimeWindow(
        start=_when(start, "start"),
        end=_when(end, "end"),
        grain=grain,
        text=text,
        vague=vague,
        reference=_when(reference, "reference"),
    )


def make_claim(
    source: Source,
    text: str,
    *,
    kind: ClaimKind | str = "commitment",
    speaker: Actor | str | None = None,
    actor: Actor | str | None = None,
    action: str | None = None,
    due: TimeWindow | None = None,
    condition: str | None = None,
    cue: str | None = "said",
    direct: bool = False,
    confidence: float = 0.9,
    occurrence: int = 0,
) -> Claim:
    """A claim whose text is the ``occurrence``-th appearance of ``text`` in ``source``.

    ``speaker`` and ``actor`` may be names (they become :class:`Actor` values with
    slug ids); ``actor`` defaults to the speaker for commitments.  Raises ValueError
    when ``text`` is not in the source, so a typo fails loudly."""
    from .model import Actor, Claim, ClaimKind

    start = -1
    for _ in range(occurrence + 1):
        start = source.text.find(text, start + 1)
        if start < 0:
            raise ValueError(f"{text!r} does not occur {occurrence + 1} time(s) in the source")
    claim_kind = ClaimKind(ClaimKind.parse(kind))

    def as_actor(value: Actor | str | None) -> Actor | None:
        return Actor.named(value) if isinstance(value, str) else value

    speaker_actor = as_actor(speaker)
    actor_value = as_actor(actor)
    if actor_value is None and claim_kind is not ClaimKind.STATEMENT:
        actor_value = speaker_actor
    sentence_start = max(source.text.rfind(".", 0, start), source.text.rfind("\n", 0, start)) + 1
    sentence_end = source.text.find(".", start + len(text))
    sentence = source.text[
        sentence_start : len(source.text) if sentence_end < 0 else sentence_end + 1
    ].strip()
    return Claim.build(
        source_id=source.id,
        span=(start, start + len(text)),
        speaker=speaker_actor,
        kind=claim_kind,
        text=text,
        sentence=sentence,
        cue=cue,
        direct=direct,
        asserted_at=source.published_at,
        actor=actor_value,
        action=action if action is not None or claim_kind is ClaimKind.STATEMENT else text,
        due=due,
        condition=condition,
        confidence=confidence,
    )


def make_evidence(
    claim: Claim,
    verdict: str,
    *,
    known: When = None,
    happened: When = None,
    by: str = "tester",
    person: bool = True,
    uri: str | None = None,
    note: str | None = None,
    excerpt: str | None = None,
    recorder: str | None = None,
) -> Evidence:
    """A piece of evidence on ``claim``; ``known`` (default now) is when it counts from.
    ``recorder`` (person, imported, checker) wins over ``person``."""
    from .model import Evidence, RecorderKind

    now = datetime.now(timezone.utc)
    known_at = _when(known, "known") or now
    return Evidence(
        claim_id=claim.id,
        verdict=verdict,
        known_at=known_at,
        recorded_at=known_at,
        recorded_by=by,
        recorder=recorder or (RecorderKind.PERSON if person else RecorderKind.CHECKER),
        uri=uri,
        note=note,
        excerpt=excerpt,
        happened_at=_when(happened, "happened"),
    )


def make_standing(
    claim: Claim,
    source: Source | None = None,
    *,
    evidence: Iterable[Evidence] = (),
    as_of: When = None,
) -> Standing:
    """The :class:`claimtrack.Standing` an exporter receives for ``claim``: its status is
    derived from its due window and ``evidence`` as of ``as_of`` (default now), exactly
    as the tracker derives it."""
    from .status import standing

    when = _when(as_of, "as_of") or datetime.now(timezone.utc)
    return standing(claim, None if source is None else source.ref, list(evidence), when)


def run_extractor(
    plugin: object,
    source: Source,
    *,
    context: ExtractContext | None = None,
    builtins: bool = False,
    timeout: float | None = None,
) -> ExtractResult:
    """Run one extractor plugin over ``source`` the way claimtrack does (isolated, its
    claims validated against the source) and return the claims and any errors.

    ``context`` defaults to a fresh :class:`claimtrack.ExtractContext` (an empty actor
    registry, times resolved against the source's publication time); pass your own to
    seed actors or to stub ``find_windows``.  ``builtins=True`` runs the built-in
    English extractor beside the plugin.  ``timeout`` (seconds) runs it as ``add``
    does, in a worker process killed at the limit: what it returns must then cross
    from that process (be picklable); without one it runs in this process."""
    from .extraction import ExtractContext, run_extractors

    pm = make_plugin_manager(plugin, builtins=builtins, extractor=builtins)
    ctx = context or ExtractContext(reference=source.published_at)
    return run_extractors(pm, source, ctx, timeout=timeout)


def extract_english(
    text: str, *, published: When = None, publisher: str | None = None
) -> list[Claim]:
    """The built-in English extractor's claims of ``text`` (a fresh actor registry,
    times resolved against ``published``), each checked to be the exact text at its span."""
    from .english import extract_claims
    from .extraction import ExtractContext

    source = make_source(text, published=published, publisher=publisher)
    claims = list(extract_claims(source, ExtractContext(reference=source.published_at)))
    for claim in claims:
        claim.check_against(source)
    return claims


def claim_containing(claims: Sequence[Claim], words: str) -> Claim:
    """The first claim whose text holds ``words``; fails the test, listing every claim's
    text, when none does."""
    hits = [c for c in claims if words in c.text]
    assert hits, f"no claim holds {words!r}: {[c.text for c in claims]}"
    return hits[0]


def speaker_name(claim: Claim) -> str:
    """The name of ``claim``'s speaker; fails the test when it has none."""
    assert claim.speaker is not None, f"no speaker for {claim.text!r}"
    return claim.speaker.name


class Route:
    """What :func:`serve_http` answers on one path: ``body`` with ``content_type``,
    after ``delay`` seconds (to test time limits)."""

    def __init__(self, body: bytes, content_type: str = "text/plain", *, delay: float = 0.0):
        self.body = body
        self.content_type = content_type
        self.delay = delay


@contextlib.contextmanager
def serve_http(routes: Mapping[str, Route]) -> Iterator[str]:
    """Serve ``routes`` (path -> :class:`Route`) on 127.0.0.1 for a loader's tests, and
    yield the base URL.  Other paths answer 404.  Nothing leaves this machine."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if route.delay:
                time.sleep(route.delay)
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            # A loader may stop reading early (not its kind, over a limit), as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def export_text(
    format: str,
    standings: Sequence[Standing],
    *,
    as_of: When = None,
    plugins: Sequence[object] = (),
    plugin_manager: ClaimtrackPluginManager | None = None,
    options: Mapping[str, str] | None = None,
) -> str:
    """What the exporter ``format`` writes for ``standings``, as a string.

    The exporter comes from ``plugin_manager``, else from the built-ins plus
    ``plugins``; ``options`` are its ``-O key=value`` options, checked as the command
    line checks them (an :class:`InputError` for one it does not take).  Raises
    LookupError when no such exporter is registered, and the registration errors (a
    duplicate name, say) as the first PluginError."""
    from .exporters import collect_exporters

    pm = plugin_manager or make_plugin_manager(*plugins)
    found, errors = collect_exporters(pm)
    if errors:
        raise errors[0]
    if format not in found:
        raise LookupError(f"no exporter {format!r}; registered: {', '.join(sorted(found))}")
    stream = io.StringIO()
    when = _when(as_of, "as_of") or datetime.now(timezone.utc)
    exporter = found[format]
    exporter.run(standings, stream, when, exporter.bind(options))
    return stream.getvalue()


def invoke_cli(
    *args: str,
    plugin_manager: ClaimtrackPluginManager | None = None,
    db: str | Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Result:
    """Run ``claimtrack ARGS...`` in-process (click's CliRunner) and return the result.

    ``plugin_manager`` replaces the one the CLI would build from installed plugins;
    ``db`` is passed as ``--db``.  Exceptions are not caught, so a bug shows its
    traceback; check ``result.exit_code`` and ``result.output``."""
    from click.testing import CliRunner

    from .cli import cli

    argv = ([] if db is None else ["--db", str(db)]) + list(args)
    obj: dict[str, Any] = {}
    if plugin_manager is not None:
        obj["pm"] = plugin_manager
    return CliRunner().invoke(cli, argv, obj=obj, env=dict(env or {}), catch_exceptions=False)


#: A short fictional article (published Monday 3 March 2025) whose commitments, by
#: 20 March 2025, are in every status: see :func:`make_sample_standings`.
SAMPLE_TEXT = """Council sets out spring works
The council will resurface Mill Lane by the end of March, the mayor, Ana Ruiz, said on Monday.
"We will reopen the Station Road depot this week," she said.
The council promised to publish the audit in April.
Ms Ruiz said the bridge would be repaired by 14 March.
She pledged to cut bus fares if the grant is approved.
The mayor said a new library would open soon.
"We will plant 500 trees," she added.
She promised to fix the leisure centre roof by 10 March.
The council said it would hold two public meetings in March.
Ruiz said turnout was 41% at the last election.
"""


def make_sample_standings(as_of: When = "2025-03-20T12:00:00+00:00") -> list[Standing]:
    """Standings of :data:`SAMPLE_TEXT`'s claims as of ``as_of``, for exporter tests.

    As of the default 20 March 2025 they cover every kind of row an exporter meets: due
    (Mill Lane), kept (the depot), open (the audit), overdue (the bridge), conditional
    (bus fares), open with a vague window (the library), undated with progress
    in_progress (the trees), broken (the roof), partially_kept (the meetings), and a
    statement with no status (turnout)."""
    published = "2025-03-03T09:00:00+00:00"
    source = make_source(
        SAMPLE_TEXT,
        published=published,
        title="Council sets out spring works",
        publisher="Riverside Gazette",
        uri="https://gazette.example/news/spring-works",
    )
    mayor, council = "Ana Ruiz", "The council"
    utc = timezone.utc

    def window(start: date, end: date, text: str, grain: str, vague: bool = False) -> TimeWindow:
        return make_window(
            datetime.combine(start, datetime.min.time(), utc),
            datetime.combine(end, datetime.min.time(), utc),
            text=text,
            grain=grain,
            vague=vague,
            reference=published,
        )

    def claim(text: str, **fields: Any) -> Claim:
        fields.setdefault("speaker", mayor)
        return make_claim(source, text, **fields)

    claims = [
        claim(
            "The council will resurface Mill Lane by the end of March",
            actor=council,
            action="resurface Mill Lane",
            due=window(date(2025, 3, 1), date(2025, 4, 1), "by the end of March", "month"),
        ),
        claim(
            "We will reopen the Station Road depot this week",
            actor=council,
            action="reopen the Station Road depot",
            direct=True,
            due=window(date(2025, 3, 3), date(2025, 3, 10), "this week", "week"),
        ),
        claim(
            "The council promised to publish the audit in April",
            actor=council,
            action="publish the audit",
            due=window(date(2025, 4, 1), date(2025, 5, 1), "in April", "month"),
        ),
        claim(
            "the bridge would be repaired by 14 March",
            actor=council,
            action="repair the bridge",
            due=window(date(2025, 3, 3), date(2025, 3, 15), "by 14 March", "span"),
        ),
        claim(
            "She pledged to cut bus fares if the grant is approved",
            action="cut bus fares",
            condition="the grant is approved",
        ),
        claim(
            "a new library would open soon",
            actor=council,
            action="open a new library",
            due=window(date(2025, 3, 3), date(2025, 6, 3), "soon", "span", vague=True),
        ),
        claim("We will plant 500 trees", action="plant 500 trees", direct=True),
        claim(
            "She promised to fix the leisure centre roof by 10 March",
            action="fix the leisure centre roof",
            due=window(date(2025, 3, 3), date(2025, 3, 11), "by 10 March", "span"),
        ),
        claim(
            "The council said it would hold two public meetings in March",
            speaker=council,
            action="hold two public meetings",
            due=window(date(2025, 3, 1), date(2025, 4, 1), "in March", "month"),
        ),
        claim("turnout was 41% at the last election", kind="statement"),
    ]
    by_action = {c.action: c for c in claims}
    evidence = [
        make_evidence(
            by_action["reopen the Station Road depot"],
            "kept",
            known="2025-03-07",
            happened="2025-03-07",
            uri="https://gazette.example/news/depot-reopens",
            note="Reopened on Friday",
        ),
        make_evidence(by_action["plant 500 trees"], "in_progress", known="2025-03-12"),
        make_evidence(
            by_action["fix the leisure centre roof"],
            "broken",
            known="2025-03-14",
            uri="https://gazette.example/news/roof-delay",
            note="Contractor not yet appointed",
        ),
        make_evidence(
            by_action["hold two public meetings"],
            "partially_kept",
            known="2025-03-18",
            by="checker-bot",
            person=False,
        ),
    ]
    return [make_standing(c, source, evidence=evidence, as_of=as_of) for c in claims]


# -- the pytest plugin ----------------------------------------------------------------


@pytest.fixture(name="plugin_manager")
def plugin_manager() -> Callable[..., ClaimtrackPluginManager]:
    """A factory of plugin managers: ``plugin_manager(*plugins, builtins=True,
    extractor=True, entrypoints=False)``; see :func:`make_plugin_manager`."""
    return make_plugin_manager


@pytest.fixture(name="sample_standings")
def sample_standings() -> list[Standing]:
    """:func:`make_sample_standings` as of 20 March 2025: a row in every status."""
    return make_sample_standings()


@pytest.fixture(name="claimtrack_plugins")
def claimtrack_plugins() -> Sequence[object]:
    """The plugins ``tmp_tracker`` registers.  Override this fixture to add yours::

    @pytest.fixture
    def claimtrack_plugins():
        return [claimtrack_pledges]
    """
    return ()


@pytest.fixture(name="tmp_tracker")
def tmp_tracker(tmp_path: Path, claimtrack_plugins: Sequence[object]) -> Iterator[Tracker]:
    """A :class:`claimtrack.Tracker` on a new store in ``tmp_path``, with the built-ins
    (minus the English extractor) and ``claimtrack_plugins``; closed after the test."""
    from .tracker import Tracker

    pm = make_plugin_manager(*claimtrack_plugins, extractor=False)
    tracker = Tracker(tmp_path / "claimtrack-test.db", plugin_manager=pm)
    try:
        yield tracker
    finally:
        tracker.close()

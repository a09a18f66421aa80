"""Running the extractors over a source: which ones, their context, isolation and the
validation of their results."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

import attrs
import pluggy

from .actors import ActorRegistry
from .dispatch import Call, call_hook
from .errors import ClaimtrackError, InputError, PluginError
from .languages import UnreadLanguage, extractor_languages, reads_language
from .model import Actor, Claim, Source, TimeWindow
from .workers import kind_of

__all__ = [
    "EXTRACTORS_ENV",
    "ExtractContext",
    "ExtractResult",
    "Ownership",
    "choose_extractors",
    "claim_problem",
    "owns_sources",
    "resolve_extractors",
    "run_extractors",
    "selected_extractors",
]

#: Comma-separated extractors to run when none are named (``--extractor``).
EXTRACTORS_ENV = "CLAIMTRACK_EXTRACTORS"
_OWNS_ATTR = "claimtrack_owns"
F = TypeVar("F", bound=Callable[..., Any])


@attrs.frozen
class Ownership:
    """The sources an extractor claims as its own: by ``kinds`` (``source.meta["kind"]``)
    or ``media_types`` (``source.meta["media_type"]``; ``"text/*"`` covers a family)."""

    kinds: frozenset[str] = frozenset()
    media_types: frozenset[str] = frozenset()

    def covers(self, source: Source) -> bool:
        """Whether ``source`` is of a kind or media type listed here."""
        kind = source.meta.get("kind")
        if isinstance(kind, str) and kind.strip().lower() in self.kinds:
            return True
        media = source.meta.get("media_type")
        if not isinstance(media, str):
            return False
        media = media.split(";", 1)[0].strip().lower()
        return media in self.media_types or f"{media.split('/', 1)[0]}/*" in self.media_types

    def describe(self) -> str:
        """``"kind transcript, media type text/x-hansard"``."""
        parts = [f"kind {k}" for k in sorted(self.kinds)]
        parts += [f"media type {m}" for m in sorted(self.media_types)]
        return ", ".join(parts)


def owns_sources(*, kinds: Iterable[str] = (), media_types: Iterable[str] = ()) -> Callable[[F], F]:
    """Declare, on a ``claimtrack_extract`` implementation, the sources it owns::

        @claimtrack.hookimpl
        @claimtrack.owns_sources(kinds=["transcript"])
        def claimtrack_extract(source, context): ...

    A source whose ``meta["kind"]`` or ``meta["media_type"]`` is owned is given to its
    owners only: the other extractors, the built-in English one included, are not run
    on it (unless a person names them with ``--extractor``)."""
    ownership = Ownership(
        kinds=frozenset(k.strip().lower() for k in kinds if k.strip()),
        media_types=frozenset(m.strip().lower() for m in media_types if m.strip()),
    )
    if not ownership.kinds and not ownership.media_types:
        raise ValueError("owns_sources needs at least one kind or media type")

    def mark(function: F) -> F:
        setattr(function, _OWNS_ATTR, ownership)
        return function

    return mark


def ownerships(pm: pluggy.PluginManager) -> dict[str, Ownership]:
    """The extractors that declared the sources they own, by plugin name."""
    out: dict[str, Ownership] = {}
    for impl in pm.hook.claimtrack_extract.get_hookimpls():
        owned = getattr(impl.function, _OWNS_ATTR, None)
        if isinstance(owned, Ownership):
            out[impl.plugin_name] = owned
    return out


def resolve_extractors(pm: pluggy.PluginManager, names: Iterable[str]) -> tuple[str, ...]:
    """The registered names of the extractors ``names`` asks for (a plugin's name, or
    a built-in's short name such as ``english``).  An unknown name is an
    :class:`InputError` listing the extractors there are."""
    available = [impl.plugin_name for impl in pm.hook.claimtrack_extract.get_hookimpls()]
    aliases: dict[str, str] = {}
    alias_of = getattr(pm, "alias_of", None)
    if alias_of is not None:
        for name in available:
            alias = alias_of(name)
            if alias:
                aliases[alias] = name
    out: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        full = name if name in available else aliases.get(name)
        if full is None:
            shown = sorted(aliases) + sorted(n for n in available if n not in aliases.values())
            raise InputError(
                f"no extractor {name!r}; the extractors are: {', '.join(shown) or 'none'}"
            )
        out.append(full)
    return tuple(dict.fromkeys(out))


def extractors_from_env(env: Mapping[str, str] | None = None) -> tuple[str, ...] | None:
    """The extractors ``$CLAIMTRACK_EXTRACTORS`` names (None when unset or empty)."""
    raw = (os.environ if env is None else env).get(EXTRACTORS_ENV, "")
    names = tuple(n.strip() for n in raw.split(",") if n.strip())
    return names or None


def selected_extractors(
    pm: pluggy.PluginManager, names: Iterable[str] | None
) -> tuple[str, ...] | None:
    """The registered names of ``names``, else of ``$CLAIMTRACK_EXTRACTORS``; None (the
    usual choice) when neither names any.  An unknown name is an :class:`InputError`
    that says where it came from."""
    if names is not None and tuple(names):
        return resolve_extractors(pm, names)
    from_env = extractors_from_env()
    if from_env is None:
        return None
    try:
        return resolve_extractors(pm, from_env)
    except InputError as exc:
        raise InputError(f"{EXTRACTORS_ENV}: {exc}") from None


def choose_extractors(
    pm: pluggy.PluginManager, source: Source, selected: Collection[str] | None = None
) -> Callable[[str], bool]:
    """Which extractors run on ``source``: the ``selected`` ones (registered names)
    when given; else the extractors that own its kind or media type, if any do; else
    all of them but those that declared languages (:func:`claimtrack.reads_languages`)
    other than the source's."""
    if selected is not None:
        chosen = frozenset(selected)
        return chosen.__contains__
    owners = frozenset(name for name, owned in ownerships(pm).items() if owned.covers(source))
    if owners:
        return owners.__contains__
    if source.language:
        # An extractor that declared its languages is not given a source in another.
        elsewhere = frozenset(
            name for name, langs in extractor_languages(pm).items() if source.language not in langs
        )
        return lambda name: name not in elsewhere
    return lambda _name: True


@attrs.define(kw_only=True)
class ExtractContext:
    """What an extractor gets beside the source.

    ``registry`` resolves (and learns) speakers and actors; ``reference`` is the time
    relative phrases are resolved against (the source's publication time, may be None);
    ``day_first`` says how to read 03/04/2025; ``options`` holds plugin settings.
    """

    registry: ActorRegistry = attrs.field(factory=ActorRegistry)
    reference: datetime | None = None
    day_first: bool = True
    options: dict[str, object] = attrs.field(factory=dict)

    def find_windows(
        self, sentence: str, *, tense: str | None = None
    ) -> list[tuple[tuple[int, int], TimeWindow]]:
        """Every time expression in ``sentence``, resolved against ``reference``."""
        from .timewindows import find_windows

        return find_windows(sentence, self.reference, tense=tense, day_first=self.day_first)

    def parse_window(self, text: str, *, tense: str | None = None) -> TimeWindow | None:
        """One time phrase, resolved against ``reference``."""
        from .timewindows import parse_window

        return parse_window(text, self.reference, tense=tense, day_first=self.day_first)


@attrs.frozen
class ExtractResult:
    """The claims of one source, the plugins that failed on it, and the extractors
    that ran (``ran``, in the order they were called)."""

    claims: Sequence[Claim]
    errors: Sequence[PluginError]
    ran: Sequence[str] = ()
    #: What a person should know that is no failure: the source's language is read
    #: by none of the extractors that ran (:class:`claimtrack.languages.UnreadLanguage`).
    notes: Sequence[ClaimtrackError] = ()

    @property
    def succeeded(self) -> tuple[str, ...]:
        """The extractors that ran without any error on this source: their claims are
        all they found, so they may replace what they found before."""
        failed = {e.plugin for e in self.errors}
        return tuple(name for name in self.ran if name not in failed)

    def raise_errors(self) -> None:
        """Raise the first error, if any: its cause is the plugin's own exception, so
        a test (or pytest) shows the plugin's traceback with its file and line."""
        if self.errors:
            first = self.errors[0]
            raise first from first.__cause__


def run_extractors(
    pm: pluggy.PluginManager,
    source: Source,
    context: ExtractContext | None = None,
    *,
    timeout: float | None = None,
    extractors: Collection[str] | None = None,
    stopped: Collection[str] = (),
    on_start: Callable[[str], None] | None = None,
) -> ExtractResult:
    """Run the extractors on ``source``, each isolated (in a worker process killed after
    ``timeout`` seconds, see :mod:`claimtrack.workers`): one that raises, runs past
    ``timeout`` or returns something that is not a valid claim of this source is named
    in ``errors``; the others' claims are kept.  ``extractors`` (registered names, see
    :func:`resolve_extractors`) runs only those; otherwise :func:`choose_extractors`
    decides.  Claims are returned in text order, without duplicate ids; ``notes``
    says when none of the extractors that ran reads the source's language.

    ``stopped`` names extractors that already ran out of their ``timeout`` on this
    source (in an ``add --jobs`` worker, :mod:`claimtrack.parallel_add`): each is
    named as having run out of time, in its turn, and not run again, so its time limit
    is spent once.  ``on_start(name)`` is called as each extractor begins."""
    ctx = context or ExtractContext(reference=source.published_at)
    claims: dict[str, Claim] = {}
    errors: list[PluginError] = []
    ran: list[str] = []
    label = source.uri or source.title or source.id
    # Said as a time-out in this run is said (_too_long below, with the limit).
    spent = "gave no result within its time limit; it was stopped and its results dropped"
    known = {
        name: Call(
            name,
            error=PluginError(name, label, spent, hook="claimtrack_extract", timed_out=True),
        )
        for name in stopped
    }
    for call in call_hook(
        pm,
        "claimtrack_extract",
        {"source": source, "context": ctx},
        label=label,
        timeout=timeout,
        only=choose_extractors(pm, source, extractors),
        isolate=True,
        on_start=on_start,
        given=known,
    ):
        name = call.plugin
        ran.append(name)
        if call.error is not None:
            late = call.error.timed_out and timeout is not None
            errors.append(_too_long(call.error, source, timeout) if late else call.error)
            continue
        bad = 0
        first_problem = ""
        for item in call.value or ():
            problem = claim_problem(item, source)
            if problem:
                bad += 1
                first_problem = first_problem or problem
                continue
            assert isinstance(item, Claim)
            if item.extractor != name:
                # The host's record of who made it: what re-derivation replaces by.
                item = attrs.evolve(item, extractor=name)
            claims.setdefault(item.id, item)
        if bad:
            errors.append(
                PluginError(
                    name,
                    label,
                    f"returned {bad} invalid claim(s), dropped; first: {first_problem}",
                    hook="claimtrack_extract",
                )
            )
    ordered = sorted(claims.values(), key=lambda c: (c.span, c.id))
    notes: list[ClaimtrackError] = []
    if source.language and not reads_language(ran, source.language, extractor_languages(pm)):
        notes.append(UnreadLanguage(label, source.language))
    return ExtractResult(claims=ordered, errors=errors, ran=tuple(ran), notes=notes)


def _too_long(error: PluginError, source: Source, timeout: float | None) -> PluginError:
    # Said plainly: this source is too big (or too hard) for the extractor in the limit.
    problem = (
        f"gave no result within {timeout:g} s, its time limit, on a source of "
        f"{len(source.text):,} characters; it was stopped and its results dropped "
        "(split the source into smaller files, or raise the time limit)"
    )
    return PluginError(error.plugin, error.source, problem, hook=error.hook, timed_out=True)


def claim_problem(item: object, source: Source) -> str:
    """Why ``item`` is not a valid claim of ``source`` ("" when it is).

    attrs validates values but not the types of the optional fields, so a plugin can
    build a Claim whose speaker is a string or whose due is a dict; those would crash
    the store or an exporter far from the plugin.  Checked here, named against it."""
    if not isinstance(item, Claim):
        return f"{kind_of(item)} is not a Claim"
    if not isinstance(item.id, str) or not isinstance(item.text, str):
        return f"claim {item.id!r}: id and text must be str"
    try:
        item.check_against(source)
    except (ValueError, TypeError) as exc:
        return str(exc)
    for name in ("speaker", "actor"):
        actor = getattr(item, name)
        if actor is None:
            continue
        if not isinstance(actor, Actor):
            return f"claim {item.id}: {name} is {type(actor).__name__}, not Actor or None"
        if not all(isinstance(v, str) for v in (actor.id, actor.name, *actor.aliases)):
            return f"claim {item.id}: {name} has a non-str id, name or alias"
    if not isinstance(item.sentence, str):
        return f"claim {item.id}: sentence is {type(item.sentence).__name__}, not str"
    for name in ("cue", "action", "condition", "extractor"):
        value = getattr(item, name)
        if value is not None and not isinstance(value, str):
            return f"claim {item.id}: {name} is {type(value).__name__}, not str or None"
    if not isinstance(item.rules, tuple) or not all(isinstance(r, str) for r in item.rules):
        return f"claim {item.id}: rules must be a tuple of str"
    if not isinstance(item.direct, bool):
        return f"claim {item.id}: direct is {type(item.direct).__name__}, not bool"
    due = item.due
    if due is not None:
        if not isinstance(due, TimeWindow):
            return f"claim {item.id}: due is {type(due).__name__}, not TimeWindow or None"
        if not isinstance(due.text, str) or not isinstance(due.vague, bool):
            return f"claim {item.id}: due has a non-str text or a non-bool vague"
    strings = [item.sentence, item.cue, item.action, item.condition, item.extractor, *item.rules]
    strings += [due.text] if due is not None else []
    for actor in (item.speaker, item.actor):
        if actor is not None:
            strings += [actor.id, actor.name, *actor.aliases]
    for value in strings:
        if value is not None and not _encodable(value):
            return f"claim {item.id}: holds text that is not valid Unicode (lone surrogates)"
    return ""


def _encodable(text: str) -> bool:
    # Linear in what the plugin returned; isascii() is O(1) in CPython and common.
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

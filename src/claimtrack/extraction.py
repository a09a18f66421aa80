"""Running the extractors over a source: context, isolation and validation of results."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import attrs
import pluggy

from .actors import ActorRegistry
from .errors import PluginError
from .model import Actor, Claim, Source, TimeWindow
from .plugins import call_each

__all__ = ["ExtractContext", "ExtractResult", "run_extractors"]


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
    """The claims of one source, and the plugins that failed on it."""

    claims: Sequence[Claim]
    errors: Sequence[PluginError]


def run_extractors(
    pm: pluggy.PluginManager,
    source: Source,
    context: ExtractContext | None = None,
    *,
    timeout: float | None = None,
) -> ExtractResult:
    """Run every extractor on ``source``, each isolated: one that raises, runs past
    ``timeout`` or returns something that is not a valid claim of this source is named
    in ``errors``; the others' claims are kept.  Claims are returned in text order,
    without duplicate ids."""
    ctx = context or ExtractContext(reference=source.published_at)
    claims: dict[str, Claim] = {}
    errors: list[PluginError] = []
    label = source.uri or source.title or source.id
    for name, produced in call_each(
        pm, "claimtrack_extract", {"source": source, "context": ctx}, label=label, timeout=timeout
    ):
        if isinstance(produced, PluginError):
            errors.append(produced)
            continue
        bad = 0
        first_problem = ""
        for item in produced:
            problem = _problem(item, source)
            if problem:
                bad += 1
                first_problem = first_problem or problem
                continue
            assert isinstance(item, Claim)
            if item.extractor is None:
                item = attrs.evolve(item, extractor=name)
            claims.setdefault(item.id, item)
        if bad:
            errors.append(
                PluginError(
                    name, label, f"returned {bad} invalid claim(s), dropped; first: {first_problem}"
                )
            )
    ordered = sorted(claims.values(), key=lambda c: (c.span, c.id))
    return ExtractResult(claims=ordered, errors=errors)


def _problem(item: object, source: Source) -> str:
    """Why ``item`` is not a valid claim of ``source`` ("" when it is).

    attrs validates values but not the types of the optional fields, so a plugin can
    build a Claim whose speaker is a string or whose due is a dict; those would crash
    the store or an exporter far from the plugin.  Checked here, named against it."""
    if not isinstance(item, Claim):
        return f"{type(item).__name__} is not a Claim"
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
    if not isinstance(item.direct, bool):
        return f"claim {item.id}: direct is {type(item.direct).__name__}, not bool"
    due = item.due
    if due is not None:
        if not isinstance(due, TimeWindow):
            return f"claim {item.id}: due is {type(due).__name__}, not TimeWindow or None"
        if not isinstance(due.text, str) or not isinstance(due.vague, bool):
            return f"claim {item.id}: due has a non-str text or a non-bool vague"
    strings = [item.sentence, item.cue, item.action, item.condition, item.extractor]
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

"""Running the extractors over a source: context, isolation and validation of results."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import attrs
import pluggy

from .actors import ActorRegistry
from .errors import PluginError
from .model import Claim, Source, TimeWindow
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
    if not isinstance(item, Claim):
        return f"{type(item).__name__} is not a Claim"
    try:
        item.check_against(source)
    except ValueError as exc:
        return str(exc)
    return ""

"""Reading sources that come with their claims and verdicts: another fact-checker's
published reviews (schema.org ClaimReview, say), through ``claimtrack_load_reviewed``.

A loader hands over :class:`Reviewed` items: a source, the claims it holds (the review
says what was claimed; no extractor is run on it) and evidence about them (the
review's rating).  claimtrack checks each item as it checks a loader's sources and an
extractor's claims, and records the evidence as *imported* (``recorder="imported"``,
``recorded_by`` the reviewing organisation): it outranks the automatic checker's
verdicts, and a person's own verdict always outranks it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
import pluggy

from .dispatch import first_answer
from .errors import ClaimtrackError, InputError, LoadError, PluginError
from .extraction import claim_problem
from .loading import LoadOptions, check_source, finish_source
from .model import Claim, Evidence, RecorderKind, Source, claim_id
from .store_protocol import Store

__all__ = [
    "REVIEWED_BY",
    "ReadReviewed",
    "Reviewed",
    "finish_reviewed",
    "is_reviewed",
    "read_reviewed",
    "store_reviewed",
]

_HOOK = "claimtrack_load_reviewed"
#: The ``meta`` key that marks a source read with its claims made: the loader's name.
REVIEWED_BY = "reviewed_by"


def is_reviewed(source: Source) -> bool:
    """Whether ``source`` came with its claims (:data:`REVIEWED_BY` in its meta): no
    extractor reads it, on ``add`` or on ``add --rederive``."""
    return bool(source.meta.get(REVIEWED_BY))


def _tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
    return tuple(value or ())


@attrs.frozen(kw_only=True)
class Reviewed:
    """A source read with its claims already made and evidence about them.

    Each claim belongs to ``source`` (``claim.source_id == source.id`` and its text
    at its span, as an extractor's must); each piece of evidence is about one of
    ``claims`` (``evidence.claim_id``)."""

    source: Source
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class ReadReviewed:
    """What a reviewed-source loader made of one input: the checked ``items``, the
    ``problems`` with single items, and the ``loader`` that read it."""

    items: list[Reviewed]
    problems: list[ClaimtrackError]
    loader: str


def read_reviewed(pm: pluggy.PluginManager, uri: str, options: LoadOptions) -> ReadReviewed | None:
    """Ask the ``claimtrack_load_reviewed`` implementations, latest-registered first,
    to read ``uri``; None when none of them does (then the ordinary loaders are asked).

    They are asked as the ordinary loaders are (in a worker process killed after
    ``options.max_seconds``).  A loader that raises :class:`LoadError` says ``uri`` is
    its kind but unreadable (raised as is); any other exception, or running past the
    limit, is raised as a :class:`PluginError` naming it.  One bad item of many is
    named in ``problems`` and the others are kept."""
    if not pm.hook.claimtrack_load_reviewed.get_hookimpls():
        return None  # no such loader installed: no worker to start
    call = first_answer(
        pm, _HOOK, {"uri": uri, "options": options}, label=uri, timeout=options.max_seconds
    )
    if call is None:
        return None
    if call.error is not None:
        if isinstance(call.error.__cause__, LoadError):
            raise call.error.__cause__
        raise call.error
    produced = call.value or []
    items: list[Reviewed] = []
    problems: list[ClaimtrackError] = []
    for n, item in enumerate(produced, 1):
        if isinstance(item, LoadError):
            problems.append(item)
            continue
        where = uri if len(produced) == 1 else f"{uri} (item {n})"
        try:
            items.append(finish_reviewed(item, options, label=where, plugin=call.plugin))
        except InputError as exc:
            problems.append(PluginError(call.plugin, where, str(exc), hook=_HOOK))
        except LoadError as exc:  # over a size limit
            problems.append(exc)
    return ReadReviewed(items=items, problems=problems, loader=call.plugin)


def finish_reviewed(
    item: object, options: LoadOptions, *, label: str, plugin: str | None = None
) -> Reviewed:
    """``item`` as claimtrack stores it, or an :class:`InputError` saying why not: its
    source checked and finished as a loader's (:func:`claimtrack.loading.finish_source`),
    its claims checked as an extractor's, its evidence about those claims.  When
    finishing gives the source another id, the claims and evidence follow it; the
    evidence is recorded as imported (``recorder="imported"``: a person's verdict
    outranks it, it outranks the checker's)."""
    if not isinstance(item, Reviewed):
        raise InputError(f"returned {type(item).__name__}, not Reviewed")
    given = check_source(item.source)
    source = finish_source(given, options, label=label)
    source = attrs.evolve(source, meta={**source.meta, REVIEWED_BY: plugin or "a loader"})
    if source.text != given.text:
        raise InputError(
            "returned a source whose text holds control characters or escape sequences; "
            "give its claims' text clean"
        )
    renamed: dict[str, str] = {}
    claims: list[Claim] = []
    for claim in item.claims:
        if isinstance(claim, Claim) and claim.source_id == item.source.id:
            claim = attrs.evolve(claim, source_id=given.id)
        problem = claim_problem(claim, given)
        if problem:
            raise InputError(f"returned an invalid claim: {problem}")
        new = attrs.evolve(
            claim,
            source_id=source.id,
            id=claim_id(source.id, claim.span, claim.speaker.id if claim.speaker else None),
            extractor=plugin or claim.extractor,
        )
        renamed[claim.id] = new.id
        claims.append(new)
    evidence: list[Evidence] = []
    for ev in item.evidence:
        if not isinstance(ev, Evidence):
            raise InputError(f"returned {type(ev).__name__} as evidence, not Evidence")
        if ev.claim_id not in renamed and ev.claim_id not in renamed.values():
            raise InputError(f"returned evidence about {ev.claim_id!r}, not one of its claims")
        # Evidence read with its source (a review's, say) follows that source's id.
        moved = source.id if ev.source_id in (item.source.id, given.id) else ev.source_id
        evidence.append(
            attrs.evolve(
                ev,
                claim_id=renamed.get(ev.claim_id, ev.claim_id),
                recorder=RecorderKind.IMPORTED,
                source_id=moved,
                id=None,
            )
        )
    return Reviewed(source=source, claims=claims, evidence=evidence)


def store_reviewed(store: Store, item: Reviewed) -> tuple[str, int, list[Evidence]]:
    """Store a finished item: its source and claims (the outcome, as
    :meth:`Store.add_source` says, and how many claims), then the evidence not
    already held (re-reading the same reviews records nothing twice)."""
    outcome = store.add_source(item.source, item.claims)
    recorded = []
    for ev in item.evidence:
        stored = store.add_evidence(ev, skip_duplicate=True)
        if stored is not None:
            recorded.append(stored)
    return outcome, len(item.claims), recorded

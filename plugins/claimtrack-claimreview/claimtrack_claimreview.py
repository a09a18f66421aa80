"""claimtrack-claimreview: schema.org ClaimReview JSON-LD, out and in.

``claimtrack export --format claimreview`` writes one ``ClaimReview`` per tracked promise
with a final verdict (kept, partially kept, broken, withdrawn, unverifiable, annulled),
every mention's source an appearance of the claim: the markup fact-checkers publish so
search engines can show the verdict beside the claim.
Ratings use the labels of the well-known promise trackers (Promise Kept, Compromise,
Promise Broken, In the Works, Stalled, Not Yet Rated).  Its options (``-O key=value``)
name the reviewing organisation and each review's address; by default only verdicts a
person recorded are exported (another fact-checker's imported reviews with
``include_imported``, the checker's with ``include_machine``).

``claimtrack add reviews.json`` reads another fact-checker's ClaimReview JSON-LD (a
file, or a page that embeds it): each review's claim with its speaker, where and when
it was said, and its rating as a verdict recorded by the reviewing organisation.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TextIO

import claimtrack
from claimtrack import (
    Actor,
    ActorKind,
    Evidence,
    ExportOption,
    Progress,
    RecorderKind,
    Standing,
    Status,
)
from claimtrack.exporters import option_bool, option_template, option_url
from claimtrack.sanitize import safe_url

from claimtrack_claimreview_in import claimtrack_load_reviewed, reviewed_from, verdict_of_label

__all__ = [
    "EXPORT_OPTIONS",
    "appearance_order",
    "claim_review",
    "claimtrack_load_reviewed",
    "claimtrack_register_exporters",
    "promise_label",
    "promise_review",
    "publishable",
    "reviewed_from",
    "verdict_of_label",
    "write_claimreview",
]

__version__ = "0.1.0"

PROMISE_KEPT = "Promise Kept"
COMPROMISE = "Compromise"
PROMISE_BROKEN = "Promise Broken"
IN_THE_WORKS = "In the Works"
STALLED = "Stalled"
NOT_YET_RATED = "Not Yet Rated"

#: Each status as a promise-tracker label.  A withdrawn promise was abandoned, which
#: trackers rate as broken; "unverifiable" and "annulled" (its condition or premise fell
#: away) were neither kept nor broken, so they stay unrated.
STATUS_LABELS: dict[Status, str] = {
    Status.KEPT: PROMISE_KEPT,
    Status.PARTIALLY_KEPT: COMPROMISE,
    Status.BROKEN: PROMISE_BROKEN,
    Status.WITHDRAWN: PROMISE_BROKEN,
    Status.UNVERIFIABLE: NOT_YET_RATED,
    Status.ANNULLED: NOT_YET_RATED,
    Status.OPEN: NOT_YET_RATED,
    Status.DUE: NOT_YET_RATED,
    Status.OVERDUE: NOT_YET_RATED,
    Status.CONDITIONAL: NOT_YET_RATED,
}
PROGRESS_LABELS: dict[Progress, str] = {
    Progress.IN_PROGRESS: IN_THE_WORKS,
    Progress.STALLED: STALLED,
}
#: A numeric scale for the labels that judge (1 worst, 5 best); others carry no value.
RATING_VALUES = {PROMISE_BROKEN: 1, STALLED: 2, COMPROMISE: 3, IN_THE_WORKS: 4, PROMISE_KEPT: 5}


#: The exporter's options, ``-O key=value`` on ``claimtrack export``.
EXPORT_OPTIONS = (
    ExportOption(
        name="reviewer",
        help="the organisation publishing the reviews, each review's author",
    ),
    ExportOption(name="reviewer_url", help="the organisation's home page", convert=option_url),
    ExportOption(
        name="url_template",
        help="each review's address, {id} (or {short_id}) standing for the promise id",
        convert=option_template("id", "short_id"),
    ),
    ExportOption(
        name="include_machine",
        help="also export verdicts of the automatic checker, marked as such",
        convert=option_bool,
        default=False,
    ),
    ExportOption(
        name="include_imported",
        help="also export reviews imported from another fact-checker, under their author "
        "and address",
        convert=option_bool,
        default=False,
    ),
)


@claimtrack.hookimpl
def claimtrack_register_exporters(register: Callable[..., None]) -> None:
    """Register the ``claimreview`` exporter."""
    register(
        "claimreview",
        write_claimreview,
        description="schema.org ClaimReview JSON-LD, one review per promise with a final verdict",
        extension="jsonld",
        options=EXPORT_OPTIONS,
        unit="review",
    )


def promise_label(status: Status | None, progress: Progress | None = None) -> str:
    """The promise-tracker label of a status: an interim verdict (in progress, stalled)
    speaks for a commitment not yet settled."""
    if status is None:
        return NOT_YET_RATED
    if not status.is_final and progress is not None:
        return PROGRESS_LABELS[progress]
    return STATUS_LABELS[status]


def publishable(decided: Evidence | None, options: Mapping[str, Any]) -> bool:
    """Whether a verdict is published: a person's always; an imported review's with
    ``include_imported``; the checker's with ``include_machine``."""
    if decided is None:
        return False
    if decided.recorder is RecorderKind.IMPORTED:
        return bool(options.get("include_imported"))
    return decided.by_person or bool(options.get("include_machine"))


def write_claimreview(
    standings: Sequence[Standing],
    stream: TextIO,
    as_of: datetime,
    options: Mapping[str, Any] | None = None,
) -> int:
    """Write a JSON-LD document (``@graph`` of ClaimReview) with one review per tracked
    promise whose status is a final verdict, and return how many reviews it holds.

    ``standings`` are claim rows (what ``claimtrack export`` gives): the mentions of
    one promise (``Standing.promise``) make one review, each mention's source one of
    its appearances; a tracked claim of no promise is reviewed alone.  Only verdicts a
    person recorded are reviewed, unless ``include_machine`` (a checker's, each saying
    in its ``description`` that a machine found it) or ``include_imported`` (another
    fact-checker's review, under its own author and address)."""
    opts = {o.name: o.default for o in EXPORT_OPTIONS} | dict(options or {})
    promises: dict[str, list[Standing]] = {}
    for row in standings:
        if row.status is None or not row.status.is_final:
            continue
        if not publishable(row.decided_by, opts):
            continue
        key = row.promise.id if row.promise is not None else row.claim.id
        promises.setdefault(key, []).append(row)
    reviews = [promise_review(key, rows, opts) for key, rows in promises.items()]
    reviews.sort(key=lambda r: str(r["identifier"]))
    doc = {"@context": "https://schema.org", "@graph": reviews}
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(reviews)


def claim_review(row: Standing, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ClaimReview of one row alone (its claim as the promise, its source as the
    only appearance); see :func:`promise_review`."""
    key = row.promise.id if row.promise is not None else row.claim.id
    return promise_review(key, [row], options)


def appearance_order(row: Standing) -> tuple[float, str, str, int, str]:
    """The order of a promise's mentions: publication time (unknown last), address,
    source, position.  The first is the review's ``firstAppearance``."""
    src = row.source
    when = src.published_at.timestamp() if src is not None and src.published_at else float("inf")
    return (
        when,
        (src.uri or "") if src is not None else "",
        row.claim.source_id,
        row.claim.span[0],
        row.claim.id,
    )


def promise_review(
    key: str, rows: Sequence[Standing], options: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """One ClaimReview object (without ``@context``) for a settled promise: ``key`` its
    id, ``rows`` its mentions (claim rows that share the promise's status and deciding
    verdict); ``options`` as :data:`EXPORT_OPTIONS` name them.

    ``claimReviewed`` is the first mention's text (:func:`appearance_order`), the
    claim's ``author`` its speaker, ``appearance`` every mention's source (once each)
    and ``firstAppearance`` the first.  A review imported from another fact-checker
    keeps its own identifier, address, author and citation (read from its source's
    ``meta``, as the importer wrote them), so exporting it again gives it back."""
    opts = dict(options or {})
    ordered = sorted(rows, key=appearance_order)
    first = ordered[0]
    claim, decided = first.claim, first.decided_by
    label = promise_label(first.status, first.progress)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    if decided is not None:
        # claimtrack's own verdict, so reading the review back loses nothing the
        # promise-tracker label folds together (withdrawn and broken, say).
        rating["name"] = decided.verdict.value
    if label in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[label], bestRating=5, worstRating=1)
    if decided is not None and (decided.note or decided.excerpt):
        rating["ratingExplanation"] = decided.note or decided.excerpt
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker is not None:
        item["author"] = _agent(claim.speaker)
    said = claim.asserted_at or (first.source.published_at if first.source else None)
    if said is not None:
        item["datePublished"] = said.date().isoformat()
    appearances: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in ordered:
        if row.claim.source_id in seen:
            continue
        seen.add(row.claim.source_id)
        work = _appearance(row)
        if len(work) > 1:
            appearances.append(work)
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
    theirs = _imported_review(ordered, decided)
    review: dict[str, Any] = {"@type": "ClaimReview"}
    template = opts.get("url_template")
    if theirs.get("review_url"):
        review["url"] = theirs["review_url"]
    elif template:
        review["url"] = template.format(id=key, short_id=key[:8])
    review.update(
        identifier=theirs.get("review_id") or key,
        claimReviewed=claim.text,
        itemReviewed=item,
        reviewRating=rating,
    )
    author = _reviewer(decided, theirs, opts)
    if author is not None:
        review["author"] = author
    if decided is not None:
        review["datePublished"] = decided.known_at.date().isoformat()
        citation = safe_url(theirs.get("citation") if decided.imported else decided.uri)
        if citation is not None:
            review["citation"] = citation
        if decided.recorder is RecorderKind.CHECKER:
            review["description"] = (
                f"Verdict found by the automatic checker {decided.recorded_by}; "
                "not confirmed by a person."
            )
    return review


def _appearance(row: Standing) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    src = row.source
    if src is None:
        return work
    url = safe_url(src.uri)
    if url is not None:  # a javascript: or data: URL from a source is never a link
        work["url"] = url
    if src.title:
        work["headline"] = src.title
    if src.published_at is not None:
        work["datePublished"] = src.published_at.isoformat()
    if src.reporter:  # who wrote it: not the speaker, not the outlet
        work["author"] = {"@type": "Person", "name": src.reporter}
    if src.publisher:
        work["publisher"] = {"@type": "Organization", "name": src.publisher}
    return work


def _imported_review(rows: Sequence[Standing], decided: Evidence | None) -> dict[str, Any]:
    # What the importer kept of another fact-checker's review, from the meta of the
    # source it recorded the verdict with (else any mention's that holds a review).
    if decided is None or not decided.imported:
        return {}
    holders = [r.source for r in rows if r.source is not None and r.source.meta.get("review_url")]
    for src in holders:
        if src.id == decided.source_id:
            return dict(src.meta)
    return dict(holders[0].meta) if holders else {"review_url": safe_url(decided.uri)}


def _reviewer(
    decided: Evidence | None, theirs: Mapping[str, Any], opts: Mapping[str, Any]
) -> dict[str, Any] | None:
    # The publishing organisation, never the login name of whoever ran the export; an
    # imported review keeps the organisation that wrote it.
    if decided is not None and decided.imported:
        name, url = decided.recorded_by, theirs.get("reviewer_url")
    elif opts.get("reviewer"):
        name, url = opts["reviewer"], opts.get("reviewer_url")
    else:
        return None
    author: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        author["url"] = url
    return author


_ORGANISATIONS = frozenset({ActorKind.ORGANISATION, ActorKind.COUNTRY, ActorKind.GROUP})


def _agent(actor: Actor) -> dict[str, Any]:
    # Search engines accept only Person or Organization as a claim's author; a speaker of
    # unknown kind is most often a person.
    kind = "Organization" if actor.kind in _ORGANISATIONS else "Person"
    return {"@type": kind, "name": actor.name}

"""claimtrack-claimreview: schema.org ClaimReview JSON-LD for settled commitments.

``claimtrack export --format claimreview`` writes one ``ClaimReview`` per commitment with
a final verdict (kept, partially kept, broken, withdrawn, unverifiable, annulled), the
markup fact-checkers publish so search engines can show the verdict beside the claim.
Ratings use the labels of the well-known promise trackers (Promise Kept, Compromise,
Promise Broken, In the Works, Stalled, Not Yet Rated).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TextIO

import claimtrack
from claimtrack import Actor, ActorKind, Progress, Standing, Status
from claimtrack.sanitize import safe_url

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


@claimtrack.hookimpl
def claimtrack_register_exporters(register: Callable[..., None]) -> None:
    """Register the ``claimreview`` exporter."""
    register(
        "claimreview",
        write_claimreview,
        description="schema.org ClaimReview JSON-LD for commitments with a final verdict",
        extension="jsonld",
    )


def promise_label(status: Status | None, progress: Progress | None = None) -> str:
    """The promise-tracker label of a status: an interim verdict (in progress, stalled)
    speaks for a commitment not yet settled."""
    if status is None:
        return NOT_YET_RATED
    if not status.is_final and progress is not None:
        return PROGRESS_LABELS[progress]
    return STATUS_LABELS[status]


def write_claimreview(standings: Sequence[Standing], stream: TextIO, as_of: datetime) -> None:
    """Write a JSON-LD document (``@graph`` of ClaimReview) for the settled commitments."""
    reviews = [claim_review(s) for s in standings if s.status is not None and s.status.is_final]
    doc = {"@context": "https://schema.org", "@graph": reviews}
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def claim_review(row: Standing) -> dict[str, Any]:
    """One ClaimReview object (without ``@context``) for a settled commitment."""
    claim, decided = row.claim, row.decided_by
    label = promise_label(row.status, row.progress)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    if label in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[label], bestRating=5, worstRating=1)
    if decided is not None and (decided.note or decided.excerpt):
        rating["ratingExplanation"] = decided.note or decided.excerpt
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.speaker is not None:
        item["author"] = _agent(claim.speaker)
    said = claim.asserted_at or (row.source.published_at if row.source else None)
    if said is not None:
        item["datePublished"] = said.date().isoformat()
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if row.source is not None:
        url = safe_url(row.source.uri)
        if url is not None:  # a javascript: or data: URL from a source is never a link
            appearance["url"] = url
        if row.source.title:
            appearance["headline"] = row.source.title
        if row.source.publisher:
            appearance["publisher"] = {"@type": "Organization", "name": row.source.publisher}
    if len(appearance) > 1:
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": rating,
    }
    if decided is not None:
        review["datePublished"] = decided.known_at.date().isoformat()
        review["author"] = (
            {"@type": "Person", "name": decided.recorded_by}
            if decided.by_person
            else {"@type": "Organization", "name": decided.recorded_by}
        )
        citation = safe_url(decided.uri)
        if citation is not None:
            review["citation"] = citation
    return review


_ORGANISATIONS = frozenset({ActorKind.ORGANISATION, ActorKind.COUNTRY, ActorKind.GROUP})


def _agent(actor: Actor) -> dict[str, Any]:
    # Search engines accept only Person or Organization as a claim's author; a speaker of
    # unknown kind is most often a person.
    kind = "Organization" if actor.kind in _ORGANISATIONS else "Person"
    return {"@type": kind, "name": actor.name}

"""claimtrack-claimreview: schema.org ClaimReview JSON-LD, out and in.

``claimtrack export --format claimreview`` writes one ``ClaimReview`` per commitment with
a final verdict (kept, partially kept, broken, withdrawn, unverifiable, annulled), the
markup fact-checkers publish so search engines can show the verdict beside the claim.
Ratings use the labels of the well-known promise trackers (Promise Kept, Compromise,
Promise Broken, In the Works, Stalled, Not Yet Rated).  Its options (``-O key=value``)
name the reviewing organisation and each review's address; by default only verdicts a
person recorded are exported.

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
from claimtrack import Actor, ActorKind, ExportOption, Progress, Standing, Status
from claimtrack.exporters import option_bool, option_template, option_url
from claimtrack.sanitize import safe_url

from claimtrack_claimreview_in import claimtrack_load_reviewed, reviewed_from, verdict_of_label

__all__ = [
    "EXPORT_OPTIONS",
    "claim_review",
    "claimtrack_load_reviewed",
    "claimtrack_register_exporters",
    "promise_label",
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
        help="each review's address, {id} (or {short_id}) standing for the claim id",
        convert=option_template("id", "short_id"),
    ),
    ExportOption(
        name="include_machine",
        help="also export verdicts of the automatic checker, marked as such",
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
        description="schema.org ClaimReview JSON-LD for commitments with a final verdict",
        extension="jsonld",
        options=EXPORT_OPTIONS,
    )


def promise_label(status: Status | None, progress: Progress | None = None) -> str:
    """The promise-tracker label of a status: an interim verdict (in progress, stalled)
    speaks for a commitment not yet settled."""
    if status is None:
        return NOT_YET_RATED
    if not status.is_final and progress is not None:
        return PROGRESS_LABELS[progress]
    return STATUS_LABELS[status]


def write_claimreview(
    standings: Sequence[Standing],
    stream: TextIO,
    as_of: datetime,
    options: Mapping[str, Any] | None = None,
) -> int:
    """Write a JSON-LD document (``@graph`` of ClaimReview) for the settled
    commitments, and return how many reviews it holds.

    Only verdicts a person recorded are reviewed, unless ``include_machine``: then a
    checker's are too, each saying in its ``description`` that a machine found it."""
    opts = {o.name: o.default for o in EXPORT_OPTIONS} | dict(options or {})
    reviews = [
        claim_review(s, opts)
        for s in standings
        if s.status is not None
        and s.status.is_final
        and (opts["include_machine"] or (s.decided_by is not None and s.decided_by.by_person))
    ]
    doc = {"@context": "https://schema.org", "@graph": reviews}
    json.dump(doc, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(reviews)


def claim_review(row: Standing, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One ClaimReview object (without ``@context``) for a settled commitment;
    ``options`` as :data:`EXPORT_OPTIONS` name them."""
    opts = dict(options or {})
    claim, decided = row.claim, row.decided_by
    label = promise_label(row.status, row.progress)
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
    review: dict[str, Any] = {"@type": "ClaimReview"}
    template = opts.get("url_template")
    if template:
        review["url"] = template.format(id=claim.id, short_id=claim.id[:8])
    review.update(
        identifier=claim.id,
        claimReviewed=claim.text,
        itemReviewed=item,
        reviewRating=rating,
    )
    if opts.get("reviewer"):
        # The publishing organisation, never the login name of whoever ran the export.
        author: dict[str, Any] = {"@type": "Organization", "name": opts["reviewer"]}
        if opts.get("reviewer_url"):
            author["url"] = opts["reviewer_url"]
        review["author"] = author
    if decided is not None:
        review["datePublished"] = decided.known_at.date().isoformat()
        citation = safe_url(decided.uri)
        if citation is not None:
            review["citation"] = citation
        if not decided.by_person:
            review["description"] = (
                f"Verdict found by the automatic checker {decided.recorded_by}; "
                "not confirmed by a person."
            )
    return review


_ORGANISATIONS = frozenset({ActorKind.ORGANISATION, ActorKind.COUNTRY, ActorKind.GROUP})


def _agent(actor: Actor) -> dict[str, Any]:
    # Search engines accept only Person or Organization as a claim's author; a speaker of
    # unknown kind is most often a person.
    kind = "Organization" if actor.kind in _ORGANISATIONS else "Person"
    return {"@type": kind, "name": actor.name}

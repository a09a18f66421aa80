"""Reading ClaimReview: another fact-checker's published reviews as claims and verdicts.

``claimtrack add reviews.json`` (or ``.jsonld``, or a page that embeds the JSON-LD in a
``<script type="application/ld+json">``) hands each ``ClaimReview`` to claimtrack as a
:class:`claimtrack.Reviewed`: a source holding the claim as reviewed, where and when it
was said (``itemReviewed``: its ``author``, ``datePublished``, ``firstAppearance`` or
first ``appearance``), and the rating as a verdict recorded by the reviewing
organisation (the review's ``author``), dated when the review was published, recorded
as *imported* (a person's verdict outranks it; it outranks the automatic checker's).
Each appearance of the claim (``firstAppearance``, then ``appearance``) is a source of
its own — its address, headline, outlet, reporter (its ``author``) and date — holding
the claim, so the claim is one promise with a mention per appearance.

A promise-tracker rating (Promise Kept, Compromise, Promise Broken, In the Works,
Stalled), or a claimtrack verdict as the rating's ``name`` (what claimtrack's own
export writes), makes the claim a commitment with that verdict; any other rating ("False",
"Mostly true") keeps the claim as a statement, its rating in the source's metadata,
since claimtrack's verdicts speak of promises only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import claimtrack
from claimtrack import (
    Actor,
    ActorKind,
    Claim,
    ClaimKind,
    ClaimtrackError,
    Evidence,
    LoadError,
    LoadOptions,
    Reviewed,
    Source,
    Verdict,
    fetch_url,
)
from claimtrack.sanitize import safe_url
from claimtrack.timeutil import parse_published

__all__ = ["claimtrack_load_reviewed", "find_reviews", "reviewed_from", "verdict_of_label"]

JSON_SUFFIXES = frozenset({".json", ".jsonld"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: JSON deeper than this is not searched (a review sits a few levels down at most).
MAX_DEPTH = 64
#: The rule name every claim read from a review carries.
RULE = "claimreview"

#: Promise-tracker ratings, and claimtrack's own verdict names, as verdicts.
LABEL_VERDICTS: dict[str, Verdict] = {
    "promise kept": Verdict.KEPT,
    "compromise": Verdict.PARTIALLY_KEPT,
    "promise broken": Verdict.BROKEN,
    "in the works": Verdict.IN_PROGRESS,
    "stalled": Verdict.STALLED,
}
_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "governmentorganization"})


def verdict_of_label(label: object) -> Verdict | None:
    """The verdict a rating's ``alternateName`` gives: a promise-tracker label
    ("Promise Kept") or a claimtrack verdict ("partially kept"); None for any other
    rating ("False", "Not Yet Rated")."""
    if not isinstance(label, str):
        return None
    key = " ".join(label.split()).lower()
    if key in LABEL_VERDICTS:
        return LABEL_VERDICTS[key]
    try:
        return Verdict(Verdict.parse(key))
    except ValueError:
        return None


@claimtrack.hookimpl
def claimtrack_load_reviewed(uri: str, options: LoadOptions) -> list[Reviewed | LoadError] | None:
    """Read the ClaimReviews of ``uri`` (a ``.json``/``.jsonld`` file, an HTML page, or
    an ``http(s)`` URL serving either); None when it holds none, so the other loaders
    read it.  A review that cannot be read is a :class:`LoadError` in its place."""
    read = _read(uri, options)
    if read is None:
        return None
    data, where, is_html = read
    if b"ClaimReview" not in data:
        return None
    documents = _embedded_json(data, where) if is_html else [_parse_json(data, where)]
    reviews = [r for doc in documents for r in find_reviews(doc)]
    if not reviews:
        return None
    out: list[Reviewed | LoadError] = []
    for n, review in enumerate(reviews, 1):
        label = where if len(reviews) == 1 else f"{where} (review {n})"
        try:
            out.extend(reviewed_from(review, label))
        except LoadError as exc:
            out.append(exc)
    return out


def _read(uri: str, options: LoadOptions) -> tuple[bytes, str, bool] | None:
    scheme = urlparse(uri).scheme.lower()
    if scheme in ("http", "https"):
        if not options.network:
            return None
        fetched = fetch_url(uri, options)
        kind = fetched.content_type.split(";", 1)[0].strip().lower()
        if kind in ("application/json", "application/ld+json"):
            return fetched.data, uri, False
        if kind in ("text/html", "application/xhtml+xml"):
            return fetched.data, uri, True
        return None
    if "://" in uri and scheme != "file":
        return None
    path = Path(unquote(urlparse(uri).path) if scheme == "file" else uri)
    suffix = path.suffix.lower()
    if suffix not in JSON_SUFFIXES | HTML_SUFFIXES or not path.is_file():
        return None
    try:
        with path.open("rb") as fh:
            data = fh.read(options.max_bytes + 1)
    except OSError as exc:
        raise LoadError(uri, f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > options.max_bytes:
        raise LoadError(uri, f"is more than the limit of {options.max_bytes:,} bytes")
    return data, uri, suffix in HTML_SUFFIXES


def _parse_json(data: bytes | str, where: str) -> Any:
    try:
        return json.loads(data)
    except RecursionError:
        raise LoadError(where, f"holds JSON nested deeper than {MAX_DEPTH} levels") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise LoadError(
            where, f"is not valid JSON ({exc}); give a ClaimReview JSON-LD file"
        ) from None


class _JsonLdScripts(HTMLParser):
    """The text of every ``<script type="application/ld+json">`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";", 1)[0].strip().lower()
            self._inside = kind == "application/ld+json"
            if self._inside:
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def _embedded_json(data: bytes, where: str) -> list[Any]:
    parser = _JsonLdScripts()
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    out = []
    for script in parser.scripts:
        if "ClaimReview" not in script:
            continue
        try:
            out.append(_parse_json(script, where))
        except LoadError:
            continue  # a broken block beside a good one: the page's other markup
    return out


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def find_reviews(document: Any) -> Iterator[dict[str, Any]]:
    """Every ``ClaimReview`` object in a JSON-LD document (at the top, in a list, in an
    ``@graph`` or nested in another object), in document order, down to
    :data:`MAX_DEPTH` levels."""
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, dict):
            if "claimreview" in _types(node):
                yield node
                continue
            stack.extend((v, depth + 1) for v in reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in reversed(node))


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _agent(value: Any) -> Actor | None:
    name = _text(value)
    if name is None:
        return None
    node = _first(value)
    kind = ActorKind.UNKNOWN
    if isinstance(node, dict):
        types = _types(node)
        if types & _ORGANISATION_TYPES:
            kind = ActorKind.ORGANISATION
        elif "person" in types:
            kind = ActorKind.PERSON
    return Actor.named(name, kind=kind)


def _date(value: Any, where: str, what: str) -> datetime | None:
    value = _first(value)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return parse_published(value.strip(), what=what)
    except ClaimtrackError as exc:
        raise LoadError(where, str(exc)) from None


def _appearances(item: dict[str, Any]) -> list[dict[str, Any]]:
    # firstAppearance first, then every appearance not the same work (by address).
    found: list[dict[str, Any]] = []
    listed = item.get("appearance")
    listed = listed if isinstance(listed, list) else [listed]
    for value in [item.get("firstAppearance"), *listed]:
        if value is None or value == "":
            continue
        work = value if isinstance(value, dict) else {"url": value}
        url = safe_url(work.get("url"))
        if any(safe_url(w.get("url")) == url and (url or w is work) for w in found):
            continue
        found.append(work)
        if len(found) >= MAX_APPEARANCES:
            break
    return found or [{}]


#: A review naming more appearances than this is read for the first ones only.
MAX_APPEARANCES = 200


def reviewed_from(review: dict[str, Any], where: str) -> list[Reviewed]:
    """One ClaimReview object as :class:`claimtrack.Reviewed` items (see the module's
    description): one per appearance of the claim (``firstAppearance`` first, then each
    of ``appearance``), each a source holding the claim as reviewed, so the claims are
    one promise with a mention in each; the verdict is recorded with the first.  The
    review's identifier, address, author's address and citation are kept in each
    source's ``meta`` so the review can be exported again as it was.  A
    :class:`LoadError` naming ``where`` when it has no claim text or an implausible
    date."""
    text = review.get("claimReviewed")
    if not isinstance(text, str) or not text.strip():
        raise LoadError(where, "a ClaimReview without claimReviewed (the text of the claim)")
    text = text.strip()
    item = review.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    works = _appearances(item)
    said = _date(item.get("datePublished") or works[0].get("datePublished"), where, "datePublished")
    reviewed_at = _date(review.get("datePublished"), where, "the review's datePublished")
    speaker = _agent(item.get("author"))
    author = _first(review.get("author"))
    reviewer = _text(author) or _text(review.get("publisher"))
    review_url = safe_url(review.get("url"))
    rating = review.get("reviewRating")
    rating = _first(rating) if isinstance(_first(rating), dict) else {}
    label = _text(rating.get("alternateName"))
    # claimtrack writes its own verdict as the rating's name; others' names are labels.
    verdict = verdict_of_label(_text(rating.get("name"))) or verdict_of_label(label)
    identifier = _first(review.get("identifier"))
    meta: dict[str, Any] = {"kind": RULE}
    for key, value in (
        ("review_url", review_url),
        ("review_id", identifier if isinstance(identifier, str) else None),
        ("reviewer", reviewer),
        ("reviewer_url", safe_url(author.get("url")) if isinstance(author, dict) else None),
        ("citation", safe_url(_first(review.get("citation")))),
        ("rating", label),
    ):
        if value:
            meta[key] = value
    kind = ClaimKind.STATEMENT if verdict is None else ClaimKind.COMMITMENT
    out: list[Reviewed] = []
    for n, work in enumerate(works):
        published = _date(work.get("datePublished"), where, "an appearance's datePublished")
        reporter = _text(work.get("author"))
        source = Source.from_text(
            text,
            uri=safe_url(work.get("url")) or (review_url if n == 0 else None),
            title=_text(work.get("headline")) or _text(work.get("name")),
            publisher=_text(work.get("publisher")),
            published_at=published or (said if n == 0 else None),
            meta=meta if reporter is None else {**meta, "author": reporter},
        )
        claim = Claim.build(
            source_id=source.id,
            span=(0, len(text)),
            speaker=speaker,
            kind=kind,
            text=text,
            sentence=text,
            asserted_at=said if n == 0 else (published or said),
            actor=speaker if kind is ClaimKind.COMMITMENT else None,
            confidence=1.0,
            rules=(RULE,),
        )
        out.append(Reviewed(source=source, claims=[claim], evidence=[]))
    if verdict is not None:
        now = datetime.now(timezone.utc)
        first = out[0]
        evidence = Evidence(
            claim_id=first.claims[0].id,
            verdict=verdict,
            known_at=reviewed_at or now,
            recorded_at=now,
            recorded_by=reviewer or "an unnamed fact-checker (ClaimReview)",
            recorder="imported",
            source_id=first.source.id,
            uri=review_url or meta.get("citation"),
            note=_text(rating.get("ratingExplanation")),
        )
        out[0] = Reviewed(source=first.source, claims=first.claims, evidence=[evidence])
    return out

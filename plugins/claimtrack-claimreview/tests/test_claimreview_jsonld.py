"""The exported document is JSON-LD a processor reads as schema.org ClaimReview: expanded
with pyld (the schema.org context served from a copy in the tests, nothing fetched),
every node has a schema.org type and only properties that type has."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from claimtrack import Standing
from claimtrack.testing import export_text

import claimtrack_claimreview

pyld = pytest.importorskip("pyld")
from pyld import jsonld  # noqa: E402

SCHEMA = "https://schema.org/"
CONTEXT = json.loads((Path(__file__).parent / "data" / "schema-org-context.jsonld").read_text())

#: The schema.org properties of each type the export uses (inherited ones included),
#: as schema.org defines them.
PROPERTIES: dict[str, set[str]] = {
    "ClaimReview": {"url", "identifier", "claimReviewed", "itemReviewed", "reviewRating",
                    "datePublished", "author", "citation", "description"},
    "Claim": {"author", "datePublished", "appearance", "firstAppearance"},
    "CreativeWork": {"url", "headline", "publisher", "datePublished", "author"},
    "Rating": {"alternateName", "name", "ratingValue", "bestRating", "worstRating",
               "ratingExplanation"},
    "Organization": {"name", "url"},
    "Person": {"name", "url"},
}  # fmt: skip


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the test fetched {url}")


def expanded(standings: Sequence[Standing], **options: str) -> list[dict[str, Any]]:
    text = export_text("claimreview", standings, plugins=[claimtrack_claimreview],
                       as_of="2025-03-20T12:00:00+00:00", options=options)  # fmt: skip
    out: list[dict[str, Any]] = jsonld.expand(json.loads(text), {"documentLoader": _loader})
    return out


def _check(node: dict[str, Any], path: str) -> None:
    types = [t.removeprefix(SCHEMA) for t in node.get("@type", [])]
    assert len(types) == 1 and types[0] in PROPERTIES, f"{path}: type {node.get('@type')}"
    allowed = PROPERTIES[types[0]]
    for key, values in node.items():
        if key.startswith("@"):
            continue
        assert key.startswith(SCHEMA), f"{path}: {key} is not a schema.org property"
        name = key.removeprefix(SCHEMA)
        assert name in allowed, f"{path}: {types[0]} has no property {name}"
        for value in values:
            if "@type" in value and "@value" not in value:
                _check(value, f"{path}.{name}")


def test_every_review_is_valid_schema_org(sample_standings: Sequence[Standing]) -> None:
    nodes = expanded(
        sample_standings,
        reviewer="Harbour Fact Check",
        reviewer_url="https://factcheck.example/",
        url_template="https://factcheck.example/claims/{id}",
        include_machine="true",
    )
    reviews = [n for n in nodes if f"{SCHEMA}ClaimReview" in n.get("@type", [])]
    assert len(reviews) == 3 == len(nodes)
    for review in reviews:
        _check(review, "ClaimReview")
        # What every consumer of ClaimReview requires: its address, the claim, a rating.
        for required in ("url", "claimReviewed", "reviewRating", "author"):
            assert f"{SCHEMA}{required}" in review, required
        (url,) = review[f"{SCHEMA}url"]
        assert url["@id"].startswith("https://factcheck.example/claims/")


def test_a_promise_with_mentions_in_several_sources_is_valid_schema_org() -> None:
    import attrs
    from claimtrack.status import PromiseFacts
    from claimtrack.testing import make_claim, make_evidence, make_source, make_standing

    rows = []
    for n, (day, reporter) in enumerate([("2025-03-04", "Mia Kovac"), ("2025-03-02", None)]):
        source = make_source(
            "The board said it will dredge the channel by May.",
            published=day,
            title=f"Channel works, {n}",
            publisher="Harbour Courier",
            uri=f"https://courier.example/{n}",
            meta={} if reporter is None else {"author": reporter},
        )
        claim = make_claim(source, "it will dredge the channel by May", speaker="Harbour Board")
        verdict = make_evidence(
            claim, "kept", known="2025-06-01", uri="https://courier.example/done"
        )
        row = make_standing(claim, source, evidence=[verdict], as_of="2025-06-02")
        rows.append(attrs.evolve(row, promise=PromiseFacts(id="p1", first_claim=claim.id)))
    nodes = expanded(rows, reviewer="Harbour Fact Check",
                     url_template="https://factcheck.example/claims/{id}")  # fmt: skip
    (review,) = nodes
    _check(review, "ClaimReview")
    (item,) = review[f"{SCHEMA}itemReviewed"]
    assert len(item[f"{SCHEMA}appearance"]) == 2
    (first,) = item[f"{SCHEMA}firstAppearance"]
    assert first[f"{SCHEMA}url"] == [{"@id": "https://courier.example/1"}]
    (later,) = [a for a in item[f"{SCHEMA}appearance"] if f"{SCHEMA}author" in a]
    assert later[f"{SCHEMA}author"][0][f"{SCHEMA}name"] == [{"@value": "Mia Kovac"}]

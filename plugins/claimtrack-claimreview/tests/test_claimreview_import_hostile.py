"""Whatever JSON a file holds, reading it for ClaimReviews gives reviews, a LoadError in
place of a bad one, or None; never another exception, and each review the host accepts
or refuses with a reason."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from claimtrack import InputError, LoadError, LoadOptions, Reviewed
from claimtrack.reviews import finish_reviewed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack_claimreview

FIELDS = ["claimReviewed", "itemReviewed", "author", "datePublished", "url", "reviewRating",
          "appearance", "firstAppearance", "name", "alternateName", "ratingExplanation",
          "@type", "headline", "publisher"]  # fmt: skip
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(["ClaimReview", "Claim", "Person", "Organization", "Promise Kept",
                     "kept", "2025-03-03", "https://x.example/a", "javascript:alert(1)",
                     "0000-00-00", "   "]),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6),
    ),
    max_leaves=25,
)
reviews = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8).map(
    lambda d: {**d, "@type": "ClaimReview"}
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(reviews, st.lists(reviews, max_size=3), values))
def test_any_json_reads_to_reviews_errors_or_nothing(document: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reviews.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        found = claimtrack_claimreview.claimtrack_load_reviewed(str(path), LoadOptions())
        if found is None:
            return
        for item in found:
            assert isinstance(item, (Reviewed, LoadError))
            if isinstance(item, Reviewed):
                try:
                    done = finish_reviewed(item, LoadOptions(), label=str(path), plugin="x")
                except InputError:
                    continue
                assert all(c.source_id == done.source.id for c in done.claims)

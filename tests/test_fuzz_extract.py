"""Property-based fuzzing of ``claimtrack.find_windows`` and the extractor
(``claimtrack.extract``): news-like text salted with everything hostile, at any
reference time.  Neither may raise; their results keep their contracts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import Claim, PluginError, Source
from claimtrack.plugins import get_plugin_manager

PM = get_plugin_manager(load_entrypoints=False)

#: Pieces of news and of trouble: cues, quotes of every kind, dates and times,
#: abbreviations, RTL and zero-width characters, numbers, punctuation runs.
FRAGMENTS = [
    "The minister said ",
    "“We will ",
    "reopen the depot ",
    "by Friday",
    ",” she said. ",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    " said that ",
    "he added",
    "according to Sir Keir Starmer, ",
    "the Prime Minister ",
    "next week",
    "this week",
    "on Thursday",
    "in March 2025",
    "within 30 days",
    "by the end of the year",
    "3/4/2025",
    "2025-03-15",
    "Q3",
    "tomorrow morning",
    "in the coming days",
    "may",
    "May",
    "will",
    "would",
    "if the deal holds, ",
    "Mr. ",
    "U.S. ",
    "e.g. ",
    "No. 10 ",
    ". ",
    "? ",
    "! ",
    "…",
    "\n",
    "\n\n",
    "—",
    "(",
    ")",
    ":",
    ";",
    "قال الوزير ",
    "השר אמר ",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u202c",
    "\ufeff",
    "\u2028",
    "\x00",
    "12",
    "31",
    "1999",
    "9999",
    "Q: ",
    "A: ",
    "- ",
    "* ",
    "# ",
]
news = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=0, max_size=40
).map("".join)
offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
references = st.one_of(
    st.none(),
    st.builds(
        lambda dt, tz: dt.replace(tzinfo=tz),
        st.datetimes(min_value=datetime(1800, 1, 2), max_value=datetime(2200, 12, 30)),
        offsets,
    ),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news, references, st.sampled_from([None, "past", "future"]), st.booleans())
@example("by the end of the year", datetime(2200, 12, 30, 23, tzinfo=timezone.utc), "future", True)
@example("in 9999", datetime(1800, 1, 2, tzinfo=timezone.utc), None, True)
@example("31/12/9999 next year", datetime(2200, 12, 30, tzinfo=timezone.utc), "future", False)
def test_find_windows_never_raises_and_keeps_its_contract(
    sentence: str, reference: datetime | None, tense: str | None, day_first: bool
) -> None:
    found = claimtrack.find_windows(sentence, reference, tense=tense, day_first=day_first)
    last_end = 0
    for (start, end), window in found:
        assert last_end <= start < end <= len(sentence)  # left to right, no overlap
        last_end = end
        assert window.text == sentence[start:end]
        if window.start is not None:
            assert window.end is not None and window.start < window.end
            assert window.start.tzinfo is not None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60), references)
def test_parse_window_never_raises(text: str, reference: datetime | None) -> None:
    window = claimtrack.parse_window(text, reference)
    assert window is None or isinstance(window, claimtrack.TimeWindow)


def _extract(text: str, published: datetime | None) -> list[Claim]:
    try:
        return claimtrack.extract(text, published=published, plugin_manager=PM)
    except PluginError as exc:  # the extractor crashed on this text: that is the bug
        pytest.fail(f"the extractor failed on {text!r}: {exc}")


published_times = st.one_of(
    st.none(),
    st.builds(
        lambda dt, tz: dt.replace(tzinfo=tz),
        st.datetimes(min_value=datetime(1800, 1, 2), max_value=datetime(2030, 1, 1)),
        offsets,
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news, published_times)
@example("Q: ", None)
@example("“We will act by Friday,” he said. ”", datetime(2025, 3, 15, tzinfo=timezone.utc))
def test_extract_never_raises_and_claims_hold(text: str, published: datetime | None) -> None:
    claims = _extract(text, published)
    source = Source.from_text(text, published_at=published)  # the source _extract made
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids))
    assert [c.span for c in claims] == sorted(c.span for c in claims)
    for claim in claims:
        claim.check_against(source)
        assert claim.asserted_at == published or published is None
        if claim.due is not None and claim.due.start is not None:
            assert claim.due.end is not None and claim.due.start < claim.due.end


# Found by benchmarks/worst_cases.py (the punctuation case): the extractor raised
# IndexError in _label on a paragraph of punctuation only.  Fixed; kept as a regression.
@pytest.mark.parametrize("text", [";:!", ".,;:!", "Q:\n\n;:!"])
def test_punctuation_only_paragraphs(text: str) -> None:
    _extract(text, None)

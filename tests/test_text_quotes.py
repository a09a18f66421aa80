"""Quotation marks: quoted spans are found, apostrophes are not quotes, open double
quotes carry on into the next paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.text import paragraphs, quote_spans, scan_quotes

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "word", "it's", " ", "\n", "s'"]
quoty = st.lists(st.sampled_from(MARKS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(quoty, st.text(max_size=120)))
def test_quotations_are_ordered_disjoint_and_inside_their_paragraph(text: str) -> None:
    for s, e in paragraphs(text):
        prev = s
        for q in scan_quotes(text, s, e):
            assert prev <= q.open <= q.inner_start <= q.inner_end <= q.end <= e
            assert text[q.open] in "\"“‘'«„"
            assert q.closed == (q.end > q.inner_end and text[q.end - 1] in "\"”’'»")
            prev = q.end


def test_a_quotation_with_curly_marks() -> None:
    text = "“We will reopen the pier by June,” the harbour master said."
    (q,) = quote_spans(text)
    assert text[q.inner_start : q.inner_end] == "We will reopen the pier by June,"
    assert q.closed and not q.continued


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "The unions' talks and the council’s plan didn't move, 'til Monday."
    assert quote_spans(text) == []


def test_a_nested_quotation_is_part_of_the_outer_one() -> None:
    text = "\"They told us 'no cuts', and we believed them,\" she said."
    (q,) = quote_spans(text)
    assert text[q.inner_start : q.inner_end] == "They told us 'no cuts', and we believed them,"


def test_an_open_double_quote_continues_into_the_next_paragraph() -> None:
    text = '"We will build two schools.\n"And we will staff them," the mayor said.'
    first, second = quote_spans(text)
    assert not first.closed
    assert second.continued and second.closed

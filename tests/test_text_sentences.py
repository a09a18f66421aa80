"""The shared sentence splitter: abbreviations, initials, quotations, run-ons, headlines;
sentences tile the text and the work stays linear."""

from __future__ import annotations

from typing import SupportsIndex

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.text import sentence_spans, split_sentences

PIECES = [
    "Dr.",
    "Mr.",
    "Sept.",
    "e.g.",
    "No. 10",
    "J. R. Hale",
    "said",
    "It's",
    "we",
    ". ",
    "! ",
    "? ",
    "…",
    '"',
    "“",
    "”",
    "'",
    ")",
    "(",
    "\n",
    "\n\n",
    "LONDON —",
    "The",
    "on X.",
    "W.",
    "vote",
    "7",
]
texty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=50).map(" ".join)


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def _assert_tiles(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    prev = start
    for a, b in spans:
        assert prev <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        gap = text[prev:a]
        # Only whitespace lies between sentences, or a dateline ("LONDON — ") before one.
        assert not gap.strip() or gap.rstrip().endswith(("—", "–")), (gap, text)
        prev = b
    assert not text[prev:end].strip()


@settings(max_examples=300, deadline=None)
@given(st.one_of(texty, st.text(max_size=200)))
def test_sentences_of_a_text_tile_it(text: str) -> None:
    _assert_tiles(text, sentence_spans(text), 0, len(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(texty, st.text(max_size=200)), st.data())
def test_sentences_of_a_range_tile_the_range(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    spans = split_sentences(text, a, b)
    _assert_tiles(text, spans, a, b)


@settings(max_examples=100, deadline=None)
@given(texty)
def test_no_sentence_crosses_a_line_break(text: str) -> None:
    for a, b in sentence_spans(text):
        assert "\n" not in text[a:b]


class _CountingStr(str):
    """A string that counts how often the splitter reads a character of it."""

    reads = 0

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        _CountingStr.reads += 1
        return str.__getitem__(self, key)


@pytest.mark.parametrize(
    "unit",
    [
        "Dr. J. R. Hale said so. ",
        '"We will. We must," she said. ',
        "a. " * 3,
        ".... ",
        "the vote was close It's a start ",
        "x" * 40 + ". ",
        "U.S.A.B.C.D. ",
    ],
)
def test_splitting_reads_each_character_a_bounded_number_of_times(unit: str) -> None:
    per_char = []
    for copies in (50, 400):
        text = _CountingStr(unit * copies)
        _CountingStr.reads = 0
        split_sentences(text, 0, len(text))
        per_char.append(_CountingStr.reads / len(text))
    # Linear: reads per character do not grow with the input.
    assert per_char[1] <= per_char[0] * 1.1 + 0.01
    assert per_char[1] < 8


def test_abbreviations_honorifics_and_initials_do_not_end_a_sentence() -> None:
    text = "Dr. Amara Lowe met Mr. Tan in Sept. last year. J. R. Hale agreed."
    assert _texts(text, split_sentences(text)) == [
        "Dr. Amara Lowe met Mr. Tan in Sept. last year.",
        "J. R. Hale agreed.",
    ]


def test_number_abbreviations_end_a_sentence_unless_a_number_follows() -> None:
    text = "The bill is No. 4 on the list. It passed."
    assert _texts(text, split_sentences(text)) == ["The bill is No. 4 on the list.", "It passed."]


def test_a_quotation_is_not_split_but_its_last_stop_may_end_the_sentence() -> None:
    text = 'The mayor said: "We will open it. We must." The vote follows.'
    assert _texts(text, sentence_spans(text)) == [
        'The mayor said: "We will open it. We must."',
        "The vote follows.",
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    text = "It was agreed (in full.) Then it was signed!” Nobody objected?"
    assert _texts(text, split_sentences(text)) == [
        "It was agreed (in full.)",
        "Then it was signed!”",
        "Nobody objected?",
    ]


def test_a_run_on_sentence_is_cut_before_a_capitalised_pronoun() -> None:
    text = "the vote was close It's a start, she said."
    assert _texts(text, split_sentences(text)) == ["the vote was close", "It's a start, she said."]


def test_a_headline_and_a_dateline_are_set_apart() -> None:
    text = "Council sets date for vote\nHARBOURTON — The council will vote in May."
    assert _texts(text, sentence_spans(text)) == [
        "Council sets date for vote",
        "The council will vote in May.",
    ]


def test_a_lower_case_word_after_a_stop_does_not_start_a_sentence() -> None:
    text = "Prices rose 3.5 per cent. in the year, she said."
    assert _texts(text, split_sentences(text)) == [text]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The coach wrote in a post on X. A second match is set for June.",
            ["The coach wrote in a post on X.", "A second match is set for June."],
        ),
        (
            "Patients were given vitamin D. It helped most of them.",
            ["Patients were given vitamin D.", "It helped most of them."],
        ),
    ],
)
def test_a_one_letter_word_ends_a_sentence_before_a_sentence_opener(
    text: str, want: list[str]
) -> None:
    assert _texts(text, split_sentences(text)) == want


@pytest.mark.parametrize(
    "text",
    [
        "The prize went to P. D. Marlowe of Kelby.",
        "The speech quoted Harry S. Truman at length.",
        "The report was written by T. Okafor and her team.",
        "Stations on Line C. Blake Road and Mill Lane reopen.",
    ],
)
def test_initials_stay_inside_their_sentence(text: str) -> None:
    assert _texts(text, split_sentences(text)) == [text]

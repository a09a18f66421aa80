"""Noun phrases around a cue: the subject before it, the object after it, the first
noun phrase of a clause, and which tokens sit inside quotations.
"""

from __future__ import annotations

from collections.abc import Sequence

from .attribution import CUE_ADVERBS, plural_after_join, role_apposition
from .kinds import AUX, VERB_FORMS, skip_time_adverbial
from .lexicon import (
    ABBREVIATIONS,
    ADVERBS,
    CLAUSE_WORDS,
    CUES,
    DETERMINERS,
    PRONOUNS,
    ROLE_WORDS,
    TITLES,
    VERBS,
)
from .text import OPEN_MARKS, Tok

CONNECTORS = frozenset(
    {"and", "but", "or", "so", "then", "instead", "while", "despite", "amid", "as"}
)


BEFORE_CUE_SKIP = (
    ADVERBS
    | CUE_ADVERBS
    | {
        "has",
        "have",
        "had",
        "also",
        "both",
        "again",
        "once",
        "would",
        "will",
        "did",
    }
)


NEVER_SPEAKERS = frozenset(
    {"it", "this", "that", "which", "who", "what", "there", "these", "those"}
)


SUBJECT_PRONOUNS = frozenset({"we", "i", "they", "he", "she"})


def np_before(
    toks: Sequence[Tok], i: int, lo: int
) -> tuple[int, int, tuple[int, int] | None] | None:
    """The subject noun phrase ending before token ``i`` (skipping "has", "also" ...).

    Returns (start, end, apposition) token indexes; the apposition is the range of
    "leader of the Liberal Democrats" in "Sir Ed Davey, leader of the Liberal Democrats,
    has urged".
    """
    j = i - 1
    while j >= lo and toks[j].low in BEFORE_CUE_SKIP:
        j -= 1
    for back in (2, 1):  # "X on Thursday reported ...", "X yesterday said ..."
        if j - back + 1 > lo and skip_time_adverbial(toks, j - back + 1) == j + 1:
            j -= back
            while j >= lo and toks[j].low in BEFORE_CUE_SKIP:
                j -= 1
            break
    if j >= lo and toks[j].text == "," and j - 1 >= lo:
        # An apposition between commas: "NAME, ROLE of ORG, said".
        c = j - 1
        # bounded: an apposition with a relative clause ("a Democrat from Ohio who
        # chairs the Senate subcommittee on ...") runs to about twenty words
        while c >= lo and j - c <= 24 and toks[c].text != ",":
            c -= 1
        if c >= lo and toks[c].text == "," and c + 1 < j:
            inner = np_before_plain(toks, c, lo)
            if inner is not None and not toks[c + 1].is_cap and toks[inner[0]].is_cap:
                return inner[0], inner[1], (c + 1, j)  # "NAME, leader of X, said"
            if (
                inner is not None
                and toks[c + 1].is_cap
                and all(t.is_cap or not t.is_word for t in toks[c + 1 : j])
            ):
                return c + 1, j, (inner[0], inner[1])  # "The Environment Secretary, NAME, said"
        return None
    plain = np_before_plain(toks, j + 1, lo)
    if plain is None:
        return None
    named = role_apposition(toks, plain, lo, np_before_plain)
    if named is not None:
        return named
    return plain[0], plain[1], None


def _after_article(toks: Sequence[Tok], k: int, lo: int) -> bool:
    """An article at most three plain words before ``k`` ("a leading aid ...")."""
    m = k - 1
    while m >= lo and k - m <= 3:
        t = toks[m]
        if t.low in {"a", "an", "the"}:
            return True
        if not t.is_word or t.low in AUX or t.low in CLAUSE_WORDS or t.low in CUES:
            return False
        m -= 1
    return False


def np_before_plain(toks: Sequence[Tok], end: int, lo: int) -> tuple[int, int] | None:
    k = end - 1
    while k >= lo and end - k <= 14:
        t = toks[k]
        if not t.is_word:
            if (
                t.text == "."
                and k - 1 >= lo
                and (toks[k - 1].low in ABBREVIATIONS or len(toks[k - 1].text) == 1)
            ):
                k -= 1
                continue
            if (
                t.text in {"-", "'", "’"}
                and k - 1 >= lo
                and toks[k - 1].end == t.start
                and toks[k + 1].start == t.end
            ):
                k -= 1
                continue
            break
        if t.low in AUX and not t.is_cap:
            break  # "the union would campaign for ...": no subject holds an auxiliary
        if t.low in CLAUSE_WORDS or t.low in CUES or (t.low in VERB_FORMS and not t.is_cap):
            if t.low in VERB_FORMS and t.low not in CUES and _after_article(toks, k, lo):
                k -= 1  # "a leading aid organisation": verb forms used as modifiers
                continue
            if (
                t.low == "and"
                and k - 1 >= lo
                and toks[k - 1].is_cap
                and k + 1 < end
                and toks[k + 1].is_cap
            ):
                k -= 1
                continue
            break
        if t.low in DETERMINERS:
            if (
                k - 1 >= lo
                and toks[k - 1].low in {"for", "of", "at", "from", "in", "to"}
                and k - 2 >= lo
            ):
                k -= 1
                continue
            k -= 1
            break
        k -= 1
    start = k + 1
    if start >= end:
        return None
    if toks[start].low in {"for", "of", "at", "from", "in", "to", "by", "on", "with"}:
        return None
    if toks[start].low in {"whichever", "whoever", "whatever"}:
        return None  # "whichever party wrote the price into law": nobody in particular
    if all(t.low in DETERMINERS for t in toks[start:end] if t.is_word):
        return None
    if toks[end - 1].low in NEVER_SPEAKERS and not (
        toks[end - 1].low == "it" and end - start == 1 and start == lo
    ):
        return None  # but "It demanded ...", opening a sentence, is an organisation
    if not toks[start].is_cap and not any(t.is_cap for t in toks[start:end]):
        head = toks[end - 1].low
        # a lower-case phrase mid-clause ("the deal was agreed, officials said" is
        # fine; "...delay, saying" is not a subject)
        if (
            head not in PRONOUNS
            and start > lo
            and toks[start - 1].low not in DETERMINERS
            and toks[start].low not in DETERMINERS
            and head not in {"officials", "analysts", "sources"}
            and not plural_after_join(toks, start, end)  # "..., but key parties have said"
        ):
            return None
    return (start, end)


def np_after(toks: Sequence[Tok], i: int, n: int) -> tuple[int, int] | None:
    k = i
    while k < n and toks[k].low in ADVERBS:
        k += 1
    start = k
    while k < n and k - start < 6:
        t = toks[k]
        if not t.is_word:
            if t.text == "." and k > start and toks[k - 1].low in {"mr", "mrs", "ms", "dr"}:
                k += 1
                continue
            break
        if k > start and (
            t.low in CLAUSE_WORDS or t.low in {"from", "on", "in", "at", "after", "during"}
        ):
            break
        if t.low in {"that"}:
            break
        if k > start and (
            t.low in DETERMINERS or t.low in SUBJECT_PRONOUNS or t.low in AUX or t.low == "it"
        ):
            break  # "told reporters the government would ...": a new noun phrase begins
        k += 1
    if k <= start:
        return None
    return (start, k)


def role_then_name(toks: Sequence[Tok]) -> tuple[int, int] | None:
    """The name in "Chief executive NAME verbed": role words, then two or more
    capitalised words, then a lower-case word; within the first eight tokens."""
    n = min(len(toks), 8)
    k = 0
    role = False
    while k < n and toks[k].is_word and not (k > 0 and toks[k].is_cap):
        role = role or toks[k].low in ROLE_WORDS or toks[k].low in TITLES
        k += 1
    start = k
    while k < n and toks[k].is_cap and toks[k].is_word:
        k += 1
    if not role or k - start < 2 or k >= len(toks) or toks[k].is_cap or not toks[k].is_word:
        return None
    return (start, k)


def np_forward(toks: Sequence[Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The first noun phrase of the clause ``toks[lo:hi]`` (its subject)."""
    k = lo
    while (
        k < hi
        and k - lo < 6
        and (toks[k].low in CONNECTORS or toks[k].low in ADVERBS or not toks[k].is_word)
    ):
        k += 1
    if k >= hi:
        return None
    start = k
    if toks[k].low in PRONOUNS:
        return (k, k + 1)
    if toks[k].is_cap:
        while k < hi and (
            toks[k].is_cap or (toks[k].low == "and" and k + 1 < hi and toks[k + 1].is_cap)
        ):
            k += 1
        if toks[k - 1].low.endswith(("'s", "’s")):
            # "Italy's economy minister, however, urged ...": the owner's role.
            m = k
            while m < hi and m - k < 3 and toks[m].is_word and not toks[m].is_cap:
                if toks[m].low in VERBS or toks[m].low in AUX or toks[m].low in VERB_FORMS:
                    break
                m += 1
            if m > k and toks[m - 1].low in ROLE_WORDS:
                return (start, m)
        if k - start > 1 or toks[start].low not in DETERMINERS:
            return (start, k)
        k = start  # "The opposition party ...": a determiner phrase, read below
    if toks[k].low in DETERMINERS:
        k += 1
        while k < hi and k - start < 5 and toks[k].is_word and toks[k].low not in VERBS:
            if toks[k].low in {"is", "are", "was", "were", "has", "have", "had", "will", "would"}:
                break
            k += 1
        return (start, k)
    return None


def inside(toks: Sequence[Tok], ranges: Sequence[tuple[int, int]]) -> list[bool]:
    """For each token, whether it starts inside one of the sorted ``ranges`` (one pass)."""
    out: list[bool] = []
    r = 0
    for t in toks:
        while r < len(ranges) and ranges[r][1] <= t.start:
            r += 1
        out.append(r < len(ranges) and ranges[r][0] <= t.start)
    return out


def quoted_start(toks: Sequence[Tok], k: int) -> bool:
    """Whether token ``k`` follows an opening quotation mark."""
    return k > 0 and toks[k - 1].text in OPEN_MARKS

"""The "according to" family: "according to X", "According to X, Y", "according to
the finance director, Lee Chang", "according to the release" (its issuer) and
"according to a statement from Harbour Lines" (Harbour Lines)."""

from __future__ import annotations

from collections.abc import Sequence

from ...text.words import MONTHS, WEEKDAYS
from ..lexicon import DOCUMENT_NOUNS
from ..speakers import Mention
from ..text import Tok
from .cues import Cue, CueHost, join
from .sources import DOCUMENTS, source_words

__all__ = ["according_cue"]

_STOPS = frozenset({",", ".", ";", ":"})
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)


def _unsigned_document(toks: Sequence[Tok], j: int, k: int) -> bool:
    """Whether ``toks[j:k]`` name a document and not who issued it ("the release",
    "releases issued on Wednesday", "the latest estimates"): a document noun, and no
    capitalised word but a weekday or a month."""
    words = toks[j:k]
    if not any(t.low in DOCUMENT_NOUNS or t.low in DOCUMENTS for t in words):
        return False
    if any(t.low in {"from", "by", "of"} for t in words):
        return False  # "a statement from Harbour Lines": its issuer is named
    return all(not t.is_cap or t.low in _CALENDAR for t in words)


def according_cue(host: CueHost, toks: Sequence[Tok], i: int) -> Cue | None:
    """The cue of "according to" at ``toks[i]``, or None when it names nobody."""
    n = len(toks)
    j = i + 2
    k = j
    while k < n and k - j < 12 and toks[k].text not in _STOPS:
        k += 1
    if k <= j:
        return None
    # "According to the finance director, Lee Chang, ...": the name speaks.
    m = k + 1
    while m < n and m - k <= 5 and toks[m].is_cap:
        m += 1
    speakers = host.speakers
    if m > k + 1 and m < n and toks[m].text == ",":
        mentions = host._mentions(toks, k + 1, m)
        for mention in mentions:
            speakers.learn_apposition(mention.actor, join(toks, j, k))
        k = m
    elif _unsigned_document(toks, j, k) and (issuer := speakers.issuer()) is not None:
        # "according to the release", "according to statements put out on Friday":
        # whoever issued it, the organisation in the news.
        mentions = [Mention(issuer, 0.6)]
    else:
        # "according to a statement from Harbour Lines": the issuer speaks.
        named = source_words([t.text for t in toks[j:k]])
        mentions = host._mentions(toks, k - len(named), k)
    if not mentions:
        return None
    if i <= 1:  # "According to X, Y."
        return Cue("verb", i, k + 1, i, mentions, "according to")
    end = i - 1 if toks[i - 1].text == "," else i
    return Cue("inverted", i, 0, 0, mentions, "according to", comp_end=end)

"""The source a cue's words name: "a statement from X" is X's, "X's website" is X's.

Wire copy names its sources through documents and channels ("according to a statement
from Harbour Lines", "in a post on its website", "in releases issued on Wednesday"):
the speaker is the one who issued the document, not the document.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CUE_ADVERBS", "DOCUMENTS", "source_words"]

#: Documents and channels a source speaks through.
DOCUMENTS = frozenset(
    {
        "statement", "statements", "release", "releases", "report", "reports", "post",
        "posts", "letter", "filing", "filings", "notice", "website", "announcement",
        "briefing", "email", "memo", "document", "documents", "update", "tweet",
        "estimates", "estimate", "figures", "projections", "forecast", "data",
    }
)  # fmt: skip
#: Adverbs between a speaker and the cue ("the club has officially announced").
CUE_ADVERBS = frozenset(
    {
        "officially", "formally", "publicly", "previously", "repeatedly", "recently",
        "initially", "separately", "jointly", "reportedly", "privately", "earlier",
        "later", "subsequently", "finally", "quietly", "firmly", "strongly", "openly",
    }
)  # fmt: skip
_ISSUED = frozenset({"from", "by", "of", "issued"})
_LEADS = frozenset({"a", "an", "the", "its", "their", "his", "her", "new", "latest", "joint"})


def source_words(words: Sequence[str]) -> list[str]:
    """``words`` with a leading document phrase removed: "a statement from Harbour Lines"
    → "Harbour Lines"; words that name no document come back as they are."""
    k = 0
    while k < len(words) and words[k].lower() in _LEADS:
        k += 1
    start = k
    while k < len(words) and words[k][:1].islower() and words[k].lower() not in DOCUMENTS:
        k += 1  # "a written statement", "a joint press release"
    if k >= len(words) or words[k].lower() not in DOCUMENTS or k - start > 2:
        return list(words)
    k += 1
    while k < len(words) and words[k].lower() in _ISSUED:
        k += 1
    rest = list(words[k:])
    return rest if rest and rest[0][:1].isupper() else list(words)

"""The passive-agent family: "the plan was rejected by the government", "the closure
plans were opposed by unions and local politicians" — the agents assert the rejection
or the opposition, one claim each; the claim is the clause."""

from __future__ import annotations

from collections.abc import Sequence

from ..speakers import Mention
from ..text import Tok
from .cues import Cue, CueHost

__all__ = ["AGENT_VERBS", "passive_agent_cue"]

#: Verbs of stance whose agent, after "by", takes a position on the subject.
AGENT_VERBS = frozenset(
    {
        "opposed", "rejected", "criticised", "criticized", "condemned", "disputed",
        "denied", "dismissed", "questioned", "challenged", "welcomed", "backed",
        "supported", "endorsed", "praised",
    }
)  # fmt: skip
_BE = frozenset({"was", "were", "been", "being", "is", "are"})
_AGENT_STOPS = frozenset({",", ".", ";", ":", "over", "because", "after", "who", "which"})
_JOINS = frozenset({"but", "and", "while", "although", "though", "yet"})


def passive_agent_cue(host: CueHost, toks: Sequence[Tok], i: int) -> Cue | None:
    """The cue of "[was] VERB by AGENT" at ``toks[i]`` (the verb), or None."""
    n = len(toks)
    if toks[i].low not in AGENT_VERBS or i == 0 or toks[i - 1].low not in _BE:
        return None
    if i + 2 >= n or toks[i + 1].low != "by":
        return None
    a = i + 2
    b = a
    while b < n and b - a < 10 and toks[b].low not in _AGENT_STOPS and toks[b].is_word:
        b += 1
    if b == a:
        return None
    mentions: list[Mention] = []
    start = a
    for k in range(a, b + 1):
        if k == b or toks[k].low == "and":
            if k > start:
                mentions.extend(host._mentions(toks, start, k))
            start = k + 1
    if not mentions:
        return None
    # The clause: from the last join (", but this was disputed ...") or the sentence start.
    clause = 0
    for k in range(i - 1, 0, -1):
        if toks[k].low in _JOINS and toks[k - 1].text in {",", ";"}:
            clause = k + 1
            break
    boundary = clause - 2 if clause >= 2 else 0
    return Cue("passive-agent", i, clause, boundary, mentions, toks[i].low)

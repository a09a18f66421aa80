"""The nominal family: "the claim from X that ...", "X's warning that ...", "the
suggestion that ..." (an unnamed source)."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Actor, ActorKind
from ..lexicon import CUES, DETERMINERS
from ..speakers import Mention
from ..text import Tok
from .cues import Cue, CueHost

__all__ = ["PRE_NOMINAL", "nominal_cue"]

#: Words that may stand before a nominal cue ("despite the claim that").
PRE_NOMINAL = DETERMINERS | {
    "despite", "amid", "following", "after", "of", "with", "over", "to", "and", "as",
}  # fmt: skip


def nominal_cue(host: CueHost, toks: Sequence[Tok], i: int) -> Cue | None:
    """The cue of the nominal at ``toks[i]`` when a "that" clause follows it closely."""
    n = len(toks)
    that = -1
    for k in range(i + 1, min(n, i + 7)):
        if toks[k].low == "that":
            that = k
            break
        if not toks[k].is_word and toks[k].text not in {"'", "’"}:
            return None
        if toks[k].low in CUES or toks[k].low in {"and", "but", "or"}:
            return None  # "welcomed the pledge but argued that": the verb's "that"
    if that < 0 or that + 1 >= n:
        return None
    mentions: list[Mention] = []
    if i + 1 < that and toks[i + 1].low in {"from", "by"}:
        mentions = host._mentions(toks, i + 2, that)
    elif i > 0 and toks[i - 1].low.endswith(("'s", "’s")) and toks[i - 1].is_cap:
        m = host.speakers.name([toks[i - 1].text[:-2]])
        mentions = [m] if m else []
    if not mentions:
        unnamed = Actor.named("unnamed", ActorKind.UNKNOWN)
        mentions = [Mention(unnamed, 0.3)]
    boundary = i
    while boundary > 0 and (
        toks[boundary - 1].low in PRE_NOMINAL or toks[boundary - 1].text == ","
    ):
        boundary -= 1
    return Cue("nominal", i, that + 1, boundary, mentions, toks[i].low)

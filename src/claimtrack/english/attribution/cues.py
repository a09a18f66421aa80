"""A reporting cue found in a sentence, and what the cue-family modules need of the
extractor that calls them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import attrs

from ..speakers import Mention, Speakers
from ..text import Tok

__all__ = ["Cue", "CueHost", "join"]


@attrs.define
class Cue:
    """A cue: its family (verb, participle, nominal, according, inverted), where it is,
    where its complement starts (and, inverted, ends), where a previous complement must
    end, who it names and its words."""

    kind: str
    index: int  # first token of the cue
    comp: int  # first token of the complement
    boundary: int  # where a previous complement must end
    mentions: list[Mention]
    word: str
    comp_end: int = -1  # for "inverted": the complement ends here


class CueHost(Protocol):
    """The extractor, as the cue families see it: its speaker state and how it turns a
    span of tokens into the speakers they name."""

    speakers: Speakers

    def _mentions(self, toks: Sequence[Tok], a: int, b: int) -> list[Mention]: ...


def join(toks: Sequence[Tok], a: int, b: int) -> str:
    """The text of ``toks[a:b]`` with the spaces the source had between them."""
    if a >= b:
        return ""
    out: list[str] = []
    prev_end = -1
    for t in toks[a:b]:
        if out and t.start > prev_end:
            out.append(" ")
        out.append(t.text)
        prev_end = t.end
    return "".join(out)

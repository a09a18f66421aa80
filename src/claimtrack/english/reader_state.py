"""The state one reading of a source shares across its passes: the text and its tokens,
the publisher, the speakers met so far, and the claim candidates (units) found.
"""

from __future__ import annotations

from urllib.parse import urlparse

import attrs

from ..extraction import ExtractContext
from ..model import Actor, ActorKind, Source, TimeWindow
from .actor import Actors
from .attribution import Cue
from .claim_spans import clean
from .speakers import Mention, Speakers
from .text import QuoteSeg, Tok, TokenIndex, byline_publisher, is_byline, paragraphs


@attrs.define
class Unit:
    """A claim candidate: its span, who said it and how it was found."""

    start: int
    end: int
    speaker: Mention
    mode: str  # direct, indirect, nested, publisher, headline, event
    sentence: tuple[int, int]
    cue: str | None = None
    direct: bool = False
    chain: int = -1
    flags: frozenset[str] = frozenset()
    head: int | None = None  # index of the unit a coordinated item inherits from
    addressee: tuple[int, int] | None = None  # absolute span of "urged X to"'s X
    confidence: float = 0.7
    via: str = ""  # the attribution rule that found the speaker (see provenance.py)
    segs: tuple[str, ...] = ()  # the segmentation rules that drew its boundaries


@attrs.define
class Attribution:
    """Who a direct quotation's attribution names, its cue and the span it used up."""

    mentions: list[Mention]
    cue: str | None
    consumed: tuple[int, int]
    pronoun: str | None = None  # "he"/"she": resolved again when its quotation is read


@attrs.define
class Para:
    """A paragraph: its span, its quotations, its role and its quotation chain."""

    start: int
    end: int
    segs: list[QuoteSeg]
    role: str  # skip, headline, body
    chain: int


class ReaderState:
    """What every pass of one reading sees: the source, its tokens, the publisher,
    the speakers and actors met so far, and the units found."""

    def __init__(self, source: Source, context: ExtractContext) -> None:
        self.source = source
        self.text = source.text
        self.context = context
        self.units: list[Unit] = []
        self._continuation: Cue | None = None  # set by _verb_cue for "..., she said, but"
        self._index = TokenIndex(self.text)
        self._inline: list[tuple[int, int]] = []
        self._inline_ends: list[int] = []
        self._inline_for = -1
        self._dateline: tuple[int, int, int] | None = None
        self._first_body = -1  # where the first body paragraph starts
        self._last_day: TimeWindow | None = None  # for "the same day" (see due.py)
        self._last_due: TimeWindow | None = None  # for "on schedule" (see due.py)
        self.publisher = self._publisher()
        self.speakers = Speakers(context.registry, self.publisher)
        self.publisher_mention = Mention(self.publisher, 0.7)
        self.actors = Actors(context.registry, self.speakers, self.tokens, clean, self.text)

    def tokens(self, start: int, end: int) -> list[Tok]:
        """The tokens of ``text[start:end]`` (from the one tokenisation of the text)."""
        return self._index.slice(start, end)

    def _publisher(self) -> Actor:
        name = (self.source.publisher or "").strip()
        if not name:
            for s, e in paragraphs(self.text)[:12]:
                line = self.text[s:e]
                if is_byline(line):
                    name = byline_publisher(line) or ""
                    if name:
                        break
        if not name and self.source.uri and "://" in self.source.uri:
            host = urlparse(self.source.uri).netloc
            name = host[4:] if host.startswith("www.") else host
        if not name:
            name = "the publisher"
        try:
            return self.context.registry.resolve_or_add(name, ActorKind.ORGANISATION)
        except ValueError:
            return Actor.named(name, ActorKind.ORGANISATION)

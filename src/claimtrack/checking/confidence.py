"""How sure the checker is of a verdict, composed from its evidence.

A verdict is right when two things hold: the report speaks of **this** promise, and the
verdict rule reads it rightly.  Its confidence is the product of the two:

    confidence = about × reliability

- **about** -- how likely the sentence is about this promise -- adds up the evidence
  of each part of the promise the sentence matches (who must act, what act, on what,
  which named thing, where, when), each with its own strength in log-odds
  (:data:`STRENGTHS`), onto a prior for a sentence that merely shares a name and a word
  of the act with the promise (:data:`PRIOR`): ``about = 1 / (1 + exp(-(PRIOR + Σ)))``.
  A part that is missing adds nothing; a part that points away (a place that cannot be
  told) subtracts.  What rules a reading out altogether (someone else in the actor's
  place, a name of another thing) is not a strength but a gate in :mod:`.identity`.
- **reliability** -- the share of the rule's verdicts that were right on the checker's
  calibration set (pairs of our own writing, ``tests/data/checker_calibration.jsonl``,
  counted by :func:`.calibration.rule_counts`), with one right and one wrong added so
  that few examples give a modest figure: ``(right + 1) / (fired + 2)``.

So a confidence of 0.5 says: as likely right as wrong; 0.8: four such verdicts in five
are right.  ``docs/checker.md`` works an example through.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

__all__ = ["CAP", "PRIOR", "STRENGTHS", "Part", "about", "compose", "describe"]

#: Log-odds that a sentence sharing a name and a word of the act with a promise is
#: about it, before anything else is weighed: somewhat less likely than not.
PRIOR = -0.5
#: No verdict read off one sentence is surer than this.
CAP = 0.95

#: The strength (log-odds) of each part of a promise a report sentence matches, by
#: part and how it matches.
STRENGTHS: dict[tuple[str, str], float] = {
    # who must act
    ("actor", "named"): 1.5,  # its name or an alias, whole
    ("actor", "partly named"): 1.2,  # a surname, a group's head noun with a modifier
    ("actor", "head only"): 0.7,  # "the coalition" for "the coalition of the willing"
    ("actor", "in a sentence before"): 0.7,  # "they" after a sentence naming them
    ("actor", "implied"): 0.0,  # no one named, no one else either
    ("actor", "unknown"): 0.0,  # the promise names no one
    # what act
    ("act", "the promised verb"): 1.0,
    ("act", "a verb of its class"): 0.8,  # "met" for "convene"
    ("act", "an event noun"): 0.6,  # "the opening", "talks were held"
    ("act", "not named"): 0.3,  # only its object, after "cancelled"
    ("act", "a listed name"): 0.6,  # one of the stations a promise lists
    ("act", "the condition's act"): 0.8,
    # on what
    ("theme", "whole"): 1.2,  # every word of a theme of two words or more
    ("theme", "named"): 0.8,  # some of its words in the sentence
    ("theme", "just before"): 0.4,  # in the sentences it leans on ("the campaign")
    ("theme", "none needed"): 0.0,  # a meeting is a meeting
    # which named thing
    ("name", "in the sentence"): 0.7,  # "Ashford", "Northumberland Line"
    ("name", "in its context"): 0.3,  # in the headline or the sentences before
    ("name", "none to match"): 0.0,
    ("name", "absent"): -0.7,  # the promise names something; the sentence does not
    # where
    ("place", "same"): 0.8,
    ("place", "inside"): 0.8,  # "Northwood" for "in the UK"
    ("place", "vaguer"): 0.3,  # "in England" for "in Leeds"
    ("place", "unstated"): 0.0,
    ("place", "unknown"): -0.3,  # a place neither inside nor apart
    ("place", "elsewhere"): 0.0,  # the rule weighs it (happened elsewhere, not as promised)
    ("place", "none"): 0.0,  # the promise names no place
    # when
    ("time", "dated in the window"): 0.6,
    ("time", "dated"): 0.3,  # dated, outside the window (the rule weighs late or early)
    ("time", "reported in the window"): 0.3,
    ("time", "undated"): 0.0,
    # the sentence itself
    ("form", "headline"): -0.4,  # a headline's words are few and loose
}


@attrs.frozen
class Part:
    """One part of a promise a sentence matches, how, and in which words."""

    part: str
    how: str
    words: str = ""

    def __attrs_post_init__(self) -> None:
        if (self.part, self.how) not in STRENGTHS:
            raise ValueError(f"no strength for {self.part} {self.how!r}")

    @property
    def strength(self) -> float:
        """Its log-odds (:data:`STRENGTHS`)."""
        return STRENGTHS[(self.part, self.how)]


def about(parts: Iterable[Part]) -> float:
    """How likely the sentence is about the promise, from the parts it matches."""
    logit = PRIOR + sum(p.strength for p in parts)
    return 1.0 / (1.0 + math.exp(-logit))


def compose(parts: Iterable[Part], reliability: float) -> float:
    """A verdict's confidence: ``about(parts) × reliability``, at most :data:`CAP`."""
    return min(CAP, about(parts) * reliability)


def describe(parts: Iterable[Part], reliability: float) -> str:
    """The composition in words: "about 0.87 (actor named +1.5, ...) × rule 0.86"."""
    items = list(parts)
    terms = ", ".join(
        f"{p.part} {p.how}{f' ({p.words})' if p.words else ''} {p.strength:+.1f}"
        for p in items
        if p.strength
    )
    return f"about {about(items):.2f} ({terms or 'prior alone'}) x rule {reliability:.2f}"

"""Who said it: attribution as ordered sieves of named rules.

In the manner of CoreNLP's quote attribution, a claim's speaker is found by the first
sieve that answers, in this order:

==============================  =========================================================
``attribution.label``           an interview line, "Mayor Dana Whitlock: ..."
``attribution.adjacent``        a quotation's own attribution ("'...,' she said")
``attribution.verb``            a reporting verb's subject ("X said that ...", "X wrote in
                                a post that ...", "X told reporters ...")
``attribution.inverted``        the verb after the claim ("..., the council said")
``attribution.according``       "according to X", "according to a statement from X"
``attribution.passive-agent``   "the plan was rejected by X": X's position
``attribution.nominal``         a nominal cue ("X's claim that ...")
``attribution.participle``      ", saying ..." / ", adding that ..."
``attribution.chain``           a quotation running on in a paragraph of quotes
``attribution.last-speaker``    a quotation with no attribution: the last speaker
``attribution.publisher``       no cue at all: the article itself asserts it
==============================  =========================================================

Before any of them, :mod:`.dateline` sets a wire dateline ("PORTSMOUTH:") apart, so
the place is never a speaker, and :mod:`.sources` turns the words after a cue into the
source they name ("a statement from X" → X, "the agency reports that the mayor said"
→ the mayor).  Each rule lists examples of our own that ``tests/test_named_rules.py``
runs through the extractor.
"""

from __future__ import annotations

from collections.abc import Callable

from ..rulebook import Example, Rule
from .according import according_cue
from .apposition import role_apposition
from .cues import Cue, CueHost
from .dateline import dash_dateline, is_dateline
from .nominal import PRE_NOMINAL, nominal_cue
from .nouns import in_condition, noun_use
from .participle import participle_subject, plural_after_join
from .passive import AGENT_VERBS, passive_agent_cue
from .relative import relative_antecedent
from .sources import CUE_ADVERBS, DOCUMENTS, source_words

__all__ = [
    "AGENT_VERBS",
    "CUE_ADVERBS",
    "DOCUMENTS",
    "PRE_NOMINAL",
    "RULES",
    "Cue",
    "CueHost",
    "according_cue",
    "cue_via",
    "dash_dateline",
    "in_condition",
    "is_dateline",
    "nominal_cue",
    "noun_use",
    "participle_subject",
    "passive_agent_cue",
    "plural_after_join",
    "relative_antecedent",
    "role_apposition",
    "source_words",
]


def cue_via(kind: str, word: str) -> str:
    """How a reporting cue of ``kind`` ("verb", "inverted", "participle", "nominal")
    whose words are ``word`` found its speaker: the suffix of its ``attribution.*`` rule
    ("according" for "according to X", whichever side of the claim it stands)."""
    return "according" if word == "according to" else kind


def _ex(text: str, claim: str, speaker: str | None) -> Example:
    return Example(text=text, claim=claim, field="speaker", expected=speaker)


def _named(name: str) -> Callable[..., None]:
    def apply(*_args: object) -> None:
        return None  # applied inside the extractor's attribution pass; listed for order

    apply.__name__ = name
    return apply


#: The attribution sieves in the order they are tried, each with its examples.
RULES: tuple[Rule[Callable[..., None]], ...] = (
    Rule(
        "attribution.dateline",
        _named("dateline"),
        (
            _ex(
                "PORTSMOUTH: The harbour board will dredge the channel in May, its chair "
                "Ann Cole said.",
                "The harbour board will dredge the channel in May",
                "Ann Cole",
            ),
            _ex(
                "KELBY (Wire) — Harbour Lines will add a night crossing in April, its "
                "chair Ann Cole said.",
                "Harbour Lines will add a night crossing in April",
                "Ann Cole",
            ),
        ),
        "a wire dateline is a place, never a speaker",
    ),
    Rule(
        "attribution.label",
        _named("label"),
        (
            _ex(
                "Interview with a harbour master.\n\nJo Tamsin: We will open the new quay "
                "in June.\n\nQ: And the old one?\n\nJo Tamsin: It closes next year.",
                "We will open the new quay in June",
                "Jo Tamsin",
            ),
        ),
        "an interview line: the label speaks",
    ),
    Rule(
        "attribution.adjacent",
        _named("adjacent"),
        (
            _ex(
                '"We will open the depot in May," said Ravi Holt, the firm\'s chair.',
                "We will open the depot in May",
                "Ravi Holt",
            ),
            # "NAME, ROLE at ORG said:": the name speaks (apposition.role_apposition).
            _ex(
                'Sam Ostrow, chief operating officer at Harbour Lines said: "We will open '
                'the new quay in June."',
                "We will open the new quay in June",
                "Sam Ostrow",
            ),
        ),
        "a quotation's own attribution beside it",
    ),
    Rule(
        "attribution.verb",
        _named("verb"),
        (
            _ex(
                "The mayor, Jo Pell, wrote in a post on Tuesday that the city would buy "
                "two ferries by June.",
                "the city would buy two ferries by June",
                "Jo Pell",
            ),
            _ex(
                "Ravi Holt told reporters the depot would reopen next week.",
                "the depot would reopen next week",
                "Ravi Holt",
            ),
            _ex(
                "The panel heard from Dana Prill, the board's chair, who said the ward "
                "would reopen in May.",
                "the ward would reopen in May",
                "Dana Prill",
            ),
            _ex(
                "Harbour Lines has formally announced that it will add a night crossing in April.",
                "it will add a night crossing in April",
                "Harbour Lines",
            ),
            _ex(
                "The regional paper reports that the mayor, Jo Pell, said the tram line "
                "would open in the autumn.",
                "the tram line would open in the autumn",
                "Jo Pell",
            ),
        ),
        "the subject of a reporting verb before the claim ('X said', ', who said', "
        "'X has formally announced'); a relayed source is the one who said it",
    ),
    Rule(
        "attribution.inverted",
        _named("inverted"),
        (
            _ex(
                "The depot will reopen next week, Ravi Holt said.",
                "The depot will reopen next week",
                "Ravi Holt",
            ),
        ),
        "the reporting verb after the claim",
    ),
    Rule(
        "attribution.according",
        _named("according"),
        (
            _ex(
                "The ferry line will add a night crossing in April, according to a "
                "statement from Harbour Lines.",
                "The ferry line will add a night crossing in April",
                "Harbour Lines",
            ),
        ),
        "'according to X'; a document's issuer ('a statement from X') is X",
    ),
    Rule(
        "attribution.passive-agent",
        _named("passive_agent"),
        (
            _ex(
                "The scheme to sell the Dunmore library was criticised by school governors and "
                "parish councillors over the shorter hours.",
                "The scheme to sell the Dunmore library was criticised",
                "school governors",
            ),
            _ex(
                "The Rural Party called for the car park to be closed, but this was opposed by "
                "the county board.",
                "this was opposed by the county board",
                "the county board",
            ),
        ),
        "'was rejected by X', 'were opposed by X and Y': each agent takes that position",
    ),
    Rule("attribution.nominal", _named("nominal"), doc="'X's claim that ...'"),
    Rule(
        "attribution.participle",
        _named("participle"),
        (
            _ex(
                "The firm had said the depot would open in April, but union leaders have "
                "demanded a later date, insisting the depot open after the summer.",
                "the depot open after the summer",
                "union leaders",
            ),
        ),
        "', saying that ...': the subject of the nearest clause it hangs on",
    ),
    Rule(
        "attribution.chain",
        _named("chain"),
        (
            _ex(
                'Ravi Holt, the depot\'s manager, said: "We will hire 50 drivers.\n\n"We '
                'will also buy ten new buses by the summer."',
                "We will also buy ten new buses by the summer",
                "Ravi Holt",
            ),
        ),
        "a quotation running on: the attribution of its chain",
    ),
    Rule(
        "attribution.last-speaker",
        _named("last_speaker"),
        (
            _ex(
                '"We will hire 50 drivers," said Ravi Holt.\n\n"The new buses will arrive in May."',
                "The new buses will arrive in May",
                "Ravi Holt",
            ),
        ),
        "an unattributed quotation: the last speaker",
    ),
    Rule(
        "attribution.publisher",
        _named("publisher"),
        (
            _ex(
                "The new bridge will open to traffic in June.",
                "The new bridge will open to traffic in June",
                "The Courier",
            ),
        ),
        "no cue: the news organisation that wrote the text",
    ),
    Rule("attribution.headline", _named("headline"), doc="a headline: the publisher's"),
    Rule(
        "attribution.publisher-event",
        _named("publisher_event"),
        doc="'ahead of talks this week': an event the article itself schedules",
    ),
)

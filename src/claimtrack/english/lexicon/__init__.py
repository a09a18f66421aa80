"""Word lists the English extractor reads by, one module per subject.

- ``cues``: reporting verbs, participles and nouns, and the cue families (demand,
  prediction, forecast, pledge, agreement);
- ``people``: titles, role and organisation words, pronouns, groups, commentators,
  institutions, given names;
- ``nouns``: heads that can act, events, quantities, facilities, documents;
- ``verbs``: base-form verbs, verbs of change, irregular participles, plan triggers,
  deliverable states;
- ``function_words``: abbreviations, determiners, clause openers, adverbs, ordinals,
  run-on starters, condition openers;
- ``furniture``: lines of page furniture;
- ``places``: countries, demonyms and capitals.

Everything here is lower-case and looked up in sets (constant time), so the rules that
use these lists do bounded work per token.  Import the lists from this package.
"""

from __future__ import annotations

from .cues import (
    AGREE_CUES,
    CUES,
    DEMAND_CUES,
    FORECAST_CUES,
    NOMINAL_CUES,
    PARTICIPLE_CUES,
    PLEDGE_CUES,
    PREDICTION_CUES,
    WEAK_CUES,
)
from .function_words import (
    ABBREVIATIONS,
    ADVERBS,
    CLAUSE_WORDS,
    CONDITION_STARTS,
    DETERMINERS,
    ORDINALS,
    RUNON_STARTERS,
)
from .furniture import (
    FURNITURE,
)
from .nouns import (
    ANIMATE_NOUNS,
    DOCUMENT_NOUNS,
    EVENT_NOUNS,
    FACILITY_NOUNS,
    QUANTITY_NOUNS,
)
from .people import (
    COMMENTATOR_WORDS,
    FEMALE_NAMES,
    FIRST_PERSON,
    INCLUSIVE_GROUPS,
    INSTITUTION_NOUNS,
    MALE_NAMES,
    NAME_PARTICLES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    TITLES,
)
from .places import (
    COUNTRY_FORMS,
    COUNTRY_OF,
)
from .verbs import (
    DELIVERABLE_STATES,
    IRREGULAR_PARTICIPLES,
    PLAN_TRIGGERS,
    QUANTITY_VERBS,
    VERBS,
)

__all__ = [
    "ABBREVIATIONS",
    "ADVERBS",
    "AGREE_CUES",
    "ANIMATE_NOUNS",
    "CLAUSE_WORDS",
    "COMMENTATOR_WORDS",
    "CONDITION_STARTS",
    "COUNTRY_FORMS",
    "COUNTRY_OF",
    "CUES",
    "DELIVERABLE_STATES",
    "DEMAND_CUES",
    "DETERMINERS",
    "DOCUMENT_NOUNS",
    "EVENT_NOUNS",
    "FACILITY_NOUNS",
    "FEMALE_NAMES",
    "FIRST_PERSON",
    "FORECAST_CUES",
    "FURNITURE",
    "INCLUSIVE_GROUPS",
    "INSTITUTION_NOUNS",
    "IRREGULAR_PARTICIPLES",
    "MALE_NAMES",
    "NAME_PARTICLES",
    "NOMINAL_CUES",
    "ORDINALS",
    "ORG_WORDS",
    "PARTICIPLE_CUES",
    "PLAN_TRIGGERS",
    "PLEDGE_CUES",
    "PREDICTION_CUES",
    "PRONOUNS",
    "QUANTITY_NOUNS",
    "QUANTITY_VERBS",
    "ROLE_WORDS",
    "RUNON_STARTERS",
    "TITLES",
    "VERBS",
    "WEAK_CUES",
]

"""Function words: abbreviations, determiners, clause openers, adverbs, ordinals,
run-on sentence starters and condition openers.
"""

from __future__ import annotations

from ...text import words

__all__ = [
    "ABBREVIATIONS",
    "ADVERBS",
    "CLAUSE_WORDS",
    "CONDITION_STARTS",
    "DETERMINERS",
    "ORDINALS",
    "RUNON_STARTERS",
]

#: Words ending in "." that do not end a sentence (compared without the dot).
ABBREVIATIONS = words.ABBREVIATIONS
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "some",
        "any",
        "every",
        "each",
        "no",
        "all",
        "both",
    }
)
#: Words that may start a clause boundary inside a claim.
CLAUSE_WORDS = frozenset(
    {
        "that",
        "and",
        "but",
        "or",
        "so",
        "then",
        "because",
        "while",
        "whereas",
        "although",
        "though",
        "instead",
        "when",
        "as",
        "since",
        "after",
        "before",
        "until",
        "unless",
    }
)
#: Clause-initial adverbs to step over when looking for subject, verb or imperative.
ADVERBS = frozenset(
    [
        "also",
        "once",
        "again",
        "still",
        "now",
        "then",
        "just",
        "simply",
        "certainly",
        "finally",
        "further",
        "previously",
        "later",
        "already",
        "really",
        "truly",
        "only",
        "even",
        "indeed",
        "clearly",
        "currently",
        "today",
        "together",
        "jointly",
        "both",
        "all",
        "repeatedly",
        "publicly",
        "separately",
        "reportedly",
        "immediately",
        "quickly",
        "soon",
        "first",
        "secondly",
        "thirdly",
        "fourthly",
        "lastly",
        "firstly",
        "not",
        "never",
        "always",
    ]
)
#: Adverbs that number the items of a spoken list.
ORDINALS = frozenset(
    {
        "firstly",
        "secondly",
        "thirdly",
        "fourthly",
        "fifthly",
        "lastly",
        "finally",
        "second",
        "third",
        "fourth",
        "next",
    }
)
#: Capitalised words that open a new sentence even without a full stop before them.
RUNON_STARTERS = words.RUNON_STARTERS
#: Clause openers that make a condition.
CONDITION_STARTS = frozenset({"if", "unless", "provided", "providing"})

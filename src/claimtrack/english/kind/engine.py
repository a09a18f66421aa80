"""The kind engine: an ordered tuple of named rules that revise the core reading.

:func:`claimtrack.english.kinds.analyse` first reads a claim's trigger ("will", "must",
"plans to" ...) and decides a kind from it; then :func:`revise` offers that reading to
each :class:`KindRule` in order, and the first rule that returns a new reading wins (in
the manner of CoreNLP's sieves: a rule sees what the earlier stages decided and either
passes or decides).  The winning rule's name is added to ``Analysis.rules``, so the
claim it makes names it.

Every rule carries :class:`Example` sentences that ``tests/test_kind_rules.py`` runs
through the whole extractor: the positive ones must come out of it with the rule's kind
and name, the negative ones must not be touched by the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ...model import ClaimKind
from ..text import Tok
from .analysis import Analysis

__all__ = ["Clause", "Example", "KindRule", "revise"]


@attrs.frozen(kw_only=True)
class Clause:
    """What a kind rule may read about one claim: its tokens and how it was said.

    ``publisher`` says the article itself asserts it (no other speaker), ``headline``
    that it is a headline, ``direct`` that it is a quotation, ``reported`` that it is
    indirect speech, ``authority`` that the speaker acts rather than comments; ``cue``
    is the reporting verb (lower case).  ``is_own(text)`` says whether a subject is the
    speaker's side, ``is_known(name)`` whether a name is a known actor.
    """

    toks: Sequence[Tok]
    cue: str | None = None
    publisher: bool = False
    headline: bool = False
    direct: bool = False
    reported: bool = False
    authority: bool = True
    is_own: Callable[[str], bool] | None = None
    is_known: Callable[[str], bool] | None = None


@attrs.frozen
class Example:
    """An article snippet, the words of the claim in it, and what the rule gives it.

    ``kind`` None: a negative example, on which the rule must not fire (the claim, if
    the extractor makes one, does not name the rule).  ``publisher`` is the article's
    publisher (the speaker of unattributed sentences).
    """

    text: str
    claim: str
    kind: ClaimKind | None
    publisher: str = "Example Gazette"
    #: The article's own sentence the rule makes a statement, which the extractor then
    #: leaves out (it keeps only the article's schedules): no claim holds ``claim``, and
    #: the sentence read as the article's names the rule.
    dropped: bool = False


@attrs.frozen
class KindRule:
    """A named rule: ``apply(clause, reading)`` returns a new reading or None (pass).

    ``needs`` is the rule's cheap skip-check: lower-case token forms at least one of
    which the clause must hold for the rule to decide (the words its body looks for,
    named by the same word lists it reads); empty for a rule that may decide on any
    clause.  :func:`revise` reads a clause's words once and does not offer the reading
    to a rule whose needs are all absent; ``tests/test_rule_prefilters.py`` checks that
    no rule ever decides on a clause its needs would skip.
    """

    name: str
    summary: str
    apply: Callable[[Clause, Analysis], Analysis | None] = attrs.field(repr=False)
    examples: tuple[Example, ...] = ()
    needs: frozenset[str] = frozenset()


def revise(clause: Clause, found: Analysis, rules: Sequence[KindRule]) -> Analysis:
    """``found`` as revised by the first of ``rules`` that decides, its name recorded."""
    present: set[str] | None = None  # the clause's words, read for the first rule with needs
    for rule in rules:
        if rule.needs:
            if present is None:
                present = {t.low for t in clause.toks}
            if present.isdisjoint(rule.needs):
                continue  # none of the words the rule looks for: it would pass
        new = rule.apply(clause, found)
        if new is not None:
            return new._replace(rules=(*new.rules, rule.name))
    return found

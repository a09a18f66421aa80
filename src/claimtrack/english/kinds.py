"""What a claim does: commit, demand, predict or state; who must act; on what condition.

:func:`analyse` reads the tokens of one claim and finds, left to right, its condition
("if X", "in the event of X", "should X ..."), its first modal trigger ("will", "must",
"set to", "ready to", reported "would", "can't allow", an imperative) and the subject
of that trigger, then decides the kind:

- obligation ("must", "need to", "have to"): a commitment when the subject is the
  speaker's side ("we", "our coalition", the speaker), a demand when it is another;
- future ("will", "won't", "shall"): a commitment of the speaker's side, else a
  prediction (the publisher's own "X will" reports X's plan: a commitment);
- plans and schedules ("set to", "plans to", "agreed to", headline "X to meet"):
  commitments; "ready to"/"prepared to" only of someone who can act;
- imperatives and "let X ...": demands.

That core reading is then offered to the named rules of :mod:`.kind` (schedules read
as forecasts, offers and readiness, nominal plans, headlines, hedged forecasts ...):
the first rule that decides revises it and is named in ``Analysis.rules``.

Every step is a bounded look around one token, so the whole is linear.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import ClaimKind
from .kind.analysis import Analysis, build
from .kind.engine import Clause, revise
from .kind.grammar import (
    controlled,
    find_condition,
    head_of,
    is_participle,
    is_verbish,
    next_content,
    skip_time_adverbial,
    subject_before,
)
from .kind.present import conditional_present, imperative
from .kind.rules import RULES
from .kind.words import AUX, VERB_FORMS, words
from .lexicon import (
    ADVERBS,
    AGREE_CUES,
    ANIMATE_NOUNS,
    DETERMINERS,
    FACILITY_NOUNS,
    FIRST_PERSON,
    FORECAST_CUES,
    INCLUSIVE_GROUPS,
    PARTICIPLE_CUES,
    PLAN_TRIGGERS,
    VERBS,
)
from .text import Tok

__all__ = [
    "AUX",
    "VERB_FORMS",
    "Analysis",
    "analyse",
    "find_condition",
    "is_participle",
    "is_verbish",
    "skip_time_adverbial",
]

_EXPLETIVES = words("expletives")
_REFUSAL_VERBS = words("refusal_verbs")
_FUTURE = words("future")
_WOULD = words("would")
_CANT = words("cant")
_PREDICTIVE_PLANS = words("predictive_plans")
_HEDGES = words("hedges")
_WISH_VERBS = words("wish_verbs")
_EXPECT_NON_ACTS = words("expect_non_acts")
_NEGATIVE_UNIVERSAL = words("negative_universal")
_CONTROL_PAST = words("control_past")
_BE_FORMS = words("be_forms")
_IMPERSONAL_VERBS = words("impersonal_verbs")
_PROMISE_CUES = words("promise_cues")
_THIRD_PERSON = words("third_person")
_POSSESSIVE_3RD = words("possessive_3rd")

_PRESENT_PLAN_VERBS = words("present_plan_verbs")
_SCHEDULE_VERBS = words("schedule_verbs")
_READINESS = words("readiness")

#: Every word that one of :func:`_read`'s branches starts from (the words and word
#: lists it compares a token's form with, in its order, plus the "-s"/"-es" forms of
#: the schedule verbs): a token that is none of them, nor a "'ll" contraction, gives
#: no trigger, so :func:`_read` passes it by.  ``tests/test_rule_prefilters.py`` checks
#: that the skip changes no reading and that every word ``_read`` compares with is here.
_READ_WORDS = (
    PARTICIPLE_CUES
    | AGREE_CUES
    | {"must", "mustn't", "mustn’t", "need", "needs", "have", "has", "ought", "should"}
    | _FUTURE
    | _WOULD
    | PLAN_TRIGGERS
    | _PRESENT_PLAN_VERBS
    | _CANT
    | {"can", "is", "are", "am", "'re", "’re", "to", "could", "may", "might"}
    | {"expected", "expects", "expect", "predicts", "forecasts", "anticipates"}
    | {"want", "wants", "wanted", "call", "urge", "ask", "appeal"}
    | _CONTROL_PAST
    | _SCHEDULE_VERBS
    | {f"{verb}s" for verb in _SCHEDULE_VERBS}
    | {f"{verb}es" for verb in _SCHEDULE_VERBS}
    | {"scheduled", "slated"}
)
_WILL_ENDINGS = ("'ll", "’ll")


def analyse(
    toks: Sequence[Tok],
    *,
    cue: str | None = None,
    publisher: bool = False,
    headline: bool = False,
    direct: bool = False,
    is_own: Callable[[str], bool] | None = None,
    is_known: Callable[[str], bool] | None = None,
    reported: bool = False,
    authority: bool = True,
) -> Analysis:
    """Classify the claim whose tokens are ``toks``: the core reading, then the named
    rules of :data:`claimtrack.english.kind.rules.RULES` (see :mod:`.kind.engine`).

    ``cue`` is the reporting verb that introduced it (lower case), ``publisher`` says
    the article itself asserts it, ``headline`` enables headline grammar ("X to meet
    Y"), ``direct`` enables imperatives.  ``is_own(text)`` says whether a subject is the
    speaker or the speaker's group; ``is_known(name)`` whether a name is a known actor.
    ``reported`` says the claim is indirect speech (its "would" is a reported "will",
    its "he"/"it" the speaker); ``authority`` that the speaker acts rather than comments
    (so a thing's future they speak of is theirs to deliver).
    """
    if cue in FORECAST_CUES:
        authority = False
    clause = Clause(
        toks=toks,
        cue=cue,
        publisher=publisher,
        headline=headline,
        direct=direct,
        reported=reported,
        authority=authority,
        is_own=is_own,
        is_known=is_known,
    )
    return revise(clause, _read(clause), RULES)


def _read(clause: Clause) -> Analysis:
    """The core reading: the first modal trigger, its subject and the kind they give."""
    toks, cue, publisher, headline = clause.toks, clause.cue, clause.publisher, clause.headline
    direct, is_own, is_known = clause.direct, clause.is_own, clause.is_known
    reported, authority = clause.reported, clause.authority
    n = len(toks)
    cond = find_condition(toks)
    agree_seen = cue in AGREE_CUES if cue else False
    first_person_agree = False
    read_words = _READ_WORDS
    for i in range(n):
        if cond and cond[0] <= i < cond[1]:
            continue
        t = toks[i]
        low = t.low
        if low not in read_words and not low.endswith(_WILL_ENDINGS):
            continue  # no branch below starts from this word
        if low in PARTICIPLE_CUES and i > 0 and toks[i - 1].text == ",":
            break  # ", saying that ...": what follows is another speaker's claim
        if low in AGREE_CUES and i > 0:
            agree_seen = True
            first_person_agree = first_person_agree or toks[i - 1].low in FIRST_PERSON
        trig = ""
        verb = -1
        nxt = toks[i + 1].low if i + 1 < n else ""
        if low in {"must", "mustn't", "mustn’t"}:
            trig, verb = "obligation", next_content(toks, i + 1)
        elif (
            (low in {"need", "needs"} and nxt == "to" and i > 0)
            or (
                low in {"have", "has"}
                and nxt == "to"
                and i + 2 < n
                and toks[i + 2].low in VERB_FORMS
            )
            or (low == "ought" and nxt == "to")
        ):
            trig, verb = "obligation", i + 2
        elif low == "should" and not (cond and cond[0] == i):
            v = next_content(toks, i + 1)
            if v < n and (toks[v].low in VERB_FORMS or toks[v].low == "be"):
                trig, verb = "obligation", v
        elif low in _FUTURE or low.endswith(_WILL_ENDINGS):
            v = next_content(toks, i + 1)
            if v + 1 < n and toks[v].low in {"have", "has"} and toks[v + 1].low == "to":
                trig, verb = "obligation", v + 2
            elif v + 1 < n and toks[v].low == "have" and toks[v + 1].low == "until":
                # "X will have until March 31 to pull ...": a deadline set for X.
                to = next((k for k in range(v + 2, min(n - 1, v + 9)) if toks[k].low == "to"), -1)
                trig, verb = ("obligation", to + 1) if to > 0 else ("future", v)
            else:
                trig, verb = "future", v
        elif low in _WOULD and (agree_seen or reported):
            v = next_content(toks, i + 1)
            if v + 1 < n and toks[v].low == "need" and toks[v + 1].low == "to":
                v += 2
            trig, verb = "reported", v
        elif (
            low in PLAN_TRIGGERS
            and i + 2 < n
            and (nxt == "to" or toks[min(n - 1, skip_time_adverbial(toks, i + 1))].low == "to")
            and not (low in _PRESENT_PLAN_VERBS and i > 0 and toks[i - 1].low in DETERMINERS)
        ):
            to_at = i + 1 if nxt == "to" else skip_time_adverbial(toks, i + 1)
            after = toks[to_at + 1].low if to_at + 1 < n else ""
            if low == "due" and after not in VERBS:
                pass  # "due to the weather" is a cause, not a schedule
            elif (
                low == "going"
                and after not in VERBS
                and not (
                    after
                    and after not in DETERMINERS
                    and to_at + 1 < n
                    and not toks[to_at + 1].is_cap
                    and any(t.low in FIRST_PERSON for t in toks[max(0, i - 4) : i])
                )
            ):
                pass  # ("we are not going to walk away": any verb after a first person)
            elif after in VERB_FORMS or after == "be" or after not in DETERMINERS:
                if low in _PREDICTIVE_PLANS or (
                    low == "going"
                    and after == "be"
                    and to_at + 2 < n
                    and not is_participle(toks[to_at + 2].low)
                    and not any(t.low in FIRST_PERSON for t in toks[max(0, i - 3) : i])
                ):
                    # "That is going to be expensive": a forecast, not a plan.
                    trig = "predictive"
                elif low in _READINESS:
                    trig = "readiness"
                else:
                    trig = "plan"
                verb = to_at + 1
        elif (
            low in _PRESENT_PLAN_VERBS
            and i > 0
            and i + 1 < n
            and toks[i - 1].low not in DETERMINERS
            and (toks[i - 1].is_cap or toks[i - 1].text == "," or toks[i - 1].low in ADVERBS)
            and (toks[i + 1].text[:1].isdigit() or toks[i + 1].low in {"a", "an", "new", "to"})
        ):
            trig, verb = "plan", i  # "Northwind plans 40 new stores": a plan with an object
        elif low in {"is", "are"} and nxt == "to" and i + 2 < n and toks[i + 2].low in VERBS:
            trig, verb = "scheduled", i + 2
        elif low in _CANT or (low == "can" and nxt == "not"):
            v = next_content(toks, i + 1 if low != "can" else i + 2)
            if v < n and toks[v].low in _REFUSAL_VERBS:
                trig, verb = "refusal", v
        elif (
            low == "expected"
            and i > 0
            and toks[i - 1].low in _BE_FORMS
            and i + 1 < n
            and toks[i + 1].low in {"in", "by", "on", "next", "later", "this", "before", "within"}
        ):
            # "A formal application is expected in the spring": a forecast.
            return build(toks, ClaimKind.PREDICTION, "expect", None, False, i, cond, None)
        elif (
            low in {"expects", "expect", "predicts", "forecasts", "anticipates", "expected"}
            and i > 0
            and not (low == "expected" and toks[i - 1].low in _BE_FORMS)
        ):
            to = next((k for k in range(i + 1, min(n, i + 8)) if toks[k].low in {"to", "that"}), -1)
            if to > i + 1 and low == "expect" and toks[i - 1].low in FIRST_PERSON:
                obj = toks[to - 1]
                if (
                    toks[to].low == "to"
                    and to + 1 < n
                    and toks[to + 1].low in VERBS
                    and (obj.low in ANIMATE_NOUNS or obj.low in {"party", "side", "everyone"})
                ):
                    # "we expect every party to bring ...": others are told to act.
                    return build(
                        toks, ClaimKind.DEMAND, "want", None, False, to + 1, cond, (i + 1, to)
                    )
            if (
                to == i + 1
                and toks[to].low == "to"
                and to + 1 < n
                and toks[to + 1].is_word
                and not toks[to + 1].is_cap
                and toks[to + 1].low not in _EXPECT_NON_ACTS
                and toks[to + 1].low not in DETERMINERS
                and low in {"expects", "expect"}
                and (
                    toks[i - 1].low in FIRST_PERSON
                    or (reported and toks[i - 1].low in _THIRD_PERSON)
                    or (is_own is not None and toks[i - 1].is_cap and is_own(toks[i - 1].text))
                )
            ):
                # "it expects to file for approval next year": the speaker's own plan.
                subj_e = (i - 1, i)
                return build(toks, ClaimKind.COMMITMENT, "plan", subj_e, True, to + 1, cond, None)
            if to >= 0:
                return build(toks, ClaimKind.PREDICTION, "expect", None, False, i + 1, cond, None)
        elif low in {"could", "may", "might"} and cue in {
            "warned",
            "warns",
            "predicted",
            "predicts",
        }:
            return build(toks, ClaimKind.PREDICTION, "warning", None, False, i + 1, cond, None)
        elif low in {"want", "wants", "wanted"} and i > 0:
            for k in range(i + 2, min(n, i + 8)):
                if toks[k].low == "to" and k + 1 < n and toks[k + 1].low in VERB_FORMS:
                    return build(
                        toks, ClaimKind.DEMAND, "want", None, False, k + 1, cond, (i + 1, k)
                    )
        elif (
            low in _CONTROL_PAST
            and i > 0
            and toks[i - 1].is_word
            and toks[i - 1].low not in _BE_FORMS
            and cue not in FORECAST_CUES
        ):
            # "the group had asked the government to waive ...": others told to act.
            a = i + 2 if nxt in {"on", "upon"} else i + 1
            for k in range(a + 1, min(n - 1, a + 9)):
                if toks[k].low == "to" and toks[k + 1].low in VERB_FORMS:
                    return build(toks, ClaimKind.DEMAND, "want", None, False, k + 1, cond, (a, k))
                if not toks[k].is_word or toks[k].low in AUX:
                    break
        elif low in {"call", "urge", "ask", "appeal"} and i > 0 and toks[i - 1].low in {"we", "i"}:
            # "We call on all coastal states to share ...": others are told to act.
            a = i + 2 if nxt in {"on", "upon", "to"} else i + 1
            for k in range(a + 1, min(n, a + 9)):
                if toks[k].low == "to" and k + 1 < n and toks[k + 1].low in VERB_FORMS:
                    return build(toks, ClaimKind.DEMAND, "want", None, False, k + 1, cond, (a, k))
        elif (
            low == "to"
            and i > 0
            and toks[i - 1].text == ","
            and nxt == "be"
            and i + 2 < n
            and is_participle(toks[i + 2].low)
        ):
            # "..., to be completed by the end of 2027": scheduled.
            return build(toks, ClaimKind.COMMITMENT, "plan", None, True, i + 2, cond, None)
        elif (
            low in {"are", "is", "am", "'re", "’re"}
            and i > 0
            and toks[i - 1].low in {"we", "i"}
            and i + 1 < n
            and nxt.endswith("ing")
            and nxt in VERB_FORMS
            and nxt != "going"
        ):
            # "We are adding staff from next month": a plan under way, if dated ahead.
            return build(
                toks, ClaimKind.COMMITMENT, "progressive", (i - 1, i), True, i + 1, cond, None
            )
        elif (
            publisher
            and not headline
            and i > 1
            and low.endswith("s")
            and (
                low[:-1] in _SCHEDULE_VERBS or (low.endswith("es") and low[:-2] in _SCHEDULE_VERBS)
            )
            and (toks[i - 1].is_cap or toks[i - 1].low not in AUX)
            and toks[i - 1].is_word
            and toks[0].low in DETERMINERS | {"the"}
            and not any(t.low in AUX for t in toks[:i])
        ):
            # "The budget goes to a final vote on 24 June": the publisher's schedule.
            return build(toks, ClaimKind.COMMITMENT, "schedule", (0, i), False, i, cond, None)
        elif (
            publisher
            and not headline
            and 1 < i <= 6
            and low in _SCHEDULE_VERBS
            and toks[i - 1].is_word
            and len(toks[i - 1].low) > 3
            and toks[i - 1].low.endswith("s")
            and not toks[i - 1].low.endswith("ss")
            and nxt in {"on", "in", "at", "next", "this", "from"}
            and (toks[0].low in DETERMINERS or toks[0].is_cap)
            and not any(t.low in AUX or t.low in VERBS for t in toks[1 : i - 1])
        ):
            # "Budget estimates hearings begin on June 2": a plural subject's schedule.
            return build(toks, ClaimKind.COMMITMENT, "schedule", (0, i), False, i, cond, None)
        elif (
            publisher
            and not headline
            and low in {"scheduled", "slated"}
            and i > 1
            and toks[i - 1].low in {"is", "are"}
            and nxt in {"for", "on", "to"}
            and not any(t.low in AUX for t in toks[: i - 1])
        ):
            # "The next meeting is scheduled for April 23": the publisher's schedule.
            subj_s = (0, i - 1)
            return build(toks, ClaimKind.COMMITMENT, "schedule", subj_s, False, i, cond, None)
        elif headline and low == "to" and i > 0 and nxt in VERBS:
            before = toks[:i]
            if not is_verbish(before):
                subj_h: tuple[int, int] = (0, i)
                return build(
                    toks, ClaimKind.COMMITMENT, "headline", subj_h, False, i + 1, cond, None
                )
        if not trig:
            continue
        subj: tuple[int, int] | None = subject_before(toks, i, 0)
        if (
            trig == "plan"
            and i > 0
            and (toks[i - 1].low in DETERMINERS or toks[i - 1].text[:1].isdigit())
        ):
            subj = None  # "a plan to rebuild": the noun, whose owner is the speaker
        if subj is not None and cond and subj[0] < cond[1] <= subj[1]:
            subj = (cond[1], subj[1]) if cond[1] < subj[1] else None
        head = head_of(toks, subj) if subj else None
        subj_text = " ".join(t.text for t in toks[subj[0] : subj[1]]) if subj else ""
        subj_lows = {t.low for t in toks[subj[0] : subj[1]]} if subj else set()
        own = subj is None or bool(subj_lows & FIRST_PERSON)
        if not own and reported and subj is not None:
            first = toks[subj[0]].low
            # "X said it would comply", "... that his group would table": X's own side.
            own = (subj[1] - subj[0] == 1 and first in _THIRD_PERSON) or (
                first in _POSSESSIVE_3RD and head is not None and head.low not in FACILITY_NOUNS
            )
        if not own and head is not None and head.low in INCLUSIVE_GROUPS:
            own = True
        if not own and is_own is not None and subj_text:
            own = is_own(subj_text)
        expletive = (
            head is not None
            and head.low in _EXPLETIVES
            and subj is not None
            and subj[1] - subj[0] == 1
            and not (
                # "Orbis said it will hold a call": "it" is the speaker's organisation
                # when it does something; "it will be hard" stays impersonal.
                head.low == "it"
                and reported
                and 0 <= verb < n
                and toks[verb].low not in _IMPERSONAL_VERBS
                and toks[verb].low not in {"not", "never"}
            )
        )
        if expletive and subj is not None and toks[subj[0]].low == "it":
            own = False  # "it would be difficult": impersonal, nobody's undertaking
        animate = subj is None or own
        if head is not None and not animate:
            animate = head.low in ANIMATE_NOUNS or head.low in {"he", "she", "they", "you"}
            if not animate and head.is_cap:
                animate = head.start != toks[0].start or (
                    is_known is not None and is_known(head.text)
                )
        kind: ClaimKind | None = None
        revised: list[str] = []
        if trig == "obligation":
            if (
                subj is not None
                and toks[subj[0]].low in _NEGATIVE_UNIVERSAL
                and 0 <= verb < n
                and toks[verb].low == "be"
            ):
                # "nobody should be surprised if X": a forecast of X; "no one should be
                # in any doubt": a statement.  Nobody is told to act.
                kind = ClaimKind.PREDICTION if cond is not None else ClaimKind.STATEMENT
            elif expletive:
                kind = ClaimKind.STATEMENT
            else:
                kind = ClaimKind.COMMITMENT if own or publisher else ClaimKind.DEMAND
        elif trig == "future":
            be = verb < n and toks[verb].low == "be"
            if (own and not expletive) or (publisher and not be and not expletive and animate):
                kind = ClaimKind.COMMITMENT
            elif expletive or publisher:
                kind = ClaimKind.PREDICTION
            else:
                kind = controlled(toks, verb, head, animate, authority)
        elif trig == "reported":
            if own or first_person_agree:
                kind = ClaimKind.COMMITMENT
            elif publisher:
                kind = ClaimKind.COMMITMENT if animate and not expletive else ClaimKind.PREDICTION
            elif expletive:
                kind = ClaimKind.PREDICTION
            else:
                kind = controlled(toks, verb, head, animate, authority)
        elif trig == "plan":
            kind = ClaimKind.COMMITMENT
        elif trig == "predictive":
            kind = ClaimKind.PREDICTION
        elif trig == "readiness":
            kind = ClaimKind.COMMITMENT if animate else None
        elif trig == "scheduled":
            kind = ClaimKind.COMMITMENT if animate and not expletive else None
        elif trig == "refusal":
            kind = ClaimKind.COMMITMENT if own else None
        if (
            kind is ClaimKind.COMMITMENT
            and trig in {"future", "reported"}
            and 0 <= verb < n - 1
            and toks[verb].low == "be"
            and toks[verb + 1].low in {"forced", "compelled", "obliged"}
        ):
            kind = ClaimKind.PREDICTION  # "would be forced to cut rations": a consequence
            revised.append("kind.forced-consequence")
        if (
            kind is ClaimKind.PREDICTION
            and cue in _PROMISE_CUES
            and trig in {"future", "reported"}
            and not expletive
        ):
            kind = ClaimKind.COMMITMENT  # "X will build it, the chairman promised"
            revised.append("kind.promise-cue")
        if (
            kind is ClaimKind.COMMITMENT
            and trig in {"future", "reported", "predictive"}
            and subj is not None
            and any(
                toks[k].low in _HEDGES and toks[k - 1].low in FIRST_PERSON
                for k in range(max(1, i - 6), i)
            )
        ):
            kind = ClaimKind.PREDICTION  # "I think we will see more ballots": a forecast
            revised.append("kind.hedged")
        if (
            kind is ClaimKind.COMMITMENT
            and trig == "reported"
            and 0 <= verb < n
            and toks[verb].low in _WISH_VERBS
            and own
        ):
            kind = ClaimKind.STATEMENT  # "I would want monthly scans": a view
            revised.append("kind.wish")
        if (
            kind is not None
            and trig in {"future", "reported"}
            and subj is not None
            and any(
                toks[k].low in {"told", "promised", "assured"}
                and toks[k - 1].low in {"been", "was", "were"}
                for k in range(max(1, i - 8), i)
            )
        ):
            kind = ClaimKind.STATEMENT  # "we were told the bridge would reopen": a report
            revised.append("kind.told-report")
        if kind is None:
            continue
        found = build(toks, kind, trig, subj, own, verb, cond, None)
        return found._replace(rules=tuple(revised)) if revised else found
    if cond is not None and cond[1] < n:
        present = conditional_present(toks, cond, is_known, authority, is_own)
        if present is not None:
            return present
    if direct:
        imp = imperative(toks)
        if imp is not None:
            verb, addressee = imp
            return build(
                toks, ClaimKind.DEMAND, "imperative", None, False, verb, cond, addressee, True
            )
    return Analysis(ClaimKind.STATEMENT, None, None, False, None, None, cond, None, False)

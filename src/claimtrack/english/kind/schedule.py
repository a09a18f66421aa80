"""Schedules and agreements: an announced timetable is the responsible party's
commitment, not a forecast.

"The strike will end at midnight on Sunday, the union said", "the depot is due to shut
in August", "the bridge is set to reopen in May", "the ferry remains on course for its
spring handover", "the prisoners are to be freed in stages": each names who is to act
(the subject, else the speaker) and when.  Quantities ("prices are on track to rise"),
outcomes ("the route will strengthen ties") and impersonal subjects ("there will be",
"it will be hard") stay forecasts.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import ClaimKind
from ..lexicon import DELIVERABLE_STATES, QUANTITY_VERBS
from ..text import Tok
from .analysis import Analysis
from .common import (
    bare_verb,
    commitment,
    has_date,
    hedged,
    past_adverbs,
    quantity_subject,
)
from .engine import Clause, Example, KindRule
from .grammar import is_participle, next_content
from .words import AUX, VERB_FORMS, words

__all__ = ["RULES", "decided_before", "schedule_act"]

C = ClaimKind.COMMITMENT
_ACTS = words("schedule_acts")
_PARTICIPLES = words("schedule_participles")
_OUTCOMES = words("outcome_verbs")
_COMPARATIVES = words("comparatives")
_IMPERSONAL = words("impersonal_verbs")
_ON_TRACK_VERBS = words("on_track_verbs")
_ON_TRACK_NOUNS = words("on_track_nouns")
_CHANGES = QUANTITY_VERBS | {"rise", "increase", "fall", "cut", "hike", "showdown", "clash"}
_AHEAD = words("ahead_words")
_PAST_MARKS = frozenset({"ago", "last", "yesterday", "earlier", "since"})
_LEAD_WORDS = frozenset({"with", "without", "after", "before", "since", "as", "in", "on", "at"})
_ANNOUNCING = words("date_setting_cues")
_DATE_FIXING = words("date_fixing_participles")
_READY_LIKE = frozenset({"ready", "due", "set", "able", "likely", "going", "have", "has"})
_BE = frozenset({"is", "are", "was", "were", "be"})
_STATES = DELIVERABLE_STATES | {"subject", "up", "able", "closed", "shut"}


def _question(toks: Sequence[Tok]) -> bool:
    return bool(toks) and toks[-1].text == "?"


def decided_before(found: Analysis, at: int) -> bool:
    """The core reading already made a commitment or demand from an earlier trigger."""
    if found.kind is ClaimKind.DEMAND:
        return True
    return found.kind is C and (found.verb is None or found.verb <= at)


def schedule_act(toks: Sequence[Tok], v: int) -> bool:
    """Whether the verb at ``v`` puts a schedule into effect ("open", "be delivered")."""
    if not 0 <= v < len(toks):
        return False
    low = toks[v].low
    if low == "be":
        k = past_adverbs(toks, v + 1)
        if k >= len(toks):
            return False
        after = toks[k].low
        if after.endswith("ing"):  # "would be opening", "be arriving"
            return after[:-3] in _ACTS or after[:-3] + "e" in _ACTS
        return after in _PARTICIPLES
    return low in _ACTS


def _outcome(toks: Sequence[Tok], found: Analysis) -> bool:
    """A forecast's marks: a quantity subject, an outcome or quantity verb, a
    comparative, an impersonal subject, or "be" with a state that is not delivered."""
    v = found.verb
    n = len(toks)
    if v is None or not 0 <= v < n:
        return True
    low = toks[v].low
    if low in _OUTCOMES or low in QUANTITY_VERBS or quantity_subject(toks, found.subject):
        return True
    if v + 1 < n and toks[v + 1].low in _COMPARATIVES:
        return True
    subj = found.subject
    if subj is not None and subj[1] - subj[0] == 1:
        first = toks[subj[0]].low
        if first in {"there", "this", "that"} or (first == "it" and low in _IMPERSONAL):
            return True
    if low == "be":
        k = next_content(toks, v + 1)
        after = toks[k].low if k < n else ""
        return not (is_participle(after) or after in _STATES or schedule_act(toks, v))
    return False


def _publisher_future(clause: Clause, found: Analysis) -> Analysis | None:
    # "The match will take place on 28 March": the article relays a schedule.
    if not clause.publisher or found.kind is not ClaimKind.PREDICTION or _question(clause.toks):
        return None
    if found.trigger != "future" or _outcome(clause.toks, found):
        return None
    if found.verb is not None and hedged(clause.toks, found.verb):
        return None  # "it now seems the works will not finish until May": a forecast
    return found._replace(kind=C)


def _authority_future(clause: Clause, found: Analysis) -> Analysis | None:
    # "Flights will start on 1 July, the airline said": a dated act put into effect.
    if clause.publisher or not clause.authority or found.kind is not ClaimKind.PREDICTION:
        return None
    toks, v = clause.toks, found.verb
    if found.trigger not in {"future", "reported"} or v is None or not schedule_act(toks, v):
        return None
    if _outcome(toks, found) or hedged(toks, v):
        return None
    progressive = toks[v].low == "be"  # "the new wards will be opening soon"
    if not (has_date(toks[v:]) or clause.cue in _ANNOUNCING or progressive):
        return None  # undated and merely said: "X will launch an attack" may be a guess
    return found._replace(kind=C)


def _on_track(clause: Clause, found: Analysis) -> Analysis | None:
    # "The line remains on track to open in December", "on course for a May launch".
    toks = clause.toks
    n = len(toks)
    for i in range(1, n - 3):
        if toks[i].low != "on" or toks[i + 1].low not in _ON_TRACK_NOUNS:
            continue
        be = i - 1
        while be > 0 and toks[be].low in {"still", "firmly", "now", "well", "back"}:
            be -= 1
        if toks[be].low not in _ON_TRACK_VERBS or decided_before(found, i):
            return None
        j = i + 2
        if toks[j].low == "to" and bare_verb(toks[j + 1]):
            verb = j + 1
        elif toks[j].low == "for":
            verb = j
        else:
            return None
        if toks[verb].low in QUANTITY_VERBS:
            return None
        made = commitment(clause, found, "schedule.on-track", be, verb)
        return None if quantity_subject(toks, made.subject) else made
    return None


def _set_for(clause: Clause, found: Analysis) -> Analysis | None:
    # "The club is set for its homecoming", "its return to the stadium, set for 10 August".
    toks = clause.toks
    n = len(toks)
    for i in range(1, n - 2):
        if toks[i].low != "set" or toks[i + 1].low != "for":
            continue
        prev = toks[i - 1].low
        k = i + 3 if toks[i + 2].low in {"a", "an", "another", "further"} else i + 2
        if decided_before(found, i) or (k < n and toks[k].low in _CHANGES):
            return None  # "set for a rise": a forecast
        if prev in _BE:
            made = commitment(clause, found, "schedule.set-for", i - 1, i + 1)
            return None if quantity_subject(toks, made.subject) else made
        if prev == "," and has_date(toks[i + 2 : i + 6]):
            return commitment(clause, found, "schedule.set-for", i, i + 1, subject=None)
        return None
    return None


def _is_to(clause: Clause, found: Analysis) -> Analysis | None:
    # "The depot is to shut in 2029", "the hostages are to be released in groups",
    # "a rematch to be staged a week later".
    toks = clause.toks
    n = len(toks)
    opens_to_be = n > 3 and toks[0].low == "to" and toks[1].low == "be"
    if opens_to_be and schedule_act(toks, 1) and not decided_before(found, 0):
        # a piece cut from ", to be operated three times a week, ...": a schedule
        return commitment(clause, found, "schedule.is-to", 0, 1, subject=None)
    for i in range(1, n - 2):
        if toks[i].low == "to" and toks[i + 1].low == "be" and _noun_before(toks, i):
            if decided_before(found, i) or not schedule_act(toks, i + 1):
                return None
            return commitment(clause, found, "schedule.is-to", i, i + 1)
        if toks[i].low not in {"is", "are"} or toks[i + 1].low != "to":
            continue
        verb = i + 2
        if decided_before(found, i) or not schedule_act(toks, verb):
            return None
        made = commitment(clause, found, "schedule.is-to", i, verb)
        return None if quantity_subject(toks, made.subject) else made
    return None


def _noun_before(toks: Sequence[Tok], i: int) -> bool:
    """A noun right before "to be done" ("a friendly ... to be played"), not a verb
    ("wants to be paid") or a comma (the core reads ", to be completed by ...")."""
    prev = toks[i - 1]
    low = prev.low
    return (
        prev.is_word
        and low not in VERB_FORMS
        and low not in AUX
        and low not in _READY_LIKE
        and not low.endswith(("ed", "ly"))
    )


def _expected_schedule(clause: Clause, found: Analysis) -> Analysis | None:
    # "The stations are expected to open on schedule": a timetable, not a guess.
    toks, v = clause.toks, found.verb
    if found.trigger != "predictive" or found.kind is not ClaimKind.PREDICTION or v is None:
        return None
    if not (clause.publisher or clause.authority) or not schedule_act(toks, v):
        return None
    at = next((k for k in range(v - 1, max(-1, v - 4), -1) if toks[k].low == "expected"), -1)
    if at < 0:
        return None
    made = commitment(clause, found, "schedule.expected", at, v)
    return None if quantity_subject(toks, made.subject) else made


RULES: tuple[KindRule, ...] = (
    KindRule(
        "schedule.on-track",
        "on track/course/target/schedule to do something: the subject's commitment",
        _on_track,
        (
            Example("The new ferry remains on course for its spring handover.\n", "ferry", C),
            Example(
                "The council said the bypass was still on track to open in June.\n",
                "bypass was still on track",
                C,
            ),
            Example(
                '"With extra shifts, we are still on target to finish the bridge by July," he said.\n',
                "on target to finish",
                C,
            ),
            Example(
                "The company said sales were on track to rise by a tenth this year.\n",
                "sales were on track",
                None,
            ),
        ),
        needs=frozenset({"on"}),
    ),
    KindRule(
        "schedule.set-for",
        "X is set for an event, or an event set for a date: a schedule",
        _set_for,
        (
            Example("The rowing club is set for its return to the river.\n", "rowing club", C),
            Example("The ferry service is set for a trial run in June.\n", "ferry service", C),
            Example(
                "The club announced its homecoming to the old ground, set for 9 May.\n",
                "homecoming",
                C,
            ),
            Example(
                "Analysts said shares were set for a fall after the results.\n", "shares", None
            ),
        ),
        needs=frozenset({"set"}),
    ),
    KindRule(
        "schedule.is-to",
        "X is to do something / is to be done: a schedule of the subject's",
        _is_to,
        (
            Example("The old pier is to close in 2027, the owners said.\n", "pier is to", C),
            Example("The hostages are to be freed in stages, the mediators said.\n", "hostages", C),
            Example("The problem is to find the money, the mayor said.\n", "problem", None),
            Example(
                "The squad will face Chile on 3 March, with a friendly against Peru to be "
                "played three days later.\n",
                "to be played",
                C,
            ),
            Example("The nurses said they wanted to be paid on time.\n", "paid on time", None),
            Example(
                "The new route, to be operated with small jets three times a week, will link "
                "the two cities, the airline said.\n",
                "to be operated with small jets",
                C,
            ),
        ),
        needs=frozenset({"to"}),
    ),
    KindRule(
        "schedule.expected",
        "X is expected to open / be delivered: a timetable, not a guess",
        _expected_schedule,
        (
            Example("The two new stations are expected to open in the spring.\n", "stations", C),
            Example("Prices are expected to rise in the spring.\n", "Prices", None),
        ),
        needs=frozenset({"expected"}),
    ),
    KindRule(
        "schedule.publisher-future",
        "the article's own 'X will happen': a schedule it relays, unless a forecast's marks",
        _publisher_future,
        (
            Example("The final will take place on 28 March in Lisbon.\n", "final", C),
            Example("Both routes will be operated twice a week.\n", "routes", C),
            Example("The cost of the scheme will rise by a third.\n", "cost", None),
            Example("Who will the club face in the first round?\n", "club face", None),
            Example("There will be no trains on Sunday.\n", "no trains", None),
        ),
    ),
    KindRule(
        "schedule.authority-future",
        "a dated act put into effect, said by one who acts: 'flights will start on 1 July'",
        _authority_future,
        (
            Example(
                "Kestrel Air will start flying to Oslo in July, its chief executive said.\n",
                "start flying",
                C,
            ),
            Example(
                "Fuel prices will start to climb in July, an analyst at Brightline said.\n",
                "Fuel prices",
                None,
            ),
            Example(
                "Rovers announced that the club will host the county cup final.\n",
                "host the county cup",
                C,
            ),
            Example("The minister said the rebels will launch an attack.\n", "rebels", None),
            Example(
                "The studio said the film would be arriving in cinemas next spring.\n",
                "arriving in cinemas",
                C,
            ),
            Example(
                '"The first stops will be opening soon," the contractor said.\n',
                "will be opening soon",
                C,
            ),
            Example(
                "The council leader said the cabinet would vote on the land sale in January.\n",
                "vote on the land sale",
                C,
            ),
        ),
    ),
)

"""By when: which of a claim's time phrases is its due window.

The time phrases come from ``context.find_windows`` on the claim's clause; the rules
here pick the one that modifies the promised act.  Two ordered groups of named rules:

* :data:`SKIP_RULES` set a phrase aside — the past ("since June", "which opened last
  year"), a habit ("on Saturdays"), a modifier ("next year's budget"), a phrase inside a
  relative clause or a parenthesis, a phrase in a past-tense clause of its own;
* :data:`PICK_RULES` choose among the rest, as a sieve: a negated deadline ("will not
  open before next year": next year itself), the first phrase after the act's verb in
  the verb's own clause, any phrase after the verb, one before it, and last the
  condition's phrase when the claim has no other.

:func:`choose` returns the window with the name of the rule that picked it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from ..model import Grain, TimeWindow
from .due_events import EVENT_RULES
from .due_revise import REVISION_RULES, revise
from .due_types import DEADLINE_WORDS as _DEADLINE_WORDS
from .due_types import Candidate, Choice, DueContext
from .due_types import due_example as _example
from .rulebook import Rule, first

__all__ = [
    "PICK_RULES",
    "SENTENCE_RULES",
    "SKIP_RULES",
    "Candidate",
    "Choice",
    "DueContext",
    "choose",
    "from_sentence",
    "needs_sentence",
]

_VERB_BEFORE = frozenset({"to", "will", "would", "could", "may", "might", "can", "not", "'ll"})
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_RELATIVES = frozenset({"which", "who", "whose", "whom", "where"})
_PAST = frozenset({"was", "were", "had", "did", "ago", "wasn't", "weren't", "hadn't", "didn't"})
_FUTURE = frozenset({"will", "would", "shall", "'ll", "to", "going", "won't", "due", "set"})
_NEGATIONS = frozenset(
    {"not", "never", "n't", "won't", "cannot", "can't", "wouldn't", "unlikely", "no"}
)
_HEDGES = ("at least ", "at the earliest ", "no earlier than ")
_SAME_DAY = frozenset(
    {"the same day", "on the same day", "that day", "on that day", "the same date", "that date"}
)
_LATER = re.compile(
    r"^(?:(?:a|one|two|three|four|five|six|seven|ten|\d+) (?:days?|weeks?|months?) later"
    r"|(?:on )?the (?:next|following) (?:day|week|month))$"
)
_UNITS = frozenset({"minute", "hour", "day", "week", "fortnight", "month", "year", "decade"})
_CLAUSE_BREAKS = ("; ", " – ", " — ", " - ", ", but ", ", while ", ", although ", ", though ")
#: "expected to open on schedule": the schedule the article stated before.
_ON_SCHEDULE = re.compile(
    r"\b(?:on schedule|on time|as planned|as scheduled|on its original timetable)\b", re.I
)

_DAY = "The Alder Group said it would open the depot "


def _since(c: Candidate) -> bool | None:
    return c.phrase.startswith("since ") or (bool(c.before) and c.before[-1] == "since") or None


def _verb_word(c: Candidate) -> bool | None:
    # "fares to fall", "prices would spring back": verbs the time grammar may read.
    return (len(c.phrase.split()) == 1 and bool(c.before) and c.before[-1] in _VERB_BEFORE) or None


def _habit(c: Candidate) -> bool | None:
    if c.ctx.clause[c.end :].lstrip().lower().startswith("deadline"):
        return None  # "a Friday deadline" is one Friday
    words = c.phrase.split()
    before = c.before
    if (
        len(words) >= 2
        and words[-2] in {"a", "an", "every", "each"}
        and words[-1].rstrip("s") in _WEEKDAYS
    ):
        return True
    if before and before[-1] in {"a", "an", "every", "each"} and words[0] in _WEEKDAYS:
        return True
    last = words[-1] if words else ""
    return (last.endswith("s") and last[:-1] in _WEEKDAYS) or None


def _now(c: Candidate) -> bool | None:
    return c.phrase in {"now", "right now", "just now"} or None


def _modifier(c: Candidate) -> bool | None:
    clause = c.ctx.clause
    after = clause[c.end : c.end + 3]
    return (
        after[:1] in {"-", "'", "’"} or ("-" in clause[c.start : c.end] and after[:1] == " ")
    ) or None


def _relative_clause(c: Candidate) -> bool | None:
    # "the ward, which opened last year, by March": the phrase dates the ward.
    if c.ctx.verb_at >= 0 and c.start < c.ctx.verb_at:
        return None
    lo, hi = c.local()
    head = c.ctx.clause[lo : c.start].lower().split()
    if not head or head[0] not in _RELATIVES:
        return None
    # ", which will cut 400 jobs over two years": a future of its own is a plan.
    words = set(c.ctx.clause[lo:hi].lower().replace("’", "'").split())
    return not (words & _FUTURE) or None


def _parenthetical(c: Candidate) -> bool | None:
    clause = c.ctx.clause
    opened = clause.rfind("(", 0, c.start)
    if opened >= 0 and clause.find(")", opened) >= c.end:
        return True
    for dash in (" – ", " — ", " - "):
        left = clause.rfind(dash, 0, c.start)
        if left >= 0 and clause.find(dash, c.end) >= 0 and left > c.ctx.verb_at >= 0:
            return True
    return None


def _past_clause(c: Candidate) -> bool | None:
    # "The plant, shut in 2019 after a fire that was started last year, will ...":
    # a clause of its own in the past dates something else.
    lo, hi = c.local()
    if lo <= c.ctx.verb_at < hi:
        return None  # the act's own clause
    words = set(c.ctx.clause[lo:hi].lower().replace("’", "'").split())
    return (bool(words & _PAST) and not words & _FUTURE) or None


def _duration(c: Candidate) -> bool:
    words = c.phrase.split()
    return len(words) >= 2 and words[0] == "for" and words[-1].rstrip("s") in _UNITS


SKIP_RULES: tuple[Rule[Callable[[Candidate], bool | None]], ...] = (
    Rule("due.skip-since", _since, doc="'since June' is the past, never a due"),
    Rule("due.skip-verb-word", _verb_word, doc="'fares to fall': a verb, not a month"),
    Rule("due.skip-habit", _habit, doc="'on a Saturday', 'on Saturdays': a habit"),
    Rule("due.skip-now", _now, doc="'now' gives no window"),
    Rule("due.skip-modifier", _modifier, doc="'next year's budget': a modifier"),
    Rule(
        "due.skip-relative-clause",
        _relative_clause,
        doc="a phrase in ', which opened last year,' dates the noun, not the act",
    ),
    Rule("due.skip-parenthetical", _parenthetical, doc="a phrase in brackets or dashes"),
    Rule("due.skip-past-clause", _past_clause, doc="a phrase in a past clause of its own"),
)


def _negated_deadline(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    # "will not be finished before next year", "won't reopen until June": the earliest the act
    # can happen is that period itself, not the time from now until it.
    if ctx.verb_at < 0:
        return None
    for c in cands:
        if c.start < ctx.verb_at:
            continue
        words = c.phrase.split()
        if not words or words[0] not in _DEADLINE_WORDS - {"by"}:
            return None
        around = ctx.clause[max(0, ctx.verb_at - 24) : c.start].lower().replace("’", "'")
        if not any(w in _NEGATIONS or w.endswith("n't") for w in around.split()):
            return None
        rest = ctx.clause[c.start : c.end].strip()[len(words[0]) :].strip()
        for hedge in _HEDGES:
            if rest.lower().startswith(hedge):
                rest = rest[len(hedge) :]
        # "the spring" alone is no time phrase to the grammar; "in the spring" is.
        window = (ctx.reparse("in " + rest) or ctx.reparse(rest)) if rest else None
        if window is None:
            return None
        return Choice(attrs.evolve(window, text=rest), "", 0.7)
    return None


def _same_day(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    # "will also start the same day": the day the article last gave; a date in the
    # same clause ("on the same day the tunnel opens — Monday 7 April") first.
    for c in cands:
        if c.phrase not in _SAME_DAY:
            continue
        for other in cands:
            if other is not c and other.window.resolved and other.window.grain is Grain.DAY:
                return Choice(other.window, "", 0.75)
        if ctx.previous is None:
            return None
        return Choice(attrs.evolve(ctx.previous, text=c.ctx.clause[c.start : c.end]), "", 0.6)
    return None


def _breaks(text: str) -> bool:
    return any(b in text for b in _CLAUSE_BREAKS)


def _later(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    # "a friendly on 28 March and a warm-up game three days later": later than the day
    # the article gave last, not than its publication.
    last = ctx.previous
    if last is None or last.start is None or last.end is None:
        return None
    for c in cands:
        w = c.window
        if not _LATER.match(c.phrase) or w.start is None or w.end is None:
            continue
        ref = w.reference
        if ref is None:
            return None
        base = ref.replace(hour=0, minute=0, second=0, microsecond=0)
        start = last.start + (w.start - base)
        shifted = attrs.evolve(w, start=start, end=start + (w.end - w.start))
        return Choice(shifted, "", 0.6)
    return None


def _after_verb(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    # The phrase attached to the act's verb: after it, in its clause ("will close the
    # ward, which opened last year, by March").
    if ctx.verb_at < 0:
        return None
    for c in cands:
        if c.start >= ctx.verb_at:
            if _breaks(ctx.clause[ctx.verb_at : c.start]):
                return None
            return Choice(c.window, "", 0.85)
    return None


def _before_verb(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    # Else the nearest before it in its clause ("In May the firm will open the depot –
    # but the cafe will wait until June").
    if ctx.verb_at < 0:
        return None
    for c in reversed(cands):
        if c.end <= ctx.verb_at and not _breaks(ctx.clause[c.end : ctx.verb_at]):
            return Choice(c.window, "", 0.85)
    return None


def _after_break(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    for c in cands:
        if c.start >= ctx.verb_at >= 0:
            return Choice(c.window, "", 0.7)
    return None


def _first_phrase(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    return Choice(cands[0].window, "", 0.85 if ctx.verb_at < 0 else 0.7) if cands else None


def _on_schedule(cands: Sequence[Candidate], ctx: DueContext) -> Choice | None:
    # "The depot will open in May ... The cafe is expected to open on schedule": the
    # schedule is the window the article's claims gave last, while it lies ahead.
    last = ctx.last_due
    if cands or last is None or last.end is None or last.reference is None:
        return None
    m = _ON_SCHEDULE.search(ctx.clause)
    if m is None or m.start() < ctx.verb_at or last.end <= last.reference:
        return None
    return Choice(attrs.evolve(last, text=m.group(0)), "", 0.5)


PICK_RULES: tuple[Rule[Callable[[Sequence[Candidate], DueContext], Choice | None]], ...] = (
    Rule(
        "due.same-day",
        _same_day,
        (
            _example(
                "due.same-day",
                "The Kelby bridge will open on 14 April, the council said. New bus routes "
                "will launch the same day, the council said.",
                "New bus routes will launch the same day",
                "the same day",
            ),
        ),
        "'the same day', 'that day': the day the article gave last, or a date beside it",
    ),
    Rule(
        "due.later",
        _later,
        (
            _example(
                "due.later",
                "The Kelby bridge will open on 14 April, the council said. A second "
                "crossing will open three days later, the council said.",
                "A second crossing will open three days later",
                "three days later",
            ),
        ),
        "'three days later', 'the next day': after the day the article gave last",
    ),
    Rule(
        "due.negated-deadline",
        _negated_deadline,
        (
            _example(
                "due.negated-deadline",
                "The Alder Group said the depot would not open before next year.",
                "the depot would not open before next year",
                "next year",
            ),
        ),
        "'will not open before next year': next year itself",
    ),
    Rule(
        "due.after-verb",
        _after_verb,
        (
            _example(
                "due.after-verb",
                "The trust will close the ward, which opened last year, by March, the "
                "chief executive said.",
                "The trust will close the ward",
                "by March",
            ),
            _example("due.after-verb", _DAY + "in May.", "it would open the depot", "in May"),
        ),
        "the first phrase after the act's verb, in the verb's own clause",
    ),
    Rule(
        "due.before-verb",
        _before_verb,
        (
            _example(
                "due.before-verb",
                "In May the firm will open the depot, Ravi Holt said.",
                "the firm will open the depot",
                "In May",
            ),
        ),
        "the nearest phrase before the act's verb, in its clause",
    ),
    Rule("due.after-break", _after_break, doc="after the verb, past a break"),
    Rule("due.first-phrase", _first_phrase, doc="no verb known: the clause's first phrase"),
    Rule(
        "due.on-schedule",
        _on_schedule,
        (
            _example(
                "due.on-schedule",
                "The Marlow pool will reopen in July, the trust said. The gym beside it "
                "should still be finished on schedule, the trust said.",
                "should still be finished on schedule",
                "on schedule",
            ),
        ),
        "'on schedule', 'as planned' with no time of its own: the schedule the article gave last",
    ),
)


def choose(windows: Sequence[tuple[tuple[int, int], TimeWindow]], ctx: DueContext) -> Choice | None:
    """The due window among ``windows`` (spans into ``ctx.clause``), or None."""
    kept: list[Candidate] = []
    conditional: list[Candidate] = []
    every = [Candidate(ws, we, window, ctx) for (ws, we), window in windows]
    for cand in every:
        ws = cand.start
        if first(SKIP_RULES, cand) is not None:
            continue
        if ctx.condition is not None and ctx.condition[0] <= ws < ctx.condition[1]:
            conditional.append(cand)
            continue
        kept.append(cand)
    if any(not _duration(c) for c in kept):
        # "walk out for ten days next month": "for ten days" is how long, not when.
        kept = [c for c in kept if not _duration(c)]
    picked = first(PICK_RULES, kept, ctx)
    if picked is not None:
        name, choice = picked
        choice = attrs.evolve(choice, rule=name)
        choice = revise(choice, kept, every, ctx)
    elif conditional:
        # "nobody should be surprised if prices jump this spring": the condition's
        # window is the claim's only one.
        choice = Choice(conditional[0].window, "due.condition", 0.6)
    else:
        return None
    window = choice.window
    if window.vague:
        return attrs.evolve(choice, confidence=0.4)
    if not window.resolved:
        return attrs.evolve(choice, confidence=0.3)
    return choice


#: What links a claim to a time phrase before it in its sentence: "fixed for 3 March,
#: when the choir will sing ...", "by late March, at which time ...".
_ANCHORS = re.compile(r"(?:,|—|–)\s*(?:when|at which time|by which time|by then|then)\s*$", re.I)
_LEAD = re.compile(r"^\W*([^,;:]{3,40}),\s")


def needs_sentence(prefix: str, claim_head: str = "") -> bool:
    """Whether the sentence before a claim with no window of its own may give it one:
    a sentence-initial time phrase with its comma, or an anchor (", when", ", at which
    time") just before the claim.  Cheap: decides whether to read times at all."""
    if claim_head[:5].lower() == "when ":
        return True
    return bool(_ANCHORS.search(prefix) or _LEAD.match(prefix))


def from_sentence(
    prefix: str,
    windows: Sequence[tuple[tuple[int, int], TimeWindow]],
    claim_head: str,
    reparse: Callable[[str], TimeWindow | None] | None = None,
) -> Choice | None:
    """The due of a claim with no time phrase of its own, from the part of its sentence
    before it (``prefix``, read into ``windows``): the phrase an anchor points back to
    ("fixed for 3 March, when the choir will sing ...": 3 March; "by late March, at
    which time": late March), else a time phrase opening the sentence, which scopes over
    every clause after it ("On 14 November the library will shut, and lending will stop")."""
    anchored = _ANCHORS.search(prefix) or claim_head.lower().startswith("when ")
    if anchored and windows:
        (ws, we), window = windows[-1]
        if not prefix[we:].strip(" ,—–").lower() or _ANCHORS.match(prefix[we:]):
            # "by late March, at which time": the time is late March, not the run-up to it.
            phrase = prefix[ws:we].strip()
            first_word, _, rest = phrase.partition(" ")
            if reparse is not None and rest and first_word.lower() in _DEADLINE_WORDS:
                # "by early June, when the fleet is ready": June, as "by early June" runs to its end
                core = rest[6:] if rest.lower().startswith("early ") else rest
                point = reparse("in " + core) or reparse(core)
                if point is not None:
                    window = attrs.evolve(point, text=rest)
            return Choice(window, "due.anchor", 0.6)
    lead = _LEAD.match(prefix)
    if lead and windows:
        (ws, we), window = windows[0]
        if ws <= lead.start(1) + 3 and we >= lead.end(1) - 1:
            return Choice(window, "due.sentence-lead", 0.6)
    return None


#: The revisions of a picked window (see :mod:`.due_revise`) and the sentence's own
#: rules (see :func:`from_sentence`).
SENTENCE_RULES: tuple[Rule[Callable[..., Choice | None]], ...] = (
    *REVISION_RULES,
    *EVENT_RULES,
    Rule(
        "due.anchor",
        from_sentence,
        (
            _example(
                "due.anchor",
                "The choir has confirmed its move to the new hall, fixed for 3 March, when "
                "the choir will perform its spring concert.",
                "when the choir will perform its spring concert",
                "for 3 March",
            ),
            _example(
                "due.anchor",
                "The agency will survey all 40 dams by late March, at which time some "
                "gates will start to be replaced with steel ones.",
                "some gates will start to be replaced",
                "late March",
            ),
        ),
        "', when ...', ', at which time ...': the time phrase the anchor points back to",
    ),
    Rule(
        "due.sentence-lead",
        from_sentence,
        (
            _example(
                "due.sentence-lead",
                "On 14 November, the town library will shut its doors, and the lending of "
                "books in the valley will stop.",
                "the lending of books in the valley will stop",
                "On 14 November",
            ),
        ),
        "a time phrase opening the sentence scopes over every clause after it",
    ),
)

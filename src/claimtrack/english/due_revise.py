"""Due rules that revise the window picked: a deadline noun ("sets Friday deadline"), a
weekday naming the publication day, two joined dates, a deadline whose event is dated
beside it.  :func:`revise` applies them in order; each names itself in the claim."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import timedelta

import attrs

from ..model import Grain
from .due_types import DEADLINE_WORDS, Candidate, Choice, DueContext, due_example
from .rulebook import Rule

__all__ = ["REVISION_RULES", "revise"]

_WEEKDAY_ONLY = re.compile(
    r"^(?:on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I
)


def _as_deadline(choice: Choice, kept: Sequence[Candidate], ctx: DueContext) -> Choice:
    # "sets a Friday deadline": the time runs from now to the end of that day.
    for c in kept:
        if c.window is choice.window and ctx.clause[c.end :].lstrip().lower().startswith(
            "deadline"
        ):
            w = c.window
            if w.reference is not None and w.start is not None and w.start > w.reference:
                return attrs.evolve(
                    choice, window=attrs.evolve(w, start=w.reference), rule="due.deadline-noun"
                )
    return choice


def _today_by_weekday(choice: Choice, kept: Sequence[Candidate], ctx: DueContext) -> Choice:
    # "the ship would be moved on Wednesday" in a Wednesday story: news names today by
    # its weekday (bench convention), so a bare weekday that is the publication's own
    # day is that day, not the same weekday a week on ("next Wednesday" is that).
    w = choice.window
    ref = w.reference
    if ref is None or w.start is None or w.end is None or w.grain is not Grain.DAY:
        return choice
    for c in kept:
        if c.window is not w:
            continue
        m = _WEEKDAY_ONLY.match(c.phrase)
        if m is None or w.start.weekday() != ref.weekday() or w.start.date() <= ref.date():
            return choice
        if (w.start.date() - ref.date()).days != 7:
            return choice
        week = timedelta(days=7)
        return attrs.evolve(
            choice,
            window=attrs.evolve(w, start=w.start - week, end=w.end - week),
            rule="due.today-by-weekday",
        )
    return choice


def _joined(choice: Choice, kept: Sequence[Candidate], ctx: DueContext) -> Choice:
    # "will be held in two phases on 16 April and 23 April": one act on two dates of one
    # grain is due over both (first start to last end).
    w = choice.window
    if w.start is None or w.end is None:
        return choice
    for k, c in enumerate(kept[:-1]):
        if c.window is not w:
            continue
        nxt = kept[k + 1]
        o = nxt.window
        between = ctx.clause[c.end : nxt.start]
        if between not in (" and ", ", and ") or o.grain is not w.grain:
            return choice
        if o.start is None or o.end is None or o.start < w.end:
            return choice
        text = ctx.clause[c.start : nxt.end].strip()
        joined = attrs.evolve(w, end=o.end, text=text)
        return attrs.evolve(choice, window=joined, rule="due.joined-dates")
    return choice


_DATED_BY = re.compile(
    r"[\"”’']?,? (?:which|that) (?:begins|starts|opens|falls|is due to (?:begin|start)) (?=on |in )",
    re.I,
)


def _dated_anchor(choice: Choice, cands: Sequence[Candidate], ctx: DueContext) -> Choice:
    # "by the summer recess, which begins on 21 July": the event's own date, given
    # beside it, ends the deadline (the recess starts on 21 July).
    w = choice.window
    if w.reference is None or w.start != w.reference:
        return choice  # only a deadline running from now
    for k, c in enumerate(cands[:-1]):
        if c.window is not w:
            continue
        words = c.phrase.split()
        if not words or words[0] not in DEADLINE_WORDS | {"ahead"}:
            return choice
        m = _DATED_BY.match(ctx.clause, c.end)
        nxt = cands[k + 1]
        if m is None or nxt.start != c.end + m.end() - m.start():
            return choice
        o = nxt.window
        if o.start is None or o.start <= w.reference:
            return choice
        return attrs.evolve(choice, window=attrs.evolve(w, end=o.start), rule="due.dated-anchor")
    return choice


_BY_EARLY = re.compile(r"^(?:by|before|until|till) (?:the )?(?:early|earlier)[- ](.+)$", re.I)


def _by_early(choice: Choice, kept: Sequence[Candidate], ctx: DueContext) -> Choice:
    # "by early May": a deadline that runs to the end of May (the settled reading: the
    # early part names when, the month bounds the deadline).
    w = choice.window
    if w.reference is None or w.start != w.reference or w.end is None:
        return choice
    m = _BY_EARLY.match((w.text or "").strip())
    if m is None:
        return choice
    period = ctx.reparse("in " + m.group(1)) or ctx.reparse(m.group(1))
    if period is None or period.end is None or period.end <= w.end:
        return choice
    widened = attrs.evolve(w, end=period.end, grain=period.grain)
    return attrs.evolve(choice, window=widened, rule="due.by-early")


_NEGATED = frozenset({"not", "never", "unlikely", "cannot", "no"})
_BEFORE_NAMED = re.compile(
    r"\b(before|by|until|till|ahead of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:of\s+)?$", re.I
)


def _before_named(choice: Choice, kept: Sequence[Candidate], ctx: DueContext) -> Choice:
    # "before the holy month of Ramadan": a deadline that ends when the month begins,
    # not the month itself (the grammar read only "Ramadan").
    w = choice.window
    ref = w.reference
    if ref is None or w.start is None or w.end is None or w.start <= ref:
        return choice
    if choice.rule == "due.negated-deadline":
        return choice  # "will not open until at least June": June itself, as it stands
    for c in kept:
        if c.window is not w:
            continue
        words = c.phrase.split()
        if not words or words[0] in DEADLINE_WORDS | {"ahead"}:
            return choice  # "before March": the grammar read the deadline already
        lo = max(0, c.start - 48)
        m = _BEFORE_NAMED.search(ctx.clause[lo : c.start])
        if m is None:
            return choice
        ahead = ctx.clause[max(0, c.start - 80) : lo + m.start()].lower().replace("’", "'")
        if any(w in _NEGATED or w.endswith("n't") for w in ahead.split()):
            return choice  # "will not open until at least June": June itself
        end = w.end if m.group(1).lower() in {"by", "until", "till"} else w.start
        text = ctx.clause[lo + m.start() : c.end]
        deadline = attrs.evolve(w, start=ref, end=end, text=text.strip())
        return attrs.evolve(choice, window=deadline, rule="due.before-named")
    return choice


def revise(
    choice: Choice, kept: Sequence[Candidate], every: Sequence[Candidate], ctx: DueContext
) -> Choice:
    """The picked window after the revision rules (``every``: all the clause's phrases,
    skipped ones too, for a date given beside the deadline's event)."""
    choice = _as_deadline(choice, kept, ctx)
    choice = _today_by_weekday(choice, kept, ctx)
    choice = _joined(choice, kept, ctx)
    choice = _by_early(choice, kept, ctx)
    choice = _before_named(choice, kept, ctx)
    return _dated_anchor(choice, every, ctx)


#: The revisions as named rules with their examples.
REVISION_RULES: tuple[Rule[Callable[..., Choice | None]], ...] = (
    Rule(
        "due.before-named",
        _before_named,
        (
            due_example(
                "due.before-named",
                "The council said the market would reopen before the festive season of Christmas.",
                "the market would reopen before the festive season of Christmas",
                "before the festive season of Christmas",
            ),
        ),
        "'before the holy month of Ramadan': from now until the month begins",
    ),
    Rule(
        "due.by-early",
        _by_early,
        (
            due_example(
                "due.by-early",
                "The agency will inspect every dam by early April, the minister said.",
                "The agency will inspect every dam by early April",
                "by early April",
            ),
        ),
        "'by early May': from now to the end of May",
    ),
    Rule(
        "due.dated-anchor",
        _dated_anchor,
        (
            due_example(
                "due.dated-anchor",
                "The council will publish the audit before the autumn recess, which "
                "begins on 20 October, the leader said.",
                "The council will publish the audit before the autumn recess",
                "before the autumn recess",
            ),
        ),
        "'by the recess, which begins on 21 July': the deadline ends on the date given",
    ),
    Rule(
        "due.joined-dates",
        _joined,
        (
            due_example(
                "due.joined-dates",
                "The referendum will be held in two rounds on 4 May and 18 May, the "
                "commission said.",
                "The referendum will be held in two rounds on 4 May and 18 May",
                "on 4 May and 18 May",
            ),
        ),
        "'on 4 May and 18 May': one act on two dates is due over both",
    ),
    Rule(
        "due.today-by-weekday",
        _today_by_weekday,
        (
            due_example(
                "due.today-by-weekday",
                "The ferry would be towed out of the harbour on Wednesday, the port "
                "authority said.",
                "The ferry would be towed out of the harbour on Wednesday",
                "on Wednesday",
            ),
        ),
        "'on Wednesday' in a Wednesday story: news names today by its weekday",
    ),
    Rule(
        "due.deadline-noun",
        _as_deadline,
        (
            due_example(
                "due.deadline-noun",
                "Union sets Friday deadline for pay talks\n\nStaff will strike next month, "
                "the union said.",
                "Union sets Friday deadline",
                "Friday",
            ),
        ),
        "'a Friday deadline': from now to the end of Friday",
    ),
)

"""Readings of a report sentence for a promise: where its act shows (or, failing that,
what it is on, one of the names it lists, its condition), with the cues around it,
when and where the sentence puts it, and the parts of the promise each reading matches
(the act, the place; :class:`~.confidence.Part`).  :mod:`.rules` decides what a
reading says; :mod:`.checker` puts it together."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime

import attrs

from ..model import TimeWindow
from .confidence import Part
from .identity import another_one, meant_for_another, name_parts
from .lexicon import ACTS, STOPWORDS
from .places import place_fit, places_in
from .promise import ActView, PromiseView
from .reading import DETERMINERS, CueHit, Mention, clause_of, find_cues, find_mentions
from .reports import ReportSentence
from .rules import Reading
from .text import Tok, stem

__all__ = [
    "act_readings",
    "amounts",
    "condition_readings",
    "item_readings",
    "plan_dropped",
    "theme_readings",
    "time_part",
]

#: A reading, a note of what it rests on, and the parts of the promise it matches.
Found = Iterator[tuple[Reading, str, tuple[Part, ...]]]


def _nearest(
    windows: Sequence[tuple[tuple[int, int], TimeWindow]], at: int, published: datetime
) -> TimeWindow | None:
    best: tuple[int, TimeWindow] | None = None
    for (start, end), w in windows:
        assert w.start is not None
        if w.start > published:
            continue  # a report of the past cannot date its event after itself
        distance = 0 if start <= at < end else min(abs(at - start), abs(at - end))
        if best is None or distance < best[0]:
            best = (distance, w)
    return None if best is None else best[1]


def _new_date(rs: ReportSentence, lo: int, hi: int, due: TimeWindow | None) -> TimeWindow | None:
    if due is None or due.end is None:
        return None
    toks = rs.sentence.toks
    a = toks[lo].start if lo < len(toks) else 0
    b = toks[hi - 1].end if 0 < hi <= len(toks) else len(rs.sentence.text)
    for (start, _end), w in rs.open_windows:
        assert w.end is not None
        if a <= start <= b + 40 and w.end > due.end:
            return w
    return None


_AMOUNT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|billion|thousand|bn|m|k)?\s+([A-Za-z][\w'’-]*)",
    re.I,
)
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def amounts(text: str) -> dict[str, float]:
    """Quantities with what they count: "300,000 homes" -> {"home": 300000.0} (by
    stem).  Years and dates are not quantities."""
    out: dict[str, float] = {}
    for m in _AMOUNT.finditer(text):
        number, scale, unit = m.groups()
        if unit.lower() in STOPWORDS or unit[:1].isupper():
            continue
        out[stem(unit.lower())] = float(number.replace(",", "")) * _SCALE.get(
            (scale or "").lower(), 1.0
        )
    return out


def _shortfall(promised: str, reported: str) -> str | None:
    want, got = amounts(promised), amounts(reported)
    for unit, n in want.items():
        if unit in got and got[unit] < n:
            return f"{got[unit]:,.0f} of {n:,.0f}"
    return None


def act_readings(view: PromiseView, act: ActView, rs: ReportSentence) -> Found:
    """Each mention of ``act`` in ``rs``, read."""
    sent = rs.sentence
    published = rs.report.published_at
    if "places" not in rs.memo:
        rs.memo["places"] = places_in(sent.toks, sent.text)
    said, stated = rs.memo["places"]
    place, place_note = place_fit(act.places, said, stated)
    key = ("mentions", act.classes, act.verb)
    if key not in rs.memo:
        rs.memo[key] = find_mentions(
            sent.toks, sent.text, act.classes, act.verb, headline=sent.headline
        )
    for mention in rs.memo[key]:
        cue_hits = find_cues(sent.toks, sent.text, mention, headline=sent.headline)
        at = sent.toks[mention.index].start
        happened = _nearest(rs.past_windows, at, published) if mention.tense == "past" else None
        lo, hi = clause_of(sent.toks, sent.text, mention.index)
        short = _shortfall(" ".join(c.text for c in view.mentions), sent.text)
        reading = Reading(
            mention=mention,
            cues=tuple(cue_hits),
            published=published,
            since=view.since,
            due=view.due,
            happened=happened,
            new_date=_new_date(rs, lo, hi, view.due),
            place=place,
            first=act.first,
            partial=short is not None or any(c.group == "partial" for c in cue_hits),
            # An act of no known kind under way is in progress, not done.
            event_act=any(ACTS[c].kind == "event" for c in mention.classes or act.classes),
            plan_dropped=plan_dropped(sent.toks, cue_hits),
        )
        if place == "unstated" and act.first:
            continue  # where it starts is the promise: a report that does not say is none
        grade = "the promised verb" if not mention.classes else "a verb of its class"
        if mention.form == "noun":
            grade = "an event noun"
        notes = [f"act {mention.how}", place_note, short or ""]
        if happened is not None:
            notes.append(f"dated {happened.start:%d %b %Y}")
        elif mention.tense == "past":
            notes.append(f"reported {published:%d %b %Y}")
        parts = (Part("act", grade, mention.how), Part("place", place, place_note))
        yield reading, "; ".join(n for n in notes if n), parts


_NEGATIVE_GROUPS = ("postpone", "cancel", "decline", "reverse", "stall")


_PLANS = frozenset(["plan", "plans", "proposal", "proposals", "pledge", "promise", "bid"])


def plan_dropped(toks: Sequence[Tok], cues: Sequence[CueHit]) -> bool:
    """Whether a cue of cancelling acts on a plan of the promiser's: "has dropped its
    plan to", "scrapped plans for"."""
    for c in cues:
        if c.group != "cancel":
            continue
        end = c.index + len(c.text.split())
        if any(t.low in _PLANS for t in toks[end : end + 3]):
            return True
    return False


_PASSIVE_AUX = frozenset(["was", "were", "is", "are", "has", "have", "had", "been", "be"])
_BEFORE_OBJECT = DETERMINERS | {"of", "both", "all", "its", "their", "his", "her", "our", "plan"}


def _object_of(toks: Sequence[Tok], cue: CueHit, k: int, act: ActView) -> bool:
    # The theme word at k is what the cue acts on: between them only determiners,
    # names and words of the theme ("cancelled both of its concerts", "has scrapped the
    # Riverside festival"), not another thing ("postponed the vote on the schools bill").
    if cue.index > k:
        # Or its subject, the cue's auxiliary right before it: "the pay offer was
        # rejected", "work on the skate park at Ferry Meadow has stalled".
        after = toks[k + 1 : cue.index]
        return (
            bool(after)
            and after[-1].low in _PASSIVE_AUX
            and all(
                t.low in _PASSIVE_AUX
                or t.low in DETERMINERS
                or t.low in {"at", "in", "on", "of"}
                or t.is_cap
                or t.stem in act.theme
                for t in after
            )
        )
    between = toks[cue.index + len(cue.text.split()) : k]
    return all(
        t.low in _BEFORE_OBJECT or t.is_cap or t.stem in act.theme or t.low.endswith("'s")
        for t in between
    )


def theme_readings(view: PromiseView, act: ActView, rs: ReportSentence) -> Found:
    """What the act is on, as the object of a cue that it will not happen."""
    # "The council has cancelled the music festival": no word of the act, but what it
    # is on stands as the object of a cue that it will not happen.
    sent = rs.sentence
    toks = sent.toks
    for k, t in enumerate(toks):
        if t.stem not in act.theme or t.is_cap:
            continue
        pseudo = Mention(k, k + 1, "theme", frozenset(), "none", False, f'"{t.text}"')
        hits = [
            h
            for h in find_cues(toks, sent.text, pseudo, headline=sent.headline, reach=5)
            if h.group in _NEGATIVE_GROUPS and _object_of(toks, h, k, act)
        ]
        if hits:
            place, place_note = place_fit(act.places, *places_in(toks, sent.text))
            reading = Reading(
                mention=pseudo,
                cues=tuple(hits),
                published=rs.report.published_at,
                since=view.since,
                due=view.due,
                place=place,
                plan_dropped=plan_dropped(toks, hits),
            )
            parts = (Part("act", "not named", hits[0].text), Part("place", place, place_note))
            yield reading, f'act not named; "{hits[0].text}" the {t.text}', parts
            return


def item_readings(view: PromiseView, rs: ReportSentence) -> Found:
    """One of the names the promise lists, reported delayed or not ready."""
    # "Bexley station is delayed": one of the names the promise lists is left out.
    sent = rs.sentence
    lows = [t.low for t in sent.toks]
    named = [name for name in view.act.items if _has_words(lows, name.split())]
    if not named or len(named) == len(view.act.items):
        return
    for name in named:
        k = next(i for i in range(len(lows)) if lows[i : i + len(name.split())] == name.split())
        pseudo = Mention(k, k + len(name.split()), "item", frozenset(), "none", False, f'"{name}"')
        hits = find_cues(sent.toks, sent.text, pseudo, headline=sent.headline, reach=8)
        groups = {h.group for h in hits if not h.negated and h.tense != "future"}
        ready = any(t.low == "ready" for t in sent.toks) and "not" in lows
        if groups & {"postpone", "miss"} or ready:
            reading = Reading(
                mention=pseudo,
                cues=tuple(hits),
                published=rs.report.published_at,
                since=view.since,
                due=view.due,
                item=name,
            )
            note = f"{name} is one of {len(view.act.items)} the promise lists"
            yield reading, note, (Part("act", "a listed name", name),)


def _has_words(lows: Sequence[str], words: Sequence[str]) -> bool:
    n = len(words)
    return any(list(lows[i : i + n]) == list(words) for i in range(len(lows) - n + 1))


def _names(view: PromiseView, rs: ReportSentence) -> tuple[Part, ...]:
    # Where the promise's names stand, or that they are absent.
    return name_parts(view, rs) or ((Part("name", "absent"),) if view.anchors else ())


def condition_readings(view: PromiseView, rs: ReportSentence) -> Found:
    """The promise's condition reported met or failed."""
    cond = view.condition
    if cond is None:
        return
    sent = rs.sentence
    if another_one(sent.toks, cond.theme):
        return  # "a separate pay deal was signed"
    own = view.act.theme | view.act.nouns | view.anchors | view.title_anchors
    if meant_for_another(sent.toks, cond.theme, own):
        return  # "a subsidy for a steelworks was approved"
    if not cond.classes:
        # A nominal condition ("in the event of a peace deal"): all its nouns, with a
        # verb saying it happened or failed.
        if not cond.theme <= sent.stems:
            return
        pseudo = Mention(0, 0, "noun", frozenset(), "none", False, "the condition's words")
        hits = find_cues(sent.toks, sent.text, pseudo, headline=sent.headline, reach=len(sent.toks))
        happened = [h for h in hits if h.group in {"met", "failed"} and h.tense == "past"]
        if not happened:
            return
        mention = attrs.evolve(pseudo, tense="past", negated=happened[0].negated)
        reading = Reading(mention, tuple(hits), rs.report.published_at, view.since, None)
        theme = Part("theme", "whole" if len(cond.theme) >= 2 else "named")
        parts = (Part("act", "the condition's act", "its words"), theme, *_names(view, rs))
        yield reading, "", parts
        return
    if cond.theme and not cond.theme & sent.stems:
        return
    shared = cond.theme & sent.stems
    grade = "whole" if len(cond.theme) >= 2 and shared == cond.theme else "named"
    theme_part = (Part("theme", grade, ", ".join(sorted(shared))),) if shared else ()
    for mention in find_mentions(
        sent.toks, sent.text, cond.classes, cond.verb, headline=sent.headline
    ):
        hits = find_cues(sent.toks, sent.text, mention, headline=sent.headline)
        yield (
            Reading(mention, tuple(hits), rs.report.published_at, view.since, None),
            f"act {mention.how}",
            (Part("act", "the condition's act", mention.how), *theme_part, *_names(view, rs)),
        )


def time_part(reading: Reading) -> Part:
    """What the sentence's time says of which event it is: dated inside the window,
    dated outside it, published inside it, or nothing."""
    if reading.happened is not None:
        inside = reading.due is not None and reading.timing == "in"
        return Part("time", "dated in the window" if inside else "dated")
    if reading.due is not None and reading.mention.tense == "past" and reading.in_window:
        return Part("time", "reported in the window")
    return Part("time", "undated")

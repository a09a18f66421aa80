"""The built-in checker: reads later reports for evidence that an open promise was
kept, or was not.

For a promise (:class:`~.promise.PromiseView`) it reads only the sentences of reports
published after the promise and by ``as_of`` that carry one of its names (the report
index, :mod:`.reports`, built once per check), and in each:

1. **is it about this promise?**  Its act shows (:mod:`.reading`: "met" for "convene",
   "talks were held", "began vaccinations"); no one else stands where the actor should
   ("the mayor of Bexley" for "the mayor of Ashford"); what the act is on is named in the
   sentence, or in the sentences it leans on when it says "it", "the campaign"; a name
   of the promise is in the sentence, its headline or the sentences before;
2. **where and when?**  its places against the promise's (:mod:`.places`); its time
   phrases, read as the past of its publication, against the due window;
3. **what became of it?**  the first verdict rule that applies (:mod:`.rules`) decides;
   its name, the sentence and a confidence go into the evidence.

A report yields at most one final verdict per promise: its most confident reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone

import attrs

from ..model import Claim, Evidence, RecorderKind, TimeWindow, Verdict
from ..store import StoreView
from .actors import find_actor, other_actor
from .lexicon import ACTS, STOPWORDS, phrase_key, place_key
from .places import place_fit, places_in
from .promise import ActView, PromiseView, promise_mentions
from .reading import DETERMINERS, Mention, find_cues, find_mentions
from .reports import ReportIndex, ReportSentence, name_anchor, related, report_index
from .rules import CONDITION_RULES, RULES, Reading, Rule, decide
from .text import Tok, stem

__all__ = [
    "CHECKER",
    "MIN_CONFIDENCE",
    "Finding",
    "check_commitment",
    "check_promise",
    "promise_mentions",
    "recorded_by",
]

#: The name evidence from this checker is recorded under (with the version).
CHECKER = "claimtrack.checker"
#: Findings below this confidence are not recorded.
MIN_CONFIDENCE = 0.3
_PRONOUNS = frozenset(["they", "he", "she", "we", "it", "this", "these"])
_ANAPHORIC_HEADS = frozenset(
    stem(w)
    for w in [
        "campaign",
        "programme",
        "program",
        "project",
        "scheme",
        "service",
        "plan",
        "operation",
        "line",
        "work",
        "works",
        "event",
    ]
)


def recorded_by() -> str:
    """``claimtrack.checker <version>``."""
    from .. import __version__

    return f"{CHECKER} {__version__}"


@attrs.frozen
class Finding:
    """What one report sentence says of a promise, by which rule, how sure."""

    rule: Rule
    verdict: Verdict
    confidence: float
    where: ReportSentence
    happened_at: datetime | None
    note: str


# -- is it about this promise? ---------------------------------------------------------


def _keys(stems: frozenset[str]) -> frozenset[str]:
    return frozenset(name_anchor(s) for s in stems)


def _names(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    # Runs of capitalised words ("Harbour Street", "MV Saint Kilda") as token ranges.
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        if toks[k].is_cap and toks[k].low not in STOPWORDS:
            j = k
            while j < len(toks) and toks[j].is_cap and toks[j].low not in STOPWORDS:
                j += 1
            out.append((k, j))
            k = j
        else:
            k += 1
    return out


def _theme_in(
    view: PromiseView, toks: Sequence[Tok], *, nouns: bool, skip: range = range(0)
) -> set[str]:
    """The promise's theme words in ``toks`` (with its event nouns when ``nouns``: "the
    vaccinations" before "the campaign began"), leaving out the tokens in ``skip``.  A
    word of a name counts only when the name ends as the promise's does: "Harbour
    Street" is not "Harbour Bridge"."""
    theme = view.act.theme | (view.act.nouns if nouns else frozenset())
    promise_names = _promise_names(view)
    found: set[str] = set()
    runs = _names(toks)
    for k, t in enumerate(toks):
        if t.stem not in theme or k in skip:
            continue
        run = next(((a, b) for a, b in runs if a <= k < b), None)
        if run is not None and run[1] - run[0] > 1:
            last = toks[run[1] - 1].stem
            mine = [n for n in promise_names if t.stem in n]
            if mine and not any(n[-1] == last or last in n for n in mine):
                continue
        found.add(t.stem)
    return found


def _promise_names(view: PromiseView) -> list[tuple[str, ...]]:
    from .text import tokens

    out: list[tuple[str, ...]] = []
    for claim in view.mentions:
        toks = tokens(claim.text)
        out += [tuple(t.stem for t in toks[a:b]) for a, b in _names(toks)]
    return out


def _anaphoric(toks: Sequence[Tok], at: int) -> bool:
    # The act's subject or object is "it", "they", "the campaign", "the line": what
    # it is about is in the sentences before.
    window = toks[max(0, at - 4) : at + 4]
    return any(t.low in _PRONOUNS or t.stem in _ANAPHORIC_HEADS for t in window)


def _name_before(toks: Sequence[Tok], at: int, view: PromiseView) -> bool:
    mine = view.anchors | view.title_anchors
    return any(
        t.is_cap and t.low not in STOPWORDS and not any(related(t.stem, n) for n in mine)
        for t in toks[:at]
    )


#: Words a report uses for whoever is in charge, whoever promised.
_STAND_INS = frozenset(
    ["officials", "authorities", "organisers", "organizers", "leaders", "bosses"]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "on",
        "from",
        "of",
        "for",
        "with",
        "by",
        "to",
        "into",
        "near",
        "over",
        "under",
        "after",
        "before",
        "during",
    ]
)
_VERBISH = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "did",
        "does",
        "do",
        "said",
        "says",
    ]
)


def _subject_head(toks: Sequence[Tok], at: int) -> Tok | None:
    # The head of the noun phrase that opens the sentence, when the act follows it:
    # "The Eastfield Gas Plant in Fenshire has closed" -> "Plant".
    k = 0
    while k < at and toks[k].low in DETERMINERS:
        k += 1
    head: Tok | None = None
    while k < at and toks[k].low not in _PREPOSITIONS and toks[k].low not in _VERBISH:
        head = toks[k]
        k += 1
    return head if head is not None and k <= at else None


def _by_another(toks: Sequence[Tok], at: int) -> bool:
    # A passive's "by" phrase after the act, naming someone (the actor was not found).
    for k in range(at + 1, min(len(toks) - 1, at + 4)):
        if toks[k].low == "by":
            nxt = toks[k + 1]
            return nxt.low == "the" or nxt.is_cap
    return False


def _identity(
    view: PromiseView, rs: ReportSentence, mention: Mention | None
) -> tuple[float, str] | None:
    toks = rs.sentence.toks
    if view.actor is not None:
        other = other_actor(view.actor, toks)
        if other is not None:
            return None
    found = find_actor(view.actor, toks) if view.actor is not None else None
    span = range(mention.index, mention.end) if mention is not None else range(0)
    theme_here = _theme_in(view, toks, nouns=False, skip=span)
    needs_theme = bool(view.act.theme) and not view.act.object_free
    context_theme: set[str] = set()
    if not theme_here:
        for s in rs.context:
            context_theme |= _theme_in(view, s.toks, nouns=True)
    # A promise that names someone or something must be named: "Ashford" for the mayor
    # of Ashford's bridge (its source's headline may name it instead).
    # All of a theme of two words or more ("the minerals deal") is as good as a name.
    # Not when a name stands before the act ("Bexley council cancelled the new bridge"):
    # that is someone else's.
    whole_theme = (
        len(view.act.theme) >= 2
        and view.act.theme <= rs.sentence.stems
        and not _name_before(toks, mention.index if mention is not None else len(toks), view)
    )
    if view.anchors and not whole_theme and not rs.names_any(view.anchors | view.title_anchors):
        return None
    if needs_theme and not theme_here:
        at = mention.index if mention is not None else 0
        if not (context_theme and _anaphoric(toks, at)):
            return None
    if found is not None:
        score, _at, how = found
        return score, f"actor {how}"
    at = mention.index if mention is not None else 0
    if view.actor is not None and any(t.low in _PRONOUNS for t in toks[max(0, at - 3) : at]):
        # "They met on Thursday." after a sentence naming them.
        for s in reversed(rs.context):
            before = find_actor(view.actor, s.toks)
            if before is not None:
                return before[0] * 0.75, f"actor {before[2]} in a sentence before"
    if _by_another(toks, at):
        return None  # "was published by the Senate": someone else did it
    head = _subject_head(toks, at)
    if (
        view.actor is not None
        and head is not None
        and head.stem not in view.act.theme
        and head.low.endswith("s")
        and not head.low.endswith("ss")
        and head.low not in _PRONOUNS
        and head.low not in _STAND_INS
    ):
        return None  # "Military chiefs gathered" is no report of what planners promised
    if theme_here:
        return 0.7, f"what was promised named ({', '.join(sorted(theme_here))}); actor implied"
    if context_theme:
        return 0.65, f"what was promised named just before ({', '.join(sorted(context_theme))})"
    if not needs_theme and view.act.object_free and view.actor is None:
        return 0.6, "actor unknown"
    return None


# -- readings ---------------------------------------------------------------------------


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


def _readings(
    view: PromiseView, act: ActView, rs: ReportSentence
) -> Iterator[tuple[Reading, str, float]]:
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
        from .reading import clause_of

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
            event_act=any(ACTS[c].kind == "event" for c in mention.classes)
            if mention.classes
            else True,
        )
        weight = 1.0 if mention.form == "verb" and mention.classes == frozenset() else 0.9
        if mention.form == "noun":
            weight = 0.85
        notes = [f"act {mention.how}", place_note, short or ""]
        if happened is not None:
            notes.append(f"dated {happened.start:%d %b %Y}")
        elif mention.tense == "past":
            notes.append(f"reported {published:%d %b %Y}")
        yield reading, "; ".join(n for n in notes if n), weight * _place_weight(place, act)


_NEGATIVE_GROUPS = ("postpone", "cancel", "decline", "reverse")


def _theme_readings(
    view: PromiseView, act: ActView, rs: ReportSentence
) -> Iterator[tuple[Reading, str, float]]:
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
            if h.group in _NEGATIVE_GROUPS and h.index < k
        ]
        if hits:
            reading = Reading(
                mention=pseudo,
                cues=tuple(hits),
                published=rs.report.published_at,
                since=view.since,
                due=view.due,
                place=place_fit(act.places, *places_in(toks, sent.text))[0],
            )
            yield reading, f'act not named; "{hits[0].text}" the {t.text}', 0.8
            return


def _place_weight(place: str, act: ActView) -> float:
    if place == "unstated":
        return 0.0 if act.first else 0.85
    return {"vaguer": 0.8, "unknown": 0.7}.get(place, 1.0)


def _item_readings(view: PromiseView, rs: ReportSentence) -> Iterator[tuple[Reading, str, float]]:
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
            yield reading, f"{name} is one of {len(view.act.items)} the promise lists", 0.9


def _has_words(lows: Sequence[str], words: Sequence[str]) -> bool:
    n = len(words)
    return any(list(lows[i : i + n]) == list(words) for i in range(len(lows) - n + 1))


def _condition_readings(
    view: PromiseView, rs: ReportSentence
) -> Iterator[tuple[Reading, str, float]]:
    cond = view.condition
    if cond is None:
        return
    sent = rs.sentence
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
        yield Reading(mention, tuple(hits), rs.report.published_at, view.since, None), "", 0.9
        return
    if cond.theme and not cond.theme & sent.stems:
        return
    for mention in find_mentions(
        sent.toks, sent.text, cond.classes, cond.verb, headline=sent.headline
    ):
        hits = find_cues(sent.toks, sent.text, mention, headline=sent.headline)
        yield (
            Reading(mention, tuple(hits), rs.report.published_at, view.since, None),
            f"act {mention.how}",
            0.9,
        )


# -- putting it together ----------------------------------------------------------------


def _anchors(view: PromiseView) -> frozenset[str]:
    anchors = set(view.anchors | view.title_anchors)
    if not view.anchors:
        # No name in the promise: the actor's words, the theme and the act's own words
        # must carry the search.
        anchors |= view.act.triggers | view.act.nouns
        if view.condition is not None:
            anchors |= view.condition.triggers | view.condition.theme
        if view.actor is not None:
            anchors |= {s for p in view.actor.phrases for s in p}
            if view.actor.head:
                anchors.add(view.actor.head)
        anchors |= view.act.theme
    if view.act.places:
        from .lexicon import _CONTAINED_IN

        keys = {place_key(p.key) for p in view.act.places}
        # Places known to lie inside the promised ones ("Northwood" for "the UK").
        for inner in _CONTAINED_IN:
            from .lexicon import within

            if any(within(inner, k) for k in keys):
                anchors |= set(phrase_key(inner))
    named = view.anchors | view.title_anchors
    return frozenset((anchors - STOPWORDS - named) | _keys(frozenset(named - STOPWORDS)))


def check_promise(view: PromiseView, index: ReportIndex) -> list[Finding]:
    """Per report, the most confident final finding about ``view`` (and the most
    confident interim one, when no final), from the reports in ``index``."""
    triggers = view.act.triggers | view.act.nouns
    cond_triggers = (
        (view.condition.triggers | view.condition.theme) if view.condition else frozenset()
    )
    item_words = {w for name in view.act.items for w in name.split()}
    best: dict[tuple[str, bool], Finding] = {}
    anchors = _anchors(view)
    if len(view.act.theme) >= 2:
        # A report naming the whole theme may name no one: find it by its rarest word,
        # when that word is rare enough to tell one promise from another.
        rarest = min(sorted(view.act.theme), key=index.frequency)
        if index.frequency(rarest) <= max(20, index.sentence_count // 200):
            anchors |= {rarest}
    for rs in index.candidates(anchors, view.since, skip=view.source_ids):
        stems = rs.sentence.stems
        readings: list[tuple[Reading, str, float, tuple[Rule, ...]]] = []
        if stems & triggers and view.act.verb is not None:
            readings += [(r, n, w, RULES) for r, n, w in _readings(view, view.act, rs)]
        if not readings and stems & view.act.theme:
            readings += [(r, n, w, RULES) for r, n, w in _theme_readings(view, view.act, rs)]
        if item_words and {t.low for t in rs.sentence.toks} & item_words:
            readings += [(r, n, w, RULES) for r, n, w in _item_readings(view, rs)]
        if cond_triggers and stems & cond_triggers:
            readings += [(r, n, w, CONDITION_RULES) for r, n, w in _condition_readings(view, rs)]
        for reading, note, weight, rules in readings:
            rule = decide(reading, rules)
            if rule is None or rule.verdict is None or weight <= 0:
                continue
            if reading.timing == "before" or (
                rule.verdict in {Verdict.KEPT} and reading.timing == "unknown"
            ):
                continue
            if rules is CONDITION_RULES:
                identity: tuple[float, str] | None = (0.9, "the condition named")
            elif reading.item is not None:
                # One of the names the promise lists is itself what the report is about.
                anchors = view.anchors | view.title_anchors
                ok = not view.anchors or rs.names_any(anchors)
                identity = (0.8, "a name the promise lists") if ok else None
            else:
                identity = _identity(view, rs, reading.mention if reading.item is None else None)
            if identity is None:
                continue
            confidence = rule.confidence * identity[0] * weight
            if rs.sentence.headline:
                confidence *= 0.9
            finding = Finding(
                rule=rule,
                verdict=rule.verdict,
                confidence=min(0.95, confidence),
                where=rs,
                happened_at=reading.happened.start if reading.happened is not None else None,
                note=f"rule {rule.name}: {rule.summary}; {identity[1]}; {note}".rstrip("; "),
            )
            key = (rs.report.id, rule.verdict.is_final)
            held = best.get(key)
            if held is None or finding.confidence > held.confidence:
                best[key] = finding
    out = []
    for (report_id, final), f in best.items():
        if not final and (report_id, True) in best:
            continue  # a report that settles the promise says more than one of progress
        if f.confidence >= MIN_CONFIDENCE:
            out.append(f)
    return sorted(out, key=lambda f: (f.where.report.published_at, f.verdict.value))


def check_commitment(
    claim: Claim, store: StoreView, as_of: datetime, *, now: datetime | None = None
) -> list[Evidence]:
    """Evidence about commitment ``claim`` from reports in ``store`` published after it
    was made and by ``as_of``: per report, its most confident final verdict (kept,
    partially kept, broken, withdrawn, annulled), else an interim one (in progress,
    stalled) or ``condition_met``.  Nothing for claims that are not tracked, or when the
    promise cannot be placed in time."""
    if not claim.is_tracked:
        return []
    view = PromiseView.of(promise_mentions(claim, store), store)
    if view is None:
        return []
    findings = check_promise(view, report_index(store, as_of))
    stamp = now or datetime.now(timezone.utc)
    by = recorded_by()
    return [
        Evidence(
            claim_id=claim.id,
            verdict=f.verdict,
            source_id=f.where.report.id,
            uri=f.where.report.uri,
            excerpt=f.where.sentence.text,
            reason=f.rule.reason,
            happened_at=f.happened_at,
            known_at=f.where.report.published_at,
            recorded_at=stamp,
            recorded_by=by,
            recorder=RecorderKind.CHECKER,
            confidence=round(f.confidence, 3),
            note=f.note,
        )
        for f in findings
    ]

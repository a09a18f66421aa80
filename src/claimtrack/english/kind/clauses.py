"""Where a sentence holds a second schedule of its own: the cuts that split it.

"Stage two starts in May, while the resurfacing will go on after the fair";
"the mill will become a museum, which will reduce the workforce to 40 by 2029"; "another
setback, with the ferry now due to enter service in the summer"; "the museum reopens in
April – but its east wing will stay shut until the winter".  Each second
clause has its own subject and its own modal or schedule word, so it is its own claim.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import DETERMINERS, QUANTITY_NOUNS
from ..text import Tok
from .words import AUX, DATE_WORDS, VERB_FORMS, words

__all__ = [
    "absolute_cuts",
    "absolute_verb",
    "lead_end",
    "named_cuts",
    "pieces",
    "preamble_end",
    "schedule_cuts",
]

_MODALS = frozenset({"will", "would", "won't", "won’t", "shall"})
_FUTURE = frozenset({"will", "won't", "won’t", "shall"})
_SCHEDULE_WORDS = frozenset({"expected", "set", "due", "scheduled", "slated", "poised"})
_DASHES = frozenset({"–", "—", "-"})
_I_AM = frozenset({"i'm", "i’m", "we're", "we’re"})
_FEELINGS = words("preamble_feelings")
_PREAMBLE_VERBS = words("preamble_verbs")
_LEADS = frozenset({"after", "under", "following", "despite", "amid", "besides", "unlike"})
_REACH = 10  # tokens a second clause's modal may sit after its first word


def _modal_ahead(toks: Sequence[Tok], k: int, words: frozenset[str] = _MODALS) -> bool:
    for j in range(k, min(len(toks), k + _REACH)):
        if toks[j].text in {",", ";", ":"} or toks[j].text in _DASHES:
            return False
        if toks[j].low in words:
            return True
    return False


def _schedule_ahead(toks: Sequence[Tok], k: int) -> bool:
    """A schedule word ("expected", "set", "due") and a "to" soon after ``k``."""
    n = len(toks)
    for j in range(k + 1, min(n - 2, k + 1 + _REACH)):
        if toks[j].low == "to" and toks[j + 1].low == "be" and toks[j + 2].low.endswith("ed"):
            return True  # ", with a friendly against Peru to be played later"
    return _modal_ahead(toks, k, _SCHEDULE_WORDS) and any(
        toks[j].low == "to" for j in range(k + 1, min(n, k + 1 + _REACH))
    )


def _subject_then_modal(toks: Sequence[Tok], k: int) -> bool:
    """A noun phrase ("the use of coal at the site", "training trips") then a modal."""
    if k >= len(toks) or not toks[k].is_word:
        return False
    for j in range(k, min(len(toks), k + 12)):
        low = toks[j].low
        if low in _MODALS:
            return j > k
        if (
            not toks[j].is_word
            or low in AUX
            or (j > k and low.endswith("ed") and low in VERB_FORMS)
        ):
            return False
    return False


def _elided_will(toks: Sequence[Tok], k: int) -> bool:
    """ "X is doing A and will do B": "and" then "will" and a verb, after a clause whose
    own verb is a present or perfect ("is", "are", "has", "have") since the last comma."""
    if k + 2 >= len(toks) or not toks[k + 2].is_word:
        return False
    modal = toks[k + 1].low
    if modal in _FUTURE:
        finite = {"is", "are", "has", "have"}
    elif modal == "would":
        finite = {"was", "were", "had"}  # "they were unable to ... and would have to"
    else:
        return False
    for j in range(k - 1, max(-1, k - 28), -1):
        low = toks[j].low
        if toks[j].text in {",", ";", ":"} or low in _MODALS:
            return False
        if low in finite:
            return j > 0 and toks[j - 1].low not in QUANTITY_NOUNS
    return False


def preamble_end(toks: Sequence[Tok]) -> int:
    """Where a speaker's own preamble ends ("I'm glad we are able to announce that",
    "we are proud to report that"): the index of the claim's first token, or 0."""
    n = len(toks)
    k = 0
    if n > 1 and toks[0].low in _I_AM:
        k = 1
    elif n > 2 and toks[0].low in {"i", "we"} and toks[1].low in {"am", "are"}:
        k = 2
    if not k or k >= n or toks[k].low not in _FEELINGS:
        return 0
    for j in range(k + 1, min(n - 1, k + 8)):
        if toks[j].low in _PREAMBLE_VERBS:
            j += 1
            if j < n and toks[j].low == "that":
                j += 1
            return j if j < n - 2 else 0
    if k + 1 < n and toks[k + 1].low == "that":
        return k + 2 if k + 2 < n - 2 else 0  # "We are pleased that the line will open"
    return 0


def absolute_verb(toks: Sequence[Tok], k: int) -> int:
    """The "-ing" verb of an absolute clause starting at ``k`` ("the earliest slot now
    falling later in 2026", "workers focusing on the worst-hit areas"), or -1."""
    for j in range(k + 1, min(len(toks), k + 8)):
        low = toks[j].low
        if not toks[j].is_word or low in AUX or low in _MODALS:
            return -1
        if low.endswith("ing") and len(low) > 4 and toks[j - 1].low not in DETERMINERS:
            return j
    return -1


def _with_cuts(toks: Sequence[Tok]) -> list[int]:
    """Where ", with X VERB-ing ..." starts a clause of its own (after "with")."""
    n = len(toks)
    last_comma = max((j for j in range(n - 1) if toks[j].text in {",", ";"}), default=-1)
    out: list[int] = []
    for k in range(1, n - 3):
        if toks[k - 1].text != "," or toks[k].low != "with" or absolute_verb(toks, k + 1) < 0:
            continue
        if last_comma > k:
            continue  # ", with 48 teams taking part, from 11 June": the main clause goes on
        out.append(k + 1)
    return out


_DATE_PREPS = frozenset({"from", "on", "in", "by", "until", "before"})


def _dated_phrase(toks: Sequence[Tok], a: int, b: int) -> bool:
    """A date preposition then a date word or number within ``toks[a:b]``."""
    for j in range(max(0, a), min(len(toks) - 1, b)):
        if toks[j].low in _DATE_PREPS:
            nxt = toks[j + 1]
            if nxt.low in DATE_WORDS or nxt.text[:1].isdigit():
                return True
    return False


def absolute_cuts(toks: Sequence[Tok]) -> list[int]:
    """Where a part of the same plan starts: ", with X VERB-ing ..." when it ends the
    sentence (after "with": "will begin on 2 October, with teams visiting the worst-hit
    areas first"), and the second dated object of one verb ("will start flights to Oslo
    from 1 July and the Bergen service from 2 July")."""
    out = _with_cuts(toks)
    n = len(toks)
    for k in range(2, n - 3):
        if toks[k].low != "and" or toks[k - 1].text == ",":
            continue
        if not _dated_phrase(toks, k - 5, k) or not _dated_phrase(toks, k + 1, k + 9):
            continue
        if any(t.low in AUX or t.low in _MODALS for t in toks[k + 1 : k + 9]):
            continue  # "... on Monday and it will ...": a clause of its own
        out.append(k + 1)
    return sorted(out)


def _spliced(toks: Sequence[Tok], k: int) -> bool:
    """A comma splice at ``k``: a clause with a modal or finite verb before the comma,
    and a possessive- or determiner-led subject of up to five words then an auxiliary
    after it ("..., our teams have been working hard")."""
    if toks[k].low not in {"our", "my", "their", "the", "its"}:
        return False
    if not any(t.low in _MODALS or t.low in {"is", "are", "was", "were"} for t in toks[:k]):
        return False
    for j in range(k + 1, min(len(toks), k + 6)):
        low = toks[j].low
        if low in {"have", "has", "are", "is", "were", "was", "will"}:
            return j > k + 1
        if not toks[j].is_word:
            return False
    return False


#: Every word a cut of :func:`named_cuts` starts from: the words its branches compare
#: a token's form with, and the possessives and "the" a comma splice opens with
#: (:func:`_spliced`).  ``tests/test_rule_prefilters.py`` checks the list.
_CUT_WORDS = frozenset(
    {"while", "which", "with", "but", "and", "at", "by", "when", "our", "my", "their", "the", "its"}
)


def schedule_cuts(
    toks: Sequence[Tok], *, relative: bool = False, quoted: bool = False
) -> list[int]:
    """Token indexes where a second schedule clause starts (see :func:`named_cuts`)."""
    return [k for k, _ in named_cuts(toks, relative=relative, quoted=quoted)]


def named_cuts(
    toks: Sequence[Tok], *, relative: bool = False, quoted: bool = False
) -> list[tuple[int, str]]:
    """Where a second schedule clause starts (its marker dropped), with the name of
    the cut that found it (it goes into the claim's rules).

    ``relative`` (the article's own sentence) also cuts at ", which will" (the site
    will become a terminal, which will cut the staff": a second schedule, "which"
    kept), ", and X will" and ", at which time"; reported speech keeps its "which
    would" (a consequence the speaker draws, not a plan).  ``quoted`` (a quotation)
    cuts a comma splice: ", our crews have worked hard"."""
    cuts: list[tuple[int, str]] = []
    n = len(toks)
    for k in range(1, n - 2):
        low = toks[k].low
        if low not in _CUT_WORDS:
            continue  # no cut below starts from this word
        prev = toks[k - 1].text
        comma = prev == ","
        if comma and low == "while" and _modal_ahead(toks, k + 1):
            cuts.append((k + 1, "clause.while"))  # ", while the rest will continue"
        elif relative and comma and low == "which" and toks[k + 1].low in _FUTURE:
            cuts.append((k, "clause.which-will"))  # ", which will cut the staff"
        elif (
            comma
            and low == "with"
            and _schedule_ahead(toks, k + 1)
            and absolute_verb(toks, k + 1) < 0
        ):
            cuts.append((k + 1, "clause.with-schedule"))  # ", with the ship now expected to"
        elif prev in _DASHES and low == "but" and _modal_ahead(toks, k + 1):
            cuts.append((k + 1, "clause.dash-but"))  # "– but the third stop will not be"
        elif relative and comma and low in {"and", "but"} and _subject_then_modal(toks, k + 1):
            cuts.append((k + 1, "clause.and-subject-will"))  # ", and training trips will"
        elif relative and comma and low in {"at", "by"} and toks[k + 1].low == "which":
            at = k + 3 if k + 3 < n and toks[k + 2].low in {"time", "point"} else k + 2
            cuts.append((at, "clause.at-which-time"))
        elif not relative and low == "and" and prev != "," and _elided_will(toks, k):
            cuts.append((k + 1, "clause.and-will"))  # "is talking to X and will tell fans"
        elif quoted and comma and _spliced(toks, k):
            cuts.append((k, "clause.comma-splice"))  # "..., our crews have worked hard"
        elif low == "and" and toks[k + 1].low in {"given", "considering"}:
            cuts.append((k + 1, "clause.and-given"))  # "... and given the delays, that"
        elif comma and low == "when" and _modal_ahead(toks, k + 1, _FUTURE):
            cuts.append((k, "clause.when-will"))  # ", when the town will stage the parade"
    return cuts


def lead_end(toks: Sequence[Tok]) -> int:
    """Where a leading adverbial that is no time ends ("After two seasons away, the club
    ...", "Under league rules, ..."): the index after its comma, or 0."""
    if not toks or toks[0].low not in _LEADS:
        return 0
    for j in range(1, min(len(toks) - 3, 14)):
        if toks[j].text == ",":
            return j + 1
        if toks[j].low in AUX or toks[j].low in _MODALS:
            return 0
    return 0


def pieces(toks: Sequence[Tok]) -> list[tuple[int, int, bool, str]]:
    """``toks`` as the token ranges between its :func:`named_cuts` and
    :func:`absolute_cuts` (the whole when there are none), each without the punctuation
    and marker at its edges, the first without a leading adverbial that is no time
    (:func:`lead_end`); the flag says the piece is an absolute clause (it shares the
    kind of the piece before it), the name which cut started it ("" for none)."""
    absolute = set(absolute_cuts(toks))
    names = dict(named_cuts(toks, relative=True))
    embedded = [(k, e) for k, e in _embedded_relatives(toks) if k in names]
    for k, _ in embedded:
        del names[k]
    lead = lead_end(toks)
    if lead:
        names.setdefault(lead, "clause.lead-adverbial")
    for k in absolute:
        names.setdefault(k, "clause.absolute")
    starts = sorted({lead, *names, *absolute})
    out: list[tuple[int, int, bool, str]] = []
    for idx, a in enumerate(starts):
        b = starts[idx + 1] if idx + 1 < len(starts) else len(toks)
        if idx + 1 < len(starts):
            while b > a and (
                not toks[b - 1].is_word or toks[b - 1].low in {"while", "with", "but", "and"}
            ):
                b -= 1
        if b > a:
            out.append((a, b, a in absolute, names.get(a, "")))
    # "New routes, which will be free for a year, will launch the same day": the whole
    # sentence and, inside it, the relative's own schedule.
    out.extend((k, e, False, "clause.embedded-which") for k, e in embedded)
    return out


def _embedded_relatives(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """ ", which will ...," ranges closed by a comma that the main clause's own modal
    follows ("routes, which will be free, will launch"): (start of "which", end)."""
    n = len(toks)
    out: list[tuple[int, int]] = []
    for k in range(1, n - 2):
        if toks[k - 1].text != "," or toks[k].low != "which" or toks[k + 1].low not in _FUTURE:
            continue
        for e in range(k + 2, min(n - 1, k + 2 + 2 * _REACH)):
            if toks[e].text in {";", ":"} or toks[e].text in _DASHES:
                break
            if toks[e].text == ",":
                nxt = e + 1
                while nxt < n and toks[nxt].low in {"also", "then", "now", "still"}:
                    nxt += 1
                if nxt < n and toks[nxt].low in _MODALS:
                    out.append((k, e))
                break
    return out

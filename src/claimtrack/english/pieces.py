"""Piece splitting: one sentence or complement cut into the claims it holds (ellipses,
spoken lists, ", and we will ...", coordinated undertakings after one modal, reported
conjuncts) before the segmentation rules (``segment/``) refine the cuts.
"""

from __future__ import annotations

from collections.abc import Sequence

from .kind.clauses import absolute_cuts, named_cuts, preamble_end
from .kinds import AUX
from .lexicon import ADVERBS, CLAUSE_WORDS, DETERMINERS, ORDINALS, PRONOUNS, VERBS
from .noun_phrases import SUBJECT_PRONOUNS
from .text import CLOSE_MARKS, OPEN_MARKS, Tok

_ELABORATION = (("that", "means"), ("this", "means"), ("in", "other"))


ELIDED_MODALS = frozenset(
    {"would", "will", "wouldn't", "wouldn’t", "won't", "won’t", "could", "might", "should"}
)


_BE_HAVE = frozenset({"be", "have", "not", "never", "also", "then", "only"})


_DEMONSTRATIVE_NEXT = frozenset(
    {"is", "was", "'s", "’s", "means", "meant", "would", "will", "could", "has", "had", "may"}
)


_SECOND_CLAUSE_VERBS = frozenset(
    {"expect", "plan", "intend", "want", "call", "urge", "ask", "aim", "hope"}
)


_LEAD_PUNCT = frozenset(",;:.-—–…")


_TRAILING_CONNECTORS = frozenset({"and", "but", "or", "so", "then"})


_NOUN_USE_NEXT = frozenset(
    {"of", "for", "to", "and", "or", "from", "in", "on", "with", "is", "are"}
)


_PLAN_VERBS = frozenset({"expects", "plans", "intends", "aims", "hopes"})


LIST_TRIGGERS = frozenset({"will", "would", "must", "shall", "won't", "won’t", "should"})


def split_pieces(
    toks: Sequence[Tok], *, direct: bool
) -> list[tuple[int, int, frozenset[str], int | None]]:
    """Split one sentence (or complement) into the claims it holds.

    Returns (start, end, flags, head) token ranges: flags hold "ordinal" (a spoken
    list item: "secondly, ...") and "elaboration" ("That means ..."); ``head`` is the
    index of the piece whose modal a coordinated item shares ("we will accelerate X,
    tighten Y and continue Z").
    """
    n = len(toks)
    if n == 0:
        return []
    cuts: dict[int, int] = {}  # token index where a piece starts -> tokens to drop
    ordinal_at: set[int] = set()
    # The words of the sentence, read once: the passes below that cut only at "and" or
    # "but" (or a comma, or "with") are not run on a sentence without them.
    present = {t.low for t in toks}
    joined = "and" in present or "but" in present
    if direct:
        k = 0
        while k < n:
            t = toks[k]
            ellipsis = t.text == "…" or (
                t.text == "." and k + 2 < n and toks[k + 1].text == "." and toks[k + 2].text == "."
            )
            if ellipsis:
                j = k + (1 if t.text == "…" else 3)
                if j < n and toks[j].is_word and not toks[j].is_cap:
                    cuts[j] = 0
                k = j
                continue
            if t.low in ORDINALS and t.low not in {"next", "second", "third", "fourth"} and k > 0:
                p = k - 1
                if toks[p].low == "and":
                    cuts.setdefault(p, 0)
                    ordinal_at.add(p)
                elif toks[p].text == ",":
                    cuts.setdefault(k, 0)
                    ordinal_at.add(k)
            if t.low == "so" and k > 0 and toks[k - 1].text == "," and k + 1 < n:
                nxt = toks[k + 1].low
                if nxt in PRONOUNS or nxt in DETERMINERS:
                    cuts[k + 1] = 0
            k += 1
    # ", and we will ...": a second undertaking with its own subject and modal.
    for k in range(1, n - 2 if joined else 1):
        if (
            toks[k - 1].text == ","
            and toks[k].low in {"and", "but"}
            and toks[k + 1].low in SUBJECT_PRONOUNS
        ):
            nxt = toks[k + 2].low
            if nxt in LIST_TRIGGERS or nxt.endswith(("'ll", "’ll")) or nxt in {"need", "must"}:
                cuts.setdefault(k + 1, 0)
    # ", and every school will ...": a second clause with a subject and a modal of its own.
    for k in range(1, n - 2 if joined else 1):
        if toks[k - 1].text != "," or toks[k].low not in {"and", "but"}:
            continue
        first = toks[k + 1]
        if first.low in SUBJECT_PRONOUNS:
            if toks[k + 2].low in _SECOND_CLAUSE_VERBS:
                cuts.setdefault(k + 1, 0)
            continue
        if first.low not in DETERMINERS and not first.is_cap:
            continue
        for j in range(k + 2, min(n, k + 8)):
            low = toks[j].low
            if low in LIST_TRIGGERS or low.endswith(("'ll", "’ll")):
                cuts.setdefault(k + 1, 0)
                break
            if not toks[j].is_word or low in AUX or low in CLAUSE_WORDS:
                break
    # "X" and "Y": two quoted claims joined by "and".
    for k in range(1, n - 1 if "and" in present else 1):
        if (
            toks[k].low == "and"
            and toks[k - 1].text in CLOSE_MARKS
            and toks[k + 1].text in OPEN_MARKS
        ):
            cuts[k + 1] = 0
    cut_names = dict(named_cuts(toks, quoted=direct))  # ", while the rest will ..."
    for k in cut_names:
        cuts.setdefault(k, 0)
    # (its cuts are at ", with" and "and"; the coordination's at a comma or "and")
    absolute = absolute_cuts(toks) if "with" in present or "and" in present else []
    for k in absolute:
        cut_names.setdefault(k, "clause.absolute")
    coordinated = (
        _coordination(toks, bare_and=not direct) if "," in present or "and" in present else []
    )
    coord_cuts = [*coordinated, *absolute]
    elided: set[int] = set()
    that_at: set[int] = set()
    if not direct:
        _reported_conjuncts(toks, cuts, elided, that_at)
    for c in coord_cuts:
        cuts.setdefault(c, 0)
    lead = preamble_end(toks) if direct else 0  # "I'm pleased to confirm that ..."
    if lead:
        cut_names[lead] = "clause.preamble"
    starts = sorted({lead, *(c for c in cuts if c > lead)})
    coord_set = set(coord_cuts) | elided
    pieces: list[tuple[int, int, frozenset[str], int | None]] = []
    last_plain: int | None = None
    for idx, s in enumerate(starts):
        e = starts[idx + 1] if idx + 1 < len(starts) else n
        flags: set[str] = set()
        a = s
        if s in cut_names:
            flags.add(f"cut:{cut_names[s]}")  # the kind/clauses.py cut that started it
        if s in ordinal_at:
            flags.add("ordinal")
        while a < e and (toks[a].low in {"and", "but", "so", "or"} or toks[a].text in _LEAD_PUNCT):
            a += 1
        if s in that_at and a < e and toks[a].low == "that":
            a += 1  # "... and that X would": the second complement of the same cue
        if s in elided:
            flags.add("elided")
        while a < e and toks[a].low in ORDINALS and a + 1 < e and toks[a + 1].text == ",":
            flags.add("ordinal")
            a += 2
        b = e
        while b > a and (
            toks[b - 1].low in _TRAILING_CONNECTORS or toks[b - 1].text in {",", ";", "—", "–", "-"}
        ):
            b -= 1
        if b <= a:
            continue
        if a + 1 < b and (toks[a].low, toks[a + 1].low) in _ELABORATION:
            flags.add("elaboration")
        head = last_plain if s in coord_set else None
        pieces.append((a, b, frozenset(flags), head))
        if s not in coord_set:
            last_plain = len(pieces) - 1
    return pieces


def _reported_conjuncts(
    toks: Sequence[Tok], cuts: dict[int, int], elided: set[int], that_at: set[int]
) -> None:
    """Cut a reported complement at its coordinated clauses.

    "said A and that B would ...": a second complement of the same cue; "said X would
    A and would B", "... but would B": a second verb phrase of the same subject (its
    modal kept, its subject elided); "told X to A, and to B": a list of infinitives.
    One pass, a bounded look at each token's neighbours.
    """
    n = len(toks)
    infinitive = False
    words = 0
    for k in range(n - 2):
        t = toks[k]
        if t.is_word:
            words += 1
        nxt = toks[k + 1]
        if t.low == "to" and nxt.low in VERBS:
            if (
                infinitive
                and k > 1
                and (
                    toks[k - 1].text == ","
                    or (toks[k - 1].low == "and" and toks[k - 2].text == ",")
                )
            ):
                cuts.setdefault(k, 0)
                elided.add(k)
            infinitive = True
            continue
        if t.low not in {"and", "but"} or words < 3:
            continue
        after = toks[k + 2]
        if (
            nxt.low == "that"
            and after.is_word
            and after.low not in _DEMONSTRATIVE_NEXT
            and _has_modal(toks, k + 2, min(n, k + 18))
        ):
            # Only a second complement with a modal of its own ("and that B would ...")
            # is a separate undertaking or forecast; "A, and that B delivered" stays one.
            cuts.setdefault(k, 0)
            that_at.add(k)
        elif nxt.low in ELIDED_MODALS and _verb_follows(toks, k + 2):
            cuts.setdefault(k, 0)
            elided.add(k)


def _has_modal(toks: Sequence[Tok], a: int, b: int) -> bool:
    for j in range(a, b):
        low = toks[j].low
        if low in ELIDED_MODALS or low in LIST_TRIGGERS or low.endswith(("'ll", "’ll")):
            return True
        if low in _PLAN_VERBS and j + 1 < len(toks) and toks[j + 1].low == "to":
            return True  # "and that it expects to file ...": a plan of its own
        if low in {";", "that"} or toks[j].text in CLOSE_MARKS:
            return False
    return False


def _verb_follows(toks: Sequence[Tok], j: int) -> bool:
    """A verb (or "be"/"have"/"not") at ``j``, or right after one adverb there."""
    n = len(toks)
    if j < n and (toks[j].low in VERBS or toks[j].low in _BE_HAVE):
        return True
    return (
        j + 1 < n
        and toks[j].low in ADVERBS
        and (toks[j + 1].low in VERBS or toks[j + 1].low in _BE_HAVE)
    )


def _coordination(toks: Sequence[Tok], *, bare_and: bool = False) -> list[int]:
    """Token indexes where coordinated undertakings after one modal begin."""
    n = len(toks)
    trig = -1
    for k, t in enumerate(toks):
        if (
            t.low in LIST_TRIGGERS
            or t.low.endswith(("'ll", "’ll"))
            or (t.low in {"need", "needs"} and k + 1 < n and toks[k + 1].low == "to")
        ):
            trig = k
            break
    if trig < 0:
        return []
    v = trig + 1
    while v < n and (toks[v].low in ADVERBS or toks[v].low in {"not", "need", "to", "have"}):
        v += 1
    cuts: list[int] = []
    infinitive = False
    listing = False
    k = v + 1
    while k < n:
        t = toks[k]
        if t.low == "to" and k + 1 < n and toks[k + 1].low in VERBS:
            infinitive = True
        if t.text == "," and k + 1 < n:
            j = k + 1
            if toks[j].low in {"and", "or"} and j + 1 < n:
                j += 1
            if toks[j].low in VERBS and not infinitive and toks[j].low not in {"let"}:
                cuts.append(j)
                listing = True
                k = j + 1
                continue
        if listing and t.low == "and" and k + 1 < n and toks[k + 1].low in VERBS and not infinitive:
            cuts.append(k + 1)
        elif (
            bare_and
            and not listing
            and not infinitive
            and t.low == "and"
            and k > v + 1
            and k + 2 < n
            and toks[k + 1].low in VERBS
            and toks[k + 2].is_word
            and toks[k + 2].low not in _NOUN_USE_NEXT
            and toks[k - 1].is_word
        ):
            # "will start building X next summer and play ...": a second verb phrase
            # under the same modal (in reported speech; a speaker's own run-on
            # sentence stays one claim).
            cuts.append(k + 1)
            listing = True
        k += 1
    return cuts

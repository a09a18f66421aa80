"""Present-tense readings: a conditional present that looks ahead ("If the money comes,
every clinic stays open") and imperatives ("Stop and agree to a ceasefire now")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import ClaimKind
from ..lexicon import (
    ADVERBS,
    ANIMATE_NOUNS,
    DETERMINERS,
    VERBS,
)
from ..text import Tok
from .analysis import Analysis, build
from .grammar import controlled
from .words import AUX, VERB_FORMS, words

_NOT_IMPERATIVE_NEXT = words("not_imperative_next")


_NOT_VERB_S = frozenset({"its", "his", "this", "was", "has", "is", "as", "us", "plus", "thus"})


def conditional_present(
    toks: Sequence[Tok],
    cond: tuple[int, int],
    is_known: Callable[[str], bool] | None,
    authority: bool,
    is_own: Callable[[str], bool] | None,
) -> Analysis | None:
    """ "If the money comes, every clinic stays open": a present tense that looks ahead
    (the speaker's undertaking for a thing they run, else a forecast)."""
    n = len(toks)
    if any(t.is_word for t in toks[: cond[0]]) and toks[0].low not in {"but", "and", "so"}:
        return None  # the condition must open the sentence
    a = cond[1]
    while a < n and (not toks[a].is_word or toks[a].low == "then"):
        a += 1
    for k in range(a + 1, min(n, a + 6)):
        t = toks[k]
        low = t.low
        if not t.is_word or low in AUX:
            return None
        stem_ok = (
            low[:-1] in VERB_FORMS
            or (low.endswith("es") and low[:-2] in VERB_FORMS)
            or (toks[k - 1].is_cap and low not in DETERMINERS and low not in _NOT_VERB_S)
        )  # a name then "-s": "Vanta loses"
        if low.endswith("s") and not low.endswith("ss") and stem_ok and not t.is_cap:
            subj = (a, k)
            head = toks[k - 1]
            subj_text = " ".join(x.text for x in toks[a:k])
            own = is_own is not None and is_own(subj_text)
            animate = head.low in ANIMATE_NOUNS or (
                head.is_cap
                and (head.start != toks[0].start or bool(is_known and is_known(head.text)))
            )
            kind = ClaimKind.COMMITMENT if own else controlled(toks, k, head, animate, authority)
            return build(toks, kind, "conditional", subj, own, k, cond, None)
    return None


def imperative(toks: Sequence[Tok]) -> tuple[int, tuple[int, int] | None] | None:
    n = len(toks)
    i = 0
    while i < n and (
        toks[i].low in ADVERBS
        or toks[i].low in {"and", "but", "so", "please"}
        or not toks[i].is_word
    ):
        i += 1
    starts = [i]
    starts.extend(k + 1 for k in range(i, n - 1) if toks[k].text in {",", ";", "—", "–"})
    for pos, k in enumerate(starts):
        if k >= n:
            continue
        low = toks[k].low
        nxt = toks[k + 1].low if k + 1 < n else ""
        if low == "let" and nxt not in {"me", "us", "'s", "’s", "alone"} and k + 1 < n:
            end = k + 1
            while end < n and end - k < 8 and toks[end].low not in VERBS:
                end += 1
            return k, (k + 1, end) if end > k + 1 else None
        if low in {"don't", "don’t"} and nxt in VERBS:
            return k + 1, None
        if pos == 0 and low in VERBS and nxt not in _NOT_IMPERATIVE_NEXT and k + 1 < n:
            return k, None
    return None

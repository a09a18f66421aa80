"""Sentences, tokens and word stems for the checker: small, dependency-free and
predictable, because the checker must explain each match in words a person can check."""

from __future__ import annotations

import functools
from functools import lru_cache

import attrs

from ..text import WORD_TOKENS, Token, split_sentences, tokenize

__all__ = ["Sentence", "Tok", "sentences", "stem", "tokens"]

# Irregular forms the checker meets in news reports, mapped to their base form, so that
# "met" and "meet", "held" and "hold", "sent" and "send" share one stem.
IRREGULAR: dict[str, str] = {
    "met": "meet",
    "held": "hold",
    "sent": "send",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "made": "make",
    "brought": "bring",
    "built": "build",
    "spent": "spend",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "struck": "strike",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "led": "lead",
    "kept": "keep",
    "left": "leave",
    "went": "go",
    "gone": "go",
    "came": "come",
    "rose": "rise",
    "risen": "rise",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "drew": "draw",
    "drawn": "draw",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "said": "say",
    "found": "find",
    "got": "get",
    "gotten": "get",
    "became": "become",
    "fell": "fall",
    "fallen": "fall",
    "saw": "see",
    "seen": "see",
    "chose": "choose",
    "chosen": "choose",
    "wrote": "write",
    "written": "write",
    "sat": "sit",
    "stood": "stand",
    "ran": "run",
    "broke": "break",
    "broken": "break",
    "froze": "freeze",
    "frozen": "freeze",
    "sought": "seek",
    "thought": "think",
    "undertook": "undertake",
    "undertaken": "undertake",
    "fled": "flee",
    "dealt": "deal",
    "lost": "lose",
    "laid": "lay",
    "shut": "shut",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "hit": "hit",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "been": "be",
    "am": "be",
    "has": "have",
    "had": "have",
    "did": "do",
    "done": "do",
    "does": "do",
    "ratcheted": "ratchet",
    "stepped": "step",
    "scrapped": "scrap",
    "shelved": "shelve",
}

#: Past-tense and participle surface forms that do not end in "-ed".
IRREGULAR_PAST = frozenset(
    w
    for w, base in IRREGULAR.items()
    if w != base
    and base not in {"be", "have", "do"}
    and w not in {"cut", "put", "set", "hit", "shut"}
) | {"was", "were", "had", "did", "been"}

_NO_UNDOUBLE = set("aeiouls")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, consistent stem: inflections removed the same way from every form, so
    "convened"/"convene"/"convening", "agreed"/"agree", "sanctions"/"sanction" and
    "met"/"meet" each share one stem.  Not a linguistic lemma: only equality matters."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = IRREGULAR.get(w, w)
    n = len(w)
    if n > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("eed"):
        w = w[:-1]
    elif n > 4 and w.endswith("ed"):
        w = w[:-2]
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif n > 4 and (w.endswith(("ches", "shes", "sses", "xes", "zes")) or w.endswith("ses")):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if (len(w) > 3 and w[-1] == w[-2] and w[-1] not in _NO_UNDOUBLE) or (
        len(w) > 5 and w.endswith("ll")
    ):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@attrs.frozen
class Tok(Token):
    """A word of a sentence: a :class:`claimtrack.text.Token` (offsets in the sentence,
    text, lower-case form with a possessive ``'s`` removed) and its stem."""

    stem: str = attrs.field(kw_only=True)


def tokens(sentence: str) -> list[Tok]:
    """The words of ``sentence`` (hyphenated words and contractions stay whole, except
    "n't", which becomes its own "not" word so negation is one check)."""
    # A promise's texts are read several times per check (its text, sentence, action,
    # for its act, its names, its theme): read once, each caller gets its own list.
    return list(_tokens(sentence))


@functools.lru_cache(maxsize=4096)
def _tokens(sentence: str) -> tuple[Tok, ...]:
    out: list[Tok] = []
    for t in tokenize(sentence, pattern=WORD_TOKENS):
        text = t.text
        low = text.lower().replace("’", "'")
        if low.endswith("n't") and len(low) > 3:
            head = text[:-3]
            head_low = low[:-3]
            if head_low == "wo":  # won't
                head_low = "will"
            elif head_low == "ca":  # can't
                head_low = "can"
            out.append(Tok(t.start, t.start + len(head), head, head_low, stem=stem(head_low)))
            out.append(Tok(t.end - 3, t.end, "n't", "not", stem="not"))
            continue
        if low.endswith("'s") and len(low) > 2:
            low = low[:-2]
        out.append(Tok(t.start, t.end, text, low, stem=stem(low)))
    return tuple(out)


@attrs.frozen
class Sentence:
    """One sentence of a source, whitespace normalised, with its words."""

    text: str
    toks: tuple[Tok, ...]
    headline: bool = False
    stems: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    @stems.default
    def _stems(self) -> frozenset[str]:
        # For a quick "could this sentence be about it at all?" before any parsing.
        return frozenset(t.stem for t in self.toks)


_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ";")


def _paragraphs(text: str) -> list[str]:
    # A blank line always ends a paragraph.  A line break inside one is a wrap (joined)
    # when the line stops without a full stop and either the next line begins in lower
    # case, or the text is hard-wrapped (no line over 100 characters) and this line is
    # near the longest.  Otherwise each line is a paragraph of its own: news feeds put
    # one paragraph, or a headline without a full stop, on each line.
    lines = [ln.strip() for ln in text.splitlines()]
    width = max((len(ln) for ln in lines), default=0)
    hard_wrapped = width <= 100
    paras: list[str] = []
    runs_on = long_line = False
    for ln in lines:
        if not ln:
            runs_on = False
            continue
        if paras and runs_on and (ln[:1].islower() or (hard_wrapped and long_line)):
            paras[-1] += " " + ln
        else:
            paras.append(ln)
        runs_on = not ln.endswith(_TERMINAL)
        long_line = len(ln) >= 0.6 * width
    return paras


def sentences(text: str, title: str | None = None) -> list[Sentence]:
    """The sentences of a source's text (and its title first, marked ``headline``)."""
    out: list[Sentence] = []
    if title and title.strip():
        t = " ".join(title.split())
        out.append(Sentence(t, tuple(tokens(t)), headline=True))
    for para in _paragraphs(text):
        flat = " ".join(para.split())
        for a, b in split_sentences(flat):
            if b - a > 2:
                piece = flat[a:b]
                out.append(Sentence(piece, tuple(tokens(piece))))
    return out

"""The rule engine: named rules over tokens and smaller values, matched longest first.

A :class:`Rule` names a *category* it produces ("day", "period", "phrase" ...), a
*pattern* and a *production*.  The pattern is a short string of elements separated by
spaces:

- ``by`` or ``this|next|last``: a word whose base (see ``_tokens``) is one of these;
- ``<day>``: a value of another category; ``<period!>`` the same, read as if a cue word
  stood before it ("March" at the start of "March to May" counts as a date);
- ``%-–`` a punctuation mark among those characters; ``#num`` a token class (see
  :data:`TOKEN_CLASSES`);
- a leading ``~`` requires the element to touch the token before it (no space); a
  trailing ``?`` makes it optional; ``:name`` names its capture (``<day:anchor>``), by
  default the category, word or class.

The production receives a :class:`M` (the captures, the tokens, where the match
starts and ends) and returns the value, or None to reject the match.

The engine is a memoised top-down matcher.  For each (category, token index, cue flag)
it computes, once, every end index a match can reach and one value for each end (the
first rule in table order wins an end).  Within a rule, alternatives that reach the same
token index are merged (the first kept), so a pattern of *k* elements does at most
*k* × :data:`MAX_SPAN` steps; no match is longer than :data:`MAX_SPAN` tokens.  Work at
one start index is therefore bounded, and scanning a sentence is linear in its length.
Rules are indexed by the token keys they can start with, so a token that can start
nothing costs one dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._lookahead import Lookahead
from ._tokens import NUMBER_KEYS, Tok

# No match spans more tokens than this: bounded lookahead, hence linear scans.
MAX_SPAN = 24
# Bits of a per-rule memo key below the token index (the rule's index and the cue flag).
RULE_BITS = 16


def number_key(ndig: int) -> str:
    """The index key of a number of ``ndig`` digits ("#n5" for five or more)."""
    return NUMBER_KEYS[min(max(ndig, 1), 5) - 1]


def key_of(tok: Tok) -> str:
    """The index key of a token: a word's base, "#n1" ... "#n5" for a number by its
    count of digits, "#o" for an ordinal number ("20th"), a punctuation mark itself."""
    if tok.kind == "w":
        return tok.base
    if tok.kind == "n":
        return number_key(tok.ndig)
    if tok.kind == "o":
        return "#o"
    return tok.text


@dataclass(frozen=True, slots=True)
class TokenClass:
    """A class of single tokens (``#num``): the keys it can have and its value."""

    first: frozenset[str]
    value: Callable[[Sequence[Tok], int], Any]


def _num(toks: Sequence[Tok], i: int) -> Any:
    t = toks[i]
    return t.val if t.kind == "n" and t.val >= 0 else None


def _ord(toks: Sequence[Tok], i: int) -> Any:
    t = toks[i]
    return t.val if t.kind == "o" and t.val >= 0 else None


def _year(toks: Sequence[Tok], i: int) -> Any:
    t = toks[i]
    return t.val if t.kind == "n" and t.ndig == 4 and 1000 <= t.val <= 2999 else None


def _d2(toks: Sequence[Tok], i: int) -> Any:
    t = toks[i]
    return t.val if t.kind == "n" and t.ndig <= 2 else None


def _cap(toks: Sequence[Tok], i: int) -> Any:
    t = toks[i]
    return t.base if t.kind == "w" and t.cap else None


TOKEN_CLASSES: dict[str, TokenClass] = {
    "num": TokenClass(frozenset(NUMBER_KEYS), _num),
    "ord": TokenClass(frozenset({"#o"}), _ord),
    "year": TokenClass(frozenset({"#n4"}), _year),
    "d2": TokenClass(frozenset({"#n1", "#n2"}), _d2),
}


@dataclass(slots=True)
class Elem:
    """One compiled pattern element."""

    what: str  # "w" word, "p" punctuation, "c" category, "t" token class
    words: frozenset[str]
    cat: str
    name: str
    optional: bool
    glued: bool
    cue: bool
    value: Callable[[Sequence[Tok], int], Any] | None = None


@dataclass(slots=True)
class Node:
    """One match: the rule that made it, its token range, its value, its sub-matches."""

    rule: str
    start: int
    end: int
    value: Any
    kids: tuple[Node, ...]
    alts: tuple[Node, ...] = ()

    def rules(self) -> list[str]:
        """The names of the rules of this match and its sub-matches, outermost first."""
        out = [self.rule]
        for kid in self.kids:
            out.extend(kid.rules())
        return out

    def show(self, toks: Sequence[Tok], depth: int = 0) -> str:
        """The match as an indented tree of rules and the words each covered."""
        words = " ".join(t.text for t in toks[self.start : self.end])
        lines = [f"{'  ' * depth}{self.rule}: {words}"]
        lines.extend(kid.show(toks, depth + 1) for kid in self.kids)
        return "\n".join(lines)


@dataclass(slots=True)
class Rule:
    """A named rule: ``pattern`` over tokens and values → a value of ``cat``.

    ``examples`` are phrases the rule must read and ``rejects`` phrases it must not (a
    meta-test runs both); ``prod`` returns the value or None to reject a match.
    """

    name: str
    cat: str
    pattern: str
    prod: Callable[[M], Any] | None
    examples: tuple[str, ...] = ()
    rejects: tuple[str, ...] = ()
    elems: list[Elem] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)
    first: frozenset[str] = frozenset()
    nullable: bool = False
    # For each required element, the token keys it can start with: a text holding
    # none of one set cannot match the rule (a cheap filter before matching).
    needs: tuple[frozenset[str], ...] = ()
    need_mask: int = 0
    rest_mask: int = 0
    # Every element one required token (no category, nothing optional): matched by a
    # straight comparison.
    simple: bool = False
    # How the parser runs the rule: "token" (one required token), "simple" (see
    # above), "cat" (one required category) or "seq" (anything else).
    shape: str = "seq"
    # The rule's place in its grammar's table.
    index: int = 0


def compile_pattern(pattern: str) -> list[Elem]:
    """The elements of a pattern string (see the module docstring)."""
    out: list[Elem] = []
    for raw in pattern.split():
        s = raw
        glued = s.startswith("~")
        if glued:
            s = s[1:]
        optional = s.endswith("?") and len(s) > 1
        if optional:
            s = s[:-1]
        name = ""
        if s.startswith("<") and ">" in s:
            close = s.index(">")
            inner, rest = s[1:close], s[close + 1 :]
            if ":" in inner:
                inner, name = inner.split(":", 1)
            if rest.startswith(":"):
                name = rest[1:]
            cue = inner.endswith("!")
            cat = inner.rstrip("!")
            out.append(Elem("c", frozenset(), cat, name or cat, optional, glued, cue))
            continue
        if ":" in (s[2:] if s.startswith("%") else s):
            s, name = s.rsplit(":", 1)
        if s.startswith("<"):
            raise ValueError(f"bad element {raw!r} in pattern {pattern!r}")
        if s.startswith("%"):
            chars = frozenset(s[1:])
            out.append(Elem("p", chars, "", name or "p", optional, glued, False))
        elif s.startswith("#"):
            cls = s[1:]
            if cls not in TOKEN_CLASSES:
                raise ValueError(f"unknown token class {raw!r} in pattern {pattern!r}")
            tc = TOKEN_CLASSES[cls]
            out.append(Elem("t", tc.first, cls, name or cls, optional, glued, False, tc.value))
        else:
            words = frozenset(s.split("|"))
            out.append(Elem("w", words, "", name or s.split("|")[0], optional, glued, False))
    return out


@dataclass(slots=True)
class M:
    """What a production sees: the captures by name, the tokens, the match's range."""

    rule: Rule
    caps: tuple[Any, ...]
    toks: Sequence[Tok]
    i: int
    j: int
    find: bool
    cue_flag: bool

    def __getitem__(self, name: str) -> Any:
        return self.caps[self.rule.names[name]]

    def get(self, name: str) -> Any:
        """The capture ``name``, or None (not matched, or no such element)."""
        k = self.rule.names.get(name)
        return None if k is None else self.caps[k]

    def has(self, name: str) -> bool:
        """Whether the element ``name`` is in the rule and matched."""
        return self.get(name) is not None

    def base(self, k: int) -> str:
        """The base of the word at token ``k`` (any index), or ""."""
        if 0 <= k < len(self.toks) and self.toks[k].kind == "w":
            return self.toks[k].base
        return ""

    def tok(self, k: int) -> Tok | None:
        return self.toks[k] if 0 <= k < len(self.toks) else None


class Grammar:
    """A table of rules, compiled and indexed by the token keys each can start with."""

    def __init__(
        self, rules: Iterable[Rule], merge: Callable[[Any, Any], Any] | None = None
    ) -> None:
        self.rules: list[Rule] = list(rules)
        # Two values of one category over the same tokens: merge(first, later) keeps
        # both (None: keep the first alone).
        self.merge = merge
        self.by_cat: dict[str, list[Rule]] = {}
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ValueError(
                f"rule names repeat: {sorted({n for n in names if names.count(n) > 1})}"
            )
        if len(self.rules) >= 1 << (RULE_BITS - 1):
            raise ValueError(f"more than {(1 << (RULE_BITS - 1)) - 1} rules")
        for k, rule in enumerate(self.rules):
            rule.index = k
            rule.elems = compile_pattern(rule.pattern)
            rule.names = {e.name: k for k, e in enumerate(rule.elems)}
            self.by_cat.setdefault(rule.cat, []).append(rule)
        for rule in self.rules:
            for e in rule.elems:
                if e.what == "c" and e.cat not in self.by_cat:
                    raise ValueError(f"rule {rule.name!r} refers to unknown category <{e.cat}>")
        self._first_sets()
        self.index: dict[str, dict[str, list[Rule]]] = {}
        for cat, rules in self.by_cat.items():
            idx: dict[str, list[Rule]] = {}
            for key in sorted(set().union(*(r.first for r in rules))):
                idx[key] = [r for r in rules if key in r.first]
            self.index[cat] = idx
        self.first: dict[str, frozenset[str]] = {
            cat: frozenset(idx) for cat, idx in self.index.items()
        }
        # A category element is tried only at a token that can start its category.
        for rule in self.rules:
            for e in rule.elems:
                if e.what == "c":
                    e.words = self.first[e.cat]
            rule.needs = tuple(e.words for e in rule.elems if not e.optional)
            rule.simple = all(e.what != "c" and not e.optional for e in rule.elems)
            rule.shape = _shape(rule)
        self._viable: dict[tuple[str, str, str, int, int], list[tuple[Rule, bool]]] = {}
        self.lookahead = Lookahead(self.by_cat)
        self._suffix: dict[tuple[str, ...], list[int]] = {}
        # Rules that pass a category through are replaced by that category's rules (with
        # the cue flag they set), so a match does not descend through wrappers.
        self.flat: dict[str, dict[str, list[tuple[Rule, bool]]]] = {}
        for cat in self.by_cat:
            idx2: dict[str, list[tuple[Rule, bool]]] = {}
            for rule, cue in self._flatten(cat, False, frozenset()):
                for key in rule.first:
                    idx2.setdefault(key, []).append((rule, cue))
            self.flat[cat] = idx2
        # Each distinct need is one bit; a key sets the bits of the needs it meets.
        bits: dict[frozenset[str], int] = {}
        self.key_mask: dict[str, int] = {}
        for rule in self.rules:
            for need in rule.needs:
                if need not in bits:
                    bits[need] = 1 << len(bits)
                    for key in need:
                        self.key_mask[key] = self.key_mask.get(key, 0) | bits[need]
                rule.need_mask |= bits[need]
            # The needs of the required elements after the first: tokens after the
            # match's first one must meet them.
            for need in rule.needs[1:]:
                rule.rest_mask |= bits[need]

    def _flatten(self, cat: str, cue: bool, seen: frozenset[str]) -> list[tuple[Rule, bool]]:
        out: list[tuple[Rule, bool]] = []
        for rule in self.by_cat[cat]:
            if rule.prod is not None:
                if (rule, cue) not in out:
                    out.append((rule, cue))
                continue
            e = rule.elems[0]
            if e.cat not in seen:
                for item in self._flatten(e.cat, cue or e.cue, seen | {cat}):
                    if item not in out:
                        out.append(item)
        return out

    def viable(
        self, cat: str, key: str, nxt: str, missing: int, missing_after: int
    ) -> list[tuple[Rule, bool]]:
        """The rules of ``cat`` that can start with the keys ``key`` and ``nxt`` (the next
        token's, or :data:`END`) where the tokens from this one on meet every need but
        ``missing`` and those after it every need but ``missing_after`` (computed once
        per combination: a lazily built automaton)."""
        vkey = (cat, key, nxt, missing, missing_after)
        found = self._viable.get(vkey)
        if found is None:
            if len(self._viable) > 100_000:
                self._viable.clear()  # bounded memory on any stream of texts
            can_start = self.lookahead.rule_can_start
            found = [
                rc
                for rc in self.flat[cat].get(key, ())
                if not rc[0].need_mask & missing
                and not rc[0].rest_mask & missing_after
                and can_start(rc[0], key, nxt)
            ]
            self._viable[vkey] = found
        return found

    def suffix_missing(self, keys: list[str]) -> list[int]:
        """For each token of a phrase with these keys (and one past the last), the
        needs no token from there on meets (worked out once per sequence of keys)."""
        tkeys = tuple(keys)
        found = self._suffix.get(tkeys)
        if found is None:
            if len(self._suffix) > 10_000:
                self._suffix.clear()  # bounded memory on any stream of texts
            found = [-1] * (len(keys) + 1)
            mask = 0
            key_mask = self.key_mask
            for k in range(len(keys) - 1, -1, -1):
                mask |= key_mask.get(keys[k], 0)
                found[k] = ~mask
            self._suffix[tkeys] = found
        return found

    def _first_sets(self) -> None:
        cat_first: dict[str, set[str]] = {cat: set() for cat in self.by_cat}
        cat_null: dict[str, bool] = dict.fromkeys(self.by_cat, False)
        changed = True
        while changed:
            changed = False
            for rule in self.rules:
                first: set[str] = set()
                nullable = True
                for e in rule.elems:
                    if e.what == "c":
                        first |= cat_first[e.cat]
                        skippable = e.optional or cat_null[e.cat]
                    else:
                        first |= e.words
                        skippable = e.optional
                    if not skippable:
                        nullable = False
                        break
                if not first <= cat_first[rule.cat] or (nullable and not cat_null[rule.cat]):
                    cat_first[rule.cat] |= first
                    cat_null[rule.cat] = cat_null[rule.cat] or nullable
                    changed = True
                rule.first = frozenset(first)
                rule.nullable = nullable
        for rule in self.rules:
            if rule.nullable:
                raise ValueError(f"rule {rule.name!r} can match no tokens")
            if rule.prod is None and (len(rule.elems) != 1 or rule.elems[0].what != "c"):
                raise ValueError(f"rule {rule.name!r} passes through but is not one <category>")


def _shape(rule: Rule) -> str:
    if rule.simple:
        return "token" if len(rule.elems) == 1 else "simple"
    if len(rule.elems) == 1 and not rule.elems[0].optional:
        return "cat"
    return "seq"

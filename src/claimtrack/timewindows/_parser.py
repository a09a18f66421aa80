"""The parser of the rule engine: a grammar's categories over one token sequence.

A memoised top-down matcher (see ``_engine`` for the rules and their patterns).  For
each (category, token, cue flag) it computes once every end a match can reach, one
value per end; for each (rule, token, cue flag) once the rule's matches, whichever
categories the rule is flattened into.  The rules tried at a token are those its key,
the next token's key and the keys of the tokens after it allow (``Grammar.viable``).
Each rule runs by its shape: one token, a row of tokens, one category, or the general
walk over its elements, which merges the alternatives that reach one token (the first
kept), so a pattern of *k* elements takes at most *k* × ``MAX_SPAN`` steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._engine import MAX_SPAN, RULE_BITS, Elem, Grammar, M, Node, Rule, key_of
from ._lookahead import END
from ._tokens import Tok

_State = tuple[tuple[Any, ...], tuple[Node, ...]]


class Parser:
    """Matches a grammar's categories over one token sequence, memoised."""

    def __init__(self, grammar: Grammar, toks: Sequence[Tok], *, find: bool) -> None:
        self.g = grammar
        self.toks = toks
        self.n = n = len(toks)
        self.keys = keys = [t.key or key_of(t) for t in toks]
        # The key of the token after each one (END after the last).
        self.nxt = [*keys[1:], END]
        self.find = find
        # memo[cue][i][cat]: every end a category reaches from token i (a dict per token
        # and cue flag, made when first needed: cheaper to look up than a tuple key).
        self.memo: tuple[dict[int, dict[str, dict[int, Node]]], ...] = ({}, {})
        # missing[k]: the needs no token from k on meets (a rule with one of them cannot
        # match there).  A phrase is short: its masks are worked out per token.  In
        # running text, one mask for the whole text keeps the look-ups few.
        if find:
            mask = 0
            key_mask = grammar.key_mask
            for key in set(keys):
                mask |= key_mask.get(key, 0)
            self.missing = [~mask] * (n + 1)
        else:
            self.missing = grammar.suffix_missing(keys)
        # done[i << RULE_BITS | rule index << 1 | cue]: one rule's matches at token i.
        self.done: dict[int, tuple[Node, ...]] = {}

    def match(self, cat: str, i: int, cue: bool = False) -> dict[int, Node]:
        """Every end index a ``cat`` value starting at ``i`` reaches, with its match."""
        if i >= self.n:
            return {}
        # Outside find mode every value counts as cued (see ``_guards.cued``): the flag
        # changes nothing, and one memo serves both.
        find = self.find
        cue = cue and find
        rows = self.memo[cue]
        memo = rows.get(i)
        if memo is None:
            memo = rows[i] = {}
        else:
            found = memo.get(cat)
            if found is not None:
                return found
        res: dict[int, Node] = {}
        memo[cat] = res  # a rule that refers back to itself here sees nothing
        missing = self.missing
        vkey = (cat, self.keys[i], self.nxt[i], missing[i], missing[i + 1])
        g = self.g
        rules = g._viable.get(vkey)
        if rules is None:
            rules = g.viable(*vkey)
        done = self.done
        base = i << RULE_BITS
        for rule, rcue in rules:
            c = (cue or rcue) and find
            # One rule at one token, with one cue flag, is matched once, whichever
            # categories it is flattened into.
            rkey = base | rule.index << 1 | c
            nodes = done.get(rkey)
            if nodes is None:
                done[rkey] = ()  # a rule that reaches itself here sees nothing
                shape = rule.shape
                if shape == "token":
                    nodes = self._token(rule, i, c)
                elif shape == "cat":
                    nodes = self._cat(rule, i, c)
                elif shape == "simple":
                    nodes = self._simple(rule, i, c)
                else:
                    nodes = self._rule(rule, i, c)
                done[rkey] = nodes
            for node in nodes:
                end = node.end
                if end in res:
                    self._add(res, end, node)
                else:
                    res[end] = node
        return res

    def forget(self, before: int) -> None:
        """Drop what is held for matches starting before token ``before`` (a scan that
        has passed them never asks again): memory bounded on any length of text."""
        for rows in self.memo:
            for k in [k for k in rows if k < before]:
                del rows[k]
        cut = before << RULE_BITS
        self.done = {k: v for k, v in self.done.items() if k >= cut}

    def entries(self) -> list[tuple[str, int, bool, dict[int, Node]]]:
        """Every memoised match: (category, token index, cue flag, ends)."""
        return [
            (cat, i, bool(cue), ends)
            for cue, table in enumerate(self.memo)
            for i, row in table.items()
            for cat, ends in row.items()
        ]

    def _add(self, res: dict[int, Node], end: int, node: Node) -> None:
        prev = res.get(end)
        if prev is None:
            res[end] = node
            return
        merge = self.g.merge
        merged = None if merge is None else merge(prev.value, node.value)
        if merged is not None:
            # Nodes are shared between categories' memos: never changed in place.
            res[end] = Node(prev.rule, prev.start, end, merged, prev.kids, (*prev.alts, node))

    def _token(self, rule: Rule, i: int, c: bool) -> tuple[Node, ...]:
        """A rule of one required token (its key is one the rule starts with)."""
        e = rule.elems[0]
        toks = self.toks
        if e.glued and (i == 0 or toks[i].gap):
            return ()
        if e.what == "w":
            v: Any = toks[i].base
        elif e.value is not None:
            v = e.value(toks, i)
            if v is None:
                return ()
        else:
            v = toks[i].text
        assert rule.prod is not None
        value = rule.prod(M(rule, (v,), toks, i, i + 1, self.find, c))
        return () if value is None else (Node(rule.name, i, i + 1, value, ()),)

    def _cat(self, rule: Rule, i: int, c: bool) -> tuple[Node, ...]:
        """A rule of one required category (the token can start it)."""
        e = rule.elems[0]
        toks = self.toks
        if e.glued and (i == 0 or toks[i].gap):
            return ()
        prod, find, name = rule.prod, self.find, rule.name
        assert prod is not None
        out: list[Node] = []
        for end, node in self.match(e.cat, i, c or e.cue).items():
            value = prod(M(rule, (node.value,), toks, i, end, find, c))
            if value is not None:
                out.append(Node(name, i, end, value, (node,)))
        return tuple(out)

    def _simple(self, rule: Rule, i: int, c: bool) -> tuple[Node, ...]:
        """A rule whose elements are each one required token."""
        elems = rule.elems
        toks, keys = self.toks, self.keys
        end = i + len(elems)
        if end > self.n:
            return ()
        caps: list[Any] = []
        for pos, e in enumerate(elems, i):
            if keys[pos] not in e.words or (e.glued and (pos == 0 or toks[pos].gap)):
                return ()
            if e.what == "w":
                caps.append(toks[pos].base)
            elif e.value is not None:
                v = e.value(toks, pos)
                if v is None:
                    return ()
                caps.append(v)
            else:
                caps.append(toks[pos].text)
        assert rule.prod is not None
        value = rule.prod(M(rule, tuple(caps), toks, i, end, self.find, c))
        return () if value is None else (Node(rule.name, i, end, value, ()),)

    def _rule(self, rule: Rule, i: int, c: bool) -> tuple[Node, ...]:
        """Any other rule: the walk over its elements, one match per end."""
        prod = rule.prod
        assert prod is not None
        toks, find, name = self.toks, self.find, rule.name
        out: list[Node] = []
        limit = i + MAX_SPAN
        for end, (caps, kids) in self._seq(rule.elems, i, c).items():
            if end > limit:
                continue
            value = prod(M(rule, caps, toks, i, end, find, c))
            if value is not None:
                out.append(Node(name, i, end, value, kids))
        return tuple(out)

    def _seq(self, elems: list[Elem], i: int, cue: bool) -> dict[int, _State]:
        states: dict[int, _State] = {i: ((), ())}
        toks, keys, n, match = self.toks, self.keys, self.n, self.match
        for e in elems:
            nxt: dict[int, _State] = {}
            what, words, glued = e.what, e.words, e.glued
            for pos, state in states.items():
                if pos < n and keys[pos] in words and not (glued and (pos == 0 or toks[pos].gap)):
                    caps, kids = state
                    if what == "c":
                        for end, node in match(e.cat, pos, cue or e.cue).items():
                            if end not in nxt:
                                nxt[end] = ((*caps, node.value), (*kids, node))
                    else:
                        if what == "w":
                            v = toks[pos].base
                        elif e.value is not None:
                            v = e.value(toks, pos)
                        else:
                            v = toks[pos].text
                        if v is not None and pos + 1 not in nxt:
                            nxt[pos + 1] = ((*caps, v), kids)
                if e.optional and pos not in nxt:
                    nxt[pos] = (state[0] + (None,), state[1])
            if not nxt:
                return nxt
            states = nxt
        return states

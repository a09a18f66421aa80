"""Claim assembly: the units' kinds shared along lists and elaborations, then each unit
built into a :class:`Claim` with its actor, action, condition, due window and rules.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ..model import Actor, Claim, ClaimKind, TimeWindow
from .actor import ActorQuery
from .attribution.cues import join as _join
from .claim_spans import clean, negated, sentence_around
from .due_reading import DueReading
from .kind.provenance import attribution_rule, claim_rules, kind_rule
from .kind_reading import KindReading
from .kinds import Analysis
from .lexicon import ORDINALS
from .reader_state import Unit
from .text import Tok

_GROUP_HEADS = frozenset(
    [
        "coalition",
        "alliance",
        "party",
        "government",
        "company",
        "team",
        "union",
        "country",
        "nation",
        "members",
        "partners",
        "allies",
        "movement",
        "campaign",
        "organisation",
        "organization",
        "group",
        "business",
        "firm",
        "administration",
    ]
)


class ClaimAssembly(KindReading, DueReading):
    """Builds the claims from the units."""

    def _learn_groups(self) -> None:
        # What a speaker means by "we": the group they call "our coalition ...".
        for u in self.units:
            if u.speaker.actor.id == self.publisher.id or self.speakers.group_of(u.speaker.actor):
                continue
            toks = self.tokens(u.start, u.end)
            for k, t in enumerate(toks[:-1]):
                if t.low != "our" or toks[k + 1].low not in _GROUP_HEADS:
                    continue
                end = k + 2
                if end + 1 < len(toks) and toks[end].low == "of" and toks[end + 1].low == "the":
                    end = min(len(toks), end + 3)
                self.speakers.learn_group(u.speaker.actor, _join(toks, k + 1, end))
                break

    def _claims(self) -> list[Claim]:
        out: list[Claim] = []
        analyses: list[tuple[Analysis, Sequence[Tok]]] = []
        last_by_speaker: dict[str, int] = {}
        seen: set[tuple[int, int, str]] = set()
        for idx, u in enumerate(self.units):
            toks = self.tokens(u.start, u.end)
            found = self._analyse(u, toks)
            if (
                u.head is not None
                and u.head < len(analyses)
                and found.trigger in {None, "imperative"}
            ):
                head_an = analyses[u.head][0]
                found = found._replace(
                    kind=head_an.kind, own_side=head_an.own_side, trigger="coordinated"
                )
            elif (
                "elided" in u.flags
                and u.head is not None
                and u.head < len(analyses)
                and found.subject is None
                and found.kind in {ClaimKind.COMMITMENT, ClaimKind.PREDICTION}
                and analyses[u.head][0].kind in {ClaimKind.COMMITMENT, ClaimKind.PREDICTION}
            ):
                # "X said prices would rise and would ...": the elided subject's kind.
                head_an = analyses[u.head][0]
                found = found._replace(kind=head_an.kind, own_side=head_an.own_side)
            elif ("ordinal" in u.flags or "elaboration" in u.flags) and found.trigger in {
                None,
                "imperative",
            }:
                prev = last_by_speaker.get(u.speaker.actor.id)
                if prev is not None and analyses[prev][0].kind in {
                    ClaimKind.COMMITMENT,
                    ClaimKind.DEMAND,
                }:
                    prev_an = analyses[prev][0]
                    found = found._replace(
                        kind=prev_an.kind, own_side=prev_an.own_side, trigger="inherited"
                    )
            analyses.append((found, toks))
            if u.mode != "nested":
                last_by_speaker[u.speaker.actor.id] = idx
            key = (u.start, u.end, u.speaker.actor.id)
            if key in seen:
                continue
            seen.add(key)
            claim = self._build(u, found, toks)
            if claim is not None:
                out.append(claim)
        out.sort(key=lambda c: (c.span, c.id))
        return out

    def _build(self, u: Unit, found: Analysis, toks: Sequence[Tok]) -> Claim | None:
        text = self.text
        kind = found.kind
        actor: Actor | None = None
        actor_conf: float | None = None
        action: str | None = None
        due: TimeWindow | None = None
        due_conf: float | None = None
        due_rule = ""
        actor_rule = ""
        condition: str | None = None
        cuts = sorted(f[4:] for f in u.flags if f.startswith("cut:"))
        revisions = [*cuts, *u.segs, *found.rules]
        if kind is not ClaimKind.STATEMENT:
            actor, actor_conf, actor_rule = self._actor(u, found, toks)
            if found.action is not None:
                a, b = found.action
                action = clean(text[toks[a].start : toks[b - 1].end])
                if found.verb is not None and negated(toks, found.verb):
                    action = f"not {action}"
            elif u.addressee is not None:
                to = next(
                    (k for k, t in enumerate(toks) if t.start >= u.addressee[1] and t.low == "to"),
                    -1,
                )
                action = (
                    clean(text[toks[to + 1].start : u.end]) if 0 <= to < len(toks) - 1 else None
                )
            else:
                # An inherited or cue-made kind: the claim's own words are the action.
                a = 0
                while a < len(toks) - 1 and (
                    toks[a].low in {"that", "this", "means"} | ORDINALS or not toks[a].is_word
                ):
                    a += 1
                action = clean(text[toks[a].start : u.end]) if toks else None
            if found.condition is not None:
                a, b = found.condition
                condition = clean(text[toks[a].start : toks[b - 1].end])
            picked = self._due(u, found, toks)
            if picked is not None:
                due, due_conf, due_rule = picked.window, picked.confidence, picked.rule
        if found.trigger in {"progressive", "schedule"}:
            # "We are adding staff from next month", "The budget goes to a vote on 24
            # June": a plan only when its window lies ahead.
            ref = self.source.published_at
            ahead = due is not None and due.start is not None and ref is not None
            if not (
                ahead
                and due is not None
                and due.start is not None
                and ref is not None
                and due.start.date() >= ref.date()
            ):
                if u.speaker.actor.id == self.publisher.id:
                    return None
                revisions.append("kind.not-ahead")
                kind, actor, actor_conf, action, due, due_conf, condition = (
                    ClaimKind.STATEMENT,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                )
                actor_rule = due_rule = ""
        speaker_conf = u.speaker.confidence
        confidence = u.confidence * (0.6 + 0.4 * speaker_conf)
        if kind is not ClaimKind.STATEMENT and found.trigger in {"coordinated", "inherited"}:
            confidence *= 0.9
        rules = claim_rules(
            attribution_rule(u.mode, u.via),
            kind_rule(found.trigger, found.kind),
            [*revisions, actor_rule],
            due_rule if due is not None else None,
        )
        line = self._dateline
        if line is not None and line[1] <= u.start < line[2]:
            rules = ("attribution.dateline", *rules)  # the dateline set aside first
        try:
            return Claim.build(
                source_id=self.source.id,
                span=(u.start, u.end),
                speaker=u.speaker.actor,
                kind=kind,
                text=text[u.start : u.end],
                sentence=sentence_around(text, u.sentence, (u.start, u.end)),
                cue=u.cue,
                direct=u.direct,
                asserted_at=self.source.published_at,
                actor=actor,
                action=action or None,
                due=due,
                condition=condition or None,
                confidence=round(min(1.0, max(0.0, confidence)), 3),
                confidences={
                    "speaker": round(speaker_conf, 3),
                    "actor": None if actor_conf is None else round(actor_conf, 3),
                    "due": None if due_conf is None else round(due_conf, 3),
                },
                rules=rules,
            )
        except (ValueError, TypeError):
            return None  # an invalid value is a bug in a rule: skip the claim, keep going

    def _actor(
        self, u: Unit, found: Analysis, toks: Sequence[Tok]
    ) -> tuple[Actor | None, float | None, str]:
        addressee = u.addressee
        return self.actors.resolve(
            ActorQuery(
                speaker=u.speaker.actor,
                found=found,
                toks=toks,
                addressee=None if addressee is None else self.text[addressee[0] : addressee[1]],
                start=u.start,
                sentence_start=u.sentence[0],
                by_publisher=u.speaker.actor.id == self.publisher.id,
            )
        )

    def _current_names(self, claim: Claim) -> Claim:
        # Names learnt later in the article ("Sir Keir Starmer" after a headline's
        # "Starmer") give every claim of that actor its fullest name; ids do not change.
        registry = self.context.registry
        speaker = claim.speaker and (registry.get(claim.speaker.id) or claim.speaker)
        actor = claim.actor and (registry.get(claim.actor.id) or claim.actor)
        if speaker == claim.speaker and actor == claim.actor:
            return claim
        return attrs.evolve(claim, speaker=speaker, actor=actor)

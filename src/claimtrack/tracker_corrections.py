"""A person's corrections of the machine, on :class:`claimtrack.Tracker` (a mixin).

Each method mirrors a command (``claimtrack edit``, ``merge``, ``split``, ``retract``,
``add-claim``, ``show``).  Every correction is appended to the store's history with
who made it, when and a note, next to what was extracted (never over it), and applies
again after re-extraction: edits and merges name promises, splits name claims, and a
claim replaced on re-extraction passes its corrections to the claim that replaced it.
Every id accepts a promise id, a claim (mention) id or a unique prefix of either.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs

from .errors import InputError, NotFoundError
from .model import Actor, Claim, ClaimKind, Evidence, Source, TimeWindow
from .promises import actor_for, window_for
from .status import Standing
from .store import PERSON_EXTRACTOR
from .store_promise_reads import Correction
from .store_protocol import Store
from .timeutil import parse_when
from .timewindows import parse_window

__all__ = ["Corrections", "PromiseHistory"]

When = str | date | datetime | None
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@attrs.frozen
class PromiseHistory:
    """One promise as ``show`` prints it: its standing (reading, status), its first
    source, its mentions (as in the record), its relations both ways, every piece of
    evidence of its mentions and every correction, oldest first."""

    standing: Standing
    source: Source
    mentions: Sequence[dict[str, Any]]
    relations: Sequence[tuple[str, str, str]]
    evidence: Sequence[Evidence]
    corrections: Sequence[Correction]

    @property
    def claim(self) -> Claim:
        """The promise's reading."""
        return self.standing.claim


def _person(by: str | None) -> str:
    if by:
        return by
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system
        return "person"


class Corrections:
    """Corrections and ``show``; mixed into :class:`claimtrack.Tracker`."""

    store: Store

    def standings_of(
        self, ids: Sequence[str], as_of: When = None, *, history: bool = False
    ) -> list[Standing]:
        raise NotImplementedError  # provided by Tracker

    def promise_id(self, key: str) -> str:
        """The promise ``key`` names (promise id, claim id, or a unique prefix)."""
        return self.store.find_promise(key)

    def _reading(self, pid: str) -> Claim:
        rows = self.standings_of([pid])
        if not rows:
            raise NotFoundError(f"promise {pid} has no mention left; `claimtrack show {pid}`")
        return rows[0].claim

    def edit(
        self,
        key: str,
        *,
        kind: ClaimKind | str | None = None,
        actor: str | None = None,
        action: str | None = None,
        due: str | None = None,
        condition: str | None = None,
        no_condition: bool = False,
        note: str | None = None,
        by: str | None = None,
    ) -> Correction:
        """Correct a promise's reading: its kind, who must act, what, by when (``due``: a
        phrase resolved against the promise's publication time, or ISO dates
        ``2025-03-20`` / ``2025-03-17/2025-03-24``) and its condition.  Nothing given,
        nothing to do: an :class:`InputError`."""
        pid = self.promise_id(key)
        reading = self._reading(pid)
        typed: dict[str, Any] = {}
        fields: dict[str, Any] = {}
        if kind is not None:
            try:
                parsed = ClaimKind(ClaimKind.parse(kind))
            except ValueError as exc:
                raise InputError(f"--kind: {exc}") from None
            typed["kind"], fields["kind"] = str(kind), parsed.value
        if actor is not None:
            if not actor.strip():
                raise InputError("--actor: give a name")
            typed["actor"], fields["actor"] = actor, actor_for(actor)
        if action is not None:
            if not action.strip():
                raise InputError("--action: give what is to be done")
            typed["action"], fields["action"] = action, action.strip()
        if due is not None:
            typed["due"], fields["due"] = due, window_for(self._due(due, reading))
        if condition is not None and no_condition:
            raise InputError("give --condition TEXT or --no-condition, not both")
        if condition is not None:
            typed["condition"], fields["condition"] = condition, condition.strip() or None
        if no_condition:
            typed["no_condition"], fields["condition"] = True, None
        if not fields:
            raise InputError(
                "nothing to edit: give --kind, --actor, --action, --due, --condition or --no-condition"
            )
        args = {"typed": typed, "set": fields}
        cid = self.store.add_correction(
            pid,
            "edit",
            args,
            note=note,
            by=_person(by),
            regroup_claims=self.store.mention_ids(pid),
        )
        return self._correction(pid, cid)

    @staticmethod
    def _due(phrase: str, reading: Claim) -> TimeWindow:
        text = phrase.strip()
        parts = text.split("/")
        if all(_ISO_DAY.match(p) for p in parts) and len(parts) in (1, 2):
            start = parse_when(parts[0], what="--due")
            assert start is not None
            start = start.replace(hour=0)
            if len(parts) == 2:
                last = parse_when(parts[1], what="--due")
                assert last is not None
                end = last.replace(hour=0)
            else:
                end = start + timedelta(days=1)
            if end <= start:
                raise InputError(f"--due {phrase!r}: the end must come after the start")
            return TimeWindow(
                start=start, end=end, grain="day" if len(parts) == 1 else "span", text=text
            )
        reference = reading.asserted_at
        window = parse_window(text, reference)
        if window is None:
            raise InputError(
                f"--due {phrase!r} is not a time phrase claimtrack can read; try e.g."
                ' "by the end of March" or ISO dates 2025-03-20 or 2025-03-17/2025-03-24'
            )
        if window.start is None:
            raise InputError(
                f"--due {phrase!r}: the promise's source has no publication time to read it"
                " against; give ISO dates (2025-03-20 or 2025-03-17/2025-03-24)"
            )
        return window

    def merge(
        self, keys: Sequence[str], *, note: str | None = None, by: str | None = None
    ) -> Correction:
        """Merge the promises named by ``keys`` into the first: their mentions become
        its mentions.  Promises of different actors are refused."""
        if len(keys) < 2:
            raise InputError("merge needs two ids or more: the promise to keep, then the others")
        ids = list(dict.fromkeys(self.promise_id(k) for k in keys))
        if len(ids) < 2:
            raise InputError(f"those ids all name one promise ({ids[0]}): nothing to merge")
        readings = {pid: self._reading(pid) for pid in ids}
        into = readings[ids[0]]
        for pid in ids[1:]:
            if not _same_actor(into, readings[pid]):
                raise InputError(
                    f"cannot merge {pid} ({_who(readings[pid])}) into {ids[0]} ({_who(into)}):"
                    " they are different actors' promises; `claimtrack edit ID --actor NAME` first"
                    " if the reading is wrong"
                )
        claims = [c for pid in ids for c in self.store.mention_ids(pid)]
        taken = {pid: self.store.mention_ids(pid) for pid in ids[1:]}
        args = {
            "typed": {"ids": list(keys)},
            "into": ids[0],
            "from": ids[1:],
            "claims": claims,
            "taken": taken,
        }
        cid = self.store.add_correction(
            ids[0], "merge", args, note=note, by=_person(by), regroup_claims=claims
        )
        return self._correction(ids[0], cid)

    def split(
        self,
        key: str,
        mention_keys: Sequence[str],
        *,
        note: str | None = None,
        by: str | None = None,
    ) -> Correction:
        """Split these mentions (claim ids or unique prefixes) off the promise ``key``
        into a promise of their own.  Splitting off exactly what a merge brought in gives
        that promise back its id."""
        pid = self.promise_id(key)
        mentions = self.store.mention_ids(pid)
        chosen: list[str] = []
        for mk in mention_keys:
            hits = [m for m in mentions if m.startswith(mk.strip())] if mk.strip() else []
            if len(hits) != 1:
                listed = ", ".join(m[:8] for m in mentions)
                what = "matches several" if hits else "is not one"
                raise InputError(
                    f"{mk!r} {what} of the mentions of {pid} ({listed}); `claimtrack show {pid}` lists them"
                )
            chosen.append(hits[0])
        chosen = list(dict.fromkeys(chosen))
        rest = [m for m in mentions if m not in chosen]
        if not chosen or not rest:
            raise InputError(
                f"split needs some but not all of the mentions of {pid} ({len(mentions)} in all)"
            )
        new = self._split_id(pid, chosen)
        args = {
            "typed": {"id": key, "mentions": list(mention_keys)},
            "from": pid,
            "new": new,
            "claims": chosen,
            "rest": rest,
        }
        self.store.add_correction(
            pid, "split", args, note=note, by=_person(by), regroup_claims=mentions
        )
        return self.store.corrections_of(pid)[-1]

    def _split_id(self, pid: str, chosen: Sequence[str]) -> str:
        # The promise a merge took these very mentions from gets its id back.
        for c in reversed(self.store.corrections_of(pid)):
            if c.command == "merge" and c.args.get("into") == pid:
                for old, taken in (c.args.get("taken") or {}).items():
                    if sorted(taken) == sorted(chosen):
                        return str(old)
        return chosen[0] if not self._is_promise(chosen[0]) else _derived(pid, chosen)

    def _is_promise(self, pid: str) -> bool:
        return self.store.has_promise(pid)

    def retract(
        self,
        key: str,
        *,
        note: str | None = None,
        by: str | None = None,
        known: When = None,
    ) -> Correction:
        """Withdraw the latest verdict a person recorded on the promise (not already
        retracted); it stops counting from ``known`` (default: now)."""
        pid = self.promise_id(key)
        done = self.store.retracted()
        mine = [e for e in self.store.promise_history(pid) if e.by_person and e.id not in done]
        if not mine:
            raise InputError(f"promise {pid} has no verdict recorded by a person left to retract")
        latest = max(mine, key=lambda e: (e.recorded_at, e.id or 0))
        when = parse_when(known, what="--known") if known is not None else None
        when = when or datetime.now(timezone.utc)
        args = {
            "typed": {"id": key, **({"known": str(known)} if known is not None else {})},
            "evidence": latest.id,
            "verdict": latest.verdict.value,
        }
        cid = self.store.add_correction(
            pid, "retract", args, note=note, by=_person(by), known_at=when, evidence_id=latest.id
        )
        return self._correction(pid, cid)

    def add_claim(
        self,
        source_key: str,
        text: str,
        *,
        kind: ClaimKind | str = ClaimKind.COMMITMENT,
        speaker: str | None = None,
        actor: str | None = None,
        action: str | None = None,
        due: str | None = None,
        condition: str | None = None,
        note: str | None = None,
        by: str | None = None,
    ) -> Correction:
        """Record by hand a claim the extractor missed: ``text`` is its exact words in the
        stored source ``source_key`` (id or unique prefix).  It is grouped like any
        claim (it may join a promise already tracked); re-extraction never retires it."""
        source = self.store.get_source(source_key)
        words = text.strip()
        at = source.text.find(words) if words else -1
        if at < 0:
            raise InputError(
                f"the text {words[:60]!r} is not in source {source.id}; give the claim's exact words"
            )
        try:
            parsed = ClaimKind(ClaimKind.parse(kind))
        except ValueError as exc:
            raise InputError(f"--kind: {exc}") from None
        who = _person(by)
        speaker_actor = Actor.named(speaker) if speaker else None
        actor_actor = Actor.named(actor) if actor else speaker_actor
        draft = Claim.build(
            source_id=source.id,
            span=(at, at + len(words)),
            speaker=speaker_actor,
            kind=parsed,
            text=words,
            sentence=words,
            asserted_at=source.published_at,
            actor=actor_actor,
            action=action or words,
            condition=condition,
            confidence=1.0,
            extractor=f"{PERSON_EXTRACTOR}:{who}",
            rules=("add-claim",),
        )
        if due is not None:
            draft = attrs.evolve(draft, due=self._due(due, draft))
        self.store.add_person_claim(source, draft)
        pid = self.store.find_promise(draft.id)
        typed = {
            k: v
            for k, v in {
                "source": source_key,
                "text": text,
                "kind": str(kind),
                "speaker": speaker,
                "actor": actor,
                "action": action,
                "due": due,
                "condition": condition,
            }.items()
            if v is not None
        }
        cid = self.store.add_correction(
            pid, "add-claim", {"typed": typed, "claim": draft.id}, note=note, by=who
        )
        return self._correction(pid, cid)

    def show_promise(self, key: str, as_of: When = None) -> PromiseHistory:
        """One promise: its reading and standing, mentions, relations, the whole
        evidence history of its mentions and every correction."""
        pid = self.promise_id(key)
        record = self.store.promise_record(pid)
        for mention in record.get("mentions") or ():
            self.store.get_claim(mention["id"])  # a damaged record: a StoreError naming it
        rows = self.standings_of([pid], as_of, history=True)
        if not rows:
            raise NotFoundError(f"promise {pid} has no mention left (it was merged or retired)")
        row = rows[0]
        relations = [(t, o, r) for t, o, r in _relations(record)] + [
            (f"{t}d by" if t.endswith("e") else f"{t} by", o, r)
            for t, o, r in self.store.revised_by(pid)
        ]
        return PromiseHistory(
            standing=row,
            source=self.store.get_source(row.claim.source_id),
            mentions=list(record.get("mentions") or ()),
            relations=relations,
            evidence=self.store.promise_history(pid),
            corrections=self.store.corrections_of(pid),
        )

    def _correction(self, pid: str, cid: int) -> Correction:
        for c in self.store.corrections_of(pid):
            if c.id == cid:
                return c
        raise AssertionError("a correction just recorded is missing")


def _relations(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(r["type"], r["id"], r.get("rule", "")) for r in record.get("relations") or ()]


def _derived(pid: str, chosen: Sequence[str]) -> str:
    import hashlib

    return hashlib.sha256(f"split:{pid}:{','.join(sorted(chosen))}".encode()).hexdigest()[:16]


def _who(claim: Claim) -> str:
    who = claim.actor or claim.speaker
    return who.name if who is not None else "no actor"


def _same_actor(a: Claim, b: Claim) -> bool:
    from .grouping_acts import actors_compatible, mention_of

    ma, mb = mention_of(a), mention_of(b)
    return actors_compatible(ma, mb) and ma.head == mb.head

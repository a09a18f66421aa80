"""``claimtrack check`` and ``claimtrack confirm`` on :class:`claimtrack.Tracker` (a mixin).

``check`` runs every checker plugin over the promises without a final verdict.  What a
checker finds with a confidence of at least ``min_confidence`` is recorded as a verdict
(marked as the checker's); below it, as a **suggestion** a person confirms or dismisses
(:mod:`claimtrack.store_suggestions`), which never changes a status.  ``dry_run`` shows
both and records nothing.  ``confirm`` turns a suggestion into a person's verdict with
the suggestion's evidence; ``dismiss`` sets it aside.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timezone

import attrs

from .checking.reports import one_reading
from .errors import InputError, PluginError
from .model import Claim, Evidence, RecorderKind, Status
from .plugins import ClaimtrackPluginManager, call_each
from .records import claim_from_record, rule_of
from .status import StatusLine
from .store_promises import GROUPER
from .store_protocol import Store
from .store_suggestions import Suggestion, parse_suggestion_id
from .timeutil import check_verdict_times

__all__ = ["DEFAULT_MIN_CONFIDENCE", "CheckReport", "Checking", "rule_of"]

When = str | date | datetime | None
#: Below this confidence a checker's finding is a suggestion, not a verdict.
DEFAULT_MIN_CONFIDENCE = 0.5
_FINAL = frozenset(s for s in Status if s.is_final)


@attrs.define
class CheckReport:
    """What ``Tracker.check`` did (or, with ``dry_run``, would do): verdicts recorded,
    suggestions recorded, status changes, errors.  ``promise_of`` maps the claim each
    piece of evidence is on to its promise."""

    checked: int = 0
    recorded: list[Evidence] = attrs.field(factory=list)
    suggested: list[Evidence] = attrs.field(factory=list)
    changed: list[tuple[Claim, Status | None, Status | None]] = attrs.field(factory=list)
    errors: list[PluginError] = attrs.field(factory=list)
    promise_of: dict[str, str] = attrs.field(factory=dict)
    dry_run: bool = False
    min_confidence: float = DEFAULT_MIN_CONFIDENCE


def _confident(item: Evidence, threshold: float) -> bool:
    # A plugin that gives no confidence stands by its verdict.
    return item.confidence is None or item.confidence >= threshold


class Checking:
    """``check``, ``confirm`` and ``dismiss``; mixed into :class:`claimtrack.Tracker`."""

    store: Store
    pm: ClaimtrackPluginManager
    plugin_timeout: float | None
    status_lines: Callable[..., list[StatusLine]]

    @staticmethod
    def _as_of(as_of: When) -> datetime:
        raise NotImplementedError  # provided by Tracker

    def check(
        self,
        as_of: When = None,
        *,
        dry_run: bool = False,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> CheckReport:
        """Run every checker over the open promises; record what they find.

        Each checker sees a read-only view of the store and the promise's reading under
        its first mention's id (the built-in checker reads all its mentions).  A finding
        of ``min_confidence`` or more is recorded as a verdict; one below it as a
        suggestion (never counted by status).  Evidence or suggestions already held are
        not recorded twice.  ``dry_run`` records nothing and reports what would be."""
        if not 0.0 <= min_confidence <= 1.0:
            raise InputError(f"--min-confidence must be between 0 and 1, not {min_confidence}")
        when = self._as_of(as_of)
        report = CheckReport(dry_run=dry_run, min_confidence=min_confidence)
        before = {ln.claim_id: ln for ln in self.status_lines(when, kind=None)}
        todo = [
            pid for pid, ln in before.items() if ln.status is not None and ln.status not in _FINAL
        ]
        texts = self.store.promise_records_json(todo, public=False)
        claims: dict[str, Claim] = {}
        for pid in todo:
            if pid not in texts:  # a damaged record, named by the store and skipped
                continue
            record = json.loads(texts[pid])
            first = (record.get("mentions") or [{"id": pid}])[0]["id"]
            claims[pid] = attrs.evolve(claim_from_record(record), id=first)
            report.promise_of[first] = pid
        with one_reading(self.store, when):
            findings = [(pid, self._findings(claim, when, report)) for pid, claim in claims.items()]
        for pid, found in findings:
            report.checked += 1
            for item in found:
                if self._revision_recorded(pid, item):
                    continue  # grouping recorded this postponement when the source came
                confident = _confident(item, min_confidence)
                if dry_run:
                    if not self.store.holds(item):
                        (report.recorded if confident else report.suggested).append(item)
                    continue
                if confident:
                    stored = self.store.add_evidence(item, skip_duplicate=True)
                else:
                    stored = self.store.add_suggestion(item)
                if stored is not None:
                    (report.recorded if confident else report.suggested).append(stored)
        if report.recorded and not dry_run:
            touched = {report.promise_of.get(e.claim_id, e.claim_id) for e in report.recorded}
            after = {
                ln.claim_id: ln
                for ln in self.status_lines(when, kind=None)
                if ln.claim_id in touched
            }
            for pid in sorted(touched, key=list(before).index):
                old, new = before[pid], after.get(pid)
                if new is not None and new.status != old.status:
                    report.changed.append((claims[pid], old.status, new.status))
        return report

    def _findings(self, claim: Claim, when: datetime, report: CheckReport) -> list[Evidence]:
        out: list[Evidence] = []
        for name, produced in call_each(
            self.pm,
            "claimtrack_check",
            {"claim": claim, "store": self.store, "as_of": when},
            label=f"claim {claim.id}",
            timeout=self.plugin_timeout,
        ):
            if isinstance(produced, PluginError):
                report.errors.append(produced)
                continue
            for item in produced:
                if not isinstance(item, Evidence) or item.claim_id != claim.id:
                    report.errors.append(
                        PluginError(
                            name,
                            f"claim {claim.id}",
                            f"returned {item!r}, not Evidence for this claim",
                            hook="claimtrack_check",
                        )
                    )
                    continue
                if item.recorder is not RecorderKind.CHECKER:
                    item = attrs.evolve(item, recorder=RecorderKind.CHECKER)
                out.append(item)
        return out

    def _revision_recorded(self, promise_id: str, item: Evidence) -> bool:
        # A moved deadline (or a changed act) is recorded once, by grouping, when the revising source is
        # added: the checker reading the same source does not record it again.
        if item.reason not in ("postponed", "changed") or item.source_id is None:
            return False
        return any(
            e.recorded_by.startswith(GROUPER) and e.source_id == item.source_id
            for e in self.store.promise_history(promise_id)
        )

    # -- suggestions ------------------------------------------------------------------

    def suggestions(
        self, promise_ids: list[str], *, pending: bool = True
    ) -> dict[str, list[Suggestion]]:
        """The suggestions on these promises (only those no one answered, with
        ``pending``), oldest first."""
        found = self.store.suggestions_of(promise_ids)
        if not pending:
            return found
        out = {pid: [s for s in items if s.pending] for pid, items in found.items()}
        return {pid: items for pid, items in out.items() if items}

    def _open_suggestion(self, key: str) -> Suggestion:
        s = self.store.get_suggestion(parse_suggestion_id(key))
        if s.answer is not None:
            raise InputError(
                f"suggestion {s.label} was already answered ({s.answer}, by {s.answered_by});"
                " `claimtrack resolve` records another verdict, `claimtrack retract` withdraws one"
            )
        if s.promise_id is None:
            raise InputError(f"suggestion {s.label} is on a claim that is no longer tracked")
        return s

    def confirm(
        self,
        suggestion: str,
        *,
        note: str | None = None,
        by: str | None = None,
    ) -> tuple[Evidence, int]:
        """A person confirms suggestion ``suggestion`` (``s12`` or ``12``): its verdict
        is recorded as the person's, with the suggestion's evidence (sentence, report,
        dates, reason, rule), counting from when the report was published; a ``confirm``
        correction names the suggestion.  Returns the verdict and the correction's number."""
        s = self._open_suggestion(suggestion)
        assert s.promise_id is not None
        e = s.evidence
        now = datetime.now(timezone.utc)
        check_verdict_times(e.happened_at, e.known_at, said=None, now=now)
        who = _person(by)
        said = f"confirms {s.label} ({e.recorded_by}, confidence {_pct(e.confidence)})"
        record = attrs.evolve(
            e,
            id=None,
            recorded_at=now,
            recorded_by=who,
            recorder=RecorderKind.PERSON,
            confidence=None,
            note="; ".join(x for x in (note, said, e.note) if x),
        )
        stored = self.store.add_evidence(record)
        assert stored is not None and stored.id is not None
        number = self.store.add_correction(
            s.promise_id,
            "confirm",
            {"suggestion": s.id, "verdict": e.verdict.value, "typed": {"suggestion": s.label}},
            note=note,
            by=who,
            evidence_id=stored.id,
        )
        return stored, number

    def dismiss(self, suggestion: str, *, note: str | None = None, by: str | None = None) -> int:
        """A person sets suggestion ``suggestion`` aside: it stays stored, answered
        ``dismiss``, and is no longer listed as waiting; returns the correction's number."""
        s = self._open_suggestion(suggestion)
        assert s.promise_id is not None
        return self.store.add_correction(
            s.promise_id,
            "dismiss",
            {
                "suggestion": s.id,
                "verdict": s.evidence.verdict.value,
                "typed": {"suggestion": s.label},
            },
            note=note,
            by=_person(by),
        )


def _pct(value: float | None) -> str:
    return "?" if value is None else f"{value:.0%}"


def _person(by: str | None) -> str:
    from .tracker_corrections import _person as person

    return person(by)

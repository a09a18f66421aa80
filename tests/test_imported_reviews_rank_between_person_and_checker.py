"""Another fact-checker's imported review is a recorder of its own ("imported", named by
the reviewing organisation): it outranks the automatic checker, a person of this ledger
outranks it, and the store's ranking SQL agrees with ``status.rank_key``."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack import RecorderKind, Status
from claimtrack.report import recorder_phrase
from claimtrack.status import derive_status
from claimtrack.testing import make_claim, make_evidence, make_source

AS_OF = datetime(2025, 4, 1, tzinfo=timezone.utc)
SOURCE = make_source("The council will reopen the depot in March.", published="2025-03-01")
CLAIM = make_claim(SOURCE, "The council will reopen the depot in March", kind="commitment")


def test_authority_orders_person_imported_checker() -> None:
    ranks = [
        k.authority for k in (RecorderKind.PERSON, RecorderKind.IMPORTED, RecorderKind.CHECKER)
    ]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == 3


def test_an_imported_review_outranks_a_later_checker_verdict() -> None:
    imported = make_evidence(
        CLAIM, "kept", known="2025-03-10", by="Harbour Fact Check", recorder="imported"
    )
    machine = make_evidence(CLAIM, "broken", known="2025-03-20", recorder="checker")
    status, _, decided = derive_status(CLAIM, [imported, machine], AS_OF)
    assert status is Status.KEPT and decided == imported
    person = make_evidence(CLAIM, "partially_kept", known="2025-03-05")
    status, _, decided = derive_status(CLAIM, [imported, machine, person], AS_OF)
    assert status is Status.PARTIALLY_KEPT and decided == person


def test_the_report_says_per_the_organisation() -> None:
    imported = make_evidence(CLAIM, "kept", by="Harbour Fact Check", recorder="imported")
    assert recorder_phrase(imported) == "per Harbour Fact Check"
    assert recorder_phrase(make_evidence(CLAIM, "kept", recorder="checker")) == "checker"
    assert recorder_phrase(make_evidence(CLAIM, "kept", by="Ana")) == "Ana"


RECORDERS = st.sampled_from(["person", "imported", "checker"])
VERDICTS = st.sampled_from(["kept", "broken", "partially_kept", "withdrawn"])
DAYS = st.integers(min_value=2, max_value=28)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(RECORDERS, VERDICTS, DAYS), min_size=1, max_size=5))
def test_the_store_decides_as_rank_key_does(
    new_store: Callable[[], AbstractContextManager[str]], rows: list[tuple[str, str, int]]
) -> None:
    # On each engine: the ranking SQL keeps what rank_key would pick.
    with new_store() as where, claimtrack.Tracker(where) as tracker:
        tracker.store.add_source(SOURCE, [CLAIM])
        made = []
        for n, (recorder, verdict, day) in enumerate(rows):
            ev = make_evidence(
                CLAIM, verdict, known=f"2025-03-{day:02d}", by=f"r{n}", recorder=recorder
            )
            stored = tracker.store.add_evidence(ev)
            assert stored is not None
            made.append(stored)
        expected, _, decided = derive_status(CLAIM, made, AS_OF)
        (line,) = tracker.status_lines(AS_OF)
        assert line.status is expected
        assert line.decided_by is not None and decided is not None
        assert line.decided_by.recorder is decided.recorder

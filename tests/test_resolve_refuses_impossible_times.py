"""``resolve`` refuses moments that cannot be — known or happened in the future, happened
after it became known, known before the promise was made — naming the option, and
records nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import InputError
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.testing import invoke_cli
from claimtrack.timeutil import check_verdict_times

UTC = timezone.utc


@pytest.fixture
def promise(tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager) -> tuple[Path, str]:
    """A store with the article's commitments (said 3 March 2025), and one's id."""
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    exported = invoke_cli("export", "--format", "csv", plugin_manager=will_pm, db=db).stdout
    ids = [line.split(",")[0] for line in exported.splitlines()[1:] if ",commitment," in line]
    return db, ids[0]


@pytest.mark.parametrize(
    ("times", "says"),
    [
        (["--happened", "2025-03-21", "--known", "2025-03-20"],
         "--happened 2025-03-21 is after --known 2025-03-20"),
        (["--known", "2025-03-01"], "--known 2025-03-01 is before the promise was made (2025-03-03)"),
        (["--known", "2099-01-01"], "--known 2099-01-01 is in the future"),
        (["--happened", "2099-01-01"], "--happened 2099-01-01 is in the future"),
    ],
)  # fmt: skip
def test_an_impossible_time_is_refused_naming_the_option(
    promise: tuple[Path, str], will_pm: ClaimtrackPluginManager, times: list[str], says: str
) -> None:
    db, claim = promise
    result = invoke_cli("resolve", claim, "kept", *times, plugin_manager=will_pm, db=db)
    assert result.exit_code == 1
    assert says in result.stderr and result.stderr.startswith("Error: ")
    shown = invoke_cli("show", claim, "--format", "json", plugin_manager=will_pm, db=db)
    assert '"history": []' in shown.stdout  # nothing recorded


def test_the_same_day_is_fine(promise: tuple[Path, str], will_pm: ClaimtrackPluginManager) -> None:
    db, claim = promise
    result = invoke_cli("resolve", claim, "kept", "--happened", "2025-03-03T17:00:00+00:00",
                        "--known", "2025-03-03", plugin_manager=will_pm, db=db)  # fmt: skip
    assert result.exit_code == 0, result.output


moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
)
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@given(moments, moments, moments)
def test_a_verdict_is_refused_exactly_when_its_times_cannot_be(
    happened: datetime, known: datetime, said: datetime
) -> None:
    impossible = (
        known > NOW + timedelta(minutes=5)
        or happened > NOW + timedelta(minutes=5)
        or happened.date() > known.date()
        or known.date() < said.date()
    )
    try:
        check_verdict_times(happened, known, said=said, now=NOW)
    except InputError as exc:
        assert impossible, str(exc)
        assert "--known" in str(exc) or "--happened" in str(exc)
    else:
        assert not impossible

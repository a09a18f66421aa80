"""Reason codes are one vocabulary: the person's ``--reason`` and the built-in checker's
rules use the same codes, listed in ``resolve --help``; free text goes to ``--note``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import InputError
from claimtrack.checking.rules import RULES
from claimtrack.cli import cli
from claimtrack.plugins import ClaimtrackPluginManager
from claimtrack.reasons import REASONS, parse_reason
from claimtrack.testing import invoke_cli


def test_every_checker_rule_gives_a_reason_of_the_vocabulary() -> None:
    used = {rule.reason for rule in RULES if rule.reason is not None}
    assert used and used <= set(REASONS), sorted(used - set(REASONS))


def test_resolve_help_lists_every_code() -> None:
    text = " ".join(CliRunner().invoke(cli, ["resolve", "--help"], obj={}).output.split())
    for code in REASONS:
        assert code.replace("_", "-") in text


@pytest.mark.parametrize(("given_", "code"), [("premise-failed", "premise_failed"),
                         ("Blocked by others", "blocked_by_others"), ("late", "late")])  # fmt: skip
def test_codes_read_in_any_spelling(given_: str, code: str) -> None:
    assert parse_reason(given_) == code


@given(st.text(max_size=40))
def test_anything_else_is_refused_naming_the_codes(text: str) -> None:
    try:
        code = parse_reason(text)
    except InputError as exc:
        assert "--note" in str(exc) and "premise_failed" in str(exc)
    else:
        assert code in REASONS


@pytest.fixture
def promise(tmp_path: Path, article: Path, will_pm: ClaimtrackPluginManager) -> tuple[Path, str]:
    db = tmp_path / "t.db"
    invoke_cli("add", str(article), plugin_manager=will_pm, db=db)
    csv = invoke_cli("export", "--format", "csv", plugin_manager=will_pm, db=db).stdout
    return db, next(x.split(",")[0] for x in csv.splitlines() if ",commitment," in x)


def test_free_text_as_a_reason_is_refused_and_nothing_recorded(
    promise: tuple[Path, str], will_pm: ClaimtrackPluginManager
) -> None:
    db, claim = promise
    result = invoke_cli("resolve", claim, "broken", "--reason", "bananas",
                        plugin_manager=will_pm, db=db)  # fmt: skip
    assert result.exit_code == 1
    assert "--reason 'bananas' is not a reason code" in result.stderr and "--note" in result.stderr
    shown = invoke_cli("show", claim, "--format", "json", plugin_manager=will_pm, db=db).stdout
    assert '"history": []' in shown


def test_a_code_is_stored_in_its_one_spelling(
    promise: tuple[Path, str], will_pm: ClaimtrackPluginManager
) -> None:
    db, claim = promise
    result = invoke_cli("resolve", claim, "annulled", "--reason", "Premise-Failed",
                        "--known", "2025-03-05", plugin_manager=will_pm, db=db)  # fmt: skip
    assert result.exit_code == 0, result.output
    shown = invoke_cli("show", claim, "--format", "json", plugin_manager=will_pm, db=db).stdout
    assert '"reason": "premise_failed"' in shown

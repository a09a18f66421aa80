"""Every claim the English extractor makes names the rules that made it: how its
speaker was found, what decided its kind (and any rule that revised it), where its
due window came from; ``claimtrack extract --explain`` prints them."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from claimtrack import Claim, ClaimKind
from claimtrack.english.kind.provenance import attribution_rule, claim_rules, kind_rule
from claimtrack.testing import claim_containing as find
from claimtrack.testing import extract_english, invoke_cli

# A Tuesday.
PUBLISHED = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)


def run(text: str) -> list[Claim]:
    return extract_english(text, published=PUBLISHED, publisher="Harbour Gazette")


def test_a_reported_commitment_names_attribution_kind_and_due_rules() -> None:
    claims = run("The trust will reopen the ward by June, the chief executive said.\n")
    claim = find(claims, "reopen the ward")
    assert claim.kind is ClaimKind.COMMITMENT
    assert claim.rules[0].startswith("attribution.")
    assert "kind.future" in claim.rules
    assert claim.rules[-1] == "due.after-verb"


def test_a_claim_without_a_due_names_no_due_rule() -> None:
    claims = run("The trust will reopen the ward, the chief executive said.\n")
    claim = find(claims, "reopen the ward")
    assert not any(r.startswith("due.") for r in claim.rules)


def test_a_quotation_names_how_its_speaker_was_found() -> None:
    claims = run(
        'Mayor Lena Ortiz spoke at the depot.\n\n"We will open two clinics," Ortiz said.\n\n'
        '"And we will hire the nurses."\n'
    )
    assert "attribution.adjacent" in find(claims, "open two clinics").rules
    assert "attribution.adjacent" not in find(claims, "hire the nurses").rules


def test_a_statement_names_the_statement_rule() -> None:
    claims = run("The ward was too small, the chief executive said.\n")
    claim = find(claims, "too small")
    assert claim.kind is ClaimKind.STATEMENT
    assert "kind.statement" in claim.rules


def test_a_revised_kind_names_the_revising_rule() -> None:
    claims = run('"I think we will see more strikes," the union leader said.\n')
    claim = find(claims, "see more strikes")
    assert claim.kind is ClaimKind.PREDICTION
    assert "kind.hedged" in claim.rules


def test_rule_names_are_unique_and_ordered() -> None:
    rules = claim_rules("attribution.verb", "kind.future", ["kind.future", "kind.hedged"], None)
    assert rules == ("attribution.verb", "kind.future", "kind.hedged")
    assert kind_rule("cue", ClaimKind.DEMAND) == "kind.cue-demand"
    assert kind_rule(None, ClaimKind.STATEMENT) == "kind.statement"
    assert attribution_rule("direct") == "attribution.adjacent"
    assert attribution_rule("indirect", "according") == "attribution.according"


def test_extract_explain_prints_each_claims_rules(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The trust will reopen the ward by June, the chief executive said.\n")
    args = ("extract", str(article), "--published", "2026-03-03")
    plain = invoke_cli(*args)
    explained = invoke_cli(*args, "--explain")
    assert plain.exit_code == 0 and explained.exit_code == 0
    assert "rules:" not in plain.stdout
    assert "rules:" in explained.stdout and "kind.future" in explained.stdout.replace("\n", "")
    (record,) = (json.loads(x) for x in invoke_cli(*args, "--format", "jsonl").stdout.splitlines())
    assert "kind.future" in record["rules"]

"""What a claim does (commit, demand, predict, state), as named rules.

Each rule family lives in its own module; :mod:`.provenance` names the rules that made a
claim so ``Claim.rules`` can show them.
"""

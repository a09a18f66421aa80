"""The kind rules, in the order the engine offers them a reading (first decides)."""

from __future__ import annotations

from .dated import RULES as DATED_RULES
from .engine import KindRule
from .forecast import RULES as FORECAST_RULES
from .headline import RULES as HEADLINE_RULES
from .mandate import RULES as MANDATE_RULES
from .nonfinite import RULES as NONFINITE_RULES
from .schedule import RULES as SCHEDULE_RULES

__all__ = ["RULES"]

RULES: tuple[KindRule, ...] = (
    *FORECAST_RULES,
    *HEADLINE_RULES,
    *NONFINITE_RULES,
    *DATED_RULES,
    *SCHEDULE_RULES,
    *MANDATE_RULES,
)

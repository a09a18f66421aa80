"""The result of reading one claim's kind: :class:`Analysis`, and :func:`build` to make one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...model import ClaimKind
from ..text import Tok


class Analysis(NamedTuple):
    """The result of :func:`analyse`; ranges are token indexes ``[a, b)``."""

    kind: ClaimKind
    trigger: str | None
    subject: tuple[int, int] | None
    own_side: bool
    verb: int | None
    action: tuple[int, int] | None
    condition: tuple[int, int] | None
    addressee: tuple[int, int] | None
    imperative: bool
    #: Names of the rules that revised the kind after its trigger decided it.
    rules: tuple[str, ...] = ()


def build(
    toks: Sequence[Tok],
    kind: ClaimKind,
    trigger: str,
    subject: tuple[int, int] | None,
    own: bool,
    verb: int,
    cond: tuple[int, int] | None,
    addressee: tuple[int, int] | None,
    imperative: bool = False,
) -> Analysis:
    n = len(toks)
    action: tuple[int, int] | None = None
    if 0 <= verb < n:
        end = n
        if cond is not None and cond[0] > verb:
            end = cond[0]
        while end > verb and not toks[end - 1].is_word:
            end -= 1
        if end > verb:
            action = (verb, end)
    return Analysis(
        kind,
        trigger,
        subject,
        own,
        verb if 0 <= verb < n else None,  # "will" at the very end has no verb
        action,
        cond,
        addressee,
        imperative,
    )

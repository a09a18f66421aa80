"""The built-in checker's logic: does a later report say a commitment was kept, or not?

:func:`check_commitment` is the whole of it; ``default_plugins.checker`` registers it
as the ``claimtrack_check`` hook.  The parts: :mod:`.text` (sentences, words, stems),
:mod:`.lexicon` (action classes, cues of failure, places), :mod:`.frames` (reading a
commitment into a frame and finding it in a sentence), :mod:`.checker` (putting it
together with the actor, place and time).
"""

from __future__ import annotations

from .checker import CHECKER, MIN_CONFIDENCE, check_commitment, recorded_by

__all__ = ["CHECKER", "MIN_CONFIDENCE", "check_commitment", "recorded_by"]

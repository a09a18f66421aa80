"""The built-in checker's logic: does a later report say a commitment was kept, or not?

:func:`check_commitment` is the whole of it; ``default_plugins.checker`` registers it
as the ``claimtrack_check`` hook.  The parts: :mod:`.text` (sentences, words, stems),
:mod:`.lexicon` (the word lists of ``data/``: acts, cues, places), :mod:`.actors`,
:mod:`.places`, :mod:`.promise` (what a promise says will happen), :mod:`.reports` (later
reports, read and indexed once per check), :mod:`.reading` (an act in a report sentence),
:mod:`.rules` (the named verdict rules, with examples) and :mod:`.checker` (putting it
together).
"""

from __future__ import annotations

from .checker import CHECKER, MIN_CONFIDENCE, check_commitment, recorded_by

__all__ = ["CHECKER", "MIN_CONFIDENCE", "check_commitment", "recorded_by"]

"""What a claim does (commit, demand, predict, state), as named rules.

:func:`claimtrack.english.kinds.analyse` reads the core trigger ("will", "must", "plans
to" ...); :mod:`.engine` then offers that reading to the rules of :mod:`.rules`, in
order, the first that decides winning.  One module per rule family:

- :mod:`.forecast` -- what looks like an undertaking but forecasts or describes;
- :mod:`.headline` -- headlines that set or move a schedule, deadlines, named dates;
- :mod:`.nonfinite` -- offers, readiness, preparations, nominal plans;
- :mod:`.dated` -- dated schedules that are not a "will";
- :mod:`.schedule` -- schedules and agreements read as forecasts ("is set to", "on
  track", the article's own "X will take place").

:mod:`.clauses` finds where a sentence holds a second schedule of its own;
:mod:`.provenance` names the rules that made a claim (``Claim.rules``); the word lists
are in ``data/words.txt`` (:mod:`.words`); :mod:`.grammar`, :mod:`.common` and
:mod:`.present` hold the bounded token looks the rules share.
"""

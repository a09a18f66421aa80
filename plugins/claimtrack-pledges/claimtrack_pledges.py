"""claimtrack-pledges: find "We pledge to …" commitments in press releases.

An organisation's press release speaks in the first person plural: "We pledge to plant
500 trees by the end of 2026."  This extractor turns each such sentence into a
commitment of the publisher (the organisation that put the release out), due when the
sentence says, if it says.  It is the worked example of ``docs/plugins.md``: one hook,
one module, one entry point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import claimtrack
from claimtrack import Claim, ClaimKind, ExtractContext, Source, TimeWindow

__version__ = "0.1.0"

# "We pledge to", "We are committed to", "Our company hereby commits to", "We vowed to" …
PLEDGE = re.compile(
    r"\b(?:we|our (?:company|organi[sz]ation|group|council|board))\s+"
    r"(?:(?:hereby|also|further|today|have|has|are|is|remain|publicly|formally)\s+)*"
    r"(?P<cue>pledge[ds]?|promise[ds]?|commit(?:s|ted)?|vow(?:s|ed)?|undert(?:ake|akes|ook))"
    r"\s+(?:ourselves\s+|itself\s+)?to\s+(?P<action>[^.!?\n]+)",
    re.IGNORECASE,
)
# A sentence: a run of text up to . ! or ? (or a line end), so headlines count too.
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
CONDITION = re.compile(
    r",?\s*\b(?:if|provided(?: that)?|subject to|as long as|once)\b\s+(?P<condition>[^,;]+)",
    re.IGNORECASE,
)
# Words left dangling when the due phrase is cut out of the action ("… by", "… before").
DANGLING = re.compile(r"[\s,;:]*\b(?:by|before|within|in|on|from|until|no later than)?[\s,;:]*$")


@claimtrack.hookimpl
@claimtrack.reads_languages("en")
def claimtrack_extract(source: Source, context: ExtractContext) -> Iterator[Claim]:
    """Yield a commitment of ``source.publisher`` for each "We pledge to …" sentence.

    A source without a publisher yields nothing: there is no one "we" can stand for.
    """
    if not source.publisher:
        return
    organisation = context.registry.resolve_or_add(source.publisher, "organisation")
    for sentence in SENTENCE.finditer(source.text):
        for match in PLEDGE.finditer(sentence.group()):
            yield _claim(source, context, organisation, sentence, match)


def _claim(
    source: Source,
    context: ExtractContext,
    organisation: claimtrack.Actor,
    sentence: re.Match[str],
    match: re.Match[str],
) -> Claim:
    # The claim text is the pledge itself, from "We" to the end of the clause; the span
    # must index the source text exactly, or claimtrack drops the claim.
    text = match.group().rstrip(" \"'”’")
    start = sentence.start() + match.start()
    action = match.group("action").rstrip(" \"'”’")
    action_start = match.start("action")
    due = _due(context, sentence.group(), action_start, action_start + len(action))
    if due is not None:
        _, (w_start, w_end) = due
        action = action[: w_start - action_start] + action[w_end - action_start :]
    condition = None
    found = CONDITION.search(action)
    if found:
        condition = found.group("condition").strip()
        action = action[: found.start()] + action[found.end() :]
    action = DANGLING.sub("", action.strip()) or match.group("action").strip()
    return Claim.build(
        source_id=source.id,
        span=(start, start + len(text)),
        speaker=organisation,
        kind=ClaimKind.COMMITMENT,
        text=text,
        sentence=sentence.group().strip(),
        cue=match.group("cue").lower(),
        direct=False,
        asserted_at=source.published_at,
        actor=organisation,
        action=action,
        due=None if due is None else due[0],
        condition=condition,
        confidence=0.8,
        confidences={"speaker": 0.9, "actor": 0.9, "due": 0.8 if due else None},
        # Which rules made it, so `claimtrack show` can say why the claim is there.
        rules=(
            "pledge-sentence",
            *(["due-in-action"] if due else []),
            *(["condition"] if condition else []),
        ),
    )


def _due(
    context: ExtractContext, sentence: str, start: int, end: int
) -> tuple[TimeWindow, tuple[int, int]] | None:
    """The first time phrase inside the pledged action, resolved by claimtrack against
    the publication time, with its span in the sentence."""
    for (w_start, w_end), window in context.find_windows(sentence, tense="future"):
        if start <= w_start and w_end <= end:
            return window, (w_start, w_end)
    return None

"""The values claimtrack deals in: sources, actors, time windows, claims and evidence.

Every class here is a frozen attrs value with validators for its invariants, so an
invalid value cannot exist.  The model knows nothing of SQLite, JSON or the CLI: the
store (``store.py``) and the wire format (``records.py``) translate at the edges.
"""

from __future__ import annotations

import enum
import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime, timezone
from typing import Any

import attrs

__all__ = [
    "FINAL_VERDICTS",
    "INTERIM_VERDICTS",
    "REPORTER_KEYS",
    "Actor",
    "ActorKind",
    "Claim",
    "ClaimKind",
    "Evidence",
    "Grain",
    "Progress",
    "RecorderKind",
    "Source",
    "SourceRef",
    "Status",
    "TimeWindow",
    "Verdict",
    "claim_id",
    "content_id",
    "document_address",
    "reporter_of",
    "slugify",
]


class _Named(str, enum.Enum):
    """A string enum whose value is its snake_case wire name."""

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, value: object) -> Any:
        """Accept a member, its snake_case name, or the same with hyphens or spaces."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            key = value.strip().lower().replace("-", "_").replace(" ", "_")
            try:
                return cls(key)
            except ValueError:
                pass
        choices = ", ".join(m.value for m in cls)
        raise ValueError(
            f"{value!r} is not a valid {cls.__name__.lower()}; choose one of: {choices}"
        )


class ActorKind(_Named):
    """What sort of actor an :class:`Actor` is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    GROUP = "group"
    UNKNOWN = "unknown"


class ClaimKind(_Named):
    """What a claim does: states, commits, predicts or demands."""

    STATEMENT = "statement"
    COMMITMENT = "commitment"
    PREDICTION = "prediction"
    DEMAND = "demand"


class Grain(_Named):
    """The size of the unit a time window was written in."""

    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    SPAN = "span"


class Verdict(_Named):
    """What a piece of evidence says of a commitment."""

    IN_PROGRESS = "in_progress"
    STALLED = "stalled"
    KEPT = "kept"
    PARTIALLY_KEPT = "partially_kept"
    BROKEN = "broken"
    WITHDRAWN = "withdrawn"
    UNVERIFIABLE = "unverifiable"
    ANNULLED = "annulled"
    CONDITION_MET = "condition_met"

    @property
    def is_final(self) -> bool:
        """Whether this verdict settles the commitment (see DESIGN: the rules)."""
        return self in FINAL_VERDICTS


FINAL_VERDICTS = frozenset(
    {
        Verdict.KEPT,
        Verdict.PARTIALLY_KEPT,
        Verdict.BROKEN,
        Verdict.WITHDRAWN,
        Verdict.UNVERIFIABLE,
        Verdict.ANNULLED,
    }
)
INTERIM_VERDICTS = frozenset({Verdict.IN_PROGRESS, Verdict.STALLED})


class Status(_Named):
    """The derived standing of a commitment (never stored; see ``status.derive_status``)."""

    OPEN = "open"
    DUE = "due"
    OVERDUE = "overdue"
    CONDITIONAL = "conditional"
    KEPT = "kept"
    PARTIALLY_KEPT = "partially_kept"
    BROKEN = "broken"
    WITHDRAWN = "withdrawn"
    UNVERIFIABLE = "unverifiable"
    ANNULLED = "annulled"

    @property
    def is_final(self) -> bool:
        """Whether a final verdict decided this status."""
        return self in FINAL_STATUSES


FINAL_STATUSES = frozenset(Status(v.value) for v in FINAL_VERDICTS)


class Progress(_Named):
    """An interim verdict shown beside a status that is not yet final."""

    IN_PROGRESS = "in_progress"
    STALLED = "stalled"


class RecorderKind(_Named):
    """Who recorded a piece of evidence, in order of authority: a person of this
    ledger, then another fact-checker whose published review was imported (its name
    in ``recorded_by``), then the automatic checker.  An imported review was decided by
    people, though not by this ledger's: it outranks a machine's guess, and is
    outranked by a verdict recorded here."""

    PERSON = "person"
    IMPORTED = "imported"
    CHECKER = "checker"

    @property
    def authority(self) -> int:
        """The rank of this kind of recorder: person 2, imported 1, checker 0."""
        return _AUTHORITY[self]


_AUTHORITY = {RecorderKind.PERSON: 2, RecorderKind.IMPORTED: 1, RecorderKind.CHECKER: 0}


# -- validators ------------------------------------------------------------------------


def _aware(_inst: object, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise TypeError(f"{attribute.name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"{attribute.name} must be timezone-aware (got naive {value.isoformat()}); "
            "attach a tzinfo, e.g. datetime(..., tzinfo=timezone.utc)"
        )


def _unit_interval(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is None:
        return
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value!r}")


def _non_empty(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value or not value.strip():
        raise ValueError(f"{attribute.name} must not be empty")


def _opt_float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def _frozen_meta(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(value or {})


def _str_tuple(value: Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _actor_kind(value: object) -> ActorKind:
    return ActorKind(ActorKind.parse(value))


def _claim_kind(value: object) -> ClaimKind:
    return ClaimKind(ClaimKind.parse(value))


def _verdict(value: object) -> Verdict:
    return Verdict(Verdict.parse(value))


def _recorder(value: object) -> RecorderKind:
    return RecorderKind(RecorderKind.parse(value))


def _grain(value: object) -> Grain | None:
    return None if value is None else Grain(Grain.parse(value))


# -- helpers ---------------------------------------------------------------------------


def content_id(text: str, uri: str | None = None, published_at: datetime | None = None) -> str:
    """The id of a source: the first 16 hex digits of the SHA-256 of its text, its
    address and its publication time, so two releases with the same body but another
    date or address are two sources, and the same document is always the same id.

    The address counts only when it is a real one (``https://…``, ``urn:…``): a local
    file's path (``file://…`` or a bare path) says where a copy was read from, not what
    the document is, so moving a folder of articles does not make them new.  Without an
    address or a time, the id is the hash of the text alone."""
    parts = [text]
    address = document_address(uri)
    when = None if published_at is None else published_at.astimezone(timezone.utc).isoformat()
    if address is not None or when is not None:
        parts += ["", address or "", when or ""]
    key = "\x00".join(parts)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def document_address(uri: str | None) -> str | None:
    """``uri`` when it is a document's address (a URL or URN), None for a local path
    (``file://…``, ``C:\\…``, ``notes.txt``) or nothing: what :func:`content_id` hashes."""
    if not uri or not uri.strip():
        return None
    uri = uri.strip()
    scheme, sep, _ = uri.partition(":")
    # "C:\\news\\a.txt" is a Windows path, not a URL with scheme "c".
    if not sep or len(scheme) < 2 or scheme.lower() == "file" or not scheme.isascii():
        return None
    if not all(ch.isalnum() or ch in "+.-" for ch in scheme):
        return None
    return uri


def claim_id(source_id: str, span: tuple[int, int], speaker_id: str | None) -> str:
    """A claim's stable id: source, span and speaker, so one quote of two speakers is two."""
    key = f"{source_id}:{span[0]}:{span[1]}:{speaker_id or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def slugify(name: str) -> str:
    """A lower-case ASCII slug for an actor's id ("Sir Keir Starmer" -> "sir-keir-starmer").

    A leading "the" is dropped, as name lookup drops it (``actors.normalise_name``), so
    "the Glen Rosa" and "Glen Rosa" are one id."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stripped = folded.strip()
    if stripped[:4].lower() == "the " and any(ch.isalnum() for ch in stripped[4:]):
        folded = stripped[4:]
    out: list[str] = []
    dash = False
    for ch in folded.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    slug = "".join(out).strip("-")
    if slug:
        return slug
    return "x-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]


# -- values ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """One document: an article, a feed entry, a transcript or a statement.

    ``id`` is the hash of ``text``, ``uri`` and ``published_at`` (:func:`content_id`;
    use :meth:`from_text`), so the same document is the same source.  ``published_at``
    may be unknown (None); then relative times in it stay unresolved rather than being
    resolved against today.  ``meta`` holds anything else a loader knows; the keys
    ``kind`` (e.g. ``"transcript"``) and ``media_type`` (e.g. ``"text/html"``) say what
    sort of document it is, which extractors can claim (:func:`claimtrack.owns_sources`).
    """

    id: str = attrs.field(validator=_non_empty)
    text: str = attrs.field(repr=False)
    uri: str | None = None
    title: str | None = None
    publisher: str | None = None
    published_at: datetime | None = attrs.field(default=None, validator=_aware)
    retrieved_at: datetime | None = attrs.field(default=None, validator=_aware)
    language: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_meta, eq=False)

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Source:
        """Build a source whose id is :func:`content_id` of ``text`` and the ``uri`` and
        ``published_at`` among ``fields``."""
        return cls(
            id=content_id(text, fields.get("uri"), fields.get("published_at")),
            text=text,
            **fields,
        )

    @property
    def identity(self) -> str:
        """The id this source's text, address and publication time give
        (:func:`content_id`); ``id`` is that unless the source was re-dated after it
        was made (``attrs.evolve``), as a corrected ``--published`` is."""
        return content_id(self.text, self.uri, self.published_at)

    @property
    def reporter(self) -> str | None:
        """Who wrote the document (:func:`reporter_of` its ``meta``): not the speaker of
        its claims, nor the outlet (``publisher``)."""
        return reporter_of(self.meta)

    @property
    def ref(self) -> SourceRef:
        """This source's identity and metadata, without its text."""
        return SourceRef(
            id=self.id,
            uri=self.uri,
            title=self.title,
            publisher=self.publisher,
            published_at=self.published_at,
            meta=self.meta,
        )


#: The ``meta`` keys that name a source's reporter, the first given wins: ``author``
#: (a text header, an HTML page's author, a feed entry's) then ``byline`` (the text
#: loader's byline rule, ``byline-line``).
REPORTER_KEYS = ("author", "byline")


def reporter_of(meta: Mapping[str, Any]) -> str | None:
    """The reporter a source's ``meta`` names (:data:`REPORTER_KEYS`), else None."""
    for key in REPORTER_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


@attrs.frozen(kw_only=True)
class SourceRef:
    """A source's identity and metadata without its text: what reports and records
    need.  ``meta`` is the source's (its reporter, a review it came from)."""

    id: str = attrs.field(validator=_non_empty)
    uri: str | None = None
    title: str | None = None
    publisher: str | None = None
    published_at: datetime | None = attrs.field(default=None, validator=_aware)
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_meta, eq=False)

    @property
    def reporter(self) -> str | None:
        """Who wrote the document (:func:`reporter_of`), apart from speaker and outlet."""
        return reporter_of(self.meta)


@attrs.frozen(kw_only=True)
class Actor:
    """Someone who speaks or must act: a person, organisation, country or group."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    kind: ActorKind = attrs.field(default=ActorKind.UNKNOWN, converter=_actor_kind)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    @classmethod
    def named(
        cls, name: str, kind: ActorKind | str = ActorKind.UNKNOWN, aliases: Iterable[str] = ()
    ) -> Actor:
        """An actor whose id is the slug of its name."""
        return cls(id=slugify(name), name=name, kind=kind, aliases=tuple(aliases))


def _window_end(inst: TimeWindow, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    _aware(inst, attribute, value)
    if (inst.start is None) != (value is None):
        raise ValueError("a time window has both start and end, or neither (unresolved)")
    if inst.start is not None and value is not None and value <= inst.start:
        raise ValueError(
            f"a time window must end after it starts: end {value.isoformat()} <= start {inst.start.isoformat()}"
        )


@attrs.frozen(kw_only=True)
class TimeWindow:
    """A span of time ``[start, end)`` (end exclusive), as a phrase of text resolved it.

    "this week" is a window, never a point.  A vague phrase ("soon") is a window with
    ``vague`` set, starting at the reference.  A phrase that could not be resolved (no
    reference time) keeps its ``text`` with ``start`` and ``end`` both None.
    """

    start: datetime | None = attrs.field(validator=_aware)
    end: datetime | None = attrs.field(validator=_window_end)
    grain: Grain | None = attrs.field(default=None, converter=_grain)
    text: str = ""
    reference: datetime | None = attrs.field(default=None, validator=_aware)
    vague: bool = False

    @property
    def resolved(self) -> bool:
        """Whether the window has real start and end times."""
        return self.start is not None

    def contains(self, when: datetime) -> bool:
        """Whether ``when`` falls inside ``[start, end)``."""
        return self.start is not None and self.end is not None and self.start <= when < self.end


def _span(inst: Claim, attribute: attrs.Attribute[Any], value: tuple[int, int]) -> None:
    if len(value) != 2:
        raise ValueError(f"span must be (start, end), got {value!r}")
    start, end = value
    if start < 0 or end <= start:
        raise ValueError(f"span must satisfy 0 <= start < end, got {value!r}")
    if end - start != len(inst.text):
        raise ValueError(
            f"span {value!r} covers {end - start} characters but the claim text has {len(inst.text)}"
        )


def _span_tuple(value: Iterable[int]) -> tuple[int, int]:
    items = tuple(int(v) for v in value)
    if len(items) != 2:
        raise ValueError(f"span must be (start, end), got {items!r}")
    return items[0], items[1]


def _confidences(value: Mapping[str, float | None] | None) -> Mapping[str, float | None]:
    out: dict[str, float | None] = {"speaker": None, "actor": None, "due": None}
    for key, conf in (value or {}).items():
        if key not in out:
            raise ValueError(f"unknown confidence {key!r}; expected speaker, actor or due")
        if conf is not None and not 0.0 <= float(conf) <= 1.0:
            raise ValueError(f"confidence for {key} must be between 0 and 1, got {conf!r}")
        out[key] = None if conf is None else float(conf)
    return out


@attrs.frozen(kw_only=True)
class Claim:
    """One asserted proposition with its speaker, found in a source.

    ``text`` is the exact substring ``source.text[span[0]:span[1]]`` (code-point
    offsets); use :meth:`check_against` to verify that against its source.  For
    commitments, demands and predictions, ``actor``, ``action``, ``due`` and
    ``condition`` say who is to act, what, by when and on what condition.
    ``extractor`` names the plugin that found it (claimtrack fills it in) and ``rules``
    the extractor's rules that made it, so a person can see why it is there.
    """

    id: str = attrs.field(validator=_non_empty)
    source_id: str = attrs.field(validator=_non_empty)
    kind: ClaimKind = attrs.field(converter=_claim_kind)
    text: str = attrs.field(validator=_non_empty)
    span: tuple[int, int] = attrs.field(converter=_span_tuple, validator=_span)
    speaker: Actor | None = None
    sentence: str = ""
    cue: str | None = None
    direct: bool = False
    asserted_at: datetime | None = attrs.field(default=None, validator=_aware)
    actor: Actor | None = None
    action: str | None = None
    due: TimeWindow | None = None
    condition: str | None = None
    confidence: float = attrs.field(default=0.5, converter=float, validator=_unit_interval)
    confidences: Mapping[str, float | None] = attrs.field(
        factory=dict, converter=_confidences, eq=False
    )
    extractor: str | None = None
    rules: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    @classmethod
    def build(
        cls, *, source_id: str, span: tuple[int, int], speaker: Actor | None, **fields: Any
    ) -> Claim:
        """Build a claim whose id is derived from its source, span and speaker."""
        sp = _span_tuple(span)
        return cls(
            id=claim_id(source_id, sp, speaker.id if speaker else None),
            source_id=source_id,
            span=sp,
            speaker=speaker,
            **fields,
        )

    @property
    def is_tracked(self) -> bool:
        """Whether this claim gets a status: every commitment, and a prediction or a
        demand that carries a resolved due window.  Statements never do."""
        if self.kind is ClaimKind.COMMITMENT:
            return True
        if self.kind is ClaimKind.STATEMENT:
            return False
        return self.due is not None and self.due.start is not None

    def check_against(self, source: Source) -> None:
        """Raise ValueError unless this claim belongs to ``source`` and its span holds its text."""
        if self.source_id != source.id:
            raise ValueError(f"claim {self.id} belongs to source {self.source_id}, not {source.id}")
        start, end = self.span
        if end > len(source.text):
            raise ValueError(
                f"claim {self.id}: span {self.span} lies outside the source text ({len(source.text)} characters)"
            )
        if source.text[start:end] != self.text:
            raise ValueError(f"claim {self.id}: text is not the source text at span {self.span}")


@attrs.frozen(kw_only=True)
class Evidence:
    """One dated, sourced verdict on a commitment.  Appended, never edited.

    ``happened_at`` is when the thing happened, ``known_at`` when it was reported (it
    counts for ``as_of`` from then), ``recorded_at`` when it entered the store.
    """

    claim_id: str = attrs.field(validator=_non_empty)
    verdict: Verdict = attrs.field(converter=_verdict)
    known_at: datetime = attrs.field(validator=_aware)
    recorded_at: datetime = attrs.field(validator=_aware)
    recorded_by: str = attrs.field(validator=_non_empty)
    recorder: RecorderKind = attrs.field(default=RecorderKind.PERSON, converter=_recorder)
    source_id: str | None = None
    uri: str | None = None
    excerpt: str | None = None
    reason: str | None = None
    happened_at: datetime | None = attrs.field(default=None, validator=_aware)
    confidence: float | None = attrs.field(
        default=None, converter=_opt_float, validator=_unit_interval
    )
    note: str | None = None
    id: int | None = None

    @property
    def by_person(self) -> bool:
        """Whether a person of this ledger (not a checker plugin, nor an imported
        review) recorded this."""
        return self.recorder is RecorderKind.PERSON

    @property
    def imported(self) -> bool:
        """Whether this is another fact-checker's published review, read in
        (``recorded_by`` names the reviewing organisation)."""
        return self.recorder is RecorderKind.IMPORTED


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(timezone.utc)

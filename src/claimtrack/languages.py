"""The language a source is written in, and the languages an extractor reads.

A source's language comes from its header (``language: fr``) or, when it has none,
from its text, by the py3langid detector (a naive Bayes model over byte n-grams,
shipped inside the package: nothing is fetched).  Only a confident answer on enough
text is kept (:data:`MIN_PROBABILITY`, :data:`MIN_LETTERS`): a one-line note is left
unlabelled rather than mislabelled, and every extractor then runs on it as before.

An extractor says which languages it reads with :func:`reads_languages`; claimtrack
does not give it sources known to be in another language, and when no extractor that
ran reads a source's language, ``add`` says so (:class:`UnreadLanguage`), naming it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import pluggy

from .errors import ClaimtrackError

__all__ = [
    "MIN_LETTERS",
    "MIN_PROBABILITY",
    "SAMPLE_CHARS",
    "UnreadLanguage",
    "detect_language",
    "extractor_languages",
    "language_label",
    "normalise_language",
    "reads_language",
    "reads_languages",
]

#: How sure the detector must be for its answer to be kept.
MIN_PROBABILITY = 0.9
#: How many letters a text needs before its language is guessed at all.
MIN_LETTERS = 40
#: The detector reads this much of the start of a text (linear time, whatever its size).
SAMPLE_CHARS = 20_000
_LANGUAGES_ATTR = "claimtrack_languages"
F = TypeVar("F", bound=Callable[..., Any])

#: English names of the languages news most often comes in (others show their code).
NAMES: dict[str, str] = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "eu": "Basque",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "ga": "Irish",
    "gl": "Galician",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "ms": "Malay",
    "mt": "Maltese",
    "nb": "Norwegian Bokmål",
    "nl": "Dutch",
    "nn": "Norwegian Nynorsk",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sq": "Albanian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "th": "Thai",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
_BY_NAME = {name.lower(): code for code, name in NAMES.items()}


class UnreadLanguage(ClaimtrackError):
    """A source is in a language no extractor that ran on it reads: it is stored, but
    its claims were not (or not reliably) extracted.  A warning, not a failure."""

    def __init__(self, where: str, language: str) -> None:
        self.where = where
        self.language = language
        super().__init__(
            f"{where}: written in {language_label(language)}, which no installed "
            "extractor reads, so no claims were taken from it (install an extractor "
            "for it, or give its real language in a `language:` header line if this "
            "is wrong)"
        )


def language_label(code: str) -> str:
    """``"French (fr)"``; a code without a known name as ``"language 'xx'"``."""
    name = NAMES.get(code)
    return f"{name} ({code})" if name else f"language {code!r}"


def normalise_language(value: str | None) -> str | None:
    """A header's language as a lower-case primary code: ``"en-GB"`` and ``"English"``
    are ``"en"``, ``"fr_FR"`` is ``"fr"``; None for nothing."""
    if value is None or not value.strip():
        return None
    text = value.strip().lower()
    if text in _BY_NAME:
        return _BY_NAME[text]
    return text.replace("_", "-").split("-", 1)[0] or None


_lock = threading.Lock()
_identifier: Any = None


def _detector() -> Any:
    # Loading the model takes a good half second: once a process, when first needed.
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in (an ISO 639-1 code such as ``"fr"``), or
    None when the text is too short (fewer than :data:`MIN_LETTERS` letters) or the
    detector is less than :data:`MIN_PROBABILITY` sure.  Reads the first
    :data:`SAMPLE_CHARS` characters only."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return None
    code, probability = _detector().classify(sample)
    if float(probability) < MIN_PROBABILITY:
        return None
    return str(code)


def reads_languages(*codes: str) -> Callable[[F], F]:
    """Declare, on a ``claimtrack_extract`` implementation, the languages it reads::

        @claimtrack.hookimpl
        @claimtrack.reads_languages("en")
        def claimtrack_extract(source, context): ...

    A source known to be in another language is not given to it (unless a person names
    it with ``--extractor``).  An extractor that declares nothing is given every
    source and taken to read whatever it is given.  When none of the extractors that
    ran on a source reads its language, ``add`` says so (:class:`UnreadLanguage`)."""
    declared = frozenset(c for c in (normalise_language(x) for x in codes) if c)
    if not declared:
        raise ValueError("reads_languages needs at least one language code, e.g. 'en'")

    def mark(function: F) -> F:
        setattr(function, _LANGUAGES_ATTR, declared)
        return function

    return mark


def extractor_languages(pm: pluggy.PluginManager) -> dict[str, frozenset[str]]:
    """The extractors that declared the languages they read, by plugin name."""
    out: dict[str, frozenset[str]] = {}
    for impl in pm.hook.claimtrack_extract.get_hookimpls():
        declared = getattr(impl.function, _LANGUAGES_ATTR, None)
        if isinstance(declared, frozenset):
            out[impl.plugin_name] = declared
    return out


def reads_language(
    names: Iterable[str], language: str, declared: Mapping[str, frozenset[str]]
) -> bool:
    """Whether one of the extractors ``names`` reads ``language``: it declared that
    language, or declared none (and so is taken to read whatever it is given)."""
    return any(name not in declared or language in declared[name] for name in names)

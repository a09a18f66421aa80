"""Page furniture: whole lines that hold no claim."""

from __future__ import annotations

__all__ = [
    "FURNITURE",
]

#: Whole lines that are page furniture, compared case-folded without trailing dots.
FURNITURE = frozenset(
    {
        "listen to this article",
        "loading audio",
        "loading video",
        "loading",
        "advertisement",
        "advert",
        "skip advert",
        "share",
        "share this article",
        "share this",
        "share on facebook",
        "share on x",
        "share on twitter",
        "copy link",
        "link copied",
        "read more",
        "related",
        "related articles",
        "most read",
        "sign up",
        "subscribe",
        "follow us",
        "watch",
        "watch live",
        "click here",
        "continue reading",
        "comments",
        "print",
        "email",
        "close",
        "menu",
        "image",
        "photo",
        "picture",
        "getty images",
        "top stories",
        "trending",
        "more on this story",
        "play",
        "pause",
        "video",
        "audio",
        "story continues below advertisement",
        "listen",
        "live",
    }
)

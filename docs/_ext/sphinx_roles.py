"""A griffe extension for the API reference: the docstrings' Sphinx roles as Markdown.

claimtrack's docstrings name other objects the Sphinx way (:class:`Tracker`,
:func:`claimtrack.extract`, ~ for the last part only); mkdocstrings reads Markdown, where
that shows as raw text.  Each role becomes the name as code.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")


def _plain(match: re.Match[str]) -> str:
    name = match.group(2).strip()
    if match.group(1):
        name = name.rsplit(".", 1)[-1]
    return f"`{name.lstrip('.')}`"


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring to Markdown code."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_plain, obj.docstring.value)

"""docs/plugins.md shows this package as it is: the guide's code is the real code."""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
GUIDE = PACKAGE.parents[1] / "docs" / "plugins.md"


@pytest.fixture
def guide() -> str:
    if not GUIDE.is_file():
        pytest.skip("docs/plugins.md is not beside this checkout")
    return GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["claimtrack_pledges.py", "pyproject.toml"])
def test_guide_quotes_the_package_verbatim(guide: str, name: str) -> None:
    source = (PACKAGE / name).read_text(encoding="utf-8").rstrip("\n")
    assert source in guide, f"docs/plugins.md is out of date with {name}"


def test_guide_covers_the_essentials(guide: str) -> None:
    for needle in (
        "claimtrack_load(uri, options)",
        "claimtrack_extract(source, context)",
        "claimtrack_register_exporters(register)",
        "[project.entry-points.claimtrack]",
        "claimtrack.testing",
        "PluginError",
        "CLAIMTRACK_LOAD_PLUGINS",
        "CLAIMTRACK_BLOCK_PLUGINS",
        "claimtrack plugins",
    ):
        assert needle in guide, needle

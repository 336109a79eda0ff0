"""Where the bundled sample module lives, so that a bare start has something to open."""

from __future__ import annotations

from pathlib import Path


def sample_module_path() -> Path:
    """The sample module folder shipped inside the package."""
    return Path(__file__).parent / "modules" / "trusting-relationship"

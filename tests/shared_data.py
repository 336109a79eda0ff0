"""Where the shared test data lives: the `shared` folder beside the checkout.

The checkout may be /work/main or a worktree deeper down (/work/wt/NAME), so the
folder is found by walking up rather than by a fixed number of parents.
"""

from __future__ import annotations

from pathlib import Path


def _shared_folder() -> Path:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared"
        if (candidate / "corpus").is_dir():
            return candidate
    raise FileNotFoundError("the shared test data folder (shared/corpus) is missing")


SHARED = _shared_folder()
CORPUS = SHARED / "corpus"
WPT_WEBVTT = SHARED / "conformance" / "wpt-webvtt"

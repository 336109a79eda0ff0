"""The `search` and `export` commands: pure Python, no Qt."""

from __future__ import annotations

import argparse
import sys


def run_search(args: argparse.Namespace) -> int:
    print("search is not built yet", file=sys.stderr)
    return 2


def run_export(args: argparse.Namespace) -> int:
    print("export is not built yet", file=sys.stderr)
    return 2

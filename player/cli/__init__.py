"""The command line (`transcript-player`): the window by default, and its subcommands.

Importing this package loads no Qt; only the bare command does, lazily.
"""

from player.cli.entry import main, parse_window_args

__all__ = ["main", "parse_window_args"]
